/**
 * The six-month review (sơ kết 6 tháng đầu năm) and the annual review (tổng
 * kết năm) of a plan year: what was done in the period, what is late, what is
 * in progress, not started or paused, with the last note and the evidence
 * links units logged.
 *
 * The period runs from 1 January to 30 June (six-month) or 31 December
 * (annual). Reports count up to the end of the period, or today when the
 * review is written before it ends (`asOf`); reports dated after that day are
 * left out (a report logged in January about December work counts: its «Ngày
 * thực hiện» is in December). Lateness is judged today while the period runs;
 * once it is over, on the day after it: what was due in the period and not
 * done within it is late.
 *
 * Sections:
 * - done: items with a due date settled by a report dated in the period (for
 *   items without due dates: done, last reported in the period);
 * - late, paused: by the item's state and status;
 * - in progress: open, not late, in progress;
 * - not started: the rest;
 * - six-month review only, "tasks for the second half": open items, not late
 *   or paused, whose next due date is after 30 June and that are not started
 *   or were done for an earlier due date in the period (a meeting held in June
 *   and due again in December).
 * Every item is in one section, except that an item done for a due date in
 * the period and still open is listed as done and in its open section; one
 * whose next due date falls after the period (annual review: next year) is
 * listed once, as done.
 */
import { labelOf, type CellValue, type Row } from '../contract';
import { addDays, formatViDate, isIsoDate } from '../dates';
import { responsibleText } from './responsible';
import { DEFAULT_COUNCIL_NAME } from './rules';
import { groupLogById, itemHistory, statusFromHistory, type StatusOptions } from './status';

export type ReviewKind = 'six-month' | 'annual';

export type ReviewSectionKey = 'done' | 'late' | 'inProgress' | 'notStarted' | 'paused' | 'nextHalf';

export interface ReviewOptions extends StatusOptions {
  kind: ReviewKind;
  year: number;
  /** Today's ISO date in the council's time zone. */
  today: string;
  councilName?: string;
}

export interface ReviewRow {
  id: string;
  title: string;
  responsible: string;
  /** Vietnamese label of the item's status. */
  status: string;
  /** Fraction 0–1. */
  percent: number;
  /** The item's due dates, each with the day it was completed when settled: "30/06/2024 (hoàn thành 25/06/2024)". */
  dueDates: string;
  /** The latest non-empty note reported. */
  lastNote: string;
  /** Evidence links reported in the period, each once, in log order. */
  evidence: string[];
}

export interface ReviewSection {
  key: ReviewSectionKey;
  heading: string;
  rows: ReviewRow[];
}

export interface ReviewReport {
  kind: ReviewKind;
  year: number;
  title: string;
  period: { start: string; end: string };
  /** Reports count up to this day: the period's end, or today if earlier. */
  asOf: string;
  sections: ReviewSection[];
}

/** Section headings, in report order (nextHalf only in the six-month review). */
export const REVIEW_SECTIONS: ReadonlyArray<{ key: ReviewSectionKey; heading: string; kinds: ReviewKind[] }> = [
  { key: 'done', heading: 'I. Các nội dung đã hoàn thành', kinds: ['six-month', 'annual'] },
  { key: 'late', heading: 'II. Các nội dung chậm tiến độ, quá hạn', kinds: ['six-month', 'annual'] },
  { key: 'inProgress', heading: 'III. Các nội dung đang thực hiện', kinds: ['six-month', 'annual'] },
  { key: 'notStarted', heading: 'IV. Các nội dung chưa triển khai', kinds: ['six-month', 'annual'] },
  { key: 'paused', heading: 'V. Các nội dung tạm dừng', kinds: ['six-month', 'annual'] },
  { key: 'nextHalf', heading: 'VI. Nhiệm vụ trọng tâm 6 tháng cuối năm', kinds: ['six-month'] },
];

export function reviewTitle(kind: ReviewKind, year: number, councilName = DEFAULT_COUNCIL_NAME): string {
  return kind === 'six-month'
    ? `Báo cáo sơ kết 6 tháng đầu năm ${year} thực hiện kế hoạch hoạt động của ${councilName}`
    : `Báo cáo tổng kết năm ${year} thực hiện kế hoạch hoạt động của ${councilName}`;
}

export function reviewPeriod(kind: ReviewKind, year: number): { start: string; end: string } {
  const y = String(year).padStart(4, '0');
  return { start: `${y}-01-01`, end: kind === 'six-month' ? `${y}-06-30` : `${y}-12-31` };
}

/** The review of a plan year. See the module comment. */
export function reviewReport(items: ReadonlyArray<Row>, log: ReadonlyArray<Row>, options: ReviewOptions): ReviewReport {
  const { kind, year, today } = options;
  if (!isIsoDate(today)) throw new RangeError(`Ngày không hợp lệ: «${today}» (cần dạng yyyy-mm-dd).`);
  if (!Number.isInteger(year) || year <= 0) throw new RangeError(`Năm không hợp lệ: «${year}».`);
  const period = reviewPeriod(kind, year);
  const asOf = today < period.end ? today : period.end;
  const judgedOn = today <= period.end ? today : addDays(period.end, 1);
  const inPeriod = (day: string | null) => {
    const d = day ?? asOf;
    return d >= period.start && d <= asOf;
  };
  const byId = groupLogById(log);
  const rows = new Map<ReviewSectionKey, ReviewRow[]>(REVIEW_SECTIONS.map((s) => [s.key, []]));

  for (const item of items) {
    if (Number(item.year) !== year) continue;
    const history = itemHistory(item, byId.get(String(item.id ?? '').trim()) ?? [], asOf, options);
    const s = statusFromHistory(history, judgedOn, options);
    const entries = history.entries;
    const notes = entries.filter((e) => e.note !== '');
    const evidence = [...new Set(entries.filter((e) => inPeriod(e.date) && e.evidence !== '').map((e) => e.evidence))];
    const row: ReviewRow = {
      id: String(item.id ?? '').trim(),
      title: String(item.title ?? '').trim(),
      responsible: responsibleText(item),
      status: labelOf('progressStatus', s.status),
      percent: s.percent,
      dueDates: s.dues
        .map((d) => formatViDate(d.date) + (d.settledOn ? ` (hoàn thành ${formatViDate(d.settledOn)})` : ''))
        .join('; '),
      lastNote: notes.length ? notes[notes.length - 1].note : '',
      evidence,
    };

    const latestDone = [...entries].reverse().find((e) => e.status === 'done');
    const doneInPeriod =
      s.dues.length > 0
        ? s.dues.some((d) => d.settledOn !== null && inPeriod(d.settledOn))
        : s.state === 'done' && latestDone !== undefined && inPeriod(latestDone.date);
    if (doneInPeriod) rows.get('done')!.push(row);
    if (s.state === 'done') continue;

    const dueLater = s.nextDue !== null && s.nextDue > period.end;
    let section: ReviewSectionKey;
    if (s.status === 'paused') section = 'paused';
    else if (s.state === 'late') section = 'late';
    else if (kind === 'six-month' && dueLater && (s.status !== 'in_progress' || doneInPeriod)) section = 'nextHalf';
    else if (doneInPeriod && dueLater)
      continue; // done for this year, due again next year: listed once, as done
    else if (s.status === 'in_progress') section = 'inProgress';
    else section = 'notStarted';
    rows.get(section)!.push(row);
  }

  const councilName = options.councilName?.trim() || DEFAULT_COUNCIL_NAME;
  return {
    kind,
    year,
    title: reviewTitle(kind, year, councilName),
    period,
    asOf,
    sections: REVIEW_SECTIONS.filter((s) => s.kinds.includes(kind)).map((s) => ({
      key: s.key,
      heading: s.heading,
      rows: rows.get(s.key)!,
    })),
  };
}

export const REVIEW_HEADER: ReadonlyArray<string> = [
  'STT',
  'Mã',
  'Nội dung công việc',
  'Đơn vị chịu trách nhiệm',
  'Trạng thái',
  '% hoàn thành',
  'Thời hạn',
  'Ghi chú gần nhất',
  'Minh chứng',
];

/**
 * The report as sheet values for one setValues: the title, the period, then
 * per section its heading, the header row and its rows (or a line saying it
 * has none), a blank row between sections; every row padded to the same width.
 */
export function reviewValues(report: ReviewReport): CellValue[][] {
  const width = REVIEW_HEADER.length;
  const lines: CellValue[][] = [
    [report.title],
    [
      `Thời gian: từ ngày ${formatViDate(report.period.start)} đến ngày ${formatViDate(report.period.end)}` +
        ` (số liệu tính đến ngày ${formatViDate(report.asOf)})`,
    ],
  ];
  for (const section of report.sections) {
    lines.push([], [section.heading], [...REVIEW_HEADER]);
    if (section.rows.length === 0) lines.push(['', '', 'Không có nội dung nào.']);
    section.rows.forEach((r, i) =>
      lines.push([
        i + 1,
        r.id,
        r.title,
        r.responsible,
        r.status,
        r.percent,
        r.dueDates,
        r.lastNote,
        r.evidence.join('\n'),
      ]),
    );
  }
  return lines.map((l) => [...l, ...Array<CellValue>(width - l.length).fill('')]);
}
