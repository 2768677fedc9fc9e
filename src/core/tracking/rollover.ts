/**
 * Starting a new year from last year's plan: the items of one year are copied
 * to another with their dates shifted by whole years and their progress
 * emptied, so the council edits a copy instead of retyping the plan.
 *
 * Shifting a date by whole years: the same day and month, except that the
 * last day of a month stays the last day of its month (30/06 → 30/06,
 * 29/02/2024 → 28/02/2025, 28/02/2023 → 29/02/2024). In «Thời gian thực
 * hiện», dates written dd/mm/yyyy are shifted that way and other year numbers
 * are shifted only when they are the plan's year or the year after
 * ("Quý II/2024" → "Quý II/2025", "tháng 01/2025" → "tháng 01/2026"), so
 * "Luật năm 2022" in a 2024 plan is left alone; so is the year inside a
 * document number ("Nghị định 98/2023/NĐ-CP"), which is followed by "/" and
 * letters.
 */
import type { Row } from '../contract';
import { isIsoDate, lastDayOfMonth } from '../dates';
import { formatDueList, parseDueList, PLAN_PROGRESS_COLUMNS } from '../plan';

/** An ISO date moved by whole years; see the module comment. */
export function shiftIsoDate(iso: string, years: number): string {
  if (!isIsoDate(iso)) throw new RangeError(`Not an ISO date: ${iso}`);
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const lastNew = lastDayOfMonth(y + years, m);
  if (iso === lastDayOfMonth(y, m)) return lastNew;
  const day = Math.min(d, Number(lastNew.slice(8, 10)));
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A time phrase with its dates and plan years shifted; see the module comment. */
export function shiftScheduleText(text: string, fromYear: number, toYear: number): string {
  const years = toYear - fromYear;
  const shifts = (y: number) => y === fromYear || y === fromYear + 1;
  return text.replace(
    /(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)|(?<!\d)(\d{4})(?!\d|\/\p{L})/gu,
    (all, d?: string, sep?: string, m?: string, y?: string, lone?: string) => {
      if (lone !== undefined) return shifts(Number(lone)) ? String(Number(lone) + years) : all;
      const year = Number(y);
      const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
      if (!shifts(year) || !isIsoDate(iso)) return all;
      const moved = shiftIsoDate(iso, years);
      const day = String(Number(moved.slice(8, 10))).padStart(d!.length, '0');
      return `${day}${sep}${m}${sep}${moved.slice(0, 4)}`;
    },
  );
}

/**
 * The items of `fromYear` as items of `toYear`: year set, «Ngày bắt đầu» and
 * «Các hạn hoàn thành» shifted, «Thời gian thực hiện» shifted (see above),
 * progress emptied (not started, 0 %, next due, days late and last update
 * cleared); every other column copied. Returns only the new rows, to append:
 * an item whose id already exists in `toYear` is not copied again (nor is a
 * second item of `fromYear` with the same id).
 */
export function rollPlanToYear(items: ReadonlyArray<Row>, fromYear: number, toYear: number): Row[] {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear <= 0 || toYear <= 0) {
    throw new RangeError(`Năm không hợp lệ: ${fromYear} → ${toYear}.`);
  }
  const years = toYear - fromYear;
  const idOf = (r: Row) => String(r.id ?? '').trim();
  const present = new Set(items.filter((r) => Number(r.year) === toYear).map(idOf));
  const rows: Row[] = [];
  for (const item of items) {
    if (Number(item.year) !== fromYear) continue;
    const id = idOf(item);
    if (id === '' || present.has(id)) continue;
    present.add(id);
    const row: Row = { ...item, year: toYear };
    for (const col of PLAN_PROGRESS_COLUMNS) row[col] = null;
    row.status = 'not_started';
    row.percent = 0;
    const start = typeof item.start === 'string' ? item.start.slice(0, 10) : '';
    if (isIsoDate(start)) row.start = shiftIsoDate(start, years);
    if (typeof item.due === 'string' && item.due.trim() !== '') {
      const due = parseDueList(item.due);
      row.due = due.length ? formatDueList(due.map((d) => shiftIsoDate(d, years))) : item.due;
    }
    if (typeof item.scheduleText === 'string')
      row.scheduleText = shiftScheduleText(item.scheduleText, fromYear, toYear);
    rows.push(row);
  }
  return rows;
}
