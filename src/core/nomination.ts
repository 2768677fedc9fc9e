/**
 * A nomination entered by hand (the «Nhập đề nghị khen thưởng» sidebar):
 * the awards a subject may be proposed for in a year, what the form must
 * hold, the row it becomes in the nominations sheet, and the eligibility
 * findings that the form alone can show. Pure: the sidebar runs it as the
 * user types, the server runs it again before writing.
 */
import {
  AWARDS,
  awardById,
  checkNominationsIndexed,
  rulebookFor,
  type AwardId,
  type CouncilLevel,
  type IndexedFinding,
} from './awards';
import { COMMENDATION_KIND, type CommendationKind, type Row } from './contract';
import { cleanText, matchKey } from './text';
import { UnitRegistry } from './units';

export type NominationSubject = 'individual' | 'collective';

/** What the form sends (plain JSON: it crosses google.script.run). */
export interface NominationInput {
  subject: NominationSubject;
  name: string;
  position: string;
  unit: string;
  /** A catalogue id ("cstdcs"), or '' when none is chosen yet. */
  award: AwardId | '';
  /** Achievement year; null when the field is empty or not a number. */
  year: number | null;
  commendationKind: CommendationKind;
  achievement: string;
  /** Initiatives, one per line (or separated by ";"). */
  initiative: string;
  /** The decision that recognised the initiatives (number, date, who). */
  initiativeRecognition: string;
  /** Links to the nomination's papers (Google Drive…), one per line. */
  attachments: string;
}

export type NominationField = keyof NominationInput;

export interface NominationProblem {
  field: NominationField;
  /** Vietnamese, polite, says what to do. */
  message: string;
}

export interface NominationContext {
  /** Units the user may nominate for; null for the standing office (any unit). */
  allowedUnits: ReadonlyArray<string> | null;
  /** Today's ISO date in the council's time zone. */
  today: string;
}

export const NOMINATION_LIMITS = {
  name: 200,
  position: 200,
  unit: 200,
  achievement: 5000,
  initiative: 2000,
  initiativeRecognition: 500,
  attachments: 2000,
} as const;

/** Achievement years the form accepts start here (older files come through the import). */
export const FIRST_NOMINATION_YEAR = 2000;

export interface AwardChoice {
  id: AwardId;
  name: string;
  /** 'title' (danh hiệu thi đua) or 'form' (hình thức khen thưởng). */
  kind: 'title' | 'form';
}

function fitsSubject(id: AwardId, subject: NominationSubject): boolean {
  const award = awardById(id);
  return award.subject === 'both' || award.subject === subject;
}

function inForce(id: AwardId, year: number | null): boolean {
  const last = awardById(id).validToYear;
  return year === null || last === undefined || year <= last;
}

/**
 * The catalogue's awards for this subject that are still conferred for
 * achievements of `year` (e.g. the district chair's Giấy khen ends with 2025),
 * titles first, in catalogue order.
 */
export function awardChoices(subject: NominationSubject, year: number | null): AwardChoice[] {
  const fitting = AWARDS.filter((a) => fitsSubject(a.id, subject) && inForce(a.id, year));
  return [...fitting.filter((a) => a.kind === 'title'), ...fitting.filter((a) => a.kind === 'form')].map((a) => ({
    id: a.id,
    name: a.name,
    kind: a.kind,
  }));
}

/** The rulebook of the year and what it asks of the award (rule descriptions), for the form's hint. */
export function awardCriteria(year: number, award: AwardId): { book: string; criteria: string[] } {
  const book = rulebookFor(year);
  const criteria = book.rules
    .filter((r) => r.awards.includes(award) && r.kind !== 'reward' && r.kind !== 'vote')
    .map((r) => r.description);
  return { book: book.title, criteria };
}

function currentYear(today: string): number {
  return Number(today.slice(0, 4));
}

/** The links of the attachments field: one per line (or separated by spaces, commas or ";"). */
export function attachmentLinks(text: string): string[] {
  return String(text ?? '')
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function tooLong(input: NominationInput, field: keyof typeof NOMINATION_LIMITS, label: string): NominationProblem[] {
  const value = String(input[field] ?? '');
  const max = NOMINATION_LIMITS[field];
  return value.length > max
    ? [{ field, message: `${label} quá dài (tối đa ${max.toLocaleString('vi-VN')} ký tự).` }]
    : [];
}

/** Every problem with the form, in form order; empty when it can be sent. */
export function validateNomination(input: NominationInput, ctx: NominationContext): NominationProblem[] {
  const problems: NominationProblem[] = [];
  const push = (field: NominationField, message: string) => problems.push({ field, message });
  const subject = input.subject;
  if (subject !== 'individual' && subject !== 'collective') {
    push('subject', 'Vui lòng chọn đề nghị cho cá nhân hay tập thể.');
  }
  const name = cleanText(String(input.name ?? ''));
  if (matchKey(name) === '') {
    push('name', subject === 'collective' ? 'Vui lòng nhập tên tập thể.' : 'Vui lòng nhập họ và tên.');
  }
  problems.push(...tooLong(input, 'name', subject === 'collective' ? 'Tên tập thể' : 'Họ và tên'));
  problems.push(...tooLong(input, 'position', 'Chức vụ'));

  const unit = cleanText(String(input.unit ?? ''));
  if (!unit) push('unit', 'Vui lòng chọn đơn vị đề nghị.');
  else if (ctx.allowedUnits && !ctx.allowedUnits.some((u) => matchKey(u) === matchKey(unit))) {
    push('unit', `Tài khoản của anh/chị không được nhập đề nghị cho đơn vị «${unit}».`);
  }

  const thisYear = currentYear(ctx.today);
  const year = input.year;
  const yearOk = year !== null && Number.isInteger(year) && year >= FIRST_NOMINATION_YEAR && year <= thisYear;
  if (year === null || !Number.isInteger(year)) push('year', 'Vui lòng nhập năm thành tích (ví dụ 2024).');
  else if (!yearOk) push('year', `Năm thành tích phải từ ${FIRST_NOMINATION_YEAR} đến ${thisYear}.`);

  if (!input.award) push('award', 'Vui lòng chọn danh hiệu thi đua hoặc hình thức khen thưởng.');
  else if (!AWARDS.some((a) => a.id === input.award)) {
    push('award', 'Danh hiệu, hình thức khen thưởng này không có trong danh mục của Hội đồng.');
  } else {
    const award = awardById(input.award);
    if ((subject === 'individual' || subject === 'collective') && !fitsSubject(award.id, subject)) {
      push(
        'award',
        `“${award.name}” dành cho ${subject === 'individual' ? 'tập thể' : 'cá nhân'}; vui lòng chọn danh hiệu, hình thức phù hợp.`,
      );
    } else if (yearOk && !inForce(award.id, year)) {
      push(
        'award',
        `“${award.name}” không còn được xét tặng cho thành tích năm ${year} (áp dụng đến năm ${award.validToYear}).`,
      );
    }
  }

  if (!COMMENDATION_KIND.some((k) => k.code === input.commendationKind)) {
    push('commendationKind', 'Vui lòng chọn loại khen thưởng.');
  }
  problems.push(...tooLong(input, 'achievement', 'Tóm tắt thành tích'));
  problems.push(...tooLong(input, 'initiative', 'Sáng kiến'));
  problems.push(...tooLong(input, 'initiativeRecognition', 'Công nhận sáng kiến'));
  if (matchKey(String(input.initiativeRecognition ?? '')) !== '' && matchKey(String(input.initiative ?? '')) === '') {
    push('initiative', 'Đã ghi quyết định công nhận sáng kiến: vui lòng ghi cả tên sáng kiến.');
  }
  const links = attachmentLinks(input.attachments);
  const bad = links.filter((l) => !/^https?:\/\/[^\s<>"]+$/i.test(l));
  if (bad.length) {
    push(
      'attachments',
      `Hồ sơ đính kèm phải là đường dẫn bắt đầu bằng http:// hoặc https:// (mỗi dòng một đường dẫn); chưa đúng: ${bad
        .slice(0, 3)
        .map((b) => `«${b.length > 60 ? `${b.slice(0, 60)}…` : b}»`)
        .join(', ')}.`,
    );
  }
  problems.push(...tooLong(input, 'attachments', 'Hồ sơ đính kèm'));
  return problems;
}

/** The nominations-sheet row of a valid input, as the office reviews it: status «Đề nghị». */
export function nominationRow(input: NominationInput, importedAt: string, findings: string | null = null): Row {
  const award = input.award ? awardById(input.award).name : '';
  const initiatives = String(input.initiative ?? '')
    .split(/[\n\r]+/)
    .map((s) => cleanText(s))
    .filter(Boolean)
    .join('; ');
  return {
    year: input.year,
    unit: cleanText(input.unit),
    subject: input.subject,
    name: cleanText(input.name),
    position: input.subject === 'individual' ? cleanText(input.position ?? '') || null : null,
    award,
    commendationKind: input.commendationKind,
    achievement: String(input.achievement ?? '').trim() || null,
    initiative: initiatives || null,
    initiativeRecognition: cleanText(input.initiativeRecognition ?? '') || null,
    attachments: attachmentLinks(input.attachments).join('\n') || null,
    reviewStatus: 'proposed',
    findings: findings ?? '',
    sourceFile: null,
    sourceSheet: null,
    sourceRow: null,
    importedAt,
  };
}

/** Who and what a nomination is about: year, subject, name, unit and award (case, tones and spacing aside). */
export function nominationIdentity(row: Row): string {
  const text = (v: unknown) => matchKey(v === null || v === undefined ? '' : String(v));
  return [text(row.year), text(row.subject), text(row.name), text(row.unit), text(row.award)].join('|');
}

/**
 * Checks whose outcome depends on the nomination alone (its award, subject,
 * year, initiative): the form shows them at once. Those that need the other
 * records (registrations, history, other nominations, quotas) come from the
 * server's check.
 */
export function isLocalCheck(rule: string): boolean {
  return (
    rule.startsWith('record.') || rule.startsWith('award.') || rule === 'issuer.level' || /\.initiative$/.test(rule)
  );
}

/** The findings the form alone can show (see isLocalCheck), for a council of this level. */
export function localFindings(input: NominationInput, councilLevel: CouncilLevel, today: string): IndexedFinding[] {
  if (validateNomination(input, { allowedUnits: null, today }).length > 0) return [];
  const row = nominationRow(input, `${today}T00:00:00.000Z`);
  return checkNominationsIndexed({
    nominations: [row],
    registrations: [],
    history: [],
    registry: new UnitRegistry([]),
    councilLevel,
  }).filter((f) => isLocalCheck(f.rule));
}
