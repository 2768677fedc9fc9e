import { isVietnameseSyllable, syllableWeight } from '../../../src/core/text';

describe('isVietnameseSyllable', () => {
  it.each([
    'Việt',
    'Nam',
    'Nguyễn',
    'NGUYỄN',
    'người',
    'Thường',
    'Phước',
    'khuyến',
    'Huỳnh',
    'quốc',
    'quý',
    'qúy', // old tone placement
    'quỳnh',
    'quét',
    'quên',
    'thuở',
    'giữa',
    'gìn',
    'giếng',
    'gửi',
    'nghĩa',
    'nghe',
    'kiệt',
    'ký',
    'hoà',
    'hòa',
    'thuỷ',
    'thủy',
    'khoẻ',
    'hoạch',
    'hoặc',
    'khuya',
    'khuỷu',
    'rượu',
    'xoong',
    'ăn',
    'ở',
    'ý',
    'yến',
    'uống',
    'Đoàn',
    'tập',
    'ích',
    'Nguye\u0302\u0303n', // NFD
  ])('accepts %p', (word) => {
    expect(isVietnameseSyllable(word)).toBe(true);
  });

  it.each([
    'ViÖt', // TCVN3 seen as Windows-1252
    'Vieät', // VNI seen as Windows-1252
    'Th\u00adêng',
    'Excel',
    'Total',
    'Café',
    'bỡnh', // ơ takes no -nh
    'tàp', // a stop final takes only sắc or nặng
    'àch',
    'hóà', // two tones
    'ce', // k before e
    'nhanh' + 'h', // no such final
    'cy',
    'ge', // gh before e
    'ngi', // ngh before i
    'ka', // c before a
    'qa', // q only as qu
    'ă', // ă needs a final consonant
    'x',
    'LĐTT',
  ])('rejects %p', (word) => {
    expect(isVietnameseSyllable(word)).toBe(false);
  });

  it('weighs rare rhymes half', () => {
    expect(syllableWeight('Cộng')).toBe(1);
    expect(syllableWeight('coọng')).toBe(0.5);
    expect(syllableWeight('ViÖt')).toBe(0);
  });
});
