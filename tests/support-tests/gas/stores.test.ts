import { FakeSpreadsheet } from '../../support/gas';
import { load } from './bundle-dir';

describe('PropertiesService', () => {
  it('stores every value as a string and returns null for missing keys', () => {
    const gas = load(`function test() {
      var p = PropertiesService.getScriptProperties();
      p.setProperty('n', 5).setProperty('b', true).setProperties({ o: { a: 1 }, d: 1.5 });
      return [p.getProperty('n'), p.getProperty('b'), p.getProperty('o'), p.getProperty('d'), p.getProperty('missing'), p.getKeys().sort()];
    }`);
    expect(gas.call('test')).toEqual(['5', 'true', '[object Object]', '1.5', null, ['b', 'd', 'n', 'o']]);
    expect(gas.properties.script.getProperties()).toEqual({ n: '5', b: 'true', o: '[object Object]', d: '1.5' });
  });

  it('keeps script and document properties shared and user properties per user', () => {
    const ss = new FakeSpreadsheet();
    const code = `function put(v) { ['Script', 'Document', 'User'].forEach(function (k) { PropertiesService['get' + k + 'Properties']().setProperty('k', v); }); }
      function get() { return ['Script', 'Document', 'User'].map(function (k) { return PropertiesService['get' + k + 'Properties']().getProperty('k'); }); }`;
    const alice = load(code, { user: 'alice@example.com', spreadsheet: ss });
    const bob = load(code, { user: 'bob@example.com', spreadsheet: ss });
    alice.call('put', 'A');
    expect(bob.call('get')).toEqual(['A', 'A', null]);
    bob.properties.user.setProperty('k', 'B');
    expect(bob.call('get')).toEqual(['A', 'A', 'B']);
  });

  it('deletes one or all properties, and setProperties can replace everything', () => {
    const gas = load(`function test() {
      var p = PropertiesService.getUserProperties();
      p.setProperties({ a: 1, b: 2, c: 3 }).deleteProperty('a');
      var afterDelete = p.getKeys().sort();
      p.setProperties({ z: 0 }, true);
      var replaced = p.getProperties();
      p.deleteAllProperties();
      return [afterDelete, replaced, p.getKeys()];
    }`);
    expect(gas.call('test')).toEqual([['b', 'c'], { z: '0' }, []]);
  });
});

describe('CacheService', () => {
  it('expires entries on the runtime clock (the now option and Utilities.sleep)', () => {
    let now = new Date('2024-01-01T00:00:00Z').getTime();
    const gas = load(
      `function put() { CacheService.getScriptCache().put('k', 'v', 60); CacheService.getScriptCache().put('d', 'default'); }
       function get() { var c = CacheService.getScriptCache(); return [c.get('k'), c.get('d')]; }
       function sleepThenGet(ms) { Utilities.sleep(ms); return get(); }`,
      { now: () => new Date(now) },
    );
    gas.call('put');
    now += 59_000;
    expect(gas.call('get')).toEqual(['v', 'default']);
    expect(gas.call('sleepThenGet', 1000)).toEqual([null, 'default']); // 60 s: gone
    now += 540_000;
    expect(gas.call('get')).toEqual([null, null]); // the default lifetime is 600 s
  });

  it('stores strings only, up to 100 KB, and caps the lifetime at 6 hours', () => {
    let now = 0;
    const gas = load(
      `function test(size) { var c = CacheService.getUserCache(); c.put('n', 12); c.put('long', 'x', 999999);
         try { c.put('big', new Array(size + 1).join('x')); } catch (e) { return [c.get('n'), e.message]; }
         return [c.get('n'), 'stored']; }
       function obj() { CacheService.getUserCache().put('o', { a: 1 }); }
       function long() { return CacheService.getUserCache().get('long'); }`,
      { now: () => new Date(now) },
    );
    expect(gas.call('test', 100 * 1024)).toEqual(['12', 'stored']);
    expect(gas.call('test', 100 * 1024 + 1)).toEqual(['12', 'Argument too large: value']);
    expect(() => gas.call('obj')).toThrow("don't match the method signature for CacheService.Cache.put");
    now = 21600 * 1000 - 1;
    expect(gas.call('long')).toBe('x');
    now = 21600 * 1000;
    expect(gas.call('long')).toBeNull();
  });

  it('gets, puts and removes several entries at once', () => {
    const gas =
      load(`function test() { var c = CacheService.getDocumentCache(); c.putAll({ a: '1', b: '2', c: '3' }); c.removeAll(['a']); c.remove('c');
      return c.getAll(['a', 'b', 'c']); }`);
    expect(gas.call('test')).toEqual({ b: '2' });
  });
});

describe('Session', () => {
  it("reports the runtime's user and time zone", () => {
    const gas = load(
      `function who() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), Session.getScriptTimeZone(), Session.getTemporaryActiveUserKey().length > 10]; }`,
      { user: 'yte@hongngu.example' },
    );
    expect(gas.call('who')).toEqual(['yte@hongngu.example', 'yte@hongngu.example', 'Asia/Ho_Chi_Minh', true]);
  });
});
