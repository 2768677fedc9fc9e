/**
 * What the office asks the add-in for: the «Tổng hợp» dashboard with its
 * charts, the six-month and annual reviews (sheet, and Google Doc where
 * DocumentApp exists), and rolling the plan into a new year.
 */
import { valuesToRows } from '../../src/core/contract';
import { dashboard, dashboardFromPlan, dashboardValues, recomputePlan } from '../../src/core/tracking';
import type { GasRuntime } from '../support/gas';
import { describeInChromium, openSidebar, saveScreenshot } from '../support/browser';
import { addLogRows, fullWorkbook, setSetting, sheetObjects, spreadsheetCalls } from './helpers';

const MENU = 'Thi đua – Khen thưởng';

/** The plan, log and units as contract rows, read straight from the fake (dates as ISO days or times). */
function sheetRows(runtime: GasRuntime) {
  // Dates written by tdkt are midnight UTC; log times are not.
  const cell = (d: Date) => (d.getTime() % 86_400_000 === 0 ? d.toISOString().slice(0, 10) : d.toISOString());
  const rows = (name: string, key: 'plan' | 'progress' | 'units') =>
    valuesToRows(key, runtime.spreadsheet.getSheetByName(name)!.getDataRange().getValues(), cell);
  return { plan: rows('Kế hoạch', 'plan'), log: rows('Nhật ký tiến độ', 'progress'), units: rows('Đơn vị', 'units') };
}

function values(runtime: GasRuntime, name: string): unknown[][] {
  return runtime.spreadsheet.getSheetByName(name)!.getDataRange().getValues();
}

function charts(runtime: GasRuntime) {
  return runtime.spreadsheet
    .getSheetByName('Tổng hợp')!
    .getCharts()
    .map((c) => ({
      id: c.getId(),
      type: String(c.$state.type),
      title: c.$state.options.title,
      range: (c.$state.ranges[0] as { getA1Notation(): string }).getA1Notation(),
    }));
}

describe('«Bảng tổng hợp»', () => {
  it('writes the counts by status, quarter and unit, and two charts', () => {
    const runtime = fullWorkbook();
    runtime.clickMenu(MENU, 'Bảng tổng hợp');
    expect(runtime.ui.toasts.at(-1)!.message).toBe(
      'Đã cập nhật trang «Tổng hợp» năm 2024: 12 nội dung, hoàn thành 1, trễ hạn 1, sắp đến hạn 1.',
    );
    expect(runtime.calls.count('Sheet.activate')).toBe(1);
    const sheet = values(runtime, 'Tổng hợp');
    const row = (label: string) => sheet.find((r) => r[0] === label)!;
    expect(sheet[0][0]).toBe('Tổng hợp tình hình thực hiện kế hoạch năm 2024 của Hội đồng Thi đua – Khen thưởng');
    expect(row('Tổng số nội dung công việc')[1]).toBe(12);
    expect(row('Tạm dừng')[1]).toBe(1);
    expect(row('Quý I').slice(0, 4)).toEqual(['Quý I', 2, 1, 1]);
    expect(row('Phòng Nội vụ').slice(0, 5)).toEqual(['Phòng Nội vụ', 10, 1, 1, 1]);
    expect(row('Phòng Giáo dục và Đào tạo').slice(0, 5)).toEqual(['Phòng Giáo dục và Đào tạo', 2, 0, 1, 0]);
    const rate = sheet.findIndex((r) => r[0] === 'Tỷ lệ hoàn thành');
    expect(sheet[rate][1]).toBe(0.0833);
    expect(
      runtime.spreadsheet
        .getSheetByName('Tổng hợp')!
        .getRange(rate + 1, 2)
        .getNumberFormat(),
    ).toBe('0%');
    expect(charts(runtime)).toEqual([
      { id: expect.any(String), type: 'PIE', title: 'Số việc theo trạng thái', range: 'A15:B19' },
      { id: expect.any(String), type: 'COLUMN', title: 'Số lượt đến hạn theo quý', range: 'A30:D34' },
    ]);
  });

  it('refreshes without duplicating charts, keeps the user’s own chart, rebuilds a deleted one', () => {
    const runtime = fullWorkbook();
    runtime.clickMenu(MENU, 'Bảng tổng hợp');
    const sheet = runtime.spreadsheet.getSheetByName('Tổng hợp')!;
    const first = charts(runtime);
    sheet.insertChart(sheet.newChart().addRange(sheet.getRange('A5:B12')).setOption('title', 'Biểu đồ riêng').build());
    runtime.clickMenu(MENU, 'Bảng tổng hợp');
    expect(charts(runtime).map((c) => c.id)).toEqual([...first.map((c) => c.id), expect.any(String)]);
    sheet.removeChart(sheet.getCharts()[0]);
    runtime.clickMenu(MENU, 'Bảng tổng hợp');
    expect(
      charts(runtime)
        .map((c) => c.title)
        .sort(),
    ).toEqual(['Biểu đồ riêng', 'Số lượt đến hạn theo quý', 'Số việc theo trạng thái'].sort());
  });

  it('leaves no old line behind when the table shrinks, and keeps text as text', () => {
    const runtime = fullWorkbook();
    runtime.clickMenu(MENU, 'Bảng tổng hợp');
    const before = values(runtime, 'Tổng hợp').length;
    const units = runtime.spreadsheet.getSheetByName('Đơn vị')!;
    units.getRange(3, 1, units.getLastRow() - 2, units.getLastColumn()).clearContent();
    units.getRange(2, 1).setValue('\'=HYPERLINK("http://x","bấm")');
    runtime.fireChange('EDIT');
    runtime.clickMenu(MENU, 'Bảng tổng hợp');
    const after = values(runtime, 'Tổng hợp');
    expect(after.length).toBeLessThan(before);
    expect(after.flat()).toContain('=HYPERLINK("http://x","bấm")');
    const formulas = runtime.spreadsheet.getSheetByName('Tổng hợp')!.getDataRange().getFormulas().flat();
    expect(formulas.filter(Boolean)).toEqual([]);
  });

  it('costs the same Spreadsheet calls with 10,000 log rows as with a few: 10 in all, the log unread', () => {
    const cost = (runtime: GasRuntime) => {
      runtime.clickMenu(MENU, 'Bảng tổng hợp');
      runtime.calls.reset();
      runtime.clickMenu(MENU, 'Bảng tổng hợp');
      return spreadsheetCalls(runtime);
    };
    const big = fullWorkbook();
    addLogRows(big, 10_000, ['3', '5.2']);
    big.call('menuSetupWorkbook'); // the items of the long log get their computed columns
    const small = fullWorkbook();
    const bigCost = cost(big);
    expect(bigCost).toBe(cost(small));
    // 1 getActiveSpreadsheet; plan: getSheetByName + getSheetValues (2; units and settings come from the document
    // cache, which setup's change trigger clears on every change by hand); «Tổng hợp»: getSheetByName, getRange,
    // setValues, getCharts (4); activate (the user sees the sheet), flush (before the document lock is
    // released), toast (3). The progress log is not read: the plan's computed columns say it.
    expect(bigCost).toBe(10);
    expect(big.calls.byName()).toMatchObject({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheetByName': 2,
      'Sheet.getSheetValues': 1,
      'Sheet.getRange': 1,
      'Range.setValues': 1,
      'Sheet.getCharts': 1,
      'Sheet.activate': 1,
      'SpreadsheetApp.flush': 1,
      'Spreadsheet.toast': 1,
      'Cache.get': 1,
    });

    // Someone changed the spreadsheet by hand: the cache is cleared, units and settings are read (and cached
    // again): getSheetByName + getSheetValues each, 4 more.
    for (const runtime of [big, small]) {
      runtime.fireChange('EDIT');
      runtime.calls.reset();
      runtime.clickMenu(MENU, 'Bảng tổng hợp');
      expect(spreadsheetCalls(runtime)).toBe(14);
      expect(runtime.calls.byName()).toMatchObject({
        'Spreadsheet.getSheetByName': 4,
        'Sheet.getSheetValues': 3,
        'Cache.get': 1,
        'Cache.put': 1,
      });
    }
  });

  it('is the core’s dashboard of the rows in the sheets', () => {
    const runtime = fullWorkbook();
    runtime.clickMenu(MENU, 'Bảng tổng hợp');
    const { plan, log, units } = sheetRows(runtime);
    expect(values(runtime, 'Tổng hợp')).toEqual(dashboardValues(dashboard(plan, log, units, '2024-06-25')).values);
  });

  it('counts from the plan’s computed columns as from the log, on every day of the year', () => {
    const runtime = fullWorkbook();
    const { plan, log, units } = sheetRows(runtime);
    for (const dueSoonDays of [0, 7, 30]) {
      for (let t = Date.UTC(2024, 0, 1); t <= Date.UTC(2025, 0, 31); t += 86_400_000) {
        const day = new Date(t).toISOString().slice(0, 10);
        const options = { dueSoonDays, year: 2024 };
        // The columns as computed some days before: the state is judged as of `day` from «Hạn kế tiếp».
        const before = new Date(t - 5 * 86_400_000).toISOString().slice(0, 10);
        const reported = log.filter((r) => String(r.loggedAt).slice(0, 10) <= before);
        const stored = recomputePlan(plan, reported, before, options);
        expect(dashboardFromPlan(stored, units, day, options)).toEqual(dashboard(plan, reported, units, day, options));
      }
    }
  });

  it('reads the log and rewrites the plan’s columns when they do not fit its due dates (edited by hand)', () => {
    const runtime = fullWorkbook();
    runtime.clickMenu(MENU, 'Bảng tổng hợp');
    const sheet = runtime.spreadsheet.getSheetByName('Kế hoạch')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const row = (sheet.getDataRange().getValues() as unknown[][]).findIndex((r) => r[header.indexOf('Mã')] === '1.1');
    // Item 1.1 («30/06/2024; 31/12/2024») was done for June: «Hạn kế tiếp» 31/12. Its dates are now other ones.
    sheet.getRange(row + 1, header.indexOf('Các hạn hoàn thành') + 1).setValue('31/05/2024; 30/11/2024');
    runtime.fireChange('EDIT'); // a change by hand: units and settings are read again
    runtime.calls.reset();
    runtime.clickMenu(MENU, 'Bảng tổng hợp');
    // 14 (units and settings not cached), and the log read (2) and the plan's columns written (getRange, setValues).
    expect(spreadsheetCalls(runtime)).toBe(18);
    const { plan, log, units } = sheetRows(runtime);
    expect(plan.find((r) => r.id === '1.1')).toMatchObject({ nextDue: '2024-11-30' });
    expect(values(runtime, 'Tổng hợp')).toEqual(dashboardValues(dashboard(plan, log, units, '2024-06-25')).values);
    // Fitting again: the next refresh does not read the log, and units and settings are cached again.
    runtime.calls.reset();
    runtime.clickMenu(MENU, 'Bảng tổng hợp');
    expect(spreadsheetCalls(runtime)).toBe(10);
  });

  it('shows an edit of the units or settings sheet at once', () => {
    const runtime = fullWorkbook();
    runtime.callFromPage('getProgressForm'); // units and settings are in the document cache
    runtime.clickMenu(MENU, 'Bảng tổng hợp');
    setSetting(runtime, 'councilName', 'Hội đồng Thi đua – Khen thưởng huyện Hồng Ngự'); // fires onChange (EDIT)
    const units = runtime.spreadsheet.getSheetByName('Đơn vị')!;
    const names = units
      .getRange(2, 1, units.getLastRow() - 1, 1)
      .getValues()
      .map((r) => r[0]);
    units.deleteRow(names.indexOf('Phòng Giáo dục và Đào tạo') + 2);
    expect(runtime.fireChange('REMOVE_ROW')).toEqual(['onSpreadsheetChange']);
    runtime.clickMenu(MENU, 'Bảng tổng hợp');
    const sheet = values(runtime, 'Tổng hợp');
    expect(sheet[0][0]).toBe(
      'Tổng hợp tình hình thực hiện kế hoạch năm 2024 của Hội đồng Thi đua – Khen thưởng huyện Hồng Ngự',
    );
    expect(sheet.map((r) => r[0])).not.toContain('Phòng Giáo dục và Đào tạo');
  });

  it('uses the cache only while the change trigger clears it', () => {
    const runtime = fullWorkbook();
    runtime.clickMenu(MENU, 'Bảng tổng hợp');
    const settings = runtime.spreadsheet.getSheetByName('Cài đặt')!;
    const keys = settings
      .getDataRange()
      .getValues()
      .map((r) => r[0]);
    const rename = (name: string) => settings.getRange(keys.indexOf('councilName') + 1, 2).setValue(name);
    const title = () => String(values(runtime, 'Tổng hợp')[0][0]);

    // A write that fires no trigger (a script, the Sheets API) is not seen until the cache expires: the cache
    // is really used, and the change trigger is what makes a person's edits show at once.
    rename('Hội đồng A');
    runtime.clickMenu(MENU, 'Bảng tổng hợp');
    expect(title()).not.toContain('Hội đồng A');
    expect(runtime.fireChange('EDIT')).toEqual(['onSpreadsheetChange']);
    runtime.clickMenu(MENU, 'Bảng tổng hợp');
    expect(title()).toContain('Hội đồng A');

    // A workbook set up by an older version: no change trigger, nothing recorded. The dashboard reads units
    // and settings fresh (14 calls), and shows an edit at once though nothing clears the cache.
    for (const t of runtime.triggers.filter((t) => t.getHandlerFunction() === 'onSpreadsheetChange')) {
      runtime.deleteTrigger(t);
    }
    runtime.properties.document.deleteProperty('tdkt.reference.watched');
    runtime.callFromPage('getProgressForm'); // the cache is warm
    rename('Hội đồng B');
    expect(runtime.fireChange('EDIT')).toEqual([]);
    runtime.calls.reset();
    runtime.clickMenu(MENU, 'Bảng tổng hợp');
    expect(title()).toContain('Hội đồng B');
    expect(spreadsheetCalls(runtime)).toBe(14);
    expect(runtime.calls.byName()).toMatchObject({ 'Spreadsheet.getSheetByName': 4, 'Sheet.getSheetValues': 3 });
    expect(runtime.calls.count('Cache.get')).toBe(0);

    // Setup again installs the trigger: the cache is used again.
    runtime.call('menuSetupWorkbook');
    runtime.clickMenu(MENU, 'Bảng tổng hợp');
    runtime.calls.reset();
    runtime.clickMenu(MENU, 'Bảng tổng hợp');
    expect(spreadsheetCalls(runtime)).toBe(10);
  });
});

describe('the six-month and annual reviews', () => {
  it('writes the review sheet, rewritten on each run; without DocumentApp the Doc is skipped cleanly', () => {
    const runtime = fullWorkbook();
    runtime.clickMenu(MENU, 'Báo cáo sơ kết 6 tháng');
    expect(runtime.ui.prompts.at(-1)!.prompt).toBe(
      'Lập báo cáo sơ kết 6 tháng đầu năm cho kế hoạch năm nào?\nĐể trống để chọn năm 2024.',
    );
    expect(runtime.ui.dialogs).toHaveLength(0);
    expect(runtime.ui.toasts.at(-1)!.message).toMatch(
      /^Đã lập báo cáo sơ kết 6 tháng đầu năm 2024 trên trang «Sơ kết 6 tháng 2024» \(Các nội dung đã hoàn thành: 2;/,
    );
    const sheet = values(runtime, 'Sơ kết 6 tháng 2024');
    expect(sheet[0][0]).toBe(
      'Báo cáo sơ kết 6 tháng đầu năm 2024 thực hiện kế hoạch hoạt động của Hội đồng Thi đua – Khen thưởng',
    );
    const headings = sheet.filter((r) => /^[IVX]+\. /.test(String(r[0]))).map((r) => r[0]);
    expect(headings).toEqual([
      'I. Các nội dung đã hoàn thành',
      'II. Các nội dung chậm tiến độ, quá hạn',
      'III. Các nội dung đang thực hiện',
      'IV. Các nội dung chưa triển khai',
      'V. Các nội dung tạm dừng',
      'VI. Nhiệm vụ trọng tâm 6 tháng cuối năm',
    ]);
    const late = sheet.findIndex((r) => r[0] === 'II. Các nội dung chậm tiến độ, quá hạn');
    expect(sheet[late + 2].slice(0, 6)).toEqual([1, '4', 'Đăng ký thi đua', expect.any(String), 'Đang thực hiện', 0.6]);
    // Codes stay as typed ("1.1", not the number 1.1).
    expect(sheet.some((r) => r[1] === '1.1')).toBe(true);

    // Rewritten: after item 4 is done, it leaves «chậm tiến độ», and no old line is left.
    runtime.callFromPage('submitProgress', {
      year: 2024,
      itemId: '4',
      unit: 'Phòng Y tế',
      status: 'done',
      percent: 100,
      date: null,
      note: '',
      evidence: 'https://drive.google.com/file/d/bao-cao',
    });
    runtime.clickMenu(MENU, 'Báo cáo sơ kết 6 tháng');
    const again = values(runtime, 'Sơ kết 6 tháng 2024');
    const lateAgain = again.findIndex((r) => r[0] === 'II. Các nội dung chậm tiến độ, quá hạn');
    expect(again[lateAgain + 2][2]).toBe('Không có nội dung nào.');
    const lines4 = again.map((r, i) => [r[1], i]).filter(([id]) => id === '4');
    expect(lines4).toEqual([['4', expect.any(Number)]]);
    expect(lines4[0][1]).toBeLessThan(lateAgain);
    expect(again.slice(-1)[0][1]).toBe('6.3.b');
    expect(runtime.spreadsheet.getSheets().filter((s) => s.getName().startsWith('Sơ kết'))).toHaveLength(1);
  });

  it('makes a Google Doc with headings and tables where DocumentApp exists, and shows its link', () => {
    const runtime = fullWorkbook({ documentApp: true });
    runtime.clickMenu(MENU, 'Báo cáo tổng kết năm');
    const [doc] = runtime.documents.created;
    expect(doc.getName()).toBe(
      'Báo cáo tổng kết năm 2024 thực hiện kế hoạch hoạt động của Hội đồng Thi đua – Khen thưởng',
    );
    expect(doc.$closed).toBe(true);
    const paragraphs = doc.$body.getParagraphs().map((p) => [p.$heading, p.getText()]);
    expect(paragraphs[0]).toEqual(['TITLE', doc.getName()]);
    expect(paragraphs.filter(([h]) => h === 'HEADING2').map(([, t]) => t)).toEqual([
      'I. Các nội dung đã hoàn thành',
      'II. Các nội dung chậm tiến độ, quá hạn',
      'III. Các nội dung đang thực hiện',
      'IV. Các nội dung chưa triển khai',
      'V. Các nội dung tạm dừng',
    ]);
    const [doneTable] = doc.$body.getTables();
    expect(doneTable.$cells[0]).toEqual([
      'STT',
      'Mã',
      'Nội dung công việc',
      'Đơn vị chịu trách nhiệm',
      'Trạng thái',
      '% hoàn thành',
      'Thời hạn',
      'Ghi chú gần nhất',
      'Minh chứng',
    ]);
    expect(doneTable.$cells[1].slice(0, 6)).toEqual([
      '1',
      '1.1',
      'Phiên họp định kỳ 6 tháng và cả năm',
      expect.any(String),
      'Đang thực hiện',
      '50%',
    ]);
    const dialog = runtime.ui.dialogs.at(-1)!;
    expect(dialog.title).toBe('Báo cáo tổng kết năm');
    expect(dialog.output.getContent()).toContain(`href="${doc.getUrl()}"`);
    expect(dialog.output.getContent()).toContain('chưa chia sẻ với ai');
  });

  it('asks for the year: a wrong one is explained, Cancel does nothing', () => {
    const runtime = fullWorkbook();
    runtime.ui.respondWith({ text: 'năm nay' });
    runtime.clickMenu(MENU, 'Báo cáo tổng kết năm');
    expect(runtime.ui.alerts.at(-1)!.prompt).toBe(
      '«năm nay» không phải là một năm hợp lệ. Vui lòng nhập năm gồm 4 chữ số, ví dụ 2024.',
    );
    runtime.ui.respondWith('CANCEL');
    runtime.clickMenu(MENU, 'Báo cáo tổng kết năm');
    expect(runtime.spreadsheet.getSheetByName('Tổng kết năm 2024')).toBeNull();
    runtime.ui.respondWith({ text: '2023' });
    runtime.clickMenu(MENU, 'Báo cáo tổng kết năm');
    expect(values(runtime, 'Tổng kết năm 2023')[5][2]).toBe('Không có nội dung nào.');
  });
});

describe('«Chuyển kế hoạch sang năm mới…»', () => {
  it('copies the items with their dates a year on and no progress, once', () => {
    const runtime = fullWorkbook();
    runtime.clickMenu(MENU, 'Chuyển kế hoạch sang năm mới…');
    expect(runtime.ui.prompts.at(-1)!.prompt).toContain('Để trống để chọn năm 2025.');
    expect(runtime.ui.toasts.at(-1)!.message).toBe(
      'Đã chuyển 12 nội dung công việc của năm 2024 sang năm 2025. Vui lòng rà soát lại thời hạn và đơn vị chịu trách nhiệm.',
    );
    const plan = sheetObjects(runtime, 'Kế hoạch');
    expect(plan).toHaveLength(24);
    const copy = plan.find((r) => r['Năm'] === 2025 && r['Mã'] === '1.1')!;
    expect(copy).toMatchObject({
      'Các hạn hoàn thành': '30/06/2025; 31/12/2025',
      'Trạng thái': 'Chưa bắt đầu',
      '% hoàn thành': 0,
      'Hạn kế tiếp': new Date('2025-06-30T00:00:00Z'),
      'Cập nhật lần cuối': '',
    });
    // The 2024 items keep their progress.
    expect(plan.find((r) => r['Năm'] === 2024 && r['Mã'] === '1.1')!['% hoàn thành']).toBe(0.5);

    runtime.ui.respondWith({ text: '2025' });
    runtime.clickMenu(MENU, 'Chuyển kế hoạch sang năm mới…');
    expect(runtime.ui.toasts.at(-1)!.message).toBe(
      'Kế hoạch năm 2025 đã có đủ các nội dung công việc của năm 2024; không thêm nội dung nào.',
    );
    expect(sheetObjects(runtime, 'Kế hoạch')).toHaveLength(24);
  });

  it('explains a year with nothing before it, and an empty plan', () => {
    const runtime = fullWorkbook();
    runtime.ui.respondWith({ text: '2020' });
    runtime.clickMenu(MENU, 'Chuyển kế hoạch sang năm mới…');
    expect(runtime.ui.alerts.at(-1)!.prompt).toBe(
      'Kế hoạch chưa có nội dung công việc của năm nào trước năm 2020 để chuyển sang. Vui lòng nạp kế hoạch trước.',
    );
    const empty = fullWorkbook({ spreadsheet: undefined, noProgress: true });
    const plan = empty.spreadsheet.getSheetByName('Kế hoạch')!;
    plan.getRange(2, 1, plan.getLastRow() - 1, plan.getLastColumn()).clearContent();
    empty.clickMenu(MENU, 'Chuyển kế hoạch sang năm mới…');
    expect(empty.ui.prompts).toHaveLength(0);
    expect(empty.ui.alerts.at(-1)!.prompt).toBe('Kế hoạch chưa có nội dung công việc nào để chuyển sang năm mới.');
  });
});

describeInChromium('report pages in Chromium', (chromium) => {
  it('shows the Doc link dialog; a link that is not a web address is not clickable', async () => {
    const runtime = fullWorkbook({ documentApp: true });
    runtime.clickMenu(MENU, 'Báo cáo sơ kết 6 tháng');
    const dialog = runtime.ui.dialogs.at(-1)!;
    const page = await openSidebar(chromium(), dialog.output.getContent(), runtime, { width: 460, height: 200 });
    expect(await page.locator('#link').getAttribute('href')).toBe(runtime.documents.created[0].getUrl());
    expect(await page.locator('#message').textContent()).toContain('trên trang «Sơ kết 6 tháng 2024»');
    await saveScreenshot(page, 'review-doc-dialog');

    const forged = dialog.output.getContent().replace(/href="[^"]*"/, 'href="javascript:alert(1)"');
    const bad = await openSidebar(chromium(), forged, runtime, { width: 460, height: 200 });
    expect(await bad.locator('#link').getAttribute('href')).toBeNull();
  });

  it('renders the «Tổng hợp» sheet as a table for the user guide', async () => {
    const runtime = fullWorkbook();
    runtime.clickMenu(MENU, 'Bảng tổng hợp');
    const range = runtime.spreadsheet.getSheetByName('Tổng hợp')!.getDataRange();
    const rows = range.getDisplayValues();
    const weights = range.getFontWeights();
    const page = await chromium().browser.newPage();
    await page.setViewportSize({ width: 760, height: 900 });
    // Text goes in through textContent only, as in the pages.
    await page.setContent('<!doctype html><html lang="vi"><body><table id="t"></table></body></html>');
    await page.evaluate(
      ([lines, bold]: [string[][], string[][]]) => {
        document.body.style.font = '13px Arial, sans-serif';
        const table = document.getElementById('t')!;
        table.style.borderCollapse = 'collapse';
        lines.forEach((line, r) => {
          const tr = document.createElement('tr');
          line.forEach((cell, c) => {
            const td = document.createElement('td');
            td.textContent = cell;
            td.style.fontWeight = bold[r][c];
            td.style.border = '1px solid #dadce0';
            td.style.padding = '2px 6px';
            tr.appendChild(td);
          });
          table.appendChild(tr);
        });
      },
      [rows, weights] as [string[][], string[][]],
    );
    expect(await page.locator('#t tr').count()).toBe(rows.length);
    expect(await page.locator('img').count()).toBe(0);
    await saveScreenshot(page, 'dashboard-sheet');
  });
});
