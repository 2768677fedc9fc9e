/**
 * Eligibility checks of nominations against the rulebook of their achievement
 * year (`rulebookFor(year)`): every rule the data can decide gives a finding
 * when it is not met, with the rule's id and source article and a Vietnamese
 * message that names the person, the award, what is missing and what to do.
 *
 * Thresholds, shares, counts and years all come from the rule data; the code
 * only knows how to evaluate each kind of rule. Severities follow how a
 * council's standing office works (see Severity in eligibility/types.ts): an
 * error when records that would hold the fact do not, a 'document' when the
 * lists units send simply leave it out and a paper proves it.
 *
 * - prerequisite: the person is nominated for (a standing nomination: not
 *   rejected) or awarded (award history) the required award the same year. A
 *   registration does not count: it is an intention, not a result. Without
 *   either, the decision is asked for ('document': CSTĐCS lists routinely omit
 *   the LĐTT line); an error when the LĐTT nomination was rejected or the
 *   unit's LĐTT decision of that year is in the award history without them.
 * - quota: the unit's individuals nominated for or awarded the award that year
 *   (distinct persons, history and standing nominations) against the unit's
 *   holders of the base award, who include the candidates themselves (the
 *   book's prerequisite: a CSTĐCS holds LĐTT); the maximum is rounded down by
 *   default ("không quá" is an upper bound) or half up (option
 *   `quotaRounding`). The unit is the unit as it stood at the end of the year.
 *   An error when the unit's base-award decision of the year is in the award
 *   history (the base is known); otherwise the lists give only a lower bound
 *   of the base, and the unit's headcount is asked for ('document').
 * - consecutive: years read from the award history and standing nominations,
 *   the run ending with the achievement year; identity is name key + unit
 *   lineage, so a unit merger between two years does not break the run (see
 *   eligibility/records.ts). "Consecutive times" of an award given on a cycle
 *   (two CSTĐ cấp tỉnh) uses the cycle the book sets for that award. A year
 *   missing for a person with award history is an error; for a person without
 *   any, the decisions of the missing years are asked for ('document').
 * - registration: a registration of the same person, year and award (or of an
 *   award that requires this one the same year: registering for CSTĐCS covers
 *   LĐTT). Without it: an error for the titles the council registers by name
 *   (the book's `byName`: CSTĐCS); for the others a warning when the unit sent
 *   no registration that year, else a 'document' (the unit's own list). While
 *   the book marks the legal basis "cần đối chiếu văn bản", an error is only a
 *   warning.
 * - initiative / initiative_unique: the nomination's "Sáng kiến" cell (several
 *   separated by ";" or line breaks); its "Công nhận sáng kiến" cell names the
 *   recognition decision, else a 'document' finding asks for it. An empty cell
 *   is an error only when the list has the column (another row of the same
 *   file names an initiative), else a 'document'. An initiative already used
 *   (award history "Sáng kiến đã dùng", or another standing nomination for an
 *   award that rests on initiatives) is an error.
 * - alternatives: met when any option is met; an error when the data fails
 *   every option; otherwise ('document') the options needing papers or the
 *   council's judgement are listed, with what the data showed for the others.
 * - member_count / member_share (collectives): counted when the collective is a
 *   whole unit of the registry; a share needs the collective's headcount, which
 *   the data does not hold ('document').
 * - task_rating for one year, no_discipline, members completing their tasks:
 *   certified by the nominating unit's own review (the nomination list is its
 *   result); not reported.
 * - vote and reward rules are not eligibility: see core/council.
 *
 * Beyond the book: the award must be in the catalogue and in force that year,
 * fit the subject, and be conferred at this council's level; otherwise the
 * council only proposes it ('warning', "trình cấp trên"). Rows the import kept
 * out of the nominations sheet (award missing or not in the catalogue,
 * conflicts and duplicates between files) are reported from the import's
 * discrepancies by importFindings (eligibility/imported.ts).
 */
import { awardById } from './catalogue';
import { RULEBOOKS, rulebookFor, type Rule, type Rulebook } from './rulebooks';
import type { Award, AwardId } from './types';
import { evaluate, type ConditionContext, type Outcome } from './eligibility/conditions';
import { floorShare, formatShare, roundShareHalfUp, toFraction } from './eligibility/fraction';
import {
  articleText,
  AUTHORITY_LABEL,
  decimal,
  LEVEL_LABEL,
  LEVEL_RANK,
  listText,
  proposed,
  quoted,
} from './eligibility/messages';
import { IMPORT_CHECK_LABELS } from './eligibility/imported';
import {
  findingFor as finding,
  Holdings,
  stands,
  text,
  toRecord,
  type CheckRecord,
  type SubjectCode,
} from './eligibility/records';
import {
  SEVERITY_LABEL,
  SEVERITY_ORDER,
  type CheckInput,
  type Finding,
  type IndexedFinding,
  type Severity,
} from './eligibility/types';

export * from './eligibility/types';
export {
  toFraction,
  atLeast,
  above,
  floorShare,
  ceilShare,
  roundShareHalfUp,
  formatShare,
  formatPercent,
  type Fraction,
} from './eligibility/fraction';
export { articleText } from './eligibility/messages';
export { splitInitiatives, lineageKey, unitInYearKey } from './eligibility/records';
export { importFindings, unreadableFiles, IMPORT_CHECK_LABELS, type ImportCheckInput } from './eligibility/imported';

/** Checks every nomination (of `year`, when given); findings in nomination order, then book order. */
export function checkNominations(input: CheckInput): Finding[] {
  return checkNominationsIndexed(input).map(({ index: _index, ...finding }) => finding);
}

/** As checkNominations, with the index of each finding's nomination in `input.nominations`. */
export function checkNominationsIndexed(input: CheckInput): IndexedFinding[] {
  const { registry } = input;
  const nominations = input.nominations.map((row, i) => toRecord('nomination', row, i, registry));
  const registrations = input.registrations.map((row, i) => toRecord('registration', row, i, registry));
  const history = input.history.map((row, i) => toRecord('history', row, i, registry));
  const state: State = {
    input,
    holdings: new Holdings([...history, ...nominations]),
    registered: indexRegistrations(registrations),
    registeringUnits: new Set(registrations.filter((r) => r.year !== null).map((r) => `${r.unitInYear}|${r.year}`)),
    uses: indexInitiatives([...history, ...nominations]),
    initiativeLists: new Set(nominations.filter((r) => r.initiatives.length > 0).map(listOf)),
  };
  const out: IndexedFinding[] = [];
  for (const rec of nominations) {
    if (input.year !== undefined && rec.year !== input.year) continue;
    out.push(...checkOne(rec, state));
  }
  return out;
}

/** Vietnamese names of the checks that are not rulebook rules. */
export const CHECK_LABELS: Readonly<Record<string, string>> = {
  'record.name': 'Thiếu họ tên, tên tập thể',
  'record.year': 'Thiếu năm thành tích',
  'award.missing': 'Thiếu danh hiệu, hình thức khen thưởng',
  'award.catalogue': 'Danh hiệu, hình thức không có trong danh mục',
  'award.not_in_force': 'Danh hiệu, hình thức không còn được xét tặng',
  'award.subject': 'Danh hiệu không đúng đối tượng (cá nhân, tập thể)',
  'issuer.level': 'Thẩm quyền quyết định: trình cấp trên',
  ...IMPORT_CHECK_LABELS,
};

/** A rule's Vietnamese name: the check's label, else the rule's description in the books. */
export function ruleLabel(rule: string): string {
  if (CHECK_LABELS[rule]) return CHECK_LABELS[rule];
  for (const book of RULEBOOKS) {
    const found = book.rules.find((r) => r.id === rule);
    if (found) return found.description;
  }
  return rule;
}

/** The text of the 'findings' column for one nomination: one line per finding. */
export function findingsText(findings: ReadonlyArray<Finding>): string {
  return findings.map((f) => `[${SEVERITY_LABEL[f.severity]}] ${f.message}`).join('\n');
}

/** Counts by severity. */
export function countBySeverity(findings: ReadonlyArray<Finding>): Record<Severity, number> {
  const counts = { error: 0, warning: 0, document: 0 } as Record<Severity, number>;
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Counts by rule and severity, rules in order of first appearance. */
export function countByRule(
  findings: ReadonlyArray<Finding>,
): Array<{ rule: string; article: string } & Record<Severity, number>> {
  const map = new Map<string, { rule: string; article: string } & Record<Severity, number>>();
  for (const f of findings) {
    let entry = map.get(f.rule);
    if (!entry) {
      entry = { rule: f.rule, article: f.article, error: 0, warning: 0, document: 0 };
      map.set(f.rule, entry);
    }
    entry[f.severity]++;
  }
  return [...map.values()];
}

/** Findings sorted by severity (errors first), keeping the order within a severity. */
export function bySeverity<T extends Finding>(findings: ReadonlyArray<T>): T[] {
  return SEVERITY_ORDER.flatMap((s) => findings.filter((f) => f.severity === s));
}

// ── Internals ──────────────────────────────────────────────────────────────

interface State {
  readonly input: CheckInput;
  readonly holdings: Holdings;
  /** person|year → registered awards. */
  readonly registered: Map<string, Set<AwardId>>;
  /** unitInYear|year of the units that sent any registration. */
  readonly registeringUnits: Set<string>;
  /** initiative key → records using it. */
  readonly uses: Map<string, CheckRecord[]>;
  /** Lists (source files; '' for rows entered by hand) in which some nomination names an initiative. */
  readonly initiativeLists: Set<string>;
}

/** The list a nomination came in: its source file, or '' when entered by hand. */
function listOf(rec: CheckRecord): string {
  return text(rec.row.sourceFile);
}

function indexRegistrations(records: CheckRecord[]): Map<string, Set<AwardId>> {
  const map = new Map<string, Set<AwardId>>();
  for (const r of records) {
    if (r.awardId === null || r.year === null) continue;
    const key = `${r.person}|${r.year}`;
    const set = map.get(key) ?? new Set<AwardId>();
    set.add(r.awardId);
    map.set(key, set);
  }
  return map;
}

function indexInitiatives(records: CheckRecord[]): Map<string, CheckRecord[]> {
  const map = new Map<string, CheckRecord[]>();
  for (const r of records) {
    if (!stands(r)) continue;
    for (const key of new Set(r.initiativeKeys)) {
      const list = map.get(key) ?? [];
      list.push(r);
      map.set(key, list);
    }
  }
  return map;
}

function checkOne(rec: CheckRecord, state: State): IndexedFinding[] {
  const out: IndexedFinding[] = [];
  if (rec.name === '') {
    out.push(
      finding(
        rec,
        'record.name',
        '',
        'error',
        `Dòng đề nghị ${quotedAward(rec)} chưa ghi họ tên cá nhân hoặc tên tập thể. Đề nghị đơn vị bổ sung.`,
      ),
    );
  }
  if (rec.year === null) {
    out.push(
      finding(
        rec,
        'record.year',
        '',
        'error',
        `${proposed(rec)} nhưng chưa ghi năm thành tích (hoặc năm không hợp lệ: “${text(rec.row.year)}”). Đề nghị ghi rõ năm để xét theo đúng quy định của năm đó.`,
      ),
    );
    return out;
  }
  let book: Rulebook;
  try {
    book = rulebookFor(rec.year);
  } catch (err) {
    out.push(finding(rec, 'record.year', '', 'error', `${proposed(rec)}: ${(err as Error).message}`));
    return out;
  }
  const law = book.documents[0];
  const award = rec.match;
  switch (award.code) {
    case 'empty':
      out.push(
        finding(
          rec,
          'award.missing',
          law,
          'error',
          `${proposed(rec)} nhưng chưa ghi danh hiệu thi đua hoặc hình thức khen thưởng đề nghị. Đề nghị đơn vị ghi rõ.`,
        ),
      );
      return out;
    case 'not_in_catalogue':
    case 'ambiguous':
    case 'partial':
      out.push(
        finding(
          rec,
          'award.catalogue',
          law,
          'error',
          `${proposed(rec)}: ${award.reason} Hội đồng chỉ xét các danh hiệu, hình thức trong danh mục; đề nghị đơn vị sửa lại cho đúng tên.`,
        ),
      );
      return out;
    case 'not_in_force':
      out.push(
        finding(
          rec,
          'award.not_in_force',
          awardArticle(award.award!, book),
          'error',
          `${proposed(rec)}: ${award.reason}`,
        ),
      );
      return out;
    case 'subject_mismatch':
      out.push(
        finding(
          rec,
          'award.subject',
          awardArticle(award.award!, book),
          'error',
          `${proposed(rec)}: ${award.reason} Đề nghị đơn vị sửa lại danh hiệu hoặc đối tượng (cá nhân, tập thể).`,
        ),
      );
      return out;
    case 'counterpart':
      out.push(
        finding(rec, 'award.subject', awardArticle(award.award!, book), 'warning', `${proposed(rec)}: ${award.reason}`),
      );
      break;
    default:
      break;
  }
  const awardId = rec.awardId as AwardId;
  out.push(...issuerLevel(rec, awardId, book, state));

  const ctx: ConditionContext = {
    rec,
    year: rec.year,
    book,
    holdings: state.holdings,
    registry: state.input.registry,
    initiativeColumn: state.initiativeLists.has(listOf(rec)),
  };
  for (const rule of book.rules) {
    if (!rule.awards.includes(awardId) || !appliesTo(rule, rec.subject)) continue;
    out.push(...checkRule(rule, ctx, state));
  }
  return out;
}

function quotedAward(rec: CheckRecord): string {
  return rec.awardId ? quoted(rec.awardId) : rec.awardText ? `“${rec.awardText}”` : '(chưa ghi danh hiệu)';
}

/** The awards a rule's conditions refer to (requires, award). */
function referencedSubjects(rule: Rule): Set<SubjectCode> {
  const out = new Set<SubjectCode>();
  const visit = (c: { kind: string; requires?: AwardId }): void => {
    if ((c.kind === 'prerequisite' || c.kind === 'consecutive') && c.requires) {
      const s = awardById(c.requires).subject;
      if (s !== 'both') out.add(s);
    }
    if (c.kind === 'member_share' || c.kind === 'member_count') out.add('collective');
  };
  if (rule.kind === 'alternatives') for (const option of rule.options) option.forEach(visit);
  else visit(rule as { kind: string; requires?: AwardId });
  return out;
}

/**
 * Whether a rule applies to a subject. Rules carry no subject of their own:
 * a rule of an award for one kind of subject applies to it; for an award of
 * both kinds (Bằng khen), the subject is inferred from the awards its
 * conditions refer to (2 consecutive CSTĐCS → individuals), else both.
 */
function appliesTo(rule: Rule, subject: SubjectCode): boolean {
  const subjects = referencedSubjects(rule);
  if (subjects.size !== 1) return true;
  const ruleAwardsForBoth = rule.awards.every((a) => awardById(a).subject === 'both');
  return !ruleAwardsForBoth || subjects.has(subject);
}

/**
 * The catalogue's source of an award when it belongs to the year's book, else
 * the book's law with the article left to check (the catalogue holds one
 * source per award, not one per period).
 */
function awardArticle(award: Award, book: Rulebook): string {
  if (book.documents.includes(award.source.document)) return articleText(award.source);
  return articleText({ document: book.documents[0] });
}

function issuerLevel(rec: CheckRecord, awardId: AwardId, book: Rulebook, state: State): IndexedFinding[] {
  const award = awardById(awardId);
  const level = state.input.councilLevel;
  if (award.awardedBy.includes(level)) return [];
  const ranks = award.awardedBy.map((l) => LEVEL_RANK[l]);
  const higher = award.awardedBy.filter((l) => LEVEL_RANK[l] > LEVEL_RANK[level]);
  const authorities = listText((higher.length ? higher : award.awardedBy).map((l) => AUTHORITY_LABEL[l])).replace(
    / và ([^,]*)$/,
    ' hoặc $1',
  );
  const message =
    Math.min(...ranks) > LEVEL_RANK[level] || higher.length
      ? `${proposed(rec)}: danh hiệu, hình thức này do ${authorities} quyết định. Hội đồng ${LEVEL_LABEL[level]} chỉ xem xét, đề nghị (trình cấp trên), không quyết định khen thưởng.`
      : `${proposed(rec)}: danh hiệu, hình thức này thuộc thẩm quyền của ${authorities}. Đề nghị chuyển hồ sơ về Hội đồng Thi đua – Khen thưởng ${listText(award.awardedBy.map((l) => LEVEL_LABEL[l]))} xét.`;
  return [finding(rec, 'issuer.level', awardArticle(award, book), 'warning', message)];
}

function checkRule(rule: Rule, ctx: ConditionContext, state: State): IndexedFinding[] {
  const article = articleText(rule.source);
  const { rec } = ctx;
  switch (rule.kind) {
    case 'vote':
    case 'reward':
      return [];
    case 'quota':
      return quota(rule, ctx, state, article);
    case 'registration':
      return registration(rule, ctx, state, article);
    case 'initiative_unique':
      return initiativeUnique(rule, ctx, state, article);
    case 'alternatives':
      return alternatives(rule, ctx, article);
    default: {
      const outcome = evaluate(rule, ctx);
      return fromOutcome(outcome, rec, rule.id, article);
    }
  }
}

function fromOutcome(outcome: Outcome, rec: CheckRecord, rule: string, article: string): IndexedFinding[] {
  if (outcome.status === 'fail') {
    return [finding(rec, rule, article, 'error', `${proposed(rec)} nhưng ${outcome.missing}. ${outcome.fix}`)];
  }
  if (outcome.status === 'unknown') {
    return [
      finding(
        rec,
        rule,
        article,
        'document',
        `${proposed(rec)}: cần bổ sung ${outcome.need}. Đề nghị đơn vị gửi kèm hồ sơ để Hội đồng xem xét.`,
      ),
    ];
  }
  return [];
}

function alternatives(
  rule: Extract<Rule, { kind: 'alternatives' }>,
  ctx: ConditionContext,
  article: string,
): IndexedFinding[] {
  const options = rule.options.map((option) => {
    const outcomes = option.map((c) => evaluate(c, ctx));
    const status = outcomes.some((o) => o.status === 'fail')
      ? 'fail'
      : outcomes.some((o) => o.status === 'unknown')
        ? 'unknown'
        : 'pass';
    return { status, outcomes };
  });
  if (options.some((o) => o.status === 'pass')) return [];
  const failed = options
    .filter((o) => o.status === 'fail')
    .map((o) => o.outcomes.flatMap((x) => (x.status === 'fail' ? [x.missing] : [])).join(' và '));
  const needs = options
    .filter((o) => o.status === 'unknown')
    .map((o) => o.outcomes.flatMap((x) => (x.status === 'unknown' ? [x.need] : [])).join(', kèm theo '));
  const { rec } = ctx;
  if (needs.length === 0) {
    return [
      finding(
        rec,
        rule.id,
        article,
        'error',
        `${proposed(rec)} nhưng chưa đạt tiêu chuẩn nào: ${failed.join('; ')}. Đề nghị đơn vị bổ sung hồ sơ chứng minh hoặc rút đề nghị.`,
      ),
    ];
  }
  const listed =
    needs.length === 1
      ? `Cần bổ sung ${needs[0]}.`
      : `Cần bổ sung hồ sơ theo một trong các tiêu chuẩn: ${needs.map((n, i) => `(${i + 1}) ${n}`).join('; ')}.`;
  const shown = failed.length ? ` Dữ liệu chưa cho thấy đạt tiêu chuẩn: ${failed.join('; ')}.` : '';
  return [finding(rec, rule.id, article, 'document', `${proposed(rec)}.${shown} ${listed}`)];
}

function quota(
  rule: Extract<Rule, { kind: 'quota' }>,
  ctx: ConditionContext,
  state: State,
  article: string,
): IndexedFinding[] {
  const { rec, year, book } = ctx;
  if (!stands(rec) || rec.subject !== 'individual') return [];
  const awardId = rec.awardId as AwardId;
  const nominated = state.holdings.personsOf(rec.unitInYear, 'individual', awardId, year);
  // The base: holders of `of`, and of every award that requires it the same year (a CSTĐCS holds LĐTT).
  const base = new Set<string>();
  for (const a of coveringAwards(rule.of, book)) {
    for (const p of state.holdings.personsOf(rec.unitInYear, 'individual', a, year)) base.add(p);
  }
  const rounding = state.input.quotaRounding ?? 'floor';
  const max = rounding === 'floor' ? floorShare(base.size, rule.maxShare) : roundShareHalfUp(base.size, rule.maxShare);
  if (nominated.size <= max) return [];
  const f = toFraction(rule.maxShare);
  const exact = (f.num * base.size) / f.den;
  const limit = Number.isInteger(exact)
    ? `tối đa ${max} người`
    : `${formatShare(rule.maxShare)} là ${decimal(exact)} người, làm tròn ${rounding === 'floor' ? 'xuống' : 'theo quy tắc từ 0,5 lên 1'} còn tối đa ${max} người`;
  const unitName = rec.unitInYear.startsWith('?') ? rec.unit : rec.unitInYear;
  const over = nominated.size - max;
  const decided = state.holdings.decidedOf(rec.unitInYear, 'individual', rule.of, year).size > 0;
  if (decided) {
    return [
      finding(
        rec,
        rule.id,
        article,
        'error',
        `${proposed(rec)}, nhưng ${unitName} có ${nominated.size} cá nhân được đề nghị hoặc đã công nhận ${quoted(awardId)} năm ${year}, vượt tỷ lệ không quá ${formatShare(rule.maxShare)} số cá nhân đạt ${quoted(rule.of)} của đơn vị (${base.size} người; ${limit}), theo quyết định công nhận ${quoted(rule.of)} năm ${year} của đơn vị trong lịch sử khen thưởng và các danh sách đề nghị. Đề nghị đơn vị xem xét, rút bớt ${over} người khỏi danh sách đề nghị.`,
      ),
    ];
  }
  // Only nomination lists: they need not name every holder of `of`, so the base is a lower bound.
  return [
    finding(
      rec,
      rule.id,
      article,
      'document',
      `${proposed(rec)}. Theo các danh sách hiện có, ${unitName} có ${nominated.size} cá nhân được đề nghị ${quoted(awardId)} năm ${year} và ${base.size} cá nhân đạt hoặc được đề nghị ${quoted(rule.of)} (kể cả người được đề nghị ${quoted(awardId)}); theo tỷ lệ không quá ${formatShare(rule.maxShare)}: ${limit}. Cần bổ sung báo cáo tổng số cá nhân đạt danh hiệu ${quoted(rule.of)} năm ${year} của đơn vị (hoặc quyết định công nhận) để xác định tỷ lệ; nếu đơn vị chỉ có ${base.size} người đạt ${quoted(rule.of)} thì đề nghị rút bớt ${over} người khỏi danh sách đề nghị.`,
    ),
  ];
}

/**
 * Awards whose registration covers a nomination for `award`: the award itself
 * and every award of the book that requires it the same year (prerequisite,
 * or consecutive runs ending with the achievement year), transitively.
 */
function coveringAwards(award: AwardId, book: Rulebook): Set<AwardId> {
  const covers = new Set<AwardId>([award]);
  for (let grew = true; grew;) {
    grew = false;
    for (const rule of book.rules) {
      if (rule.kind !== 'prerequisite' && rule.kind !== 'consecutive') continue;
      if (!covers.has(rule.requires)) continue;
      for (const a of rule.awards) {
        if (!covers.has(a)) {
          covers.add(a);
          grew = true;
        }
      }
    }
  }
  return covers;
}

function registration(
  rule: Extract<Rule, { kind: 'registration' }>,
  ctx: ConditionContext,
  state: State,
  article: string,
): IndexedFinding[] {
  const { rec, year, book } = ctx;
  const awardId = rec.awardId as AwardId;
  const registered = state.registered.get(`${rec.person}|${year}`);
  const covers = coveringAwards(awardId, book);
  if (registered && [...registered].some((a) => covers.has(a))) return [];
  const checked = Boolean(rule.source.article) && !rule.source.verify;
  const note = checked ? '' : ` Lưu ý: ${rule.source.verify ?? ''}`.trimEnd();
  const whom = rec.subject === 'collective' ? 'tập thể' : 'cá nhân';
  const unitName = rec.unit || 'đơn vị';
  const unitSent = state.registeringUnits.has(`${rec.unitInYear}|${year}`);
  const none = unitSent ? '' : `; chưa nhận được bản đăng ký thi đua năm ${year} nào của ${unitName}`;
  const head = `${proposed(rec)} nhưng không có tên trong danh sách đăng ký thi đua năm ${year} (đăng ký danh hiệu ${quoted(awardId)})${none}.`;
  if (rule.byName.includes(awardId)) {
    // Registered by name with the council: its book is the record.
    return [
      finding(
        rec,
        rule.id,
        article,
        checked ? 'error' : 'warning',
        `${head} Danh hiệu này được đăng ký theo danh sách từng người với Hội đồng; đề nghị đơn vị gửi kèm bản đăng ký thi đua đầu năm có tên ${whom} này (nếu có). Không đăng ký thi đua thì không được xét tặng danh hiệu năm đó.${note}`,
      ),
    ];
  }
  if (!unitSent) {
    // The unit owes the council its registration of the year.
    return [
      finding(
        rec,
        rule.id,
        article,
        'warning',
        `${head} Đề nghị ${unitName} gửi bản đăng ký thi đua năm ${year} của đơn vị (có tên hoặc bao gồm ${whom} này); không đăng ký thi đua thì không được xét tặng danh hiệu năm đó.${note}`,
      ),
    ];
  }
  // The unit registered, without naming this one: its own registration (or covenant) may cover them.
  return [
    finding(
      rec,
      rule.id,
      article,
      'document',
      `${head} Cần bổ sung bản đăng ký thi đua (hoặc giao ước thi đua) năm ${year} của đơn vị thể hiện ${whom} này đã đăng ký danh hiệu ${quoted(awardId)}; không đăng ký thi đua thì không được xét tặng danh hiệu năm đó.${note}`,
    ),
  ];
}

function useText(use: CheckRecord): string {
  const award = use.awardId ? quoted(use.awardId) : `“${use.awardText}”`;
  const person = use.subject === 'collective' ? `tập thể “${use.name}”` : `ông (bà) ${use.name}`;
  if (use.source === 'history') {
    const number = text(use.row.decisionNumber);
    return `${award} năm ${use.year ?? '?'} của ${person}${number ? ` (Quyết định số ${number})` : ''}`;
  }
  const file = text(use.row.sourceFile);
  const row = text(use.row.sourceRow);
  const where = file ? ` (tệp “${file}”${row ? `, dòng ${row}` : ''})` : '';
  return `đề nghị ${award} năm ${use.year ?? '?'} của ${person}${where}`;
}

function initiativeUnique(
  rule: Extract<Rule, { kind: 'initiative_unique' }>,
  ctx: ConditionContext,
  state: State,
  article: string,
): IndexedFinding[] {
  const { rec } = ctx;
  if (!stands(rec)) return [];
  const out: IndexedFinding[] = [];
  rec.initiativeKeys.forEach((key, i) => {
    const others = (state.uses.get(key) ?? []).filter((use) => {
      if (use === rec) return false;
      // The same award of the same person and year: this nomination itself (decided, or imported twice).
      if (use.person === rec.person && use.year === rec.year && use.awardId === rec.awardId) return false;
      // Other nominations count when their award rests on initiatives; history's column records initiatives used.
      return use.source === 'history' || (use.awardId !== null && rule.awards.includes(use.awardId));
    });
    if (others.length === 0) return;
    out.push(
      finding(
        rec,
        rule.id,
        article,
        'error',
        `${proposed(rec)} với sáng kiến “${rec.initiatives[i]}”, nhưng sáng kiến này đã được dùng làm căn cứ cho ${listText(others.map(useText))}. Một sáng kiến chỉ được dùng làm căn cứ xét khen thưởng một lần; đề nghị đơn vị thay bằng sáng kiến khác hoặc rút đề nghị.`,
      ),
    );
  });
  return out;
}
