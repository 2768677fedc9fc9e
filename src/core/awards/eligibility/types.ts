/** Types of the eligibility checks (see ../eligibility.ts). */
import type { Row } from '../../contract';
import type { UnitRegistry } from '../../units';
import type { Level } from '../types';

/** Levels a council sits at (there is no national council of this kind). */
export type CouncilLevel = Exclude<Level, 'national'>;

/**
 * How a council's standing office treats a finding:
 *
 * - error: the data shows the nomination is wrong: the award is missing or not
 *   in the catalogue, two files contradict each other, a condition fails
 *   against records that exist (a year missing from the person's award
 *   history, a quota over the unit's decided LĐTT, an initiative already
 *   used, a CSTĐCS candidate nobody registered with this council);
 * - warning: the council cannot settle it with the data and must act: it only
 *   proposes the award upward, the unit owes it a paper it has not sent at all
 *   (its registration of the year), the same person comes from two units, or
 *   the rule's legal basis is still to be checked;
 * - document: a fact the data does not hold and a paper can prove (the LĐTT
 *   decision of the year, the recognition of an initiative, the unit's
 *   headcount, a unit's own registration list): the unit attaches it.
 *
 * The principle: absence from the lists units send is not proof (nomination
 * lists routinely leave out what the council confers anyway, and carry no
 * column for some facts); only records that would hold the fact if it were
 * true (award history, the council's own registration book, a filled column)
 * prove it is not.
 */
export type Severity = 'error' | 'warning' | 'document';

export const SEVERITY_ORDER: ReadonlyArray<Severity> = ['error', 'warning', 'document'];

/** Vietnamese labels of the severities. */
export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  error: 'Lỗi',
  warning: 'Cảnh báo',
  document: 'Cần bổ sung hồ sơ',
};

/** One thing found about one nomination. */
export interface Finding {
  /** The nomination's source file, sheet and row; null when it was entered by hand. */
  readonly file: string | null;
  readonly sheet: string | null;
  readonly row: number | null;
  readonly name: string;
  readonly unit: string;
  /** The award as written in the nomination (its official name when matched). */
  readonly award: string;
  readonly year: number | null;
  /** The rulebook rule id ("cstdcs.quota"), or a check of the catalogue ("award.catalogue", "issuer.level"). */
  readonly rule: string;
  /** The source article, as text ("Điều 23, khoản 1 Luật Thi đua, Khen thưởng …"). */
  readonly article: string;
  readonly severity: Severity;
  /** Vietnamese, for the office: who, which award, what is missing, what to attach or fix. */
  readonly message: string;
}

/**
 * A finding with the index of its nomination in the input (to write it back);
 * null for a row the import kept out of the nominations sheet (see
 * importFindings).
 */
export interface IndexedFinding extends Finding {
  readonly index: number | null;
}

/**
 * How the quota's maximum is rounded when the share of the unit's holders is
 * not a whole number: 'floor' (the default: "không quá 15%" is an upper bound,
 * so 6 LĐTT → 0,9 → 0) or 'half_up' (councils whose regulation says "làm tròn
 * số": 6 LĐTT → 0,9 → 1).
 */
export type QuotaRounding = 'floor' | 'half_up';

export interface CheckInput {
  /** Rows of the contract's 'nominations' sheet. */
  readonly nominations: ReadonlyArray<Row>;
  /** Rows of the 'registrations' sheet. */
  readonly registrations: ReadonlyArray<Row>;
  /** Rows of the 'awardHistory' sheet. */
  readonly history: ReadonlyArray<Row>;
  readonly registry: UnitRegistry;
  readonly councilLevel: CouncilLevel;
  /** Check only nominations of this achievement year (all records still count as evidence). */
  readonly year?: number;
  readonly quotaRounding?: QuotaRounding;
}
