import { GridRange, parseRef, splitSheetName } from './a1';
import { GasObject, SERVICE } from './boundary';
import { FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './charts';
import type { FakeConditionalFormatRule } from './conditional-format';
import { GasEnum } from './enums';
import { GasError, badArguments } from './errors';
import { FakeProtection, ProtectionType } from './protection';
import { AnyValue, FakeRange } from './range';
import { Cell, displayValue, hasContent, normalizeColor } from './range-values';
import type { FakeSpreadsheet } from './spreadsheet';

type Row = (Cell | undefined)[];

/** Moves the keys ≥ `at` of a per-row/per-column map by `delta` (rows/columns inserted or deleted). */
function shiftKeys<V>(map: Map<number, V>, at: number, delta: number): void {
  const moved = [...map]
    .map(([k, v]): [number, V] => [k >= at ? k + delta : k, v])
    .filter(([k]) => delta > 0 || k >= 1);
  map.clear();
  moved.forEach(([k, v]) => map.set(k, v));
}

/**
 * A sheet: a grid of 1000 rows × 26 columns when new. getRange beyond that grid throws; appendRow, insertRows… and
 * insertColumns… grow it. Cells are stored sparsely; `$cell(row, col)` lets tests read one (formats included).
 */
export class FakeSheet extends GasObject {
  readonly [SERVICE] = 'Sheet';
  $rows: (Row | undefined)[] = [];
  $maxRows = 1000;
  $maxCols = 26;
  $frozenRows = 0;
  $frozenCols = 0;
  $hidden = false;
  $tabColor: string | null = null;
  readonly $columnWidths = new Map<number, number>();
  readonly $rowHeights = new Map<number, number>();
  readonly $hiddenRows = new Map<number, true>();
  readonly $hiddenColumns = new Map<number, true>();
  $conditionalFormatRules: FakeConditionalFormatRule[] = [];
  $protections: FakeProtection[] = [];
  $charts: FakeEmbeddedChart[] = [];

  constructor(
    readonly $spreadsheet: FakeSpreadsheet,
    public $name: string,
    readonly $id: number,
  ) {
    super();
  }

  // ---- host-only cell access ----

  $cell(row: number, col: number): Cell | undefined {
    return this.$rows[row - 1]?.[col - 1];
  }
  $ensureCell(row: number, col: number): Cell {
    const line = (this.$rows[row - 1] ??= []);
    return (line[col - 1] ??= {});
  }
  $put(row: number, col: number, cell: Cell | undefined): void {
    const line = (this.$rows[row - 1] ??= []);
    line[col - 1] = cell;
  }
  /** A range without the argument checks of getRange (still bounds-checked). */
  $range(grid: GridRange): FakeRange {
    if (grid.row < 1) throw new GasError('The starting row of the range is too small.');
    if (grid.col < 1) throw new GasError('The starting column of the range is too small.');
    if (grid.numRows < 1) throw new GasError('The number of rows in the range must be at least 1.');
    if (grid.numCols < 1) throw new GasError('The number of columns in the range must be at least 1.');
    if (grid.row + grid.numRows - 1 > this.$maxRows || grid.col + grid.numCols - 1 > this.$maxCols) {
      throw new GasError('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, grid);
  }
  $protect(type: keyof typeof ProtectionType, target: object): FakeProtection {
    const protection = new FakeProtection(type, target, this.$spreadsheet.$owner, (p) => {
      this.$protections = this.$protections.filter((x) => x !== p);
    });
    this.$protections.push(protection);
    return protection;
  }

  // ---- identity ----

  getName(): string {
    return this.$name;
  }
  getSheetName(): string {
    return this.$name;
  }
  setName(name: string): this {
    this.$spreadsheet.$checkNewName(name, this);
    this.$name = String(name);
    return this;
  }
  getIndex(): number {
    return this.$spreadsheet.$sheets.indexOf(this) + 1;
  }
  getSheetId(): number {
    return this.$id;
  }
  getParent(): FakeSpreadsheet {
    return this.$spreadsheet;
  }
  activate(): this {
    this.$spreadsheet.$setActive(this);
    return this;
  }
  setActiveRange(range: FakeRange): FakeRange {
    this.$spreadsheet.$setActive(this, range);
    return range;
  }
  setActiveSelection(a1: string | FakeRange): FakeRange {
    return this.setActiveRange(typeof a1 === 'string' ? this.getRange(a1) : a1);
  }
  getActiveRange(): FakeRange | null {
    const active = this.$spreadsheet.getActiveRange();
    return active?.$sheet === this ? active : null;
  }

  // ---- ranges ----

  /** getRange(row, column, numRows?, numColumns?) (1-based) or getRange(a1Notation). */
  getRange(...args: unknown[]): FakeRange {
    const [a, col, numRows, numCols] = args;
    if (typeof a === 'string' && args.length === 1) {
      const { sheetName, ref } = splitSheetName(a);
      if (sheetName !== undefined && sheetName.toLowerCase() !== this.$name.toLowerCase())
        throw new GasError('Range not found');
      return this.$range(parseRef(ref, this.$maxRows, this.$maxCols));
    }
    if (
      ![a, col].every((n) => typeof n === 'number') ||
      ![numRows, numCols].every((n) => n === undefined || typeof n === 'number')
    ) {
      throw badArguments('SpreadsheetApp.Sheet.getRange', args);
    }
    const int = (n: unknown, fallback: number): number => (n === undefined ? fallback : Math.trunc(n as number));
    return this.$range({ row: int(a, 1), col: int(col, 1), numRows: int(numRows, 1), numCols: int(numCols, 1) });
  }
  getDataRange(): FakeRange {
    return this.$range({
      row: 1,
      col: 1,
      numRows: Math.max(1, this.getLastRow()),
      numCols: Math.max(1, this.getLastColumn()),
    });
  }
  /**
   * As in Apps Script, -1 for numRows or numColumns reads up to the last row or column with content. When that
   * leaves no row or column (an empty sheet), it throws like getRange with a count below 1.
   */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): AnyValue[][] {
    const rows = numRows === -1 ? this.getLastRow() - startRow + 1 : numRows;
    const cols = numColumns === -1 ? this.getLastColumn() - startColumn + 1 : numColumns;
    return this.getRange(startRow, startColumn, rows, cols).getValues();
  }
  /** The last row with content (a value or formula; formatting does not count); 0 for an empty sheet. */
  getLastRow(): number {
    for (let r = this.$rows.length; r >= 1; r--) if (this.$rows[r - 1]?.some(hasContent)) return r;
    return 0;
  }
  getLastColumn(): number {
    let last = 0;
    for (const line of this.$rows) {
      if (!line) continue;
      for (let c = line.length; c > last; c--) if (hasContent(line[c - 1])) last = c;
    }
    return last;
  }
  getMaxRows(): number {
    return this.$maxRows;
  }
  getMaxColumns(): number {
    return this.$maxCols;
  }
  /** Writes after getLastRow() from column A, with setValues' rules, growing the sheet when full. */
  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents) || rowContents.length === 0)
      throw badArguments('SpreadsheetApp.Sheet.appendRow', [rowContents]);
    const row = this.getLastRow() + 1;
    this.$maxRows = Math.max(this.$maxRows, row);
    this.$maxCols = Math.max(this.$maxCols, rowContents.length);
    this.$range({ row, col: 1, numRows: 1, numCols: rowContents.length }).setValues([rowContents]);
    return this;
  }

  // ---- rows and columns ----

  #insertRows(at: number, howMany: number): this {
    if (at < 1 || at > this.$maxRows + 1 || howMany < 1) throw new GasError('Those rows are out of bounds.');
    if (this.$rows.length >= at) this.$rows.splice(at - 1, 0, ...new Array<undefined>(howMany));
    [this.$rowHeights, this.$hiddenRows].forEach((m: Map<number, unknown>) => shiftKeys(m, at, howMany));
    this.$maxRows += howMany;
    return this;
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    return this.#insertRows(afterPosition + 1, howMany);
  }
  insertRowAfter(afterPosition: number): this {
    return this.#insertRows(afterPosition + 1, 1);
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    return this.#insertRows(beforePosition, howMany);
  }
  insertRowBefore(beforePosition: number): this {
    return this.#insertRows(beforePosition, 1);
  }
  insertRows(rowIndex: number, numRows = 1): this {
    return this.#insertRows(rowIndex, numRows);
  }
  deleteRows(rowPosition: number, howMany: number): this {
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.$maxRows)
      throw new GasError('Those rows are out of bounds.');
    if (this.$maxRows - howMany <= this.$frozenRows)
      throw new GasError('Sorry, it is not possible to delete all non-frozen rows.');
    this.$rows.splice(rowPosition - 1, howMany);
    [this.$rowHeights, this.$hiddenRows].forEach((m: Map<number, unknown>) => {
      [...m.keys()].filter((k) => k >= rowPosition && k < rowPosition + howMany).forEach((k) => m.delete(k));
      shiftKeys(m, rowPosition + howMany, -howMany);
    });
    this.$maxRows -= howMany;
    return this;
  }
  deleteRow(rowPosition: number): this {
    return this.deleteRows(rowPosition, 1);
  }
  #insertColumns(at: number, howMany: number): this {
    if (at < 1 || at > this.$maxCols + 1 || howMany < 1) throw new GasError('Those columns are out of bounds.');
    for (const line of this.$rows)
      if (line && line.length >= at) line.splice(at - 1, 0, ...new Array<undefined>(howMany));
    [this.$columnWidths, this.$hiddenColumns].forEach((m: Map<number, unknown>) => shiftKeys(m, at, howMany));
    this.$maxCols += howMany;
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    return this.#insertColumns(afterPosition + 1, howMany);
  }
  insertColumnAfter(afterPosition: number): this {
    return this.#insertColumns(afterPosition + 1, 1);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    return this.#insertColumns(beforePosition, howMany);
  }
  insertColumnBefore(beforePosition: number): this {
    return this.#insertColumns(beforePosition, 1);
  }
  insertColumns(columnIndex: number, numColumns = 1): this {
    return this.#insertColumns(columnIndex, numColumns);
  }
  deleteColumns(columnPosition: number, howMany: number): this {
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this.$maxCols) {
      throw new GasError('Those columns are out of bounds.');
    }
    if (this.$maxCols - howMany <= this.$frozenCols)
      throw new GasError('Sorry, it is not possible to delete all non-frozen columns.');
    for (const line of this.$rows) line?.splice(columnPosition - 1, howMany);
    [this.$columnWidths, this.$hiddenColumns].forEach((m: Map<number, unknown>) => {
      [...m.keys()].filter((k) => k >= columnPosition && k < columnPosition + howMany).forEach((k) => m.delete(k));
      shiftKeys(m, columnPosition + howMany, -howMany);
    });
    this.$maxCols -= howMany;
    return this;
  }
  deleteColumn(columnPosition: number): this {
    return this.deleteColumns(columnPosition, 1);
  }

  // ---- clearing ----

  #whole(): FakeRange {
    return new FakeRange(this, { row: 1, col: 1, numRows: this.$maxRows, numCols: this.$maxCols });
  }
  clear(options?: Parameters<FakeRange['clear']>[0]): this {
    this.#whole().clear(options);
    return this;
  }
  clearContents(): this {
    this.#whole().clearContent();
    return this;
  }
  clearFormats(): this {
    this.#whole().clearFormat();
    return this;
  }
  clearNotes(): this {
    this.#whole().clearNote();
    return this;
  }

  // ---- layout ----

  setFrozenRows(rows: number): void {
    this.$frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.$frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this.$frozenCols = columns;
  }
  getFrozenColumns(): number {
    return this.$frozenCols;
  }
  /** Default width 100 pixels. */
  getColumnWidth(columnPosition: number): number {
    return this.$columnWidths.get(columnPosition) ?? 100;
  }
  setColumnWidth(columnPosition: number, width: number): this {
    this.$columnWidths.set(columnPosition, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.$columnWidths.set(c, width);
    return this;
  }
  /** Estimates a width from the longest displayed text (≈7 px a character + padding); Sheets measures fonts. */
  autoResizeColumns(startColumn: number, numColumns: number): this {
    const { $timeZone, $locale } = this.$spreadsheet;
    for (let c = startColumn; c < startColumn + numColumns; c++) {
      let longest = 0;
      this.$rows.forEach((line) => {
        const cell = line?.[c - 1];
        if (hasContent(cell))
          longest = Math.max(
            longest,
            displayValue(cell?.formula ?? cell?.value ?? '', cell?.numberFormat, $timeZone, $locale).length,
          );
      });
      this.$columnWidths.set(c, longest ? longest * 7 + 10 : 100);
    }
    return this;
  }
  autoResizeColumn(columnPosition: number): this {
    return this.autoResizeColumns(columnPosition, 1);
  }
  /** Default height 21 pixels. */
  getRowHeight(rowPosition: number): number {
    return this.$rowHeights.get(rowPosition) ?? 21;
  }
  setRowHeight(rowPosition: number, height: number): this {
    this.$rowHeights.set(rowPosition, height);
    return this;
  }
  setRowHeights(startRow: number, numRows: number, height: number): this {
    for (let r = startRow; r < startRow + numRows; r++) this.$rowHeights.set(r, height);
    return this;
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.$hiddenColumns.set(c, true);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.$hiddenColumns.delete(c);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.$hiddenColumns.has(columnPosition);
  }
  hideRows(rowIndex: number, numRows = 1): void {
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.$hiddenRows.set(r, true);
  }
  showRows(rowIndex: number, numRows = 1): void {
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.$hiddenRows.delete(r);
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    return this.$hiddenRows.has(rowPosition);
  }
  hideSheet(): this {
    this.$hidden = true;
    return this;
  }
  showSheet(): this {
    this.$hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this.$hidden;
  }
  setTabColor(color: string | null): this {
    this.$tabColor = normalizeColor(color) ?? null;
    return this;
  }
  getTabColor(): string | null {
    return this.$tabColor;
  }

  // ---- rules, protection, charts, sorting ----

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    return [...this.$conditionalFormatRules];
  }
  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    if (!Array.isArray(rules)) throw badArguments('SpreadsheetApp.Sheet.setConditionalFormatRules', [rules]);
    this.$conditionalFormatRules = [...rules];
  }
  clearConditionalFormatRules(): void {
    this.$conditionalFormatRules = [];
  }
  protect(): FakeProtection {
    return this.$protections.find((p) => p.$type === 'SHEET') ?? this.$protect('SHEET', this);
  }
  getProtections(type: GasEnum): FakeProtection[] {
    return this.$protections.filter((p) => p.$type === type.name());
  }
  newChart(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder();
  }
  insertChart(chart: FakeEmbeddedChart): void {
    this.$charts.push(chart);
  }
  getCharts(): FakeEmbeddedChart[] {
    return [...this.$charts];
  }
  updateChart(chart: FakeEmbeddedChart): void {
    const i = this.$charts.findIndex((c) => c.getId() === chart.getId());
    if (i < 0) throw new GasError('Chart not found.'); // paraphrased
    this.$charts[i] = chart;
  }
  removeChart(chart: FakeEmbeddedChart): void {
    this.$charts = this.$charts.filter((c) => c.getId() !== chart.getId());
  }
  /** Sorts the rows below the frozen rows by one column. */
  sort(columnPosition: number, ascending = true): this {
    const first = this.$frozenRows + 1;
    const last = this.getLastRow();
    const width = this.getLastColumn();
    if (last >= first && width >= 1) {
      this.$range({ row: first, col: 1, numRows: last - first + 1, numCols: Math.max(width, columnPosition) }).sort({
        column: columnPosition,
        ascending,
      });
    }
    return this;
  }
  /** Copies the sheet into a spreadsheet as "Copy of <name>". */
  copyTo(spreadsheet: FakeSpreadsheet): FakeSheet {
    return spreadsheet.$copySheet(this);
  }
}
