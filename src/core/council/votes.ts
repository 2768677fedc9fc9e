/**
 * Counting the council's votes on a nomination against the vote rule of the
 * year's rulebook (kind 'vote'): quorum, threshold, and what the threshold is a
 * share of (all members, with absent members' written opinions, or the members
 * present). Integer arithmetic only: 7 of 10 meets 70%, 699 of 1000 does not,
 * 2 of 3 members present meets a 2/3 quorum.
 */
import {
  articleText,
  atLeast,
  awardById,
  ceilShare,
  formatPercent,
  formatShare,
  matchAward,
  rulebookFor,
  type AwardId,
  type RuleMeta,
  type VoteBody,
} from '../awards';

export type VoteRule = RuleMeta & VoteBody;

export interface Ballots {
  /** Votes in favour at the meeting. */
  readonly agree: number;
  /** Votes against at the meeting (abstentions are neither). */
  readonly disagree: number;
  /**
   * Written opinions in favour from absent members (counted only when the rule
   * lets absent members give their opinion in writing).
   */
  readonly absentWritten?: number;
}

export interface VoteInput {
  /** An award id ("cstdcs") or its name as written ("CSTĐ cơ sở"). */
  readonly award: AwardId | string;
  /** Achievement year: chooses the rulebook. */
  readonly year: number;
  readonly membersTotal: number;
  readonly membersPresent: number;
  readonly ballots: Ballots;
  /** A vote rule to use instead of the book's (e.g. the council's own rules for a form with none in the book). */
  readonly rule?: VoteRule;
}

export type VoteBasis = 'all-members' | 'present';

export interface VoteResult {
  readonly award: AwardId;
  readonly year: number;
  readonly passed: boolean;
  readonly quorumMet: boolean;
  /** Votes in favour counted / base (a ratio 0..1). */
  readonly approval: number;
  /** Share of the base needed (from the rule). */
  readonly threshold: number;
  readonly basis: VoteBasis;
  /** Share of members that must be present, or null when the rule sets none. */
  readonly quorum: number | null;
  /** Votes in favour counted (meeting, plus written opinions where they count). */
  readonly agree: number;
  readonly disagree: number;
  /** What approval is a share of: all members or members present. */
  readonly base: number;
  /** Fewest votes in favour that pass. */
  readonly needed: number;
  readonly membersTotal: number;
  readonly membersPresent: number;
  /** The rule's id in the book ("vote.base_titles"). */
  readonly rule: string;
  readonly article: string;
  /** Vietnamese, for the minutes. */
  readonly message: string;
}

function whole(value: number | undefined, label: string): number {
  const n = value ?? 0;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${label} phải là số nguyên không âm (đã nhận: ${value}).`);
  return n;
}

/** The id of an award given as an id or as text. */
export function awardIdOf(award: AwardId | string): AwardId {
  try {
    return awardById(award as AwardId).id;
  } catch {
    const match = matchAward(award);
    if (!match.award) throw new RangeError(`Không xác định được danh hiệu, hình thức “${award}”: ${match.reason}`);
    return match.award.id;
  }
}

/** The vote rule of the year's book for an award, or undefined when the book has none. */
export function voteRuleFor(year: number, award: AwardId): VoteRule | undefined {
  return rulebookFor(year).rules.find((r): r is VoteRule => r.kind === 'vote' && r.awards.includes(award));
}

export function tallyVotes(input: VoteInput): VoteResult {
  const award = awardIdOf(input.award);
  const name = awardById(award).name;
  const rule = input.rule ?? voteRuleFor(input.year, award);
  if (!rule) {
    const book = rulebookFor(input.year);
    throw new RangeError(
      `${book.title} chưa có quy định biểu quyết đối với “${name}”; xin áp dụng quy chế của Hội đồng (truyền quy định biểu quyết vào tham số rule).`,
    );
  }
  const total = whole(input.membersTotal, 'Tổng số thành viên Hội đồng');
  const present = whole(input.membersPresent, 'Số thành viên có mặt');
  const agreeMeeting = whole(input.ballots.agree, 'Số phiếu tán thành');
  const disagree = whole(input.ballots.disagree, 'Số phiếu không tán thành');
  const written = whole(input.ballots.absentWritten, 'Số ý kiến bằng văn bản của thành viên vắng mặt');
  if (total === 0) throw new RangeError('Tổng số thành viên Hội đồng phải lớn hơn 0.');
  if (present > total) {
    throw new RangeError(`Số thành viên có mặt (${present}) không được lớn hơn tổng số thành viên (${total}).`);
  }
  if (agreeMeeting + disagree > present) {
    throw new RangeError(
      `Số phiếu tán thành và không tán thành (${agreeMeeting + disagree}) vượt số thành viên có mặt (${present}).`,
    );
  }
  if (written > total - present) {
    throw new RangeError(`Số ý kiến bằng văn bản (${written}) vượt số thành viên vắng mặt (${total - present}).`);
  }

  const allMembers = rule.base === 'all_members';
  const countsWritten = allMembers && rule.absentInWriting;
  const agree = agreeMeeting + (countsWritten ? written : 0);
  const base = allMembers ? total : present;
  const quorumMet = rule.quorum === null || atLeast(present, total, rule.quorum);
  const thresholdMet = base > 0 && atLeast(agree, base, rule.threshold);
  const passed = quorumMet && thresholdMet;
  const needed = Math.max(1, ceilShare(base, rule.threshold));
  const approval = base === 0 ? 0 : agree / base;
  const basis: VoteBasis = allMembers ? 'all-members' : 'present';

  const baseLabel = allMembers ? 'tổng số thành viên Hội đồng' : 'số thành viên có mặt';
  const parts: string[] = [];
  if (rule.quorum !== null) {
    const minPresent = ceilShare(total, rule.quorum);
    parts.push(
      quorumMet
        ? `Có mặt ${present}/${total} thành viên, đủ ${formatShare(rule.quorum)}.`
        : `Chỉ có ${present}/${total} thành viên dự họp, chưa đủ ${formatShare(rule.quorum)} (cần ít nhất ${minPresent}): Hội đồng chưa đủ điều kiện biểu quyết.`,
    );
  }
  const writtenNote =
    written === 0
      ? ''
      : countsWritten
        ? ` (${agreeMeeting} phiếu tại cuộc họp và ${written} ý kiến bằng văn bản của thành viên vắng mặt)`
        : ` (${written} ý kiến bằng văn bản không được tính theo quy định này)`;
  parts.push(
    `${agree}/${base} ${allMembers ? 'thành viên Hội đồng' : 'thành viên có mặt'} tán thành${writtenNote}, đạt ${formatPercent(approval)}; cần từ ${formatShare(rule.threshold)} ${baseLabel} trở lên (ít nhất ${needed}).`,
  );
  parts.push(`Kết quả: ${passed ? 'đạt' : 'không đạt'}.`);

  return {
    award,
    year: input.year,
    passed,
    quorumMet,
    approval,
    threshold: rule.threshold,
    basis,
    quorum: rule.quorum,
    agree,
    disagree,
    base,
    needed,
    membersTotal: total,
    membersPresent: present,
    rule: rule.id,
    article: articleText(rule.source),
    message: `“${name}” năm ${input.year}: ${parts.join(' ')}`,
  };
}
