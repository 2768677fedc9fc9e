/**
 * The progress sidebar, built, in real Chromium, talking through a
 * google.script.run shim to the built server code in the offline runtime.
 */
import type { Page } from 'playwright-core';
import { describeInChromium, openSidebar, saveScreenshot } from '../support/browser';
import { loadAddin } from '../support/bundle';

const XSS_TITLE = '<img src=x onerror="window.__xss = 1">Tuyên truyền';

/**
 * Three items: 1.1 for every department, 3 for a unit the registry does not
 * know (only the office sees it), 4 for Phòng Nội vụ and Phòng Tư pháp. The
 * Y tế account also reports for Phòng Tư pháp.
 */
function preparedRuntime(user: string) {
  const runtime = loadAddin({ user, now: () => new Date('2022-07-01T03:00:00Z') });
  runtime.call('menuSetupWorkbook');
  const ss = runtime.spreadsheet;
  const plan = ss.getSheetByName('Kế hoạch')!;
  plan.getRange(2, 1, 3, 5).setValues([
    [2022, '1.1', 'Tổ chức các phiên họp định kỳ', '', 'Chủ tịch Hội đồng'],
    [2022, '3', XSS_TITLE, '', 'Phòng Văn hóa và Thông tin'],
    [2022, '4', 'Tổng hợp hồ sơ đề nghị khen thưởng', '', 'Phòng Nội vụ'],
  ]);
  // «Đơn vị chịu trách nhiệm» (column J).
  plan.getRange(2, 10, 3, 1).setValues([['Các phòng, ban, ngành huyện'], [''], ['Phòng Nội vụ; Phòng Tư pháp']]);
  ss.getSheetByName('Đơn vị')!
    .getRange(2, 1, 3, 5)
    .setValues([
      ['Phòng Y tế', 'Phòng ban', 'Khối Văn hóa - Xã hội', '', 'yte@hongngu.example'],
      ['Phòng Nội vụ', 'Phòng ban', 'Khối Đảng - Nhà nước', '', 'noivu@hongngu.example'],
      ['Phòng Tư pháp', 'Phòng ban', 'Khối Nội chính', '', 'tuphap@hongngu.example; yte@hongngu.example'],
    ]);
  const settings = ss.getSheetByName('Cài đặt')!;
  const keys = settings
    .getDataRange()
    .getValues()
    .map((r: unknown[]) => r[0]);
  settings.getRange(keys.indexOf('officeEmails') + 1, 2).setValue('noivu@hongngu.example');
  return runtime;
}

describeInChromium('progress sidebar in Chromium', (chromium) => {
  async function open(runtime: ReturnType<typeof preparedRuntime>): Promise<Page> {
    runtime.call('menuOpenProgress');
    expect(runtime.ui.alerts).toEqual([]);
    const sidebar = runtime.ui.sidebars.at(-1)!;
    expect(sidebar.getTitle()).toContain('Cập nhật tiến độ');
    return openSidebar(chromium(), sidebar.getContent(), runtime);
  }

  it('logs progress for the user’s own unit and updates the plan item', async () => {
    const runtime = preparedRuntime('tuphap@hongngu.example');
    const page = await open(runtime);
    expect(await page.locator('#unit option').allTextContents()).toEqual(['Phòng Tư pháp']);
    expect(await page.locator('#item option').allTextContents()).toEqual([
      '— Chọn công việc —',
      '1.1. Tổ chức các phiên họp định kỳ',
      '4. Tổng hợp hồ sơ đề nghị khen thưởng',
    ]);
    await page.selectOption('#item', { label: '1.1. Tổ chức các phiên họp định kỳ' });
    await page.selectOption('#status', 'done');
    await page.fill('#percent', '100');
    await page.fill('#note', 'Đã họp phiên 6 tháng =SUM(A1)');
    await page.fill('#evidence', 'https://drive.google.com/file/d/abc');
    await page.keyboard.press('Enter');
    await page.locator('.message.success').waitFor();
    expect(await page.locator('#message').textContent()).toBe('Đã ghi tiến độ công việc 1.1 của Phòng Tư pháp.');
    expect(await page.locator('#current').textContent()).toContain('Hoàn thành – 100%');
    await saveScreenshot(page, 'progress-sidebar');

    const log = runtime.spreadsheet.getSheetByName('Nhật ký tiến độ')!.getDataRange().getValues();
    expect(log).toHaveLength(2);
    const header = log[0];
    const entry = Object.fromEntries(header.map((h: string, i: number) => [h, log[1][i]]));
    expect(entry).toMatchObject({
      'Mã công việc': '1.1',
      'Đơn vị': 'Phòng Tư pháp',
      'Trạng thái': 'Hoàn thành',
      '% hoàn thành': 1,
      'Ghi chú': 'Đã họp phiên 6 tháng =SUM(A1)',
      'Người cập nhật': 'tuphap@hongngu.example',
    });
    // The note that looks like a formula stayed text.
    expect(
      runtime.spreadsheet.getSheetByName('Nhật ký tiến độ')!.getDataRange().getFormulas().flat().filter(Boolean),
    ).toEqual([]);

    const plan = runtime.spreadsheet.getSheetByName('Kế hoạch')!.getDataRange().getValues();
    const statusCol = plan[0].indexOf('Trạng thái');
    expect(plan[1][statusCol]).toBe('Hoàn thành');
    expect(plan[2][statusCol]).toBe('');
  });

  it('lists the items of the unit chosen, for an account of several units', async () => {
    const runtime = preparedRuntime('yte@hongngu.example');
    const page = await open(runtime);
    expect(await page.locator('#unit option').allTextContents()).toEqual([
      '— Chọn đơn vị —',
      'Phòng Y tế',
      'Phòng Tư pháp',
    ]);
    const items = () => page.locator('#item option').allTextContents();
    // Before a unit is chosen: the items of any of the user's units; never item 3, which is nobody's.
    expect(await items()).toEqual([
      '— Chọn công việc —',
      '1.1. Tổ chức các phiên họp định kỳ',
      '4. Tổng hợp hồ sơ đề nghị khen thưởng',
    ]);
    await page.selectOption('#unit', 'Phòng Y tế');
    expect(await items()).toEqual(['— Chọn công việc —', '1.1. Tổ chức các phiên họp định kỳ']);
    await page.selectOption('#unit', 'Phòng Tư pháp');
    await page.selectOption('#item', { label: '4. Tổng hợp hồ sơ đề nghị khen thưởng' });
    await page.selectOption('#status', 'in_progress');
    await page.fill('#percent', '40');
    await page.click('#submit');
    await page.locator('.message.success').waitFor();
    expect(await page.locator('#current').textContent()).toBe('Hiện tại: Đang thực hiện – 40%. Chủ trì: Phòng Nội vụ.');
    // Y tế has no part in item 4: the list drops it, and the server would refuse it.
    await page.selectOption('#unit', 'Phòng Y tế');
    expect(await items()).toEqual(['— Chọn công việc —', '1.1. Tổ chức các phiên họp định kỳ']);
    expect(() =>
      runtime.callFromPage('submitProgress', {
        year: 2022,
        itemId: '4',
        unit: 'Phòng Y tế',
        status: 'done',
        percent: 100,
        date: null,
        note: '',
        evidence: '',
      }),
    ).toThrow('không phải đơn vị chịu trách nhiệm công việc mã «4»');
  });

  it('tells a unit with no items so, and disables sending', async () => {
    const runtime = preparedRuntime('noivu@hongngu.example');
    runtime.spreadsheet
      .getSheetByName('Đơn vị')!
      .getRange(5, 1, 1, 5)
      .setValues([['Ban Chỉ huy Quân sự huyện', 'Khác', '', '', 'quansu@hongngu.example']]);
    const staff = loadAddin({ user: 'quansu@hongngu.example', spreadsheet: runtime.spreadsheet });
    const page = await open(staff);
    expect(await page.locator('#message').textContent()).toContain(
      'Đơn vị «Ban Chỉ huy Quân sự huyện» chưa được giao nội dung công việc nào trong kế hoạch',
    );
    expect(await page.locator('#submit').isDisabled()).toBe(true);
  });

  it('explains problems in Vietnamese, from the page and from the server', async () => {
    const runtime = preparedRuntime('tuphap@hongngu.example');
    const page = await open(runtime);
    await page.click('#submit');
    expect(await page.locator('.message.error').textContent()).toBe('Vui lòng chọn nội dung công việc.');

    await page.selectOption('#item', { label: '1.1. Tổ chức các phiên họp định kỳ' });
    await page.selectOption('#status', 'done');
    await page.fill('#percent', '40');
    await page.click('#submit');
    await page.locator('.message.error').waitFor();
    await page.waitForFunction(() => document.querySelector('#message')?.textContent !== 'Đang lưu…');
    expect(await page.locator('#message').textContent()).toBe(
      'Công việc đã hoàn thành thì tỷ lệ hoàn thành phải là 100%.',
    );
    expect(runtime.spreadsheet.getSheetByName('Nhật ký tiến độ')!.getLastRow()).toBe(1);
  });

  it('tells a user with no unit what to do, and disables sending', async () => {
    const runtime = preparedRuntime('stranger@gmail.com');
    const page = await open(runtime);
    expect(await page.locator('#message').textContent()).toContain('chưa được gán cho đơn vị nào');
    expect(await page.locator('#submit').isDisabled()).toBe(true);
  });
});
