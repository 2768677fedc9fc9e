import {
  decodeLegacy,
  detectEncoding,
  encodeTcvn3,
  encodeVni,
  fontEncoding,
  isCapitalsFont,
  scoreSyllables,
  toUnicode,
  unicodeFontFor,
} from '../../../src/core/text';

describe('fonts', () => {
  it.each([
    ['.VnTime', 'tcvn3'],
    ['.VnTimeH', 'tcvn3'],
    ['.VnArial', 'tcvn3'],
    ['.VnArialH', 'tcvn3'],
    ['.VnUniverse', 'tcvn3'],
    ['.VnAvant', 'tcvn3'],
    ['.vntime', 'tcvn3'],
    [' .VnTime ', 'tcvn3'],
    ['VNI-Times', 'vni'],
    ['VNI-Helve', 'vni'],
    ['VNI-Aptima', 'vni'],
    ['vni-times', 'vni'],
    ['Times New Roman', null],
    ['Arial', null],
    ['Calibri', null],
    ['VNtimes new roman', null],
    ['', null],
    [undefined, null],
    [null, null],
  ])('%p is %p', (font, encoding) => {
    expect(fontEncoding(font)).toBe(encoding);
  });

  it('knows the H (capitals) fonts', () => {
    for (const font of ['.VnTimeH', '.VnArialH', '.VnAvantH', '.VnArial NarrowH'])
      expect(isCapitalsFont(font)).toBe(true);
    for (const font of ['.VnTime', '.VnArial', 'VNI-Times', 'Arial', 'TimesH', undefined]) {
      expect(isCapitalsFont(font)).toBe(false);
    }
  });

  it('maps legacy fonts to Unicode ones', () => {
    expect(unicodeFontFor('.VnTime')).toBe('Times New Roman');
    expect(unicodeFontFor('.VnTimeH')).toBe('Times New Roman');
    expect(unicodeFontFor('VNI-Times')).toBe('Times New Roman');
    expect(unicodeFontFor('.VnArial')).toBe('Arial');
    expect(unicodeFontFor('.VnArialH')).toBe('Arial');
    expect(unicodeFontFor('VNI-Helve')).toBe('Arial');
    expect(unicodeFontFor('VNI-Arial')).toBe('Arial');
    expect(unicodeFontFor('.VnCourier New')).toBe('Courier New');
    expect(unicodeFontFor('Arial')).toBeNull();
    expect(unicodeFontFor(undefined)).toBeNull();
  });
});

describe('decodeLegacy by content (no telling font)', () => {
  it('decodes the examples', () => {
    expect(decodeLegacy('ViÖt Nam')).toEqual({ text: 'Việt Nam', encoding: 'tcvn3', changed: true });
    expect(decodeLegacy('Th\u00adêng Ph\u00adíc').text).toBe('Thường Phước');
    expect(decodeLegacy('§ång Th¸p', { font: 'Arial' }).text).toBe('Đồng Tháp');
    expect(decodeLegacy('Vieät Nam')).toEqual({ text: 'Việt Nam', encoding: 'vni', changed: true });
    expect(decodeLegacy('Nguyeãn', { font: 'Calibri' }).text).toBe('Nguyễn');
    expect(decodeLegacy('N÷').text).toBe('Nữ');
    expect(decodeLegacy('Coäng').text).toBe('Cộng');
    expect(toUnicode('ViÖt Nam')).toBe('Việt Nam');
  });

  // Phrases of the kind found in nomination files, encoded here to each legacy form.
  const PHRASES = [
    'Danh sách đề nghị khen thưởng năm 2022',
    'Cộng hòa xã hội chủ nghĩa Việt Nam',
    'Độc lập - Tự do - Hạnh phúc',
    'Hoàn thành xuất sắc nhiệm vụ',
    'Chiến sĩ thi đua cơ sở',
    'Lao động tiên tiến',
    'Tập thể lao động xuất sắc',
    'Giấy khen của Chủ tịch Ủy ban nhân dân huyện',
    'Bằng khen của Thủ tướng Chính phủ',
    'Cờ thi đua của Ủy ban nhân dân tỉnh',
    'Phòng Giáo dục và Đào tạo',
    'Xã Thường Phước 1',
    'Thị trấn Thường Thới Tiền',
    'Nguyễn Thị Ngọc Ngân',
    'Huỳnh Thành Kiệt',
    'Trần Văn Dũng',
    'Lê Thị Thu Hương',
    'Phạm Quốc Khánh',
    'Võ Thị Yến',
    'Đặng Kim Hằng',
    'Công chức Văn hóa - Xã hội',
    'Ngày 05 tháng 11 năm 2022',
    'Trưởng phòng',
    'Người lập biểu',
    'Hồng Ngự, Đồng Tháp',
    'Quyết định số 15/QĐ-UBND',
  ];

  it.each(PHRASES)('finds TCVN3 and VNI forms of %p', (phrase) => {
    const tcvn3 = decodeLegacy(encodeTcvn3(phrase));
    expect(tcvn3.encoding).toBe('tcvn3');
    // TCVN3 has no accented capitals: "Ủy" comes back as "ủy".
    expect(tcvn3.text.toLowerCase()).toBe(phrase.toLowerCase());
    const vni = decodeLegacy(encodeVni(phrase));
    expect(vni).toEqual({ text: phrase, encoding: 'vni', changed: true });
  });

  it.each([
    'Excel',
    'Total',
    'STT',
    '12345',
    '1.234.567',
    '3,5',
    'QĐ-UBND',
    'TT-BNV',
    '05/11/2022',
    '2022-11-05',
    'x',
    'X',
    'nguyen.van.a@gmail.com',
    'https://thiduakhenthuong.gov.vn',
    'Việt Nam',
    'Nguyễn Văn Hòa',
    'Hòa Bình',
    'Hoà Bình',
    'Hoà',
    'Ủy ban nhân dân',
    'Uỷ ban nhân dân',
    'Lê Hà',
    'Tâm',
    'Thái',
    'Café',
    'Crème brûlée',
    'Müller',
    '25°C',
    '½',
    'Ø 20',
    '© 2022',
    '“Trích”',
    'Số: 244/QĐ-UBND',
    'Tổng cộng: 7',
    '(Ký tên, đóng dấu)',
    '=SUM(A1:A3)',
    '+84 912 345 678',
    '@mention',
    'Quyết định số 01/2022/NĐ-CP',
    '',
    '   ',
  ])('leaves %p alone', (text) => {
    for (const font of [undefined, 'Arial', 'Calibri', 'Times New Roman']) {
      expect(decodeLegacy(text, { font })).toEqual({ text, encoding: 'unicode', changed: false });
    }
    expect(detectEncoding(text)).toBe('unicode');
  });

  it('normalises NFD and "Unicode tổ hợp" input to NFC without decoding it', () => {
    const nfd = 'Nguyễn Thị Hòa'.normalize('NFD');
    expect(decodeLegacy(nfd)).toEqual({ text: 'Nguyễn Thị Hòa', encoding: 'unicode', changed: true });
    const combining = 'Nguyê\u0303n'; // precomposed ê + combining tilde
    expect(decodeLegacy(combining).text).toBe('Nguyễn');
    expect(decodeLegacy(nfd, { font: '.VnTime' }).encoding).toBe('unicode');
  });
});

describe('decodeLegacy with a legacy font', () => {
  it('trusts the font for short or ambiguous text', () => {
    expect(decodeLegacy('Hoà', { font: 'VNI-Times' }).text).toBe('Hồ');
    expect(decodeLegacy('Ghi chó', { font: '.VnTime' }).text).toBe('Ghi chú');
    expect(decodeLegacy('TTLÑXS', { font: 'VNI-Times' }).text).toBe('TTLĐXS');
    expect(detectEncoding('Hoà', 'VNI-Times')).toBe('vni');
    expect(detectEncoding('Hoà')).toBe('unicode');
  });

  it('never decodes text that is already Unicode Vietnamese', () => {
    for (const font of ['.VnTime', '.VnTimeH', '.VnArial', 'VNI-Times']) {
      for (const text of ['Việt Nam', 'Nguyễn Văn Hòa', 'QĐ-UBND', 'Ủy ban nhân dân xã Thường Phước']) {
        expect(decodeLegacy(text, { font })).toEqual({ text, encoding: 'unicode', changed: false });
      }
    }
  });

  it('keeps Latin-1-only Unicode that decoding would garble', () => {
    // "Hòa Bình" fits in Windows-1252, but as TCVN3 it would read "Hũa Bỡnh".
    expect(decodeLegacy('Hòa Bình', { font: '.VnTime' }).text).toBe('Hòa Bình');
    expect(decodeLegacy('Bình', { font: '.VnTime' }).text).toBe('Bình');
  });

  it('upper-cases TCVN3 text in H fonts only', () => {
    expect(decodeLegacy('danh s¸ch ®Ò nghÞ khen th\u00adëng', { font: '.VnTimeH' }).text).toBe(
      'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG',
    );
    expect(decodeLegacy('danh s¸ch', { font: '.VnTime' }).text).toBe('danh sách');
    expect(decodeLegacy('stt', { font: '.VnArialH' })).toEqual({ text: 'STT', encoding: 'tcvn3', changed: true });
    expect(decodeLegacy('Việt Nam', { font: '.VnTimeH' }).text).toBe('Việt Nam');
  });

  it('decides per cell in a file mixing encodings', () => {
    const cells: Array<[string | undefined, string, string]> = [
      ['.VnTimeH', 'uû ban nh©n d©n', 'UỶ BAN NHÂN DÂN'],
      ['.VnTime', '§éc lËp - Tù do - H¹nh phóc', 'Độc lập - Tự do - Hạnh phúc'],
      ['.VnTime', 'Nguyễn Văn An', 'Nguyễn Văn An'],
      ['Times New Roman', 'Trần Thị Bích', 'Trần Thị Bích'],
      ['Times New Roman', 'ViÖt Nam', 'Việt Nam'],
      ['VNI-Times', 'Vieät Nam', 'Việt Nam'],
      ['Arial', 'Total', 'Total'],
      ['.VnTime', '2022', '2022'],
    ];
    for (const [font, text, expected] of cells) expect(decodeLegacy(text, { font }).text).toBe(expected);
  });
});

describe('decodeLegacy with an explicit encoding', () => {
  it('forces the decoder, but still not on Unicode text', () => {
    expect(decodeLegacy('Hoà', { encoding: 'vni' })).toEqual({ text: 'Hồ', encoding: 'vni', changed: true });
    expect(decodeLegacy('Hé', { encoding: 'tcvn3' }).text).toBe('Hộ');
    expect(decodeLegacy('Hé', { encoding: 'auto' }).text).toBe('Hé');
    expect(decodeLegacy('Việt Nam', { encoding: 'tcvn3' }).text).toBe('Việt Nam');
    expect(decodeLegacy('uû ban', { encoding: 'tcvn3', font: '.VnTimeH' }).text).toBe('UỶ BAN');
  });
});

describe('scoreSyllables', () => {
  it('counts only words a decoder could change', () => {
    expect(scoreSyllables('ViÖt Nam')).toEqual({ valid: 0, invalid: 1 });
    expect(scoreSyllables('Việt Nam')).toEqual({ valid: 1, invalid: 0 });
    expect(scoreSyllables('Total 2022, x')).toEqual({ valid: 0, invalid: 0 });
    // Punctuation at a word's edges is trimmed: "“Việt”" and "Nam…" are both words.
    expect(scoreSyllables('“Việt” – Nam…')).toEqual({ valid: 2, invalid: 0 });
    expect(scoreSyllables('xoong')).toEqual({ valid: 0, invalid: 0 });
    expect(scoreSyllables('coọng')).toEqual({ valid: 0.5, invalid: 0 });
  });
});
