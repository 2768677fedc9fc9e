/**
 * "Thiết lập bảng tính": creates or repairs every sheet of the workbook
 * contract. Idempotent and never destructive: missing sheets are added,
 * missing headers are appended after the existing ones, formats, drop-downs
 * and the plan's highlight rules are (re)applied, and the plan's computed
 * columns are recomputed from the log; data is never deleted or moved. It
 * also installs the change trigger that keeps the cached units and settings
 * true (reference.ts), once per account.
 */
import {
  DEFAULT_SETTINGS,
  LISTS,
  SHEETS,
  SHEET_ORDER,
  labelOf,
  missingHeaders,
  type ColumnSpec,
  type SheetKey,
} from '../core/contract';
import type { CellValue } from '../core/contract';
import { todayIn } from '../core/dates';
import { columnLetter } from '../core/a1';
import { councilSettings, forgetReference, watchReferenceChanges } from './reference';
import { SheetStore } from './sheet-store';
import { recomputeComputedColumns } from './tracking';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HEADER_BACKGROUND = '#d9e7fd';
const COMPUTED_HEADER_BACKGROUND = '#e8eaed';

/** Number formats as Sheets writes them; text columns are plain text so "02" or "1.10" stay as typed. */
const NUMBER_FORMAT: Record<ColumnSpec['type'], string> = {
  text: '@',
  longtext: '@',
  url: '@',
  email: '@',
  integer: '0',
  number: '#,##0.##',
  percent: '0%',
  date: 'dd/MM/yyyy',
  datetime: 'dd/MM/yyyy HH:mm',
};

/** Columns whose drop-down is the list of units rather than a fixed list. */
const UNIT_COLUMNS = new Set(['unit', 'mergedInto']);

export interface SetupResult {
  created: string[];
  repaired: string[];
  /** Plan items whose computed columns changed. */
  recomputed: number;
}

export function setupSpreadsheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SetupResult {
  const result: SetupResult = { created: [], repaired: [], recomputed: 0 };
  const existing = new Map(ss.getSheets().map((s) => [s.getName(), s]));
  const validations: ValidationCache = new Map();
  const sheets = new Map<SheetKey, Sheet>();
  for (const key of SHEET_ORDER) {
    const spec = SHEETS[key];
    let sheet = existing.get(spec.name);
    if (!sheet) {
      sheet = ss.insertSheet(spec.name);
      result.created.push(spec.name);
    }
    sheets.set(key, sheet);
    if (ensureHeaders(sheet, key)) result.repaired.push(spec.name);
  }
  // Formats once every sheet exists: the units drop-down of the log needs the units sheet.
  const unitsRange = sheets.get('units')!.getRange('A2:A');
  for (const [key, sheet] of sheets) {
    formatSheet(sheet, key, unitsRange, validations);
    // Widths only on sheets made now: people widen columns by hand and a repair keeps that.
    if (result.created.includes(SHEETS[key].name)) setColumnWidths(sheet, key);
  }
  ensureSettings(existing.get(SHEETS.settings.name) ?? ss.getSheetByName(SHEETS.settings.name)!);
  // The change trigger first, then the cache cleared: what was cached before the trigger watched is gone.
  watchReferenceChanges(ss);
  forgetReference();
  result.recomputed = finishPlan(new SheetStore(ss));
  const first = ss.getSheetByName(SHEETS.plan.name);
  if (result.created.includes(SHEETS.plan.name) && first) ss.setActiveSheet(first);
  return result;
}

/** The plan's highlight rules and computed columns, from the settings and the log; returns the items changed. */
function finishPlan(store: SheetStore): number {
  const settings = councilSettings(store.read('settings').rows.map((r) => r.row));
  const plan = store.read('plan');
  highlightPlan(plan.sheet, plan.values[0] ?? [], settings.reminderDays);
  const log = store.read('progress').rows.map((r) => r.row);
  return recomputeComputedColumns(store, plan, log, todayIn(store.timeZone), {
    dueSoonDays: settings.reminderDays,
    timeZone: store.timeZone,
  });
}

/**
 * tdkt's rules carry this harmless term (N of a text is 0), which is how a
 * later setup finds and replaces them while keeping the user's own rules.
 */
export const RULE_MARK = 'N("tdkt")=0';

export const HIGHLIGHT_COLORS = { done: '#b7e1cd', late: '#f4c7c3', dueSoon: '#fce8b2' } as const;

/**
 * Conditional formatting of the plan's rows from its computed columns: done
 * green, late red, due within `days` days amber. Lateness and "due soon" are
 * judged on «Hạn kế tiếp» against TODAY(), so the colours stay right between
 * recomputations; ongoing items («Thường xuyên») are never late, paused ones
 * never coloured.
 */
export function highlightFormulas(
  header: ReadonlyArray<CellValue>,
  days: number,
): Record<keyof typeof HIGHLIGHT_COLORS, string> | null {
  const at = (key: string) => {
    const spec = SHEETS.plan.columns.find((c) => c.key === key)!;
    const i = header.findIndex((h) => String(h).trim().toLowerCase() === spec.header.toLowerCase());
    return i < 0 ? null : `$${columnLetter(i + 1)}2`;
  };
  const status = at('status');
  const next = at('nextDue');
  const late = at('daysLate');
  if (!status || !next || !late) return null;
  const kind = at('scheduleKind');
  const done = `"${labelOf('progressStatus', 'done')}"`;
  const paused = `"${labelOf('progressStatus', 'paused')}"`;
  // No function takes two arguments: AND is a product of conditions and OR a
  // sum, so no argument separator appears, and the rules read the same in a
  // spreadsheet whose locale writes «;» between arguments (vi_VN, as most
  // decimal-comma locales) as in one that writes «,».
  const all = (...conditions: string[]) => `=${conditions.map((c) => `(${c})`).join('*')}>0`;
  const open = [`${status}<>${done}`, `${status}<>${paused}`];
  const canBeLate = kind ? [`${kind}<>"${labelOf('scheduleKind', 'ongoing')}"`] : [];
  const overdue = [`ISNUMBER(${next})`, `${next}<TODAY()`, ...canBeLate].map((c) => `(${c})`).join('*');
  return {
    done: all(RULE_MARK, `${status}=${done}`),
    late: all(RULE_MARK, ...open, `(N(${late})>0)+${overdue}`),
    dueSoon: all(RULE_MARK, ...open, `ISNUMBER(${next})`, `${next}>=TODAY()`, `${next}<=TODAY()+${Math.round(days)}`),
  };
}

function isOwnRule(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean {
  const condition = rule.getBooleanCondition();
  return !!condition && condition.getCriteriaValues().some((v) => String(v).includes(RULE_MARK));
}

/** Replaces tdkt's highlight rules on the plan's data rows; the user's other rules are kept, first. */
function highlightPlan(sheet: Sheet, header: ReadonlyArray<CellValue>, days: number): void {
  const formulas = highlightFormulas(header, days);
  const kept = sheet.getConditionalFormatRules().filter((rule) => !isOwnRule(rule));
  if (!formulas) {
    sheet.setConditionalFormatRules(kept);
    return;
  }
  const body = sheet.getRange(2, 1, Math.max(sheet.getMaxRows() - 1, 1), Math.max(header.length, 1));
  const rule = (formula: string, color: string) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(formula)
      .setBackground(color)
      .setRanges([body])
      .build();
  sheet.setConditionalFormatRules([
    ...kept,
    rule(formulas.done, HIGHLIGHT_COLORS.done),
    rule(formulas.late, HIGHLIGHT_COLORS.late),
    rule(formulas.dueSoon, HIGHLIGHT_COLORS.dueSoon),
  ]);
}

/** Writes the contract's headers a sheet lacks after its last header; true when it wrote any. */
function ensureHeaders(sheet: Sheet, key: SheetKey): boolean {
  const width = Math.max(sheet.getLastColumn(), 1);
  const header = sheet.getRange(1, 1, 1, width).getValues()[0] as CellValue[];
  const missing = missingHeaders(key, header);
  if (missing.length === 0) return false;
  const used = header.filter((h) => String(h).trim() !== '').length;
  sheet.getRange(1, used + 1, 1, missing.length).setValues([missing]);
  return used > 0;
}

/** Header style, frozen header, widths, number formats and drop-downs, each in one call per sheet or per run. */
function formatSheet(
  sheet: Sheet,
  key: SheetKey,
  unitsRange: GoogleAppsScript.Spreadsheet.Range,
  validations: ValidationCache,
): void {
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as CellValue[];
  const columns = header.map((h) =>
    SHEETS[key].columns.find((c) => c.header.toLowerCase() === String(h).trim().toLowerCase()),
  );
  const width = header.length;
  const headerRange = sheet.getRange(1, 1, 1, width);
  headerRange
    .setFontWeight('bold')
    .setWrap(true)
    .setVerticalAlignment('middle')
    .setBackgrounds([columns.map((c) => (c?.computed ? COMPUTED_HEADER_BACKGROUND : HEADER_BACKGROUND))]);
  sheet.setFrozenRows(1);

  const dataRows = Math.max(sheet.getMaxRows() - 1, 1);
  const body = sheet.getRange(2, 1, dataRows, width);
  const formats = columns.map((c) => (c ? NUMBER_FORMAT[c.type] : 'General'));
  body.setNumberFormats(Array.from({ length: dataRows }, () => formats));

  const rules = columns.map((c) => validationFor(key, c, unitsRange, validations));
  body.setDataValidations(Array.from({ length: dataRows }, () => rules));
}

/** Each distinct rule is built once per setup, however many sheets use it. */
type ValidationCache = Map<string, GoogleAppsScript.Spreadsheet.DataValidation>;

/** Column widths from the contract: one call per run of equal widths. */
function setColumnWidths(sheet: Sheet, key: SheetKey): void {
  const widths = SHEETS[key].columns.map((c) => c.width ?? 120);
  let start = 0;
  while (start < widths.length) {
    let end = start + 1;
    while (end < widths.length && widths[end] === widths[start]) end++;
    sheet.setColumnWidths(start + 1, end - start, widths[start]);
    start = end;
  }
}

function validationFor(
  key: SheetKey,
  col: ColumnSpec | undefined,
  unitsRange: GoogleAppsScript.Spreadsheet.Range,
  cache: ValidationCache,
): GoogleAppsScript.Spreadsheet.DataValidation | null {
  if (!col) return null;
  const list = col.list;
  if (list) {
    return cached(cache, list, () =>
      SpreadsheetApp.newDataValidation()
        .requireValueInList(
          LISTS[list].map((o) => o.label),
          true,
        )
        .setAllowInvalid(false)
        .build(),
    );
  }
  if (UNIT_COLUMNS.has(col.key) && !col.computed && (key !== 'units' || col.key === 'mergedInto')) {
    // Units can be typed freely (imports keep what the file says) but the list helps.
    return cached(cache, 'units', () =>
      SpreadsheetApp.newDataValidation().requireValueInRange(unitsRange, true).setAllowInvalid(true).build(),
    );
  }
  return null;
}

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** Adds the default settings whose key is not there yet; never overwrites a value. */
function ensureSettings(sheet: Sheet): void {
  const values = sheet.getDataRange().getValues() as CellValue[][];
  const present = new Set(values.slice(1).map((r) => String(r[0]).trim()));
  const missing = DEFAULT_SETTINGS.filter((s) => !present.has(s.key)).map((s) => [s.key, s.value, s.note]);
  if (missing.length === 0) return;
  sheet.getRange(values.length + 1, 1, missing.length, 3).setValues(missing);
}
