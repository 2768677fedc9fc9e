/**
 * "Thiết lập bảng tính": creates or repairs every sheet of the workbook
 * contract. Idempotent and never destructive: missing sheets are added,
 * missing headers are appended after the existing ones, formats and drop-downs
 * are (re)applied, data is never deleted or moved.
 */
import {
  DEFAULT_SETTINGS,
  LISTS,
  SHEETS,
  SHEET_ORDER,
  missingHeaders,
  type ColumnSpec,
  type SheetKey,
} from '../core/contract';
import type { CellValue } from '../core/contract';

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
const UNIT_COLUMNS = new Set(['unit']);

export interface SetupResult {
  created: string[];
  repaired: string[];
}

export function setupSpreadsheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SetupResult {
  const result: SetupResult = { created: [], repaired: [] };
  const existing = new Map(ss.getSheets().map((s) => [s.getName(), s]));
  const validations: ValidationCache = new Map();
  for (const key of SHEET_ORDER) {
    const spec = SHEETS[key];
    let sheet = existing.get(spec.name);
    if (!sheet) {
      sheet = ss.insertSheet(spec.name);
      result.created.push(spec.name);
    }
    const isNew = result.created.includes(spec.name);
    if (ensureHeaders(sheet, key)) result.repaired.push(spec.name);
    formatSheet(ss, sheet, key, validations);
    // Widths only on sheets made now: people widen columns by hand and a repair keeps that.
    if (isNew) setColumnWidths(sheet, key);
  }
  ensureSettings(existing.get(SHEETS.settings.name) ?? ss.getSheetByName(SHEETS.settings.name)!);
  const first = ss.getSheetByName(SHEETS.plan.name);
  if (result.created.includes(SHEETS.plan.name) && first) ss.setActiveSheet(first);
  return result;
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
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: Sheet,
  key: SheetKey,
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

  const unitsRange = ss.getSheetByName(SHEETS.units.name)?.getRange('A2:A');
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
  unitsRange: GoogleAppsScript.Spreadsheet.Range | undefined,
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
  if (UNIT_COLUMNS.has(col.key) && key !== 'units' && unitsRange) {
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
