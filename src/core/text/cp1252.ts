/**
 * Windows-1252, the code page through which Excel shows legacy Vietnamese text.
 *
 * A TCVN3 or VNI file stores 8-bit bytes; Excel (and exceljs) hand them to us as
 * the Windows-1252 characters of those bytes ("ViÖt Nam"). To decode we need the
 * byte back. Bytes 0xA0–0xFF are the Latin-1 characters of the same number, but
 * 0x80–0x9F are typographic characters (€ ‚ ƒ „ … – — ‘ ’ “ ” …) in Windows-1252.
 * Some tools instead give the C1 control character of the byte (U+0080–U+009F),
 * and the five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
 * can only appear that way. Both representations map to the same byte here.
 */

/** Windows-1252 characters of bytes 0x80–0x9F; 0 marks an undefined byte. */
const HIGH_CODES = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Unicode code point → byte, for the 27 characters above U+00FF. */
const BYTE_OF_CODE = new Map<number, number>();
HIGH_CODES.forEach((code, i) => {
  if (code !== 0) BYTE_OF_CODE.set(code, 0x80 + i);
});

/**
 * The byte a character stands for in Windows-1252, or -1 when the character is
 * not in the code page (then the text cannot be legacy 8-bit text).
 * U+0000–U+00FF map to themselves, which covers the C1 representation.
 */
export function cp1252Byte(code: number): number {
  if (code <= 0xff) return code;
  return BYTE_OF_CODE.get(code) ?? -1;
}

/**
 * The Windows-1252 character of a byte. Undefined bytes stay C1 controls.
 * Used to turn "\u0096" into "–" when a legacy cell is decoded.
 */
export function cp1252Char(byte: number): string {
  if (byte >= 0x80 && byte <= 0x9f) {
    const code = HIGH_CODES[byte - 0x80];
    return String.fromCharCode(code === 0 ? byte : code);
  }
  return String.fromCharCode(byte);
}

/** True when every character of `text` is a Windows-1252 character (either representation). */
export function isCp1252Text(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff && !BYTE_OF_CODE.has(code)) return false;
  }
  return true;
}

/** True when `text` has a character outside ASCII, i.e. something a legacy decoder could change. */
export function hasNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return true;
  return false;
}

/**
 * A string from UTF-16 code units. Decoders build their output this way: one
 * array write per character is much cheaper than growing a string. Long
 * arrays go in chunks, since one call with too many arguments overflows the stack.
 */
export function fromCodes(codes: number[]): string {
  if (codes.length <= CHUNK) return String.fromCharCode.apply(null, codes);
  let out = '';
  for (let i = 0; i < codes.length; i += CHUNK) out += String.fromCharCode.apply(null, codes.slice(i, i + CHUNK));
  return out;
}
const CHUNK = 4096;
