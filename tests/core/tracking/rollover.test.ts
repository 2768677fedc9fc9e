import { rollPlanToYear, shiftIsoDate, shiftScheduleText } from '../../../src/core/tracking';
import { planItem } from './helpers';

describe('shiftIsoDate', () => {
  it('keeps day and month', () => {
    expect(shiftIsoDate('2024-03-15', 1)).toBe('2025-03-15');
    expect(shiftIsoDate('2024-01-01', 1)).toBe('2025-01-01');
    expect(shiftIsoDate('2024-03-15', -2)).toBe('2022-03-15');
  });

  it('keeps month ends at month ends', () => {
    expect(shiftIsoDate('2024-06-30', 1)).toBe('2025-06-30');
    expect(shiftIsoDate('2024-12-31', 1)).toBe('2025-12-31');
    expect(shiftIsoDate('2024-02-29', 1)).toBe('2025-02-28');
    expect(shiftIsoDate('2023-02-28', 1)).toBe('2024-02-29');
    expect(shiftIsoDate('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('keeps 28 February of a leap year as the 28th', () => {
    expect(shiftIsoDate('2024-02-28', 1)).toBe('2025-02-28');
  });

  it('rejects what is not an ISO date', () => {
    expect(() => shiftIsoDate('30/06/2024', 1)).toThrow(RangeError);
  });
});

describe('shiftScheduleText', () => {
  it('shifts quarters, months and dates of the plan year and the next', () => {
    expect(shiftScheduleText('Quý II/2024', 2024, 2025)).toBe('Quý II/2025');
    expect(shiftScheduleText('Quý III - Quý IV/2024', 2024, 2025)).toBe('Quý III - Quý IV/2025');
    expect(shiftScheduleText('tháng 6 và tháng 12 năm 2024', 2024, 2025)).toBe('tháng 6 và tháng 12 năm 2025');
    expect(shiftScheduleText('trước ngày 15/01/2025', 2024, 2025)).toBe('trước ngày 15/01/2026');
    expect(shiftScheduleText('từ ngày 01/7/2024 đến ngày 15/8/2024', 2024, 2025)).toBe(
      'từ ngày 01/7/2025 đến ngày 15/8/2025',
    );
    expect(shiftScheduleText('Quý IV năm 2023 và tháng 01/2024', 2023, 2024)).toBe('Quý IV năm 2024 và tháng 01/2025');
  });

  it('moves a leap day written in the text to 28 February', () => {
    expect(shiftScheduleText('trước ngày 29/02/2024', 2024, 2025)).toBe('trước ngày 28/02/2025');
    expect(shiftScheduleText('trước ngày 29/2/2024', 2024, 2025)).toBe('trước ngày 28/2/2025');
  });

  it('leaves other years and document numbers alone', () => {
    expect(shiftScheduleText('theo Luật Thi đua, khen thưởng năm 2022', 2024, 2025)).toBe(
      'theo Luật Thi đua, khen thưởng năm 2022',
    );
    expect(shiftScheduleText('theo Nghị định 98/2023/NĐ-CP', 2023, 2024)).toBe('theo Nghị định 98/2023/NĐ-CP');
    expect(shiftScheduleText('giai đoạn 2021 - 2025', 2023, 2024)).toBe('giai đoạn 2021 - 2025');
    expect(shiftScheduleText('khi cần thiết', 2024, 2025)).toBe('khi cần thiết');
  });
});

describe('rollPlanToYear', () => {
  const items = [
    planItem('1.1', {
      due: '30/06/2024; 31/12/2024',
      scheduleText: 'tháng 6 và tháng 12 năm 2024',
      status: 'done',
      percent: 1,
      nextDue: null,
      lastUpdate: '2024-12-20T03:00:00.000Z',
    }),
    planItem('2', {
      due: '29/02/2024',
      scheduleText: 'trước ngày 29/02/2024',
      status: 'in_progress',
      percent: 0.5,
      nextDue: '2024-02-29',
      daysLate: 40,
    }),
    planItem('5.2', {
      scheduleKind: 'window',
      scheduleText: 'Quý III - Quý IV/2024',
      start: '2024-07-01',
      due: '31/12/2024',
      content: 'Kiểm tra các đơn vị',
      lead: 'Phòng Nội vụ',
    }),
    planItem('1.2', { scheduleKind: 'on-demand', scheduleText: 'khi có yêu cầu', due: '' }),
    planItem('6.3.b', { due: '15/01/2025', scheduleText: 'trước ngày 15/01/2025' }),
    planItem('9', { year: 2023, due: '31/03/2023' }),
    planItem('5.2', { year: 2025, title: 'Đã có trong năm 2025' }),
  ];
  const rolled = rollPlanToYear(items, 2024, 2025);

  it('copies the items of the year, except those already present in the new year', () => {
    expect(rolled.map((r) => r.id)).toEqual(['1.1', '2', '1.2', '6.3.b']);
    expect(rolled.every((r) => r.year === 2025)).toBe(true);
  });

  it('shifts due dates (month ends stay month ends, 29/02 → 28/02), start and time phrase', () => {
    expect(rolled[0]).toMatchObject({ due: '30/06/2025; 31/12/2025', scheduleText: 'tháng 6 và tháng 12 năm 2025' });
    expect(rolled[1]).toMatchObject({ due: '28/02/2025', scheduleText: 'trước ngày 28/02/2025' });
    expect(rolled[3]).toMatchObject({ due: '15/01/2026', scheduleText: 'trước ngày 15/01/2026' });
    const window = rollPlanToYear(items.slice(2, 3), 2024, 2025)[0];
    expect(window).toMatchObject({
      start: '2025-07-01',
      due: '31/12/2025',
      scheduleText: 'Quý III - Quý IV/2025',
      content: 'Kiểm tra các đơn vị',
      lead: 'Phòng Nội vụ',
      scheduleKind: 'window',
    });
  });

  it('empties the progress', () => {
    for (const r of rolled) {
      expect(r).toMatchObject({ status: 'not_started', percent: 0, nextDue: null, daysLate: null, lastUpdate: null });
    }
  });

  it('keeps an item without dates as it is, and leaves the input untouched', () => {
    expect(rolled[2]).toMatchObject({ due: '', scheduleText: 'khi có yêu cầu', scheduleKind: 'on-demand' });
    expect(items[0]).toMatchObject({ year: 2024, status: 'done', due: '30/06/2024; 31/12/2024' });
  });

  it('does not duplicate on a second run, nor a repeated id of the source year', () => {
    const twice = rollPlanToYear([...items, ...rolled], 2024, 2025);
    expect(twice).toEqual([]);
    const repeated = rollPlanToYear([planItem('1'), planItem('1', { title: 'khác' })], 2024, 2025);
    expect(repeated).toHaveLength(1);
  });

  it('shifts by several years and from a leap-year February end', () => {
    const r = rollPlanToYear(
      [planItem('x', { year: 2023, due: '28/02/2023', scheduleText: 'tháng 02/2023' })],
      2023,
      2024,
    );
    expect(r[0]).toMatchObject({ year: 2024, due: '29/02/2024', scheduleText: 'tháng 02/2024' });
    const far = rollPlanToYear([planItem('y', { due: '30/06/2024', scheduleText: 'Quý II/2024' })], 2024, 2027);
    expect(far[0]).toMatchObject({ year: 2027, due: '30/06/2027', scheduleText: 'Quý II/2027' });
  });

  it('rejects impossible years', () => {
    expect(() => rollPlanToYear(items, 2024, Number.NaN)).toThrow(RangeError);
  });
});
