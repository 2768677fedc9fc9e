/**
 * "Nạp kế hoạch từ văn bản…": preview then load into the plan sheet, by id,
 * keeping progress; in the offline runtime and in Chromium.
 */
import * as fs from 'fs';
import * as path from 'path';
import { describeInChromium, openSidebar, saveScreenshot } from '../support/browser';
import { ROOT, loadAddin } from '../support/bundle';
import type { PlanPreview } from '../../src/gas/api-types';

const PLAN = fs.readFileSync(path.join(ROOT, 'examples/ke-hoach-mau-2024.txt'), 'utf8');

function planTable(runtime: ReturnType<typeof loadAddin>): Array<Record<string, unknown>> {
  const values = runtime.spreadsheet.getSheetByName('Kế hoạch')!.getDataRange().getValues();
  return values
    .slice(1)
    .map((row: unknown[]) => Object.fromEntries(values[0].map((h: string, i: number) => [h, row[i]])));
}

describe('loading a plan into the sheet', () => {
  it('previews without writing, then loads the items once', () => {
    const runtime = loadAddin({ user: 'noivu@hongngu.example', now: () => new Date('2024-07-01T03:00:00Z') });
    runtime.call('menuSetupWorkbook');
    const preview = runtime.callFromPage('previewPlan', { text: PLAN }, null) as PlanPreview;
    expect(preview.year).toBe(2024);
    expect(preview.items.map((i: { id: string }) => i.id)).toHaveLength(12);
    expect(preview.items.every((i: { action: string }) => i.action === 'add')).toBe(true);
    expect(planTable(runtime)).toEqual([]);

    const loaded = runtime.callFromPage('loadPlan', { text: PLAN }, null);
    expect(loaded).toMatchObject({ added: 12, updated: 0, unchanged: 0 });
    const rows = planTable(runtime);
    expect(rows.map((r) => r['Mã'])).toEqual([
      '1.1',
      '1.2',
      '2',
      '3',
      '4',
      '5.1',
      '5.2',
      '6.1',
      '6.2',
      '6.3.a',
      '6.3.b',
      '6.3.c',
    ]);
    expect(rows[0]).toMatchObject({
      Năm: 2024,
      'Các hạn hoàn thành': '30/06/2024; 31/12/2024',
      'Trạng thái': 'Chưa bắt đầu',
    });
    expect(rows.find((r) => r['Mã'] === '5.2')!['Ngày bắt đầu']).toEqual(new Date('2024-07-01T00:00:00Z'));
  });

  it('reloading updates items by id, never duplicates them and keeps logged progress', () => {
    const runtime = loadAddin({ user: 'noivu@hongngu.example', now: () => new Date('2024-07-01T03:00:00Z') });
    runtime.call('menuSetupWorkbook');
    runtime.spreadsheet
      .getSheetByName('Đơn vị')!
      .getRange(2, 1, 1, 2)
      .setValues([['Phòng Nội vụ', 'Phòng ban']]);
    runtime.callFromPage('loadPlan', { text: PLAN }, null);
    runtime.callFromPage('submitProgress', {
      year: 2024,
      itemId: '3',
      unit: 'Phòng Nội vụ',
      status: 'in_progress',
      percent: 40,
      date: '2024-06-30',
      note: '',
      evidence: '',
    });
    const revised = PLAN.replace(
      '3. Tuyên truyền, nhân rộng điển hình tiên tiến',
      '3. Tuyên truyền, biểu dương điển hình tiên tiến',
    );
    expect(
      (runtime.callFromPage('previewPlan', { text: revised }, null) as PlanPreview).items.find((i) => i.id === '3')!
        .action,
    ).toBe('update');
    const result = runtime.callFromPage('loadPlan', { text: revised }, null);
    expect(result).toMatchObject({ added: 0, updated: 1, unchanged: 11 });
    const rows = planTable(runtime);
    expect(rows).toHaveLength(12);
    expect(rows.find((r) => r['Mã'] === '3')).toMatchObject({
      'Nội dung công việc': 'Tuyên truyền, biểu dương điển hình tiên tiến',
      'Trạng thái': 'Đang thực hiện',
      '% hoàn thành': 0.4,
    });
  });

  it('explains unreadable text in Vietnamese', () => {
    const runtime = loadAddin();
    runtime.call('menuSetupWorkbook');
    expect(() => runtime.callFromPage('previewPlan', { text: 'Một dòng không có kế hoạch.' }, null)).toThrow(
      'Không tìm thấy nội dung công việc nào',
    );
    expect(() => runtime.callFromPage('loadPlan', { text: '   ' }, null)).toThrow('Vui lòng dán nội dung kế hoạch');
  });
});

describeInChromium('plan dialog in Chromium', (chromium) => {
  it('pastes, previews (names as text) and loads', async () => {
    const runtime = loadAddin({ user: 'noivu@hongngu.example' });
    runtime.call('menuSetupWorkbook');
    runtime.call('menuLoadPlan');
    const dialog = runtime.ui.dialogs.at(-1)!;
    expect(dialog.title).toBe('Nạp kế hoạch từ văn bản');
    const page = await openSidebar(chromium(), dialog.output.getContent(), runtime, { width: 760, height: 620 });
    const payload = PLAN.replace('1.2. Phiên họp bất thường', '1.2. Phiên họp <img src=x onerror="window.__xss=1">');
    await page.fill('#text', payload);
    await page.click('#preview');
    await page.locator('.message.success').waitFor();
    expect(await page.locator('#items tr').count()).toBe(12);
    expect(await page.locator('#items tr').nth(1).locator('td').nth(1).textContent()).toBe(
      'Phiên họp <img src=x onerror="window.__xss=1">',
    );
    expect(await page.locator('img').count()).toBe(0);
    expect(planTable(runtime)).toEqual([]);
    await page.click('#load');
    await page.waitForFunction(() => document.querySelector('#message')?.textContent?.startsWith('Đã nạp'));
    expect(await page.locator('#message').textContent()).toBe(
      'Đã nạp kế hoạch năm 2024: thêm 12, cập nhật 0, giữ nguyên 0 nội dung công việc.',
    );
    expect(planTable(runtime)).toHaveLength(12);
    await saveScreenshot(page, 'plan-load-dialog');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });
});
