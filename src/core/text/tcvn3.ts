/**
 * TCVN3 (TCVN 5712:1993 "ABC", the VN3 subset used by the .VnTime / .VnArial
 * fonts) to Unicode.
 *
 * TCVN3 is 8-bit: the 67 lower-case Vietnamese letters and the seven capitals
 * Ă Â Ê Ô Ơ Ư Đ have bytes of their own; the 60 accented capitals do not. Text
 * meant to show in capitals was typed with lower-case codes in an "H" font
 * (.VnTimeH, .VnArialH …) whose glyphs are capitals, so such text must be
 * upper-cased after decoding (see detect.ts). Bytes this table does not use
 * keep their Windows-1252 meaning.
 *
 * The table is written from the published code chart (facts also found in
 * Unikey's ukengine/data.cpp); each row lists one vowel with its five tones in
 * the order huyền, hỏi, ngã, sắc, nặng, which is the order the chart uses.
 */
import { cp1252Char, fromCodes } from './cp1252';

/** [the vowel's five toned letters (huyền hỏi ngã sắc nặng), their five bytes]. */
const TONED_ROWS: Array<[string, number[]]> = [
  ['àảãáạ', [0xb5, 0xb6, 0xb7, 0xb8, 0xb9]],
  ['ằẳẵắặ', [0xbb, 0xbc, 0xbd, 0xbe, 0xc6]],
  ['ầẩẫấậ', [0xc7, 0xc8, 0xc9, 0xca, 0xcb]],
  ['èẻẽéẹ', [0xcc, 0xce, 0xcf, 0xd0, 0xd1]],
  ['ềểễếệ', [0xd2, 0xd3, 0xd4, 0xd5, 0xd6]],
  ['ìỉĩíị', [0xd7, 0xd8, 0xdc, 0xdd, 0xde]],
  ['òỏõóọ', [0xdf, 0xe1, 0xe2, 0xe3, 0xe4]],
  ['ồổỗốộ', [0xe5, 0xe6, 0xe7, 0xe8, 0xe9]],
  ['ờởỡớợ', [0xea, 0xeb, 0xec, 0xed, 0xee]],
  ['ùủũúụ', [0xef, 0xf1, 0xf2, 0xf3, 0xf4]],
  ['ừửữứự', [0xf5, 0xf6, 0xf7, 0xf8, 0xf9]],
  ['ỳỷỹýỵ', [0xfa, 0xfb, 0xfc, 0xfd, 0xfe]],
];

/** Letters with a byte of their own and no tone: capitals 0xA1–0xA7, lower case 0xA8–0xAE. */
const CAPITALS = 'ĂÂÊÔƠƯĐ';
const SMALLS = 'ăâêôơưđ';

/** byte → Unicode letter; undefined where the byte is not a TCVN3 letter. */
const DECODE: Array<string | undefined> = new Array(256);
/** Unicode letter → the Windows-1252 character of its byte (for the encoder). */
const ENCODE = new Map<string, string>();

function define(letter: string, byte: number): void {
  DECODE[byte] = letter;
  ENCODE.set(letter, String.fromCharCode(byte));
}

for (const [letters, bytes] of TONED_ROWS) {
  [...letters].forEach((letter, i) => define(letter, bytes[i]));
}
[...CAPITALS].forEach((letter, i) => define(letter, 0xa1 + i));
[...SMALLS].forEach((letter, i) => define(letter, 0xa8 + i));
// Accented capitals borrow the lower-case code: encoding loses the case, which
// the H fonts restore when displayed (and detect.ts restores when decoded).
for (const [letters] of TONED_ROWS) {
  for (const letter of letters) ENCODE.set(letter.toUpperCase(), ENCODE.get(letter) as string);
}

/**
 * Code unit → decoded code unit for U+0000–U+00FF: TCVN3 letters, C1 controls
 * to their Windows-1252 character, everything else unchanged. Characters above
 * U+00FF (including the Windows-1252 forms of bytes 0x80–0x9F) are never
 * TCVN3 letters and stay as they are.
 */
const DECODE_CODE = new Uint16Array(256).map((_, code) => {
  const letter = DECODE[code];
  if (letter !== undefined) return letter.charCodeAt(0);
  return code >= 0x80 && code <= 0x9f ? cp1252Char(code).charCodeAt(0) : code;
});

/**
 * Decodes the Windows-1252 view of TCVN3 bytes to Unicode (NFC, lower case for
 * the accented letters). Characters that are not TCVN3 letter codes are kept,
 * except C1 controls U+0080–U+009F, which become their Windows-1252 character.
 */
export function decodeTcvn3(text: string): string {
  let i = 0;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0xff && DECODE_CODE[code] !== code) break;
  }
  if (i === text.length) return text; // nothing to decode: keep the very same string
  const out: number[] = new Array(text.length);
  for (let j = 0; j < text.length; j++) {
    const code = text.charCodeAt(j);
    out[j] = code <= 0xff ? DECODE_CODE[code] : code;
  }
  return fromCodes(out);
}

/**
 * Encodes Unicode text as TCVN3 (as Windows-1252 characters). Accented capitals
 * become the lower-case code, as a .VnTimeH user would have typed them.
 * Characters TCVN3 cannot hold are kept. Used to generate test and benchmark
 * data, never on user data.
 */
export function encodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += ENCODE.get(ch) ?? ch;
  return out;
}
