/**
 * The council session: tallying the votes on a list of nominations and the
 * table of the minutes (biên bản họp Hội đồng).
 */
import { formatPercent, matchAward } from '../awards';
import type { CellValue, Row } from '../contract';
import { cleanText } from '../text';
import { tallyVotes, type Ballots, type VoteResult, type VoteRule } from './votes';

export interface CouncilSession {
  /** Achievement year of the nominations (a nomination's own year wins). */
  readonly year: number;
  /** ISO date of the meeting, if known. */
  readonly date?: string;
  readonly membersTotal: number;
  readonly membersPresent: number;
}

export const MINUTES_HEADER: ReadonlyArray<string> = [
  'STT',
  'Họ tên',
  'Đơn vị',
  'Danh hiệu',
  'Tán thành',
  'Không tán thành',
  'Tỷ lệ',
  'Kết quả',
];

function text(value: unknown): string {
  return value === null || value === undefined ? '' : cleanText(String(value));
}

function yearOf(row: Row, session: CouncilSession): number {
  const n = Number(row.year);
  return Number.isInteger(n) && n > 1900 ? n : session.year;
}

/** Tallies the ballots of each nomination (ballots[i] for nominations[i]). */
export function tallySession(
  session: CouncilSession,
  nominations: ReadonlyArray<Row>,
  ballots: ReadonlyArray<Ballots>,
  options: { rule?: VoteRule } = {},
): VoteResult[] {
  if (ballots.length !== nominations.length) {
    throw new RangeError(`Có ${nominations.length} đề nghị nhưng ${ballots.length} kết quả bỏ phiếu.`);
  }
  return nominations.map((row, i) =>
    tallyVotes({
      award: text(row.award),
      year: yearOf(row, session),
      membersTotal: session.membersTotal,
      membersPresent: session.membersPresent,
      ballots: ballots[i],
      rule: options.rule,
    }),
  );
}

/** What the "Kết quả" column says. */
export function resultLabel(result: VoteResult | undefined): string {
  if (!result) return 'Chưa biểu quyết';
  if (result.passed) return 'Đạt';
  return result.quorumMet ? 'Không đạt' : 'Không đủ số thành viên dự họp';
}

/**
 * The minutes table: a header row (MINUTES_HEADER) and one row per nomination,
 * with results[i] for nominations[i] (a missing result reads "Chưa biểu
 * quyết"). Results must come from this session's member counts.
 */
export function minutesTable(
  session: CouncilSession,
  nominations: ReadonlyArray<Row>,
  results: ReadonlyArray<VoteResult | undefined>,
): CellValue[][] {
  results.forEach((r, i) => {
    if (r && (r.membersTotal !== session.membersTotal || r.membersPresent !== session.membersPresent)) {
      throw new RangeError(
        `Kết quả biểu quyết dòng ${i + 1} có số thành viên (${r.membersPresent}/${r.membersTotal}) khác với phiên họp (${session.membersPresent}/${session.membersTotal}).`,
      );
    }
  });
  const rows: CellValue[][] = [[...MINUTES_HEADER]];
  nominations.forEach((row, i) => {
    const result = results[i];
    const written = text(row.award);
    const subject = text(row.subject);
    const award =
      matchAward(written, { subject: subject === 'individual' || subject === 'collective' ? subject : undefined }).award
        ?.name ?? written;
    rows.push([
      i + 1,
      text(row.name),
      text(row.unit),
      award,
      result ? result.agree : '',
      result ? result.disagree : '',
      result ? formatPercent(result.approval) : '',
      resultLabel(result),
    ]);
  });
  return rows;
}
