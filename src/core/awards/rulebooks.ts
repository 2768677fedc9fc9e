/**
 * Rulebooks: the criteria for titles and forms as data, one book per legal
 * period, chosen by the year of the achievement (not the year of the review):
 *
 * - `tdkt-2003`: Luật Thi đua, Khen thưởng 2003 (sửa đổi, bổ sung 2005, 2009,
 *   2013) and Nghị định 91/2017/NĐ-CP — achievements up to 2023;
 * - `tdkt-2022`: Luật Thi đua, khen thưởng 06/2022/QH15 (in force 01/01/2024)
 *   and Nghị định 98/2023/NĐ-CP, with Nghị định 152/2025/NĐ-CP — from 2024.
 *
 * Every rule cites its source. An article is written only where it has been
 * checked; otherwise `source.verify` says "cần đối chiếu văn bản" and what to
 * check. Nothing here evaluates a rule: an eligibility checker reads the rules
 * of a book by kind and evaluates them against the records. Kinds:
 *
 * - prerequisite      the candidate holds another award in the same year
 * - task_rating       task completion rating, for `years` consecutive years
 *                     ending with the achievement year
 * - initiative        recognised initiatives (or research results) of a scope
 * - consecutive       the same award in `count` consecutive years (or times)
 * - judgement         a criterion only the council can judge (not from data)
 * - alternatives      any one of several lists of conditions is enough
 * - quota             at most a share of the unit's holders of another award
 * - member_share      (collectives) share of members meeting a measure
 * - member_count      (collectives) members holding an award
 * - no_discipline     nobody (self or members) disciplined at or above a level
 * - registration      registered (đăng ký thi đua) at the start of the year
 * - initiative_unique an initiative counts for one title only
 * - vote              how the council must vote on it
 * - reward            reward money as multiples of the base salary
 */
import { DOCUMENTS, VERIFY } from './sources';
import type { AwardId, LegalRef } from './types';

/** Hoàn thành nhiệm vụ / hoàn thành tốt / hoàn thành xuất sắc nhiệm vụ. */
export type TaskRating = 'completed' | 'good' | 'excellent';
/** Where an initiative is recognised and applied: unit (cơ sở), province/ministry, nation. */
export type InitiativeScope = 'base' | 'province' | 'national';
/** What counts as an initiative: sáng kiến, đề tài nghiên cứu khoa học (nghiệm thu, áp dụng). */
export type InitiativeKind = 'initiative' | 'research';
/** Disciplinary measures, mildest first: khiển trách, cảnh cáo. */
export type DisciplineLevel = 'reprimand' | 'warning';

export interface PrerequisiteCondition {
  readonly kind: 'prerequisite';
  readonly requires: AwardId;
}
export interface TaskRatingCondition {
  readonly kind: 'task_rating';
  readonly min: TaskRating;
  /** Consecutive years ending with the achievement year. */
  readonly years: number;
}
export interface InitiativeCondition {
  readonly kind: 'initiative';
  readonly scope: InitiativeScope;
  readonly count: number;
  readonly accepts: ReadonlyArray<InitiativeKind>;
  /** Recognised in the achievement year only, or at any time in the period the rule covers. */
  readonly within: 'achievement_year' | 'period';
}
export interface ConsecutiveCondition {
  readonly kind: 'consecutive';
  readonly requires: AwardId;
  readonly count: number;
  /** 'years': in consecutive years; 'awards': consecutive times without a break in between. */
  readonly basis: 'years' | 'awards';
  /** The run ends with the achievement year (its last award is that year's). */
  readonly endingAt: 'achievement_year';
}
export interface JudgementCondition {
  readonly kind: 'judgement';
  /** What the council has to judge (Vietnamese). */
  readonly criterion: string;
}
export interface MemberShareCondition {
  readonly kind: 'member_share';
  /** 'task_completed': members who completed their tasks; 'award': members holding `award`. */
  readonly measure: 'task_completed' | 'award';
  readonly award?: AwardId;
  readonly minShare: number;
  /** True when the share must be strictly above minShare ("trên 50%"). */
  readonly strict?: boolean;
}
export interface MemberCountCondition {
  readonly kind: 'member_count';
  readonly award: AwardId;
  readonly min: number;
}
export interface NoDisciplineCondition {
  readonly kind: 'no_discipline';
  readonly who: 'self' | 'members';
  /** Disqualifying from this level up. */
  readonly from: DisciplineLevel;
}

/** A condition a candidate must meet; also the parts of an 'alternatives' rule. */
export type Condition =
  | PrerequisiteCondition
  | TaskRatingCondition
  | InitiativeCondition
  | ConsecutiveCondition
  | JudgementCondition
  | MemberShareCondition
  | MemberCountCondition
  | NoDisciplineCondition;

export interface AlternativesBody {
  readonly kind: 'alternatives';
  /** Meeting every condition of any one option is enough. */
  readonly options: ReadonlyArray<ReadonlyArray<Condition>>;
}
export interface QuotaBody {
  readonly kind: 'quota';
  /** At most this share… */
  readonly maxShare: number;
  /** …of the unit's individuals holding this award the same year. */
  readonly of: AwardId;
  readonly scope: 'unit';
}
export interface RegistrationBody {
  readonly kind: 'registration';
  /** Registered for this award (or, if the rulebook allows, any title) at the start of the year. */
  readonly when: 'start_of_year';
  /**
   * Titles each candidate registers for by name with this council: the
   * council's registration book is then the record, and a nomination without a
   * registration in it is an error. For the other titles of `awards` the book
   * is incomplete by nature (see `byNameSource`): a missing name is a warning
   * when the unit sent no registration that year (it owes one), and a paper to
   * attach ('document') when it sent one without that name.
   */
  readonly byName: ReadonlyArray<AwardId>;
  /** Where the split between `byName` and the other titles comes from (practice: `verify` says so). */
  readonly byNameSource: LegalRef;
}
export interface InitiativeUniqueBody {
  readonly kind: 'initiative_unique';
}
export interface VoteBody {
  readonly kind: 'vote';
  readonly ballot: 'secret' | 'any';
  /** Share of members that must be present, or null when the book sets none. */
  readonly quorum: number | null;
  /** Share of votes in favour needed. */
  readonly threshold: number;
  /** What the threshold is a share of. */
  readonly base: 'all_members' | 'present_members';
  /** Absent members give their opinion in writing (and count). */
  readonly absentInWriting: boolean;
}
export interface RewardBody {
  readonly kind: 'reward';
  readonly individual: number | null;
  readonly collective: number | null;
  readonly basis: 'base_salary';
}

export type RuleBody =
  Condition | AlternativesBody | QuotaBody | RegistrationBody | InitiativeUniqueBody | VoteBody | RewardBody;
export type RuleKind = RuleBody['kind'];

export interface RuleMeta {
  /** Stable within a book, e.g. "cstdcs.initiative". */
  readonly id: string;
  /** The awards it applies to. */
  readonly awards: ReadonlyArray<AwardId>;
  /** What the rule says, in Vietnamese, for people. */
  readonly description: string;
  readonly source: LegalRef;
}

export type Rule = RuleMeta & RuleBody;

export type RulebookId = 'tdkt-2003' | 'tdkt-2022';

export interface Rulebook {
  readonly id: RulebookId;
  /** Vietnamese title. */
  readonly title: string;
  readonly documents: ReadonlyArray<string>;
  /** First achievement year it governs, or null for "every year before toYear". */
  readonly fromYear: number | null;
  /** Last achievement year it governs, or null while in force. */
  readonly toYear: number | null;
  readonly rules: ReadonlyArray<Rule>;
  /** Caveats for whoever applies the book (Vietnamese). */
  readonly notes: ReadonlyArray<string>;
}

/** Titles a unit or person must register for at the start of the year. */
const REGISTERED_TITLES: ReadonlyArray<AwardId> = [
  'ldtt',
  'cstdcs',
  'cstd_tinh',
  'cstd_toanquoc',
  'ttldtt',
  'ttldxs',
  'co_tinh',
  'co_chinhphu',
];

const OLD_LAW = DOCUMENTS.LAW_2003;
const OLD_DECREE = DOCUMENTS.DECREE_91_2017;
const NEW_LAW = DOCUMENTS.LAW_2022;
const NEW_DECREE = DOCUMENTS.DECREE_98_2023;

/**
 * Which titles a council's registration book holds by name. The law makes
 * registration a condition of every title; what differs is where the
 * registration is kept, hence what its absence from the council's book shows.
 */
const REGISTERED_BY_NAME: ReadonlyArray<AwardId> = ['cstdcs'];

const REGISTRATION_PRACTICE: LegalRef = {
  document: DOCUMENTS.COUNCIL_RULES,
  verify:
    'Theo thực tiễn của Thường trực Hội đồng: đơn vị đăng ký danh hiệu “Chiến sĩ thi đua cơ sở” với Hội đồng theo danh sách từng người (để theo dõi tỷ lệ và sáng kiến); danh hiệu “Lao động tiên tiến” và danh hiệu tập thể thường được đăng ký chung trong bản đăng ký, giao ước thi đua của đơn vị (ví dụ “100% cán bộ, công chức đăng ký danh hiệu Lao động tiên tiến”), còn danh hiệu cấp tỉnh trở lên được đăng ký với Hội đồng cấp trên. ' +
    `Cách phân chia này ${VERIFY} (hướng dẫn công tác thi đua, khen thưởng của địa phương) trước khi dùng.`,
};

const COUNCIL_VOTE_PRACTICE: LegalRef = {
  document: DOCUMENTS.COUNCIL_RULES,
  verify: `Ngưỡng 2/3 số thành viên có mặt và 70% đồng ý là thực tiễn của nhiều ngành, không phải quy định chung của Nghị định; ${VERIFY} (quy chế của Hội đồng đang áp dụng) trước khi dùng.`,
};

// ── Rulebook 1: Luật 2003 (sửa đổi 2013) + Nghị định 91/2017/NĐ-CP ─────────────

const RULES_2003: ReadonlyArray<Rule> = [
  {
    id: 'ldtt.task_rating',
    awards: ['ldtt'],
    description: 'Hoàn thành tốt nhiệm vụ được giao trong năm xét tặng.',
    source: { document: OLD_LAW, article: 'Điều 24' },
    kind: 'task_rating',
    min: 'good',
    years: 1,
  },
  // Grading: met by an LĐTT nomination or decision of the same year. Lists of
  // CSTĐCS routinely leave out the person's LĐTT line (the council confers
  // both), so without one the LĐTT decision is a paper to attach ('document');
  // an error only when records show the person does not hold it: the LĐTT
  // nomination was rejected, or the unit's LĐTT decision of that year is in
  // the award history without the person.
  {
    id: 'cstdcs.prerequisite',
    awards: ['cstdcs'],
    description: 'Phải đạt danh hiệu “Lao động tiên tiến” trong năm xét tặng.',
    source: { document: OLD_LAW, article: 'Điều 23, khoản 1' },
    kind: 'prerequisite',
    requires: 'ldtt',
  },
  // Grading (every 'initiative' condition): an empty "Sáng kiến" cell is an
  // error only when the list has that column (another row of the same file
  // names an initiative); a list without it gets a 'document' finding asking
  // for the initiative and its recognition, as does a named initiative whose
  // recognition is not recorded.
  {
    id: 'cstdcs.initiative',
    awards: ['cstdcs'],
    description:
      'Có sáng kiến (giải pháp kỹ thuật, quản lý, tác nghiệp, ứng dụng tiến bộ kỹ thuật) được cơ sở công nhận, hoặc đề tài nghiên cứu khoa học đã nghiệm thu và được áp dụng.',
    source: { document: OLD_LAW, article: 'Điều 23, khoản 2' },
    kind: 'initiative',
    scope: 'base',
    count: 1,
    accepts: ['initiative', 'research'],
    within: 'achievement_year',
  },
  // Grading: the base is the unit's LĐTT holders of the year, counting its
  // CSTĐCS candidates (they must hold LĐTT). Nomination lists do not name every
  // LĐTT of a unit, so a count from them is a lower bound: over the quota it
  // asks for the unit's LĐTT headcount ('document'); an error when the unit's
  // LĐTT decision of that year is in the award history (the base is known).
  {
    id: 'cstdcs.quota',
    awards: ['cstdcs'],
    description:
      'Số cá nhân được công nhận “Chiến sĩ thi đua cơ sở” không quá 15% số cá nhân đạt “Lao động tiên tiến” của đơn vị.',
    source: { document: OLD_DECREE, verify: `Tỷ lệ 15% lấy theo tài liệu nghiệp vụ; ${VERIFY} (số điều, khoản).` },
    kind: 'quota',
    maxShare: 0.15,
    of: 'ldtt',
    scope: 'unit',
  },
  // Grading (every 'consecutive' condition): years come from the award history
  // and standing nominations. A year missing for a person the award history
  // holds is an error; for a person it does not hold at all, the decisions of
  // the missing years are papers to attach ('document').
  {
    id: 'cstd_tinh.consecutive',
    awards: ['cstd_tinh'],
    description: 'Có ba lần liên tục đạt danh hiệu “Chiến sĩ thi đua cơ sở”.',
    source: {
      document: OLD_LAW,
      article: 'Điều 22',
      verify: `Lần thứ ba là năm xét tặng hay năm liền trước: ${VERIFY}.`,
    },
    kind: 'consecutive',
    requires: 'cstdcs',
    count: 3,
    basis: 'years',
    endingAt: 'achievement_year',
  },
  {
    id: 'cstd_tinh.initiative',
    awards: ['cstd_tinh'],
    description:
      'Thành tích, sáng kiến, giải pháp hoặc đề tài nghiên cứu có tác dụng ảnh hưởng đối với bộ, ngành, tỉnh, được Hội đồng khoa học, sáng kiến cấp tỉnh công nhận.',
    source: { document: OLD_LAW, article: 'Điều 22' },
    kind: 'initiative',
    scope: 'province',
    count: 1,
    accepts: ['initiative', 'research'],
    within: 'period',
  },
  {
    id: 'cstd_toanquoc.consecutive',
    awards: ['cstd_toanquoc'],
    description: 'Có hai lần liên tục đạt danh hiệu “Chiến sĩ thi đua cấp tỉnh”.',
    source: { document: OLD_LAW, article: 'Điều 21' },
    kind: 'consecutive',
    requires: 'cstd_tinh',
    count: 2,
    basis: 'awards',
    endingAt: 'achievement_year',
  },
  {
    id: 'cstd_toanquoc.initiative',
    awards: ['cstd_toanquoc'],
    description: 'Thành tích, sáng kiến, đề tài nghiên cứu có tác dụng ảnh hưởng trong phạm vi toàn quốc.',
    source: { document: OLD_LAW, article: 'Điều 21' },
    kind: 'initiative',
    scope: 'national',
    count: 1,
    accepts: ['initiative', 'research'],
    within: 'period',
  },
  {
    id: 'bk_tinh.criteria',
    awards: ['bk_tinh'],
    description:
      'Bằng khen của Chủ tịch UBND tỉnh tặng cá nhân đạt một trong các tiêu chuẩn: thành tích xuất sắc được bình xét trong phong trào thi đua; nhiều thành tích có phạm vi ảnh hưởng trong lĩnh vực của tỉnh; hoặc 02 năm trở lên liên tục hoàn thành xuất sắc nhiệm vụ, trong thời gian đó có 02 sáng kiến được công nhận và áp dụng hiệu quả ở cơ sở.',
    source: {
      document: OLD_DECREE,
      verify: `Điều về Bằng khen cấp bộ, tỉnh (được cho là Điều 39): ${VERIFY}. Tiêu chuẩn “02 lần liên tục Chiến sĩ thi đua cơ sở” là của Luật năm 2022, chưa xác định có trong Nghị định 91/2017/NĐ-CP.`,
    },
    kind: 'alternatives',
    options: [
      [{ kind: 'judgement', criterion: 'Có thành tích xuất sắc được bình xét trong phong trào thi đua.' }],
      [
        {
          kind: 'judgement',
          criterion: 'Lập được nhiều thành tích có phạm vi ảnh hưởng trong từng lĩnh vực thuộc bộ, ban, ngành, tỉnh.',
        },
      ],
      [
        { kind: 'task_rating', min: 'excellent', years: 2 },
        { kind: 'initiative', scope: 'base', count: 2, accepts: ['initiative'], within: 'period' },
      ],
    ],
  },
  {
    id: 'ttldxs.task_rating',
    awards: ['ttldxs'],
    description: 'Tập thể sáng tạo, vượt khó hoàn thành xuất sắc nhiệm vụ, thực hiện tốt các nghĩa vụ với Nhà nước.',
    source: { document: OLD_LAW, article: 'Điều 27' },
    kind: 'task_rating',
    min: 'excellent',
    years: 1,
  },
  {
    id: 'ttldxs.members_completed',
    awards: ['ttldxs'],
    description: '100% cá nhân trong tập thể hoàn thành nhiệm vụ được giao.',
    source: { document: OLD_LAW, article: 'Điều 27' },
    kind: 'member_share',
    measure: 'task_completed',
    minShare: 1,
  },
  {
    id: 'ttldxs.members_ldtt',
    awards: ['ttldxs'],
    description: 'Ít nhất 70% cá nhân trong tập thể đạt danh hiệu “Lao động tiên tiến”.',
    source: { document: OLD_LAW, article: 'Điều 27' },
    kind: 'member_share',
    measure: 'award',
    award: 'ldtt',
    minShare: 0.7,
  },
  {
    id: 'ttldxs.members_cstdcs',
    awards: ['ttldxs'],
    description: 'Có cá nhân đạt danh hiệu “Chiến sĩ thi đua cơ sở”.',
    source: { document: OLD_LAW, article: 'Điều 27' },
    kind: 'member_count',
    award: 'cstdcs',
    min: 1,
  },
  {
    id: 'ttldxs.no_discipline',
    awards: ['ttldxs'],
    description: 'Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên.',
    source: { document: OLD_LAW, article: 'Điều 27' },
    kind: 'no_discipline',
    who: 'members',
    from: 'warning',
  },
  {
    id: 'ttldtt.task_rating',
    awards: ['ttldtt'],
    description: 'Tập thể hoàn thành tốt nhiệm vụ và kế hoạch được giao.',
    source: { document: OLD_LAW, article: 'Điều 28' },
    kind: 'task_rating',
    min: 'good',
    years: 1,
  },
  {
    id: 'ttldtt.members_ldtt',
    awards: ['ttldtt'],
    description: 'Có trên 50% cá nhân trong tập thể đạt danh hiệu “Lao động tiên tiến”.',
    source: { document: OLD_LAW, article: 'Điều 28', verify: `Tỷ lệ “trên 50%”: ${VERIFY}.` },
    kind: 'member_share',
    measure: 'award',
    award: 'ldtt',
    minShare: 0.5,
    strict: true,
  },
  {
    id: 'ttldtt.no_discipline',
    awards: ['ttldtt'],
    description: 'Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên.',
    source: { document: OLD_LAW, article: 'Điều 28' },
    kind: 'no_discipline',
    who: 'members',
    from: 'warning',
  },
  {
    id: 'registration',
    awards: REGISTERED_TITLES,
    description:
      'Cá nhân, tập thể phải đăng ký thi đua từ đầu năm; không đăng ký thi đua thì không được xét tặng danh hiệu thi đua năm đó.',
    source: { document: OLD_LAW, article: 'Điều 10, khoản 1, điểm b' },
    kind: 'registration',
    when: 'start_of_year',
    // Grading (eligibility.ts): CSTĐCS is registered by name with the council,
    // so no registration for it is an error (even when the unit sent no
    // registration at all: nobody of the unit registered). LĐTT and the
    // collective titles are registered in the unit's own registration or
    // covenant, the provincial titles with the province's council: a name
    // missing from the council's book is a warning when the unit sent no
    // registration that year (it must send it), else a paper to attach. The
    // split is practice, not the article: see REGISTRATION_PRACTICE.
    byName: REGISTERED_BY_NAME,
    byNameSource: REGISTRATION_PRACTICE,
  },
  {
    id: 'initiative_unique',
    awards: ['cstdcs', 'cstd_tinh', 'cstd_toanquoc', 'bk_tinh'],
    description:
      'Sáng kiến đã dùng làm căn cứ xét tặng một danh hiệu, hình thức khen thưởng thì không được dùng lại để xét lần khác.',
    source: { document: OLD_DECREE, verify: `Điều khoản quy định việc không dùng lại sáng kiến: ${VERIFY}.` },
    kind: 'initiative_unique',
  },
  {
    id: 'vote.cstd_high',
    awards: ['cstd_tinh', 'cstd_toanquoc'],
    description:
      'Hội đồng họp và bỏ phiếu kín; phải có từ 90% trở lên số phiếu đồng ý tính trên tổng số thành viên Hội đồng (thành viên vắng mặt cho ý kiến bằng văn bản).',
    source: { document: OLD_DECREE, article: 'Điều 45, khoản 8' },
    kind: 'vote',
    ballot: 'secret',
    quorum: null,
    threshold: 0.9,
    base: 'all_members',
    absentInWriting: true,
  },
  {
    id: 'vote.base_titles',
    awards: ['ldtt', 'cstdcs', 'ttldtt', 'ttldxs'],
    description: 'Hội đồng họp khi có ít nhất 2/3 số thành viên; được đề nghị khi có từ 70% số phiếu đồng ý trở lên.',
    source: COUNCIL_VOTE_PRACTICE,
    kind: 'vote',
    ballot: 'any',
    quorum: 2 / 3,
    threshold: 0.7,
    base: 'present_members',
    absentInWriting: false,
  },
  ...rewardRules({
    document: OLD_DECREE,
    verify: `Số điều quy định mức tiền thưởng trong Nghị định 91/2017/NĐ-CP: ${VERIFY}.`,
  }),
];

// ── Rulebook 2: Luật 2022 + Nghị định 98/2023/NĐ-CP, Nghị định 152/2025/NĐ-CP ──

const NEW_ARTICLE = (what: string): string => `Số điều trong Luật năm 2022 về ${what}: ${VERIFY}.`;

// Grading of each kind as in the old book (see the comments there); where an
// article is still unchecked (`verify`), the registration rule's error is only
// a warning.
const RULES_2022: ReadonlyArray<Rule> = [
  {
    id: 'ldtt.task_rating',
    awards: ['ldtt'],
    description:
      'Hoàn thành tốt nhiệm vụ trở lên; có tinh thần tự lực, tự cường, đoàn kết, tương trợ, tích cực tham gia phong trào thi đua.',
    source: { document: NEW_LAW, verify: NEW_ARTICLE('danh hiệu “Lao động tiên tiến”') },
    kind: 'task_rating',
    min: 'good',
    years: 1,
  },
  {
    id: 'cstdcs.prerequisite',
    awards: ['cstdcs'],
    description: 'Phải đạt danh hiệu “Lao động tiên tiến” trong năm xét tặng.',
    source: { document: NEW_LAW, verify: NEW_ARTICLE('danh hiệu “Chiến sĩ thi đua cơ sở” (được cho là Điều 23)') },
    kind: 'prerequisite',
    requires: 'ldtt',
  },
  {
    id: 'cstdcs.initiative',
    awards: ['cstdcs'],
    description:
      'Có sáng kiến được công nhận và áp dụng hiệu quả, hoặc đề tài nghiên cứu khoa học đã nghiệm thu và được áp dụng.',
    source: { document: NEW_LAW, verify: NEW_ARTICLE('danh hiệu “Chiến sĩ thi đua cơ sở” (được cho là Điều 23)') },
    kind: 'initiative',
    scope: 'base',
    count: 1,
    accepts: ['initiative', 'research'],
    within: 'achievement_year',
  },
  {
    id: 'cstdcs.quota',
    awards: ['cstdcs'],
    description:
      'Số cá nhân được công nhận “Chiến sĩ thi đua cơ sở” không quá 15% số cá nhân đạt “Lao động tiên tiến” của đơn vị.',
    source: {
      document: NEW_DECREE,
      verify: `Tỷ lệ 15% có còn trong Nghị định 98/2023/NĐ-CP và Nghị định 152/2025/NĐ-CP hay không: ${VERIFY}.`,
    },
    kind: 'quota',
    maxShare: 0.15,
    of: 'ldtt',
    scope: 'unit',
  },
  {
    id: 'cstd_tinh.consecutive',
    awards: ['cstd_tinh'],
    description: 'Có ba lần liên tục đạt danh hiệu “Chiến sĩ thi đua cơ sở”.',
    source: {
      document: NEW_LAW,
      verify: `${NEW_ARTICLE('danh hiệu Chiến sĩ thi đua bộ, ban, ngành, tỉnh (được cho là Điều 22)')} Lần thứ ba là năm xét tặng hay năm liền trước: ${VERIFY}.`,
    },
    kind: 'consecutive',
    requires: 'cstdcs',
    count: 3,
    basis: 'years',
    endingAt: 'achievement_year',
  },
  {
    id: 'cstd_tinh.initiative',
    awards: ['cstd_tinh'],
    description:
      'Có sáng kiến, đề tài nghiên cứu được áp dụng hiệu quả và có phạm vi ảnh hưởng trong tỉnh (bộ, ban, ngành).',
    source: { document: NEW_LAW, verify: NEW_ARTICLE('danh hiệu Chiến sĩ thi đua bộ, ban, ngành, tỉnh') },
    kind: 'initiative',
    scope: 'province',
    count: 1,
    accepts: ['initiative', 'research'],
    within: 'period',
  },
  {
    id: 'cstd_toanquoc.consecutive',
    awards: ['cstd_toanquoc'],
    description: 'Có hai lần liên tục đạt danh hiệu Chiến sĩ thi đua bộ, ban, ngành, tỉnh.',
    source: { document: NEW_LAW, article: 'Điều 21' },
    kind: 'consecutive',
    requires: 'cstd_tinh',
    count: 2,
    basis: 'awards',
    endingAt: 'achievement_year',
  },
  {
    id: 'cstd_toanquoc.initiative',
    awards: ['cstd_toanquoc'],
    description: 'Có sáng kiến được áp dụng hiệu quả và có khả năng nhân rộng trong phạm vi toàn quốc.',
    source: { document: NEW_LAW, article: 'Điều 21' },
    kind: 'initiative',
    scope: 'national',
    count: 1,
    accepts: ['initiative', 'research'],
    within: 'period',
  },
  {
    id: 'bk_tinh.criteria',
    awards: ['bk_tinh'],
    description:
      'Bằng khen của Chủ tịch UBND tỉnh tặng cá nhân đạt một trong các tiêu chuẩn, trong đó có: 02 lần liên tục đạt danh hiệu “Chiến sĩ thi đua cơ sở”; hoặc 02 năm trở lên liên tục hoàn thành xuất sắc nhiệm vụ, trong thời gian đó có 02 sáng kiến được công nhận và áp dụng hiệu quả ở cơ sở.',
    source: {
      document: NEW_LAW,
      article: 'Điều 74, khoản 1',
      verify: `Điểm của khoản 1 (được cho là điểm d) và các tiêu chuẩn còn lại: ${VERIFY}.`,
    },
    kind: 'alternatives',
    options: [
      [{ kind: 'consecutive', requires: 'cstdcs', count: 2, basis: 'years', endingAt: 'achievement_year' }],
      [
        { kind: 'task_rating', min: 'excellent', years: 2 },
        { kind: 'initiative', scope: 'base', count: 2, accepts: ['initiative'], within: 'period' },
      ],
      [
        {
          kind: 'judgement',
          criterion:
            'Có thành tích tiêu biểu xuất sắc hoặc thành tích đột xuất được bình xét trong phong trào thi đua.',
        },
      ],
    ],
  },
  {
    id: 'ttldxs.task_rating',
    awards: ['ttldxs'],
    description: 'Tập thể sáng tạo, vượt khó hoàn thành xuất sắc nhiệm vụ.',
    source: { document: NEW_LAW, verify: NEW_ARTICLE('danh hiệu “Tập thể lao động xuất sắc”') },
    kind: 'task_rating',
    min: 'excellent',
    years: 1,
  },
  {
    id: 'ttldxs.members_completed',
    awards: ['ttldxs'],
    description: '100% cá nhân trong tập thể hoàn thành nhiệm vụ được giao.',
    source: { document: NEW_LAW, verify: NEW_ARTICLE('danh hiệu “Tập thể lao động xuất sắc”') },
    kind: 'member_share',
    measure: 'task_completed',
    minShare: 1,
  },
  {
    id: 'ttldxs.members_ldtt',
    awards: ['ttldxs'],
    description: 'Ít nhất 70% cá nhân trong tập thể đạt danh hiệu “Lao động tiên tiến”.',
    source: { document: NEW_LAW, verify: NEW_ARTICLE('danh hiệu “Tập thể lao động xuất sắc”') },
    kind: 'member_share',
    measure: 'award',
    award: 'ldtt',
    minShare: 0.7,
  },
  {
    id: 'ttldxs.members_cstdcs',
    awards: ['ttldxs'],
    description: 'Có cá nhân đạt danh hiệu “Chiến sĩ thi đua cơ sở”.',
    source: { document: NEW_LAW, verify: NEW_ARTICLE('danh hiệu “Tập thể lao động xuất sắc”') },
    kind: 'member_count',
    award: 'cstdcs',
    min: 1,
  },
  {
    id: 'ttldxs.no_discipline',
    awards: ['ttldxs'],
    description: 'Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên.',
    source: { document: NEW_LAW, verify: NEW_ARTICLE('danh hiệu “Tập thể lao động xuất sắc”') },
    kind: 'no_discipline',
    who: 'members',
    from: 'warning',
  },
  {
    id: 'ttldtt.task_rating',
    awards: ['ttldtt'],
    description: 'Tập thể hoàn thành tốt nhiệm vụ được giao.',
    source: { document: NEW_LAW, verify: NEW_ARTICLE('danh hiệu “Tập thể lao động tiên tiến”') },
    kind: 'task_rating',
    min: 'good',
    years: 1,
  },
  {
    id: 'ttldtt.members_ldtt',
    awards: ['ttldtt'],
    description: 'Có trên 50% cá nhân trong tập thể đạt danh hiệu “Lao động tiên tiến”.',
    source: { document: NEW_LAW, verify: `${NEW_ARTICLE('danh hiệu “Tập thể lao động tiên tiến”')} Tỷ lệ: ${VERIFY}.` },
    kind: 'member_share',
    measure: 'award',
    award: 'ldtt',
    minShare: 0.5,
    strict: true,
  },
  {
    id: 'ttldtt.no_discipline',
    awards: ['ttldtt'],
    description: 'Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên.',
    source: { document: NEW_LAW, verify: NEW_ARTICLE('danh hiệu “Tập thể lao động tiên tiến”') },
    kind: 'no_discipline',
    who: 'members',
    from: 'warning',
  },
  {
    id: 'registration',
    awards: REGISTERED_TITLES,
    description:
      'Cá nhân, tập thể đăng ký thi đua từ đầu năm; không đăng ký thi đua thì không được xét tặng danh hiệu thi đua năm đó.',
    source: {
      document: NEW_LAW,
      verify: `Luật năm 2022 quy định lại việc đăng ký thi đua; điều khoản và phạm vi bắt buộc: ${VERIFY}.`,
    },
    kind: 'registration',
    when: 'start_of_year',
    // As in the old book; while the article is unchecked (`verify`), what would
    // be an error is only a warning (eligibility.ts).
    byName: REGISTERED_BY_NAME,
    byNameSource: REGISTRATION_PRACTICE,
  },
  {
    id: 'initiative_unique',
    awards: ['cstdcs', 'cstd_tinh', 'cstd_toanquoc', 'bk_tinh'],
    description:
      'Không khen thưởng nhiều lần, nhiều hình thức cho một thành tích: sáng kiến đã dùng làm căn cứ xét tặng thì không được dùng lại.',
    source: {
      document: NEW_LAW,
      verify: `Nguyên tắc khen thưởng (được cho là Điều 5) và quy định chi tiết về sáng kiến trong Nghị định: ${VERIFY}.`,
    },
    kind: 'initiative_unique',
  },
  {
    id: 'vote.cstd_high',
    awards: ['cstd_tinh', 'cstd_toanquoc'],
    description:
      'Hội đồng họp và bỏ phiếu kín; phải có từ 90% trở lên số phiếu đồng ý tính trên tổng số thành viên Hội đồng (thành viên vắng mặt cho ý kiến bằng văn bản).',
    source: {
      document: NEW_DECREE,
      verify: `Ngưỡng 90% theo Nghị định 91/2017/NĐ-CP; việc Nghị định 98/2023/NĐ-CP, 152/2025/NĐ-CP giữ nguyên và số điều: ${VERIFY}.`,
    },
    kind: 'vote',
    ballot: 'secret',
    quorum: null,
    threshold: 0.9,
    base: 'all_members',
    absentInWriting: true,
  },
  {
    id: 'vote.base_titles',
    awards: ['ldtt', 'cstdcs', 'ttldtt', 'ttldxs'],
    description: 'Hội đồng họp khi có ít nhất 2/3 số thành viên; được đề nghị khi có từ 70% số phiếu đồng ý trở lên.',
    source: COUNCIL_VOTE_PRACTICE,
    kind: 'vote',
    ballot: 'any',
    quorum: 2 / 3,
    threshold: 0.7,
    base: 'present_members',
    absentInWriting: false,
  },
  ...rewardRules({
    document: NEW_DECREE,
    article: 'Điều 54',
    verify: `Nghị định 152/2025/NĐ-CP được cho là giữ nguyên các mức này; ${VERIFY} (điều khoản của Nghị định 152/2025/NĐ-CP).`,
  }),
];

/** Reward multiples of the titles (the same figures in both periods). */
function rewardRules(source: LegalRef): Rule[] {
  const table: Array<[AwardId, number | null, number | null, string]> = [
    ['cstd_toanquoc', 4.5, null, '“Chiến sĩ thi đua toàn quốc”: 4,5 lần mức lương cơ sở.'],
    ['cstd_tinh', 3.0, null, 'Chiến sĩ thi đua cấp tỉnh: 3,0 lần mức lương cơ sở.'],
    ['cstdcs', 1.0, null, '“Chiến sĩ thi đua cơ sở”: 1,0 lần mức lương cơ sở.'],
    ['ldtt', 0.3, null, '“Lao động tiên tiến”: 0,3 lần mức lương cơ sở.'],
    ['ttldxs', null, 1.5, '“Tập thể lao động xuất sắc”: 1,5 lần mức lương cơ sở.'],
    ['ttldtt', null, 0.8, '“Tập thể lao động tiên tiến”: 0,8 lần mức lương cơ sở.'],
    ['co_tinh', null, 8.0, 'Cờ thi đua của Ủy ban nhân dân tỉnh: 8,0 lần mức lương cơ sở.'],
    ['co_chinhphu', null, 12.0, '“Cờ thi đua của Chính phủ”: 12,0 lần mức lương cơ sở.'],
  ];
  return table.map(([award, individual, collective, description]) => ({
    id: `${award}.reward`,
    awards: [award],
    description: `Mức tiền thưởng danh hiệu ${description}`,
    source,
    kind: 'reward',
    individual,
    collective,
    basis: 'base_salary',
  }));
}

export const RULEBOOKS: ReadonlyArray<Rulebook> = [
  {
    id: 'tdkt-2003',
    title: 'Luật Thi đua, Khen thưởng năm 2003 (sửa đổi, bổ sung năm 2013) và Nghị định 91/2017/NĐ-CP',
    documents: [OLD_LAW, DOCUMENTS.LAW_2013, OLD_DECREE],
    fromYear: null,
    toYear: 2023,
    rules: RULES_2003,
    notes: [
      'Áp dụng cho thành tích đến hết năm 2023. Thành tích trước năm 2017 thuộc thời kỳ Nghị định 42/2010/NĐ-CP và Nghị định 65/2014/NĐ-CP, chưa được mô tả riêng.',
      'Ngưỡng biểu quyết 2/3 và 70% là thực tiễn của nhiều Hội đồng; cần đối chiếu quy chế của Hội đồng đang áp dụng.',
    ],
  },
  {
    id: 'tdkt-2022',
    title: 'Luật Thi đua, khen thưởng năm 2022, Nghị định 98/2023/NĐ-CP và Nghị định 152/2025/NĐ-CP',
    documents: [NEW_LAW, NEW_DECREE, DOCUMENTS.DECREE_152_2025],
    fromYear: 2024,
    toYear: null,
    rules: RULES_2022,
    notes: [
      'Áp dụng cho thành tích từ năm 2024 (Luật năm 2022 có hiệu lực từ 01/01/2024).',
      'Từ 01/7/2025 không còn cấp huyện; thẩm quyền của Chủ tịch UBND cấp huyện chuyển theo chính quyền hai cấp: cần đối chiếu Nghị định 152/2025/NĐ-CP.',
      'Quan hệ giữa Nghị định 152/2025/NĐ-CP và Nghị định 98/2023/NĐ-CP (thay thế hay sửa đổi) và thời điểm áp dụng: cần đối chiếu văn bản.',
    ],
  },
];

/** The rulebook that governs achievements of this year. */
export function rulebookFor(year: number): Rulebook {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    throw new RangeError(`Năm không hợp lệ: ${year}.`);
  }
  const book = RULEBOOKS.find(
    (b) => (b.fromYear === null || b.fromYear <= year) && (b.toYear === null || year <= b.toYear),
  );
  if (!book) throw new RangeError(`Chưa có bộ quy định cho thành tích năm ${year}.`);
  return book;
}

/** The rules of the year's rulebook that apply to an award, in book order. */
export function rulesFor(year: number, award: AwardId): Rule[] {
  return rulebookFor(year).rules.filter((r) => r.awards.includes(award));
}

/** The rules of a kind in the year's rulebook, typed by kind. */
export function rulesOfKind<K extends RuleKind>(
  year: number,
  kind: K,
): Array<RuleMeta & Extract<RuleBody, { kind: K }>> {
  return rulebookFor(year).rules.filter((r): r is RuleMeta & Extract<RuleBody, { kind: K }> => r.kind === kind);
}
