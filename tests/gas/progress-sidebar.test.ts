/**
 * The progress sidebar, built, in real Chromium, talking through a
 * google.script.run shim to the built server code in the offline runtime.
 */
import type { Page } from 'playwright-core';
import {
  chromiumAvailable,
  launchChromium,
  openSidebar,
  saveScreenshot,
  type BrowserSession,
} from '../support/browser';
import { loadAddin } from '../support/bundle';

const XSS_TITLE = '<img src=x onerror="window.__xss = 1">Tuyên truyền';

function preparedRuntime(user: string) {
  const runtime = loadAddin({ user, now: () => new Date('2022-07-01T03:00:00Z') });
  runtime.call('menuSetupWorkbook');
  const ss = runtime.spreadsheet;
  ss.getSheetByName('Kế hoạch')!
    .getRange(2, 1, 2, 5)
    .setValues([
      [2022, '1.1', 'Tổ chức các phiên họp định kỳ', '', 'Chủ tịch Hội đồng'],
      [2022, '3', XSS_TITLE, '', 'Phòng Văn hóa và Thông tin'],
    ]);
  ss.getSheetByName('Đơn vị')!
    .getRange(2, 1, 2, 5)
    .setValues([
      ['Phòng Y tế', 'Phòng ban', 'Khối Văn hóa - Xã hội', '', 'yte@hongngu.example'],
      ['Phòng Nội vụ', 'Phòng ban', 'Khối Đảng - Nhà nước', '', 'noivu@hongngu.example'],
    ]);
  const settings = ss.getSheetByName('Cài đặt')!;
  const keys = settings
    .getDataRange()
    .getValues()
    .map((r: unknown[]) => r[0]);
  settings.getRange(keys.indexOf('officeEmails') + 1, 2).setValue('noivu@hongngu.example');
  return runtime;
}

const maybe = chromiumAvailable() ? describe : describe.skip;

maybe('progress sidebar in Chromium', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.close();
  });

  async function open(runtime: ReturnType<typeof preparedRuntime>): Promise<Page> {
    runtime.call('menuOpenProgress');
    expect(runtime.ui.alerts).toEqual([]);
    const sidebar = runtime.ui.sidebars.at(-1)!;
    expect(sidebar.getTitle()).toContain('Cập nhật tiến độ');
    return openSidebar(session, sidebar.getContent(), runtime);
  }

  it('logs progress for the user’s own unit and updates the plan item', async () => {
    const runtime = preparedRuntime('yte@hongngu.example');
    const page = await open(runtime);
    expect(await page.locator('#unit option').allTextContents()).toEqual(['Phòng Y tế']);
    await page.selectOption('#item', { label: '1.1. Tổ chức các phiên họp định kỳ' });
    await page.selectOption('#status', 'done');
    await page.fill('#percent', '100');
    await page.fill('#note', 'Đã họp phiên 6 tháng =SUM(A1)');
    await page.fill('#evidence', 'https://drive.google.com/file/d/abc');
    await page.keyboard.press('Enter');
    await page.locator('.message.success').waitFor();
    expect(await page.locator('#message').textContent()).toBe('Đã ghi tiến độ công việc 1.1 của Phòng Y tế.');
    expect(await page.locator('#current').textContent()).toContain('Hoàn thành – 100%');
    await saveScreenshot(page, 'progress-sidebar');

    const log = runtime.spreadsheet.getSheetByName('Nhật ký tiến độ')!.getDataRange().getValues();
    expect(log).toHaveLength(2);
    const header = log[0];
    const entry = Object.fromEntries(header.map((h: string, i: number) => [h, log[1][i]]));
    expect(entry).toMatchObject({
      'Mã công việc': '1.1',
      'Đơn vị': 'Phòng Y tế',
      'Trạng thái': 'Hoàn thành',
      '% hoàn thành': 1,
      'Ghi chú': 'Đã họp phiên 6 tháng =SUM(A1)',
      'Người cập nhật': 'yte@hongngu.example',
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

  it('shows names as text, never as markup', async () => {
    const runtime = preparedRuntime('noivu@hongngu.example');
    const page = await open(runtime);
    const labels = await page.locator('#item option').allTextContents();
    expect(labels).toContain(`3. ${XSS_TITLE}`);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    // The office reports for any unit.
    expect(await page.locator('#unit option').allTextContents()).toEqual([
      '— Chọn đơn vị —',
      'Phòng Y tế',
      'Phòng Nội vụ',
    ]);
  });

  it('explains problems in Vietnamese, from the page and from the server', async () => {
    const runtime = preparedRuntime('yte@hongngu.example');
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
