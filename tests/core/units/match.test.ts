import {
  UNIT_MATCH_CONFIDENCE,
  UnitRegistry,
  hongNguRegistry,
  matchUnit,
  type UnitMatch,
} from '../../../src/core/units';

/** A 2022 registry read from CSV, as a council would load it (no merger history). */
const CSV_2022 = `\ufeffname,kind,cluster,aliases\r
Thị trấn Thường Thới Tiền,town,Cụm thi đua số 1,UBND thị trấn Thường Thới Tiền;TT Thường Thới Tiền\r
Xã Thường Phước 1,commune,Cụm thi đua số 1,UBND xã Thường Phước 1;Ủy ban nhân dân xã Thường Phước 1\r
Xã Thường Phước 2,commune,Cụm thi đua số 1,UBND xã Thường Phước 2\r
Xã Thường Thới Hậu A,commune,Cụm thi đua số 1,UBND xã Thường Thới Hậu A\r
Xã Thường Lạc,commune,Cụm thi đua số 1,\r
Xã Long Khánh A,commune,Cụm thi đua số 2,UBND xã Long Khánh A\r
Xã Long Khánh B,commune,Cụm thi đua số 2,UBND xã Long Khánh B\r
Xã Long Thuận,commune,Cụm thi đua số 2,\r
Xã Phú Thuận A,commune,Cụm thi đua số 2,\r
Xã Phú Thuận B,commune,Cụm thi đua số 2,Ủy ban nhân dân xã Phú Thuận B\r
Phòng Nội vụ,department,Khối Tổng hợp,\r
Phòng Tài chính - Kế hoạch,department,Khối Tổng hợp,\r
Phòng Tư pháp,department,Khối Tổng hợp,\r
Phòng Văn hóa và Thông tin,department,Khối Văn hóa - Xã hội,\r
Phòng Giáo dục và Đào tạo,department,Khối Văn hóa - Xã hội,\r
Phòng Y tế,department,Khối Văn hóa - Xã hội,\r
Phòng Lao động - Thương binh và Xã hội,department,Khối Văn hóa - Xã hội,\r
Phòng Nông nghiệp và Phát triển nông thôn,department,Khối Kinh tế,\r
Phòng Tài nguyên và Môi trường,department,Khối Kinh tế,\r
Phòng Kinh tế và Hạ tầng,department,Khối Kinh tế,\r
Thanh tra huyện,agency,Khối Tổng hợp,Thanh tra huyện Hồng Ngự\r
Văn phòng HĐND và UBND huyện,agency,Khối Tổng hợp,\r
`;

const csvRegistry = UnitRegistry.fromCsv(CSV_2022);
const builtIn = hongNguRegistry();

function names(m: UnitMatch): string[] {
  return m.candidates.map((u) => u.name);
}

// [text as written, canonical unit]
const FORMS: Array<[string, string]> = [
  // "UBND", "Ủy ban nhân dân", "xã", "thị trấn"/"TT"
  ['UBND xã Thường Phước 2', 'Xã Thường Phước 2'],
  ['Ủy ban nhân dân xã Long Thuận', 'Xã Long Thuận'],
  ['UỶ BAN NHÂN DÂN XÃ LONG THUẬN', 'Xã Long Thuận'],
  ['Thường Lạc', 'Xã Thường Lạc'],
  ['xã Thường Lạc', 'Xã Thường Lạc'],
  ['UBND TT. THƯỜNG THỚI TIỀN', 'Thị trấn Thường Thới Tiền'],
  ['TT. Thường Thới Tiền', 'Thị trấn Thường Thới Tiền'],
  ['Thị Trấn Thường Thới Tiền', 'Thị trấn Thường Thới Tiền'],
  ['THỊ TRẤN THƯỜNG THỚI TIỀN', 'Thị trấn Thường Thới Tiền'],
  ['Đơn vị: UBND Xã Thường Phước I', 'Xã Thường Phước 1'],
  // Roman numerals
  ['UBND XÃ THƯỜNG PHƯỚC I', 'Xã Thường Phước 1'],
  ['Xã Thường Phước II', 'Xã Thường Phước 2'],
  ['Thường Phước 01', 'Xã Thường Phước 1'],
  // Quotes and spaces around A/B
  ['XÃ LONG KHÁNH “A”', 'Xã Long Khánh A'],
  ['xã Long Khánh "A"', 'Xã Long Khánh A'],
  ['UBND Xã Thường Thới Hậu "A"', 'Xã Thường Thới Hậu A'],
  ["Long Khánh 'B'", 'Xã Long Khánh B'],
  ['Long KhánhA', 'Xã Long Khánh A'],
  ['LONG KHÁNHB', 'Xã Long Khánh B'],
  ['Phú Thuận  B', 'Xã Phú Thuận B'],
  // "P." / "Phòng"
  ['P. Y tế', 'Phòng Y tế'],
  ['PHÒNG Y TẾ', 'Phòng Y tế'],
  ['Phòng Y Tế', 'Phòng Y tế'],
  ['P.Nội vụ', 'Phòng Nội vụ'],
  ['Nội vụ', 'Phòng Nội vụ'],
  ['Phòng Nội vụ huyện Hồng Ngự', 'Phòng Nội vụ'],
  // Abbreviations
  ['Phòng VH&TT', 'Phòng Văn hóa và Thông tin'],
  ['VHTT', 'Phòng Văn hóa và Thông tin'],
  ['P. VH-TT', 'Phòng Văn hóa và Thông tin'],
  ['Phòng TC-KH', 'Phòng Tài chính - Kế hoạch'],
  ['P.TCKH', 'Phòng Tài chính - Kế hoạch'],
  ['Phòng LĐ-TB&XH', 'Phòng Lao động - Thương binh và Xã hội'],
  ['LĐTBXH', 'Phòng Lao động - Thương binh và Xã hội'],
  ['Phòng NN&PTNT', 'Phòng Nông nghiệp và Phát triển nông thôn'],
  ['NN-PTNT', 'Phòng Nông nghiệp và Phát triển nông thôn'],
  ['Phòng TN&MT', 'Phòng Tài nguyên và Môi trường'],
  ['TNMT', 'Phòng Tài nguyên và Môi trường'],
  ['PHÒNG KT&HT', 'Phòng Kinh tế và Hạ tầng'],
  ['Phòng KT-HT', 'Phòng Kinh tế và Hạ tầng'],
  ['KTHT', 'Phòng Kinh tế và Hạ tầng'],
  ['Phòng GD&ĐT', 'Phòng Giáo dục và Đào tạo'],
  ['GDĐT', 'Phòng Giáo dục và Đào tạo'],
  ['PGD', 'Phòng Giáo dục và Đào tạo'],
  ['PGD&ĐT', 'Phòng Giáo dục và Đào tạo'],
  ['YT', 'Phòng Y tế'],
  ['PYT', 'Phòng Y tế'],
  ['VP HĐND và UBND huyện', 'Văn phòng HĐND và UBND huyện'],
  ['Văn phòng HĐND-UBND huyện', 'Văn phòng HĐND và UBND huyện'],
  ['Thanh tra', 'Thanh tra huyện'],
  // Dashes, "và" / "&", tone placement, NFD
  ['Phòng Tài chính – Kế hoạch', 'Phòng Tài chính - Kế hoạch'],
  ['Phòng Tài chính và Kế hoạch', 'Phòng Tài chính - Kế hoạch'],
  ['Phòng Kinh tế - Hạ tầng', 'Phòng Kinh tế và Hạ tầng'],
  ['Phòng Lao động – Thương binh & Xã hội', 'Phòng Lao động - Thương binh và Xã hội'],
  ['Phòng Văn hoá và Thông tin', 'Phòng Văn hóa và Thông tin'],
  ['Phòng Giáo dục và Đào tạo'.normalize('NFD'), 'Phòng Giáo dục và Đào tạo'],
  // Without diacritics, glued, underscores (file names)
  ['Thuong Thoi Tien', 'Thị trấn Thường Thới Tiền'],
  ['ThuongThoiTien', 'Thị trấn Thường Thới Tiền'],
  ['ThuongPhuoc1', 'Xã Thường Phước 1'],
  ['Phu_Thuan_B', 'Xã Phú Thuận B'],
  ['Long_Khanh_A', 'Xã Long Khánh A'],
  ['GDDT', 'Phòng Giáo dục và Đào tạo'],
  ['YTe', 'Phòng Y tế'],
  // Initials of a registry name, when they point at one unit
  ['Xã TP1', 'Xã Thường Phước 1'],
  ['TP 2', 'Xã Thường Phước 2'],
  ['TTH A', 'Xã Thường Thới Hậu A'],
  ['TTHA', 'Xã Thường Thới Hậu A'],
  ['LKB', 'Xã Long Khánh B'],
];

describe('matchUnit: every alias and abbreviation form', () => {
  it.each(FORMS)('%s → %s', (text, expected) => {
    for (const registry of [csvRegistry, builtIn]) {
      const m = matchUnit(registry, text, { date: '2022-12-01' });
      expect(m.unit?.name).toBe(expected);
      expect(m.candidates.map((u) => u.name)).toEqual([expected]);
      expect(m.confidence).toBeGreaterThanOrEqual(UNIT_MATCH_CONFIDENCE.initialism);
      expect(m.confidence).toBeLessThanOrEqual(1);
      expect(m.reason).toContain(expected);
    }
  });

  it('matches every canonical name exactly, with confidence 1', () => {
    for (const unit of csvRegistry.all()) {
      const m = matchUnit(csvRegistry, unit.name);
      expect(m).toMatchObject({ code: 'exact', confidence: 1 });
      expect(m.unit).toBe(unit);
    }
  });

  it('matches registry aliases exactly, even ones no rule would derive', () => {
    const r = new UnitRegistry([
      {
        name: 'Phòng Văn hóa và Thông tin',
        kind: 'department',
        aliases: ['Bộ phận văn hóa huyện', 'Đài truyền thanh'],
      },
      { name: 'Phòng Y tế', kind: 'department' },
    ]);
    const m = matchUnit(r, 'ĐÀI TRUYỀN THANH');
    expect(m).toMatchObject({ code: 'exact', confidence: 1 });
    expect(m.unit!.name).toBe('Phòng Văn hóa và Thông tin');
  });

  it('grades confidence by level', () => {
    expect(matchUnit(csvRegistry, 'UBND xã Thường Phước 1').code).toBe('exact');
    expect(matchUnit(csvRegistry, 'UBND XÃ THƯỜNG PHƯỚC I')).toMatchObject({
      code: 'normalized',
      confidence: UNIT_MATCH_CONFIDENCE.normalized,
    });
    expect(matchUnit(csvRegistry, 'ThuongPhuoc1')).toMatchObject({
      code: 'unaccented',
      confidence: UNIT_MATCH_CONFIDENCE.unaccented,
    });
    expect(matchUnit(csvRegistry, 'Xã TP1')).toMatchObject({
      code: 'initialism',
      confidence: UNIT_MATCH_CONFIDENCE.initialism,
    });
    expect(UNIT_MATCH_CONFIDENCE.exact).toBeGreaterThan(UNIT_MATCH_CONFIDENCE.normalized);
    expect(UNIT_MATCH_CONFIDENCE.normalized).toBeGreaterThan(UNIT_MATCH_CONFIDENCE.unaccented);
    expect(UNIT_MATCH_CONFIDENCE.unaccented).toBeGreaterThan(UNIT_MATCH_CONFIDENCE.initialism);
  });
});

describe('matchUnit: ambiguity is never a guess', () => {
  it('"Thường Phước" with 1 and 2 gives both as candidates and no unit', () => {
    for (const text of ['Thường Phước', 'UBND xã Thường Phước', 'THUONG PHUOC']) {
      const m = matchUnit(csvRegistry, text);
      expect(m.unit).toBeNull();
      expect(m.confidence).toBe(0);
      expect(m.code).toBe('ambiguous');
      expect(names(m)).toEqual(['Xã Thường Phước 1', 'Xã Thường Phước 2']);
      expect(m.reason).toMatch(/có thể là/);
    }
  });

  it('"Long Khánh" with A and B gives both', () => {
    const m = matchUnit(csvRegistry, 'Xã Long Khánh');
    expect(m.unit).toBeNull();
    expect(names(m)).toEqual(['Xã Long Khánh A', 'Xã Long Khánh B']);
  });

  it('"Phú Thuận" gives A and B; "Thường Thới" gives the town and Hậu A', () => {
    expect(names(matchUnit(csvRegistry, 'Phú Thuận'))).toEqual(['Xã Phú Thuận A', 'Xã Phú Thuận B']);
    expect(names(matchUnit(csvRegistry, 'Thường Thới'))).toEqual(['Thị trấn Thường Thới Tiền', 'Xã Thường Thới Hậu A']);
  });

  it('part of one name gives that unit as the only candidate, but no unit', () => {
    const m = matchUnit(csvRegistry, 'Thường Thới Hậu');
    expect(m).toMatchObject({ unit: null, confidence: 0, code: 'partial' });
    expect(names(m)).toEqual(['Xã Thường Thới Hậu A']);
  });

  it('initials that fit two units give both', () => {
    const r = new UnitRegistry([
      { name: 'Xã Long Khánh A', kind: 'commune' },
      { name: 'Xã Lộc Khánh A', kind: 'commune' },
    ]);
    const m = matchUnit(r, 'LKA');
    expect(m.unit).toBeNull();
    expect(names(m)).toEqual(['Xã Long Khánh A', 'Xã Lộc Khánh A']);
  });

  it('an alias shared by two units gives both', () => {
    const r = new UnitRegistry([
      { name: 'Phòng Nội vụ', kind: 'department', aliases: ['Khối Tổng hợp'] },
      { name: 'Phòng Tư pháp', kind: 'department', aliases: ['Khối Tổng hợp'] },
    ]);
    const m = matchUnit(r, 'khối tổng hợp');
    expect(m.unit).toBeNull();
    expect(names(m)).toEqual(['Phòng Nội vụ', 'Phòng Tư pháp']);
  });

  it('uses the kind word to tell apart a commune and a ward of the same name', () => {
    const r = new UnitRegistry([
      { name: 'Xã Thường Lạc', kind: 'commune' },
      { name: 'Phường Thường Lạc', kind: 'ward' },
    ]);
    expect(matchUnit(r, 'UBND xã Thường Lạc').unit?.name).toBe('Xã Thường Lạc');
    expect(matchUnit(r, 'UBND phường Thường Lạc').unit?.name).toBe('Phường Thường Lạc');
    expect(names(matchUnit(r, 'Thường Lạc'))).toEqual(['Xã Thường Lạc', 'Phường Thường Lạc']);
    expect(matchUnit(r, 'Thường Lạc').unit).toBeNull();
  });
});

describe('matchUnit: unknown and empty text', () => {
  it.each(['Sở Y tế', 'Trường THCS Thường Phước 1', 'UBND huyện Hồng Ngự', 'Hội Nông dân', 'abc', 'Phòng'])(
    '%s → no unit, confidence 0',
    (text) => {
      const m = matchUnit(csvRegistry, text);
      expect(m).toMatchObject({ unit: null, confidence: 0, code: 'not_found', candidates: [] });
      expect(m.reason).toContain('Không tìm thấy');
    },
  );

  it.each(['', '   ', '—', '\u00a0'])('%j → empty', (text) => {
    expect(matchUnit(csvRegistry, text)).toMatchObject({ unit: null, confidence: 0, code: 'empty', candidates: [] });
  });
});

describe('matchUnit with dates and merger history', () => {
  it('without a date, a new commune named like its predecessors is ambiguous', () => {
    const m = matchUnit(builtIn, 'Long Khánh');
    expect(m.unit).toBeNull();
    expect(names(m)).toEqual(['Xã Long Khánh', 'Xã Long Khánh A', 'Xã Long Khánh B']);
    expect(m.reason).toMatch(/ngày của văn bản/);
    expect(names(matchUnit(builtIn, 'Thường Phước'))).toEqual([
      'Xã Thường Phước',
      'Xã Thường Phước 1',
      'Xã Thường Phước 2',
    ]);
  });

  it('with a 2022 date, "Long Khánh" means A or B', () => {
    const m = matchUnit(builtIn, 'Long Khánh', { date: '2022-12-03' });
    expect(m.unit).toBeNull();
    expect(names(m)).toEqual(['Xã Long Khánh A', 'Xã Long Khánh B']);
    // Even written as the new commune's exact name.
    expect(names(matchUnit(builtIn, 'Xã Long Khánh', { date: '03/12/2022' }))).toEqual([
      'Xã Long Khánh A',
      'Xã Long Khánh B',
    ]);
  });

  it('with a date after the merger, "Long Khánh" is the new commune', () => {
    const m = matchUnit(builtIn, 'UBND xã Long Khánh', { date: '2025-08-01' });
    expect(m.unit?.name).toBe('Xã Long Khánh');
    expect(m.confidence).toBe(1);
  });

  it('an old name after the merger still resolves, with the successor', () => {
    const m = matchUnit(builtIn, 'UBND xã Thường Phước 1', { date: '2025-09-15' });
    expect(m.unit?.name).toBe('Xã Thường Phước 1');
    expect(m.successor?.name).toBe('Xã Thường Phước');
    expect(m.reason).toContain('Xã Thường Phước');
    expect(m.reason).toContain('15/09/2025');
    const ended = matchUnit(builtIn, 'Phòng Y tế', { date: '2026-01-10' });
    expect(ended.unit?.name).toBe('Phòng Y tế');
    expect(ended.successor).toBeNull();
    expect(ended.reason).toMatch(/không còn hoạt động/);
  });

  it('rejects an invalid date', () => {
    expect(() => matchUnit(builtIn, 'Phòng Y tế', { date: '2025-02-30' })).toThrow(RangeError);
  });
});
