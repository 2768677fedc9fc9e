/**
 * The TCVN3 and VNI decoders against the code charts, letter by letter.
 *
 * The chart below is typed out here as data, independently of the tables in
 * src/core/text (which are arranged by vowel and tone order): the Unicode
 * letter, its TCVN3 byte, and its VNI-Windows bytes written as the
 * Windows-1252 characters Excel shows. Known words cross-check both.
 */
import { decodeLegacy, decodeTcvn3, decodeVni, encodeTcvn3, encodeVni } from '../../../src/core/text';

/** [lower, upper, TCVN3 byte of lower (and of upper when accented), VNI lower, VNI upper] */
type Row = [string, string, number, string, string];

const CHART: Row[] = [
  ['á', 'Á', 0xb8, 'aù', 'AÙ'],
  ['à', 'À', 0xb5, 'aø', 'AØ'],
  ['ả', 'Ả', 0xb6, 'aû', 'AÛ'],
  ['ã', 'Ã', 0xb7, 'aõ', 'AÕ'],
  ['ạ', 'Ạ', 0xb9, 'aï', 'AÏ'],
  ['ă', 'Ă', 0xa8, 'aê', 'AÊ'],
  ['ắ', 'Ắ', 0xbe, 'aé', 'AÉ'],
  ['ằ', 'Ằ', 0xbb, 'aè', 'AÈ'],
  ['ẳ', 'Ẳ', 0xbc, 'aú', 'AÚ'],
  ['ẵ', 'Ẵ', 0xbd, 'aü', 'AÜ'],
  ['ặ', 'Ặ', 0xc6, 'aë', 'AË'],
  ['â', 'Â', 0xa9, 'aâ', 'AÂ'],
  ['ấ', 'Ấ', 0xca, 'aá', 'AÁ'],
  ['ầ', 'Ầ', 0xc7, 'aà', 'AÀ'],
  ['ẩ', 'Ẩ', 0xc8, 'aå', 'AÅ'],
  ['ẫ', 'Ẫ', 0xc9, 'aã', 'AÃ'],
  ['ậ', 'Ậ', 0xcb, 'aä', 'AÄ'],
  ['đ', 'Đ', 0xae, 'ñ', 'Ñ'],
  ['é', 'É', 0xd0, 'eù', 'EÙ'],
  ['è', 'È', 0xcc, 'eø', 'EØ'],
  ['ẻ', 'Ẻ', 0xce, 'eû', 'EÛ'],
  ['ẽ', 'Ẽ', 0xcf, 'eõ', 'EÕ'],
  ['ẹ', 'Ẹ', 0xd1, 'eï', 'EÏ'],
  ['ê', 'Ê', 0xaa, 'eâ', 'EÂ'],
  ['ế', 'Ế', 0xd5, 'eá', 'EÁ'],
  ['ề', 'Ề', 0xd2, 'eà', 'EÀ'],
  ['ể', 'Ể', 0xd3, 'eå', 'EÅ'],
  ['ễ', 'Ễ', 0xd4, 'eã', 'EÃ'],
  ['ệ', 'Ệ', 0xd6, 'eä', 'EÄ'],
  ['í', 'Í', 0xdd, 'í', 'Í'],
  ['ì', 'Ì', 0xd7, 'ì', 'Ì'],
  ['ỉ', 'Ỉ', 0xd8, 'æ', 'Æ'],
  ['ĩ', 'Ĩ', 0xdc, 'ó', 'Ó'],
  ['ị', 'Ị', 0xde, 'ò', 'Ò'],
  ['ó', 'Ó', 0xe3, 'où', 'OÙ'],
  ['ò', 'Ò', 0xdf, 'oø', 'OØ'],
  ['ỏ', 'Ỏ', 0xe1, 'oû', 'OÛ'],
  ['õ', 'Õ', 0xe2, 'oõ', 'OÕ'],
  ['ọ', 'Ọ', 0xe4, 'oï', 'OÏ'],
  ['ô', 'Ô', 0xab, 'oâ', 'OÂ'],
  ['ố', 'Ố', 0xe8, 'oá', 'OÁ'],
  ['ồ', 'Ồ', 0xe5, 'oà', 'OÀ'],
  ['ổ', 'Ổ', 0xe6, 'oå', 'OÅ'],
  ['ỗ', 'Ỗ', 0xe7, 'oã', 'OÃ'],
  ['ộ', 'Ộ', 0xe9, 'oä', 'OÄ'],
  ['ơ', 'Ơ', 0xac, 'ô', 'Ô'],
  ['ớ', 'Ớ', 0xed, 'ôù', 'ÔÙ'],
  ['ờ', 'Ờ', 0xea, 'ôø', 'ÔØ'],
  ['ở', 'Ở', 0xeb, 'ôû', 'ÔÛ'],
  ['ỡ', 'Ỡ', 0xec, 'ôõ', 'ÔÕ'],
  ['ợ', 'Ợ', 0xee, 'ôï', 'ÔÏ'],
  ['ú', 'Ú', 0xf3, 'uù', 'UÙ'],
  ['ù', 'Ù', 0xef, 'uø', 'UØ'],
  ['ủ', 'Ủ', 0xf1, 'uû', 'UÛ'],
  ['ũ', 'Ũ', 0xf2, 'uõ', 'UÕ'],
  ['ụ', 'Ụ', 0xf4, 'uï', 'UÏ'],
  ['ư', 'Ư', 0xad, 'ö', 'Ö'],
  ['ứ', 'Ứ', 0xf8, 'öù', 'ÖÙ'],
  ['ừ', 'Ừ', 0xf5, 'öø', 'ÖØ'],
  ['ử', 'Ử', 0xf6, 'öû', 'ÖÛ'],
  ['ữ', 'Ữ', 0xf7, 'öõ', 'ÖÕ'],
  ['ự', 'Ự', 0xf9, 'öï', 'ÖÏ'],
  ['ý', 'Ý', 0xfd, 'yù', 'YÙ'],
  ['ỳ', 'Ỳ', 0xfa, 'yø', 'YØ'],
  ['ỷ', 'Ỷ', 0xfb, 'yû', 'YÛ'],
  ['ỹ', 'Ỹ', 0xfc, 'yõ', 'YÕ'],
  ['ỵ', 'Ỵ', 0xfe, 'î', 'Î'],
];

/** The seven capitals TCVN3 gives a byte of their own. */
const TCVN3_CAPITALS: Array<[string, number]> = [
  ['Ă', 0xa1],
  ['Â', 0xa2],
  ['Ê', 0xa3],
  ['Ô', 0xa4],
  ['Ơ', 0xa5],
  ['Ư', 0xa6],
  ['Đ', 0xa7],
];

const byteChar = (byte: number): string => String.fromCharCode(byte);

describe('the chart itself', () => {
  it('lists exactly the 134 non-ASCII Vietnamese letters (67 lower, 67 upper)', () => {
    // Built independently: 12 vowels × (no tone + 5 tones), minus the six
    // plain ASCII vowels, plus đ.
    const expected = new Set<string>(['đ']);
    for (const vowel of ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']) {
      for (const tone of ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323']) {
        const letter = (vowel + tone).normalize('NFC');
        if (!/^[a-z]$/.test(letter)) expected.add(letter);
      }
    }
    expect(expected.size).toBe(67);
    const lower = new Set(CHART.map((r) => r[0]));
    const upper = new Set(CHART.map((r) => r[1]));
    expect(lower).toEqual(expected);
    expect(upper).toEqual(new Set([...expected].map((l) => l.toUpperCase())));
    expect(upper.size).toBe(67);
    for (const row of CHART) {
      expect(row[0].normalize('NFC')).toBe(row[0]);
      expect(row[1].normalize('NFC')).toBe(row[1]);
    }
  });

  it('uses distinct legacy codes and only Latin-1 characters', () => {
    expect(new Set(CHART.map((r) => r[2])).size).toBe(67);
    expect(new Set(CHART.map((r) => r[3])).size).toBe(67);
    expect(new Set(CHART.map((r) => r[4])).size).toBe(67);
    for (const row of CHART) expect(/^[\x20-\xff]+$/.test(row[3] + row[4])).toBe(true);
  });
});

describe('TCVN3', () => {
  it.each(CHART)('decodes %s (lower-case code) in a .VnTime font', (lower, _upper, byte) => {
    expect(decodeTcvn3(byteChar(byte))).toBe(lower);
    expect(decodeLegacy(byteChar(byte), { font: '.VnTime' }).text).toBe(lower);
  });

  it.each(CHART)('decodes %s and its capital %s in a .VnTimeH font', (_lower, upper, byte) => {
    expect(decodeLegacy(byteChar(byte), { font: '.VnTimeH' }).text).toBe(upper);
    expect(decodeLegacy(byteChar(byte), { font: '.VnArialH' }).text).toBe(upper);
  });

  it('upper-cases whole words in H fonts, ASCII letters included', () => {
    expect(decodeLegacy('nguyÔn v¨n long', { font: '.VnTimeH' }).text).toBe('NGUYỄN VĂN LONG');
    expect(decodeLegacy('®Æng kim h»ng', { font: '.VnArialH' }).text).toBe('ĐẶNG KIM HẰNG');
  });

  it.each(TCVN3_CAPITALS)('decodes the capital %s from its own code', (capital, byte) => {
    expect(decodeTcvn3(byteChar(byte))).toBe(capital);
    expect(decodeLegacy(byteChar(byte), { font: '.VnTime' }).text).toBe(capital);
  });

  it('decodes known words', () => {
    expect(decodeTcvn3('ViÖt Nam')).toBe('Việt Nam');
    expect(decodeTcvn3('Th\u00adêng Ph\u00adíc')).toBe('Thường Phước');
    expect(decodeTcvn3('§ång Th¸p')).toBe('Đồng Tháp');
    expect(decodeTcvn3('Héi ®ång Thi ®ua - Khen th\u00adëng')).toBe('Hội đồng Thi đua - Khen thưởng');
    expect(decodeTcvn3('TR¦¥NG C¤NG AN')).toBe('TRƯƠNG CÔNG AN');
    expect(decodeTcvn3('Chñ tÞch Uû ban nh©n d©n huyÖn')).toBe('Chủ tịch Uỷ ban nhân dân huyện');
    expect(decodeTcvn3('Hoµn thµnh xuÊt s¾c nhiÖm vô')).toBe('Hoàn thành xuất sắc nhiệm vụ');
    expect(decodeTcvn3('NguyÔn ThÞ Ngäc Bïi KiÒu H»ng')).toBe('Nguyễn Thị Ngọc Bùi Kiều Hằng');
  });

  it('keeps characters that are not TCVN3 letters, and unifies both forms of bytes 0x80–0x9F', () => {
    expect(decodeTcvn3('25°C ± 1, € ¿')).toBe('25°C ± 1, € ¿');
    expect(decodeTcvn3('N¨m 2022 \u0096 2023\u0085')).toBe('Năm 2022 – 2023…');
    expect(decodeTcvn3('N¨m 2022 – 2023…')).toBe('Năm 2022 – 2023…');
    expect(decodeTcvn3('a\u0081b')).toBe('a\u0081b'); // undefined in Windows-1252: stays
    expect(decodeTcvn3('Excel 2016')).toBe('Excel 2016');
  });

  it('round-trips every letter through the encoder (capitals come back lower-case)', () => {
    const all = CHART.map((r) => r[0]).join('');
    expect(encodeTcvn3(all)).toBe(CHART.map((r) => byteChar(r[2])).join(''));
    expect(decodeTcvn3(encodeTcvn3(all))).toBe(all);
    expect(decodeTcvn3(encodeTcvn3('ĂÂÊÔƠƯĐ'))).toBe('ĂÂÊÔƠƯĐ');
    expect(decodeTcvn3(encodeTcvn3('VIỆT NAM'))).toBe('VIệT NAM');
  });
});

describe('VNI-Windows', () => {
  it.each(CHART)('decodes %s / %s', (lower, upper, _byte, vniLower, vniUpper) => {
    expect(decodeVni(vniLower)).toBe(lower);
    expect(decodeVni(vniUpper)).toBe(upper);
    expect(decodeLegacy(vniLower, { font: 'VNI-Times' }).text).toBe(lower);
    expect(decodeLegacy(vniUpper, { font: 'VNI-Helve' }).text).toBe(upper);
  });

  it('decodes known words, greedily two characters at a time', () => {
    expect(decodeVni('Vieät Nam')).toBe('Việt Nam');
    expect(decodeVni('Nguyeãn')).toBe('Nguyễn');
    expect(decodeVni('Thöôøng Phöôùc')).toBe('Thường Phước');
    expect(decodeVni('Ñoàng Thaùp')).toBe('Đồng Tháp');
    expect(decodeVni('thuôû nhoû')).toBe('thuở nhỏ');
    expect(decodeVni('Quoác gia, quyù, Kyø, tænh, tòch, nghóa, Mî')).toBe('Quốc gia, quý, Kỳ, tỉnh, tịch, nghĩa, Mỵ');
    expect(decodeVni('COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM')).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(decodeVni('UÛy ban nhaân daân')).toBe('Ủy ban nhân dân');
  });

  it('takes the case of the base letter when the mark has the other case', () => {
    expect(decodeVni('Aù')).toBe('Á');
    expect(decodeVni('aÙ')).toBe('á');
  });

  it('keeps marks that follow no base letter and other characters', () => {
    expect(decodeVni('ù')).toBe('ù');
    expect(decodeVni('Café 25°C')).toBe('Café 25°C');
    expect(decodeVni('Naêm 2022 \u0097 2023')).toBe('Năm 2022 — 2023');
  });

  it('round-trips every letter through the encoder', () => {
    const all = CHART.map((r) => r[0] + r[1]).join('');
    expect(encodeVni(all)).toBe(CHART.map((r) => r[3] + r[4]).join(''));
    expect(decodeVni(encodeVni(all))).toBe(all);
  });
});
