import { load } from './bundle-dir';

const CODE = `
function install() {
  ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); });
  ScriptApp.newTrigger('nightly').timeBased().everyDays(1).atHour(2).inTimezone('Asia/Ho_Chi_Minh').create();
  ScriptApp.newTrigger('opened').forSpreadsheet(SpreadsheetApp.getActive()).onOpen().create();
  return ScriptApp.getProjectTriggers().map(function (t) { return [t.getHandlerFunction(), String(t.getEventType()), String(t.getTriggerSource())]; });
}
function nightly(e) {
  SpreadsheetApp.getActiveSheet().appendRow([e.triggerUid, e.year, e.month, e['day-of-month'], e.hour, String(e.authMode)]);
  try { SpreadsheetApp.getUi(); } catch (err) { Logger.log(err.message); }
}
function many() { for (var i = 0; i < 21; i++) ScriptApp.newTrigger('nightly').timeBased().everyHours(1).create(); }
function bad() { ScriptApp.newTrigger('nightly').timeBased().everyMinutes(7); }
`;

describe('ScriptApp triggers', () => {
  it('installs, lists and replaces triggers', () => {
    const gas = load(CODE);
    gas.call('install');
    expect(gas.call('install')).toEqual([
      ['nightly', 'CLOCK', 'CLOCK'],
      ['opened', 'ON_OPEN', 'SPREADSHEETS'],
    ]);
    expect(gas.triggers.map((t) => [t.getHandlerFunction(), t.$record.schedule, t.getTriggerSourceId()])).toEqual([
      ['nightly', { everyDays: 1, atHour: 2, timeZone: 'Asia/Ho_Chi_Minh' }, null],
      ['opened', {}, gas.spreadsheet.getId()],
    ]);
  });

  it('fires time-based triggers with a time-driven event, without UI', () => {
    const gas = load(CODE, { now: () => new Date('2024-02-29T19:30:00Z') });
    gas.call('install');
    expect(gas.fireTimeTriggers()).toEqual(['nightly']);
    const uid = gas.triggers.find((t) => t.getHandlerFunction() === 'nightly')!.getUniqueId();
    expect(gas.spreadsheet.getSheets()[0].getDataRange().getValues()).toEqual([[Number(uid), 2024, 2, 29, 19, 'FULL']]);
    expect(gas.logs.map((l) => l.message)).toContain('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  it('has no UI in trigger executions even when globals are kept between calls', () => {
    const gas = load(CODE, { freshGlobals: false });
    gas.call('install');
    gas.fireTimeTriggers('nightly');
    expect(gas.logs.map((l) => l.message)).toContain('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  it('refuses a 21st trigger and invalid intervals', () => {
    const gas = load(CODE);
    expect(() => gas.call('many')).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(gas.triggers).toHaveLength(20);
    expect(() => gas.call('bad')).toThrow('everyMinutes');
  });
});
