import { splitSheetName } from './a1';
import { currentActor } from './actor';
import { GasObject, SERVICE } from './boundary';
import { isKnownTimeZone } from './date-format';
import { GasError } from './errors';
import type { FakeRange } from './range';
import { Cell, CellValue, FormulaEvaluator, noEvaluation } from './range-values';
import { FakeUser } from './session';
import { FakeSheet } from './sheet';

export interface SpreadsheetOptions {
  id?: string;
  name?: string;
  /** Spreadsheet time zone (File > Settings), used to show and parse dates. Default 'UTC'. */
  timeZone?: string;
  /** 'en_US' by default; only changes how dates show with the automatic format. */
  locale?: string;
  /** Initial sheets, default ['Sheet1']. */
  sheetNames?: string[];
  owner?: string;
  /** Value of formula cells for getValues; default '#ERROR!' (the fake does not compute formulas). */
  evaluateFormula?: FormulaEvaluator;
}

/** A toast shown by Spreadsheet.toast. */
export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
}

let spreadsheetCount = 0;

/**
 * A spreadsheet that tests build and inspect directly (calls from tests are not counted) and that any number of
 * runtimes (users) can share. The active sheet/range is kept per user.
 */
export class FakeSpreadsheet extends GasObject {
  readonly [SERVICE] = 'Spreadsheet';
  readonly $id: string;
  $name: string;
  $timeZone: string;
  $locale: string;
  readonly $owner: string;
  readonly $evaluate: FormulaEvaluator;
  $sheets: FakeSheet[] = [];
  /**
   * Writes into cells whose validation rejects invalid data (setAllowInvalid(false)) throw, as in Sheets. A test
   * that must plant such data (e.g. data typed before the rule existed) can set this to false.
   */
  $enforceValidation = true;
  /** Toasts shown outside any runtime call (a runtime records its own toasts in `runtime.ui.toasts`). */
  readonly $toasts: ToastRecord[] = [];
  readonly #active = new Map<string, { sheet: FakeSheet; range?: FakeRange }>();
  #nextSheetId = 0;

  constructor(options: SpreadsheetOptions = {}) {
    super();
    spreadsheetCount++;
    this.$id = options.id ?? `fake-spreadsheet-${spreadsheetCount}`;
    this.$name = options.name ?? 'Untitled spreadsheet';
    this.$timeZone = options.timeZone ?? 'UTC';
    this.$locale = options.locale ?? 'en_US';
    this.$owner = options.owner ?? 'owner@example.com';
    this.$evaluate = options.evaluateFormula ?? noEvaluation;
    for (const name of options.sheetNames ?? ['Sheet1'])
      this.$sheets.push(new FakeSheet(this, name, this.#nextSheetId++));
  }

  /** Test helper: a sheet by name that must exist. */
  $sheet(name: string): FakeSheet {
    const sheet = this.getSheetByName(name);
    if (!sheet) throw new Error(`No sheet named "${name}"`);
    return sheet;
  }

  $checkNewName(name: string, renamed?: FakeSheet): void {
    const clash = this.$sheets.find((s) => s !== renamed && s.$name.toLowerCase() === String(name).toLowerCase());
    if (clash) throw new GasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }

  $setActive(sheet: FakeSheet, range?: FakeRange): void {
    this.#active.set(currentActor()?.user ?? '', { sheet, range });
  }

  #activeEntry(): { sheet: FakeSheet; range?: FakeRange } {
    const alive = (e?: { sheet: FakeSheet }): boolean => !!e && this.$sheets.includes(e.sheet);
    const own = this.#active.get(currentActor()?.user ?? '');
    if (own && alive(own)) return own;
    const shared = this.#active.get('');
    if (shared && alive(shared)) return shared;
    return { sheet: this.$sheets.find((s) => !s.$hidden) ?? this.$sheets[0] };
  }

  $copySheet(source: FakeSheet): FakeSheet {
    let name = `Copy of ${source.$name}`;
    for (let n = 2; this.getSheetByName(name); n++) name = `Copy of ${source.$name} ${n}`;
    const copy = new FakeSheet(this, name, this.#nextSheetId++);
    copy.$rows = source.$rows.map((line) => line?.map((cell): Cell | undefined => (cell ? { ...cell } : undefined)));
    copy.$maxRows = source.$maxRows;
    copy.$maxCols = source.$maxCols;
    copy.$frozenRows = source.$frozenRows;
    copy.$frozenCols = source.$frozenCols;
    this.$sheets.push(copy);
    return copy;
  }

  getId(): string {
    return this.$id;
  }
  getName(): string {
    return this.$name;
  }
  rename(newName: string): void {
    this.$name = String(newName);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.$id}/edit`;
  }
  getOwner(): FakeUser {
    return new FakeUser(this.$owner);
  }
  getSheets(): FakeSheet[] {
    return [...this.$sheets];
  }
  getNumSheets(): number {
    return this.$sheets.length;
  }
  /** Sheet names are compared case-insensitively, as Sheets does for uniqueness. */
  getSheetByName(name: string): FakeSheet | null {
    const wanted = String(name).toLowerCase();
    return this.$sheets.find((s) => s.$name.toLowerCase() === wanted) ?? null;
  }
  getSheetById(id: number): FakeSheet | null {
    return this.$sheets.find((s) => s.$id === id) ?? null;
  }

  /**
   * insertSheet(), (index), (name), (name, index), (name, index, {template}), (name, {template}). The index is
   * 0-based; without one the sheet goes right after the active sheet. The new sheet becomes active.
   */
  insertSheet(...args: unknown[]): FakeSheet {
    const name = args.find((a): a is string => typeof a === 'string');
    const index = args.find((a): a is number => typeof a === 'number');
    const options = args.find((a): a is { template?: FakeSheet } => !!a && typeof a === 'object');
    let sheetName = name;
    if (sheetName === undefined) {
      for (let n = this.$sheets.length + 1; !sheetName || this.getSheetByName(sheetName); n++) sheetName = `Sheet${n}`;
    }
    this.$checkNewName(sheetName);
    const sheet = options?.template
      ? this.$copySheet(options.template)
      : new FakeSheet(this, sheetName, this.#nextSheetId++);
    sheet.$name = sheetName;
    this.$sheets = this.$sheets.filter((s) => s !== sheet);
    const at = index ?? this.$sheets.indexOf(this.#activeEntry().sheet) + 1;
    this.$sheets.splice(Math.max(0, Math.min(at, this.$sheets.length)), 0, sheet);
    this.$setActive(sheet);
    return sheet;
  }
  deleteSheet(sheet: FakeSheet): void {
    // Both messages are paraphrased: the real wording is not known.
    if (!this.$sheets.includes(sheet)) throw new GasError('Sheet not found.');
    if (this.$sheets.length === 1) throw new GasError("You can't remove all the sheets in a document.");
    this.$sheets = this.$sheets.filter((s) => s !== sheet);
  }
  getActiveSheet(): FakeSheet {
    return this.#activeEntry().sheet;
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.$setActive(sheet);
    return sheet;
  }
  getActiveRange(): FakeRange | null {
    const entry = this.#activeEntry();
    return entry.range ?? entry.sheet.getRange('A1');
  }
  getActiveCell(): FakeRange | null {
    return this.getActiveRange()?.getCell(1, 1) ?? null;
  }
  setActiveRange(range: FakeRange): FakeRange {
    this.$setActive(range.$sheet, range);
    return range;
  }
  /** Moves the active sheet to a 1-based position. */
  moveActiveSheet(pos: number): void {
    const sheet = this.getActiveSheet();
    this.$sheets = this.$sheets.filter((s) => s !== sheet);
    this.$sheets.splice(Math.max(0, Math.min(pos - 1, this.$sheets.length)), 0, sheet);
  }
  getSpreadsheetTimeZone(): string {
    return this.$timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    if (!isKnownTimeZone(timezone)) throw new GasError(`Invalid argument: ${timezone}`);
    this.$timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    return this.$locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.$locale = locale;
  }
  /** Shown to the calling user: recorded in that runtime's `ui.toasts` (or `$toasts` outside any runtime). */
  toast(msg: string, title = '', timeoutSeconds = 5): void {
    const actor = currentActor();
    if (actor) actor.toast(String(msg), String(title), timeoutSeconds);
    else this.$toasts.push({ message: String(msg), title: String(title), timeoutSeconds });
  }
  /** 'Sheet1!A1:B2' or 'A1:B2' (active sheet). */
  getRange(a1Notation: string): FakeRange {
    const { sheetName } = splitSheetName(String(a1Notation));
    const sheet = sheetName === undefined ? this.getActiveSheet() : this.getSheetByName(sheetName);
    if (!sheet) throw new GasError('Range not found');
    return sheet.getRange(String(a1Notation));
  }
  // Spreadsheet-level shortcuts that act on the active sheet.
  appendRow(rowContents: CellValue[]): FakeSheet {
    return this.getActiveSheet().appendRow(rowContents);
  }
  getLastRow(): number {
    return this.getActiveSheet().getLastRow();
  }
  getLastColumn(): number {
    return this.getActiveSheet().getLastColumn();
  }
  getDataRange(): FakeRange {
    return this.getActiveSheet().getDataRange();
  }
}
