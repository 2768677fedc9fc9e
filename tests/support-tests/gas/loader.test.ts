import path from 'node:path';
import { loadBundle } from '../../support/gas';
import { load, projectDir } from './bundle-dir';

describe('loading a bundle like clasp push', () => {
  it('evaluates every file in one global scope, alphabetically by default', () => {
    const gas = load({
      'b.js':
        'var order = (typeof order === "undefined" ? [] : order).concat("b"); function fromB() { return fromA() + 1; }',
      'a.js': 'var order = (typeof order === "undefined" ? [] : order).concat("a"); function fromA() { return 41; }',
    });
    expect(gas.call('fromB')).toBe(42);
    expect(gas.global.order).toEqual(['a', 'b']);
  });

  it('follows an explicit push order, then the remaining files alphabetically', () => {
    const files = {
      'a.js': 'var order = (typeof order === "undefined" ? [] : order).concat("a");',
      'b.js': 'var order = (typeof order === "undefined" ? [] : order).concat("b");',
      'c.gs': 'var order = (typeof order === "undefined" ? [] : order).concat("c");',
    };
    expect(loadBundle(projectDir(files), { pushOrder: ['c.gs', 'b.js'] }).global.order).toEqual(['c', 'b', 'a']);
  });

  it("uses the nearest .clasp.json's filePushOrder (paths relative to it)", () => {
    const root = projectDir({
      '.clasp.json': JSON.stringify({ rootDir: 'dist', filePushOrder: ['dist/z.js'] }),
      'dist/a.js': 'var order = (typeof order === "undefined" ? [] : order).concat("a");',
      'dist/z.js': 'var order = (typeof order === "undefined" ? [] : order).concat("z");',
    });
    expect(loadBundle(path.join(root, 'dist')).global.order).toEqual(['z', 'a']);
  });

  it('makes top-level functions and vars globals, but not const/let (shared by later files all the same)', () => {
    const gas = load({
      'a.js': 'function f() {} var v = 1; const c = 2; let l = 3; class K {}',
      'b.js': 'function seen() { return [c, l, typeof K]; }',
    });
    expect(typeof gas.global.f).toBe('function');
    expect(gas.global.v).toBe(1);
    expect(gas.global.c).toBeUndefined();
    expect(gas.call('seen')).toEqual([2, 3, 'function']);
  });

  it('has the V8 built-ins and the services, but nothing from Node', () => {
    const gas = load(`function probe() {
      return ['require', 'process', 'Buffer', 'setTimeout', 'setInterval', 'fetch', 'module', 'global', 'structuredClone',
        'SpreadsheetApp', 'HtmlService', 'Utilities', 'Logger', 'console', 'JSON', 'Intl', 'Map', 'Promise', 'DocumentApp', 'DriveApp', 'UrlFetchApp']
        .map(function (name) { return name + ':' + typeof globalThis[name]; });
    }`);
    expect(gas.call('probe')).toEqual([
      'require:undefined',
      'process:undefined',
      'Buffer:undefined',
      'setTimeout:undefined',
      'setInterval:undefined',
      'fetch:undefined',
      'module:undefined',
      'global:undefined',
      'structuredClone:undefined',
      'SpreadsheetApp:object',
      'HtmlService:object',
      'Utilities:object',
      'Logger:object',
      'console:object',
      'JSON:object',
      'Intl:object',
      'Map:function',
      'Promise:function',
      'DocumentApp:undefined',
      'DriveApp:undefined',
      'UrlFetchApp:undefined',
    ]);
  });

  it('reads the time zone from appsscript.json, unless given', () => {
    expect(load('function tz() { return Session.getScriptTimeZone(); }').call('tz')).toBe('Asia/Ho_Chi_Minh');
    const gas = load(
      'function tz() { return [Session.getScriptTimeZone(), SpreadsheetApp.getActive().getSpreadsheetTimeZone()]; }',
      {
        timeZone: 'Europe/Paris',
      },
    );
    expect(gas.call('tz')).toEqual(['Europe/Paris', 'Europe/Paris']);
  });

  it('reports syntax errors in the bundle with the file name', () => {
    expect(() => load({ 'Broken.js': 'function (' })).toThrow(SyntaxError);
    try {
      load({ 'Broken.js': 'function (' });
    } catch (e) {
      expect((e as Error).stack).toContain('Broken.js');
    }
  });

  it('throws "Script function not found" for names that are not global functions', () => {
    const gas = load('var notAFunction = 1; const arrow = () => 1;');
    expect(() => gas.call('missing')).toThrow('Script function not found: missing');
    expect(() => gas.call('notAFunction')).toThrow('Script function not found: notAFunction');
    expect(() => gas.call('arrow')).toThrow('Script function not found: arrow');
  });

  it('runs the global code again for every execution, so globals do not survive between calls', () => {
    const source = 'var counter = 0; function bump() { counter++; return counter; }';
    const gas = load(source);
    expect([gas.call('bump'), gas.call('bump')]).toEqual([1, 1]);
    const kept = load(source, { freshGlobals: false });
    expect([kept.call('bump'), kept.call('bump')]).toEqual([1, 2]);
  });

  it('passes arguments in and results out as values of each side (arrays, plain objects, dates)', () => {
    const gas = load(`function echo(x) {
      return { isArray: Array.isArray(x.list) && x.list instanceof Array, isDate: x.when instanceof Date, x: x, made: new Date(0) };
    }`);
    const out = gas.call('echo', { list: [1, 'a'], when: new Date(5) }) as Record<string, unknown>;
    expect(out).toEqual({ isArray: true, isDate: true, x: { list: [1, 'a'], when: new Date(5) }, made: new Date(0) });
    expect(out.made).toBeInstanceOf(Date);
  });

  it('gives the test Errors with the name and message of what the bundle threw', () => {
    const gas = load(`function boom() { throw new TypeError('bad thing'); }
      function service() { return SpreadsheetApp.getActive().insertSheet('Sheet1'); }
      function caught() { try { service(); } catch (e) { return [e instanceof Error, e.name, e.message, String(e)]; } }`);
    expect(() => gas.call('boom')).toThrow(new TypeError('bad thing'));
    expect(() => gas.call('service')).toThrow(
      'A sheet with the name "Sheet1" already exists. Please enter another name.',
    );
    expect(gas.call('caught')).toEqual([
      true,
      'Exception',
      'A sheet with the name "Sheet1" already exists. Please enter another name.',
      'Exception: A sheet with the name "Sheet1" already exists. Please enter another name.',
    ]);
  });

  it('makes .html files available by name, including in subfolders', () => {
    const gas = load({
      'Code.js':
        'function pages() { return [HtmlService.createHtmlOutputFromFile("Sidebar").getContent(), HtmlService.createHtmlOutputFromFile("ui/Dialog.html").getContent()]; }',
      'Sidebar.html': '<p>side</p>',
      'ui/Dialog.html': '<p>dialog</p>',
    });
    expect(gas.call('pages')).toEqual(['<p>side</p>', '<p>dialog</p>']);
  });

  it('does not expose host-only helpers or unknown methods to the bundle', () => {
    const gas = load(`function probe() {
      var sheet = SpreadsheetApp.getActiveSheet();
      return [typeof sheet.$cell, typeof sheet.$rows, '$rows' in sheet, typeof sheet.getRange, typeof sheet.getFoo, String(sheet), JSON.stringify(sheet.getRange('A1'))];
    }`);
    expect(gas.call('probe')).toEqual(['undefined', 'undefined', false, 'function', 'undefined', 'Sheet', '{}']);
  });
});
