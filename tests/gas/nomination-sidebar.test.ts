/**
 * The nomination sidebar, built, in real Chromium, talking through the
 * google.script.run shim to the built server code in the offline runtime.
 */
import type { Page } from 'playwright-core';
import { describeInChromium, openSidebar, saveScreenshot } from '../support/browser';
import type { GasRuntime } from '../support/gas';
import { addRows, councilWorkbook, MENU, nomination, objects, registration } from './council-fixtures';

const XSS_NAME = '<img src=x onerror="window.__xss = 1">Bình';

describeInChromium('nomination sidebar in Chromium', (chromium) => {
  async function open(runtime: GasRuntime): Promise<Page> {
    runtime.clickMenu(MENU, 'Nhập đề nghị khen thưởng…');
    expect(runtime.ui.alerts).toEqual([]);
    const sidebar = runtime.ui.sidebars.at(-1)!;
    expect(sidebar.getTitle()).toBe('Nhập đề nghị khen thưởng');
    return openSidebar(chromium(), sidebar.getContent(), runtime, { width: 300, height: 1400 });
  }

  async function settled(page: Page): Promise<void> {
    await page.waitForFunction(() => {
      const text = document.querySelector('#message')?.textContent ?? '';
      const status = document.querySelector('#findings-status')?.textContent ?? '';
      return !text.startsWith('Đang') && !status.startsWith('Đang');
    });
  }

  it('enters a CSTĐCS nomination, shows the criteria and findings as one types, and sends it with Enter', async () => {
    const runtime = councilWorkbook();
    addRows(runtime, 'registrations', [registration('Trần Thị Bình', 'Chiến sĩ thi đua cơ sở')]);
    const page = await open(runtime);
    expect(await page.locator('#year').inputValue()).toBe('2024');
    expect(await page.locator('#commendationKind option').allTextContents()).toEqual([
      'Thường xuyên',
      'Chuyên đề',
      'Đột xuất',
      'Quá trình cống hiến',
      'Công trạng',
      'Niên hạn',
      'Đối ngoại',
    ]);
    // Individual awards only, grouped: titles, then forms.
    const awards = await page.locator('#award option').allTextContents();
    expect(awards).toContain('Chiến sĩ thi đua cơ sở');
    expect(awards).not.toContain('Tập thể lao động xuất sắc');

    await page.fill('#name', 'Trần Thị Bình');
    await page.fill('#position', 'Chuyên viên');
    await page.selectOption('#unit', 'Phòng Y tế');
    await page.selectOption('#award', 'cstdcs');
    const criteria = await page.locator('#criteria').textContent();
    expect(criteria).toContain('Theo Luật Thi đua, khen thưởng năm 2022');
    expect(criteria).toContain('Phải đạt danh hiệu “Lao động tiên tiến” trong năm xét tặng.');
    await settled(page);
    // Without an initiative, the form alone shows the rule is not met.
    const before = await page.locator('#findings').textContent();
    expect(before).toMatch(/sáng kiến/);

    await page.fill('#achievement', 'Hoàn thành xuất sắc nhiệm vụ; dẫn đầu phong trào chuyển đổi số của Phòng.');
    await page.fill('#initiative', 'Sổ tay điện tử quản lý hồ sơ');
    await page.fill('#initiativeRecognition', 'Quyết định số 5/QĐ-PYT ngày 01/11/2024');
    await page.fill('#attachments', 'https://drive.google.com/file/d/abc\nhttps://drive.google.com/file/d/def');
    await page.focus('#name');
    await page.locator('#findings-status').filter({ hasText: 'Kết quả kiểm tra với dữ liệu hiện có' }).waitFor();
    // The server checked against the sheets: no LĐTT for her in 2024.
    expect(await page.locator('#findings').textContent()).toMatch(/“Lao động tiên tiến”/);
    await saveScreenshot(page, 'nomination-sidebar');

    await page.keyboard.press('Enter');
    await page.locator('.message.success').waitFor();
    expect(await page.locator('#message').textContent()).toMatch(
      /^Đã ghi đề nghị “Chiến sĩ thi đua cơ sở” năm 2024 cho Trần Thị Bình \(dòng 2\)\./,
    );
    // Ready for the next one: the person's fields are empty, the unit, year and award stay.
    expect(await page.locator('#name').inputValue()).toBe('');
    expect(await page.locator('#unit').inputValue()).toBe('Phòng Y tế');
    expect(await page.locator('#award').inputValue()).toBe('cstdcs');

    const rows = objects(runtime, 'Đề nghị khen thưởng');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      'Họ và tên / Tên tập thể': 'Trần Thị Bình',
      'Chức vụ': 'Chuyên viên',
      'Danh hiệu, hình thức đề nghị': 'Chiến sĩ thi đua cơ sở',
      'Trạng thái xét': 'Đề nghị',
      'Công nhận sáng kiến': 'Quyết định số 5/QĐ-PYT ngày 01/11/2024',
      'Hồ sơ đính kèm (đường dẫn)': 'https://drive.google.com/file/d/abc\nhttps://drive.google.com/file/d/def',
    });
    expect(String(rows[0]['Kết quả kiểm tra'])).toMatch(/“Lao động tiên tiến”/);
  });

  it('shows a name with markup as text, in the messages and the findings', async () => {
    const runtime = councilWorkbook();
    const page = await open(runtime);
    await page.fill('#name', XSS_NAME);
    await page.selectOption('#unit', 'Phòng Y tế');
    await page.selectOption('#award', 'ldtt');
    await page.locator('#name').press('Enter');
    await page.locator('.message.success').waitFor();
    expect(await page.locator('#message').textContent()).toContain(`cho ${XSS_NAME} (dòng 2)`);
    expect(await page.locator('#findings').textContent()).toContain(XSS_NAME);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(objects(runtime, 'Đề nghị khen thưởng')[0]['Họ và tên / Tên tập thể']).toBe(XSS_NAME);
  });

  it('explains problems in Vietnamese, from the page and from the server', async () => {
    const runtime = councilWorkbook();
    addRows(runtime, 'nominations', [nomination('Lê Văn Cường', 'Lao động tiên tiến')]);
    const page = await open(runtime);
    await page.click('#submit');
    expect(await page.locator('.message.error').textContent()).toBe(
      'Vui lòng nhập họ và tên.\nVui lòng chọn đơn vị đề nghị.\nVui lòng chọn danh hiệu thi đua hoặc hình thức khen thưởng.',
    );
    expect(await page.locator('#name-error').textContent()).toBe('Vui lòng nhập họ và tên.');
    expect(await page.locator('#name').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('name');

    // As one types, the field's error goes away and others appear.
    await page.fill('#name', 'Lê Văn Cường');
    expect(await page.locator('#name-error').isHidden()).toBe(true);
    await page.fill('#attachments', 'hồ sơ trên máy');
    await page.locator('#attachments').blur();
    expect(await page.locator('#attachments-error').textContent()).toMatch(
      /^Hồ sơ đính kèm phải là đường dẫn bắt đầu bằng http:\/\/ hoặc https:\/\//,
    );
    await page.fill('#year', '2031');
    expect(await page.locator('#year-error').textContent()).toBe('Năm thành tích phải từ 2000 đến 2024.');
    await page.fill('#year', '2024');
    await page.fill('#attachments', '');

    // The server refuses a nomination already in the sheet.
    await page.selectOption('#unit', 'Phòng Y tế');
    await page.selectOption('#award', 'ldtt');
    await settled(page);
    expect(await page.locator('#findings-status').textContent()).toContain(
      'Đề nghị này đã có ở dòng 2 của trang tính.',
    );
    await page.click('#submit');
    await page.locator('.message.error').waitFor();
    await settled(page);
    expect(await page.locator('#message').textContent()).toBe(
      'Đề nghị “Lao động tiên tiến” năm 2024 cho Lê Văn Cường (Phòng Y tế) đã có ở dòng 2 của trang «Đề nghị khen thưởng». Vui lòng sửa trực tiếp dòng đó nếu cần.',
    );
    expect(objects(runtime, 'Đề nghị khen thưởng')).toHaveLength(1);
  });

  it('fits the form to a collective, and to a unit’s staff', async () => {
    const runtime = councilWorkbook({ user: 'yte@hongngu.example' });
    const page = await open(runtime);
    expect(await page.locator('#unit option').allTextContents()).toEqual(['Phòng Y tế']);
    await page.check('input[name="subject"][value="collective"]');
    expect(await page.locator('#name-label').textContent()).toBe('Tên tập thể');
    expect(await page.locator('#position-block').isHidden()).toBe(true);
    const awards = await page.locator('#award option').allTextContents();
    expect(awards).toContain('Tập thể lao động xuất sắc');
    expect(awards).not.toContain('Chiến sĩ thi đua cơ sở');
    await page.fill('#name', 'Phòng Y tế');
    await page.selectOption('#award', 'ttldtt');
    await page.locator('#name').press('Enter');
    await page.locator('.message.success').waitFor();
    expect(objects(runtime, 'Đề nghị khen thưởng')[0]).toMatchObject({
      'Cá nhân/Tập thể': 'Tập thể',
      'Danh hiệu, hình thức đề nghị': 'Tập thể lao động tiên tiến',
      'Chức vụ': '',
    });
  });

  it('tells a user with no unit what to do, and disables sending', async () => {
    const runtime = councilWorkbook({ user: 'stranger@gmail.com' });
    const page = await open(runtime);
    expect(await page.locator('#message').textContent()).toContain('chưa được gán cho đơn vị nào');
    expect(await page.locator('#submit').isDisabled()).toBe(true);
  });
});
