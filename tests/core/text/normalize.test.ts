import { mulberry32 } from '../../../src/core/random';
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

describe('fast paths give what the full algorithms give', () => {
  /** canonicalTone as first written: every syllable decomposed and checked. */
  function canonicalToneReference(text: string): string {
    return text.normalize('NFC').replace(/[\p{L}\p{M}]+/gu, (word) => {
      const decomposed = word.normalize('NFD');
      const tone = /[\u0300\u0301\u0303\u0309\u0323]/.exec(decomposed);
      if (!tone) return word;
      const base = decomposed.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '').normalize('NFC');
      const m = /^([^aeiouyăâêôơư]*?)(oa|oe|uy)$/iu.exec(base);
      if (!m || /q$/i.test(m[1])) return word;
      const at = m[1].length;
      return (base.slice(0, at + 1) + tone[0] + base.slice(at + 1)).normalize('NFC');
    });
  }
  /** foldKey's general path, for every text. */
  function foldKeyReference(text: string): string {
    return text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  }

  it('on fixed and random Vietnamese-like text', () => {
    const fixed = [
      'Nguyễn Thị Hoà',
      'NGUYỄN THỊ HÒA',
      'Uỷ ban MTTQ  xã',
      'Thuỵ',
      'Quý',
      'khoẻ',
      'Hoàng',
      'hòà', // two tone marks: the first is kept
      'ǹoa', // a tone on a consonant
      'Hoà'.normalize('NFD'),
      'Lê\u00a0Văn  Tám, Phòng GD&ĐT',
      'Phong GD-DT (2022)',
      '',
    ];
    const letters = 'aăâeêioôơuưyAĂÂEÊIOÔƠUƯYbcdđghklmnpqrstvxQĐ,.-';
    const tones = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
    const random = mulberry32(7);
    const texts = [...fixed];
    for (let k = 0; k < 20_000; k++) {
      let text = '';
      const length = 1 + Math.floor(random() * 12);
      for (let i = 0; i < length; i++) {
        text += random() < 0.15 ? ' ' : letters[Math.floor(random() * letters.length)];
        if (random() < 0.3) text += tones[Math.floor(random() * tones.length)];
      }
      texts.push(random() < 0.5 ? text.normalize('NFC') : text);
    }
    for (const text of texts) {
      expect([text, canonicalTone(text)]).toEqual([text, canonicalToneReference(text)]);
      expect([text, matchKey(text)]).toEqual([
        text,
        canonicalToneReference(text)
          .toLocaleLowerCase('vi')
          .replace(/[^\p{L}\p{N}]+/gu, ' ')
          .trim(),
      ]);
      expect([text, foldKey(text)]).toEqual([text, foldKeyReference(text)]);
    }
    for (let c = 0; c < 128; c++) {
      const text = `A${String.fromCharCode(c)}b-${String.fromCharCode(c)}9`;
      expect([c, foldKey(text)]).toEqual([c, foldKeyReference(text)]);
    }
  });

  it('collapses white space as the line-by-line algorithm does', () => {
    const reference = (text: string, lineBreaks: boolean): string => {
      const lines = text
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((line) => line.replace(/[\s\u00a0\u2007\u202f\u200b\ufeff]+/g, ' ').trim());
      return lineBreaks ? lines.filter((l) => l !== '').join(' ') : lines.join('\n').trim();
    };
    const pieces = [
      'a',
      'Hòa',
      ' ',
      '  ',
      '\t',
      '\n',
      '\r\n',
      '\r',
      '\u00a0',
      '\u200b',
      '\u2007',
      '\u3000',
      '\ufeff',
      'x y',
    ];
    const random = mulberry32(11);
    for (let k = 0; k < 20_000; k++) {
      let text = '';
      const length = Math.floor(random() * 6);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
      for (const lineBreaks of [false, true]) {
        expect([text, lineBreaks, collapseSpace(text, { lineBreaks })]).toEqual([
          text,
          lineBreaks,
          reference(text, lineBreaks),
        ]);
      }
    }
  });

  it('cases every code point as the Vietnamese locale does', () => {
    for (let c = 0; c < 0x30000; c++) {
      if (c >= 0xd800 && c < 0xe000) continue;
      const s = String.fromCodePoint(c);
      if (s.toLowerCase() !== s.toLocaleLowerCase('vi') || s.toUpperCase() !== s.toLocaleUpperCase('vi')) {
        throw new Error(`U+${c.toString(16)} cases differently in Vietnamese`);
      }
    }
  });
});
