/** Vietnamese wording of the eligibility findings, in one place. */
import { awardById } from '../catalogue';
import type { InitiativeScope, TaskRating } from '../rulebooks';
import { VERIFY } from '../sources';
import type { AwardId, LegalRef, Level } from '../types';
import type { CheckRecord } from './records';

/** "Điều 23, khoản 1 Luật Thi đua, Khen thưởng …", or the document with a note when the article is unchecked. */
export function articleText(source: LegalRef): string {
  if (source.article) return `${source.article} ${source.document}`;
  return `${source.document} (điều, khoản: ${VERIFY})`;
}

/** "Ông (bà) Nguyễn Văn An (Phòng Y tế)" / "Tập thể “Hội Nông dân xã …” (Xã …)". */
export function who(rec: CheckRecord): string {
  const unit = rec.unit ? ` (${rec.unit})` : '';
  const name = rec.name || '(chưa ghi tên)';
  return rec.subject === 'collective' ? `Tập thể “${name}”${unit}` : `Ông (bà) ${name}${unit}`;
}

/** The award's official name in quotes. */
export function quoted(award: AwardId): string {
  return `“${awardById(award).name}”`;
}

/** "được đề nghị “Chiến sĩ thi đua cơ sở” năm 2022" for a record. */
export function proposed(rec: CheckRecord): string {
  const award = rec.awardId ? quoted(rec.awardId) : `“${rec.awardText}”`;
  return `${who(rec)} được đề nghị ${award}${rec.year === null ? '' : ` năm ${rec.year}`}`;
}

/** "2020, 2021 và 2022". */
export function listText(items: ReadonlyArray<string | number>): string {
  const list = items.map(String);
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} và ${list[list.length - 1]}`;
}

/** Two-digit counts as Vietnamese documents write them ("03 năm", "02 lần"). */
export function count2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export const RATING_LABEL: Readonly<Record<TaskRating, string>> = {
  completed: 'hoàn thành nhiệm vụ',
  good: 'hoàn thành tốt nhiệm vụ',
  excellent: 'hoàn thành xuất sắc nhiệm vụ',
};

export const SCOPE_LABEL: Readonly<Record<InitiativeScope, string>> = {
  base: 'được cơ sở công nhận',
  province: 'có phạm vi ảnh hưởng cấp tỉnh (bộ, ngành), được Hội đồng sáng kiến cấp tỉnh công nhận',
  national: 'có phạm vi ảnh hưởng toàn quốc',
};

export const LEVEL_LABEL: Readonly<Record<Level, string>> = {
  commune: 'cấp xã',
  district: 'cấp huyện',
  province: 'cấp tỉnh',
  national: 'Trung ương',
};

/** Who confers awards at a level. */
export const AUTHORITY_LABEL: Readonly<Record<Level, string>> = {
  commune: 'Chủ tịch Ủy ban nhân dân cấp xã',
  district: 'Chủ tịch Ủy ban nhân dân cấp huyện',
  province: 'Chủ tịch Ủy ban nhân dân cấp tỉnh',
  national: 'Thủ tướng Chính phủ, Chủ tịch nước',
};

export const LEVEL_RANK: Readonly<Record<Level, number>> = { commune: 0, district: 1, province: 2, national: 3 };

/** A number with a decimal comma and at most two decimals ("0,9", "1,35"). */
export function decimal(value: number): string {
  return String(Math.round(value * 100) / 100).replace('.', ',');
}
