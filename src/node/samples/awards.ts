/**
 * Which awards the generated reports ask for, and the ways units write them.
 * Every written form here names exactly one catalogue award (checked by the
 * tests against the core's award matcher); the ground truth always holds the
 * official name.
 */
import { awardById, type Award, type AwardId } from '../../core/awards';
import type { Rng } from './prng';

/** Awards a unit registers for at the start of the year (titles only). */
export const REGISTRATION_AWARDS = {
  individual: ['ldtt', 'cstdcs', 'cstd_tinh'] as AwardId[],
  collective: ['ttldtt', 'ttldxs', 'co_tinh'] as AwardId[],
};

/** Awards a unit proposes at the end of the year. */
export const NOMINATION_AWARDS = {
  individual: ['ldtt', 'cstdcs', 'cstd_tinh', 'gk_huyen', 'bk_tinh'] as AwardId[],
  collective: ['ttldtt', 'ttldxs', 'co_tinh', 'gk_huyen', 'bk_tinh'] as AwardId[],
};

/** Order of awards in lists and section rows: titles first, then forms by level. */
export const AWARD_ORDER: ReadonlyArray<AwardId> = [
  'ttldxs',
  'ttldtt',
  'co_tinh',
  'cstd_tinh',
  'cstdcs',
  'ldtt',
  'bk_tinh',
  'gk_huyen',
];

/** Ways the awards are written in cells. `{district}` and `{province}` are filled from the options. */
const WRITTEN: Readonly<Partial<Record<AwardId, ReadonlyArray<string>>>> = {
  ldtt: [
    'LĐTT',
    'Danh hiệu Lao động tiên tiến',
    'Lao động Tiên tiến',
    'LAO ĐỘNG TIÊN TIẾN',
    'Danh hiệu LĐTT',
    'lao động tiên tiến',
  ],
  cstdcs: [
    'CSTĐCS',
    'CSTĐ cơ sở',
    'Chiến sỹ thi đua cơ sở',
    'Chiến sĩ thi đua cấp cơ sở',
    'Danh hiệu Chiến sĩ thi đua cơ sở',
  ],
  cstd_tinh: ['CSTĐ tỉnh', 'CSTĐ cấp tỉnh', 'Chiến sỹ thi đua cấp Tỉnh', 'Chiến sĩ thi đua tỉnh'],
  ttldtt: ['Tập thể LĐTT', 'TTLĐTT', 'Tập thể Lao động Tiên tiến', 'TT LĐTT', 'Danh hiệu Tập thể lao động tiên tiến'],
  ttldxs: ['TTLĐXS', 'Tập thể LĐXS', 'Tập thể Lao động Xuất sắc', 'TT LĐXS'],
  co_tinh: ['Cờ thi đua UBND tỉnh', 'Cờ thi đua của UBND tỉnh', 'Cờ thi đua cấp tỉnh'],
  gk_huyen: [
    'GK UBND huyện',
    'Giấy khen UBND huyện',
    'Giấy khen của Chủ tịch UBND huyện',
    'Giấy khen của Chủ tịch Uỷ ban nhân dân huyện',
    'GK CT UBND huyện',
    'Giấy khen của Chủ tịch UBND huyện {district}',
  ],
  bk_tinh: [
    'BK UBND tỉnh',
    'Bằng khen UBND tỉnh',
    'Bằng khen của UBND Tỉnh',
    'Bằng khen UBND tỉnh {province}',
    'Bằng khen của Chủ tịch UBND tỉnh',
    'Bằng khen của Chủ tịch Uỷ ban nhân dân tỉnh',
  ],
};

/** Short labels for the columns of a tick matrix. */
const MATRIX_LABELS: Readonly<Partial<Record<AwardId, ReadonlyArray<string>>>> = {
  ldtt: ['LĐTT', 'Lao động tiên tiến'],
  cstdcs: ['CSTĐCS', 'Chiến sĩ thi đua cơ sở', 'CSTĐ cơ sở'],
  cstd_tinh: ['CSTĐ tỉnh', 'CSTĐ cấp tỉnh', 'Chiến sĩ thi đua cấp tỉnh'],
  ttldtt: ['Tập thể LĐTT', 'TTLĐTT'],
  ttldxs: ['TTLĐXS', 'Tập thể LĐXS'],
  co_tinh: ['Cờ thi đua UBND tỉnh', 'Cờ thi đua cấp tỉnh'],
};

/**
 * Awards no council of this kind confers: kept verbatim in the truth and
 * expected `invalid`.
 */
export const UNKNOWN_AWARDS: ReadonlyArray<string> = [
  'Giấy khen của Giám đốc Sở',
  'Giấy khen của Giám đốc Sở Y tế',
  'Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo',
  'Giấy khen của Liên đoàn Lao động huyện',
  'Bằng khen của Trung ương Hội Nông dân Việt Nam',
];

export interface Place {
  /** The district ("Hồng Ngự"), as in "UBND HUYỆN HỒNG NGỰ". */
  readonly district: string;
  /** The province ("Đồng Tháp"). */
  readonly province: string;
}

function fill(text: string, place: Place): string {
  return text.replace('{district}', place.district).replace('{province}', place.province);
}

/** Every written form of an award (official name first). */
export function writtenForms(id: AwardId, place: Place): string[] {
  const award = awardById(id);
  return [award.name, ...(WRITTEN[id] ?? []).map((t) => fill(t, place))];
}

/** A written form: the official name about half the time, otherwise a variant. */
export function writeAward(rng: Rng, id: AwardId, place: Place, variants: boolean, capitals = true): string {
  // Capitals are left out where the encoding cannot hold accented capitals (TCVN3 outside the H fonts).
  const forms = writtenForms(id, place).filter((f, i) => i === 0 || capitals || f !== f.toLocaleUpperCase('vi'));
  if (!variants || forms.length === 1 || rng.chance(0.45)) return forms[0];
  return rng.pick(forms.slice(1));
}

export function matrixLabel(rng: Rng, id: AwardId): string {
  const labels = MATRIX_LABELS[id];
  return labels ? rng.pick(labels) : awardById(id).name;
}

/** Every matrix label of an award, for the tests. */
export function matrixLabels(id: AwardId): string[] {
  return [...(MATRIX_LABELS[id] ?? [awardById(id).name])];
}

const SECTION_NUMBERING: Readonly<Record<'registration' | 'nomination', ReadonlyArray<string>>> = {
  registration: ['{n}. ', '{n}/ ', '- ', '{a}) ', '{n}. Danh hiệu ', '- Đăng ký danh hiệu ', '{n}. Đăng ký '],
  nomination: ['{n}. ', '{n}/ ', '- ', '{a}) ', '{n}. Đề nghị tặng ', '- Đề nghị tặng ', '{n}. Danh hiệu '],
};

/**
 * A section row naming the award of the rows below it:
 * "1. Lao động tiên tiến (05 cá nhân)", "- Đề nghị tặng lao động tiên tiến",
 * "4. Giấy khen của Chủ tịch Uỷ ban nhân dân huyện: 01 cá nhân".
 */
export function sectionLabel(
  rng: Rng,
  kind: 'registration' | 'nomination',
  id: AwardId,
  n: number,
  count: number,
  collective: boolean,
  place: Place,
): string {
  const award = awardById(id);
  let prefix = rng
    .pick(SECTION_NUMBERING[kind])
    .replace('{n}', String(n))
    .replace('{a}', 'abcdefgh'[(n - 1) % 8]);
  // "Danh hiệu" only before titles; "Đề nghị tặng" reads well before anything.
  if (award.kind === 'form') prefix = prefix.replace('Danh hiệu ', '');
  let name = rng.chance(0.6) ? award.name : rng.pick(writtenForms(id, place).slice(1));
  if (/(tặng|Danh hiệu|Đăng ký) $/.test(prefix) && /^(Danh hiệu|Đề nghị|[A-ZĐ ]+$)/u.test(name)) name = award.name;
  if (/(tặng|Đăng ký) $/.test(prefix) && name === award.name && rng.chance(0.5))
    name = name[0].toLocaleLowerCase('vi') + name.slice(1);
  const who = collective ? 'tập thể' : 'cá nhân';
  const counted = String(count).padStart(2, '0');
  const suffix = rng.weighted<string>([
    [` (${counted} ${who})`, 3],
    [`: ${counted} ${who}`, 2],
    ['', 2],
  ]);
  return prefix + name + suffix;
}

export function awardName(id: AwardId): string {
  return awardById(id).name;
}

export function isTitle(id: AwardId): boolean {
  return awardById(id).kind === 'title';
}

export type { Award, AwardId };
