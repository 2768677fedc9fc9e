/**
 * The Sheet-backed store: contract rows in and out of the bound spreadsheet
 * with one batched read (getDataRange().getValues()) and one batched write
 * (setValues) per call, never a service call per row or cell.
 */
import {
  SHEETS,
  columnIndex,
  fromCell,
  looksLikeFormula,
  toCell,
  type CellValue,
  type Row,
  type SheetKey,
} from '../core/contract';
import { isIsoDate, isoToDate, isoDateIn } from '../core/dates';
import { UserFacingError } from './errors';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SheetTable {
  key: SheetKey;
  sheet: Sheet;
  /** All values, header row first, as getValues returned them. */
  values: CellValue[][];
  /** Where each contract column sits (0-based), -1 when missing. */
  index: Record<string, number>;
  /** Data rows as contract rows, with their 1-based sheet row numbers. */
  rows: Array<{ row: Row; sheetRow: number }>;
}

export class SheetStore {
  /**
   * The council's time zone is the script's (appsscript.json: Asia/Ho_Chi_Minh);
   * asking Session costs no Spreadsheet call.
   */
  readonly timeZone: string = Session.getScriptTimeZone();

  constructor(readonly spreadsheet: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()) {}

  sheet(key: SheetKey): Sheet | null {
    return this.spreadsheet.getSheetByName(SHEETS[key].name);
  }

  requireSheet(key: SheetKey): Sheet {
    const sheet = this.sheet(key);
    if (!sheet) {
      throw new UserFacingError(
        `Bảng tính chưa có trang «${SHEETS[key].name}». Vui lòng chọn menu Thi đua – Khen thưởng › Thiết lập bảng tính.`,
      );
    }
    return sheet;
  }

  /** One read of a whole sheet. */
  read(key: SheetKey): SheetTable {
    const sheet = this.requireSheet(key);
    const values = sheet.getDataRange().getValues() as CellValue[][];
    const index = columnIndex(key, values[0] ?? []);
    const rows: SheetTable['rows'] = [];
    for (let r = 1; r < values.length; r++) {
      const line = values[r];
      if (line.every((v) => v === '' || v === null)) continue;
      const row: Row = {};
      for (const col of SHEETS[key].columns) {
        const i = index[col.key];
        row[col.key] = i < 0 ? null : fromCell(col, line[i], (d) => this.formatDate(d, col.type));
      }
      rows.push({ row, sheetRow: r + 1 });
    }
    return { key, sheet, values, index, rows };
  }

  /**
   * Appends rows to a sheet without reading its data: only its header row, so
   * the cost does not grow with the sheet (the progress log only ever grows).
   */
  appendToSheet(key: SheetKey, rows: Row[]): void {
    const sheet = this.requireSheet(key);
    const header = sheet.getRange('1:1').getValues()[0] as CellValue[];
    const table: SheetTable = { key, sheet, values: [header], index: columnIndex(key, header), rows: [] };
    const used = header.reduce<number>((last, h, i) => (String(h).trim() ? i + 1 : last), 0);
    for (const row of rows) sheet.appendRow(this.toLine(table, row, new Array<CellValue>(used).fill('')));
  }

  /**
   * Rewrites all data rows in one write: `rows` replace the sheet's data rows in
   * order (existing rows first, then new ones), and cells of columns the
   * contract does not know are kept for the rows that were there.
   */
  replaceRows(table: SheetTable, rows: Row[]): void {
    const width = Math.max(table.values[0]?.length ?? 0, 1);
    const blank = () => new Array<CellValue>(width).fill('');
    const kept = table.rows.map((r) => table.values[r.sheetRow - 1]);
    const lines = rows.map((row, i) => this.toLine(table, row, (kept[i] ?? blank()).slice()));
    // Cover the old data's whole extent so no old row is left behind further down.
    while (lines.length < table.values.length - 1) lines.push(blank());
    if (lines.length === 0) return;
    const needed = lines.length + 1 - table.sheet.getMaxRows();
    if (needed > 0) table.sheet.insertRowsAfter(table.sheet.getMaxRows(), needed);
    table.sheet.getRange(2, 1, lines.length, width).setValues(lines);
  }

  /** Rewrites one existing row in one write, keeping cells of columns the contract does not know. */
  update(table: SheetTable, sheetRow: number, row: Row): void {
    const current = table.values[sheetRow - 1];
    const line = this.toLine(table, row, current.slice());
    table.sheet.getRange(sheetRow, 1, 1, line.length).setValues([line]);
    table.values[sheetRow - 1] = line;
  }

  private toLine(table: SheetTable, row: Row, line: CellValue[]): CellValue[] {
    for (const col of SHEETS[table.key].columns) {
      const i = table.index[col.key];
      if (i < 0 || !(col.key in row)) continue;
      line[i] = toSheetCell(col.type, toCell(col, row[col.key]));
    }
    return line;
  }

  /** Pure (Intl), so reading a sheet costs no service call per date cell. */
  private formatDate(date: Date, type: string): string {
    return type === 'date' ? isoDateIn(this.timeZone, date) : date.toISOString();
  }
}

/**
 * A value as written to Sheets. Imported text is data: a string that Sheets
 * would take for a formula gets the apostrophe prefix, which Sheets consumes
 * and keeps the text as typed. Dates become Date cells.
 */
export function toSheetCell(type: string, value: CellValue): CellValue {
  if (typeof value === 'string') {
    if (type === 'date' && isIsoDate(value)) return isoToDate(value);
    if (type === 'datetime' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return new Date(value);
    if (looksLikeFormula(value)) return `'${value}`;
  }
  return value;
}
