/**
 * The council session dialog, built, in real Chromium, talking through the
 * google.script.run shim to the built server code in the offline runtime.
 */
import type { Page } from 'playwright-core';
import { describeInChromium, openSidebar, saveScreenshot } from '../support/browser';
import type { GasRuntime } from '../support/gas';
import { addRows, councilWorkbook, MENU, nomination, objects } from './council-fixtures';

const XSS_NAME = '<img src=x onerror="window.__xss = 1">Hòa';

describeInChromium('council session dialog in Chromium', (chromium) => {
  function prepared(): GasRuntime {
    const runtime = councilWorkbook();
    addRows(runtime, 'nominations', [
      nomination('Nguyễn Văn An', 'Lao động tiên tiến'),
      nomination('Trần Thị Bình', 'LĐTT'),
      nomination(XSS_NAME, 'Lao động tiên tiến', {
        findings: '[Lỗi] Ông (bà) … không có tên trong danh sách đăng ký thi đua năm 2024.',
      }),
      nomination('Võ Văn Giỏi', 'Chiến sĩ thi đua cấp tỉnh'),
      nomination('Lê Văn Cũ', 'Lao động tiên tiến', { year: 2023 }),
    ]);
    return runtime;
  }

  async function open(runtime: GasRuntime): Promise<Page> {
    runtime.clickMenu(MENU, 'Biểu quyết của Hội đồng…');
    expect(runtime.ui.alerts).toEqual([]);
    const dialog = runtime.ui.dialogs.at(-1)!;
    expect(dialog.output.getWidth()).toBe(900);
    return openSidebar(chromium(), dialog.output.getContent(), runtime, { width: 900, height: 640 });
  }

  const resultOf = (page: Page, row: number) => page.locator(`#rows tr:nth-child(${row}) td.result`).textContent();

  it('computes each result as one types, and records the session', async () => {
    const runtime = prepared();
    const page = await open(runtime);
    expect(await page.locator('h1').textContent()).toBe('Biểu quyết của Hội đồng Thi đua – Khen thưởng');
    expect(await page.locator('#year').inputValue()).toBe('2024');
    expect(await page.locator('#rows tr').count()).toBe(4);
    expect(await page.locator('#caption').textContent()).toBe('4 đề nghị đang chờ biểu quyết của năm 2024.');
    expect(await page.locator('#date').inputValue()).toBe('2024-12-20');

    await page.fill('#membersTotal', '15');
    await page.fill('#membersPresent', '12');
    const first = page.locator('#rows tr:nth-child(1) input').first();
    await first.fill('12');
    await first.press('Enter');
    // Enter moves on to the next vote field.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Số phiếu không tán thành: Nguyễn Văn An – Lao động tiên tiến',
    );
    await page.keyboard.type('0');
    expect(await resultOf(page, 1)).toBe('Đạt (100,00%)');

    const second = page.locator('#rows tr:nth-child(2) input');
    await second.nth(0).fill('8');
    await second.nth(1).fill('4');
    expect(await resultOf(page, 2)).toBe('Không đạt (66,67%; cần 9)');
    expect(await second.nth(2).isDisabled()).toBe(true);

    // CSTĐ cấp tỉnh: 90% of all members; written opinions of absent members count.
    const fourth = page.locator('#rows tr:nth-child(4) input');
    expect(await fourth.nth(2).isDisabled()).toBe(false);
    await fourth.nth(0).fill('12');
    await fourth.nth(1).fill('0');
    await fourth.nth(2).fill('2');
    expect(await resultOf(page, 4)).toBe('Đạt (93,33%)');
    expect(await page.locator('#rows tr:nth-child(4) td.result').getAttribute('title')).toMatch(
      /14\/15 thành viên Hội đồng tán thành/,
    );
    expect(await resultOf(page, 3)).toBe('Chưa biểu quyết');
    await saveScreenshot(page, 'council-dialog');

    await page.click('#save');
    await page.locator('.message.success').waitFor();
    expect(await page.locator('#message').textContent()).toBe(
      'Đã ghi biên bản họp ngày 20/12/2024 vào trang «Biên bản họp Hội đồng 20-12-2024»: 3 đề nghị được biểu quyết (Đạt: 2; Không đạt: 1). Trạng thái xét trên trang «Đề nghị khen thưởng» đã được cập nhật.',
    );
    expect(await page.locator('#membersTotal').isDisabled()).toBe(true);
    const statuses = objects(runtime, 'Đề nghị khen thưởng').map((r) => r['Trạng thái xét']);
    expect(statuses).toEqual(['Đạt', 'Không đạt', 'Đề nghị', 'Đạt', 'Đề nghị']);
  });

  it('shows names as text, flags rows with errors, and filters by year', async () => {
    const runtime = prepared();
    const page = await open(runtime);
    expect(await page.locator('#rows tr:nth-child(3) td:nth-child(2)').textContent()).toBe(`${XSS_NAME}1 lỗi`);
    expect(await page.locator('#rows tr:nth-child(3) .badge').getAttribute('title')).toMatch(/đăng ký thi đua/);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.selectOption('#year', '2023');
    expect(await page.locator('#rows tr').count()).toBe(1);
    expect(await page.locator('#rows tr td:nth-child(2)').textContent()).toBe('Lê Văn Cũ');
    await page.selectOption('#year', '');
    expect(await page.locator('#rows tr').count()).toBe(5);
  });

  it('explains problems in Vietnamese before anything is sent', async () => {
    const runtime = prepared();
    const page = await open(runtime);
    await page.click('#save');
    expect(await page.locator('.message.error').textContent()).toBe(
      'Tổng số thành viên Hội đồng phải là số nguyên lớn hơn 0.\nSố thành viên có mặt phải là số nguyên không âm.',
    );
    await page.fill('#membersTotal', '15');
    await page.fill('#membersPresent', '16');
    expect(await page.locator('#meeting-error').textContent()).toBe(
      'Số thành viên có mặt (16) không được lớn hơn tổng số thành viên (15).',
    );
    await page.fill('#membersPresent', '12');
    await page.click('#save');
    expect(await page.locator('.message.error').textContent()).toBe('Chưa nhập số phiếu biểu quyết cho đề nghị nào.');
    const first = page.locator('#rows tr:nth-child(1) input');
    await first.nth(0).fill('10');
    await first.nth(1).fill('5');
    expect(await resultOf(page, 1)).toBe(
      '“Nguyễn Văn An”: Số phiếu tán thành và không tán thành (15) vượt số thành viên có mặt (12).',
    );
    expect(await first.nth(0).getAttribute('aria-invalid')).toBe('true');
    await page.click('#save');
    expect(await page.locator('.message.error').textContent()).toMatch(/vượt số thành viên có mặt/);
    expect(runtime.spreadsheet.getSheetByName('Biên bản họp Hội đồng 20-12-2024')).toBeNull();
  });
});
