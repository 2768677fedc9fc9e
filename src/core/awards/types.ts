/** Types shared by the award catalogue, the award matcher and the rulebooks. */

/** Stable codes of the awards in the catalogue. */
export type AwardId =
  | 'ldtt'
  | 'cstdcs'
  | 'cstd_tinh'
  | 'cstd_toanquoc'
  | 'ttldtt'
  | 'ttldxs'
  | 'co_tinh'
  | 'co_chinhphu'
  | 'gd_vanhoa'
  | 'thon_vanhoa'
  | 'gk_xa'
  | 'gk_huyen'
  | 'bk_tinh'
  | 'bk_ttg'
  | 'hcld_nhat'
  | 'hcld_nhi'
  | 'hcld_ba'
  | 'knc';

/** Who can receive it. Households and hamlets count as collectives (see Award.recipient). */
export type AwardSubject = 'individual' | 'collective' | 'both';

/** A danh hiệu thi đua (title) or a hình thức khen thưởng (form). */
export type AwardKind = 'title' | 'form';

/** Levels of government (and of councils). */
export type Level = 'commune' | 'district' | 'province' | 'national';

/**
 * Where a fact comes from. `article` is given only when it has been checked;
 * `verify` says, in Vietnamese, what still has to be checked against the text
 * ("cần đối chiếu văn bản …").
 */
export interface LegalRef {
  readonly document: string;
  readonly article?: string;
  readonly verify?: string;
}

/** Reward money as multiples of the base salary (lương cơ sở). Null where not set or not checked. */
export interface RewardMultiple {
  readonly individual: number | null;
  readonly collective: number | null;
  readonly source: LegalRef;
}

export interface Award {
  readonly id: AwardId;
  /** Official name, exactly as written in decisions and in the ground truth. */
  readonly name: string;
  /** Other ways it is written in the files units send ("LĐTT", "GK UBND huyện"…). */
  readonly shortForms: ReadonlyArray<string>;
  readonly subject: AwardSubject;
  readonly kind: AwardKind;
  /**
   * Level of the authority that decides it for the units of a district council
   * (the 2022 reference world): e.g. the district chair for LĐTT and CSTĐCS,
   * the province chair for TTLĐXS.
   */
  readonly issuerLevel: Level;
  /** Every council level whose head may confer it (over the periods covered by the rulebooks). */
  readonly awardedBy: ReadonlyArray<Level>;
  /** Reward multiple under the rules in force now (see the rulebooks for each period). */
  readonly reward: RewardMultiple | null;
  /** The same title for the other kind of subject (LĐTT ↔ Tập thể LĐTT). */
  readonly counterpart?: AwardId;
  /** For collective titles of households and residential areas. */
  readonly recipient?: 'household' | 'residential_area';
  /** Last achievement year it can be conferred (e.g. the district chair's Giấy khen). */
  readonly validToYear?: number;
  /** Specific variants start with the name ("Kỷ niệm chương Vì sự nghiệp …"). */
  readonly matchesPrefix?: boolean;
  readonly source: LegalRef;
  /** What is uncertain about this entry (Vietnamese), if anything. */
  readonly verify?: string;
}
