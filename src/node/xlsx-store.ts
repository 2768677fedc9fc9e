/**
 * The local master workbook (.xlsx), the embedded default store: the same
 * sheets and headers as the Google Sheet, from the workbook contract. It is
 * read whole and written whole, atomically.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import {
  DEFAULT_SETTINGS,
  LISTS,
  MASTER_MARKER_SHEET,
  SHEETS,
  SHEET_ORDER,
  columnIndex,
  fromCell,
  toCell,
  type CellValue,
  type ColumnSpec,
  type Row,
  type SheetKey,
} from '../core/contract';
import { dateToIso, isIsoDate, isoToDate } from '../core/dates';
import { writeFileAtomic } from './atomic-write';
import { UserError } from './errors';

/** The whole master as contract rows, sheet by sheet. */
export type MasterData = { [K in SheetKey]: Row[] };

export function emptyMaster(): MasterData {
  const data = {} as MasterData;
  for (const key of SHEET_ORDER) data[key] = [];
  data.settings = DEFAULT_SETTINGS.map((s) => ({ ...s }));
  return data;
}

const NUMBER_FORMAT: Partial<Record<ColumnSpec['type'], string>> = {
  text: '@',
  longtext: '@',
  url: '@',
  email: '@',
  integer: '0',
  percent: '0%',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
};

/** A row value as an exceljs cell value. Dates become Date cells; text stays text (never a formula). */
function toXlsxCell(col: ColumnSpec, value: Row[string]): ExcelJS.CellValue {
  const cell = toCell(col, value);
  if (cell === '' || cell === null) return null;
  if (typeof cell === 'string') {
    if (col.type === 'date' && isIsoDate(cell)) return isoToDate(cell);
    if (col.type === 'datetime' && /^\d{4}-\d{2}-\d{2}T/.test(cell)) return new Date(cell);
  }
  // exceljs writes a string as a string cell even when it starts with "=":
  // only { formula } objects become formulas.
  return cell as ExcelJS.CellValue;
}

/** An exceljs cell value as a plain cell value: formulas give their cached result, rich text its text. */
export function plainCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      return result === undefined || typeof result === 'object' ? plainCellValue(result as ExcelJS.CellValue) : result;
    }
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
    return '';
  }
  return value;
}

function addSheet(workbook: ExcelJS.Workbook, key: SheetKey, rows: Row[]): void {
  const spec = SHEETS[key];
  const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((col) => ({
    header: col.header,
    key: col.key,
    width: Math.round((col.width ?? 120) / 7),
    style: NUMBER_FORMAT[col.type] ? { numFmt: NUMBER_FORMAT[col.type] } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  spec.columns.forEach((col, i) => {
    header.getCell(i + 1).fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: col.computed ? 'FFE8EAED' : 'FFD9E7FD' },
    };
  });
  for (const row of rows) {
    sheet.addRow(spec.columns.map((col) => toXlsxCell(col, row[col.key])));
  }
  // Drop-downs for list columns, over the rows written plus room to type more
  // (exceljs merges equal neighbouring validations into one range when writing).
  const lastRow = Math.max(rows.length + 1, 200);
  spec.columns.forEach((col, i) => {
    if (!col.list) return;
    const validation: ExcelJS.DataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${LISTS[col.list].map((o) => o.label).join(',')}"`],
      showErrorMessage: true,
      errorTitle: 'Giá trị không hợp lệ',
      error: 'Vui lòng chọn một giá trị trong danh sách.',
    };
    for (let r = 2; r <= lastRow; r++) sheet.getCell(r, i + 1).dataValidation = validation;
  });
}

export function masterWorkbook(data: MasterData): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'tdkt';
  workbook.created = new Date();
  for (const key of SHEET_ORDER) addSheet(workbook, key, data[key]);
  return workbook;
}

/** Writes the master atomically: the previous file stays intact until the new one is complete. */
export async function writeMaster(file: string, data: MasterData): Promise<void> {
  const workbook = masterWorkbook(data);
  await writeFileAtomic(file, (temp) => workbook.xlsx.writeFile(temp));
}

export async function readMaster(file: string): Promise<MasterData> {
  if (!fs.existsSync(file)) {
    throw new UserError(`Không tìm thấy bảng tính chính «${file}». Hãy tạo bằng lệnh: npx tdkt init ${file}`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (err) {
    throw new UserError(`Không đọc được bảng tính chính «${file}»: ${(err as Error).message}`);
  }
  if (!workbook.getWorksheet(SHEETS[MASTER_MARKER_SHEET].name)) {
    throw new UserError(
      `Bảng tính chính «${file}» thiếu trang «${SHEETS[MASTER_MARKER_SHEET].name}». Tệp này không phải bảng tính tdkt hoặc đã bị sửa cấu trúc.`,
    );
  }
  const data = emptyMaster();
  for (const key of SHEET_ORDER) {
    // A sheet added to the contract after this master was made reads as empty and is created on the next write.
    const sheet = workbook.getWorksheet(SHEETS[key].name);
    if (sheet) data[key] = sheetRows(key, sheet);
  }
  return data;
}

function sheetRows(key: SheetKey, sheet: ExcelJS.Worksheet): Row[] {
  const values: CellValue[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const line: CellValue[] = [];
    for (let c = 1; c <= width; c++) line.push(plainCellValue(row.getCell(c).value));
    values[rowNumber - 1] = line;
  });
  for (let i = 0; i < values.length; i++) values[i] ??= new Array<CellValue>(width).fill('');
  if (values.length === 0) return [];
  const index = columnIndex(key, values[0]);
  const rows: Row[] = [];
  for (const line of values.slice(1)) {
    if (line.every((v) => v === '' || v === null)) continue;
    const row: Row = {};
    for (const col of SHEETS[key].columns) {
      const i = index[col.key];
      row[col.key] =
        i < 0 ? null : fromCell(col, line[i], (d) => (col.type === 'date' ? dateToIso(d) : d.toISOString()));
    }
    rows.push(row);
  }
  return rows;
}
