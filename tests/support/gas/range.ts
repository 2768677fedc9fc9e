import { GridRange, toA1 } from './a1';
import { GasObject, SERVICE } from './boundary';
import { GasEnum, enumName, makeEnum } from './enums';
import { GasError, badArguments, isDate } from './errors';
import { AUTOMATIC, isAutomatic } from './number-format';
import { FakeProtection } from './protection';
import {
  Borders,
  Cell,
  CellFormat,
  CellValue,
  FORMAT_KEYS,
  Written,
  displayValue,
  hasContent,
  isWritable,
  normalizeColor,
  parseWrite,
  readValue,
} from './range-values';
import type { FakeSheet } from './sheet';
import type { FakeTextStyle } from './text-style';
import { FakeDataValidation, FakeDataValidationBuilder, violates } from './validation';

export const WrapStrategy = makeEnum('WrapStrategy', ['WRAP', 'OVERFLOW', 'CLIP']);
export const BorderStyle = makeEnum('BorderStyle', [
  'DOTTED',
  'DASHED',
  'SOLID',
  'SOLID_MEDIUM',
  'SOLID_THICK',
  'DOUBLE',
]);
export const CopyPasteType = makeEnum('CopyPasteType', [
  'PASTE_NORMAL',
  'PASTE_NO_BORDERS',
  'PASTE_FORMAT',
  'PASTE_FORMULA',
  'PASTE_DATA_VALIDATION',
  'PASTE_VALUES',
  'PASTE_CONDITIONAL_FORMATTING',
  'PASTE_COLUMN_WIDTHS',
]);

type ClearOptions = {
  contentsOnly?: boolean;
  formatOnly?: boolean;
  validationsOnly?: boolean;
  commentsOnly?: boolean;
  skipFilteredRows?: boolean;
};
type SortSpec = number | { column: number; ascending?: boolean };
/** Values read from cells are typed `any`, as in @types/google-apps-script (getValues(): any[][]). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyValue = any;

/**
 * Sheet.getRange(…). Values follow Sheets' rules (see range-values.ts): getValues gives '' for empty cells,
 * numbers, booleans and Date objects; every formula reads '#ERROR!' unless the spreadsheet has an evaluator.
 * Getters without 's' read the top-left cell; setters without 's' write every cell of the range.
 */
export class FakeRange extends GasObject {
  readonly [SERVICE] = 'Range';

  constructor(
    readonly $sheet: FakeSheet,
    readonly $grid: Readonly<GridRange>,
  ) {
    super();
  }

  // ---- cell iteration helpers (host-only) ----

  $map<T>(fn: (cell: Cell | undefined, row: number, col: number) => T): T[][] {
    const { row, col, numRows, numCols } = this.$grid;
    const out: T[][] = [];
    for (let r = row; r < row + numRows; r++) {
      const line: T[] = [];
      for (let c = col; c < col + numCols; c++) line.push(fn(this.$sheet.$cell(r, c), r, c));
      out.push(line);
    }
    return out;
  }

  #first<T>(fn: (cell: Cell | undefined, row: number, col: number) => T): T {
    const { row, col } = this.$grid;
    return fn(this.$sheet.$cell(row, col), row, col);
  }

  /** Applies `fn` to every cell, creating cells as needed. */
  #setAll(fn: (cell: Cell) => void): this {
    const { row, col, numRows, numCols } = this.$grid;
    for (let r = row; r < row + numRows; r++)
      for (let c = col; c < col + numCols; c++) fn(this.$sheet.$ensureCell(r, c));
    return this;
  }

  /** Applies `fn` to the cells that exist (for clearing). */
  #existing(fn: (cell: Cell) => void): this {
    this.$map((cell) => cell && fn(cell));
    return this;
  }

  #checkGrid(method: string, data: unknown): asserts data is unknown[][] {
    const { numRows, numCols } = this.$grid;
    if (!Array.isArray(data) || !data.every(Array.isArray))
      throw badArguments(`SpreadsheetApp.Range.${method}`, [data]);
    if (data.length !== numRows) {
      throw new GasError(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${numRows}.`,
      );
    }
    for (const line of data as unknown[][]) {
      if (line.length !== numCols) {
        throw new GasError(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${numCols}.`,
        );
      }
    }
  }

  #setEach<T>(method: string, data: unknown, fn: (cell: Cell, value: T) => void): this {
    this.#checkGrid(method, data);
    const { row, col } = this.$grid;
    data.forEach((line, r) => line.forEach((value, c) => fn(this.$sheet.$ensureCell(row + r, col + c), value as T)));
    return this;
  }

  #value(cell: Cell | undefined, row: number, col: number): CellValue {
    return readValue(cell, () =>
      this.$sheet.$spreadsheet.$evaluate(cell?.formula ?? '', { sheet: this.$sheet.$name, row, col }),
    );
  }

  /** Parses and validates every value first, then writes: a failing write changes nothing, like Sheets. */
  #write(method: string, data: unknown[][]): this {
    const { row, col } = this.$grid;
    const timeZone = this.$sheet.$spreadsheet.$timeZone;
    const written: Written[][] = data.map((line, r) =>
      line.map((value, c) => {
        if (!isWritable(value))
          throw badArguments(`SpreadsheetApp.Range.${method}`, [method.endsWith('s') ? data : value]);
        const cell = this.$sheet.$cell(row + r, col + c);
        const w = parseWrite(value, cell?.numberFormat, timeZone);
        if (
          cell?.validation &&
          this.$sheet.$spreadsheet.$enforceValidation &&
          w.formula === undefined &&
          violates(cell.validation, w.value)
        ) {
          const a1 = toA1({ row: row + r, col: col + c, numRows: 1, numCols: 1 });
          throw new GasError(`The data you entered in cell ${a1} violates the data validation rules set on this cell.`);
        }
        return w;
      }),
    );
    written.forEach((line, r) =>
      line.forEach((w, c) => {
        const cell = this.$sheet.$ensureCell(row + r, col + c);
        cell.value = w.value;
        if (w.formula === undefined) delete cell.formula;
        else cell.formula = w.formula;
        if (w.impliedFormat && isAutomatic(cell.numberFormat)) cell.numberFormat = w.impliedFormat;
      }),
    );
    return this;
  }

  // ---- geometry ----

  getRow(): number {
    return this.$grid.row;
  }
  getRowIndex(): number {
    return this.$grid.row;
  }
  getColumn(): number {
    return this.$grid.col;
  }
  getNumRows(): number {
    return this.$grid.numRows;
  }
  getNumColumns(): number {
    return this.$grid.numCols;
  }
  getHeight(): number {
    return this.$grid.numRows;
  }
  getWidth(): number {
    return this.$grid.numCols;
  }
  /** The last row of the range (not of the data). */
  getLastRow(): number {
    return this.$grid.row + this.$grid.numRows - 1;
  }
  getLastColumn(): number {
    return this.$grid.col + this.$grid.numCols - 1;
  }
  getA1Notation(): string {
    return toA1(this.$grid);
  }
  getSheet(): FakeSheet {
    return this.$sheet;
  }
  getGridId(): number {
    return this.$sheet.getSheetId();
  }
  getCell(row: number, column: number): FakeRange {
    if (row < 1 || column < 1 || row > this.$grid.numRows || column > this.$grid.numCols) {
      throw new GasError('Cell reference out of range');
    }
    return this.$sheet.getRange(this.$grid.row + row - 1, this.$grid.col + column - 1);
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    const { row, col } = this.$grid;
    return this.$sheet.getRange(
      row + rowOffset,
      col + columnOffset,
      numRows ?? this.$grid.numRows,
      numColumns ?? this.$grid.numCols,
    );
  }
  activate(): this {
    this.$sheet.$spreadsheet.$setActive(this.$sheet, this);
    return this;
  }
  isBlank(): boolean {
    return this.$map((cell) => hasContent(cell)).every((line) => !line.includes(true));
  }

  // ---- values ----

  getValues(): AnyValue[][] {
    return this.$map((cell, r, c) => this.#value(cell, r, c));
  }
  getValue(): AnyValue {
    return this.#first((cell, r, c) => this.#value(cell, r, c));
  }
  setValues(values: unknown[][]): this {
    this.#checkGrid('setValues', values);
    return this.#write('setValues', values);
  }
  setValue(value: unknown): this {
    const { numRows, numCols } = this.$grid;
    return this.#write(
      'setValue',
      Array.from({ length: numRows }, () => new Array<unknown>(numCols).fill(value)),
    );
  }
  getDisplayValues(): string[][] {
    const { $timeZone, $locale } = this.$sheet.$spreadsheet;
    return this.$map((cell, r, c) => displayValue(this.#value(cell, r, c), cell?.numberFormat, $timeZone, $locale));
  }
  getDisplayValue(): string {
    return this.getCell(1, 1).getDisplayValues()[0][0];
  }
  getFormulas(): string[][] {
    return this.$map((cell) => cell?.formula ?? '');
  }
  getFormula(): string {
    return this.#first((cell) => cell?.formula ?? '');
  }
  /** Each formula is stored as written: relative references are not shifted per cell as Sheets would. */
  setFormulas(formulas: string[][]): this {
    this.#checkGrid('setFormulas', formulas);
    return this.#write('setFormulas', formulas);
  }
  setFormula(formula: string): this {
    return this.setValue(formula);
  }
  clearContent(): this {
    return this.#existing((cell) => {
      delete cell.value;
      delete cell.formula;
    });
  }

  // ---- formats ----

  getNumberFormats(): string[][] {
    return this.$map((cell) => cell?.numberFormat ?? AUTOMATIC);
  }
  getNumberFormat(): string {
    return this.#first((cell) => cell?.numberFormat ?? AUTOMATIC);
  }
  setNumberFormat(format: string): this {
    return this.#setAll((cell) => (cell.numberFormat = format || undefined));
  }
  setNumberFormats(formats: string[][]): this {
    return this.#setEach<string>('setNumberFormats', formats, (cell, f) => (cell.numberFormat = f || undefined));
  }
  getFontWeights(): string[][] {
    return this.$map((cell) => cell?.fontWeight ?? 'normal');
  }
  getFontWeight(): string {
    return this.#first((cell) => cell?.fontWeight ?? 'normal');
  }
  setFontWeight(weight: string | null): this {
    return this.#setAll((cell) => (cell.fontWeight = weight ?? undefined));
  }
  setFontWeights(weights: (string | null)[][]): this {
    return this.#setEach<string | null>('setFontWeights', weights, (cell, w) => (cell.fontWeight = w ?? undefined));
  }
  getFontStyles(): string[][] {
    return this.$map((cell) => cell?.fontStyle ?? 'normal');
  }
  getFontStyle(): string {
    return this.#first((cell) => cell?.fontStyle ?? 'normal');
  }
  setFontStyle(style: string | null): this {
    return this.#setAll((cell) => (cell.fontStyle = style ?? undefined));
  }
  getFontColors(): string[][] {
    return this.$map((cell) => cell?.fontColor ?? '#000000');
  }
  getFontColor(): string {
    return this.#first((cell) => cell?.fontColor ?? '#000000');
  }
  setFontColor(color: string | null): this {
    const value = normalizeColor(color);
    return this.#setAll((cell) => (cell.fontColor = value));
  }
  setFontColors(colors: (string | null)[][]): this {
    return this.#setEach<string | null>('setFontColors', colors, (cell, c) => (cell.fontColor = normalizeColor(c)));
  }
  getFontSizes(): number[][] {
    return this.$map((cell) => cell?.fontSize ?? 10);
  }
  getFontSize(): number {
    return this.#first((cell) => cell?.fontSize ?? 10);
  }
  setFontSize(size: number): this {
    return this.#setAll((cell) => (cell.fontSize = size));
  }
  getFontFamilies(): string[][] {
    return this.$map((cell) => cell?.fontFamily ?? 'Arial');
  }
  getFontFamily(): string {
    return this.#first((cell) => cell?.fontFamily ?? 'Arial');
  }
  setFontFamily(family: string | null): this {
    return this.#setAll((cell) => (cell.fontFamily = family ?? undefined));
  }
  getFontLine(): string {
    return this.#first((cell) => cell?.fontLine ?? 'none');
  }
  setFontLine(line: string | null): this {
    return this.#setAll((cell) => (cell.fontLine = line ?? undefined));
  }
  getBackgrounds(): string[][] {
    return this.$map((cell) => cell?.background ?? '#ffffff');
  }
  getBackground(): string {
    return this.#first((cell) => cell?.background ?? '#ffffff');
  }
  setBackground(color: string | null): this {
    const value = normalizeColor(color);
    return this.#setAll((cell) => (cell.background = value));
  }
  setBackgrounds(colors: (string | null)[][]): this {
    return this.#setEach<string | null>('setBackgrounds', colors, (cell, c) => (cell.background = normalizeColor(c)));
  }
  getWrapStrategies(): GasEnum[][] {
    return this.$map((cell) => WrapStrategy[(cell?.wrapStrategy ?? 'OVERFLOW') as keyof typeof WrapStrategy]);
  }
  getWrapStrategy(): GasEnum {
    return this.getCell(1, 1).getWrapStrategies()[0][0];
  }
  setWrapStrategy(strategy: GasEnum): this {
    return this.#setAll((cell) => (cell.wrapStrategy = enumName(strategy)));
  }
  setWrapStrategies(strategies: GasEnum[][]): this {
    return this.#setEach<GasEnum>('setWrapStrategies', strategies, (cell, s) => (cell.wrapStrategy = enumName(s)));
  }
  getWraps(): boolean[][] {
    return this.$map((cell) => cell?.wrapStrategy === 'WRAP');
  }
  getWrap(): boolean {
    return this.#first((cell) => cell?.wrapStrategy === 'WRAP');
  }
  setWrap(wrap: boolean): this {
    return this.#setAll((cell) => (cell.wrapStrategy = wrap ? 'WRAP' : 'OVERFLOW'));
  }
  setWraps(wraps: boolean[][]): this {
    return this.#setEach<boolean>('setWraps', wraps, (cell, w) => (cell.wrapStrategy = w ? 'WRAP' : 'OVERFLOW'));
  }
  getHorizontalAlignments(): string[][] {
    return this.$map((cell) => cell?.horizontalAlignment ?? 'general');
  }
  getHorizontalAlignment(): string {
    return this.#first((cell) => cell?.horizontalAlignment ?? 'general');
  }
  setHorizontalAlignment(alignment: string | null): this {
    return this.#setAll((cell) => (cell.horizontalAlignment = alignment?.toLowerCase() ?? undefined));
  }
  setHorizontalAlignments(alignments: (string | null)[][]): this {
    return this.#setEach<string | null>(
      'setHorizontalAlignments',
      alignments,
      (cell, a) => (cell.horizontalAlignment = a?.toLowerCase() ?? undefined),
    );
  }
  getVerticalAlignments(): string[][] {
    return this.$map((cell) => cell?.verticalAlignment ?? 'bottom');
  }
  getVerticalAlignment(): string {
    return this.#first((cell) => cell?.verticalAlignment ?? 'bottom');
  }
  setVerticalAlignment(alignment: string | null): this {
    return this.#setAll((cell) => (cell.verticalAlignment = alignment?.toLowerCase() ?? undefined));
  }
  setVerticalAlignments(alignments: (string | null)[][]): this {
    return this.#setEach<string | null>(
      'setVerticalAlignments',
      alignments,
      (cell, a) => (cell.verticalAlignment = a?.toLowerCase() ?? undefined),
    );
  }
  setTextStyle(style: FakeTextStyle): this {
    const s = style.$state;
    return this.#setAll((cell) => {
      if (s.bold !== undefined) cell.fontWeight = s.bold ? 'bold' : 'normal';
      if (s.italic !== undefined) cell.fontStyle = s.italic ? 'italic' : 'normal';
      if (s.fontSize !== undefined) cell.fontSize = s.fontSize;
      if (s.fontFamily !== undefined) cell.fontFamily = s.fontFamily;
      if (s.foregroundColor !== undefined) cell.fontColor = s.foregroundColor;
      if (s.underline || s.strikethrough) cell.fontLine = s.underline ? 'underline' : 'line-through';
    });
  }
  /** Arguments: top, left, bottom, right, vertical, horizontal (true/false set, null leaves), color?, style?. */
  setBorder(...args: unknown[]): this {
    const [top, left, bottom, right, vertical, horizontal, color, style] = args;
    const sides: Borders = {};
    Object.entries({ top, left, bottom, right, vertical, horizontal }).forEach(([side, on]) => {
      if (on !== null && on !== undefined) sides[side as 'top'] = !!on;
    });
    if (color !== undefined && color !== null) sides.color = normalizeColor(color);
    if (style !== undefined && style !== null) sides.style = enumName(style);
    return this.#setAll((cell) => (cell.border = { ...cell.border, ...sides }));
  }
  clearFormat(): this {
    return this.#existing((cell) => FORMAT_KEYS.forEach((key) => delete cell[key]));
  }

  // ---- data validation, notes ----

  getDataValidations(): (FakeDataValidation | null)[][] {
    return this.$map((cell) => cell?.validation ?? null);
  }
  getDataValidation(): FakeDataValidation | null {
    return this.#first((cell) => cell?.validation ?? null);
  }
  setDataValidation(rule: FakeDataValidation | null): this {
    return this.#setAll((cell) => (cell.validation = rule ?? undefined));
  }
  setDataValidations(rules: (FakeDataValidation | null)[][]): this {
    return this.#setEach<FakeDataValidation | null>(
      'setDataValidations',
      rules,
      (cell, r) => (cell.validation = r ?? undefined),
    );
  }
  clearDataValidations(): this {
    return this.#existing((cell) => delete cell.validation);
  }
  /** Checkboxes: validation CHECKBOX and every value set to false. */
  insertCheckboxes(): this {
    const rule = new FakeDataValidationBuilder().requireCheckbox().build();
    return this.#setAll((cell) => {
      cell.validation = rule;
      cell.value = false;
      delete cell.formula;
    });
  }
  removeCheckboxes(): this {
    return this.#existing((cell) => {
      if (cell.validation?.getCriteriaType().name() !== 'CHECKBOX') return;
      delete cell.validation;
      if (typeof cell.value === 'boolean') delete cell.value;
    });
  }
  isChecked(): boolean | null {
    return this.#first((cell) =>
      cell?.validation?.getCriteriaType().name() === 'CHECKBOX' ? cell.value === true : null,
    );
  }
  check(): this {
    return this.#existing((cell) => cell.validation?.getCriteriaType().name() === 'CHECKBOX' && (cell.value = true));
  }
  uncheck(): this {
    return this.#existing((cell) => cell.validation?.getCriteriaType().name() === 'CHECKBOX' && (cell.value = false));
  }
  getNotes(): string[][] {
    return this.$map((cell) => cell?.note ?? '');
  }
  getNote(): string {
    return this.#first((cell) => cell?.note ?? '');
  }
  setNote(note: string | null): this {
    return this.#setAll((cell) => (cell.note = note ? String(note) : undefined));
  }
  setNotes(notes: (string | null)[][]): this {
    return this.#setEach<string | null>('setNotes', notes, (cell, n) => (cell.note = n ? String(n) : undefined));
  }
  clearNote(): this {
    return this.#existing((cell) => delete cell.note);
  }

  /** clear() removes contents and formats; clear(options) with no flag set removes everything. */
  clear(options?: ClearOptions): this {
    const o = options ?? { contentsOnly: true, formatOnly: true };
    const all = !o.contentsOnly && !o.formatOnly && !o.validationsOnly && !o.commentsOnly;
    if (all || o.contentsOnly) this.clearContent();
    if (all || o.formatOnly) this.clearFormat();
    if (all || o.validationsOnly) this.clearDataValidations();
    if (all || o.commentsOnly) this.clearNote();
    return this;
  }

  // ---- moving data ----

  /**
   * Sorts the rows of the range by one or more columns (absolute column numbers). Like Sheets: numbers and dates
   * first, then text (case-insensitive), then booleans; empty cells always last. Whole cells move.
   */
  sort(spec: SortSpec | SortSpec[]): this {
    const keys = (Array.isArray(spec) ? spec : [spec]).map((s) =>
      typeof s === 'number' ? { column: s, ascending: true } : { column: s.column, ascending: s.ascending !== false },
    );
    const { row, col, numRows, numCols } = this.$grid;
    for (const k of keys)
      if (k.column < col || k.column >= col + numCols) throw new GasError('The sort column must be within the range.');
    const lines = this.$map((cell, r, c) => ({ cell, value: this.#value(cell, r, c) }));
    lines.sort((a, b) => {
      for (const k of keys) {
        const order = compareForSort(a[k.column - col].value, b[k.column - col].value, k.ascending);
        if (order) return order;
      }
      return 0;
    });
    for (let r = 0; r < numRows; r++)
      for (let c = 0; c < numCols; c++) this.$sheet.$put(row + r, col + c, lines[r][c].cell);
    return this;
  }

  /** Copies contents and formats (or only values / formats) to the destination's top-left cell. */
  copyTo(destination: FakeRange, options?: GasEnum | { contentsOnly?: boolean; formatOnly?: boolean }): this {
    const type = options instanceof GasEnum ? options.name() : 'PASTE_NORMAL';
    const o = options instanceof GasEnum ? {} : (options ?? {});
    const source = this.$map((cell) => (cell ? { ...cell } : undefined));
    const { row, col } = destination.$grid;
    const target = destination.$sheet;
    source.forEach((line, r) =>
      line.forEach((from, c) => {
        if (row + r > target.$maxRows) target.$maxRows = row + r;
        if (col + c > target.$maxCols) target.$maxCols = col + c;
        const to = target.$ensureCell(row + r, col + c);
        if (type !== 'PASTE_FORMAT' && !o.formatOnly) {
          to.value = type === 'PASTE_VALUES' && from?.formula ? this.#value(from, row + r, col + c) : from?.value;
          if (from?.formula && type !== 'PASTE_VALUES') to.formula = from.formula;
          else delete to.formula;
        }
        if (type !== 'PASTE_VALUES' && type !== 'PASTE_FORMULA' && !o.contentsOnly) {
          FORMAT_KEYS.forEach((key) => ((to as CellFormat)[key] = from?.[key] as never));
          to.validation = from?.validation;
        }
      }),
    );
    return this;
  }

  protect(): FakeProtection {
    return this.$sheet.$protect('RANGE', this);
  }
}

function sortRank(value: CellValue): number {
  if (value === '') return 3;
  if (typeof value === 'number' || isDate(value)) return 0;
  return typeof value === 'string' ? 1 : 2;
}

function compareForSort(a: CellValue, b: CellValue, ascending: boolean): number {
  const [ra, rb] = [sortRank(a), sortRank(b)];
  if (ra === 3 || rb === 3) return ra - rb; // empty cells last in both directions
  let order = ra - rb;
  if (!order)
    order = ra === 1 ? String(a).localeCompare(String(b), undefined, { sensitivity: 'base' }) : Number(a) - Number(b);
  return ascending ? order : -order;
}
