import {
  canonicalTone,
  cleanText,
  collapseSpace,
  compareVi,
  foldKey,
  isAllCaps,
  matchKey,
  nfc,
  titleCaseName,
} from '../../../src/core/text';

describe('nfc', () => {
  it('composes NFD and "Unicode tổ hợp"', () => {
    expect(nfc('Nguyễn'.normalize('NFD'))).toBe('Nguyễn');
    expect(nfc('Nguyê\u0303n')).toBe('Nguyễn');
    expect(nfc('Nguyễn').length).toBe(6);
  });
});

describe('collapseSpace', () => {
  it('collapses non-breaking, narrow and zero-width spaces and tabs, and trims', () => {
    expect(collapseSpace('  Nguyễn\u00a0\u00a0Văn\tAn\u202f ')).toBe('Nguyễn Văn An');
    expect(collapseSpace('\u200bPhòng\u2007Nội vụ\ufeff')).toBe('Phòng Nội vụ');
  });

  it('keeps line breaks unless asked to fold them', () => {
    expect(collapseSpace('Công chức Văn hóa \r\n - Xã hội')).toBe('Công chức Văn hóa\n- Xã hội');
    expect(collapseSpace('Công chức Văn hóa \r\n - Xã hội', { lineBreaks: true })).toBe('Công chức Văn hóa - Xã hội');
    expect(collapseSpace('a\r\rb\n', { lineBreaks: true })).toBe('a b');
  });
});

describe('cleanText', () => {
  it('is NFC plus white space folded, line breaks included by default', () => {
    expect(cleanText(' Phó Trưởng Công \nan xã '.normalize('NFD'))).toBe('Phó Trưởng Công an xã');
    expect(cleanText('a\nb', { lineBreaks: false })).toBe('a\nb');
  });
});

describe('canonicalTone', () => {
  it.each([
    ['hoà', 'hòa'],
    ['Hoà Bình', 'Hòa Bình'],
    ['thuỷ', 'thủy'],
    ['Uỷ ban', 'Ủy ban'],
    ['UỶ BAN', 'ỦY BAN'],
    ['khoẻ', 'khỏe'],
    ['Thuý', 'Thúy'],
    ['hoà'.normalize('NFD'), 'hòa'],
  ])('moves the tone of %p (→ %p)', (input, expected) => {
    expect(canonicalTone(input)).toBe(expected);
  });

  it.each(['hoàn', 'toán', 'quý', 'quỳ', 'hòa', 'thủy', 'mùa', 'khuỷu', 'người', 'Nguyễn'])(
    'leaves %p alone',
    (word) => {
      expect(canonicalTone(word)).toBe(word);
    },
  );
});

describe('matchKey', () => {
  it('unifies tone placement, case, punctuation and spacing', () => {
    expect(matchKey('UỶ BAN  nhân-dân')).toBe(matchKey('Ủy ban nhân dân'));
    expect(matchKey('hoà')).toBe(matchKey('hòa'));
    expect(matchKey('Thuỷ')).toBe(matchKey('thủy'));
    expect(matchKey('Xã Thường Thới Hậu "A"')).toBe('xã thường thới hậu a');
    expect(matchKey('Nguyễn'.normalize('NFD'))).toBe('nguyễn');
  });

  it('keeps tones and đ apart unless foldD is set', () => {
    expect(matchKey('hoàn')).not.toBe(matchKey('hoán'));
    expect(matchKey('Đặng')).not.toBe(matchKey('Dặng'));
    expect(matchKey('Đặng', { foldD: true })).toBe(matchKey('Dặng', { foldD: true }));
    expect(matchKey('ĐẶNG', { foldD: true })).toBe('dặng');
  });
});

describe('foldKey', () => {
  it('drops every mark', () => {
    expect(foldKey('Thường Phước')).toBe('thuong phuoc');
    expect(foldKey('ĐẶNG KIM HẰNG')).toBe('dang kim hang');
    expect(foldKey('P. Nội vụ')).toBe('p noi vu');
    expect(foldKey('Hoà')).toBe(foldKey('Hòa'));
  });
});

describe('titleCaseName', () => {
  it.each([
    ['NGUYỄN VĂN AN', 'Nguyễn Văn An'],
    ['đặng  kim hằng', 'Đặng Kim Hằng'],
    ['ĐẶNG KIM HẰNG'.normalize('NFD'), 'Đặng Kim Hằng'],
    ['trần thị\u00a0ngọc-nga', 'Trần Thị Ngọc-Nga'],
    [' lê\nthị thu ', 'Lê Thị Thu'],
  ])('%p → %p', (input, expected) => {
    expect(titleCaseName(input)).toBe(expected);
  });
});

describe('isAllCaps', () => {
  it('needs letters, none lower case', () => {
    expect(isAllCaps('NGUYỄN VĂN AN')).toBe(true);
    expect(isAllCaps('QĐ-UBND')).toBe(true);
    expect(isAllCaps('Nguyễn Văn An')).toBe(false);
    expect(isAllCaps('2022')).toBe(false);
  });
});

describe('compareVi', () => {
  it('sorts in Vietnamese order with numbers as numbers', () => {
    const sorted = ['Xã 10', 'Đông', 'Xã 2', 'Dung', 'An'].sort(compareVi);
    expect(sorted.indexOf('Dung')).toBeLessThan(sorted.indexOf('Đông'));
    expect(sorted.indexOf('Xã 2')).toBeLessThan(sorted.indexOf('Xã 10'));
    expect(sorted[0]).toBe('An');
  });
});
