/**
 * Calendar arithmetic the time-phrase grammar needs, on ISO dates (YYYY-MM-DD),
 * on top of the core's date helpers.
 */
import { addDays, lastDayOfMonth } from '../dates';

export { addDays };

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= 1900 &&
    year <= 2199 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const monthEnd = lastDayOfMonth;

/** A span of days, both ends included. */
export interface Period {
  start: string;
  end: string;
}

export function monthPeriod(year: number, month: number): Period {
  return { start: isoDate(year, month, 1), end: monthEnd(year, month) };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const first = (quarter - 1) * 3 + 1;
  return { start: isoDate(year, first, 1), end: monthEnd(year, first + 2) };
}

export function yearPeriod(year: number): Period {
  return { start: isoDate(year, 1, 1), end: isoDate(year, 12, 31) };
}
