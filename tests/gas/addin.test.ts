/**
 * The BUILT add-in (dist/) in the offline Apps Script runtime: menus resolve
 * to real globals, every item runs on an empty and on a full workbook without
 * an uncaught error, setup is idempotent and never deletes data, and costs are
 * bounded.
 */
import * as fs from 'fs';
import * as path from 'path';
import { SHEETS, SHEET_ORDER, headersOf } from '../../src/core/contract';
import { distDir, loadAddin } from '../support/bundle';
import type { GasRuntime } from '../support/gas';
import { fullWorkbook, menuPaths, setSetting } from './helpers';

const MENU = [
  'Thiết lập bảng tính',
  'Nạp kế hoạch từ văn bản…',
  'Cập nhật tiến độ…',
  'Bảng tổng hợp',
  'Báo cáo sơ kết 6 tháng',
  'Báo cáo tổng kết năm',
  'Nhắc việc › Bật nhắc việc hằng ngày',
  'Nhắc việc › Tắt nhắc việc hằng ngày',
  'Nhắc việc › Gửi nhắc việc ngay',
  'Chuyển kế hoạch sang năm mới…',
];

/** Clicks every menu item in order; returns what the user was told (alerts and toasts). */
function clickAll(runtime: GasRuntime): string[] {
  runtime.ui.alerts.length = 0;
  runtime.ui.toasts.length = 0;
  for (const item of menuPaths(runtime)) {
    expect(() => runtime.clickMenu('Thi đua – Khen thưởng', ...item.path)).not.toThrow();
  }
  return [...runtime.ui.alerts.map((a) => `${a.title}: ${a.prompt}`), ...runtime.ui.toasts.map((t) => t.message)];
}

const VIETNAMESE = /[àáảãạăâđêôơư]/i;

function expectPoliteVietnamese(messages: string[]): void {
  for (const message of messages) {
    expect(message).toMatch(VIETNAMESE);
    // The generic message of an unexpected error: none may reach the user.
    expect(message).not.toContain('ngoài dự kiến');
  }
}

describe('built add-in bundle', () => {
  it('is what clasp pushes: appsscript.json, one .js and the .html pages', () => {
    const files = fs.readdirSync(distDir()).sort();
    expect(files.filter((f) => f.endsWith('.js'))).toEqual(['Code.js']);
    expect(files).toContain('appsscript.json');
    expect(files).toEqual(expect.arrayContaining(['ProgressSidebar.html', 'PlanLoadDialog.html', 'LinkDialog.html']));
    const manifest = JSON.parse(fs.readFileSync(path.join(distDir(), 'appsscript.json'), 'utf8'));
    expect(manifest).toMatchObject({
      timeZone: 'Asia/Ho_Chi_Minh',
      runtimeVersion: 'V8',
      exceptionLogging: 'STACKDRIVER',
    });
    // What plan tracking needs: this spreadsheet, its menus and sidebars, the user's e-mail, Google Docs (a plan
    // from a Doc, review reports), installable triggers (daily reminders), sending e-mail (reminders); never the
    // whole of Sheets or Gmail.
    expect(manifest.oauthScopes).toEqual(
      expect.arrayContaining([
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
        'https://www.googleapis.com/auth/script.container.ui',
        'https://www.googleapis.com/auth/userinfo.email',
        'https://www.googleapis.com/auth/documents',
        'https://www.googleapis.com/auth/script.scriptapp',
        'https://www.googleapis.com/auth/script.send_mail',
      ]),
    );
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
    expect(manifest.oauthScopes).not.toContain('https://mail.google.com/');
    // Every export is a plain top-level function declaration, which Apps Script lists as callable.
    const code = fs.readFileSync(path.join(distDir(), 'Code.js'), 'utf8');
    expect(code).toMatch(/^function onOpen\(\) \{$/m);
    expect(code).toMatch(/^function dailyTracking\(\) \{$/m);
  });

  it('adds the Vietnamese menu on open, and every item names an existing global function', () => {
    const runtime = loadAddin();
    runtime.call('onOpen');
    const items = menuPaths(runtime);
    // The plan-tracking items, in this order (other features add theirs after).
    const captions = items.map((i) => i.path.join(' › '));
    expect(captions.filter((c) => MENU.includes(c))).toEqual(MENU);
    expect(captions.slice(0, MENU.length)).toEqual(MENU);
    for (const item of items) {
      expect(typeof runtime.global[item.fn]).toBe('function');
      expect(item.fn.endsWith('_')).toBe(false);
    }
  });

  it('runs every menu item on a fresh spreadsheet without an uncaught error, explaining in Vietnamese', () => {
    const runtime = loadAddin();
    runtime.call('onOpen');
    const told = clickAll(runtime);
    // Each item said something (the first one sets the workbook up, so later ones find sheets).
    expect(told.length).toBeGreaterThanOrEqual(MENU.length - 1);
    expectPoliteVietnamese(told);
  });

  it('runs every menu item on an empty spreadsheet (nothing set up) with a Vietnamese explanation', () => {
    const runtime = loadAddin();
    runtime.call('onOpen');
    for (const item of menuPaths(runtime).filter((i) => i.fn !== 'menuSetupWorkbook')) {
      runtime.ui.alerts.length = 0;
      runtime.ui.toasts.length = 0;
      expect(() => runtime.clickMenu('Thi đua – Khen thưởng', ...item.path)).not.toThrow();
      const told = [...runtime.ui.alerts.map((a) => a.prompt), ...runtime.ui.toasts.map((t) => t.message)];
      expect([item.path.join(' › '), told.length]).toEqual([item.path.join(' › '), 1]);
      expectPoliteVietnamese(told);
    }
    expect(runtime.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
  });

  it('runs every menu item on a full workbook without an uncaught error, twice without duplicates', () => {
    const runtime = fullWorkbook();
    const told = clickAll(runtime);
    expectPoliteVietnamese(told);
    expect(runtime.ui.sidebars.map((s) => s.getTitle())).toContain('Cập nhật tiến độ – Kế hoạch');
    expect(runtime.ui.dialogs.map((d) => d.title)).toContain('Nạp kế hoạch từ văn bản');
    const names = runtime.spreadsheet.getSheets().map((s) => s.getName());
    expect(names).toEqual(expect.arrayContaining(['Tổng hợp', 'Sơ kết 6 tháng 2024', 'Tổng kết năm 2024']));
    expect(told).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Đã bật nhắc việc hằng ngày'),
        expect.stringContaining('Đã tắt nhắc việc hằng ngày'),
        expect.stringContaining('Đã gửi'),
        expect.stringContaining('Đã chuyển 12 nội dung công việc của năm 2024 sang năm 2025'),
      ]),
    );
    // A second round: no second trigger, no item copied twice, no extra chart, no reminder sent twice.
    const mails = runtime.mail.sent.length;
    // Answers in order: the two review years (default), the two alerts, then the new year 2025 again.
    runtime.ui.respondWith({ text: '' }, { text: '' }, 'OK', 'OK', { text: '2025' });
    const second = clickAll(runtime);
    expectPoliteVietnamese(second);
    // Reminders are off again; setup's change trigger is there once.
    expect(runtime.triggers.map((t) => t.getHandlerFunction())).toEqual(['onSpreadsheetChange']);
    expect(runtime.spreadsheet.getSheetByName('Tổng hợp')!.getCharts()).toHaveLength(2);
    expect(runtime.mail.sent).toHaveLength(mails);
    expect(second).toEqual(expect.arrayContaining([expect.stringContaining('không thêm nội dung nào')]));
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
    const snapshot = (): Array<[string, unknown[][]]> =>
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
    runtime.call('menuSetupWorkbook');
    const again = snapshot();
    // Only tdkt's computed columns of the new item were filled in: not started, 0 %.
    const others = (s: Array<[string, unknown[][]]>) => s.filter(([name]) => name !== 'Kế hoạch');
    expect(others(again)).toEqual(others(after));
    const header = headersOf('plan');
    const row = again.find(([name]) => name === 'Kế hoạch')![1][1];
    expect(row.slice(0, 3)).toEqual([2022, '1.1', 'Họp Hội đồng']);
    expect(row[header.indexOf('Trạng thái')]).toBe('Chưa bắt đầu');
    expect(row[header.indexOf('% hoàn thành')]).toBe(0);
    expect(first).not.toEqual(after);
    expect(runtime.ui.toasts.at(-1)).toMatchObject({ message: expect.stringContaining('không cần thay đổi') });
    // A third run changes nothing at all.
    runtime.call('menuSetupWorkbook');
    expect(snapshot()).toEqual(again);
    expect(runtime.ui.toasts.at(-1)!.message).toBe('Bảng tính đã đầy đủ các trang, không cần thay đổi.');
  });

  it('installs one change trigger per account that runs setup, however often, and records it', () => {
    const runtime = loadAddin({ user: 'noivu@hongngu.example' });
    expect(runtime.properties.document.getProperty('tdkt.reference.watched')).toBeNull();
    runtime.call('menuSetupWorkbook');
    runtime.call('menuSetupWorkbook');
    const change = (r: GasRuntime) =>
      r.triggers.map((t) => [t.getHandlerFunction(), String(t.getEventType()), t.getTriggerSourceId()]);
    expect(change(runtime)).toEqual([['onSpreadsheetChange', 'ON_CHANGE', runtime.spreadsheet.getId()]]);
    expect(runtime.properties.document.getProperty('tdkt.reference.watched')).toBe('noivu@hongngu.example');

    // A colleague cannot see that trigger (nor rely on it once its owner may have lost access): their setup
    // installs their own, once.
    const colleague = loadAddin({ user: 'thuongtruc@hongngu.example', spreadsheet: runtime.spreadsheet });
    colleague.call('menuSetupWorkbook');
    colleague.call('menuSetupWorkbook');
    expect(change(colleague)).toEqual([['onSpreadsheetChange', 'ON_CHANGE', runtime.spreadsheet.getId()]]);
    expect(change(runtime)).toHaveLength(1);
    expect(runtime.properties.document.getProperty('tdkt.reference.watched')).toBe('thuongtruc@hongngu.example');

    // The handler clears the cached units and settings, and makes no Spreadsheet call.
    runtime.caches.document.put('tdkt:reference:v1', '{"units":[],"settings":[]}', 300);
    runtime.calls.reset();
    colleague.calls.reset();
    expect(runtime.fireChange('INSERT_ROW')).toEqual(['onSpreadsheetChange', 'onSpreadsheetChange']);
    expect(runtime.caches.document.get('tdkt:reference:v1')).toBeNull();
    for (const r of [runtime, colleague])
      expect(r.calls.byName()).toEqual({ 'CacheService.getDocumentCache': 1, 'Cache.removeAll': 1 });
  });

  it('colours the plan rows (done green, late red, due soon amber) and keeps the user’s own rules', () => {
    const runtime = loadAddin();
    runtime.call('menuSetupWorkbook');
    const plan = runtime.spreadsheet.getSheetByName('Kế hoạch')!;
    const rules = () => plan.$conditionalFormatRules.map((r) => r.$state);
    expect(rules().map((r) => r.background)).toEqual(['#b7e1cd', '#f4c7c3', '#fce8b2']);
    // Columns: O status, Q next due date, R days late, K schedule kind.
    expect(rules().map((r) => r.values[0])).toEqual([
      // AND as a product, OR as a sum: no argument separator (see highlight-formulas.test.ts).
      '=(N("tdkt")=0)*($O2="Hoàn thành")>0',
      '=(N("tdkt")=0)*($O2<>"Hoàn thành")*($O2<>"Tạm dừng")*((N($R2)>0)+(ISNUMBER($Q2))*($Q2<TODAY())*($K2<>"Thường xuyên"))>0',
      '=(N("tdkt")=0)*($O2<>"Hoàn thành")*($O2<>"Tạm dừng")*(ISNUMBER($Q2))*($Q2>=TODAY())*($Q2<=TODAY()+7)>0',
    ]);
    expect((rules()[0].ranges[0] as { getA1Notation(): string }).getA1Notation()).toBe('A2:S1000');

    // A rule of the user's own survives; tdkt's are replaced, not added again; the days follow «reminderDays».
    plan.$conditionalFormatRules.unshift(plan.$conditionalFormatRules[0].copy().whenTextContains('gấp').build());
    setSetting(runtime, 'reminderDays', '3');
    runtime.call('menuSetupWorkbook');
    const values = rules().map((r) => String(r.values[0]));
    expect(values).toHaveLength(4);
    expect(values[0]).toBe('gấp');
    expect(values[3]).toContain('$Q2<=TODAY()+3');
  });

  it('offers the units as a drop-down where a unit is typed', () => {
    const runtime = loadAddin();
    runtime.call('menuSetupWorkbook');
    const rule = (sheet: string, header: string) => {
      const s = runtime.spreadsheet.getSheetByName(sheet)!;
      const col = (s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0] as string[]).indexOf(header) + 1;
      return s.getRange(2, col).getDataValidation();
    };
    for (const [sheet, header] of [
      ['Nhật ký tiến độ', 'Đơn vị'],
      ['Đề nghị khen thưởng', 'Đơn vị'],
      ['Đơn vị', 'Sáp nhập vào'],
    ]) {
      expect(String(rule(sheet, header)?.getCriteriaType())).toBe('VALUE_IN_RANGE');
    }
    expect(String(rule('Kế hoạch', 'Trạng thái')?.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(rule('Nhật ký nhắc việc', 'Đơn vị')).toBeNull();
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
    // A repair run touches each of the 10 sheets a fixed number of times (≈ 25 calls each), then sets the plan's
    // highlight rules and recomputes its computed columns (≈ 25 calls).
    expect(emptyCost).toBeLessThan(300);
  });
});
