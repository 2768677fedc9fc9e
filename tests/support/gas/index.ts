/**
 * An offline Apps Script runtime for tests. `loadBundle(dir)` reads a pushed project (dist/: .js/.gs files,
 * .html pages, appsscript.json) like `clasp push`, runs it in a Node vm context with fakes of the Apps Script
 * services, and returns a GasRuntime that plays one user:
 *
 *   const gas = loadBundle('dist', { user: 'yte@example.com', now: () => new Date('2022-07-01T03:00:00Z') });
 *   gas.call('onOpen');                                   // as a menu, trigger or the editor would
 *   gas.clickMenu('Thi đua – Khen thưởng', 'Thiết lập bảng tính');
 *   gas.spreadsheet.getSheetByName('Đơn vị')!.getRange('A2').getValue();  // test-side calls are not counted
 *   gas.callFromPage('saveProgress', { unit: 'Phòng Y tế' });             // google.script.run rules
 *   gas.ui.respondWith('YES', { text: '2024' });          // answers for the next alert / prompt
 *   gas.calls.count('Range.getValues');                   // service calls made by the bundle
 *   gas.fireTimeTriggers();                               // run installed time-driven triggers, without UI
 *   gas.fireChange('REMOVE_ROW');                         // a user's change: runs installed onChange triggers
 *
 * Share `spreadsheet` between runtimes to play several users (locks, properties, caches, triggers follow).
 * Fidelity notes live next to each fake; see README.md for the overview.
 */
import { readBundle } from './loader';
import { GasRuntime, LoadOptions } from './runtime';

export function loadBundle(dir: string, options: LoadOptions = {}): GasRuntime {
  return new GasRuntime(readBundle(dir, options.pushOrder), options);
}

export { GasRuntime } from './runtime';
export type { LoadOptions } from './runtime';
export { FakeSpreadsheet } from './spreadsheet';
export type { SpreadsheetOptions, ToastRecord } from './spreadsheet';
export { FakeSheet } from './sheet';
export { FakeRange } from './range';
export type { Cell, CellValue, FormulaEvaluator } from './range-values';
export { CallCounter } from './counter';
export { DocumentStore, FakeDocument } from './document';
export { Clock } from './clock';
export { UiRecorder } from './ui';
export type { MenuRecord, MenuItem, AlertRecord, PromptRecord, DialogRecord, UiResponse } from './ui';
export { FakeHtmlOutput } from './html';
export { LockControl } from './lock';
export type { LockKind } from './lock';
export { FakeTrigger, CHANGE_TYPES } from './triggers';
export type { ChangeType } from './triggers';
export { MailBox } from './mail';
export type { SentMail } from './mail';
export type { LogEntry } from './logger';
export { GasError, isDate } from './errors';
