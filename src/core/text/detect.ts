/**
 * Which encoding is this cell's text in, and what is it in Unicode?
 *
 * Units still send files typed in TCVN3 (.VnTime …) or VNI (VNI-Times …), often
 * mixed with Unicode in the same sheet (a TCVN3 title over a Unicode body), so
 * the decision is made per cell, or per rich-text run:
 *
 * 1. Text with a character outside Windows-1252 (ệ, ư, Đ, a combining mark …)
 *    cannot be legacy 8-bit text: it is Unicode, whatever its font says.
 * 2. A legacy font name decides: ".Vn…" is TCVN3, "VNI-…" is VNI. An explicit
 *    `encoding` option decides the same way. One guard: if decoding would turn
 *    well-formed syllables into ill-formed ones (Unicode "Bình" typed into a
 *    .VnTime cell would become "Bỡnh"), the text is kept.
 * 3. Otherwise (Arial, Calibri, no font) a decode is accepted only when it
 *    yields clearly more well-formed Vietnamese syllables than the raw text.
 *    English, numbers, codes ("QĐ-UBND", "TT-BNV"), dates and valid Unicode
 *    Vietnamese never gain anything from decoding, so they are left alone.
 *
 * Text in a TCVN3 "H" font (.VnTimeH, .VnArialH …) is upper-cased after
 * decoding, because those fonts draw every letter as a capital.
 */
import { hasNonAscii, isCp1252Text } from './cp1252';
import { syllableWeight } from './syllable';
import { decodeTcvn3 } from './tcvn3';
import { decodeVni } from './vni';

export type LegacyEncoding = 'tcvn3' | 'vni';
export type TextEncoding = 'unicode' | LegacyEncoding;

export interface DecodeOptions {
  /** The font of the cell or rich-text run (e.g. ".VnTimeH", "VNI-Times", "Arial"). */
  font?: string | null;
  /** 'auto' (default): by font, then by content. A legacy encoding forces that decoder. */
  encoding?: 'auto' | LegacyEncoding;
}

export interface DecodeResult {
  /** The text in Unicode NFC. */
  text: string;
  /** The encoding the input was found to be in. */
  encoding: TextEncoding;
  /** True when `text` differs from the input (decoded, upper-cased or normalised). */
  changed: boolean;
}

const DECODERS: Record<LegacyEncoding, (text: string) => string> = { tcvn3: decodeTcvn3, vni: decodeVni };

/** The legacy encoding a font implies, or null for Unicode and unknown fonts. */
export function fontEncoding(font?: string | null): LegacyEncoding | null {
  const name = (font ?? '').trim();
  if (/^\.vn/i.test(name)) return 'tcvn3';
  if (/^vni[-_ ]/i.test(name)) return 'vni';
  return null;
}

/** True for TCVN3 fonts that draw every letter as a capital: ".VnTimeH", ".VnArialH" … */
export function isCapitalsFont(font?: string | null): boolean {
  const name = (font ?? '').trim();
  return fontEncoding(name) === 'tcvn3' && name.endsWith('H');
}

/**
 * The Unicode font to put in place of a legacy one: sans-serif families become
 * Arial, typewriter ones Courier New, everything else Times New Roman. Null
 * when `font` is not a legacy font.
 */
export function unicodeFontFor(font?: string | null): string | null {
  if (!fontEncoding(font)) return null;
  const name = (font as string).toLowerCase();
  if (/arial|helve|univers|avant|swiss|sans|tahoma|verdana/.test(name)) return 'Arial';
  if (/courier/.test(name)) return 'Courier New';
  return 'Times New Roman';
}

/** Counts of well-formed and ill-formed words among those a decoder could affect. */
export interface SyllableScore {
  valid: number;
  invalid: number;
}

/** Edge characters trimmed from a word before it is checked ("“Việt”", "Nam…"). */
const EDGE_SYMBOL = /[\p{P}\p{S}]/u;

/** ASCII codes that end a word: everything but letters (white space, digits, punctuation). */
const ASCII_SEPARATOR = new Uint8Array(128).map((_, code) => (/[A-Za-z]/.test(String.fromCharCode(code)) ? 0 : 1));

/** Word separators: non-letter ASCII and Unicode white space. Legacy bytes (≥ 0x80) stay inside words. */
function isSeparator(code: number): boolean {
  if (code < 0x80) return ASCII_SEPARATOR[code] === 1;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Scores text for the heuristic: each word of two or more characters that has
 * a non-ASCII character counts as valid (a well-formed Vietnamese syllable once
 * leading/trailing punctuation is trimmed; a rare rhyme counts half) or invalid.
 * Words are split at white space, digits and ASCII punctuation; legacy bytes
 * stay inside words. Plain ASCII words and single characters are no evidence
 * either way: "Nam", "x", "Ø" look the same in every encoding.
 */
export function scoreSyllables(text: string): SyllableScore {
  const score = { valid: 0, invalid: 0 };
  let start = -1;
  let nonAscii = false;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x20;
    if (!isSeparator(code)) {
      if (start < 0) start = i;
      if (code > 0x7f) nonAscii = true;
      continue;
    }
    if (start >= 0 && nonAscii && i - start >= 2) {
      let from = start;
      let to = i;
      while (from < to && text.charCodeAt(from) > 0x7f && EDGE_SYMBOL.test(text[from])) from++;
      while (to > from && text.charCodeAt(to - 1) > 0x7f && EDGE_SYMBOL.test(text[to - 1])) to--;
      const weight = syllableWeight(text.slice(from, to));
      if (weight > 0) score.valid += weight;
      else score.invalid++;
    }
    start = -1;
    nonAscii = false;
  }
  return score;
}

const net = (s: SyllableScore): number => s.valid - s.invalid;

/**
 * True when decoding turns well-formed words into ill-formed ones: fewer valid
 * and more invalid words than the raw text. Genuine legacy text decodes to
 * valid Vietnamese; Unicode typed into a legacy-font cell ("Hòa Bình" →
 * "Hũa Bỡnh") does not.
 */
function breaksWords(raw: string, decoded: string): boolean {
  const after = scoreSyllables(decoded);
  if (after.invalid === 0) return false; // the usual case: no need to score the raw text
  const before = scoreSyllables(raw);
  return after.valid < before.valid && after.invalid > before.invalid;
}

/** The gain in (valid − invalid) words a content-only decode must bring. */
const MIN_GAIN = 2;

interface Choice {
  encoding: TextEncoding;
  decoded: string;
}

function choose(text: string, font: string | null | undefined, forced: LegacyEncoding | null): Choice {
  const unicode: Choice = { encoding: 'unicode', decoded: text };
  if (!isCp1252Text(text)) return unicode;

  const hinted = forced ?? fontEncoding(font);
  if (hinted) {
    const decoded = DECODERS[hinted](text);
    if (decoded !== text && breaksWords(text, decoded)) return unicode;
    return { encoding: hinted, decoded };
  }

  if (!hasNonAscii(text)) return unicode;
  const raw = net(scoreSyllables(text));
  let best: (Choice & { net: number }) | null = null;
  let tie = false;
  for (const encoding of ['tcvn3', 'vni'] as const) {
    const decoded = DECODERS[encoding](text);
    if (decoded === text) continue;
    const score = scoreSyllables(decoded);
    const n = net(score);
    if (n - raw < MIN_GAIN || score.valid <= score.invalid) continue;
    if (best && n === best.net) tie = true;
    else if (!best || n > best.net) {
      best = { encoding, decoded, net: n };
      tie = false;
    }
  }
  return best && !tie ? best : unicode;
}

/** The encoding `text` is in, judged by its font first and its content second. */
export function detectEncoding(text: string, font?: string | null): TextEncoding {
  return choose(text, font, null).encoding;
}

/**
 * Decodes one cell's (or rich-text run's) text to Unicode NFC, choosing the
 * encoding as described at the top of this file. Unicode input is only
 * normalised to NFC.
 */
export function decodeLegacy(text: string, options: DecodeOptions = {}): DecodeResult {
  const forced = options.encoding && options.encoding !== 'auto' ? options.encoding : null;
  const choice = choose(text, options.font, forced);
  let out = choice.decoded;
  if (choice.encoding === 'tcvn3' && isCapitalsFont(options.font)) out = out.toUpperCase();
  out = out.normalize('NFC');
  return { text: out, encoding: choice.encoding, changed: out !== text };
}

/** `decodeLegacy(text, options).text`: the text in Unicode NFC. */
export function toUnicode(text: string, options: DecodeOptions = {}): string {
  return decodeLegacy(text, options).text;
}
