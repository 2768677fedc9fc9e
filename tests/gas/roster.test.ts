/**
 * «Lập danh sách kiểm tra…» in the BUILT add-in, offline: the seed asked
 * (the year by default), the roster written in one setValues to «Danh sách
 * kiểm tra <năm>», last year's roster taken into account, the same seed
 * giving the same roster.
 */
import { rosterFromValues } from '../../src/core/roster';
import type { Row } from '../../src/core/contract';
import type { GasRuntime } from '../support/gas';
import { councilWorkbook, MENU, told } from './council-fixtures';
import { setSetting, unitRows, writeUnits } from './helpers';

const SCHOOLS = Array.from({ length: 9 }, (_, i) => `Trường Tiểu học số ${i + 1}`);

function rosterWorkbook(options: Parameters<typeof councilWorkbook>[0] = {}): GasRuntime {
  const runtime = councilWorkbook(options);
  const schools: Row[] = SCHOOLS.map((name) => ({ name, kind: 'school', cluster: 'Khối Giáo dục' }));
  writeUnits(runtime, [...unitRows(), ...schools]);
  return runtime;
}

function roster(runtime: GasRuntime, year = 2024) {
  const sheet = runtime.spreadsheet.getSheetByName(`Danh sách kiểm tra ${year}`);
  return sheet ? rosterFromValues(sheet.getDataRange().getValues()) : null;
}

function make(runtime: GasRuntime, ...answers: Parameters<GasRuntime['ui']['respondWith']>): string {
  runtime.ui.alerts.length = 0;
  runtime.ui.respondWith(...answers);
  runtime.clickMenu(MENU, 'Lập danh sách kiểm tra…');
  return runtime.ui.alerts.at(-1)?.prompt ?? '';
}

describe('«Lập danh sách kiểm tra…»', () => {
  it('picks units per cluster with the year as the seed, in one write', () => {
    const runtime = rosterWorkbook();
    runtime.calls.reset();
    const message = make(runtime, { text: '' });
    expect(runtime.ui.prompts[0].prompt).toMatch(/^Lập danh sách kiểm tra năm 2024\. Nhập hạt giống/);
    expect(runtime.ui.prompts[0].prompt).toMatch(/Để trống để dùng 2024\.$/);
    expect(runtime.calls.count('Range.setValues')).toBe(1);
    const groups = roster(runtime)!;
    expect(groups.map((g) => g.cluster)).toEqual([
      'Cụm thi đua số 1',
      'Cụm thi đua số 2',
      'Khối Đảng - Nhà nước',
      'Khối Giáo dục',
      'Khối Kinh tế',
      'Khối Văn hóa - Xã hội',
    ]);
    // Clusters of five or fewer: all; the nine schools: seven (none inspected last year).
    const sizes = Object.fromEntries(groups.map((g) => [g.cluster, g.units.length]));
    expect(sizes).toMatchObject({ 'Cụm thi đua số 1': 5, 'Khối Giáo dục': 7, 'Khối Kinh tế': 4 });
    const units = groups.flatMap((g) => g.units);
    expect(message).toBe(
      `Đã lập danh sách kiểm tra năm 2024 (hạt giống 2024) trên trang «Danh sách kiểm tra 2024»: ${units.length} đơn vị thuộc 6 cụm, khối thi đua. Thường trực Hội đồng có thể sửa trực tiếp trên trang này.`,
    );
    const sheet = runtime.spreadsheet.getSheetByName('Danh sách kiểm tra 2024')!;
    expect(sheet.getRange(1, 1, 1, 6).getValues()[0]).toEqual([
      'STT',
      'Cụm, khối thi đua',
      'Đơn vị được kiểm tra',
      'Đã kiểm tra năm trước',
      'Thời gian kiểm tra',
      'Ghi chú',
    ]);
    expect(sheet.getRange(1, 1).getFontWeight()).toBe('bold');
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getRange(1, 1).getNote()).toBe('Lập ngày 20/12/2024 với hạt giống (seed) 2024.');
  });

  it('gives the same roster for the same seed, another for another seed, and asks before overwriting', () => {
    const runtime = rosterWorkbook();
    make(runtime, { text: '7' });
    const first = roster(runtime);
    // Overwriting asks first; «Không» keeps the office's edits.
    const sheet = runtime.spreadsheet.getSheetByName('Danh sách kiểm tra 2024')!;
    sheet.getRange(2, 6).setValue('Đã hẹn lịch 15/3');
    make(runtime, { text: '7' }, 'NO');
    expect(runtime.ui.alerts.at(-1)!.prompt).toMatch(/đã có\. Lập lại sẽ ghi đè danh sách hiện tại/);
    expect(sheet.getRange(2, 6).getValue()).toBe('Đã hẹn lịch 15/3');
    make(runtime, { text: '7' }, 'YES');
    expect(roster(runtime)).toEqual(first);
    expect(sheet.getRange(2, 6).getValue()).toBe('');

    const other = rosterWorkbook();
    make(other, { text: '7' });
    expect(roster(other)).toEqual(first);
    make(other, { text: '8' }, 'YES');
    const schools = (r: ReturnType<typeof roster>) => r!.find((g) => g.cluster === 'Khối Giáo dục')!.units;
    expect(schools(roster(other))).not.toEqual(schools(first));
  });

  it('takes last year’s roster into account: units not inspected then come first', () => {
    const runtime = rosterWorkbook();
    const last = runtime.spreadsheet.insertSheet('Danh sách kiểm tra 2023');
    last.getRange(1, 1, 5, 3).setValues([
      ['STT', 'Cụm, khối thi đua', 'Đơn vị được kiểm tra'],
      [1, 'Khối Giáo dục', SCHOOLS[0]],
      [2, 'Khối Giáo dục', SCHOOLS[1]],
      [3, 'Khối Giáo dục', SCHOOLS[2]],
      [4, 'Khối Giáo dục', SCHOOLS[3]],
    ]);
    const message = make(runtime, { text: '' });
    expect(message).toContain('Đơn vị đã kiểm tra năm 2023 được ưu tiên để lại sau.');
    const schools = roster(runtime)!.find((g) => g.cluster === 'Khối Giáo dục')!.units;
    // Five not inspected in 2023: exactly those (at least five per cluster).
    expect([...schools].sort()).toEqual(SCHOOLS.slice(4).sort());
    const values = runtime.spreadsheet.getSheetByName('Danh sách kiểm tra 2024')!.getDataRange().getValues();
    expect(values.filter((r: unknown[]) => r[3] === 'Có')).toEqual([]);
  });

  it('uses the year in the settings, and refuses a seed that is not a whole number', () => {
    const runtime = rosterWorkbook();
    setSetting(runtime, 'year', '2025');
    expect(make(runtime, { text: 'abc' })).toBe(
      'Hạt giống «abc» không hợp lệ; vui lòng nhập một số nguyên, ví dụ 2025.',
    );
    make(runtime, { text: '' });
    expect(roster(runtime, 2025)).not.toBeNull();
  });

  it('explains when no unit has a cluster, and stops quietly on Cancel', () => {
    const runtime = councilWorkbook();
    writeUnits(
      runtime,
      unitRows().map((r) => ({ ...r, cluster: null })),
    );
    expect(make(runtime, { text: '' })).toMatch(/Chưa có đơn vị nào được gán «Cụm, khối thi đua»/);
    make(runtime, 'CANCEL');
    expect(runtime.ui.alerts).toEqual([]);
    expect(roster(runtime)).toBeNull();
  });

  it('is the office’s', () => {
    const runtime = rosterWorkbook({ user: 'yte@hongngu.example' });
    runtime.clickMenu(MENU, 'Lập danh sách kiểm tra…');
    expect(told(runtime)).toMatch(/Chỉ Thường trực Hội đồng mới được lập danh sách kiểm tra/);
    expect(runtime.ui.prompts).toEqual([]);
  });
});
