/**
 * How the text of a generated cell is spoiled the way real files spoil it:
 * old tone placement, NFD, capitals, non-breaking and stray spaces, line
 * breaks, and the legacy TCVN3 / VNI encodings with their fonts.
 */
import { canonicalTone, decodeTcvn3, encodeTcvn3, encodeVni, foldKey } from '../../core/text';
import type { Rng } from './prng';

export type FileEncoding = 'unicode' | 'tcvn3' | 'vni';

const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/;
const TONE_MARKS_G = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * Old-style tone placement ("Hòa" → "Hoà", "Thủy" → "Thuỷ", "Ủy" → "Uỷ"): the
 * inverse of the core's `canonicalTone` for open syllables ending in oa, oe, uy.
 */
export function oldTone(text: string): string {
  return text.normalize('NFC').replace(/[\p{L}\p{M}]+/gu, (word) => {
    const decomposed = word.normalize('NFD');
    const tone = decomposed.match(TONE_MARK);
    if (!tone) return word;
    const base = decomposed.replace(TONE_MARKS_G, '').normalize('NFC');
    const m = /^([^aeiouyăâêôơư]*?)(oa|oe|uy)$/iu.exec(base);
    if (!m || /q$/i.test(m[1])) return word;
    const at = m[1].length + 2; // after the second vowel
    return (base.slice(0, at) + tone[0] + base.slice(at)).normalize('NFC');
  });
}

/** True when `oldTone` changes the text. */
export function hasOldToneForm(text: string): boolean {
  return oldTone(text) !== text.normalize('NFC');
}

/** New-style (canonical) text: what the ground truth holds. */
export function newTone(text: string): string {
  return canonicalTone(text);
}

export function upper(text: string): string {
  return text.toLocaleUpperCase('vi');
}

export function lower(text: string): string {
  return text.toLocaleLowerCase('vi');
}

/** Replaces one of the spaces by a line break (Alt+Enter), sometimes keeping the space before it. */
export function lineBreak(rng: Rng, text: string): string {
  const spaces: number[] = [];
  for (let i = 1; i < text.length - 1; i++) if (text[i] === ' ') spaces.push(i);
  if (spaces.length === 0) return text;
  const at = rng.pick(spaces);
  return text.slice(0, at) + (rng.chance(0.3) ? ' \n' : '\n') + text.slice(at + 1);
}

/** Replaces one space by a non-breaking space (U+00A0), as text pasted from a web page has. */
export function nbsp(rng: Rng, text: string): string {
  const spaces: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] === ' ') spaces.push(i);
  if (spaces.length === 0) return text;
  const at = rng.pick(spaces);
  return text.slice(0, at) + '\u00a0' + text.slice(at + 1);
}

/** Adds spaces around the text or doubles one inside it. */
export function straySpaces(rng: Rng, text: string): string {
  switch (rng.int(0, 2)) {
    case 0:
      return ' ' + text;
    case 1:
      return '  ' + text + '  ';
    default: {
      const at = text.indexOf(' ');
      return at < 0 ? text + ' ' : text.slice(0, at) + '  ' + text.slice(at + 1);
    }
  }
}

/** ASCII form of a name for file names: "Thường Thới Tiền" → "Thuong Thoi Tien". */
export function ascii(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Lower-case ASCII words, for comparisons. */
export function folded(text: string): string {
  return foldKey(text);
}

/** Font names of an encoding: body text and (TCVN3 only) the capitals font. */
export interface Fonts {
  readonly body: string;
  /** The font for capitals lines: ".VnTimeH" for TCVN3 (text stored in lower case), else the body font. */
  readonly caps: string;
}

export const FONTS: Readonly<Record<FileEncoding, Fonts>> = {
  unicode: { body: 'Times New Roman', caps: 'Times New Roman' },
  tcvn3: { body: '.VnTime', caps: '.VnTimeH' },
  vni: { body: 'VNI-Times', caps: 'VNI-Times' },
};

/** Capitals that have a TCVN3 code of their own; other accented capitals share the lower-case code. */
const TCVN3_CAPITALS = 'ĂÂÊÔƠƯĐ';

/**
 * Text as a typist writes it in a .VnTime font, which has no accented
 * capitals: a word starting with one takes the old tone placement when that
 * frees the capital ("Ủy" → "Uỷ", as in "Uû ban"); otherwise the letter ends
 * up in lower case once encoded.
 */
export function typeableTcvn3(text: string): string {
  return text.normalize('NFC').replace(/[\p{L}\p{M}]+/gu, (word) => {
    const first = word[0];
    if (first === lower(first) || /[A-Z]/.test(first) || TCVN3_CAPITALS.includes(first)) return word;
    return oldTone(word);
  });
}

/** What a cell in an encoding shows once decoded: TCVN3 loses the case of accented capitals. */
export function shownAs(encoding: FileEncoding, text: string): string {
  return encoding === 'tcvn3' ? decodeTcvn3(encodeTcvn3(typeableTcvn3(text))) : text;
}

/** The characters a cell stores for Unicode text in an encoding (the Windows-1252 view of legacy bytes). */
export function encodeAs(encoding: FileEncoding, text: string): string {
  if (encoding === 'tcvn3') return encodeTcvn3(typeableTcvn3(text));
  if (encoding === 'vni') return encodeVni(text);
  return text;
}

/**
 * Text for a cell in a TCVN3 capitals font (.VnTimeH): typed in lower case,
 * shown in capitals by the font.
 */
export function encodeCapsFont(text: string): string {
  return encodeTcvn3(lower(text));
}
