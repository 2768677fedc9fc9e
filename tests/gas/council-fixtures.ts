/**
 * Workbooks for the tests of the council's work (nominations, checks,
 * sessions, decisions, certificates, rosters): set up, the sample units with
 * e-mails, the office's e-mail, and contract rows written straight into the
 * fake (test-side calls are not counted).
 */
import { SHEETS, headersOf, rowToValues, type Row, type SheetKey } from '../../src/core/contract';
import type { GasRuntime, LoadOptions } from '../support/gas';
import { loadAddin } from '../support/bundle';
import { OFFICE, setSetting, unitRows, writeUnits } from './helpers';

export { OFFICE };
/** 20/12/2024, 09:00 in Hồ Chí Minh City: nominations of 2024 are being reviewed. */
export const COUNCIL_NOW = new Date('2024-12-20T02:00:00Z');
export const MENU = 'Thi đua – Khen thưởng';

/** A set-up workbook with the sample units; the user is the office unless `user` says otherwise. */
export function councilWorkbook(options: LoadOptions = {}): GasRuntime {
  const runtime = loadAddin({ user: OFFICE, now: () => COUNCIL_NOW, ...options });
  if (!options.spreadsheet) {
    runtime.call('menuSetupWorkbook');
    writeUnits(runtime, unitRows());
    setSetting(runtime, 'officeEmails', OFFICE);
  }
  runtime.call('onOpen');
  runtime.ui.toasts.length = 0;
  runtime.ui.alerts.length = 0;
  return runtime;
}

/** Appends contract rows under a sheet's data in one write (test side). */
export function addRows(runtime: GasRuntime, key: SheetKey, rows: Row[]): void {
  if (rows.length === 0) return;
  const sheet = runtime.spreadsheet.getSheetByName(SHEETS[key].name)!;
  const width = headersOf(key).length;
  const start = sheet.getLastRow() + 1;
  const needed = start + rows.length - 1 - sheet.getMaxRows();
  if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
  sheet.getRange(start, 1, rows.length, width).setValues(rows.map((r) => rowToValues(key, r)));
}

export function nomination(name: string, award: string, over: Partial<Row> = {}): Row {
  return {
    year: 2024,
    unit: 'Phòng Y tế',
    subject: 'individual',
    name,
    position: 'Chuyên viên',
    award,
    commendationKind: 'regular',
    reviewStatus: 'proposed',
    ...over,
  };
}

export function registration(name: string, award: string, over: Partial<Row> = {}): Row {
  return { year: 2024, unit: 'Phòng Y tế', subject: 'individual', name, award, ...over };
}

/**
 * Phòng Y tế's 2024 list: 10 LĐTT (all registered), of whom 3 are also
 * proposed for CSTĐCS with a recognised initiative. 15% of 10 LĐTT is 1,5:
 * at most one CSTĐCS, so the quota is exceeded by two.
 */
export function quotaCase(runtime: GasRuntime): void {
  const people = Array.from({ length: 10 }, (_, i) => `Nguyễn Văn ${String.fromCharCode(65 + i)}`);
  const stars = people.slice(0, 3);
  addRows(runtime, 'registrations', [
    ...people.map((p) => registration(p, 'Lao động tiên tiến')),
    ...stars.map((p) => registration(p, 'Chiến sĩ thi đua cơ sở')),
  ]);
  addRows(runtime, 'nominations', [
    ...people.map((p) => nomination(p, 'Lao động tiên tiến')),
    ...stars.map((p, i) =>
      nomination(p, 'Chiến sĩ thi đua cơ sở', {
        initiative: `Sáng kiến số ${i + 1} về quản lý hồ sơ`,
        initiativeRecognition: `Quyết định số ${i + 1}/QĐ-PYT ngày 01/11/2024`,
      }),
    ),
  ]);
}

/** A sheet as header-keyed objects (test side). */
export function objects(runtime: GasRuntime, name: string): Array<Record<string, unknown>> {
  const sheet = runtime.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const values = sheet.getDataRange().getValues();
  return values
    .slice(1)
    .map((row: unknown[]) => Object.fromEntries(values[0].map((h: string, i: number) => [h, row[i]])));
}

/** Spreadsheet service calls made by the bundle (SpreadsheetApp, Spreadsheet, Sheet, Range). */
export function sheetCalls(runtime: GasRuntime): number {
  return ['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range'].reduce((n, s) => n + runtime.calls.count(s), 0);
}

/** Every alert and toast as text, for checking that problems were told politely in Vietnamese. */
export function told(runtime: GasRuntime): string {
  return [...runtime.ui.alerts.map((a) => `${a.title}: ${a.prompt}`), ...runtime.ui.toasts.map((t) => t.message)].join(
    '\n',
  );
}
