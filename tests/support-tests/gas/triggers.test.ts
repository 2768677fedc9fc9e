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

const CHANGES = `
function watch() {
  var mine = ScriptApp.getProjectTriggers().filter(function (t) {
    return t.getHandlerFunction() === 'changed' && String(t.getEventType()) === 'ON_CHANGE';
  });
  if (mine.length === 0) ScriptApp.newTrigger('changed').forSpreadsheet(SpreadsheetApp.getActive()).onChange().create();
  ScriptApp.newTrigger('nightly').timeBased().everyDays(1).create();
  ScriptApp.newTrigger('edited').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create();
}
function changed(e) {
  var seen = JSON.parse(PropertiesService.getDocumentProperties().getProperty('seen') || '[]');
  var ui = 'ui';
  try { SpreadsheetApp.getUi(); } catch (err) { ui = 'no ui'; }
  seen.push([Session.getEffectiveUser().getEmail(), e.user.getEmail(), e.changeType, String(e.authMode),
    e.source.getId(), e.triggerUid, ui]);
  PropertiesService.getDocumentProperties().setProperty('seen', JSON.stringify(seen));
}
function nightly() { PropertiesService.getDocumentProperties().setProperty('nightly', 'ran'); }
function edited() { PropertiesService.getDocumentProperties().setProperty('edited', 'ran'); }
function write() { SpreadsheetApp.getActiveSheet().getRange('A1').setValue('by the script'); }
`;

describe('change triggers (onChange)', () => {
  const seen = (gas: ReturnType<typeof load>) => JSON.parse(gas.properties.document.getProperty('seen') ?? '[]');

  it('run on a change by hand, with a change event and without UI; nothing else fires', () => {
    const gas = load(CHANGES, { user: 'a@example.com' });
    gas.call('watch');
    gas.call('watch');
    const change = gas.triggers.filter((t) => String(t.getEventType()) === 'ON_CHANGE');
    expect(change.map((t) => [t.getHandlerFunction(), String(t.getTriggerSource()), t.getTriggerSourceId()])).toEqual([
      ['changed', 'SPREADSHEETS', gas.spreadsheet.getId()],
    ]);

    // A script's own writes fire no trigger.
    gas.call('write');
    expect(seen(gas)).toEqual([]);

    gas.spreadsheet.getSheets()[0].deleteRow(2);
    gas.calls.reset();
    expect(gas.fireChange('REMOVE_ROW')).toEqual(['changed']);
    expect(gas.fireChange()).toEqual(['changed']);
    const uid = change[0].getUniqueId();
    expect(seen(gas)).toEqual([
      ['a@example.com', 'a@example.com', 'REMOVE_ROW', 'FULL', gas.spreadsheet.getId(), uid, 'no ui'],
      ['a@example.com', 'a@example.com', 'EDIT', 'FULL', gas.spreadsheet.getId(), uid, 'no ui'],
    ]);
    // The handler's calls are counted; the time-driven and edit triggers did not run.
    expect(gas.calls.count('PropertiesService.getDocumentProperties')).toBe(4);
    expect(gas.properties.document.getProperty('nightly')).toBeNull();
    expect(gas.properties.document.getProperty('edited')).toBeNull();
    expect(() => gas.fireChange('DELETE' as never)).toThrow('Unknown change type "DELETE"');

    // Deleted on the Triggers page: nothing runs any more.
    gas.deleteTrigger(change[0]);
    expect(gas.fireChange()).toEqual([]);
    expect(gas.triggers.map((t) => t.getHandlerFunction())).not.toContain('changed');
  });

  it('run as the account that installed them, whoever makes the change', () => {
    const a = load(CHANGES, { user: 'a@example.com' });
    const b = load(CHANGES, { user: 'b@example.com', spreadsheet: a.spreadsheet });
    a.call('watch');
    b.call('watch');
    a.calls.reset();
    b.calls.reset();
    expect(b.triggers.filter((t) => t.getHandlerFunction() === 'changed')).toHaveLength(1);
    // b renames a sheet: both triggers run, each as its installer; the change is b's.
    expect(b.fireChange('OTHER')).toEqual(['changed', 'changed']);
    expect(seen(a).map((s: string[]) => s.slice(0, 3))).toEqual([
      ['a@example.com', 'b@example.com', 'OTHER'],
      ['b@example.com', 'b@example.com', 'OTHER'],
    ]);
    expect(a.calls.count('PropertiesService.getDocumentProperties')).toBe(2);
    expect(b.calls.count('PropertiesService.getDocumentProperties')).toBe(2);
  });

  it('of another spreadsheet do not run', () => {
    const a = load(CHANGES, { user: 'a@example.com' });
    a.call('watch');
    const other = load(CHANGES, { user: 'a@example.com' });
    expect(other.fireChange()).toEqual([]);
    expect(seen(a)).toEqual([]);
  });
});
