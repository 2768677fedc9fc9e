/**
 * «Chuyển kế hoạch sang năm mới…»: the items of the latest plan year before
 * the target year are copied to the target year (core/tracking
 * rollPlanToYear: dates shifted by whole years, progress emptied) and
 * appended in one write. Items already in the target year are not copied
 * again, so running it twice adds nothing the second time.
 */
import { todayIn } from '../core/dates';
import { recomputePlan, rollPlanToYear } from '../core/tracking';
import { UserFacingError } from './errors';
import { councilSettings, referenceData } from './reference';
import type { SheetStore } from './sheet-store';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** The plan's years with items, ascending. */
export function planYears(store: SheetStore): number[] {
  const years = store
    .read('plan')
    .rows.map((r) => Number(r.row.year))
    .filter((y) => Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR);
  return [...new Set(years)].sort((a, b) => a - b);
}

/** A year typed by the user, or the default when left empty; a Vietnamese error otherwise. */
export function parseYear(text: string, fallback: number): number {
  const t = text.trim();
  if (t === '') return fallback;
  if (!/^\d{4}$/.test(t) || Number(t) < MIN_YEAR || Number(t) > MAX_YEAR) {
    throw new UserFacingError(
      `«${t}» không phải là một năm hợp lệ. Vui lòng nhập năm gồm 4 chữ số, ví dụ ${fallback}.`,
    );
  }
  return Number(t);
}

export interface RolloverResult {
  fromYear: number;
  toYear: number;
  added: number;
}

/** Copies the latest year before `toYear` into `toYear`. The caller holds the document lock. */
export function rollOverPlan(store: SheetStore, toYear: number): RolloverResult {
  const plan = store.read('plan');
  store.requireColumns(plan, ['year', 'id']);
  const items = plan.rows.map((r) => r.row);
  const earlier = items.map((r) => Number(r.year)).filter((y) => Number.isInteger(y) && y < toYear);
  if (earlier.length === 0) {
    throw new UserFacingError(
      `Kế hoạch chưa có nội dung công việc của năm nào trước năm ${toYear} để chuyển sang. Vui lòng nạp kế hoạch trước.`,
    );
  }
  const fromYear = Math.max(...earlier);
  const copies = rollPlanToYear(items, fromYear, toYear);
  const settings = councilSettings(referenceData(store).settings);
  // The copies' computed columns (next due date above all) as of today, with no report yet.
  const rows = recomputePlan(copies, [], todayIn(store.timeZone), {
    dueSoonDays: settings.reminderDays,
    timeZone: store.timeZone,
  });
  store.appendRows(plan, rows);
  return { fromYear, toYear, added: rows.length };
}
