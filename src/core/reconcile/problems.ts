/**
 * Problems found while reconciling a batch, each with a Vietnamese message that
 * names the place (file, sheet, row, cell when known), says what is wrong, why,
 * and how to fix it. The same three parts fill a row of the discrepancies sheet.
 */
import type { ImportKind } from './types';

export type ProblemCode =
  /** The file's sending unit is not in the unit registry (or the file does not name it). */
  | 'unknown_unit'
  /** The file's unit text fits several units. */
  | 'ambiguous_unit'
  | 'empty_name'
  | 'missing_year'
  | 'missing_award'
  /** Not in the council's catalogue: kept verbatim. */
  | 'unknown_award'
  /** Only part of an award name, or several awards fit. */
  | 'ambiguous_award'
  /** A collective title written for a person (or the reverse without a counterpart). */
  | 'award_subject_mismatch'
  /** An award no longer conferred for that year. */
  | 'award_not_in_force'
  /** Accepted, but the award was read loosely (no diacritics, collective counterpart): check it. */
  | 'award_interpreted'
  | 'duplicate'
  | 'conflict'
  /** Nominated for Chiến sĩ thi đua cơ sở without a registration for it (outcome unchanged). */
  | 'not_registered'
  /** Accepted, but the same person is on another row of the same file with another award. */
  | 'listed_twice'
  /** The file could not be read (file-level, discrepancies only). */
  | 'unreadable_file'
  /** An award list whose decision number could not be read (the award is still recorded). */
  | 'missing_decision';

/** Codes that make a record invalid. */
export const INVALID_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'unknown_unit',
  'ambiguous_unit',
  'empty_name',
  'missing_year',
  'missing_award',
  'unknown_award',
  'ambiguous_award',
  'award_subject_mismatch',
  'award_not_in_force',
]);

export interface Problem {
  readonly code: ProblemCode;
  /** The whole message: place, what, why and the suggested fix. */
  readonly message: string;
  /** What is wrong (without the place). */
  readonly what: string;
  /** Why it matters / what was found. */
  readonly why: string;
  /** What to do. */
  readonly suggestion: string;
}

/** The place of a row in a source file, for messages. */
export interface Place {
  /** File name (base name) as shown to people. */
  readonly file: string;
  readonly sheet: string | null;
  readonly row: number | null;
  /** A cell address or column, when known. */
  readonly cell?: string | null;
}

/** "tệp «a.xlsx», trang «KT 2022», dòng 12, ô C12". */
export function placeText(place: Place): string {
  const parts = [`tệp «${place.file}»`];
  if (place.sheet) parts.push(`trang «${place.sheet}»`);
  if (place.row !== null && place.row !== undefined) parts.push(`dòng ${place.row}`);
  if (place.cell) parts.push(/^\$?[A-Z]{1,3}$/i.test(place.cell) ? `cột ${place.cell}` : `ô ${place.cell}`);
  return parts.join(', ');
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** The text with a full stop at the end (unless it already ends a sentence). */
export function ensureStop(text: string): string {
  const t = text.trim();
  return t === '' || /[.!?…]$/.test(t) ? t : t + '.';
}

export function problem(code: ProblemCode, place: Place, what: string, why: string, suggestion: string): Problem {
  const w = ensureStop(what);
  const y = ensureStop(why);
  const s = ensureStop(suggestion);
  const message = `${capitalise(placeText(place))}: ${w}${y ? ' ' + y : ''}${s ? ' Cách xử lý: ' + s : ''}`;
  return { code, message, what: w, why: y, suggestion: s };
}

/** "đề nghị" / "đăng ký" / "khen thưởng", for sentences. */
export function kindVerb(kind: ImportKind): string {
  return kind === 'nomination' ? 'đề nghị' : kind === 'award' ? 'khen thưởng' : 'đăng ký';
}

/** The sheet of the master holding that kind, for suggestions. */
export function kindBook(kind: ImportKind): string {
  return kind === 'nomination'
    ? '«Đề nghị khen thưởng»'
    : kind === 'award'
      ? '«Lịch sử khen thưởng»'
      : '«Đăng ký thi đua»';
}

/** “A”, “B” hoặc “C”. */
export function quoteNames(names: ReadonlyArray<string>): string {
  const q = names.map((n) => `“${n}”`);
  if (q.length <= 1) return q.join('');
  return q.slice(0, -1).join(', ') + ' hoặc ' + q[q.length - 1];
}
