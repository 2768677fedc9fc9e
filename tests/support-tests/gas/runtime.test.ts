import { isDate } from '../../support/gas';
import { load } from './bundle-dir';

describe('service call counting', () => {
  const gas = load(`
    function readAll() {
      var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1');
      return sheet.getRange(1, 1, 1000, 26).getValues().length;
    }
    function readEachRow() {
      var sheet = SpreadsheetApp.getActiveSheet();
      for (var r = 1; r <= 10; r++) sheet.getRange(r, 1).getValue();
    }
    function build() {
      return SpreadsheetApp.newDataValidation().requireValueInList(['a']).build().getCriteriaType().toString();
    }`);

  beforeEach(() => gas.calls.reset());

  it('counts one call per method call, whatever the size of the range', () => {
    expect(gas.call('readAll')).toBe(1000);
    expect(gas.calls.byName()).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getRange': 1,
      'Range.getValues': 1,
    });
    expect(gas.calls.count()).toBe(4);
    expect(gas.calls.sequence).toEqual([
      'SpreadsheetApp.getActiveSpreadsheet',
      'Spreadsheet.getSheetByName',
      'Sheet.getRange',
      'Range.getValues',
    ]);
  });

  it('filters by service, by exact method, or with a function', () => {
    gas.call('readEachRow');
    expect(gas.calls.count('Range')).toBe(10);
    expect(gas.calls.count('Range.getValue')).toBe(10);
    expect(gas.calls.count('Range.getValues')).toBe(0);
    expect(gas.calls.count('Sheet')).toBe(10);
    expect(gas.calls.count('SpreadsheetApp')).toBe(1);
    expect(gas.calls.count((name) => name.endsWith('.getRange'))).toBe(10);
  });

  it('counts builder calls too, but not calls made by the test itself', () => {
    expect(gas.call('build')).toBe('VALUE_IN_LIST');
    expect(gas.calls.byName()).toEqual({
      'SpreadsheetApp.newDataValidation': 1,
      'DataValidationBuilder.requireValueInList': 1,
      'DataValidationBuilder.build': 1,
      'DataValidation.getCriteriaType': 1,
    });
    gas.spreadsheet.getSheets()[0].getRange('A1:B2').getValues();
    expect(gas.calls.count()).toBe(4);
  });
});

describe('callFromPage (google.script.run)', () => {
  const gas = load(`
    function echo(x) { return x; }
    function secret_() { return 'private'; }
    function today() { return { when: new Date(0), label: 'x' }; }
    function fail() { throw new Error('Không tìm thấy đơn vị'); }
    function sheetName() { return SpreadsheetApp.getActiveSheet().getName(); }`);

  it('round-trips primitives, arrays and plain objects', () => {
    const value = { n: 1, s: 'ấ', b: true, z: null, list: [1, undefined, { a: 'b' }], skip: undefined };
    expect(gas.callFromPage('echo', value)).toEqual({ n: 1, s: 'ấ', b: true, z: null, list: [1, null, { a: 'b' }] });
    expect(gas.callFromPage('sheetName')).toBe('Sheet1');
  });

  it('refuses dates and functions as parameters, anywhere inside them', () => {
    expect(() => gas.callFromPage('echo', new Date())).toThrow('Failed due to illegal value in property: 0');
    expect(() => gas.callFromPage('echo', 'ok', { nested: { when: new Date() } })).toThrow(
      'Failed due to illegal value in property: when',
    );
    expect(() => gas.callFromPage('echo', [() => 1])).toThrow('Failed due to illegal value in property: 0');
  });

  it('turns a return value holding a Date into null', () => {
    expect(gas.callFromPage('today')).toBeNull();
  });

  it('cannot reach private functions or missing ones; server errors come back as errors', () => {
    expect(() => gas.callFromPage('secret_')).toThrow(new TypeError('google.script.run.secret_ is not a function'));
    expect(() => gas.callFromPage('nope')).toThrow(new TypeError('google.script.run.nope is not a function'));
    expect(gas.call('secret_')).toBe('private');
    expect(() => gas.callFromPage('fail')).toThrow('Không tìm thấy đơn vị');
  });
});

describe('the clock inside the bundle', () => {
  it('makes new Date() and Date.now() read the fake clock while new Date(x) and instanceof still work', () => {
    const now = new Date('2022-06-30T20:00:00Z');
    const gas = load(
      `function probe() {
        var d = new Date();
        return [d.toISOString(), Date.now(), new Date(2000, 0, 1) instanceof Date, d instanceof Date, typeof Date(), new Date(5).getTime(),
          Utilities.formatDate(new Date(), Session.getScriptTimeZone(), 'dd/MM/yyyy HH:mm'),
          Object.prototype.toString.call(d), d.constructor === Date];
      }
      function stamp() { SpreadsheetApp.getActiveSheet().getRange('A1').setValue(new Date()); }`,
      { now: () => now },
    );
    expect(gas.call('probe')).toEqual([
      now.toISOString(),
      now.getTime(),
      true,
      true,
      'string',
      5,
      '01/07/2022 03:00',
      '[object Date]',
      true,
    ]);
    gas.call('stamp');
    const stored = gas.spreadsheet.getSheets()[0].getRange('A1').getValue();
    expect(isDate(stored)).toBe(true);
    expect(stored).toEqual(now);
    expect(gas.spreadsheet.getSheets()[0].getRange('A1').getDisplayValue()).toBe('7/1/2022 3:00:00');
  });

  it("uses the script time zone for local time, as Apps Script does (not the host's)", () => {
    const gas = load(`function local() {
      var d = new Date('2022-06-30T20:00:00Z');
      var copy = new Date(d);
      copy.setHours(23, 59);
      var rolled = new Date(2022, 1, 28);
      rolled.setDate(rolled.getDate() + 1);
      return [d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(), d.getTimezoneOffset(), d.toString(),
        new Date(2022, 6, 1, 8, 30).toISOString(), new Date('2022-07-01T08:30').toISOString(), new Date('2022-07-01').toISOString(),
        Date.parse('2022-07-01T08:30:00+00:00'), copy.toISOString(), rolled.toDateString(), d.toLocaleDateString('en-GB'),
        new Intl.DateTimeFormat('en-GB', { hour: '2-digit' }).format(d), Intl.DateTimeFormat().resolvedOptions().timeZone];
    }`);
    expect(gas.call('local')).toEqual([
      2022,
      6,
      1,
      5,
      3,
      -420,
      'Fri Jul 01 2022 03:00:00 GMT+0700 (Indochina Time)',
      '2022-07-01T01:30:00.000Z',
      '2022-07-01T01:30:00.000Z',
      '2022-07-01T00:00:00.000Z',
      Date.UTC(2022, 6, 1, 8, 30),
      '2022-07-01T16:59:00.000Z',
      'Tue Mar 01 2022',
      '01/07/2022',
      '03',
      expect.stringMatching(/^Asia\/(Ho_Chi_Minh|Saigon)$/), // ICU may report the canonical alias
    ]);
    expect(new Date(2022, 6, 1).getTime()).toBe(new Date('2022-07-01T00:00:00').getTime()); // the host's Date is untouched
  });
});
