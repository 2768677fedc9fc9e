/**
 * Recording a council session from the «Biểu quyết của Hội đồng» dialog: the
 * meeting (date, members present, total members), one set of ballots per
 * nomination, and what follows from them: each nomination's result under the
 * vote rule of its year's rulebook and its new review status. Pure: the
 * dialog shows the results as the secretary types, the server recomputes them
 * before writing the minutes.
 *
 * Forms of commendation (Giấy khen, Bằng khen…) have no vote rule in the
 * books; the council votes on them under its own regulation, for which the
 * books' general practice (`vote.base_titles`: 2/3 of members present, 70% in
 * favour) is used, said so in the minutes.
 */
import { awardById, rulebookFor, type AwardId } from '../awards';
import type { Row } from '../contract';
import { formatViDate } from '../dates';
import { cleanText } from '../text';
import { parseDate } from '../units';
import { awardIdOf, tallyVotes, voteRuleFor, type VoteResult, type VoteRule } from './votes';

export interface SessionBallot {
  /** The nomination (see CouncilNominationView.key). */
  key: string;
  /** null (empty fields) when the council did not vote on it in this session. */
  agree: number | null;
  disagree: number | null;
  /** Written opinions in favour of absent members (counted where the rule says so). */
  absentWritten?: number | null;
}

export interface SessionMeeting {
  /** ISO date of the meeting. */
  date: string;
  membersTotal: number | null;
  membersPresent: number | null;
}

/** The id of the council's own rule, used for awards the book gives no vote rule. */
export const COUNCIL_DEFAULT_VOTE_RULE = 'vote.council_default';

/** The vote rule of an award in its achievement year: the book's, else the council's general practice. */
export function sessionVoteRule(year: number, award: AwardId): VoteRule {
  const own = voteRuleFor(year, award);
  if (own) return own;
  const general = rulebookFor(year).rules.find((r): r is VoteRule => r.kind === 'vote' && r.id === 'vote.base_titles');
  if (!general) throw new RangeError(`Bộ quy định năm ${year} chưa có quy định biểu quyết chung.`);
  return {
    ...general,
    id: COUNCIL_DEFAULT_VOTE_RULE,
    awards: [award],
    description: `“${awardById(award).name}” không có quy định biểu quyết riêng: áp dụng quy chế chung của Hội đồng. ${general.description}`,
  };
}

function whole(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** Problems with the meeting itself, in Vietnamese; empty when it is fine. */
export function validateMeeting(meeting: SessionMeeting, today: string): string[] {
  const errors: string[] = [];
  const date = parseDate(String(meeting.date ?? ''));
  if (!date) errors.push('Vui lòng nhập ngày họp hợp lệ.');
  else if (date > today) errors.push('Ngày họp không được sau ngày hôm nay.');
  if (!whole(meeting.membersTotal) || meeting.membersTotal === 0) {
    errors.push('Tổng số thành viên Hội đồng phải là số nguyên lớn hơn 0.');
  }
  if (!whole(meeting.membersPresent)) errors.push('Số thành viên có mặt phải là số nguyên không âm.');
  else if (whole(meeting.membersTotal) && meeting.membersPresent > meeting.membersTotal) {
    errors.push(
      `Số thành viên có mặt (${meeting.membersPresent}) không được lớn hơn tổng số thành viên (${meeting.membersTotal}).`,
    );
  }
  return errors;
}

/** True when the secretary left both vote fields empty: no vote on it in this session. */
export function isBlankBallot(ballot: SessionBallot | undefined): boolean {
  return !ballot || (ballot.agree === null && ballot.disagree === null && !ballot.absentWritten);
}

export type BallotOutcome =
  { kind: 'blank' } | { kind: 'error'; message: string } | { kind: 'result'; result: VoteResult; rule: VoteRule };

function text(value: unknown): string {
  return value === null || value === undefined ? '' : cleanText(String(value));
}

/** The year a nomination is voted under: its own achievement year, else the session's. */
export function nominationYear(row: Row, fallback: number): number {
  const n = Number(row.year);
  return Number.isInteger(n) && n >= 1900 && n <= 9999 ? n : fallback;
}

/**
 * One nomination's outcome: blank (not voted), an error (Vietnamese, naming the
 * nomination), or its result under the year's vote rule. The meeting must be valid.
 */
export function tallyBallot(meeting: SessionMeeting, row: Row, ballot: SessionBallot | undefined): BallotOutcome {
  if (isBlankBallot(ballot)) return { kind: 'blank' };
  const b = ballot as SessionBallot;
  const who = `“${text(row.name) || '(chưa ghi tên)'}”`;
  let award: AwardId;
  try {
    const subject = text(row.subject);
    award = awardIdOf(text(row.award));
    if (subject === 'collective' && awardById(award).subject === 'individual' && awardById(award).counterpart) {
      award = awardById(award).counterpart as AwardId;
    }
  } catch (err) {
    return { kind: 'error', message: `${who}: ${(err as Error).message}` };
  }
  const year = nominationYear(row, Number(String(meeting.date).slice(0, 4)));
  if (!whole(b.agree) || !whole(b.disagree)) {
    return {
      kind: 'error',
      message: `${who}: số phiếu tán thành và không tán thành phải là số nguyên không âm (để trống cả hai nếu chưa biểu quyết).`,
    };
  }
  if (b.absentWritten !== undefined && b.absentWritten !== null && !whole(b.absentWritten)) {
    return { kind: 'error', message: `${who}: số ý kiến bằng văn bản phải là số nguyên không âm.` };
  }
  const rule = sessionVoteRule(year, award);
  try {
    const result = tallyVotes({
      award,
      year,
      membersTotal: meeting.membersTotal ?? 0,
      membersPresent: meeting.membersPresent ?? 0,
      ballots: { agree: b.agree, disagree: b.disagree, absentWritten: b.absentWritten ?? 0 },
      rule,
    });
    return { kind: 'result', result, rule };
  } catch (err) {
    return { kind: 'error', message: `${who}: ${(err as Error).message}` };
  }
}

/**
 * The review status a result gives: passed or rejected; null (unchanged) when
 * the meeting lacked its quorum, since the council could not vote.
 */
export function statusAfterVote(result: VoteResult): 'passed' | 'rejected' | null {
  if (!result.quorumMet) return null;
  return result.passed ? 'passed' : 'rejected';
}

/** "15/01/2023" for the minutes' title; the text as given when it is not a date. */
export function meetingDateText(date: string): string {
  return formatViDate(parseDate(date) ?? date);
}
