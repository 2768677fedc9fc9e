/**
 * The spreadsheets a local Sheets API server holds, and the operations of the
 * API on them. Values are stored as the API describes cells: a user-entered
 * value (ExtendedValue) and a user-entered format per cell, so a test can look
 * at what a client really stored (a string or a formula, a date format...).
 */
import { columnLetters, formatA1, parseCells, splitSheet } from './a1';
import { ApiError, invalid } from './errors';
import { compileMask, withFields } from './field-mask';
import {
  inputValue,
  renderCell,
  type Cell,
  type CellFormat,
  type DateTimeRenderOption,
  type ExtendedValue,
  type ValueInputOption,
  type ValueRenderOption,
} from './values';

export interface GridProperties {
  rowCount: number;
  columnCount: number;
  frozenRowCount?: number;
  frozenColumnCount?: number;
}

export interface SheetProperties {
  sheetId: number;
  title: string;
  index: number;
  sheetType: 'GRID';
  gridProperties: GridProperties;
  hidden?: boolean;
  [field: string]: unknown;
}

export interface FakeSheet {
  properties: SheetProperties;
  /** Row-major, sparse. */
  cells: Array<Array<Cell | undefined> | undefined>;
  /** Column widths in pixels set through updateDimensionProperties. */
  columnWidths: Record<number, number>;
}

export type Access = 'writer' | 'reader' | 'none';

export interface FakeSpreadsheet {
  spreadsheetId: string;
  properties: { title: string; locale: string; timeZone: string; autoRecalc: string; [field: string]: unknown };
  sheets: FakeSheet[];
  /** What the caller may do: answer 403 to writes ("reader") or to everything ("none"). */
  access: Access;
}

export interface CreateOptions {
  spreadsheetId?: string;
  title?: string;
  timeZone?: string;
  locale?: string;
  /** Sheet titles; a new spreadsheet has one sheet, like one made in the Sheets UI. */
  sheets?: string[];
  access?: Access;
}

/** A range resolved against a sheet: bounds clamped to the grid, 0-based, half-open. */
export interface GridSpan {
  sheet: FakeSheet;
  startRow: number;
  endRow: number;
  startCol: number;
  endCol: number;
  singleCell: boolean;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

function sameTitle(a: string, b: string): boolean {
  return a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();
}

export class SheetsState {
  readonly spreadsheets = new Map<string, FakeSpreadsheet>();
  private nextId = 1;

  create(options: CreateOptions = {}): FakeSpreadsheet {
    const spreadsheetId = options.spreadsheetId ?? `test-${Math.random().toString(36).slice(2, 12)}`;
    const locale = options.locale ?? 'vi_VN';
    const titles = options.sheets ?? [locale.startsWith('vi') ? 'Trang tính1' : 'Sheet1'];
    const spreadsheet: FakeSpreadsheet = {
      spreadsheetId,
      properties: {
        title: options.title ?? 'Bảng tính không có tiêu đề',
        locale,
        timeZone: options.timeZone ?? 'Asia/Ho_Chi_Minh',
        autoRecalc: 'ON_CHANGE',
      },
      sheets: [],
      access: options.access ?? 'writer',
    };
    titles.forEach((title, index) => spreadsheet.sheets.push(newSheet(index === 0 ? 0 : this.nextId++, title, index)));
    this.spreadsheets.set(spreadsheetId, spreadsheet);
    return spreadsheet;
  }

  get(spreadsheetId: string): FakeSpreadsheet {
    const found = this.spreadsheets.get(spreadsheetId);
    if (!found) throw new ApiError(404);
    return found;
  }

  sheetTitles(spreadsheetId: string): string[] {
    return this.get(spreadsheetId).sheets.map((s) => s.properties.title);
  }

  sheet(spreadsheetId: string, title: string): FakeSheet {
    const found = this.get(spreadsheetId).sheets.find((s) => sameTitle(s.properties.title, title));
    if (!found) throw new Error(`No sheet "${title}" in ${spreadsheetId}`);
    return found;
  }

  /** The stored cell at an A1 reference ("'Kế hoạch'!B2"), or undefined when it is empty. */
  cell(spreadsheetId: string, a1: string): Cell | undefined {
    const span = resolveRange(this.get(spreadsheetId), a1);
    return span.sheet.cells[span.startRow]?.[span.startCol];
  }

  /** Values as a person typing them would enter them (USER_ENTERED unless told), for seeding tests. */
  setValues(spreadsheetId: string, a1: string, values: unknown[][], input: ValueInputOption = 'USER_ENTERED'): void {
    transaction(this.get(spreadsheetId), (draft) => writeValues(draft, a1, values, input, 'ROWS'));
  }

  /** Empties the values of a range (formats stay), as values.clear does. */
  clear(spreadsheetId: string, a1: string): void {
    transaction(this.get(spreadsheetId), (draft) => clearValues(draft, a1));
  }

  /** The values of a range as a values request would return them (trimmed). */
  getValues(
    spreadsheetId: string,
    a1: string,
    render: ValueRenderOption = 'UNFORMATTED_VALUE',
    dateTimeRender: DateTimeRenderOption = 'SERIAL_NUMBER',
  ): unknown[][] {
    return readValues(this.get(spreadsheetId), a1, render, dateTimeRender, 'ROWS').values ?? [];
  }
}

function newSheet(sheetId: number, title: string, index: number, grid?: Partial<GridProperties>): FakeSheet {
  return {
    properties: {
      sheetId,
      title,
      index,
      sheetType: 'GRID',
      gridProperties: { rowCount: DEFAULT_ROWS, columnCount: DEFAULT_COLUMNS, ...grid },
    },
    cells: [],
    columnWidths: {},
  };
}

function reindex(spreadsheet: FakeSpreadsheet): void {
  spreadsheet.sheets.forEach((s, i) => (s.properties.index = i));
}

function gridError(a1: string, grid: GridProperties): ApiError {
  return invalid(`Range (${a1}) exceeds grid limits. Max rows: ${grid.rowCount}, max columns: ${grid.columnCount}`);
}

/**
 * Changes to a spreadsheet, all or nothing, as the API applies each request.
 * The draft shares rows and cells with the spreadsheet until they change:
 * a row is copied the first time it is written in the draft, and cells are
 * never changed in place, only replaced. Nothing is copied that is not
 * written, so a large sheet costs no more than the cells a request touches.
 */
export class Draft {
  readonly spreadsheet: FakeSpreadsheet;
  private readonly copied = new WeakSet<object>();

  constructor(private readonly original: FakeSpreadsheet) {
    this.spreadsheet = {
      ...original,
      properties: { ...original.properties },
      sheets: original.sheets.map((s) => ({
        properties: structuredClone(s.properties),
        cells: s.cells.slice(),
        columnWidths: { ...s.columnWidths },
      })),
    };
  }

  /** The row to write into: this draft's own copy. */
  row(sheet: FakeSheet, r: number): Array<Cell | undefined> {
    let row = sheet.cells[r];
    if (!row || !this.copied.has(row)) {
      row = row ? row.slice() : [];
      sheet.cells[r] = row;
      this.copied.add(row);
    }
    return row;
  }

  commit(): void {
    this.original.properties = this.spreadsheet.properties;
    this.original.sheets = this.spreadsheet.sheets;
  }
}

/** Runs `change` on a draft of the spreadsheet and keeps the result only when it does not throw. */
export function transaction<T>(spreadsheet: FakeSpreadsheet, change: (draft: Draft) => T): T {
  const draft = new Draft(spreadsheet);
  const result = change(draft);
  draft.commit();
  return result;
}

/**
 * Resolves A1 notation against a spreadsheet. An unknown sheet is "Unable to
 * parse range"; a bounded end beyond the grid is "exceeds grid limits"; open
 * ends stop at the grid's edge.
 */
export function resolveRange(spreadsheet: FakeSpreadsheet, text: string): GridSpan {
  const parts = splitSheet(text);
  let sheet: FakeSheet | undefined;
  let cells = parts.cells;
  if (parts.sheet !== undefined) {
    sheet = spreadsheet.sheets.find((s) => sameTitle(s.properties.title, parts.sheet!));
  } else {
    // A bare name is a sheet when one has that title, else a cell range on the first sheet.
    sheet = spreadsheet.sheets.find((s) => sameTitle(s.properties.title, text));
    if (sheet) cells = undefined;
    else sheet = spreadsheet.sheets[0];
  }
  if (!sheet) throw invalid(`Unable to parse range: ${text}`);
  const grid = sheet.properties.gridProperties;
  if (cells === undefined) {
    return { sheet, startRow: 0, endRow: grid.rowCount, startCol: 0, endCol: grid.columnCount, singleCell: false };
  }
  const parsed = parseCells(cells);
  if (!parsed) throw invalid(`Unable to parse range: ${text}`);
  if (
    parsed.startRow >= grid.rowCount ||
    parsed.startCol >= grid.columnCount ||
    (parsed.endRow ?? 0) > grid.rowCount ||
    (parsed.endCol ?? 0) > grid.columnCount
  ) {
    throw gridError(text, grid);
  }
  return {
    sheet,
    startRow: parsed.startRow,
    endRow: parsed.endRow ?? grid.rowCount,
    startCol: parsed.startCol,
    endCol: parsed.endCol ?? grid.columnCount,
    singleCell: parsed.singleCell,
  };
}

function spanA1(span: GridSpan): string {
  return formatA1(span.sheet.properties.title, span.startRow, span.endRow, span.startCol, span.endCol);
}

type Major = 'ROWS' | 'COLUMNS';

export function readValues(
  spreadsheet: FakeSpreadsheet,
  a1: string,
  render: ValueRenderOption,
  dateTimeRender: DateTimeRenderOption,
  majorDimension: Major,
): { range: string; majorDimension: Major; values?: unknown[][] } {
  const span = resolveRange(spreadsheet, a1);
  const outer = majorDimension === 'ROWS' ? [span.startRow, span.endRow] : [span.startCol, span.endCol];
  const inner = majorDimension === 'ROWS' ? [span.startCol, span.endCol] : [span.startRow, span.endRow];
  const values: unknown[][] = [];
  for (let o = outer[0]; o < outer[1]; o++) {
    const line: unknown[] = [];
    for (let i = inner[0]; i < inner[1]; i++) {
      const [r, c] = majorDimension === 'ROWS' ? [o, i] : [i, o];
      line.push(renderCell(span.sheet.cells[r]?.[c], render, dateTimeRender, spreadsheet.properties.locale));
    }
    // Trailing empty cells of each line are left out; empty cells before a value come back as "".
    while (line.length && line[line.length - 1] === undefined) line.pop();
    values.push(line.map((v) => (v === undefined ? '' : v)));
  }
  // Trailing empty lines are left out too; leading ones stay (as []).
  while (values.length && values[values.length - 1].length === 0) values.pop();
  const out: { range: string; majorDimension: Major; values?: unknown[][] } = { range: spanA1(span), majorDimension };
  if (values.length) out.values = values;
  return out;
}

function setCellValue(
  draft: Draft,
  sheet: FakeSheet,
  r: number,
  c: number,
  value: ExtendedValue | undefined,
  numberFormat?: CellFormat['numberFormat'],
): void {
  const row = draft.row(sheet, r);
  const cell: Cell = { ...row[c] };
  if (value === undefined) delete cell.userEnteredValue;
  else cell.userEnteredValue = value;
  // A parsed date or percent gets a format, unless the cell already has a number format.
  if (numberFormat && !cell.userEnteredFormat?.numberFormat) {
    cell.userEnteredFormat = { ...cell.userEnteredFormat, numberFormat };
  }
  row[c] = cell.userEnteredValue || cell.userEnteredFormat ? cell : undefined;
}

export function writeValues(
  draft: Draft,
  a1: string,
  values: unknown,
  input: ValueInputOption,
  majorDimension: Major,
): { updatedRange: string; updatedRows: number; updatedColumns: number; updatedCells: number } {
  const spreadsheet = draft.spreadsheet;
  const span = resolveRange(spreadsheet, a1);
  if (!Array.isArray(values) || values.some((line) => !Array.isArray(line))) {
    throw invalid(`Invalid value at 'data.values': expected a list of lists`);
  }
  const lines = values as unknown[][];
  const grid = span.sheet.properties.gridProperties;
  const width = Math.max(0, ...lines.map((l) => l.length));
  const rows = majorDimension === 'ROWS' ? lines.length : width;
  const cols = majorDimension === 'ROWS' ? width : lines.length;
  if (rows === 0 || cols === 0)
    return { updatedRange: spanA1(span), updatedRows: 0, updatedColumns: 0, updatedCells: 0 };
  const lastRow = span.startRow + rows;
  const lastCol = span.startCol + cols;
  if (!span.singleCell) {
    if (lastRow > span.endRow) {
      throw invalid(`Requested writing within range [${a1}], but tried writing to row [${lastRow}]`);
    }
    if (lastCol > span.endCol) {
      throw invalid(
        `Requested writing within range [${a1}], but tried writing to column [${columnLetters(lastCol - 1)}]`,
      );
    }
  }
  const written = formatA1(span.sheet.properties.title, span.startRow, lastRow, span.startCol, lastCol);
  if (lastRow > grid.rowCount || lastCol > grid.columnCount) throw gridError(written, grid);
  let updatedCells = 0;
  lines.forEach((line, o) =>
    line.forEach((value, i) => {
      if (value === null || value === undefined) return; // null values are skipped, as documented
      const [r, c] =
        majorDimension === 'ROWS' ? [span.startRow + o, span.startCol + i] : [span.startRow + i, span.startCol + o];
      const parsed = inputValue(value, input, spreadsheet.properties.locale, `values[${o}][${i}]`);
      setCellValue(draft, span.sheet, r, c, parsed.value, parsed.numberFormat);
      updatedCells++;
    }),
  );
  return { updatedRange: written, updatedRows: rows, updatedColumns: cols, updatedCells };
}

/** Empties the values of a range; formats, validation and the rest of each cell stay. */
export function clearValues(draft: Draft, a1: string): string {
  const span = resolveRange(draft.spreadsheet, a1);
  for (let r = span.startRow; r < Math.min(span.endRow, span.sheet.cells.length); r++) {
    const original = span.sheet.cells[r];
    if (!original) continue;
    const end = Math.min(span.endCol, original.length);
    let row: Array<Cell | undefined> | undefined;
    for (let c = span.startCol; c < end; c++) {
      const cell = original[c];
      if (!cell?.userEnteredValue) continue;
      row ??= draft.row(span.sheet, r);
      const { userEnteredValue: _value, ...rest } = cell;
      row[c] = Object.keys(rest).length ? rest : undefined;
    }
  }
  return spanA1(span);
}

// ---------------------------------------------------------------------------
// spreadsheets.batchUpdate

/** Every request kind of the Sheets API v4 (Request's oneof); this server applies some of them. */
const KNOWN_KINDS = new Set([
  'updateSpreadsheetProperties',
  'updateSheetProperties',
  'updateDimensionProperties',
  'updateNamedRange',
  'repeatCell',
  'addNamedRange',
  'deleteNamedRange',
  'addSheet',
  'deleteSheet',
  'autoFill',
  'cutPaste',
  'copyPaste',
  'mergeCells',
  'unmergeCells',
  'updateBorders',
  'updateCells',
  'addFilterView',
  'appendCells',
  'clearBasicFilter',
  'deleteDimension',
  'deleteEmbeddedObject',
  'deleteFilterView',
  'duplicateFilterView',
  'duplicateSheet',
  'findReplace',
  'insertDimension',
  'insertRange',
  'moveDimension',
  'updateEmbeddedObjectPosition',
  'pasteData',
  'textToColumns',
  'updateFilterView',
  'deleteRange',
  'appendDimension',
  'addConditionalFormatRule',
  'updateConditionalFormatRule',
  'deleteConditionalFormatRule',
  'sortRange',
  'setDataValidation',
  'setBasicFilter',
  'addProtectedRange',
  'updateProtectedRange',
  'deleteProtectedRange',
  'autoResizeDimensions',
  'addChart',
  'updateChartSpec',
  'updateBanding',
  'addBanding',
  'deleteBanding',
  'createDeveloperMetadata',
  'updateDeveloperMetadata',
  'deleteDeveloperMetadata',
  'randomizeRange',
  'addDimensionGroup',
  'deleteDimensionGroup',
  'updateDimensionGroup',
  'trimWhitespace',
  'deleteDuplicates',
  'updateEmbeddedObjectBorder',
  'addSlicer',
  'updateSlicerSpec',
  'addDataSource',
  'updateDataSource',
  'deleteDataSource',
  'refreshDataSource',
  'cancelDataSourceRefresh',
  'addTable',
  'updateTable',
  'deleteTable',
]);

interface GridRange {
  sheetId?: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

function sheetById(spreadsheet: FakeSpreadsheet, sheetId: unknown, where: string): FakeSheet {
  const found = spreadsheet.sheets.find((s) => s.properties.sheetId === (sheetId ?? 0));
  if (!found) throw invalid(`Invalid ${where}: No grid with id: ${String(sheetId ?? 0)}`);
  return found;
}

function gridSpan(spreadsheet: FakeSpreadsheet, range: GridRange | undefined, where: string): GridSpan {
  const sheet = sheetById(spreadsheet, range?.sheetId, where);
  const grid = sheet.properties.gridProperties;
  const span = {
    sheet,
    startRow: range?.startRowIndex ?? 0,
    endRow: range?.endRowIndex ?? grid.rowCount,
    startCol: range?.startColumnIndex ?? 0,
    endCol: range?.endColumnIndex ?? grid.columnCount,
    singleCell: false,
  };
  if (span.endRow > grid.rowCount || span.endCol > grid.columnCount || span.startRow < 0 || span.startCol < 0) {
    throw invalid(`Invalid ${where}: Range ${JSON.stringify(range)} exceeds grid limits.`);
  }
  return span;
}

function uniqueTitle(spreadsheet: FakeSpreadsheet, title: string, where: string, except?: FakeSheet): void {
  if (spreadsheet.sheets.some((s) => s !== except && sameTitle(s.properties.title, title))) {
    throw invalid(`Invalid ${where}: A sheet with the name "${title}" already exists. Please enter another name.`);
  }
}

function truncateToGrid(draft: Draft, sheet: FakeSheet): void {
  const grid = sheet.properties.gridProperties;
  sheet.cells.length = Math.min(sheet.cells.length, grid.rowCount);
  sheet.cells.forEach((row, r) => {
    if (row && row.length > grid.columnCount) draft.row(sheet, r).length = grid.columnCount;
  });
}

type Reply = Record<string, unknown>;

function applyRequest(draft: Draft, request: Record<string, unknown>, i: number, ids: () => number): Reply {
  const spreadsheet = draft.spreadsheet;
  const kinds = Object.keys(request);
  if (kinds.length === 0) throw invalid(`Invalid requests[${i}]: No request set.`);
  for (const kind of kinds) {
    if (!KNOWN_KINDS.has(kind)) {
      throw invalid(`Invalid JSON payload received. Unknown name "${kind}" at 'requests[${i}]': Cannot find field.`);
    }
  }
  if (kinds.length > 1) {
    throw invalid(`Invalid JSON payload received. Oneof field 'kind' is already set. Cannot set '${kinds[1]}'`);
  }
  const kind = kinds[0];
  const where = `requests[${i}].${kind}`;
  const body = (request[kind] ?? {}) as Record<string, unknown>;
  switch (kind) {
    case 'addSheet': {
      const props = (body.properties ?? {}) as Partial<SheetProperties>;
      let sheetId = props.sheetId;
      if (sheetId !== undefined) {
        if (!Number.isInteger(sheetId) || sheetId < 0) throw invalid(`Invalid ${where}: invalid sheetId ${sheetId}`);
        if (spreadsheet.sheets.some((s) => s.properties.sheetId === sheetId)) {
          throw invalid(`Invalid ${where}: A sheet with id ${sheetId} already exists.`);
        }
      } else {
        do sheetId = ids();
        while (spreadsheet.sheets.some((s) => s.properties.sheetId === sheetId));
      }
      let title = props.title;
      if (title === undefined) {
        let n = spreadsheet.sheets.length + 1;
        while (spreadsheet.sheets.some((s) => sameTitle(s.properties.title, `Sheet${n}`))) n++;
        title = `Sheet${n}`;
      }
      uniqueTitle(spreadsheet, title, where);
      const index = Math.min(props.index ?? spreadsheet.sheets.length, spreadsheet.sheets.length);
      const sheet = newSheet(sheetId, title, index, props.gridProperties);
      const { gridProperties: _g, sheetId: _s, title: _t, index: _i, ...rest } = props;
      Object.assign(sheet.properties, structuredClone(rest));
      spreadsheet.sheets.splice(index, 0, sheet);
      reindex(spreadsheet);
      return { addSheet: { properties: structuredClone(sheet.properties) } };
    }
    case 'deleteSheet': {
      const sheet = sheetById(spreadsheet, body.sheetId, where);
      if (spreadsheet.sheets.length === 1) {
        throw invalid(`Invalid ${where}: You can't remove all the sheets in a document.`);
      }
      spreadsheet.sheets.splice(spreadsheet.sheets.indexOf(sheet), 1);
      reindex(spreadsheet);
      return {};
    }
    case 'updateSheetProperties': {
      const props = (body.properties ?? {}) as Partial<SheetProperties>;
      const sheet = sheetById(spreadsheet, props.sheetId, where);
      const paths = compileMaskAt(body.fields, where);
      const next = withFields(sheet.properties, props as Record<string, unknown>, paths) as SheetProperties;
      next.sheetId = sheet.properties.sheetId;
      next.sheetType = 'GRID';
      if (next.title !== sheet.properties.title) uniqueTitle(spreadsheet, next.title, where, sheet);
      const grid = next.gridProperties;
      if (!grid || !(grid.rowCount >= 1) || !(grid.columnCount >= 1)) {
        throw invalid(`Invalid ${where}: a sheet needs at least one row and one column.`);
      }
      if ((grid.frozenRowCount ?? 0) >= grid.rowCount) {
        throw invalid(`Invalid ${where}: You can't freeze all visible rows on the sheet.`);
      }
      const index = next.index;
      sheet.properties = structuredClone(next);
      truncateToGrid(draft, sheet);
      if (index !== spreadsheet.sheets.indexOf(sheet)) {
        spreadsheet.sheets.splice(spreadsheet.sheets.indexOf(sheet), 1);
        spreadsheet.sheets.splice(Math.min(Math.max(index, 0), spreadsheet.sheets.length), 0, sheet);
      }
      reindex(spreadsheet);
      return {};
    }
    case 'repeatCell': {
      const span = gridSpan(spreadsheet, body.range as GridRange | undefined, where);
      const paths = compileMaskAt(body.fields, where);
      const source = (body.cell ?? {}) as Record<string, unknown>;
      for (let r = span.startRow; r < span.endRow; r++) {
        const row = draft.row(span.sheet, r);
        for (let c = span.startCol; c < span.endCol; c++) {
          const cell = withFields((row[c] ?? {}) as Record<string, unknown>, source, paths);
          row[c] = Object.keys(cell).length ? (cell as Cell) : undefined;
        }
      }
      return {};
    }
    case 'updateDimensionProperties': {
      const range = (body.range ?? {}) as {
        sheetId?: number;
        dimension?: string;
        startIndex?: number;
        endIndex?: number;
      };
      const sheet = sheetById(spreadsheet, range.sheetId, where);
      const props = (body.properties ?? {}) as { pixelSize?: number };
      if (range.dimension !== 'COLUMNS') {
        throw new ApiError(501, `${where}: this test server only stores column widths.`);
      }
      if (body.fields !== 'pixelSize') throw new ApiError(501, `${where}: this test server only sets pixelSize.`);
      const end = range.endIndex ?? sheet.properties.gridProperties.columnCount;
      if (end > sheet.properties.gridProperties.columnCount) throw invalid(`Invalid ${where}: exceeds grid limits.`);
      for (let c = range.startIndex ?? 0; c < end; c++) sheet.columnWidths[c] = props.pixelSize ?? 100;
      return {};
    }
    default:
      throw new ApiError(501, `${where} is a real request kind that this test server does not implement.`);
  }
}

function compileMaskAt(fields: unknown, where: string): string[][] {
  try {
    return compileMask(fields);
  } catch (err) {
    if (err instanceof ApiError) throw invalid(`Invalid ${where}: ${err.message}`);
    throw err;
  }
}

/** Applies the requests in order, all or nothing, as the API does. */
export function batchUpdate(spreadsheet: FakeSpreadsheet, requests: unknown, ids: () => number): Reply[] {
  if (!Array.isArray(requests)) throw invalid(`Invalid JSON payload received. 'requests' must be a list.`);
  return transaction(spreadsheet, (draft) =>
    requests.map((request, i) => {
      if (!request || typeof request !== 'object') throw invalid(`Invalid requests[${i}]: No request set.`);
      return applyRequest(draft, request as Record<string, unknown>, i, ids);
    }),
  );
}
