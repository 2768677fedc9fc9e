/**
 * Matching keys for award names. Catalogue names, short forms and the text read
 * from files all go through `awardKey`, so both sides agree by construction.
 *
 * What the key ignores or unifies (each is data below):
 * - case, tone placement ("Uỷ"/"Ủy"), punctuation, dashes, spacing;
 * - list markers and counts around section rows ("1.", "-", "2/",
 *   "(01 tập thể)", ": 01 cá nhân");
 * - spelling variants (sỹ/sĩ, kỉ/kỷ);
 * - abbreviations (LĐTT, CSTĐCS, GK, BK, UBND, TTg…);
 * - filler words in front ("Danh hiệu", "Đề nghị tặng") and inside ("của",
 *   "cấp", "Chủ tịch");
 * - the place after the level ("… UBND tỉnh Đồng Tháp", "… huyện Hồng Ngự");
 * - "thị trấn"/"phường" as "xã" (all commune-level), "hạng III/3" as "hạng Ba".
 */
import { foldKey } from '../text';
import { abbreviationLookup, expandAbbreviationRuns, tokens } from '../units/keys';

/** Abbreviations in award names, as compacted initials (lower case, đ → d, no separators). */
export const AWARD_ABBREVIATIONS: ReadonlyArray<{ readonly keys: ReadonlyArray<string>; readonly expansion: string }> =
  [
    { keys: ['ldtt'], expansion: 'lao động tiên tiến' },
    { keys: ['ldxs'], expansion: 'lao động xuất sắc' },
    { keys: ['ttldtt'], expansion: 'tập thể lao động tiên tiến' },
    { keys: ['ttldxs'], expansion: 'tập thể lao động xuất sắc' },
    { keys: ['cstd'], expansion: 'chiến sĩ thi đua' },
    { keys: ['cstdcs'], expansion: 'chiến sĩ thi đua cơ sở' },
    { keys: ['cstdtq'], expansion: 'chiến sĩ thi đua toàn quốc' },
    { keys: ['gk'], expansion: 'giấy khen' },
    { keys: ['bk'], expansion: 'bằng khen' },
    { keys: ['ubnd'], expansion: 'ủy ban nhân dân' },
    { keys: ['ct'], expansion: 'chủ tịch' },
    { keys: ['ttg', 'ttcp'], expansion: 'thủ tướng chính phủ' },
    { keys: ['bkttg', 'bkttcp'], expansion: 'bằng khen thủ tướng chính phủ' },
    { keys: ['cp'], expansion: 'chính phủ' },
    { keys: ['hcld'], expansion: 'huân chương lao động' },
    { keys: ['knc'], expansion: 'kỷ niệm chương' },
    { keys: ['gdvh'], expansion: 'gia đình văn hóa' },
  ];

/** Spelling variants of a whole word: the second is used. */
export const SPELLING_VARIANTS: Readonly<Record<string, string>> = {
  sỹ: 'sĩ',
  kỉ: 'kỷ',
};

/** Words in front of an award name that do not change it. */
export const LEADING_FILLERS: ReadonlyArray<ReadonlyArray<string>> = [
  ['đề', 'nghị'],
  ['xét', 'tặng'],
  ['tặng'],
  ['danh', 'hiệu'],
  ['hình', 'thức'],
  ['đăng', 'ký'],
  ['công', 'nhận'],
];

/** Words anywhere in an award name that do not change it. */
export const INNER_FILLERS: ReadonlyArray<ReadonlyArray<string>> = [['của'], ['cấp'], ['chủ', 'tịch']];

/** Commune-level words written as "xã". */
const COMMUNE_LEVEL: ReadonlyArray<ReadonlyArray<string>> = [['thị', 'trấn'], ['phường']];

/** Level words after which a place name may follow ("tỉnh Đồng Tháp"). */
const LEVEL_WORDS: ReadonlyArray<string> = ['xã', 'huyện', 'tỉnh'];

/** Ranks of orders: "hạng I", "hạng 1", "hạng Nhất" are one rank. */
const RANKS: Readonly<Record<string, string>> = {
  i: 'nhất',
  '1': 'nhất',
  nhất: 'nhất',
  ii: 'nhì',
  '2': 'nhì',
  nhì: 'nhì',
  iii: 'ba',
  '3': 'ba',
  ba: 'ba',
};

const LIST_MARKER = /^\s*(?:[-–—•+*·]+|\(?\d{1,2}\s*[.)/:]|\(?[ivx]{1,4}\s*[.)/]|[a-zđ]\s*\))\s*/iu;
const TRAILING_COUNT = /\s*[:(–-]?\s*\(?\s*\d+\s*(?:cá nhân|tập thể|người|đơn vị|hộ)\s*\)?\s*$/iu;

const abbreviations = abbreviationLookup(AWARD_ABBREVIATIONS, (t) => tokens(t));

function spelling(list: string[]): string[] {
  return list.map((t) => SPELLING_VARIANTS[t] ?? t);
}

/**
 * A token is the word when equal, or when it is written without diacritics and
 * equals the word without them ("cua" is "của"; "cửa" is not).
 */
function is(token: string | undefined, word: string): boolean {
  if (token === undefined) return false;
  if (token === word) return true;
  const bare = foldKey(token);
  return bare === token && bare === foldKey(word);
}

function startsWithAt(list: ReadonlyArray<string>, at: number, seq: ReadonlyArray<string>): boolean {
  return at + seq.length <= list.length && seq.every((t, i) => is(list[at + i], t));
}

function removeAll(list: string[], sequences: ReadonlyArray<ReadonlyArray<string>>): string[] {
  const out: string[] = [];
  for (let i = 0; i < list.length;) {
    const seq = sequences.find((s) => startsWithAt(list, i, s));
    if (seq) {
      i += seq.length;
    } else {
      out.push(list[i]);
      i++;
    }
  }
  return out;
}

function replaceAll(list: string[], sequences: ReadonlyArray<ReadonlyArray<string>>, by: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < list.length;) {
    const seq = sequences.find((s) => startsWithAt(list, i, s));
    if (seq) {
      out.push(by);
      i += seq.length;
    } else {
      out.push(list[i]);
      i++;
    }
  }
  return out;
}

/** Removes list markers and trailing counts from a section-row style text. */
export function stripDecorations(text: string): string {
  let s = text;
  for (let prev = ''; prev !== s;) {
    prev = s;
    s = s.replace(LIST_MARKER, '');
  }
  return s.replace(TRAILING_COUNT, '').trim();
}

/** The award key of a text as tokens (see the module comment). */
export function awardTokens(text: string): string[] {
  let list = spelling(tokens(stripDecorations(text)));
  list = spelling(expandAbbreviationRuns(list, abbreviations));
  // Leading fillers, repeatedly ("Đề nghị tặng danh hiệu …").
  for (let changed = true; changed;) {
    changed = false;
    for (const filler of LEADING_FILLERS) {
      if (list.length > filler.length && startsWithAt(list, 0, filler)) {
        list = list.slice(filler.length);
        changed = true;
      }
    }
  }
  list = removeAll(list, INNER_FILLERS);
  list = replaceAll(list, COMMUNE_LEVEL, 'xã');
  // "thủ tướng" alone means "thủ tướng chính phủ".
  list = list
    .filter((t, i, l) => !(is(l[i - 1], 'tướng') && is(t, 'chính') && is(l[i + 1], 'phủ')))
    .filter((t, i, l) => !(is(l[i - 1], 'tướng') && is(t, 'phủ')));
  // Drop the place after the first level word ("tỉnh Đồng Tháp"), but not in "xã hội".
  const level = list.findIndex((t, i) => LEVEL_WORDS.some((w) => is(t, w)) && !is(list[i + 1], 'hội'));
  if (level >= 0) list = list.slice(0, level + 1);
  // Ranks of orders.
  list = list.map((t, i) => {
    if (i === 0 || !is(list[i - 1], 'hạng')) return t;
    const rank = Object.keys(RANKS).find((r) => is(t, r));
    return rank ? RANKS[rank] : t;
  });
  return list;
}

/** The award key of a text. */
export function awardKey(text: string): string {
  return awardTokens(text).join(' ');
}

/** The award key without diacritics. */
export function awardLooseKey(text: string): string {
  return foldKey(awardKey(text));
}
