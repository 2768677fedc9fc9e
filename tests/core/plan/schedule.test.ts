import { findSchedule, parseSchedule, defaultSchedule } from '../../../src/core/plan';
import { SCHEDULE_KIND } from '../../../src/core/contract';

type Expect = { kind: string; start?: string | null; due: string[] };

/** Phrase, plan year, expected schedule. */
const CASES: Array<[string, number | null, Expect]> = [
  // Months: each the month's last day.
  ['tháng 02 và tháng 6 năm 2022', 2022, { kind: 'deadline', start: null, due: ['2022-02-28', '2022-06-30'] }],
  ['tháng 02 và tháng 6 năm 2022.', 2030, { kind: 'deadline', due: ['2022-02-28', '2022-06-30'] }],
  ['tháng 01/2023', 2022, { kind: 'deadline', due: ['2023-01-31'] }],
  ['Tháng 12/2022', 2022, { kind: 'deadline', due: ['2022-12-31'] }],
  ['tháng 02/2024', 2024, { kind: 'deadline', due: ['2024-02-29'] }],
  ['tháng 02/2023', 2023, { kind: 'deadline', due: ['2023-02-28'] }],
  ['tháng 2/2000', 2000, { kind: 'deadline', due: ['2000-02-29'] }],
  ['tháng 2/1900', 1900, { kind: 'deadline', due: ['1900-02-28'] }],
  ['tháng 6, 7', 2024, { kind: 'deadline', due: ['2024-06-30', '2024-07-31'] }],
  ['cuối tháng 7/2023', 2023, { kind: 'deadline', due: ['2023-07-31'] }],
  ['trong tháng 9', 2023, { kind: 'deadline', due: ['2023-09-30'] }],
  // Quarters.
  ['Quý II/2022', 2022, { kind: 'deadline', start: null, due: ['2022-06-30'] }],
  ['Quý II, năm 2022', 2021, { kind: 'deadline', due: ['2022-06-30'] }],
  ['Quý II và Quý IV năm 2022', 2022, { kind: 'deadline', due: ['2022-06-30', '2022-12-31'] }],
  ['Quý I', 2024, { kind: 'deadline', due: ['2024-03-31'] }],
  ['quý 3 năm 2023', 2022, { kind: 'deadline', due: ['2023-09-30'] }],
  ['Quý II và IV/2022', 2021, { kind: 'deadline', due: ['2022-06-30', '2022-12-31'] }],
  ['QUÝ III/2025', 2025, { kind: 'deadline', due: ['2025-09-30'] }],
  // Windows.
  ['Quý III - Quý IV/2023', 2022, { kind: 'window', start: '2023-07-01', due: ['2023-12-31'] }],
  ['Quý III – Quý IV năm 2023', 2022, { kind: 'window', start: '2023-07-01', due: ['2023-12-31'] }],
  ['từ ngày 01/11/2023 đến ngày 31/12/2023', 2023, { kind: 'window', start: '2023-11-01', due: ['2023-12-31'] }],
  ['Từ tháng 3 đến tháng 5/2024', 2024, { kind: 'window', start: '2024-03-01', due: ['2024-05-31'] }],
  ['tháng 3 - 5/2023', 2023, { kind: 'window', start: '2023-03-01', due: ['2023-05-31'] }],
  ['từ tháng 11 đến tháng 02/2024', 2024, { kind: 'window', start: '2023-11-01', due: ['2024-02-29'] }],
  ['6 tháng đầu năm', 2022, { kind: 'window', start: '2022-01-01', due: ['2022-06-30'] }],
  ['6 tháng cuối năm', 2022, { kind: 'window', start: '2022-07-01', due: ['2022-12-31'] }],
  ['sáu tháng đầu năm 2023', 2022, { kind: 'window', start: '2023-01-01', due: ['2023-06-30'] }],
  ['hằng năm', 2024, { kind: 'window', start: '2024-01-01', due: ['2024-12-31'] }],
  ['Hàng năm', 2024, { kind: 'window', start: '2024-01-01', due: ['2024-12-31'] }],
  ['năm 2024', 2022, { kind: 'window', start: '2024-01-01', due: ['2024-12-31'] }],
  ['từ tháng 3/2024', 2024, { kind: 'window', start: '2024-03-01', due: ['2024-12-31'] }],
  // Deadlines with dates.
  ['trước ngày 15/02/2023', 2023, { kind: 'deadline', start: null, due: ['2023-02-15'] }],
  ['Trước ngày 15/02', 2024, { kind: 'deadline', due: ['2024-02-15'] }],
  ['chậm nhất ngày 30/11/2024', 2024, { kind: 'deadline', due: ['2024-11-30'] }],
  ['đến ngày 31/3', 2025, { kind: 'deadline', due: ['2025-03-31'] }],
  ['trước tháng 6/2023', 2023, { kind: 'deadline', due: ['2023-05-31'] }],
  ['trước Quý III', 2023, { kind: 'deadline', due: ['2023-06-30'] }],
  ['15/02/2023', 2022, { kind: 'deadline', due: ['2023-02-15'] }],
  ['ngày 15/2/23', 2022, { kind: 'deadline', due: ['2023-02-15'] }],
  ['15.02.2023', 2022, { kind: 'deadline', due: ['2023-02-15'] }],
  ['ngày 15 tháng 02 năm 2023', 2022, { kind: 'deadline', due: ['2023-02-15'] }],
  ['ngày 29/02/2024', 2024, { kind: 'deadline', due: ['2024-02-29'] }],
  ['Quý IV năm 2024 và tháng 01/2025', 2024, { kind: 'deadline', due: ['2024-12-31', '2025-01-31'] }],
  ['cuối năm', 2022, { kind: 'deadline', due: ['2022-12-31'] }],
  ['Cuối năm 2023', 2022, { kind: 'deadline', due: ['2023-12-31'] }],
  ['giữa năm', 2022, { kind: 'deadline', due: ['2022-06-30'] }],
  // Recurrences.
  ['định kỳ hằng quý', 2022, { kind: 'deadline', due: ['2022-03-31', '2022-06-30', '2022-09-30', '2022-12-31'] }],
  ['hàng quý', 2024, { kind: 'deadline', due: ['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31'] }],
  ['định kỳ 6 tháng', 2024, { kind: 'deadline', due: ['2024-06-30', '2024-12-31'] }],
  // Without dates.
  ['thường xuyên', 2022, { kind: 'ongoing', start: '2022-01-01', due: ['2022-12-31'] }],
  ['Thường xuyên', null, { kind: 'ongoing', start: null, due: [] }],
  ['khi cần thiết', 2022, { kind: 'on-demand', start: null, due: [] }],
  ['Khi có yêu cầu', 2022, { kind: 'on-demand', due: [] }],
  ['không định kỳ', 2022, { kind: 'on-demand', due: [] }],
  ['đột xuất', 2022, { kind: 'on-demand', due: [] }],
  ['theo kế hoạch của Hội đồng Thi đua - Khen thưởng Tỉnh', 2022, { kind: 'external', start: null, due: [] }],
  ['Theo hướng dẫn của Sở Nội vụ', 2022, { kind: 'external', due: [] }],
  // Old-style tone placement and decomposed text read the same.
  ['tuỳ tình hình'.normalize('NFD'), 2022, { kind: 'on-demand', due: [] }],
  ['QUÝ II/2022'.normalize('NFD'), 2022, { kind: 'deadline', due: ['2022-06-30'] }],
];

describe('parseSchedule: understood phrases', () => {
  it.each(CASES)('%s (năm %s)', (phrase, year, expected) => {
    const s = parseSchedule(phrase, year);
    expect(s.understood).toBe(true);
    expect(s.unparsed).toBe('');
    expect(s.kind).toBe(expected.kind);
    expect(s.due).toEqual(expected.due);
    if (expected.start !== undefined) expect(s.start).toBe(expected.start);
    expect(SCHEDULE_KIND.map((k) => k.code)).toContain(s.kind);
  });

  it('keeps the original words (NFC, spaces tidied, final full stop dropped)', () => {
    expect(parseSchedule('  Quý II,   năm 2022. ', 2022).text).toBe('Quý II, năm 2022');
    expect(parseSchedule('tháng 02 và tháng 6 năm 2022.', 2022).text).toBe('tháng 02 và tháng 6 năm 2022');
    const decomposed = 'Quý II/2022'.normalize('NFD');
    expect(parseSchedule(decomposed, 2022).text).toBe('Quý II/2022');
  });

  it('uses the plan year only where the phrase has none', () => {
    expect(parseSchedule('Quý II', 2023).due).toEqual(['2023-06-30']);
    expect(parseSchedule('Quý II', 2024).due).toEqual(['2024-06-30']);
    expect(parseSchedule('Quý II/2025', 2024).due).toEqual(['2025-06-30']);
    // A year written before applies after, when none follows.
    expect(parseSchedule('tháng 11/2023 và tháng 3', 2022).due).toEqual(['2023-03-31', '2023-11-30']);
  });

  it('returns due dates sorted and without duplicates', () => {
    expect(parseSchedule('Quý IV và Quý II và Quý IV năm 2022', 2022).due).toEqual(['2022-06-30', '2022-12-31']);
  });
});

describe('parseSchedule: phrases not understood', () => {
  it('keeps unknown words, reports them and is not understood', () => {
    const s = parseSchedule('sau khi có kết quả thi', 2024);
    expect(s.understood).toBe(false);
    expect(s.unparsed).toBe('sau khi có kết quả thi');
    expect(s.text).toBe('sau khi có kết quả thi');
    expect(s.due).toEqual([]);
  });

  it('uses what it understood of a partly known phrase', () => {
    const s = parseSchedule('Quý II/2022 (tùy diễn biến dịch bệnh)', 2022);
    expect(s.understood).toBe(false);
    expect(s.due).toEqual(['2022-06-30']);
    expect(s.unparsed).toContain('diễn biến dịch bệnh');
  });

  it('rejects impossible dates, keeping them as text', () => {
    for (const phrase of ['31/02/2023', 'ngày 29/02/2023', 'tháng 13/2023', '31/04/2024']) {
      const s = parseSchedule(phrase, 2023);
      expect(s.understood).toBe(false);
      expect(s.due).toEqual([]);
      expect(s.unparsed).not.toBe('');
    }
  });

  it('is not understood when no year is known', () => {
    const s = parseSchedule('Quý II', null);
    expect(s.understood).toBe(false);
    expect(s.due).toEqual([]);
    expect(parseSchedule('Quý II/2022', null).understood).toBe(true);
  });

  it('does not take empty text for a schedule', () => {
    const s = parseSchedule('', 2022);
    expect(s.understood).toBe(false);
    expect(s.text).toBe('');
  });

  it('does not read a number alone as a month', () => {
    expect(parseSchedule('02 lần', 2022).understood).toBe(false);
    expect(parseSchedule('lần 2', 2022).understood).toBe(false);
  });
});

describe('findSchedule', () => {
  it('finds a rhythm in a title, not a date cited in it', () => {
    const found = findSchedule('Tổ chức các phiên họp Hội đồng không định kỳ', 2022, 'category');
    expect(found?.phrase).toBe('không định kỳ');
    expect(found?.schedule.kind).toBe('on-demand');
    expect(findSchedule('Thực hiện theo Chỉ thị 05-CT/TW ngày 15/5/2016', 2022, 'category')).toBeNull();
  });

  it('does not guess a schedule from "đột xuất" (a kind of award) in prose', () => {
    expect(findSchedule('khen thưởng thành tích đột xuất; khen thưởng chuyên đề', 2022, 'category')).toBeNull();
  });

  it('finds a deadline inside a sentence, ignoring a bare year', () => {
    const found = findSchedule(
      'ban hành Kế hoạch hoạt động năm 2024, gửi về Hội đồng trước ngày 15/02/2024',
      2024,
      'deadline',
    );
    expect(found?.phrase).toBe('trước ngày 15/02/2024');
    expect(found?.schedule.due).toEqual(['2024-02-15']);
    expect(findSchedule('ban hành Kế hoạch hoạt động năm 2022', 2022, 'deadline')).toBeNull();
  });

  it('finds a month or a range in a sentence', () => {
    expect(findSchedule('gửi về Phòng trong tháng 9/2023 để tổng hợp', 2023, 'deadline')?.schedule.due).toEqual([
      '2023-09-30',
    ]);
    const range = findSchedule('tổ chức từ ngày 01/3/2024 đến ngày 30/3/2024 tại hội trường', 2024, 'deadline');
    expect(range?.phrase).toBe('từ ngày 01/3/2024 đến ngày 30/3/2024');
    expect(range?.schedule).toMatchObject({ kind: 'window', start: '2024-03-01', due: ['2024-03-30'] });
  });
});

describe('defaultSchedule', () => {
  it('is all of the plan year', () => {
    expect(defaultSchedule(2024)).toEqual({ kind: 'ongoing', start: '2024-01-01', due: ['2024-12-31'], text: '' });
    expect(defaultSchedule(null)).toEqual({ kind: 'ongoing', start: null, due: [], text: '' });
  });
});
