/**
 * The rules of plan tracking as data: how each kind of schedule is judged, the
 * default thresholds, and the Vietnamese labels every tracking surface shows
 * (the plan sheet, reminder e-mails, the "Tổng hợp" sheet, review reports).
 */
import type { ScheduleKind } from '../contract';

/** The council's time zone: "today" and the day of a log entry are taken there. */
export const COUNCIL_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** An item is "due soon" when its next due date is at most this many days away (settings «reminderDays»). */
export const DEFAULT_DUE_SOON_DAYS = 7;

export interface ScheduleRule {
  /** The item's due dates (column «Các hạn hoàn thành») are deadlines to track. */
  readonly tracksDueDates: boolean;
  /** An open due date in the past makes the item late. */
  readonly canBeLate: boolean;
  /** With no due date written, the item is due on 31 December of its year. */
  readonly dueAtYearEndWhenMissing: boolean;
}

/**
 * How each schedule kind is judged.
 * - deadline: each due date must be met; late the day after an open due date.
 * - window ("từ … đến …", "Quý III – Quý IV"): due at the window's end, which
 *   the plan sheet stores as its due date; never late before that end.
 * - ongoing ("thường xuyên"): never late, but "due" at the end of the year, so
 *   it is reminded and reviewed then.
 * - on-demand ("khi cần thiết") and external ("theo kế hoạch của Tỉnh"): no
 *   deadline of our own; done when the latest report says done.
 */
export const SCHEDULE_RULES: Readonly<Record<ScheduleKind, ScheduleRule>> = {
  deadline: { tracksDueDates: true, canBeLate: true, dueAtYearEndWhenMissing: false },
  window: { tracksDueDates: true, canBeLate: true, dueAtYearEndWhenMissing: false },
  ongoing: { tracksDueDates: true, canBeLate: false, dueAtYearEndWhenMissing: true },
  'on-demand': { tracksDueDates: false, canBeLate: false, dueAtYearEndWhenMissing: false },
  external: { tracksDueDates: false, canBeLate: false, dueAtYearEndWhenMissing: false },
};

/** The rule for an item whose schedule kind is empty or unknown: a deadline when it has due dates. */
export const UNKNOWN_SCHEDULE_RULE: ScheduleRule = SCHEDULE_RULES.deadline;

/** Where an item stands against its schedule. */
export type ItemState = 'done' | 'late' | 'due-soon' | 'on-track' | 'no-deadline';

/** The states in the order the dashboard lists them, with their Vietnamese labels. */
export const ITEM_STATES: ReadonlyArray<{ code: ItemState; label: string }> = [
  { code: 'done', label: 'Hoàn thành' },
  { code: 'late', label: 'Trễ hạn' },
  { code: 'due-soon', label: 'Sắp đến hạn' },
  { code: 'on-track', label: 'Trong hạn' },
  { code: 'no-deadline', label: 'Không tính hạn' },
];

export const QUARTER_LABELS = ['Quý I', 'Quý II', 'Quý III', 'Quý IV'] as const;
export type QuarterLabel = (typeof QUARTER_LABELS)[number];

/** The council's name when the caller does not give one (settings «councilName»). */
export const DEFAULT_COUNCIL_NAME = 'Hội đồng Thi đua – Khen thưởng';
