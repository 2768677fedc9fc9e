/**
 * VNI-Windows (fonts VNI-Times, VNI-Helve …) to Unicode.
 *
 * VNI writes most accented letters as two bytes: the base letter, then a "mark"
 * byte that the font draws over it ("Vieät" = V i e+ä t = "Việt"). A few letters
 * are one byte: đ Đ, ơ Ơ, ư Ư (which also serve as bases for tone marks), the
 * toned i's and ỵ Ỵ. Capitals take the capital form of the mark byte
 * ("VIEÄT"). Decoding is greedy, two characters at a time: if the next
 * character is a mark that fits the current base, they form one letter.
 *
 * Tables written from the published VNI-Windows chart (the same facts as in
 * Unikey's ukengine/data.cpp).
 */
import { cp1252Char, fromCodes } from './cp1252';

/**
 * Mark byte (lower-case form, as Windows-1252 character) → combining marks.
 * The capital form of each mark is its Latin-1 upper case (ù → Ù, â → Â …).
 */
const TONE_MARKS: Record<string, string> = {
  ù: '\u0301', // sắc
  ø: '\u0300', // huyền
  û: '\u0309', // hỏi
  õ: '\u0303', // ngã
  ï: '\u0323', // nặng
};
const CIRCUMFLEX_MARKS: Record<string, string> = {
  â: '\u0302',
  á: '\u0302\u0301',
  à: '\u0302\u0300',
  å: '\u0302\u0309',
  ã: '\u0302\u0303',
  ä: '\u0302\u0323',
};
const BREVE_MARKS: Record<string, string> = {
  ê: '\u0306',
  é: '\u0306\u0301',
  è: '\u0306\u0300',
  ú: '\u0306\u0309',
  ü: '\u0306\u0303',
  ë: '\u0306\u0323',
};
/** Tones without nặng: ỵ has a byte of its own (î), so "y" takes only four marks. */
const Y_MARKS: Record<string, string> = { ù: '\u0301', ø: '\u0300', û: '\u0309', õ: '\u0303' };

/** Base byte (lower case) → [its Unicode letter, the marks it takes]. */
const BASES: Array<[string, string, Array<Record<string, string>>]> = [
  ['a', 'a', [TONE_MARKS, CIRCUMFLEX_MARKS, BREVE_MARKS]],
  ['e', 'e', [TONE_MARKS, CIRCUMFLEX_MARKS]],
  ['o', 'o', [TONE_MARKS, CIRCUMFLEX_MARKS]],
  ['ô', 'ơ', [TONE_MARKS]], // 0xF4 is ơ in VNI
  ['u', 'u', [TONE_MARKS]],
  ['ö', 'ư', [TONE_MARKS]], // 0xF6 is ư in VNI
  ['y', 'y', [Y_MARKS]],
];

/** One-byte letters (lower case form) → Unicode; capitals are the Latin-1 upper case. */
const SINGLES: Record<string, string> = {
  ñ: 'đ', // 0xF1
  ô: 'ơ', // 0xF4
  ö: 'ư', // 0xF6
  í: 'í', // 0xED
  ì: 'ì', // 0xEC
  æ: 'ỉ', // 0xE6
  ó: 'ĩ', // 0xF3
  ò: 'ị', // 0xF2
  î: 'ỵ', // 0xEE
};

/** "base+mark" (two characters) → Unicode letter. */
const PAIRS = new Map<string, string>();
/** single character → Unicode letter. */
const SINGLE_MAP = new Map<string, string>();
/** Unicode letter → VNI characters (for the encoder). */
const ENCODE = new Map<string, string>();

for (const [base, letter, markSets] of BASES) {
  for (const marks of markSets) {
    for (const [mark, combining] of Object.entries(marks)) {
      const lower = (letter + combining).normalize('NFC');
      const upper = lower.toUpperCase();
      // The case of the result follows the base; a mark of the other case is
      // accepted too, since hand-edited files mix them ("Aù").
      for (const m of [mark, mark.toUpperCase()]) {
        PAIRS.set(base + m, lower);
        PAIRS.set(base.toUpperCase() + m, upper);
      }
      ENCODE.set(lower, base + mark);
      ENCODE.set(upper, base.toUpperCase() + mark.toUpperCase());
    }
  }
}
for (const [byte, letter] of Object.entries(SINGLES)) {
  SINGLE_MAP.set(byte, letter);
  SINGLE_MAP.set(byte.toUpperCase(), letter.toUpperCase());
  ENCODE.set(letter, byte);
  ENCODE.set(letter.toUpperCase(), byte.toUpperCase());
}

/** (base code << 8 | mark code) → decoded letter code: the same pairs, for the decoder's inner loop. */
const PAIR_CODES = new Map<number, number>();
for (const [pair, letter] of PAIRS) {
  PAIR_CODES.set((pair.charCodeAt(0) << 8) | pair.charCodeAt(1), letter.charCodeAt(0));
}

/** Code unit → decoded code unit for U+0000–U+00FF outside pairs: one-byte letters, C1 controls, the rest unchanged. */
const SINGLE_CODES = new Uint16Array(256).map((_, code) => {
  const letter = SINGLE_MAP.get(String.fromCharCode(code));
  if (letter !== undefined) return letter.charCodeAt(0);
  return code >= 0x80 && code <= 0x9f ? cp1252Char(code).charCodeAt(0) : code;
});

/**
 * Decodes the Windows-1252 view of VNI bytes to Unicode NFC. Characters that
 * are not VNI letters are kept, except C1 controls U+0080–U+009F, which become
 * their Windows-1252 character.
 */
export function decodeVni(text: string): string {
  let highByte = false;
  for (let i = 0; i < text.length && !highByte; i++) {
    const code = text.charCodeAt(i);
    highByte = code >= 0x80 && code <= 0xff;
  }
  if (!highByte) return text; // every VNI letter involves a byte 0x80–0xFF
  const out: number[] = [];
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) {
      out[n++] = code;
      continue;
    }
    // Every mark byte is 0xC0 or above: look a pair up only when one follows.
    const next = text.charCodeAt(i + 1);
    if (next >= 0xc0 && next <= 0xff) {
      const pair = PAIR_CODES.get((code << 8) | next);
      if (pair !== undefined) {
        out[n++] = pair;
        i++;
        continue;
      }
    }
    out[n++] = SINGLE_CODES[code];
  }
  return fromCodes(out);
}

/**
 * Encodes Unicode text as VNI (as Windows-1252 characters). Characters VNI
 * cannot hold are kept. Used to generate test and benchmark data.
 */
export function encodeVni(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += ENCODE.get(ch) ?? ch;
  return out;
}
