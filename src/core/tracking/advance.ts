/**
 * One new report on an item, applied to the item's stored computed columns
 * (status, percent, next due date, last update) instead of to its whole log.
 *
 * Recording progress must not read a progress log that only grows. The plan
 * row already holds what the log says about the item, in the shape the rules
 * of status.ts need: the number of due dates settled is the position of «Hạn
 * kế tiếp» among the item's due dates (all of them when done), and the
 * progress of the current period is «% hoàn thành» less the settled share.
 * A new report is logged after every other one, so settling it (rule 3) and
 * taking its status and percent (rule 4) needs nothing else, except in the
 * cases where the rules look at earlier reports by their date:
 * - a "done" report settles a due date that is already past, while earlier
 *   reports may be dated after that due date (they count for the next period);
 * - a non-done report reopens a due date and gives no percent of its own, or
 *   is dated before the due date now settled last.
 * In those cases, and when the stored columns do not fit the item's due dates
 * (the plan was edited since they were computed), `advanceItemStatus` returns
 * null and the caller computes the item from its log (computeItemStatus).
 *
 * The stored columns are trusted to be current: tdkt writes them on every
 * report, on setup and every morning (recomputePlan), so a log row typed by
 * hand counts from the next recomputation.
 */
import { codeOf, type ProgressStatus, type Row } from '../contract';
import { daysBetween, isIsoDate } from '../dates';
import { DEFAULT_DUE_SOON_DAYS, SCHEDULE_RULES, UNKNOWN_SCHEDULE_RULE } from './rules';
import { dayOfLogTime, dueDatesOf, percentOf, scheduleKindOf, type ItemStatus, type StatusOptions } from './status';

/** The plan's computed columns of an item, and its state. */
export type ComputedState = Pick<ItemStatus, 'status' | 'percent' | 'nextDue' | 'daysLate' | 'lastUpdate' | 'state'>;

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

function impliedPercent(status: ProgressStatus, percent: number | null): number | null {
  if (percent !== null) return percent;
  if (status === 'done') return 1;
  if (status === 'not_started') return 0;
  return null;
}

/**
 * The item's computed columns after `entry` (a progress-log row logged after
 * every other report on it), from the item's stored columns as of `today`;
 * null when the stored columns do not settle it (see the module comment).
 */
export function advanceItemStatus(
  item: Row,
  entry: Row,
  today: string,
  options: StatusOptions = {},
): ComputedState | null {
  if (!isIsoDate(today)) throw new RangeError(`Ngày không hợp lệ: «${today}» (cần dạng yyyy-mm-dd).`);
  const status = codeOf('progressStatus', text(entry.status)) as ProgressStatus | undefined;
  const loggedAt = text(entry.loggedAt);
  if (!status || loggedAt === '') return null;
  const stated = text(entry.date).slice(0, 10);
  const day = isIsoDate(stated) ? stated : dayOfLogTime(loggedAt, options.timeZone);
  if (day === null || day > today) return null;
  const implied = impliedPercent(status, percentOf(entry.percent));

  const storedStatus = text(item.status) === '' ? null : codeOf('progressStatus', text(item.status));
  const storedPercent = percentOf(item.percent);
  const storedNext = text(item.nextDue).slice(0, 10) || null;
  const storedLast = text(item.lastUpdate);
  const reported = storedLast !== '';
  if (reported && !(Date.parse(storedLast) <= Date.parse(loggedAt))) return null;
  if (!reported && storedStatus !== null && storedStatus !== 'not_started') return null;

  const kind = scheduleKindOf(item);
  const rule = kind ? SCHEDULE_RULES[kind] : UNKNOWN_SCHEDULE_RULE;
  const dues = dueDatesOf(item);
  const n = dues.length;
  const result = (s: ProgressStatus, percent: number, settled: number): ComputedState => {
    const base = { status: s, percent: round(percent), lastUpdate: loggedAt };
    if (n === 0) return { ...base, nextDue: null, daysLate: null, state: s === 'done' ? 'done' : 'no-deadline' };
    if (settled === n) return { ...base, status: 'done', percent: 1, nextDue: null, daysLate: null, state: 'done' };
    const nextDue = dues[settled];
    const daysLeft = daysBetween(today, nextDue);
    if (s === 'paused') return { ...base, nextDue, daysLate: null, state: 'no-deadline' };
    if (daysLeft < 0) {
      return rule.canBeLate
        ? { ...base, nextDue, daysLate: -daysLeft, state: 'late' }
        : { ...base, nextDue, daysLate: null, state: 'on-track' };
    }
    const soon = options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
    return { ...base, nextDue, daysLate: null, state: daysLeft <= soon ? 'due-soon' : 'on-track' };
  };

  // Items without due dates take the latest report's status and percent (the last one known when it has none).
  if (n === 0) {
    if (storedNext !== null) return null;
    if (implied !== null) return result(status, implied, 0);
    if (!reported) return result(status, 0, 0);
    return storedPercent === null ? null : result(status, storedPercent, 0);
  }

  // How many due dates the stored columns say are settled.
  let settled: number;
  if (!reported) {
    if (storedNext !== null && storedNext !== dues[0]) return null;
    settled = 0;
  } else if (storedNext === null) {
    if (storedStatus !== 'done') return null;
    settled = n;
  } else {
    settled = dues.indexOf(storedNext);
    if (settled < 0 || storedStatus === 'done') return null;
  }
  const storedProgressKnown = !reported || storedPercent !== null;
  const keepPercent = reported ? storedPercent : 0;

  const lastSettled = settled > 0 ? dues[settled - 1] : null;
  const open = (s: ProgressStatus, k: number) => {
    // Rule 4: with some due dates settled, an open item is in progress unless paused.
    const shown: ProgressStatus = s === 'done' || (k > 0 && s !== 'paused') ? 'in_progress' : s;
    return shown;
  };

  if (status === 'done') {
    if (settled < n && (lastSettled === null || day > lastSettled)) {
      const k = settled + 1;
      if (k === n) return result('done', 1, k);
      // The new period's progress: reports dated after the due date just settled. None can be when that
      // date is today or later (no report is dated after its day), nor without earlier reports.
      if (reported && dues[k - 1] < today) return null;
      return result(open(status, k), k / n, k);
    }
    if (settled === n) return result('done', 1, n);
    // A repeat report for the period settled last: nothing settles, the current progress stays.
    if (!storedProgressKnown) return null;
    return result(open(status, settled), keepPercent!, settled);
  }

  if (lastSettled !== null && (settled === n || day <= lastSettled)) {
    // A correction: it reopens the due date settled last; the reopened period's progress is this report's.
    const k = settled - 1;
    if (implied === null || (k > 0 && day <= dues[k - 1])) return null;
    return result(open(status, k), (k + implied) / n, k);
  }
  if (implied !== null) return result(open(status, settled), (settled + implied) / n, settled);
  if (!storedProgressKnown) return null;
  return result(open(status, settled), keepPercent!, settled);
}
