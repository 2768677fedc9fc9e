/**
 * The "Tổng hợp" sheet: counts of a year's plan items by status, by state
 * (done, late, due soon…), by quarter and by responsible unit, as of a day;
 * and the 2-D block that writes it in one setValues, with where each table
 * sits so the caller can build charts on those ranges.
 *
 * Quarters count due dates, not items: an item due "tháng 6 và tháng 12"
 * counts once in Quý II and once in Quý IV. A due date is done when settled
 * (see status.ts) and late when open, in the past, and its item can be late and
 * is not paused. Due dates outside the plan's year count in its nearest
 * quarter (a decision due 15/01 of the next year closes the year's Quý IV).
 * Units count items (an item with several units counts for each); items whose
 * unit cannot be read are counted under UNASSIGNED_UNIT.
 *
 * Two ways to the same counts: `dashboard` judges each item from the progress
 * log; `dashboardFromPlan` reads what the log says from the plan's computed
 * columns (status, «Hạn kế tiếp»), which tdkt keeps current on every report,
 * on setup, on loading the plan and every morning, so the log, which only
 * grows, need not be read. Due dates are settled in order (status.ts, rule
 * 3), so the due dates before «Hạn kế tiếp» are the settled ones (all of
 * them when done), and the state (late, due soon…) is judged as of today
 * from «Hạn kế tiếp». Both give the same dashboard while the columns are current;
 * when an item's columns do not fit its due dates (the plan was edited by
 * hand since), `dashboardFromPlan` returns null and the caller recomputes.
 */
import { columnLetter } from '../a1';
import { PROGRESS_STATUS, codeOf, type CellValue, type ProgressStatus, type Row } from '../contract';
import { daysBetween, formatViDate, isIsoDate } from '../dates';
import { UnitRegistry } from '../units';
import { resolveResponsible, responsibleText } from './responsible';
import {
  DEFAULT_COUNCIL_NAME,
  DEFAULT_DUE_SOON_DAYS,
  ITEM_STATES,
  QUARTER_LABELS,
  SCHEDULE_RULES,
  UNKNOWN_SCHEDULE_RULE,
  type ItemState,
  type QuarterLabel,
} from './rules';
import { dueDatesOf, groupLogById, itemHistory, scheduleKindOf, statusFromHistory, type StatusOptions } from './status';

/** The row for items no unit of the registry answers for. */
export const UNASSIGNED_UNIT = 'Chưa xác định đơn vị';

export interface DashboardOptions extends StatusOptions {
  /** The plan year to sum up; default: today's year when the plan has items of it, else the latest year. */
  year?: number;
  officeUnit?: string | null;
  councilName?: string;
}

export interface Dashboard {
  year: number;
  title: string;
  asOf: string;
  byStatus: Array<{ label: string; count: number }>;
  byState: Array<{ label: string; count: number }>;
  byQuarter: Array<{ quarter: QuarterLabel; total: number; done: number; late: number }>;
  byUnit: Array<{ unit: string; total: number; done: number; late: number; dueSoon: number }>;
  totals: {
    items: number;
    done: number;
    late: number;
    dueSoon: number;
    onTrack: number;
    noDeadline: number;
    paused: number;
    /** Fraction 0–1 of the items done (0 without items). */
    doneRate: number;
  };
}

function yearOfPlan(items: ReadonlyArray<Row>, today: string, wanted?: number): number {
  if (wanted !== undefined) return wanted;
  const years = items.map((i) => Number(i.year)).filter((y) => Number.isInteger(y) && y > 0);
  const thisYear = Number(today.slice(0, 4));
  if (years.includes(thisYear) || years.length === 0) return thisYear;
  return Math.max(...years);
}

function quarterOf(iso: string, year: number): number {
  const y = Number(iso.slice(0, 4));
  if (y < year) return 0;
  if (y > year) return 3;
  return Math.floor((Number(iso.slice(5, 7)) - 1) / 3);
}

/** What the dashboard counts of one item. */
interface ItemStanding {
  status: ProgressStatus;
  state: ItemState;
  /** The item's due dates in order, and whether each is settled. */
  dues: ReadonlyArray<{ date: string; settled: boolean }>;
  canBeLate: boolean;
}

/** The dashboard of a plan year as of `today`, each item judged from its reports in the log. */
export function dashboard(
  items: ReadonlyArray<Row>,
  log: ReadonlyArray<Row>,
  units: ReadonlyArray<Row>,
  today: string,
  options: DashboardOptions = {},
): Dashboard {
  if (!isIsoDate(today)) throw new RangeError(`Ngày không hợp lệ: «${today}» (cần dạng yyyy-mm-dd).`);
  const byId = groupLogById(log);
  const year = yearOfPlan(items, today, options.year);
  const standings = items
    .filter((i) => Number(i.year) === year)
    .map((item): [Row, ItemStanding] => {
      const history = itemHistory(item, byId.get(String(item.id ?? '').trim()) ?? [], today, options);
      const s = statusFromHistory(history, today, options);
      return [
        item,
        {
          status: s.status,
          state: s.state,
          dues: s.dues.map((d) => ({ date: d.date, settled: d.settledOn !== null })),
          canBeLate: history.rule.canBeLate,
        },
      ];
    });
  return countDashboard(standings, year, units, today, options);
}

/**
 * The same dashboard from the plan's computed columns, without the log (see
 * the module comment); null when some item of the year has columns that do
 * not fit its due dates, or none: then the caller recomputes from the log.
 */
export function dashboardFromPlan(
  items: ReadonlyArray<Row>,
  units: ReadonlyArray<Row>,
  today: string,
  options: DashboardOptions = {},
): Dashboard | null {
  if (!isIsoDate(today)) throw new RangeError(`Ngày không hợp lệ: «${today}» (cần dạng yyyy-mm-dd).`);
  const year = yearOfPlan(items, today, options.year);
  const standings: Array<[Row, ItemStanding]> = [];
  for (const item of items) {
    if (Number(item.year) !== year) continue;
    const standing = storedStanding(item, today, options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS);
    if (!standing) return null;
    standings.push([item, standing]);
  }
  return countDashboard(standings, year, units, today, options);
}

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

/**
 * An item's standing from its stored status and «Hạn kế tiếp», or null when
 * they are empty or do not fit its due dates (as in advance.ts): «Hạn kế
 * tiếp» is one of them, or empty with the status done; with some due dates
 * settled the status is in progress or paused (status.ts, rule 4).
 */
function storedStanding(item: Row, today: string, dueSoonDays: number): ItemStanding | null {
  const status = text(item.status) === '' ? undefined : (codeOf('progressStatus', text(item.status)) as ProgressStatus);
  if (!status) return null;
  const next = text(item.nextDue).slice(0, 10) || null;
  const kind = scheduleKindOf(item);
  const rule = kind ? SCHEDULE_RULES[kind] : UNKNOWN_SCHEDULE_RULE;
  const dueDates = dueDatesOf(item);
  const standing = (state: ItemState, settled: number): ItemStanding => ({
    status,
    state,
    dues: dueDates.map((date, i) => ({ date, settled: i < settled })),
    canBeLate: rule.canBeLate,
  });
  if (dueDates.length === 0) {
    if (next !== null) return null;
    return standing(status === 'done' ? 'done' : 'no-deadline', 0);
  }
  if (next === null) return status === 'done' ? standing('done', dueDates.length) : null;
  const settled = dueDates.indexOf(next);
  if (settled < 0 || status === 'done' || (settled > 0 && status !== 'in_progress' && status !== 'paused')) {
    return null;
  }
  if (status === 'paused') return standing('no-deadline', settled);
  const daysLeft = daysBetween(today, next);
  if (daysLeft < 0) return standing(rule.canBeLate ? 'late' : 'on-track', settled);
  return standing(daysLeft <= dueSoonDays ? 'due-soon' : 'on-track', settled);
}

/** Counts the items' standings into the dashboard. */
function countDashboard(
  standings: ReadonlyArray<[Row, ItemStanding]>,
  year: number,
  units: ReadonlyArray<Row>,
  today: string,
  options: DashboardOptions,
): Dashboard {
  const registry = UnitRegistry.fromRows(units);
  const statusCount = new Map<string, number>(PROGRESS_STATUS.map((s) => [s.code, 0]));
  const stateCount = new Map<ItemState, number>(ITEM_STATES.map((s) => [s.code, 0]));
  const quarters = QUARTER_LABELS.map((quarter) => ({ quarter, total: 0, done: 0, late: 0 }));
  const perUnit = new Map<string, { unit: string; total: number; done: number; late: number; dueSoon: number }>();
  const unitRow = (unit: string) => {
    let row = perUnit.get(unit);
    if (!row) perUnit.set(unit, (row = { unit, total: 0, done: 0, late: 0, dueSoon: 0 }));
    return row;
  };

  for (const [item, s] of standings) {
    statusCount.set(s.status, (statusCount.get(s.status) ?? 0) + 1);
    stateCount.set(s.state, (stateCount.get(s.state) ?? 0) + 1);

    for (const due of s.dues) {
      const q = quarters[quarterOf(due.date, year)];
      q.total++;
      if (due.settled) q.done++;
      else if (due.date < today && s.canBeLate && s.status !== 'paused') q.late++;
    }

    const { units: names } = resolveResponsible(responsibleText(item), registry, {
      officeUnit: options.officeUnit,
      year,
    });
    for (const name of names.length ? names : [UNASSIGNED_UNIT]) {
      const row = unitRow(name);
      row.total++;
      if (s.state === 'done') row.done++;
      if (s.state === 'late') row.late++;
      if (s.state === 'due-soon') row.dueSoon++;
    }
  }

  const byUnit = [...registry.all().map((u) => u.name), UNASSIGNED_UNIT]
    .map((name) => perUnit.get(name))
    .filter((r): r is NonNullable<typeof r> => r !== undefined);
  const count = (state: ItemState) => stateCount.get(state) ?? 0;
  const councilName = options.councilName?.trim() || DEFAULT_COUNCIL_NAME;
  return {
    year,
    title: `Tổng hợp tình hình thực hiện kế hoạch năm ${year} của ${councilName}`,
    asOf: today,
    byStatus: PROGRESS_STATUS.map((s) => ({ label: s.label, count: statusCount.get(s.code) ?? 0 })),
    byState: ITEM_STATES.map((s) => ({ label: s.label, count: count(s.code) })),
    byQuarter: quarters,
    byUnit,
    totals: {
      items: standings.length,
      done: count('done'),
      late: count('late'),
      dueSoon: count('due-soon'),
      onTrack: count('on-track'),
      noDeadline: count('no-deadline'),
      paused: statusCount.get('paused') ?? 0,
      doneRate: standings.length ? Math.round((count('done') / standings.length) * 10_000) / 10_000 : 0,
    },
  };
}

// ---------------------------------------------------------------------------
// The sheet block.

/** Where a table sits in the block (1-based, header row included), for getRange and charts. */
export interface TablePlace {
  title: string;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** The same range in A1 notation ("A5:B9"). */
  a1: string;
}

export interface SheetBlock {
  /** Every row has the same length: one setValues on A1. */
  values: CellValue[][];
  tables: Record<string, TablePlace>;
}

/**
 * Builds a block of titled tables, one under the other with a blank row
 * between: title lines first, then for each table its title row, header row
 * and rows. Every row is padded to the widest one.
 */
export function buildBlock(
  heading: ReadonlyArray<string>,
  tables: ReadonlyArray<{ key: string; title: string; header: CellValue[]; rows: CellValue[][] }>,
): SheetBlock {
  const lines: CellValue[][] = heading.map((h) => [h]);
  const places: Record<string, TablePlace> = {};
  for (const t of tables) {
    lines.push([]);
    lines.push([t.title]);
    const row = lines.length + 1;
    lines.push(t.header, ...t.rows);
    const numRows = t.rows.length + 1;
    const numColumns = t.header.length;
    places[t.key] = {
      title: t.title,
      row,
      column: 1,
      numRows,
      numColumns,
      a1: `A${row}:${columnLetter(numColumns)}${row + numRows - 1}`,
    };
  }
  const width = Math.max(1, ...lines.map((l) => l.length));
  return { values: lines.map((l) => [...l, ...Array<CellValue>(width - l.length).fill('')]), tables: places };
}

/** The "Tổng hợp" sheet's values and where each table sits (keys: totals, byStatus, byState, byQuarter, byUnit). */
export function dashboardValues(d: Dashboard): SheetBlock {
  const t = d.totals;
  return buildBlock(
    [d.title, `Số liệu tính đến ngày ${formatViDate(d.asOf)}`],
    [
      {
        key: 'totals',
        title: '1. Tổng quát',
        header: ['Chỉ tiêu', 'Số lượng'],
        rows: [
          ['Tổng số nội dung công việc', t.items],
          ['Đã hoàn thành', t.done],
          ['Trễ hạn', t.late],
          ['Sắp đến hạn', t.dueSoon],
          ['Trong hạn', t.onTrack],
          ['Không tính hạn (khi cần thiết, theo kế hoạch cấp trên, tạm dừng)', t.noDeadline],
          ['Tỷ lệ hoàn thành', t.doneRate],
        ],
      },
      {
        key: 'byStatus',
        title: '2. Theo trạng thái',
        header: ['Trạng thái', 'Số việc'],
        rows: d.byStatus.map((s) => [s.label, s.count]),
      },
      {
        key: 'byState',
        title: '3. Theo thời hạn',
        header: ['Tình hình', 'Số việc'],
        rows: d.byState.map((s) => [s.label, s.count]),
      },
      {
        key: 'byQuarter',
        title: '4. Theo quý (số lượt đến hạn)',
        header: ['Quý', 'Tổng số', 'Hoàn thành', 'Trễ hạn'],
        rows: d.byQuarter.map((q) => [q.quarter, q.total, q.done, q.late]),
      },
      {
        key: 'byUnit',
        title: '5. Theo đơn vị chịu trách nhiệm',
        header: ['Đơn vị', 'Tổng số', 'Hoàn thành', 'Trễ hạn', 'Sắp đến hạn'],
        rows: d.byUnit.map((u) => [u.unit, u.total, u.done, u.late, u.dueSoon]),
      },
    ],
  );
}
