import {
  addDays,
  daysBetween,
  formatViDate,
  isIsoDate,
  isoDateIn,
  isoToDate,
  lastDayOfMonth,
  todayIn,
} from '../../src/core/dates';

describe('dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2022-13-01')).toBe(false);
    expect(isIsoDate('30/06/2022')).toBe(false);
    expect(isIsoDate(20220630)).toBe(false);
  });

  it('computes month ends, day differences and offsets', () => {
    expect(lastDayOfMonth(2022, 2)).toBe('2022-02-28');
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
    expect(lastDayOfMonth(2022, 12)).toBe('2022-12-31');
    expect(daysBetween('2022-06-30', '2022-07-07')).toBe(7);
    expect(daysBetween('2022-07-07', '2022-06-30')).toBe(-7);
    expect(addDays('2022-12-31', 1)).toBe('2023-01-01');
    expect(isoToDate('2022-06-30').toISOString()).toBe('2022-06-30T00:00:00.000Z');
    expect(formatViDate('2022-06-30')).toBe('30/06/2022');
  });

  it('tells the calendar day in Asia/Ho_Chi_Minh across UTC midnight', () => {
    const lateEveningUtc = new Date('2022-06-30T20:00:00Z'); // 03:00 on 1 July in Hồ Chí Minh City
    expect(todayIn('Asia/Ho_Chi_Minh', lateEveningUtc)).toBe('2022-07-01');
    expect(isoDateIn('UTC', lateEveningUtc)).toBe('2022-06-30');
  });
});
