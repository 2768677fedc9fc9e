/**
 * The BUILT add-in (dist/) in the offline Apps Script runtime: menus resolve
 * to real globals, every item runs on a fresh spreadsheet without an uncaught
 * error, setup is idempotent and never deletes data, and costs are bounded.
 */
import * as fs from 'fs';
import * as path from 'path';
import { SHEETS, SHEET_ORDER, headersOf } from '../../src/core/contract';
import { distDir, loadAddin } from '../support/bundle';

type MenuItem = { caption?: string; functionName?: string; separator?: boolean };

function menuItems(runtime: ReturnType<typeof loadAddin>): MenuItem[] {
  const menu = runtime.ui.menus.find((m: { title: string }) => m.title === 'Thi đua – Khen thưởng');
  expect(menu).toBeDefined();
  return (menu!.items as MenuItem[]).filter((i) => i.functionName);
}

describe('built add-in bundle', () => {
  it('is what clasp pushes: appsscript.json, one .js and the .html pages', () => {
    const files = fs.readdirSync(distDir()).sort();
    expect(files.filter((f) => f.endsWith('.js'))).toEqual(['Code.js']);
    expect(files).toContain('appsscript.json');
    expect(files).toContain('ProgressSidebar.html');
    const manifest = JSON.parse(fs.readFileSync(path.join(distDir(), 'appsscript.json'), 'utf8'));
    expect(manifest).toMatchObject({
      timeZone: 'Asia/Ho_Chi_Minh',
      runtimeVersion: 'V8',
      exceptionLogging: 'STACKDRIVER',
    });
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    // Every export is a plain top-level function declaration, which Apps Script lists as callable.
    const code = fs.readFileSync(path.join(distDir(), 'Code.js'), 'utf8');
    expect(code).toMatch(/^function onOpen\(\) \{$/m);
  });

  it('adds the Vietnamese menu on open, and every item names an existing global function', () => {
    const runtime = loadAddin();
    runtime.call('onOpen');
    const items = menuItems(runtime);
    expect(items.map((i) => i.caption)).toEqual(expect.arrayContaining(['Thiết lập bảng tính', 'Cập nhật tiến độ…']));
    for (const item of items) {
      expect(typeof runtime.global[item.functionName!]).toBe('function');
      expect(item.functionName!.endsWith('_')).toBe(false);
    }
  });

  it('runs every menu item on a fresh spreadsheet without an uncaught error', () => {
    const runtime = loadAddin();
    runtime.call('onOpen');
    for (const item of menuItems(runtime)) {
      expect(() => runtime.call(item.functionName!)).not.toThrow();
    }
    // Whatever could not be done was explained in Vietnamese, not thrown.
    for (const alert of runtime.ui.alerts) expect(JSON.stringify(alert)).toMatch(/[àáảãạăâđêôơư]/i);
  });

  it('creates every contract sheet with bold frozen headers, idempotently', () => {
    const runtime = loadAddin();
    runtime.call('menuSetupWorkbook');
    const names = runtime.spreadsheet.getSheets().map((s: { getName(): string }) => s.getName());
    for (const key of SHEET_ORDER) {
      expect(names).toContain(SHEETS[key].name);
      const sheet = runtime.spreadsheet.getSheetByName(SHEETS[key].name)!;
      expect(sheet.getRange(1, 1, 1, headersOf(key).length).getValues()[0]).toEqual(headersOf(key));
      expect(sheet.getFrozenRows()).toBe(1);
      expect(sheet.getRange(1, 1).getFontWeight()).toBe('bold');
    }
    const snapshot = () =>
      runtime.spreadsheet
        .getSheets()
        .map((s: { getName(): string; getDataRange(): { getValues(): unknown[][] } }) => [
          s.getName(),
          s.getDataRange().getValues(),
        ]);
    const first = snapshot();

    // A user's data and an extra column of their own survive a second run unchanged.
    const plan = runtime.spreadsheet.getSheetByName('Kế hoạch')!;
    plan.getRange(2, 1, 1, 3).setValues([[2022, '1.1', 'Họp Hội đồng']]);
    const after = snapshot();
    runtime.calls.reset();
    runtime.call('menuSetupWorkbook');
    expect(snapshot()).toEqual(after);
    expect(first).not.toEqual(after);
    expect(runtime.ui.toasts.at(-1)).toMatchObject({ message: expect.stringContaining('không cần thay đổi') });
  });

  it('repairs a sheet missing columns by appending them, without moving data', () => {
    const runtime = loadAddin();
    const units = runtime.spreadsheet.insertSheet('Đơn vị');
    units.getRange(1, 1, 2, 2).setValues([
      ['Tên đơn vị', 'Ghi chú riêng'],
      ['Phòng Y tế', 'giữ nguyên'],
    ]);
    runtime.call('menuSetupWorkbook');
    const values = units.getDataRange().getValues();
    expect(values[0].slice(0, 2)).toEqual(['Tên đơn vị', 'Ghi chú riêng']);
    expect(values[0]).toEqual(expect.arrayContaining(headersOf('units')));
    expect(values[1].slice(0, 2)).toEqual(['Phòng Y tế', 'giữ nguyên']);
  });

  it('costs the same number of service calls on a full sheet as on an empty one', () => {
    const empty = loadAddin();
    empty.call('menuSetupWorkbook');
    empty.calls.reset();
    empty.call('menuSetupWorkbook');
    const emptyCost = empty.calls.count();

    const full = loadAddin();
    full.call('menuSetupWorkbook');
    const log = full.spreadsheet.getSheetByName('Nhật ký tiến độ')!;
    const rows = Array.from({ length: 5000 }, (_, i) => [
      new Date(Date.UTC(2022, 0, 1)),
      2022,
      `1.${i % 9}`,
      'Phòng Y tế',
      'Đang thực hiện',
    ]);
    log.insertRowsAfter(log.getMaxRows(), 5000);
    log.getRange(2, 1, rows.length, 5).setValues(rows);
    full.calls.reset();
    full.call('menuSetupWorkbook');
    expect(full.calls.count()).toBe(emptyCost);
    // A repair run touches each of the 9 sheets a fixed number of times (≈ 20 calls each).
    expect(emptyCost).toBeLessThan(250);
  });
});
