/**
 * Evaluating one condition of a rulebook (prerequisite, task_rating,
 * initiative, consecutive, judgement, member_share, member_count,
 * no_discipline) for one nomination, from the records. The outcome says what
 * the data shows:
 *
 * - pass: the data shows the condition is met;
 * - fail: the data shows it is not (`missing` says what, `fix` what to do):
 *   records that would hold the fact if it were true do not (the award
 *   history of a person it holds, the unit's decision of the year, a filled
 *   "Sáng kiến" column);
 * - unknown: only a paper can show it (`need` names the paper): the lists
 *   units send leave the fact out (a CSTĐCS list without the LĐTT line, a
 *   list without a "Sáng kiến" column, a person without award history);
 * - certified: the nominating unit's own review certifies it (the annual task
 *   rating, no disciplined member, every member completing their tasks): the
 *   nomination list is the result of that review, so the check passes it and
 *   the council reads the unit's report.
 */
import type { UnitRegistry } from '../../units';
import type { Condition, Rulebook } from '../rulebooks';
import type { AwardId } from '../types';
import { formatShare } from './fraction';
import { count2, listText, quoted, RATING_LABEL, SCOPE_LABEL } from './messages';
import { text, unitInYearKey, type CheckRecord, type Holdings } from './records';

export type Outcome =
  | { readonly status: 'pass' }
  | { readonly status: 'certified' }
  | { readonly status: 'fail'; readonly missing: string; readonly fix: string }
  | { readonly status: 'unknown'; readonly need: string };

export interface ConditionContext {
  readonly rec: CheckRecord;
  /** The achievement year of the nomination. */
  readonly year: number;
  readonly book: Rulebook;
  readonly holdings: Holdings;
  readonly registry: UnitRegistry;
  /**
   * Whether the nomination's list has a "Sáng kiến" column: some row of the
   * same source file (or, for rows entered by hand, some other such row)
   * names an initiative. Without it an empty cell says nothing.
   */
  readonly initiativeColumn: boolean;
}

const PASS: Outcome = { status: 'pass' };
const CERTIFIED: Outcome = { status: 'certified' };

export function evaluate(cond: Condition, ctx: ConditionContext): Outcome {
  switch (cond.kind) {
    case 'prerequisite':
      return prerequisite(cond.requires, ctx);
    case 'consecutive':
      return cond.basis === 'years'
        ? consecutiveYears(cond.requires, cond.count, ctx)
        : consecutiveAwards(cond.requires, cond.count, ctx);
    case 'task_rating':
      if (cond.years <= 1) return CERTIFIED;
      return {
        status: 'unknown',
        need: `kết quả đánh giá, xếp loại “${RATING_LABEL[cond.min]}” ${count2(cond.years)} năm liên tục (${ctx.year - cond.years + 1}–${ctx.year})`,
      };
    case 'initiative':
      return initiative(cond.count, cond.scope, cond.accepts.includes('research'), ctx);
    case 'judgement':
      return { status: 'unknown', need: `hồ sơ thành tích cho thấy ${lowerFirst(cond.criterion)}` };
    case 'member_share':
      if (cond.measure === 'task_completed') return CERTIFIED;
      return memberShare(cond.award as AwardId, cond.minShare, cond.strict === true, ctx);
    case 'member_count':
      return memberCount(cond.award, cond.min, ctx);
    case 'no_discipline':
      return CERTIFIED;
  }
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1).replace(/\.$/, '');
}

/**
 * The required award the same year: held (standing nomination or decision)
 * passes; a rejected nomination for it, or the unit's decision of that year on
 * file without the person, fails; otherwise the decision is a paper to attach.
 */
function prerequisite(requires: AwardId, ctx: ConditionContext): Outcome {
  const { rec, year, holdings } = ctx;
  if (holdings.held(rec.person, requires, year).length) return PASS;
  if (holdings.refused(rec.person, requires, year).length) {
    return {
      status: 'fail',
      missing: `đề nghị ${quoted(requires)} năm ${year} của người này đã được xét “Không đạt”`,
      fix: `Nếu kết quả xét đã thay đổi, đề nghị cập nhật trạng thái xét; nếu không, người này chưa đủ điều kiện đề nghị.`,
    };
  }
  const decided = holdings.decidedOf(rec.unitInYear, rec.subject, requires, year).size;
  if (decided > 0) {
    return {
      status: 'fail',
      missing: `không có tên trong quyết định công nhận ${quoted(requires)} năm ${year} của đơn vị (lịch sử khen thưởng ghi ${decided} người được công nhận)`,
      fix: `Đề nghị đơn vị gửi kèm quyết định công nhận ${quoted(requires)} năm ${year} có tên người này (nếu có); nếu không có thì chưa đủ điều kiện đề nghị.`,
    };
  }
  return {
    status: 'unknown',
    need: `quyết định công nhận danh hiệu ${quoted(requires)} năm ${year} có tên người này, hoặc bổ sung người này vào danh sách đề nghị ${quoted(requires)} (các danh sách hiện có chưa ghi danh hiệu này của người này)`,
  };
}

function heldText(years: number[], award: AwardId): string {
  if (years.length === 0) return `chưa có năm nào đạt ${quoted(award)}`;
  return `mới có ${quoted(award)} ${years.length === 1 ? 'năm' : 'các năm'} ${listText(years)}`;
}

function consecutiveYears(requires: AwardId, count: number, ctx: ConditionContext): Outcome {
  const first = ctx.year - count + 1;
  const held = new Set(ctx.holdings.years(ctx.rec.person, requires));
  const needed = Array.from({ length: count }, (_, i) => first + i);
  const missing = needed.filter((y) => !held.has(y));
  if (missing.length === 0) return PASS;
  if (!ctx.holdings.hasHistory(ctx.rec.person)) return noHistory(requires, missing);
  const window = [...held].filter((y) => y >= first && y <= ctx.year).sort((a, b) => a - b);
  return {
    status: 'fail',
    missing: `chưa đủ ${count2(count)} năm liên tục đạt ${quoted(requires)} (${first}–${ctx.year}): ${heldText(window, requires)}, còn thiếu năm ${listText(missing)}`,
    fix: `Đề nghị đơn vị gửi kèm quyết định công nhận ${quoted(requires)} năm ${listText(missing)} (nếu có); nếu không có thì chưa đủ điều kiện đề nghị.`,
  };
}

/**
 * Years missing for a person the award history does not hold at all: nothing
 * contradicts the run, the decisions of those years are papers to attach.
 */
function noHistory(requires: AwardId, missing: number[], times?: number): Outcome {
  const which = missing.length ? `năm ${listText(missing)}` : `của ${count2(times ?? 1)} lần liên tục gần nhất`;
  return {
    status: 'unknown',
    need: `quyết định công nhận ${quoted(requires)} ${which} (bảng tính chính chưa có lịch sử khen thưởng của người này)`,
  };
}

/**
 * The cycle of an award given for a run of consecutive years (Chiến sĩ thi đua
 * cấp tỉnh: every 3 years of CSTĐCS), read from the book; null when the book
 * has no such rule.
 */
function cycleOf(award: AwardId, book: Rulebook): number | null {
  for (const rule of book.rules) {
    if (!rule.awards.includes(award)) continue;
    if (rule.kind === 'consecutive' && rule.basis === 'years') return rule.count;
  }
  return null;
}

/**
 * "count consecutive times" of an award itself given on a cycle (two
 * consecutive CSTĐ cấp tỉnh): the last one in the achievement year and each
 * earlier one a cycle before (the cycle read from the book); without a cycle
 * in the book, any earlier awards count.
 */
function consecutiveAwards(requires: AwardId, count: number, ctx: ConditionContext): Outcome {
  const held = ctx.holdings.years(ctx.rec.person, requires);
  const cycle = cycleOf(requires, ctx.book);
  let ok: boolean;
  let needed: number[];
  if (cycle !== null) {
    needed = Array.from({ length: count }, (_, i) => ctx.year - (count - 1 - i) * cycle);
    ok = needed.every((y) => held.includes(y));
  } else {
    needed = [ctx.year];
    ok = held.includes(ctx.year) && held.filter((y) => y <= ctx.year).length >= count;
  }
  if (ok) return PASS;
  const missing = needed.filter((y) => !held.includes(y));
  if (!ctx.holdings.hasHistory(ctx.rec.person)) {
    return noHistory(requires, missing.length ? missing : needed.filter((y) => y < ctx.year), count);
  }
  const upTo = held.filter((y) => y <= ctx.year);
  return {
    status: 'fail',
    missing: `chưa đủ ${count2(count)} lần liên tục đạt ${quoted(requires)}${cycle !== null ? ` (các năm ${listText(needed)})` : ''}: ${heldText(upTo, requires)}`,
    fix: `Đề nghị đơn vị gửi kèm quyết định công nhận ${quoted(requires)}${missing.length ? ` năm ${listText(missing)}` : ''} (nếu có); nếu không có thì chưa đủ điều kiện đề nghị.`,
  };
}

function initiative(count: number, scope: keyof typeof SCOPE_LABEL, research: boolean, ctx: ConditionContext): Outcome {
  const have = ctx.rec.initiatives.length;
  const what = research ? 'sáng kiến (hoặc đề tài nghiên cứu khoa học)' : 'sáng kiến';
  const paper = research
    ? 'quyết định công nhận sáng kiến (hoặc biên bản nghiệm thu đề tài nghiên cứu khoa học)'
    : 'quyết định công nhận sáng kiến';
  if (have === 0 && !ctx.initiativeColumn) {
    return {
      status: 'unknown',
      need: `tên ${count === 1 ? what : `${count2(count)} ${what}`} ${SCOPE_LABEL[scope]} và ${paper}, vì danh sách đề nghị không có cột “Sáng kiến”`,
    };
  }
  if (have < count) {
    return {
      status: 'fail',
      missing:
        have === 0
          ? count === 1
            ? `chưa ghi ${what} ${SCOPE_LABEL[scope]}`
            : `chưa ghi sáng kiến nào (cần ${count2(count)} ${what} ${SCOPE_LABEL[scope]})`
          : `mới ghi ${count2(have)} ${what}, cần ${count2(count)} ${what} ${SCOPE_LABEL[scope]}`,
      fix: `Đề nghị đơn vị ghi rõ tên ${what} vào cột “Sáng kiến” và gửi kèm ${paper}.`,
    };
  }
  if (text(ctx.rec.row.initiativeRecognition) === '') {
    const names = listText(ctx.rec.initiatives.map((i) => `“${i}”`));
    return { status: 'unknown', need: `${paper} ${SCOPE_LABEL[scope]} đối với ${names}` };
  }
  return PASS;
}

/** The collective's own unit, when the collective is a whole unit of the registry ("UBND xã Phú Thuận B"). */
function collectiveUnit(ctx: ConditionContext): string | null {
  if (ctx.rec.subject !== 'collective') return null;
  // Exact name or alias only: "Hội Nông dân xã Phú Thuận B" is part of the commune, not the commune.
  const own = ctx.registry.get(ctx.rec.name);
  if (!own) return null;
  return unitInYearKey(ctx.registry, own.name, ctx.year);
}

function memberShare(award: AwardId, minShare: number, strict: boolean, ctx: ConditionContext): Outcome {
  const unit = collectiveUnit(ctx);
  const known = unit === null ? 0 : ctx.holdings.personsOf(unit, 'individual', award, ctx.year).size;
  const data =
    unit === null ? '' : ` (dữ liệu hiện có ${known} cá nhân của đơn vị được đề nghị hoặc công nhận ${quoted(award)})`;
  return {
    status: 'unknown',
    need: `báo cáo tổng số cá nhân của tập thể và số cá nhân đạt ${quoted(award)} năm ${ctx.year}, cho thấy tỷ lệ ${strict ? 'trên' : 'từ'} ${formatShare(minShare)}${strict ? '' : ' trở lên'}${data}`,
  };
}

function memberCount(award: AwardId, min: number, ctx: ConditionContext): Outcome {
  const unit = collectiveUnit(ctx);
  if (unit === null) {
    return {
      status: 'unknown',
      need: `danh sách cá nhân thuộc tập thể đạt ${quoted(award)} năm ${ctx.year} (ít nhất ${count2(min)} người)`,
    };
  }
  const have = ctx.holdings.personsOf(unit, 'individual', award, ctx.year).size;
  if (have >= min) return PASS;
  return {
    status: 'fail',
    missing: `đơn vị ${have === 0 ? 'chưa có cá nhân nào' : `mới có ${count2(have)} cá nhân`} được đề nghị hoặc công nhận ${quoted(award)} năm ${ctx.year} (cần ít nhất ${count2(min)})`,
    fix: `Đề nghị đơn vị bổ sung đề nghị ${quoted(award)} cho cá nhân đủ điều kiện, hoặc gửi kèm quyết định công nhận.`,
  };
}
