/**
 * Where each plan item stands: its status, progress, next due date and lateness,
 * computed from the plan row (its schedule) and the progress log (what units
 * reported), as of a given day. Pure: the caller passes "today" in the
 * council's time zone (Asia/Ho_Chi_Minh).
 *
 * The rules, in order:
 *
 * 1. Reports. The log rows of an item are those with its id (and its year, when
 *    the log row has one), taken in the order they were logged (`loggedAt`).
 *    A report's date is its «Ngày thực hiện» when given, else the day it was
 *    logged in the council's time zone. Reports dated after the evaluation day
 *    are not counted yet; reports with an unknown status are ignored.
 *
 * 2. Due dates (from «Các hạn hoàn thành», see SCHEDULE_RULES): a deadline
 *    item has one or more; a window item is due at its end; an ongoing item is
 *    due on 31 December of its year when no date is written; on-demand and
 *    external items have none.
 *
 * 3. Settling due dates (the multi-due rule). Due dates are settled in order,
 *    one per "done" report:
 *    - a "done" report settles the earliest open due date, unless it is dated
 *      on or before the due date settled last: then it repeats a report for
 *      that period and settles nothing;
 *    - a report of another status (not started, in progress, paused) dated on
 *      or before the due date settled last is a correction: it reopens that
 *      due date. After the last due date there is no next period, so any later
 *      non-done report also reopens it (for a single-due item: "the item is
 *      done when its latest status is done").
 *    So when a due date is settled the item reopens for the next one: a
 *    meeting due "tháng 6 và tháng 12" is half done after the June report,
 *    open again for December, and done after a December report. A late report
 *    (dated after its due date) still settles the earliest open due date.
 *
 * 4. Status and percent. With every due date settled: done, 100 %. Otherwise
 *    the latest report's status, except that an item with some due dates
 *    settled is "in progress" (unless paused). Percent is the share of the
 *    item done: (settled + progress of the current period) / number of due
 *    dates, the progress being the latest percent reported since the last
 *    settled due date. Percent is a fraction 0–1, as the sheet's percent
 *    columns hold it (a value above 1 in the log is read as a percentage).
 *    Items without due dates take the latest report's status and percent.
 *
 * 5. State. done; else paused → no-deadline (a paused item's clock is stopped:
 *    it is never late or reminded); else, with an open due date: late when it
 *    is before today (days late = calendar days from the due date to today;
 *    ongoing items are never late), due-soon when it is today or at most
 *    `dueSoonDays` days ahead, else on-track; without due dates: no-deadline.
 */
import { codeOf, type ProgressStatus, type Row, type ScheduleKind } from '../contract';
import { daysBetween, isIsoDate } from '../dates';
import { parseDueList } from '../plan';
import {
  COUNCIL_TIME_ZONE,
  DEFAULT_DUE_SOON_DAYS,
  SCHEDULE_RULES,
  UNKNOWN_SCHEDULE_RULE,
  type ItemState,
  type ScheduleRule,
} from './rules';

export interface StatusOptions {
  /** Due-soon threshold in days (settings «reminderDays»); default 7. */
  dueSoonDays?: number;
  /** Time zone in which a log time (`loggedAt` with a zone) gives its day; default Asia/Ho_Chi_Minh. */
  timeZone?: string;
}

/** One due date of an item and, when settled, the date of the report that settled it. */
export interface DueState {
  date: string;
  settledOn: string | null;
}

export interface ItemStatus {
  status: ProgressStatus;
  /** Fraction 0–1. */
  percent: number;
  /** The earliest open due date, or null when done or without due dates. */
  nextDue: string | null;
  /** Calendar days since `nextDue` when late, else null. */
  daysLate: number | null;
  /** `loggedAt` of the latest report, or null without reports. */
  lastUpdate: string | null;
  state: ItemState;
  /** Calendar days from today to `nextDue` (negative when past), or null. */
  daysLeft: number | null;
  /** The schedule kind read from the item, or null when empty or unknown. */
  kind: ScheduleKind | null;
  /** Every due date tracked, in order, with its settlement. */
  dues: DueState[];
}

/** A log row read for tracking. */
export interface LogEntry {
  row: Row;
  status: ProgressStatus;
  /** Fraction 0–1, or null when not given. */
  percent: number | null;
  /** «Ngày thực hiện», else the logged day in the council's time zone, else null. */
  date: string | null;
  loggedAt: string | null;
  note: string;
  evidence: string;
}

/** The item's history as of a day: its reports, due dates and their settlements. */
export interface ItemHistory {
  entries: LogEntry[];
  dues: DueState[];
  kind: ScheduleKind | null;
  rule: ScheduleRule;
}

// ---------------------------------------------------------------------------
// Reading cells.

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

/** A percent cell as a fraction 0–1: 0.6, 60 and "60%" all give 0.6. Null when empty or not a number. */
export function percentOf(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  let n: number;
  if (typeof value === 'number') n = value;
  else {
    const t = String(value).trim();
    n = Number(t.replace('%', '').replace(',', '.'));
    if (t.endsWith('%')) n /= 100;
  }
  if (!Number.isFinite(n)) return null;
  if (n > 1) n /= 100;
  return Math.min(1, Math.max(0, n));
}

const ZONED = /(?:Z|[+-]\d{2}:?\d{2})$/i;
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Days of quarter-hours already asked for. Since 1980 every time zone's UTC
 * offset is a whole number of quarter-hours, so the calendar day is the same
 * for every instant of a UTC quarter-hour: a log of 10,000 reports asks Intl
 * once per quarter-hour it covers instead of once per report.
 */
const quarterDays = new Map<string, string>();
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const CACHE_FROM_MS = Date.UTC(1980, 0, 1);
const MAX_CACHED_DAYS = 50_000;

function dayIn(timeZone: string, instant: Date): string {
  const ms = instant.getTime();
  if (ms < CACHE_FROM_MS) return formatDay(timeZone, instant);
  const key = `${timeZone}|${Math.floor(ms / QUARTER_HOUR_MS)}`;
  let day = quarterDays.get(key);
  if (day === undefined) {
    day = formatDay(timeZone, instant);
    if (quarterDays.size >= MAX_CACHED_DAYS) quarterDays.clear();
    quarterDays.set(key, day);
  }
  return day;
}

function formatDay(timeZone: string, instant: Date): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * The calendar day of a log time: "2024-03-10T20:00:00.000Z" is 11/03 in
 * Hồ Chí Minh City; a time without a zone ("2024-03-10 20:00") is already local.
 */
export function dayOfLogTime(value: unknown, timeZone = COUNCIL_TIME_ZONE): string | null {
  const t = text(value);
  if (t === '') return null;
  if (ZONED.test(t) && t.length > 10) {
    const ms = Date.parse(t);
    return Number.isNaN(ms) ? null : dayIn(timeZone, new Date(ms));
  }
  const day = t.slice(0, 10);
  return isIsoDate(day) ? day : (parseDueList(t)[0] ?? null);
}

function instantOf(value: unknown): number {
  const t = text(value);
  if (t === '') return Number.POSITIVE_INFINITY;
  const ms = Date.parse(ZONED.test(t) ? t : t.replace(' ', 'T') + (t.length > 10 ? 'Z' : ''));
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

/** The schedule kind of an item (code or Vietnamese label), or null. */
export function scheduleKindOf(item: Row): ScheduleKind | null {
  const value = text(item.scheduleKind);
  return value === '' ? null : ((codeOf('scheduleKind', value) as ScheduleKind | undefined) ?? null);
}

/** The due dates an item is tracked against, ascending, per its schedule rule. */
export function dueDatesOf(item: Row): string[] {
  const kind = scheduleKindOf(item);
  const rule = kind ? SCHEDULE_RULES[kind] : UNKNOWN_SCHEDULE_RULE;
  if (!rule.tracksDueDates) return [];
  const due = [...new Set(parseDueList(item.due))].sort();
  const year = Number(item.year);
  if (due.length === 0 && rule.dueAtYearEndWhenMissing && Number.isInteger(year) && year > 0) {
    return [`${String(year).padStart(4, '0')}-12-31`];
  }
  return due;
}

/** True when a log row reports on this plan item. */
export function isEntryOf(item: Row, row: Row): boolean {
  if (text(row.itemId) !== text(item.id) || text(item.id) === '') return false;
  const year = text(row.year);
  return year === '' || text(item.year) === '' || Number(year) === Number(item.year);
}

/**
 * The item's reports dated up to `asOf`, in logged order. Undated reports
 * (neither «Ngày thực hiện» nor a log time) are taken as of `asOf`.
 */
export function entriesOf(item: Row, log: ReadonlyArray<Row>, asOf: string, timeZone = COUNCIL_TIME_ZONE): LogEntry[] {
  const found: Array<{ entry: LogEntry; instant: number; index: number }> = [];
  log.forEach((row, index) => {
    if (!isEntryOf(item, row)) return;
    const status = codeOf('progressStatus', text(row.status)) as ProgressStatus | undefined;
    if (!status) return;
    const stated = text(row.date);
    const date = (isIsoDate(stated.slice(0, 10)) ? stated.slice(0, 10) : parseDueList(stated)[0]) ?? null;
    const day = date ?? dayOfLogTime(row.loggedAt, timeZone);
    if (day !== null && day > asOf) return;
    const entry: LogEntry = {
      row,
      status,
      percent: percentOf(row.percent),
      date: day,
      loggedAt: text(row.loggedAt) || null,
      note: text(row.note),
      evidence: text(row.evidence),
    };
    found.push({ entry, instant: instantOf(row.loggedAt), index });
  });
  found.sort((a, b) => a.instant - b.instant || a.index - b.index);
  return found.map((f) => f.entry);
}

/** Settles the due dates with the reports (rule 3 of the module comment). */
export function settle(dueDates: ReadonlyArray<string>, entries: ReadonlyArray<LogEntry>, asOf: string): DueState[] {
  const dues: DueState[] = dueDates.map((date) => ({ date, settledOn: null }));
  let settled = 0;
  for (const e of entries) {
    const day = e.date ?? asOf;
    const lastSettled = settled > 0 ? dues[settled - 1].date : null;
    if (e.status === 'done') {
      if (settled < dues.length && (lastSettled === null || day > lastSettled)) {
        dues[settled].settledOn = day;
        settled++;
      }
    } else if (lastSettled !== null && (settled === dues.length || day <= lastSettled)) {
      settled--;
      dues[settled].settledOn = null;
    }
  }
  return dues;
}

/** An item's reports and settled due dates as of a day. */
export function itemHistory(
  item: Row,
  log: ReadonlyArray<Row>,
  asOf: string,
  options: StatusOptions = {},
): ItemHistory {
  const kind = scheduleKindOf(item);
  const rule = kind ? SCHEDULE_RULES[kind] : UNKNOWN_SCHEDULE_RULE;
  const entries = entriesOf(item, log, asOf, options.timeZone);
  return { entries, dues: settle(dueDatesOf(item), entries, asOf), kind, rule };
}

function impliedPercent(e: LogEntry): number | null {
  if (e.percent !== null) return e.percent;
  if (e.status === 'done') return 1;
  if (e.status === 'not_started') return 0;
  return null;
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

function assertIso(today: string): void {
  if (!isIsoDate(today)) throw new RangeError(`Ngày không hợp lệ: «${today}» (cần dạng yyyy-mm-dd).`);
}

/** Status, percent, next due date and lateness of one item as of `today`. See the module comment. */
export function computeItemStatus(
  item: Row,
  log: ReadonlyArray<Row>,
  today: string,
  options: StatusOptions = {},
): ItemStatus {
  assertIso(today);
  return statusFromHistory(itemHistory(item, log, today, options), today, options);
}

/** The status of an item whose history is already read. */
export function statusFromHistory(history: ItemHistory, today: string, options: StatusOptions = {}): ItemStatus {
  const { entries, dues, kind, rule } = history;
  const dueSoonDays = options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  const latest = entries.length ? entries[entries.length - 1] : null;
  const lastUpdate = latest?.loggedAt ?? null;
  const base = { lastUpdate, kind, dues };

  if (dues.length === 0) {
    const status: ProgressStatus = latest?.status ?? 'not_started';
    const percent = latest ? (impliedPercent(latest) ?? lastKnownPercent(entries, 0)) : 0;
    return {
      ...base,
      status,
      percent: round(percent),
      nextDue: null,
      daysLate: null,
      daysLeft: null,
      state: status === 'done' ? 'done' : 'no-deadline',
    };
  }

  const settled = dues.filter((d) => d.settledOn !== null).length;
  if (settled === dues.length) {
    return { ...base, status: 'done', percent: 1, nextDue: null, daysLate: null, daysLeft: null, state: 'done' };
  }

  const nextDue = dues[settled].date;
  const lastSettled = settled > 0 ? dues[settled - 1].date : null;
  const current = lastSettled === null ? entries : entries.filter((e) => (e.date ?? today) > lastSettled);
  const progress = lastKnownPercent(
    current.filter((e) => e.status !== 'done'),
    0,
  );
  const percent = round((settled + progress) / dues.length);
  let status: ProgressStatus = latest?.status ?? 'not_started';
  if (status !== 'paused' && settled > 0) status = 'in_progress';
  if (status === 'done') status = 'in_progress';

  const daysLeft = daysBetween(today, nextDue);
  let state: ItemState;
  let daysLate: number | null = null;
  if (status === 'paused') state = 'no-deadline';
  else if (daysLeft < 0) {
    if (rule.canBeLate) {
      state = 'late';
      daysLate = -daysLeft;
    } else state = 'on-track';
  } else if (daysLeft <= dueSoonDays) state = 'due-soon';
  else state = 'on-track';

  return { ...base, status, percent, nextDue, daysLate, daysLeft, state };
}

function lastKnownPercent(entries: ReadonlyArray<LogEntry>, fallback: number): number {
  for (let i = entries.length - 1; i >= 0; i--) {
    const p = impliedPercent(entries[i]);
    if (p !== null) return p;
  }
  return fallback;
}

/** The plan's computed columns, filled from the log: status, percent, nextDue, daysLate, lastUpdate. */
export const COMPUTED_PLAN_COLUMNS = ['status', 'percent', 'nextDue', 'daysLate', 'lastUpdate'] as const;

/**
 * The plan rows with their computed columns (status, percent, nextDue,
 * daysLate, lastUpdate) recomputed from the log as of `today`. Every other
 * column is kept. An item without reports is "not started", 0 %.
 */
export function recomputePlan(
  items: ReadonlyArray<Row>,
  log: ReadonlyArray<Row>,
  today: string,
  options: StatusOptions = {},
): Row[] {
  assertIso(today);
  const byId = groupLogById(log);
  return items.map((item) => {
    const s = computeItemStatus(item, byId.get(text(item.id)) ?? [], today, options);
    return {
      ...item,
      status: s.status,
      percent: s.percent,
      nextDue: s.nextDue,
      daysLate: s.daysLate,
      lastUpdate: s.lastUpdate,
    };
  });
}

/** Log rows by item id, in log order: one pass, so recomputing a plan stays linear in the log. */
export function groupLogById(log: ReadonlyArray<Row>): Map<string, Row[]> {
  const byId = new Map<string, Row[]>();
  for (const row of log) {
    const id = text(row.itemId);
    const list = byId.get(id);
    if (list) list.push(row);
    else byId.set(id, [row]);
  }
  return byId;
}
