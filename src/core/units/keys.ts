/**
 * Matching keys for unit names. The same function turns registry names and
 * the text read from a file into keys, so both sides agree by construction.
 *
 * Levels, from strict to loose:
 * - exact key: `matchKey` of the whole text (case, tone placement, punctuation
 *   and spacing ignored);
 * - core key: the exact key with abbreviations expanded, "UBND", "xã",
 *   "thị trấn"/"TT", "Phòng"/"P." and the trailing "huyện …" removed, Roman
 *   numerals as digits, "và"/"&" dropped, glued letters split
 *   ("Long KhánhA", "ThuongPhuoc1");
 * - loose key: the core key without diacritics or spaces ("thuongphuoc1");
 * - initialism: the first letter of each word of the core key, numbers and
 *   single letters kept ("tp1", "ttha").
 */
import { foldKey, matchKey } from '../text';
import { ROMAN_NUMERALS, UNIT_ABBREVIATIONS, UNIT_PREFIXES } from './abbreviations';

export interface AbbreviationLookup {
  /** Expansion tokens for a compacted abbreviation, or undefined. */
  get(compact: string): ReadonlyArray<string> | undefined;
}

/** Letters only, diacritics removed, đ → d: how abbreviations are looked up. */
export function compact(text: string): string {
  return foldKey(text).replace(/\s+/g, '');
}

/**
 * Builds a lookup from compacted abbreviation keys to expansion tokens, the
 * expansion being turned into tokens by `tokenize`.
 */
export function abbreviationLookup(
  entries: ReadonlyArray<{ readonly keys: ReadonlyArray<string>; readonly expansion: string }>,
  tokenize: (text: string) => string[],
): AbbreviationLookup {
  const map = new Map<string, ReadonlyArray<string>>();
  for (const entry of entries) {
    const tokens = tokenize(entry.expansion);
    for (const key of entry.keys) map.set(compact(key), tokens);
  }
  return { get: (c) => map.get(c) };
}

/**
 * Replaces abbreviations in a token list. A single token of any length, or a
 * run of up to `maxRun` short tokens (at most `maxTokenLength` letters, "và"
 * allowed between them, as in "VH và TT" or "LĐ TB XH"), is compacted and
 * looked up; the longest run that is found wins.
 */
export function expandAbbreviationRuns(
  tokens: ReadonlyArray<string>,
  lookup: AbbreviationLookup,
  options: { maxRun?: number; maxTokenLength?: number } = {},
): string[] {
  const maxRun = options.maxRun ?? 4;
  const maxLen = options.maxTokenLength ?? 4;
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    let matched = false;
    for (let len = Math.min(maxRun + 2, tokens.length - i); len >= 1; len--) {
      const run = tokens.slice(i, i + len);
      if (run[0] === 'và' || run[run.length - 1] === 'và') continue;
      const words = run.filter((t) => t !== 'và');
      if (words.length > maxRun) continue;
      if (len > 1 && words.some((t) => t.length > maxLen)) continue;
      const found = lookup.get(compact(words.join(' ')));
      if (found) {
        out.push(...found);
        i += len;
        matched = true;
        break;
      }
    }
    if (!matched) {
      out.push(tokens[i]);
      i++;
    }
  }
  return out;
}

/**
 * Splits letters glued to a following capital or number, and numbers glued to
 * letters: "Long KhánhA" → "Long Khánh A", "ThuongPhuoc1" → "Thuong Phuoc 1",
 * "TP1" → "TP 1". "&" becomes the word "và". Works on the original case.
 */
export function splitGlued(text: string): string {
  return text
    .replace(/&/g, ' và ')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2');
}

/** Matching-key tokens of a text, with glued parts split first. */
export function tokens(text: string): string[] {
  const key = matchKey(splitGlued(text));
  return key === '' ? [] : key.split(' ');
}

const unitAbbreviations = abbreviationLookup(UNIT_ABBREVIATIONS, (t) => tokens(t));

export interface CoreKey {
  /** Core key tokens (see the module comment). */
  readonly tokens: ReadonlyArray<string>;
  /** The kind the removed prefix words hint at ("xã" → commune), if any. */
  readonly kindHint: string | null;
}

function startsWith(list: ReadonlyArray<string>, prefix: ReadonlyArray<string>): boolean {
  return prefix.length <= list.length && prefix.every((t, i) => list[i] === t);
}

/** The core key of a unit name or of text naming a unit. */
export function coreKey(text: string): CoreKey {
  let list = expandAbbreviationRuns(tokens(text), unitAbbreviations);
  let kindHint: string | null = null;
  // Leading words that only say what kind of unit follows.
  for (let changed = true; changed;) {
    changed = false;
    for (const prefix of UNIT_PREFIXES) {
      if (list.length > prefix.tokens.length && startsWith(list, prefix.tokens)) {
        list = list.slice(prefix.tokens.length);
        if (prefix.kind) kindHint = prefix.kind;
        changed = true;
        break;
      }
    }
  }
  // "… huyện Hồng Ngự" / "Thanh tra huyện": the district is not part of the unit's own name.
  const district = list.indexOf('huyện');
  if (district > 0) list = list.slice(0, district);
  list = list
    .filter((t) => t !== 'và')
    .map((t, i) => {
      if (i > 0 && ROMAN_NUMERALS[t]) return ROMAN_NUMERALS[t];
      if (/^\d+$/.test(t)) return String(Number(t));
      return t;
    });
  return { tokens: list, kindHint };
}

/** The loose key: core key without diacritics or spaces. */
export function looseKey(core: ReadonlyArray<string>): string {
  return compact(core.join(' '));
}

/**
 * Initials of a core key: first letter of each word (diacritics removed), whole
 * numbers and single letters kept. Empty for one-word names.
 */
export function initialism(core: ReadonlyArray<string>): string {
  if (core.length < 2) return '';
  return core.map((t) => (/^\d+$/.test(t) ? t : compact(t).slice(0, 1))).join('');
}
