import { AWARDS, VERIFY, awardById, awardByName, catalogueKeyCollisions, type AwardId } from '../../../src/core/awards';

/** Award names as the council's ground truth writes them (own list, mirroring the samples). */
const GROUND_TRUTH_NAMES = [
  'Lao động tiên tiến',
  'Chiến sĩ thi đua cơ sở',
  'Chiến sĩ thi đua cấp tỉnh',
  'Tập thể lao động tiên tiến',
  'Tập thể lao động xuất sắc',
  'Giấy khen của Chủ tịch Ủy ban nhân dân huyện',
  'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
];

/** Awards of other authorities that must stay out of the council's catalogue. */
const NOT_OURS = ['Giấy khen của Giám đốc Sở', 'Bằng khen của Bộ trưởng', 'Giấy khen của Hiệu trưởng'];

describe('award catalogue', () => {
  it('has unique ids and official names', () => {
    const ids = AWARDS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const names = AWARDS.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    for (const a of AWARDS) {
      expect(awardById(a.id)).toBe(a);
      expect(awardByName(a.name)).toBe(a);
      expect(a.name).toBe(a.name.normalize('NFC'));
      expect(a.name).toBe(a.name.trim());
    }
    expect(() => awardById('nope' as AwardId)).toThrow(RangeError);
  });

  it('contains, by exact name, every award the ground truth uses', () => {
    for (const name of GROUND_TRUTH_NAMES) expect(awardByName(name)?.name).toBe(name);
  });

  it('does not contain awards of other authorities', () => {
    for (const name of NOT_OURS) expect(awardByName(name)).toBeUndefined();
  });

  it('covers the titles and forms of the primer', () => {
    const ids = new Set(AWARDS.map((a) => a.id));
    for (const id of [
      'ldtt',
      'cstdcs',
      'cstd_tinh',
      'cstd_toanquoc',
      'ttldtt',
      'ttldxs',
      'co_tinh',
      'co_chinhphu',
      'gk_xa',
      'gk_huyen',
      'bk_tinh',
      'bk_ttg',
      'hcld_ba',
      'knc',
    ] as AwardId[]) {
      expect(ids.has(id)).toBe(true);
    }
    expect(awardById('cstd_toanquoc').name).toBe('Chiến sĩ thi đua toàn quốc');
    expect(awardById('co_tinh').name).toBe('Cờ thi đua của Ủy ban nhân dân tỉnh');
    expect(awardById('co_chinhphu').name).toBe('Cờ thi đua của Chính phủ');
    expect(awardById('bk_ttg').name).toBe('Bằng khen của Thủ tướng Chính phủ');
    expect(awardById('hcld_ba').name).toBe('Huân chương Lao động hạng Ba');
  });

  it('classifies subject, kind and level', () => {
    const expected: Record<string, [string, string, string]> = {
      ldtt: ['individual', 'title', 'district'],
      cstdcs: ['individual', 'title', 'district'],
      cstd_tinh: ['individual', 'title', 'province'],
      cstd_toanquoc: ['individual', 'title', 'national'],
      ttldtt: ['collective', 'title', 'district'],
      ttldxs: ['collective', 'title', 'province'],
      co_tinh: ['collective', 'title', 'province'],
      co_chinhphu: ['collective', 'title', 'national'],
      gk_xa: ['both', 'form', 'commune'],
      gk_huyen: ['both', 'form', 'district'],
      bk_tinh: ['both', 'form', 'province'],
      bk_ttg: ['both', 'form', 'national'],
    };
    for (const [id, [subject, kind, level]] of Object.entries(expected)) {
      const a = awardById(id as AwardId);
      expect([a.subject, a.kind, a.issuerLevel]).toEqual([subject, kind, level]);
    }
    for (const a of AWARDS) {
      expect(a.awardedBy.length).toBeGreaterThan(0);
      expect(a.awardedBy).toContain(a.issuerLevel);
    }
  });

  it('has the reward multiples of the primer for the titles', () => {
    const multiples: Record<string, [number | null, number | null]> = {
      cstd_toanquoc: [4.5, null],
      cstd_tinh: [3.0, null],
      cstdcs: [1.0, null],
      ldtt: [0.3, null],
      ttldxs: [null, 1.5],
      ttldtt: [null, 0.8],
      co_tinh: [null, 8],
      co_chinhphu: [null, 12],
    };
    for (const [id, [individual, collective]] of Object.entries(multiples)) {
      const r = awardById(id as AwardId).reward!;
      expect([r.individual, r.collective]).toEqual([individual, collective]);
    }
  });

  it('cites a source for every entry, and marks every unchecked fact', () => {
    for (const a of AWARDS) {
      expect(a.source.document).toMatch(/Luật|Nghị định/);
      if (!a.source.article) expect(a.source.verify).toContain(VERIFY);
      if (a.reward) {
        const { individual, collective, source } = a.reward;
        if (individual === null && collective === null) expect(source.verify).toContain(VERIFY);
      }
    }
  });

  it('links counterparts both ways with opposite subjects', () => {
    for (const a of AWARDS) {
      if (!a.counterpart) continue;
      const other = awardById(a.counterpart);
      expect(other.counterpart).toBe(a.id);
      expect(other.subject).not.toBe(a.subject);
    }
  });

  it('keeps the district chair Giấy khen to achievements up to 2025', () => {
    expect(awardById('gk_huyen').validToYear).toBe(2025);
    expect(awardById('gk_xa').validToYear).toBeUndefined();
  });

  it('has no short form that normalises to two awards', () => {
    expect(catalogueKeyCollisions()).toEqual([]);
  });
});
