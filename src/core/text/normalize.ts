/**
 * Unicode Vietnamese: NFC, white space, tone placement, matching keys, names.
 *
 * Files from units arrive as NFC, NFD, "Unicode tổ hợp" (precomposed base letter
 * plus a combining tone) and with old ("hoà, thuỷ") or new ("hòa, thủy") tone
 * placement. Display text is NFC with new-style placement; matching uses keys
 * that ignore placement, case and punctuation.
 */
import { cachedByText } from '../cache';

/** The five Vietnamese tone marks as combining characters (NFD). */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;
const TONE_MARKS_G = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ALL_MARKS_G = /\p{M}/gu;

/**
 * An o or u (any tone) followed by an a, e or y (any tone), in NFC: only a
 * word with one can end in oa, oe or uy, so a text without one has nothing
 * for canonicalTone to move (most texts: the check saves the
 * syllable-by-syllable pass; tests/core/text compares both on random text).
 */
const VOWEL_PAIR = /[oòóỏõọuùúủũụ][aàáảãạeèéẻẽẹyỳýỷỹỵ]/iu;

/**
 * Case mapping: Vietnamese has no language-specific rule in Unicode's
 * SpecialCasing (only Lithuanian, Turkish and Azeri do), so toLowerCase and
 * toUpperCase give exactly what toLocaleLowerCase('vi') would, for every code
 * point, at a fraction of the cost (tests/core/text checks both).
 */

/** Canonical composition. Also joins "Unicode tổ hợp" (base + combining tone). */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

export interface SpaceOptions {
  /** Also fold in-cell line breaks (Alt+Enter in Excel) into a single space. */
  lineBreaks?: boolean;
}

/** Anything collapseSpace would change: a space at either end, two in a row, or any other white space. */
const UNCLEAN_SPACE = /^\s|\s$|\s\s|[^\S ]|[\u00a0\u2007\u202f\u200b\ufeff]/;

/**
 * Collapses runs of white space (incl. non-breaking and narrow spaces, tabs) to
 * one space and trims. Line breaks are kept unless `lineBreaks` is set, because
 * some callers (addresses, notes) need them.
 */
export function collapseSpace(text: string, options: SpaceOptions = {}): string {
  // Most cells are already clean: no line break, no unusual or doubled space, no space at either end.
  if (!UNCLEAN_SPACE.test(text)) return text;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const cleaned = lines.map((line) => line.replace(/[\s\u00a0\u2007\u202f\u200b\ufeff]+/g, ' ').trim());
  if (options.lineBreaks) return cleaned.filter((l) => l !== '').join(' ');
  return cleaned.join('\n').trim();
}

/** NFC plus white-space collapsing: the form every imported cell is stored in. */
export function cleanText(text: string, options: SpaceOptions = { lineBreaks: true }): string {
  return collapseSpace(nfc(text), options);
}

/**
 * Moves the tone of open syllables ending in oa, oe, uy (not after q) to the first
 * vowel, the new style ("hoà" → "hòa", "thuỷ" → "thủy", "Uỷ" → "Ủy"). Syllables
 * with a final consonant ("hoàn", "toán") and "quý" are left alone: their tone
 * position does not differ between styles.
 */
export function canonicalTone(text: string): string {
  const composed = nfc(text);
  return VOWEL_PAIR.test(composed) ? composed.replace(/[\p{L}\p{M}]+/gu, canonicalSyllable) : composed;
}

/** New-style form of each syllable seen: a batch repeats the same few thousand words. */
const canonicalSyllable = cachedByText(computeCanonicalSyllable);

function computeCanonicalSyllable(word: string): string {
  const decomposed = word.normalize('NFD');
  const tone = decomposed.match(TONE_MARKS);
  if (!tone) return word;
  const base = decomposed.replace(TONE_MARKS_G, '').normalize('NFC');
  const m = /^([^aeiouyăâêôơư]*?)(oa|oe|uy)$/iu.exec(base);
  if (!m || /q$/i.test(m[1])) return word;
  const at = m[1].length; // index of the o/u that takes the tone
  return (base.slice(0, at + 1) + tone[0] + base.slice(at + 1)).normalize('NFC');
}

export interface KeyOptions {
  /** Treat đ as d (e.g. for names typed without the stroke). Off by default. */
  foldD?: boolean;
}

/**
 * A key for exact matching that ignores tone placement, case, punctuation and
 * spacing: "UỶ BAN  nhân dân" and "Ủy ban nhân-dân" give the same key.
 */
export function matchKey(text: string, options: KeyOptions = {}): string {
  return options.foldD ? computeMatchKey(text, true) : plainMatchKey(text);
}

const plainMatchKey = cachedByText((text) => computeMatchKey(text, false));

function computeMatchKey(text: string, foldD: boolean): string {
  let key = canonicalTone(text).toLowerCase();
  if (foldD) key = key.replace(/đ/g, 'd');
  return key.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * A diacritic-free key for fuzzy matching: NFD, marks dropped, đ→d, lower case,
 * punctuation as space. "Thường Phước" → "thuong phuoc".
 */
export const foldKey: (text: string) => string = cachedByText(computeFoldKey);

function computeFoldKey(text: string): string {
  // Plain ASCII (codes, English, text typed without marks) has nothing to decompose.
  if (/^[\x00-\x7f]*$/.test(text)) {
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }
  return text
    .normalize('NFD')
    .replace(ALL_MARKS_G, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A person's name in title case: "NGUYỄN VĂN AN" → "Nguyễn Văn An". Each
 * space- or hyphen-separated part gets an upper-case first letter.
 */
export function titleCaseName(text: string): string {
  return collapseSpace(nfc(text), { lineBreaks: true })
    .toLowerCase()
    .replace(/(^|[\s\-'])(\p{L})/gu, (_all, sep: string, letter: string) => sep + letter.toUpperCase());
}

/** True when a string has letters and none of them is lower case. */
export function isAllCaps(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toUpperCase();
}

/** Made on first use: loading the Vietnamese collation costs ~15 ms, which a reader worker never needs. */
let collator: Intl.Collator | null = null;

/** Vietnamese alphabetical order (a ă â b c d đ e ê …), numbers compared as numbers. */
export function compareVi(a: string, b: string): number {
  collator ??= new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
  return collator.compare(a, b);
}
