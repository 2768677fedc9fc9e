import { AWARDS, AWARD_MATCH_CONFIDENCE, awardById, matchAward, type AwardId } from '../../../src/core/awards';

describe('matchAward: the catalogue round-trips', () => {
  it.each(AWARDS.map((a) => [a.name, a.id] as const))('official name %s → %s, confidence 1', (name, id) => {
    const m = matchAward(name);
    expect(m).toMatchObject({ code: 'exact', confidence: 1 });
    expect(m.award?.id).toBe(id);
    expect(m.candidates.map((a) => a.id)).toEqual([id]);
  });

  it.each(AWARDS.flatMap((a) => a.shortForms.map((f) => [f, a.id] as const)))('short form %s → %s', (form, id) => {
    const m = matchAward(form);
    expect(m.award?.id).toBe(id);
    expect(m.confidence).toBeGreaterThanOrEqual(AWARD_MATCH_CONFIDENCE.short_form);
  });

  it('matches official names in upper case, NFD and old tone placement', () => {
    for (const a of AWARDS) {
      expect(matchAward(a.name.toLocaleUpperCase('vi')).award?.id).toBe(a.id);
      expect(matchAward(a.name.normalize('NFD')).award?.id).toBe(a.id);
    }
    expect(matchAward('Giấy khen của Chủ tịch Uỷ ban nhân dân huyện')).toMatchObject({ code: 'exact', confidence: 1 });
  });
});

// Short forms as written in the field, listed in the brief, plus variants seen in unit files.
const FIELD_FORMS: Array<[string, AwardId]> = [
  ['LĐTT', 'ldtt'],
  ['CSTĐCS', 'cstdcs'],
  ['CSTĐ cơ sở', 'cstdcs'],
  ['Chiến sỹ thi đua cơ sở', 'cstdcs'],
  ['GK UBND huyện', 'gk_huyen'],
  ['Giấy khen UBND huyện', 'gk_huyen'],
  ['Giấy khen của Chủ tịch UBND huyện', 'gk_huyen'],
  ['BK UBND tỉnh', 'bk_tinh'],
  ['TTLĐXS', 'ttldxs'],
  ['Tập thể LĐTT', 'ttldtt'],
  ['Tập thể lao động tiên tiến', 'ttldtt'],
  // case, tone placement, sỹ/sĩ, "cấp", "Danh hiệu", places after the level
  ['LAO ĐỘNG TIÊN TIẾN', 'ldtt'],
  ['Danh hiệu Lao động tiên tiến', 'ldtt'],
  ['lđtt', 'ldtt'],
  ['L.Đ.T.T', 'ldtt'],
  ['Chiến sỹ thi đua cấp Tỉnh', 'cstd_tinh'],
  ['CSTĐ tỉnh', 'cstd_tinh'],
  ['CSTĐ cấp tỉnh', 'cstd_tinh'],
  ['Chiến sĩ thi đua cấp cơ sở', 'cstdcs'],
  ['CSTĐ-CS', 'cstdcs'],
  ['Chiến sỹ thi đua toàn quốc', 'cstd_toanquoc'],
  ['Tập thể Lao động Tiên tiến', 'ttldtt'],
  ['TT LĐTT', 'ttldtt'],
  ['Tập thể LĐXS', 'ttldxs'],
  ['Tập thể lao động xuất sắc', 'ttldxs'],
  ['Giấy khen của Chủ tịch Uỷ ban nhân dân huyện', 'gk_huyen'],
  ['Giấy khen của Chủ tịch UBND huyện Hồng Ngự', 'gk_huyen'],
  ['Giấy khen của UBND huyện', 'gk_huyen'],
  ['GK CT UBND huyện', 'gk_huyen'],
  ['Giấy khen của Chủ tịch UBND xã Long Thuận', 'gk_xa'],
  ['Giấy khen của Chủ tịch UBND thị trấn Thường Thới Tiền', 'gk_xa'],
  ['Giấy khen của Chủ tịch UBND phường 1', 'gk_xa'],
  ['Bằng khen UBND tỉnh Đồng Tháp', 'bk_tinh'],
  ['Bằng khen của UBND Tỉnh', 'bk_tinh'],
  ['Bằng khen của Chủ tịch UBND tỉnh', 'bk_tinh'],
  ['Bằng khen Thủ tướng Chính phủ', 'bk_ttg'],
  ['BK TTg', 'bk_ttg'],
  ['Cờ thi đua của UBND tỉnh', 'co_tinh'],
  ['Cờ thi đua Chính phủ', 'co_chinhphu'],
  ['Huân chương Lao động hạng III', 'hcld_ba'],
  ['Huân chương lao động hạng 2', 'hcld_nhi'],
  ['HCLĐ hạng Nhất', 'hcld_nhat'],
  ['Kỉ niệm chương', 'knc'],
  ['Ấp văn hóa', 'thon_vanhoa'],
  ['Khóm văn hoá', 'thon_vanhoa'],
  ['Gia đình văn hoá', 'gd_vanhoa'],
  // section rows
  ['1. Lao động tiên tiến (05 cá nhân)', 'ldtt'],
  ['- Đề nghị tặng lao động tiên tiến', 'ldtt'],
  ['1. Tập thể lao động tiên tiến (01 tập thể)', 'ttldtt'],
  ['2/ Tập thể lao động xuất sắc', 'ttldxs'],
  ['- CSTĐCS (01 cá nhân)', 'cstdcs'],
  ['- Chiến sĩ thi đua cấp tỉnh', 'cstd_tinh'],
  ['4. Giấy khen của Chủ tịch Ủy ban nhân dân huyện: 01 cá nhân', 'gk_huyen'],
  ['III. Bằng khen của Chủ tịch UBND tỉnh', 'bk_tinh'],
];

describe('matchAward: forms written in the field', () => {
  it.each(FIELD_FORMS)('%s → %s', (text, id) => {
    const m = matchAward(text);
    expect(m.award?.id).toBe(id);
    expect(m.candidates.map((a) => a.id)).toEqual([id]);
    expect(m.confidence).toBeGreaterThanOrEqual(0.85);
    expect(m.reason).toContain(awardById(id).name);
  });

  it('matches text without diacritics at a lower confidence', () => {
    const m = matchAward('Chien si thi dua co so');
    expect(m).toMatchObject({ code: 'unaccented', confidence: AWARD_MATCH_CONFIDENCE.unaccented });
    expect(m.award?.id).toBe('cstdcs');
    expect(matchAward('Giay khen cua Chu tich UBND huyen').award?.id).toBe('gk_huyen');
    expect(matchAward('Tap the lao dong xuat sac').award?.id).toBe('ttldxs');
  });

  it('treats sỹ/sĩ and kỉ/kỷ as one spelling, not as a loose match', () => {
    for (const text of [
      'Chiến sỹ thi đua cấp cơ sở',
      'Chiến sỹ thi đua bộ, ban, ngành, tỉnh',
      'Kỉ niệm chương Vì sự nghiệp Giáo dục',
    ]) {
      const m = matchAward(text);
      expect(m.confidence).toBeGreaterThan(AWARD_MATCH_CONFIDENCE.unaccented);
      expect(m.code).not.toBe('unaccented');
    }
  });

  it('keeps the specific name of a Kỷ niệm chương as a variant', () => {
    const m = matchAward('Kỷ niệm chương Vì sự nghiệp Giáo dục');
    expect(m).toMatchObject({ code: 'variant', confidence: AWARD_MATCH_CONFIDENCE.variant });
    expect(m.award?.id).toBe('knc');
  });
});

describe('matchAward: ambiguity and unknowns', () => {
  it('"Chiến sĩ thi đua" alone is ambiguous between the three levels, whatever the subject', () => {
    for (const text of ['Chiến sĩ thi đua', 'Chiến sỹ thi đua', 'CSTĐ']) {
      for (const subject of [undefined, 'individual'] as const) {
        const m = matchAward(text, { subject, year: 2022 });
        expect(m).toMatchObject({ award: null, confidence: 0, code: 'ambiguous' });
        expect(m.candidates.map((a) => a.id)).toEqual(['cstdcs', 'cstd_tinh', 'cstd_toanquoc']);
      }
    }
  });

  it.each([
    ['Giấy khen', ['gk_xa', 'gk_huyen']],
    ['Bằng khen', ['bk_tinh', 'bk_ttg']],
    ['Cờ thi đua', ['co_tinh', 'co_chinhphu']],
    ['Huân chương Lao động', ['hcld_nhat', 'hcld_nhi', 'hcld_ba']],
    ['Tập thể', ['ttldtt', 'ttldxs']],
  ])('%s alone is ambiguous', (text, ids) => {
    const m = matchAward(text);
    expect(m.award).toBeNull();
    expect(m.code).toBe('ambiguous');
    expect(m.candidates.map((a) => a.id)).toEqual(ids);
    expect(m.reason).toMatch(/chưa đủ để xác định/);
  });

  it('the subject narrows the candidates of an ambiguous text', () => {
    const m = matchAward('Lao động', { subject: 'collective' });
    expect(m.award).toBeNull();
    expect(m.candidates.map((a) => a.id)).toEqual(['ttldxs']);
    expect(m.code).toBe('partial');
  });

  it.each([
    'Giấy khen của Giám đốc Sở',
    'Giấy khen của Giám đốc Sở Y tế',
    'Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo',
    'Hoàn thành xuất sắc nhiệm vụ',
    'Chiến sĩ thi đua ngành giáo dục',
    'abc',
  ])('%s → null, not in catalogue', (text) => {
    const m = matchAward(text);
    expect(m).toMatchObject({ award: null, confidence: 0, candidates: [], code: 'not_in_catalogue' });
    expect(m.reason).toMatch(/không có trong danh mục/);
  });

  it.each(['', '   ', '-', '\u00a0'])('%j → empty', (text) => {
    expect(matchAward(text)).toMatchObject({ award: null, confidence: 0, candidates: [], code: 'empty' });
  });
});

describe('matchAward: subject and year', () => {
  it('reads an individual title written for a collective as its collective counterpart', () => {
    const m = matchAward('Lao động tiên tiến', { subject: 'collective' });
    expect(m.award?.id).toBe('ttldtt');
    expect(m).toMatchObject({ code: 'counterpart', confidence: AWARD_MATCH_CONFIDENCE.counterpart });
    expect(m.reason).toContain('Tập thể lao động tiên tiến');
  });

  it('keeps a collective title written for an individual, flagged', () => {
    const m = matchAward('Tập thể LĐTT', { subject: 'individual' });
    expect(m.award?.id).toBe('ttldtt');
    expect(m).toMatchObject({ code: 'subject_mismatch', confidence: AWARD_MATCH_CONFIDENCE.subject_mismatch });
    const cstd = matchAward('CSTĐCS', { subject: 'collective' });
    expect(cstd.award?.id).toBe('cstdcs');
    expect(cstd.code).toBe('subject_mismatch');
  });

  it('accepts forms for both subjects', () => {
    for (const subject of ['individual', 'collective'] as const) {
      expect(matchAward('GK UBND huyện', { subject })).toMatchObject({ code: 'short_form' });
      expect(matchAward('Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', { subject })).toMatchObject({ code: 'exact' });
    }
  });

  it('flags the district chair Giấy khen for achievements after 2025', () => {
    expect(matchAward('GK UBND huyện', { year: 2025 }).code).toBe('short_form');
    const m = matchAward('GK UBND huyện', { year: 2026 });
    expect(m.award?.id).toBe('gk_huyen');
    expect(m).toMatchObject({ code: 'not_in_force', confidence: AWARD_MATCH_CONFIDENCE.not_in_force });
    expect(m.reason).toContain('2026');
    expect(matchAward('Giấy khen của Chủ tịch UBND xã', { year: 2026 }).code).toBe('short_form');
  });
});
