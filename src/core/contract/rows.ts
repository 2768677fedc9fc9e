/**
 * Turning sheet values (2-D arrays, header row first) into rows keyed by the
 * contract's column keys, and back. Pure: both the Sheet store (Apps Script)
 * and the file stores (Node) use it, so they agree on every cell.
 */
import { SHEETS, type SheetKey, type ColumnSpec } from './sheets';
import { codeOf, labelOf } from './lists';

export type CellValue = string | number | boolean | Date | null;
export type RowValue = string | number | boolean | null;
/** A row as the core sees it: column key → value; dates as ISO strings. */
export type Row = Record<string, RowValue>;

/**
 * Where each column of the contract sits in a sheet whose header row is given,
 * matching headers by their text so a sheet whose columns were moved by hand
 * still reads right. Returns -1 for a missing column.
 */
export function columnIndex(sheet: SheetKey, headerRow: ReadonlyArray<CellValue>): Record<string, number> {
  const byHeader = new Map<string, number>();
  headerRow.forEach((h, i) => {
    const text = String(h ?? '')
      .trim()
      .toLowerCase();
    if (text && !byHeader.has(text)) byHeader.set(text, i);
  });
  const index: Record<string, number> = {};
  for (const col of SHEETS[sheet].columns) {
    index[col.key] = byHeader.get(col.header.toLowerCase()) ?? -1;
  }
  return index;
}

/** Headers the contract wants that the sheet lacks. */
export function missingHeaders(sheet: SheetKey, headerRow: ReadonlyArray<CellValue>): string[] {
  const index = columnIndex(sheet, headerRow);
  return SHEETS[sheet].columns.filter((c) => index[c.key] < 0).map((c) => c.header);
}

/** The sheet's data rows (after the header) as contract rows; blank rows dropped. */
export function valuesToRows(
  sheet: SheetKey,
  values: ReadonlyArray<ReadonlyArray<CellValue>>,
  timeZoneOffset?: (d: Date) => string,
): Row[] {
  if (values.length === 0) return [];
  const index = columnIndex(sheet, values[0]);
  const rows: Row[] = [];
  for (let r = 1; r < values.length; r++) {
    const line = values[r];
    if (line.every((v) => v === '' || v === null || v === undefined)) continue;
    const row: Row = {};
    for (const col of SHEETS[sheet].columns) {
      const i = index[col.key];
      row[col.key] = i < 0 ? null : fromCell(col, line[i], timeZoneOffset);
    }
    rows.push(row);
  }
  return rows;
}

/** One contract row as the cells of a sheet line in contract column order. */
export function rowToValues(sheet: SheetKey, row: Row): CellValue[] {
  return SHEETS[sheet].columns.map((col) => toCell(col, row[col.key]));
}

/** A cell as the row value of a column. */
export function fromCell(col: ColumnSpec, value: CellValue | undefined, formatDate?: (d: Date) => string): RowValue {
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Date) {
    if (formatDate) return formatDate(value);
    const iso = value.toISOString();
    return col.type === 'date' ? iso.slice(0, 10) : iso;
  }
  if (col.list && typeof value === 'string') return codeOf(col.list, value) ?? value;
  if ((col.type === 'integer' || col.type === 'number' || col.type === 'percent') && typeof value === 'string') {
    const n = Number(value.replace(',', '.').replace('%', ''));
    if (Number.isFinite(n)) return col.type === 'percent' && value.includes('%') ? n / 100 : n;
  }
  return value;
}

/**
 * A row value as a cell. Dates stay ISO strings here; each store turns them into
 * its own date cells. List codes become their Vietnamese labels.
 */
export function toCell(col: ColumnSpec, value: RowValue | undefined): CellValue {
  if (value === undefined || value === null) return '';
  if (col.list && typeof value === 'string') return labelOf(col.list, value);
  return value;
}

/**
 * Text a spreadsheet would take for a formula or a command: = + - @ at the
 * start, or a leading tab or carriage return. Imported text must stay text.
 */
export function looksLikeFormula(value: unknown): boolean {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value);
}
