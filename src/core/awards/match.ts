/**
 * Finding the catalogue award a piece of text names ("LĐTT", "CSTĐ cơ sở",
 * "GK UBND huyện", "Bằng khen UBND tỉnh Đồng Tháp"…), with the same honesty as
 * the unit matcher:
 * - the official name (case and tone placement aside) gives confidence 1;
 * - a short form or a normalised spelling gives 0.95, the same without
 *   diacritics 0.85, and the reason says so;
 * - text that only starts an award's name ("Chiến sĩ thi đua", "Giấy khen",
 *   "Bằng khen", "Cờ thi đua") gives candidates and no award;
 * - anything else is "not in catalogue" (e.g. "Giấy khen của Giám đốc Sở"):
 *   no award, confidence 0.
 *
 * Decision on "Chiến sĩ thi đua" alone: it is ambiguous between cơ sở, cấp
 * tỉnh and toàn quốc. Neither the subject (all three are for individuals) nor
 * the year tells the level apart, so the matcher never picks one: it returns
 * the three as candidates and the caller asks a person. The same holds for
 * "Giấy khen" (xã or huyện), "Bằng khen" (tỉnh or Thủ tướng) and "Cờ thi đua".
 *
 * The subject helps in one way only: an individual title written for a
 * collective ("Lao động tiên tiến" in a collective row) means its collective
 * counterpart ("Tập thể lao động tiên tiến"), returned with a lower confidence
 * and a reason. A collective title written for an individual is returned as
 * written, flagged as a subject mismatch. The year flags awards no longer
 * conferred (the district chair's Giấy khen after 2025).
 */
import { cleanText, foldKey, matchKey } from '../text';
import { AWARDS, awardById } from './catalogue';
import { awardTokens } from './keys';
import type { Award } from './types';

export type AwardMatchCode =
  | 'exact'
  | 'short_form'
  | 'unaccented'
  | 'variant'
  | 'counterpart'
  | 'subject_mismatch'
  | 'not_in_force'
  | 'ambiguous'
  | 'partial'
  | 'not_in_catalogue'
  | 'empty';

export interface AwardMatch {
  /** The catalogue award, or null when none or several fit. */
  readonly award: Award | null;
  /** 0..1; 0 without an award. */
  readonly confidence: number;
  /** The award when found; the awards that fit when ambiguous or partial; else empty. */
  readonly candidates: Award[];
  /** Why, in Vietnamese, for the person reviewing the import. */
  readonly reason: string;
  /** The level that decided, for programs. */
  readonly code: AwardMatchCode;
}

export interface AwardMatchOptions {
  /** Who receives it: lets an individual title written for a collective find its collective counterpart. */
  subject?: 'individual' | 'collective';
  /** Achievement year: awards no longer conferred that year are flagged. */
  year?: number;
}

export const AWARD_MATCH_CONFIDENCE = {
  exact: 1,
  short_form: 0.95,
  variant: 0.9,
  unaccented: 0.85,
  counterpart: 0.8,
  subject_mismatch: 0.5,
  not_in_force: 0.5,
} as const;

interface Entry {
  readonly award: Award;
  readonly tokens: ReadonlyArray<string>;
  readonly loose: ReadonlyArray<string>;
}

const entries: Entry[] = [];
const byKey = new Map<string, Award[]>();
const byLoose = new Map<string, Award[]>();

function put(map: Map<string, Award[]>, key: string, award: Award): void {
  const list = map.get(key) ?? [];
  if (!list.includes(award)) list.push(award);
  map.set(key, list);
}

for (const award of AWARDS) {
  for (const form of [award.name, ...award.shortForms]) {
    const list = awardTokens(form);
    const loose = list.map((t) => foldKey(t));
    entries.push({ award, tokens: list, loose });
    put(byKey, list.join(' '), award);
    put(byLoose, loose.join(' '), award);
  }
}

/**
 * Keys that more than one award produces: a catalogue error (each short form
 * must name one award). Exposed for tests.
 */
export function catalogueKeyCollisions(): Array<{ key: string; awards: string[] }> {
  const out: Array<{ key: string; awards: string[] }> = [];
  for (const [key, list] of byKey) if (list.length > 1) out.push({ key, awards: list.map((a) => a.id) });
  return out;
}

function quoteList(awards: ReadonlyArray<Award>): string {
  const names = awards.map((a) => `“${a.name}”`);
  if (names.length <= 1) return names.join('');
  return names.slice(0, -1).join(', ') + ' hoặc ' + names[names.length - 1];
}

function fits(award: Award, subject: AwardMatchOptions['subject']): boolean {
  return !subject || award.subject === 'both' || award.subject === subject;
}

const SUBJECT_LABEL = { individual: 'cá nhân', collective: 'tập thể' } as const;

function startsWith(list: ReadonlyArray<string>, prefix: ReadonlyArray<string>): boolean {
  return prefix.length <= list.length && prefix.every((t, i) => list[i] === t);
}

/** Finds the catalogue award a text names. See the module comment for the rules. */
export function matchAward(text: string, options: AwardMatchOptions = {}): AwardMatch {
  const shown = cleanText(text ?? '');
  if (matchKey(shown) === '') {
    return {
      award: null,
      confidence: 0,
      candidates: [],
      reason: 'Chưa ghi danh hiệu hoặc hình thức khen thưởng.',
      code: 'empty',
    };
  }
  const quoted = `“${shown}”`;
  const list = awardTokens(shown);
  const key = list.join(' ');
  const loose = list.map((t) => foldKey(t));

  let award: Award | undefined;
  let code: 'exact' | 'short_form' | 'unaccented' | 'variant' | undefined;
  let reason = '';

  const official = AWARDS.find((a) => matchKey(a.name) === matchKey(shown));
  const hits = byKey.get(key) ?? [];
  const looseHits = byLoose.get(loose.join(' ')) ?? [];
  if (official) {
    award = official;
    code = 'exact';
    reason = `Đúng tên “${official.name}”.`;
  } else if (hits.length === 1) {
    award = hits[0];
    code = 'short_form';
    reason = `${quoted} là cách viết khác của “${award.name}”.`;
  } else if (hits.length === 0 && looseHits.length === 1) {
    award = looseHits[0];
    code = 'unaccented';
    reason = `${quoted} khớp “${award.name}” khi bỏ dấu tiếng Việt; xin kiểm tra lại.`;
  } else if (hits.length === 0 && looseHits.length === 0) {
    // Specific variants of a generic form ("Kỷ niệm chương Vì sự nghiệp …").
    const variant = entries.find(
      (e) => e.award.matchesPrefix && e.tokens.length < list.length && startsWith(list, e.tokens),
    );
    if (variant) {
      award = variant.award;
      code = 'variant';
      reason = `${quoted} là một loại “${award.name}”; tên đầy đủ được giữ nguyên như đã ghi.`;
    }
  }

  if (award && code) {
    return finish(award, code, reason, quoted, options);
  }

  // Several awards share the key: a catalogue error, but never a guess.
  const shared = hits.length > 1 ? hits : looseHits.length > 1 ? looseHits : [];
  if (shared.length) {
    return {
      award: null,
      confidence: 0,
      candidates: shared,
      reason: `${quoted} có thể là ${quoteList(shared)}; chưa xác định được.`,
      code: 'ambiguous',
    };
  }

  // Only the start of award names ("Chiến sĩ thi đua", "Giấy khen").
  const starts: Award[] = [];
  for (const e of entries) {
    if (starts.includes(e.award)) continue;
    if (e.tokens.length > list.length && (startsWith(e.tokens, list) || startsWith(e.loose, loose)))
      starts.push(e.award);
  }
  const fitting = starts.filter((a) => fits(a, options.subject));
  const candidates = fitting.length ? fitting : starts;
  if (candidates.length > 1) {
    return {
      award: null,
      confidence: 0,
      candidates,
      reason: `${quoted} chưa đủ để xác định: có thể là ${quoteList(candidates)}. Xin ghi rõ danh hiệu, hình thức khen thưởng.`,
      code: 'ambiguous',
    };
  }
  if (candidates.length === 1) {
    return {
      award: null,
      confidence: 0,
      candidates,
      reason: `${quoted} chỉ là phần đầu của “${candidates[0].name}”; xin ghi đủ tên danh hiệu, hình thức khen thưởng.`,
      code: 'partial',
    };
  }
  return {
    award: null,
    confidence: 0,
    candidates: [],
    reason: `${quoted} không có trong danh mục danh hiệu thi đua, hình thức khen thưởng của Hội đồng.`,
    code: 'not_in_catalogue',
  };
}

function finish(
  award: Award,
  code: 'exact' | 'short_form' | 'unaccented' | 'variant',
  reason: string,
  quoted: string,
  options: AwardMatchOptions,
): AwardMatch {
  let result: AwardMatch = {
    award,
    confidence: AWARD_MATCH_CONFIDENCE[code],
    candidates: [award],
    reason,
    code,
  };
  const subject = options.subject;
  if (subject && !fits(award, subject)) {
    const counterpart = award.counterpart ? awardById(award.counterpart) : undefined;
    if (subject === 'collective' && counterpart && fits(counterpart, subject)) {
      result = {
        award: counterpart,
        confidence: Math.min(result.confidence, AWARD_MATCH_CONFIDENCE.counterpart),
        candidates: [counterpart],
        reason: `${quoted} ghi cho tập thể được hiểu là “${counterpart.name}”; xin kiểm tra lại.`,
        code: 'counterpart',
      };
    } else {
      result = {
        ...result,
        confidence: Math.min(result.confidence, AWARD_MATCH_CONFIDENCE.subject_mismatch),
        reason: `“${award.name}” là danh hiệu dành cho ${SUBJECT_LABEL[award.subject as 'individual' | 'collective']}, nhưng được ghi cho ${SUBJECT_LABEL[subject]}; xin kiểm tra lại.`,
        code: 'subject_mismatch',
      };
    }
  }
  const year = options.year;
  const final = result.award as Award;
  if (year !== undefined && final.validToYear !== undefined && year > final.validToYear) {
    result = {
      ...result,
      confidence: Math.min(result.confidence, AWARD_MATCH_CONFIDENCE.not_in_force),
      reason: `${result.reason} Lưu ý: “${final.name}” không còn được xét tặng cho thành tích năm ${year} (áp dụng đến năm ${final.validToYear}).`,
      code: 'not_in_force',
    };
  }
  return result;
}
