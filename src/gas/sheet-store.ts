/**
 * The Sheet-backed store: contract rows in and out of the bound spreadsheet
 * with one batched read (getSheetValues) and one batched write (setValues or
 * appendRow) per call, never a service call per row or cell.
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
import { activeSpreadsheet } from './active';
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

  constructor(readonly spreadsheet: Spreadsheet = activeSpreadsheet()) {}

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

  /**
   * One read of a whole sheet: getSheetValues(1, 1, -1, -1) reads up to the
   * last row and column with content in one call (getDataRange + getValues is two).
   */
  read(key: SheetKey): SheetTable {
    return this.table(key, this.requireSheet(key), allValues);
  }

  /**
   * The sheet's header row only (one call), as a table with no rows: enough to
   * append to a sheet that only grows (the progress log) without reading it.
   */
  readHeader(key: SheetKey): SheetTable {
    return this.table(key, this.requireSheet(key), headerValues);
  }

  private table(key: SheetKey, sheet: Sheet, read: (sheet: Sheet) => CellValue[][]): SheetTable {
    const values = read(sheet);
    const index = columnIndex(key, values[0] ?? []);
    const rows: SheetTable['rows'] = [];
    for (let r = 1; r < values.length; r++) {
      const line = values[r];
      if (line.every((v) => v === '' || v === null)) continue;
      const row: Row = {};
      for (const col of SHEETS[key].columns) {
        const i = index[col.key];
        row[col.key] = i < 0 ? null : fromCell(col, fromSheetCell(line[i]), (d) => this.formatDate(d, col.type));
      }
      rows.push({ row, sheetRow: r + 1 });
    }
    return { key, sheet, values, index, rows };
  }

  /** Throws a Vietnamese error when the sheet lacks one of these columns (a header was renamed or deleted). */
  requireColumns(table: SheetTable, keys: ReadonlyArray<string>): void {
    const missing = SHEETS[table.key].columns.filter((c) => keys.includes(c.key) && table.index[c.key] < 0);
    if (missing.length === 0) return;
    throw new UserFacingError(
      `Trang «${SHEETS[table.key].name}» thiếu cột ${missing.map((c) => `«${c.header}»`).join(', ')}. ` +
        'Vui lòng chọn menu Thi đua – Khen thưởng › Thiết lập bảng tính để bổ sung.',
    );
  }

  /** Appends one row after the sheet's last row in one call (Sheet.appendRow), placed by the table's header. */
  appendRow(table: SheetTable, row: Row): void {
    const header = table.values[0] ?? [];
    const used = header.reduce<number>((last, h, i) => (String(h).trim() ? i + 1 : last), 0);
    table.sheet.appendRow(this.toLine(table, row, new Array<CellValue>(used).fill('')));
  }

  /**
   * Appends rows under a table read whole, in one write (growing the sheet
   * first when needed): the cost does not depend on how many rows there are.
   */
  appendRows(table: SheetTable, rows: Row[]): void {
    if (rows.length === 0) return;
    const width = Math.max(table.values[0]?.length ?? 0, 1);
    const lines = rows.map((row) => this.toLine(table, row, new Array<CellValue>(width).fill('')));
    const start = Math.max(table.values.length, 1) + 1;
    const needed = start + lines.length - 1 - table.sheet.getMaxRows();
    if (needed > 0) table.sheet.insertRowsAfter(table.sheet.getMaxRows(), needed);
    table.sheet.getRange(start, 1, lines.length, width).setValues(lines);
    table.values.push(...lines);
  }

  /**
   * Rewrites only the given columns of the given rows: one setValues per run
   * of adjacent columns (the contract keeps the computed columns together, so
   * usually one), over the rows from the first to the last given. Cells of
   * other rows inside that span are written back as read.
   */
  writeColumns(
    table: SheetTable,
    rows: ReadonlyArray<{ sheetRow: number; row: Row }>,
    keys: ReadonlyArray<string>,
  ): void {
    if (rows.length === 0) return;
    const columns = SHEETS[table.key].columns.filter((c) => keys.includes(c.key) && table.index[c.key] >= 0);
    const positions = columns.map((c) => table.index[c.key]).sort((a, b) => a - b);
    const first = Math.min(...rows.map((r) => r.sheetRow));
    const last = Math.max(...rows.map((r) => r.sheetRow));
    const lines: CellValue[][] = [];
    for (let r = first; r <= last; r++) lines.push((table.values[r - 1] ?? []).slice());
    for (const { sheetRow, row } of rows) {
      const line = lines[sheetRow - first];
      for (const col of columns) line[table.index[col.key]] = toSheetCell(col.type, toCell(col, row[col.key]));
    }
    let start = 0;
    while (start < positions.length) {
      let end = start + 1;
      while (end < positions.length && positions[end] === positions[end - 1] + 1) end++;
      const from = positions[start];
      const width = positions[end - 1] - from + 1;
      const block = lines.map((line) => Array.from({ length: width }, (_, i) => line[from + i] ?? ''));
      table.sheet.getRange(first, from + 1, block.length, width).setValues(block);
      start = end;
    }
    lines.forEach((line, i) => (table.values[first - 1 + i] = line));
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
    if (type !== 'date') return date.toISOString();
    // Date columns repeat a few days (midnight of each) many times: each is converted once.
    const ms = date.getTime();
    let iso = this.days.get(ms);
    if (iso === undefined) {
      iso = isoDateIn(this.timeZone, date);
      this.days.set(ms, iso);
    }
    return iso;
  }

  private readonly days = new Map<number, string>();
}

/**
 * Every value of a sheet in one call. On an empty sheet -1 finds no last row
 * and Sheets throws; such a sheet reads as one empty cell.
 */
function allValues(sheet: Sheet): CellValue[][] {
  try {
    return sheet.getSheetValues(1, 1, -1, -1) as CellValue[][];
  } catch {
    return [['']];
  }
}

function headerValues(sheet: Sheet): CellValue[][] {
  try {
    return sheet.getSheetValues(1, 1, 1, -1) as CellValue[][];
  } catch {
    return [['']];
  }
}

/**
 * A value as written to Sheets. Imported text is data: a string that Sheets
 * would take for a formula gets the apostrophe prefix, which Sheets consumes
 * and keeps the text as typed. Dates become Date cells.
 */
/**
 * The inverse of toSheetCell's apostrophe: in a cell formatted as plain text
 * Sheets keeps the apostrophe we put before formula-looking text, so reading
 * drops it again and the value round-trips unchanged.
 */
export function fromSheetCell(value: CellValue): CellValue {
  return typeof value === 'string' && value.startsWith("'") && looksLikeFormula(value.slice(1))
    ? value.slice(1)
    : value;
}

export function toSheetCell(type: string, value: CellValue): CellValue {
  if (typeof value === 'string') {
    if (type === 'date' && isIsoDate(value)) return isoToDate(value);
    if (type === 'datetime' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return new Date(value);
    if (looksLikeFormula(value)) return `'${value}`;
  }
  return value;
}
