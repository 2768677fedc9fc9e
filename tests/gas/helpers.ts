/**
 * Workbooks for the add-in tests: empty (nothing set up) and full (set up,
 * the sample units with e-mails, the office's e-mail, the sample 2024 plan
 * loaded, some progress logged), and a long progress log written straight
 * into the fake (test-side calls are not counted).
 */
import * as fs from 'fs';
import * as path from 'path';
import { headersOf, rowToValues, type Row } from '../../src/core/contract';
import { UnitRegistry } from '../../src/core/units';
import { Clock, FakeSpreadsheet, type GasRuntime, type LoadOptions } from '../support/gas';
import { ROOT, loadAddin } from '../support/bundle';

export const PLAN_TEXT = fs.readFileSync(path.join(ROOT, 'examples/ke-hoach-mau-2024.txt'), 'utf8');
export const OFFICE = 'noivu@hongngu.example';
/** 25/06/2024, 08:00 in Hồ Chí Minh City. */
export const NOW = new Date('2024-06-25T01:00:00Z');

export const MENU_TITLE = 'Thi đua – Khen thưởng';

/** The sample units (examples/units.csv) as units-sheet rows; `over` changes some by name. */
export function unitRows(over: Record<string, Partial<Row>> = {}): Row[] {
  const registry = UnitRegistry.fromCsv(fs.readFileSync(path.join(ROOT, 'examples/units.csv'), 'utf8'));
  return registry.toRows().map((row) => ({ ...row, ...(over[String(row.name)] ?? {}) }) as Row);
}

/**
 * The user types the units into the units sheet: Sheets then runs the installed change triggers (setup's
 * clears the cached units and settings).
 */
export function writeUnits(runtime: GasRuntime, rows: Row[]): void {
  const sheet = runtime.spreadsheet.getSheetByName('Đơn vị')!;
  const width = headersOf('units').length;
  sheet.getRange(2, 1, rows.length, width).setValues(rows.map((r) => rowToValues('units', r)));
  runtime.fireChange('EDIT');
}

/** The user types a setting's value, as above. */
export function setSetting(runtime: GasRuntime, key: string, value: string): void {
  const sheet = runtime.spreadsheet.getSheetByName('Cài đặt')!;
  const keys = sheet
    .getDataRange()
    .getValues()
    .map((r: unknown[]) => r[0]);
  sheet.getRange(keys.indexOf(key) + 1, 2).setValue(value);
  runtime.fireChange('EDIT');
}

export function progress(
  itemId: string,
  status: string,
  percent: number | null,
  date: string | null,
  unit = 'Phòng Nội vụ',
) {
  return { year: 2024, itemId, unit, status, percent, date, note: '', evidence: '' };
}

export interface WorkbookOptions extends LoadOptions {
  units?: Row[];
  /** Skip the sample progress reports. */
  noProgress?: boolean;
}

/** A set-up workbook with the sample units and plan, and a few reports; the user is the office. */
export function fullWorkbook(options: WorkbookOptions = {}): GasRuntime {
  const { units, noProgress, ...load } = options;
  const runtime = loadAddin({ user: OFFICE, now: () => NOW, ...load });
  if (!load.spreadsheet) {
    runtime.call('menuSetupWorkbook');
    writeUnits(runtime, units ?? unitRows());
    setSetting(runtime, 'officeEmails', OFFICE);
    runtime.callFromPage('loadPlan', { text: PLAN_TEXT }, 2024);
    if (!noProgress) {
      for (const input of [
        progress('2', 'done', 100, '2024-03-20'),
        progress('4', 'in_progress', 60, '2024-03-10', 'Phòng Y tế'),
        progress('5.1', 'in_progress', 50, '2024-06-01'),
        progress('1.1', 'done', 100, '2024-06-20'),
        progress('6.2', 'paused', null, '2024-05-05', 'Phòng Giáo dục và Đào tạo'),
      ])
        runtime.callFromPage('submitProgress', input);
    }
  }
  runtime.call('onOpen');
  return runtime;
}

/** Several users of one spreadsheet on one timeline. */
export function usersOf(count: number, spreadsheet: FakeSpreadsheet, user: (i: number) => string): GasRuntime[] {
  const clock = new Clock(() => NOW);
  return Array.from({ length: count }, (_, i) => loadAddin({ user: user(i), spreadsheet, clock }));
}

/** Appends `count` old reports (January 2024) straight into the log, spread over the plan's items. */
export function addLogRows(runtime: GasRuntime, count: number, ids: string[]): void {
  const log = runtime.spreadsheet.getSheetByName('Nhật ký tiến độ')!;
  const header = log.getRange(1, 1, 1, log.getLastColumn()).getValues()[0] as string[];
  const start = log.getLastRow() + 1;
  log.insertRowsAfter(log.getMaxRows(), count);
  const rows = Array.from({ length: count }, (_, i) => {
    const line = header.map(() => '' as unknown);
    line[header.indexOf('Thời điểm ghi')] = new Date(Date.UTC(2024, 0, 2, 3, 0, i % 60));
    line[header.indexOf('Năm')] = 2024;
    line[header.indexOf('Mã công việc')] = ids[i % ids.length];
    line[header.indexOf('Đơn vị')] = 'Phòng Nội vụ';
    line[header.indexOf('Trạng thái')] = 'Đang thực hiện';
    line[header.indexOf('% hoàn thành')] = 0.1;
    line[header.indexOf('Ngày thực hiện')] = new Date(Date.UTC(2024, 0, 2));
    return line;
  });
  log.getRange(start, 1, count, header.length).setValues(rows);
}

/** A sheet as header-keyed objects. */
export function sheetObjects(runtime: GasRuntime, name: string): Array<Record<string, unknown>> {
  const values = runtime.spreadsheet.getSheetByName(name)!.getDataRange().getValues();
  return values
    .slice(1)
    .map((row: unknown[]) => Object.fromEntries(values[0].map((h: string, i: number) => [h, row[i]])));
}

/** Every menu item as [captions…, function name], submenus included. */
export function menuPaths(runtime: GasRuntime): Array<{ path: string[]; fn: string }> {
  const menu = runtime.ui.menus.find((m) => m.title === MENU_TITLE);
  if (!menu) throw new Error('menu missing');
  const out: Array<{ path: string[]; fn: string }> = [];
  const walk = (items: typeof menu.items, prefix: string[]) => {
    for (const item of items) {
      if ('submenu' in item) walk(item.submenu.items, [...prefix, item.submenu.title]);
      else if ('caption' in item) out.push({ path: [...prefix, item.caption], fn: item.functionName });
    }
  };
  walk(menu.items, []);
  return out;
}

/** Spreadsheet service calls (SpreadsheetApp, Spreadsheet, Sheet, Range) of the runtime's counter. */
export function spreadsheetCalls(runtime: GasRuntime): number {
  return ['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range'].reduce((n, s) => n + runtime.calls.count(s), 0);
}
