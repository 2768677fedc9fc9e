/**
 * From the council's passed nominations to a decision: its attached list
 * (danh sách kèm theo Quyết định) and the award history rows that record it,
 * which later years' consecutive checks read. Merging into the history is
 * idempotent: the same person, year and award is never recorded twice.
 */
import { awardById, AWARDS, lineageKey, matchAward, type AwardId, type Level } from '../awards';
import { SHEETS, type Row } from '../contract';
import { formatViDate } from '../dates';
import { cleanText, matchKey } from '../text';
import { parseDate, type UnitRegistry } from '../units';

export interface DecisionInfo {
  /** "123", "123/QĐ-UBND" or "123/QĐ-CT": a bare number gets "/QĐ-UBND". */
  readonly number: string;
  /** ISO (yyyy-mm-dd) or dd/mm/yyyy. */
  readonly date: string;
  /** Who signs ("Nguyễn Văn A"). */
  readonly signer: string;
  /** Level of the authority that decides. */
  readonly level: Level;
  /** The authority, as the list's title names it ("Chủ tịch Ủy ban nhân dân huyện Hồng Ngự"). */
  readonly issuer: string;
}

export interface Decision {
  readonly number: string;
  /** ISO date. */
  readonly date: string;
  readonly signer: string;
  readonly level: Level;
  readonly issuer: string;
  /** Achievement years of the listed awards, ascending. */
  readonly years: number[];
  /** Awards listed, in catalogue order. */
  readonly awards: AwardId[];
}

/** Keys of an attached-list row. */
export const LIST_COLUMNS = ['year', 'subject', 'name', 'position', 'unit', 'award', 'awardId'] as const;

export interface DecisionResult {
  readonly decision: Decision;
  /** The attached list: grouped by award (catalogue order), nominations' order within. */
  readonly list: Row[];
  /** awardHistory rows (contract keys). */
  readonly history: Row[];
  /** Passed nominations left out, with the reason (Vietnamese). */
  readonly skipped: Array<{ row: Row; reason: string }>;
}

function text(value: unknown): string {
  return value === null || value === undefined ? '' : cleanText(String(value));
}

/**
 * Nominations the council passed (review status 'passed', "Đạt"), with their
 * index in the sheet, optionally of one award and one year.
 */
export function passedNominations(
  rows: ReadonlyArray<Row>,
  filter: { award?: AwardId; year?: number } = {},
): Array<{ index: number; row: Row }> {
  const out: Array<{ index: number; row: Row }> = [];
  rows.forEach((row, index) => {
    if (text(row.reviewStatus) !== 'passed') return;
    if (filter.year !== undefined && Number(row.year) !== filter.year) return;
    if (filter.award !== undefined) {
      // With the subject: an individual title written for a collective means its counterpart.
      const subject = text(row.subject);
      const s = subject === 'individual' || subject === 'collective' ? subject : undefined;
      if (matchAward(text(row.award), { subject: s }).award?.id !== filter.award) return;
    }
    out.push({ index, row });
  });
  return out;
}

/** "123" → "123/QĐ-UBND"; a number that already has its symbol stays as written. */
export function decisionNumber(number: string): string {
  const n = text(number);
  if (!n) throw new RangeError('Chưa có số quyết định.');
  return /^\d+$/.test(n) ? `${n}/QĐ-UBND` : n;
}

export function decisionFromSession(info: DecisionInfo, passed: ReadonlyArray<Row>): DecisionResult {
  const number = decisionNumber(info.number);
  const date = parseDate(text(info.date));
  if (!date) throw new RangeError(`Ngày quyết định “${info.date}” không hợp lệ; hãy ghi dạng dd/mm/yyyy.`);
  const signer = text(info.signer);
  if (!signer) throw new RangeError('Chưa có người ký quyết định.');
  const issuer = text(info.issuer);
  if (!issuer) throw new RangeError('Chưa có cấp (người có thẩm quyền) quyết định.');

  const order = new Map<AwardId, number>(AWARDS.map((a, i) => [a.id, i]));
  const kept: Array<{ row: Row; award: AwardId; year: number; at: number }> = [];
  const skipped: Array<{ row: Row; reason: string }> = [];
  passed.forEach((row, at) => {
    const name = text(row.name);
    const year = Number(row.year);
    const subject = text(row.subject);
    const match = matchAward(text(row.award), {
      subject: subject === 'individual' || subject === 'collective' ? subject : undefined,
      year: Number.isInteger(year) ? year : undefined,
    });
    if (!name) return skipped.push({ row, reason: 'Chưa có họ tên, tên tập thể.' });
    if (!Number.isInteger(year) || year < 1900)
      return skipped.push({ row, reason: `“${name}”: chưa có năm thành tích.` });
    if (!match.award) return skipped.push({ row, reason: `“${name}”: ${match.reason}` });
    const award = match.award;
    if (!award.awardedBy.includes(info.level)) {
      return skipped.push({
        row,
        reason: `“${name}”: “${award.name}” không thuộc thẩm quyền quyết định của cấp này; cần trình cấp trên.`,
      });
    }
    kept.push({ row, award: award.id, year, at });
  });
  kept.sort((a, b) => (order.get(a.award) ?? 0) - (order.get(b.award) ?? 0) || a.at - b.at);

  const list: Row[] = kept.map(({ row, award, year }) => ({
    year,
    subject: text(row.subject) || awardSubject(award),
    name: text(row.name),
    position: text(row.position) || null,
    unit: text(row.unit),
    award: awardById(award).name,
    awardId: award,
  }));
  const history: Row[] = kept.map(({ row, award, year }) => ({
    year,
    subject: text(row.subject) || awardSubject(award),
    name: text(row.name),
    unit: text(row.unit),
    award: awardById(award).name,
    decisionNumber: number,
    decisionDate: date,
    issuer,
    initiative: text(row.initiative) || null,
  }));
  const decision: Decision = {
    number,
    date,
    signer,
    level: info.level,
    issuer,
    years: [...new Set(kept.map((k) => k.year))].sort((a, b) => a - b),
    awards: [...new Set(kept.map((k) => k.award))],
  };
  return { decision, list, history, skipped };
}

function awardSubject(award: AwardId): string {
  return awardById(award).subject === 'collective' ? 'collective' : 'individual';
}

/** Identity of an award history row: year, subject, name key, unit lineage, award. */
export function historyKey(row: Row, registry?: UnitRegistry): string {
  const unit = text(row.unit);
  const award = matchAward(text(row.award)).award?.id ?? `?${matchKey(text(row.award))}`;
  const lineage = registry ? lineageKey(registry, unit) : matchKey(unit);
  return [text(row.year), text(row.subject), matchKey(text(row.name)), lineage, award].join('|');
}

/**
 * The history with the new rows appended, except those already recorded (same
 * person, year and award: running a decision twice adds nothing).
 */
export function mergeHistory(
  existing: ReadonlyArray<Row>,
  added: ReadonlyArray<Row>,
  registry?: UnitRegistry,
): { rows: Row[]; added: Row[]; already: Row[] } {
  const seen = new Set(existing.map((r) => historyKey(r, registry)));
  const fresh: Row[] = [];
  const already: Row[] = [];
  for (const row of added) {
    const key = historyKey(row, registry);
    if (seen.has(key)) {
      already.push(row);
      continue;
    }
    seen.add(key);
    fresh.push(row);
  }
  const columns = SHEETS.awardHistory.columns.map((c) => c.key);
  const shaped = fresh.map((r) => Object.fromEntries(columns.map((k) => [k, r[k] ?? null])) as Row);
  return { rows: [...existing, ...shaped], added: shaped, already };
}

/**
 * The list's title line under "DANH SÁCH", from its content: "Cá nhân đạt danh
 * hiệu “Lao động tiên tiến” năm 2022", "Cá nhân, tập thể được công nhận danh
 * hiệu thi đua và khen thưởng năm 2022"…
 */
export function listTitle(decision: Decision, list: ReadonlyArray<Row>): string {
  const subjects = new Set(list.map((r) => (r.subject === 'collective' ? 'collective' : 'individual')));
  const who = subjects.size === 2 ? 'Cá nhân, tập thể' : subjects.has('collective') ? 'Tập thể' : 'Cá nhân';
  const years = decision.years.length ? ` năm ${decision.years.join(', ')}` : '';
  if (decision.awards.length === 1) {
    const award = awardById(decision.awards[0]);
    return award.kind === 'title'
      ? `${who} đạt danh hiệu “${award.name}”${years}`
      : `${who} được tặng ${award.name}${years}`;
  }
  const kinds = new Set(decision.awards.map((a) => awardById(a).kind));
  const what =
    kinds.size === 2
      ? 'được công nhận danh hiệu thi đua và khen thưởng'
      : kinds.has('title')
        ? 'được công nhận danh hiệu thi đua'
        : 'được khen thưởng';
  return `${who} ${what}${years}`;
}

/** "(Kèm theo Quyết định số 123/QĐ-UBND ngày 15/01/2023 của Chủ tịch Ủy ban nhân dân huyện Hồng Ngự)". */
export function listSubtitle(decision: Decision): string {
  return `(Kèm theo Quyết định số ${decision.number} ngày ${formatViDate(decision.date)} của ${decision.issuer})`;
}
