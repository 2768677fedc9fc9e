/** fastMatchKey is matchKey, faster: the same key for every text (here, many random ones). */
import { fastMatchKey } from '../../../src/core/reconcile/keys';
import { matchKey } from '../../../src/core/text';

test('gives the same key as matchKey', () => {
  const fixed = [
    'Nguyễn Thị Hoà',
    'NGUYỄN THỊ HÒA',
    'Uỷ ban MTTQ  xã',
    'Thuỵ',
    'Quý',
    'khoẻ',
    'Hoàng',
    'hòà', // two tone marks: matchKey keeps the first
    'Hoà'.normalize('NFD'),
    'Lê\u00a0Văn  Tám, Phòng GD&ĐT',
    '',
  ];
  for (const text of fixed) expect([text, fastMatchKey(text)]).toEqual([text, matchKey(text)]);

  const letters = 'aăâeêioôơuưyAĂÂEÊIOÔƠUƯYbcdđghklmnpqrstvxQĐ,.-';
  const tones = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
  let seed = 7;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let k = 0; k < 20_000; k++) {
    let text = '';
    const length = 1 + Math.floor(random() * 12);
    for (let i = 0; i < length; i++) {
      text += random() < 0.15 ? ' ' : letters[Math.floor(random() * letters.length)];
      if (random() < 0.3) text += tones[Math.floor(random() * tones.length)];
    }
    if (random() < 0.5) text = text.normalize('NFC');
    expect([text, fastMatchKey(text)]).toEqual([text, matchKey(text)]);
  }
});
