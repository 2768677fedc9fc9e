/**
 * The local master workbook (.xlsx), the embedded default store: the same
 * sheets and headers as the Google Sheet, from the workbook contract. It is
 * read whole and written whole, atomically.
 */
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
import { loadWorkbookLite } from './ooxml/read';
import { writeXlsx, type XlsxSheet, type XlsxValue } from './ooxml/write';

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

/** A row value as a cell value. Dates become Date cells; text stays text (never a formula). */
function toXlsxCell(col: ColumnSpec, value: Row[string]): XlsxValue {
  const cell = toCell(col, value);
  if (cell === '' || cell === null) return null;
  if (typeof cell === 'string') {
    if (col.type === 'date' && isIsoDate(cell)) return isoToDate(cell);
    if (col.type === 'datetime' && /^\d{4}-\d{2}-\d{2}T/.test(cell)) return new Date(cell);
  }
  // The writer keeps every string a string cell, "=…" included: no formula comes from data.
  return cell as XlsxValue;
}

/**
 * A cell value as exceljs or the lite reader gives it, as a plain value:
 * formulas give their cached result, rich text its text.
 */
export function plainCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as Array<{ text?: string }>).map((r) => r.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) return plainCellValue(v.result);
    if ('text' in v) return String(v.text);
    if ('error' in v) return String(v.error);
    return '';
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return '';
}

const HEADER_FILL = { input: 'FFD9E7FD', computed: 'FFE8EAED' };

/** A contract sheet as the writer's sheet: header, widths, formats, drop-downs. */
function sheetOf(key: SheetKey, rows: Row[]): XlsxSheet {
  const spec = SHEETS[key];
  // Drop-downs over the rows written plus room to type more.
  const lastRow = Math.max(rows.length + 1, 200);
  return {
    name: spec.name,
    columns: spec.columns.map((col) => ({
      width: Math.round((col.width ?? 120) / 7),
      style: NUMBER_FORMAT[col.type] ? { numFmt: NUMBER_FORMAT[col.type] } : undefined,
    })),
    header: {
      values: spec.columns.map((col) => col.header),
      styles: spec.columns.map((col) => ({
        bold: true,
        wrap: true,
        vertical: 'middle',
        fill: col.computed ? HEADER_FILL.computed : HEADER_FILL.input,
      })),
    },
    rows: rows.map((row) => spec.columns.map((col) => toXlsxCell(col, row[col.key]))),
    validations: spec.columns.flatMap((col, i) =>
      col.list
        ? [
            {
              column: i + 1,
              fromRow: 2,
              toRow: lastRow,
              options: LISTS[col.list].map((o) => o.label),
              errorTitle: 'Giá trị không hợp lệ',
              error: 'Vui lòng chọn một giá trị trong danh sách.',
            },
          ]
        : [],
    ),
  };
}

/** The master as an .xlsx file's bytes. */
export function masterFile(data: MasterData): Buffer {
  return writeXlsx(
    SHEET_ORDER.map((key) => sheetOf(key, data[key])),
    { creator: 'tdkt' },
  );
}

/** Writes the master atomically: the previous file stays intact until the new one is complete. */
export async function writeMaster(file: string, data: MasterData): Promise<void> {
  const bytes = masterFile(data);
  await writeFileAtomic(file, (temp) => fs.promises.writeFile(temp, bytes));
}

/** Each sheet's cells as a grid of plain values (row 1 first), by sheet name. */
type SheetGrids = Map<string, CellValue[][]>;

/** The fast path: this project's own reader (see ooxml/read.ts); null when the file needs exceljs. */
function gridsLite(buffer: Buffer): SheetGrids | null {
  const workbook = loadWorkbookLite(buffer);
  if (!workbook) return null;
  const grids: SheetGrids = new Map();
  for (const sheet of workbook.worksheets) {
    const grid: CellValue[][] = [];
    const width = sheet.cells.reduce((w, c) => Math.max(w, c.col), 0);
    for (const cell of sheet.cells) {
      const line = (grid[cell.row - 1] ??= new Array<CellValue>(width).fill(''));
      line[cell.col - 1] = plainCellValue(cell.value);
    }
    for (let i = 0; i < grid.length; i++) grid[i] ??= new Array<CellValue>(width).fill('');
    if (!grids.has(sheet.name)) grids.set(sheet.name, grid);
  }
  return grids;
}

/** A master saved by a program whose .xlsx the lite reader leaves aside: exceljs reads it. */
async function gridsExceljs(buffer: Buffer): Promise<SheetGrids> {
  // Required here only: loading exceljs costs more than reading a master the fast way.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const grids: SheetGrids = new Map();
  for (const sheet of workbook.worksheets) {
    const grid: CellValue[][] = [];
    const width = sheet.columnCount;
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const line: CellValue[] = [];
      for (let c = 1; c <= width; c++) line.push(plainCellValue(row.getCell(c).value));
      grid[rowNumber - 1] = line;
    });
    for (let i = 0; i < grid.length; i++) grid[i] ??= new Array<CellValue>(width).fill('');
    grids.set(sheet.name, grid);
  }
  return grids;
}

export async function readMaster(file: string): Promise<MasterData> {
  if (!fs.existsSync(file)) {
    throw new UserError(`Không tìm thấy bảng tính chính «${file}». Hãy tạo bằng lệnh: npx tdkt init ${file}`);
  }
  let grids: SheetGrids;
  try {
    const buffer = await fs.promises.readFile(file);
    grids = gridsLite(buffer) ?? (await gridsExceljs(buffer));
  } catch (err) {
    throw new UserError(`Không đọc được bảng tính chính «${file}»: ${(err as Error).message}`);
  }
  if (!grids.has(SHEETS[MASTER_MARKER_SHEET].name)) {
    throw new UserError(
      `Bảng tính chính «${file}» thiếu trang «${SHEETS[MASTER_MARKER_SHEET].name}». Tệp này không phải bảng tính tdkt hoặc đã bị sửa cấu trúc.`,
    );
  }
  const data = emptyMaster();
  for (const key of SHEET_ORDER) {
    // A sheet added to the contract after this master was made reads as empty and is created on the next write.
    const grid = grids.get(SHEETS[key].name);
    if (grid) data[key] = gridRows(key, grid);
  }
  return data;
}

function gridRows(key: SheetKey, values: CellValue[][]): Row[] {
  if (values.length === 0) return [];
  const index = columnIndex(key, values[0]);
  const rows: Row[] = [];
  for (const line of values.slice(1)) {
    if (line.every((v) => v === '' || v === null)) continue;
    const row: Row = {};
    for (const col of SHEETS[key].columns) {
      const i = index[col.key];
      row[col.key] =
        i < 0 ? null : fromCell(col, line[i] ?? '', (d) => (col.type === 'date' ? dateToIso(d) : d.toISOString()));
    }
    rows.push(row);
  }
  return rows;
}
