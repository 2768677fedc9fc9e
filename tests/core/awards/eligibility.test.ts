import {
  atLeast,
  ceilShare,
  checkNominations,
  checkNominationsIndexed,
  findingsText,
  floorShare,
  formatPercent,
  formatShare,
  roundShareHalfUp,
  rulebookFor,
  RULEBOOKS,
  splitInitiatives,
  toFraction,
  type CheckInput,
  type Finding,
  type Rule,
} from '../../../src/core/awards';
import type { Row } from '../../../src/core/contract';
import { hongNguRegistry } from '../../../src/core/units';

const registry = hongNguRegistry();
let nextRow = 10;

function nom(name: string, unit: string, award: string, year: number, extra: Row = {}): Row {
  return {
    year,
    unit,
    subject: 'individual',
    name,
    award,
    reviewStatus: 'proposed',
    sourceFile: 'de-nghi.xlsx',
    sourceSheet: 'DS',
    sourceRow: nextRow++,
    ...extra,
  };
}
function team(name: string, unit: string, award: string, year: number, extra: Row = {}): Row {
  return nom(name, unit, award, year, { subject: 'collective', ...extra });
}
function reg(name: string, unit: string, award: string, year: number, subject = 'individual'): Row {
  return { year, unit, subject, name, award };
}
function hist(name: string, unit: string, award: string, year: number, extra: Row = {}): Row {
  return { year, subject: 'individual', name, unit, award, decisionNumber: `${year}/QĐ-UBND`, ...extra };
}

function check(parts: Partial<CheckInput>): Finding[] {
  return checkNominations({
    nominations: [],
    registrations: [],
    history: [],
    registry,
    councilLevel: 'district',
    ...parts,
  });
}
const ofRule = (findings: Finding[], rule: string, name?: string) =>
  findings.filter((f) => f.rule === rule && (name === undefined || f.name === name));
const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error');

/** A unit's LĐTT nominations, registered. */
function ldttTeam(unit: string, year: number, names: string[]): { nominations: Row[]; registrations: Row[] } {
  return {
    nominations: names.map((n) => nom(n, unit, 'Lao động tiên tiến', year)),
    registrations: names.map((n) => reg(n, unit, 'Lao động tiên tiến', year)),
  };
}

describe('exact shares', () => {
  it('turns the book shares into exact fractions', () => {
    expect(toFraction(0.15)).toEqual({ num: 3, den: 20 });
    expect(toFraction(0.7)).toEqual({ num: 7, den: 10 });
    expect(toFraction(0.9)).toEqual({ num: 9, den: 10 });
    expect(toFraction(2 / 3)).toEqual({ num: 2, den: 3 });
    expect(toFraction(1)).toEqual({ num: 1, den: 1 });
  });
  it('compares at the boundary with integers', () => {
    expect(atLeast(7, 10, 0.7)).toBe(true);
    expect(atLeast(699, 1000, 0.7)).toBe(false);
    expect(atLeast(2, 3, 2 / 3)).toBe(true);
    expect(atLeast(9, 15, 2 / 3)).toBe(false);
    expect(floorShare(7, 0.15)).toBe(1);
    expect(floorShare(6, 0.15)).toBe(0);
    expect(floorShare(20, 0.15)).toBe(3);
    expect(roundShareHalfUp(10, 0.15)).toBe(2);
    expect(roundShareHalfUp(3, 0.15)).toBe(0);
    expect(ceilShare(15, 2 / 3)).toBe(10);
    expect(ceilShare(20, 0.9)).toBe(18);
  });
  it('writes shares and ratios the Vietnamese way', () => {
    expect(formatShare(0.15)).toBe('15%');
    expect(formatShare(2 / 3)).toBe('2/3');
    expect(formatShare(0.125)).toBe('12,5%');
    expect(formatPercent(0.699)).toBe('69,90%');
    expect(formatPercent(0.7)).toBe('70,00%');
  });
  it('splits initiatives on ";" and line breaks', () => {
    expect(splitInitiatives('Sáng kiến A; Sáng kiến B\n- Sáng kiến C')).toEqual([
      'Sáng kiến A',
      'Sáng kiến B',
      'Sáng kiến C',
    ]);
    expect(splitInitiatives(null)).toEqual([]);
  });
});

describe.each([
  [2022, 'tdkt-2003'],
  [2024, 'tdkt-2022'],
])('clean records of %i (%s)', (year, bookId) => {
  it('gives no error and no warning', () => {
    expect(rulebookFor(year).id).toBe(bookId);
    const staff = ['An', 'Bình', 'Chi', 'Dũng', 'Em', 'Giang', 'Hà'].map((n) => `Nguyễn Văn ${n}`);
    const base = ldttTeam('Phòng Y tế', year, staff);
    const findings = check({
      nominations: [
        ...base.nominations,
        nom('Nguyễn Văn An', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', year, {
          initiative: 'Ứng dụng phần mềm quản lý hồ sơ sức khỏe',
          initiativeRecognition: `Quyết định số 12/QĐ-PYT ngày 10/12/${year}`,
        }),
        nom('Trần Thị Lan', 'Phòng Nội vụ', 'Giấy khen của Chủ tịch UBND huyện', year),
        team('Phòng Y tế', 'Phòng Y tế', 'Tập thể lao động tiên tiến', year),
      ],
      registrations: [
        ...base.registrations,
        reg('Nguyễn Văn An', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', year),
        reg('Phòng Y tế', 'Phòng Y tế', 'Tập thể lao động tiên tiến', year, 'collective'),
      ],
    });
    expect(findings.filter((f) => f.severity !== 'document')).toEqual([]);
    // Only the collective's headcount is a paper the data cannot show.
    expect(findings.map((f) => f.rule)).toEqual(['ttldtt.members_ldtt']);
  });
});

describe('LĐTT prerequisite of CSTĐCS', () => {
  it.each([2022, 2024])('asks for the LĐTT decision when no list shows it (%i), with the article', (year) => {
    // CSTĐCS lists routinely leave out the person's LĐTT line: a paper, not an error.
    const findings = check({
      nominations: [
        nom('Lê Văn Tâm', 'Phòng Tư pháp', 'Chiến sĩ thi đua cơ sở', year, {
          initiative: 'SK1',
          initiativeRecognition: 'QĐ 1',
        }),
      ],
      registrations: [reg('Lê Văn Tâm', 'Phòng Tư pháp', 'Chiến sĩ thi đua cơ sở', year)],
    });
    const [f] = ofRule(findings, 'cstdcs.prerequisite');
    expect(f).toMatchObject({
      severity: 'document',
      name: 'Lê Văn Tâm',
      unit: 'Phòng Tư pháp',
      award: 'Chiến sĩ thi đua cơ sở',
      year,
      file: 'de-nghi.xlsx',
      sheet: 'DS',
    });
    expect(f.message).toContain('Lê Văn Tâm');
    expect(f.message).toContain('“Lao động tiên tiến” năm ' + year);
    expect(f.message).toMatch(/quyết định công nhận .* có tên người này/);
    expect(f.message).toMatch(/bổ sung/);
    if (year === 2022) expect(f.article).toMatch(/^Điều 23, khoản 1 Luật Thi đua, Khen thưởng số 15\/2003\/QH11/);
    else expect(f.article).toMatch(/06\/2022\/QH15.*cần đối chiếu văn bản/);
  });

  it('is met by LĐTT in the award history, even written with other tone marks and case', () => {
    const findings = check({
      nominations: [
        nom('Lê Văn Tâm', 'Phòng Tư pháp', 'CSTĐ cơ sở', 2022, { initiative: 'SK1', initiativeRecognition: 'QĐ 1' }),
      ],
      history: [hist('LÊ VĂN TÂM', 'Phòng Tư pháp', 'LĐTT', 2022)],
      registrations: [reg('Lê Văn Tâm', 'Phòng Tư pháp', 'Chiến sĩ thi đua cơ sở', 2022)],
    });
    expect(ofRule(findings, 'cstdcs.prerequisite')).toEqual([]);
  });

  it('is an error when the unit’s LĐTT decision of the year is on file without the person', () => {
    const findings = check({
      nominations: [nom('Lê Văn Tâm', 'Phòng Tư pháp', 'Chiến sĩ thi đua cơ sở', 2022, { initiative: 'SK1' })],
      history: [
        hist('Lê Thị Một', 'Phòng Tư pháp', 'Lao động tiên tiến', 2022),
        hist('Lê Thị Hai', 'Phòng Tư pháp', 'Lao động tiên tiến', 2022),
      ],
      registrations: [reg('Lê Văn Tâm', 'Phòng Tư pháp', 'Chiến sĩ thi đua cơ sở', 2022)],
    });
    const [f] = ofRule(findings, 'cstdcs.prerequisite');
    expect(f.severity).toBe('error');
    expect(f.message).toMatch(/không có tên trong quyết định công nhận “Lao động tiên tiến” năm 2022 của đơn vị/);
    expect(f.message).toMatch(/ghi 2 người/);
  });

  it('a rejected LĐTT nomination is an error; a registration does not count', () => {
    const rejected = check({
      nominations: [
        nom('Lê Văn Tâm', 'Phòng Tư pháp', 'Lao động tiên tiến', 2022, { reviewStatus: 'rejected' }),
        nom('Lê Văn Tâm', 'Phòng Tư pháp', 'Chiến sĩ thi đua cơ sở', 2022, { initiative: 'SK1' }),
      ],
      registrations: [reg('Lê Văn Tâm', 'Phòng Tư pháp', 'Lao động tiên tiến', 2022)],
    });
    const [f] = ofRule(rejected, 'cstdcs.prerequisite');
    expect(f.severity).toBe('error');
    expect(f.message).toMatch(/đã được xét “Không đạt”/);
    const registeredOnly = check({
      nominations: [nom('Lê Văn Tâm', 'Phòng Tư pháp', 'Chiến sĩ thi đua cơ sở', 2022, { initiative: 'SK1' })],
      registrations: [reg('Lê Văn Tâm', 'Phòng Tư pháp', 'Lao động tiên tiến', 2022)],
    });
    expect(ofRule(registeredOnly, 'cstdcs.prerequisite').map((x) => x.severity)).toEqual(['document']);
  });
});

describe('CSTĐCS quota', () => {
  /** `decided`: the unit's LĐTT decision of the year is in the award history (the base is known). */
  function quotaCase(ldtt: number, cstdcs: number, year = 2022, decided = false) {
    const staff = Array.from({ length: ldtt }, (_, i) => `Phạm Văn Số ${i + 1}`);
    const base = ldttTeam('Phòng Tài chính - Kế hoạch', year, staff);
    const history = decided ? staff.map((n) => hist(n, 'Phòng Tài chính - Kế hoạch', 'Lao động tiên tiến', year)) : [];
    const stars = staff.slice(0, cstdcs).map((n, i) =>
      nom(n, 'Phòng Tài chính - Kế hoạch', 'Chiến sĩ thi đua cơ sở', year, {
        initiative: `Sáng kiến số ${i + 1}`,
        initiativeRecognition: 'QĐ',
      }),
    );
    return {
      nominations: [...base.nominations, ...stars],
      history,
      registrations: [
        ...base.registrations,
        ...staff.slice(0, cstdcs).map((n) => reg(n, 'Phòng Tài chính - Kế hoạch', 'CSTĐCS', year)),
      ],
    };
  }

  it('allows 15% of the LĐTT individuals: 3 of 20', () => {
    expect(ofRule(check(quotaCase(20, 3)), 'cstdcs.quota')).toEqual([]);
  });

  it.each([2022, 2024])('is an error on every CSTĐCS of a unit over 15%% of its decided LĐTT (%i)', (year) => {
    const findings = check(quotaCase(10, 2, year, true));
    const quota = ofRule(findings, 'cstdcs.quota');
    expect(quota).toHaveLength(2);
    expect(quota.map((f) => f.severity)).toEqual(['error', 'error']);
    expect(quota[0].message).toMatch(/Phòng Tài chính - Kế hoạch có 2 cá nhân/);
    expect(quota[0].message).toMatch(/15%/);
    expect(quota[0].message).toMatch(/10 người; 15% là 1,5 người, làm tròn xuống còn tối đa 1 người/);
    expect(quota[0].message).toMatch(/rút bớt 1 người/);
    expect(quota[0].article).toMatch(year === 2022 ? /91\/2017\/NĐ-CP/ : /98\/2023\/NĐ-CP/);
  });

  it('from nomination lists only, the base is a lower bound: asks for the unit’s LĐTT headcount (document)', () => {
    const quota = ofRule(check(quotaCase(10, 2)), 'cstdcs.quota');
    expect(quota.map((f) => f.severity)).toEqual(['document', 'document']);
    expect(quota[0].message).toMatch(/Theo các danh sách hiện có, Phòng Tài chính - Kế hoạch có 2 cá nhân/);
    expect(quota[0].message).toMatch(/tổng số cá nhân đạt danh hiệu “Lao động tiên tiến” năm 2022 của đơn vị/);
    expect(quota[0].message).toMatch(/nếu đơn vị chỉ có 10 người .* rút bớt 1 người/);
  });

  it('counts the CSTĐCS candidates among the LĐTT holders (lists leave out their LĐTT line)', () => {
    // 6 LĐTT listed + 1 CSTĐCS not listed under LĐTT: 7 holders → 15% is 1,05 → 1.
    const staff = ['Một', 'Hai', 'Ba', 'Bốn', 'Năm', 'Sáu'].map((n) => `Trần Văn ${n}`);
    const base = ldttTeam('Phòng Kinh tế và Hạ tầng', 2022, staff);
    const findings = check({
      nominations: [
        ...base.nominations,
        nom('Nguyễn Văn Lợi', 'Phòng Kinh tế và Hạ tầng', 'Chiến sĩ thi đua cơ sở', 2022, { initiative: 'SK' }),
      ],
      registrations: base.registrations,
    });
    expect(ofRule(findings, 'cstdcs.quota')).toEqual([]);
  });

  it('rounds half up when the council says so', () => {
    const input = quotaCase(10, 2);
    expect(ofRule(check({ ...input, quotaRounding: 'half_up' }), 'cstdcs.quota')).toEqual([]);
    expect(ofRule(check({ ...input, quotaRounding: 'floor' }), 'cstdcs.quota')).toHaveLength(2);
  });

  it('counts units as they stood that year: Long Khánh A and B are separate in 2022', () => {
    const a = quotaCase(7, 1);
    const b = ['Hồ Văn Một', 'Hồ Văn Hai', 'Hồ Văn Ba', 'Hồ Văn Bốn', 'Hồ Văn Năm', 'Hồ Văn Sáu', 'Hồ Văn Bảy'];
    const move = (rows: Row[], unit: string) => rows.map((r) => ({ ...r, unit }));
    const bTeam = ldttTeam('Xã Long Khánh B', 2022, b);
    const findings = check({
      nominations: [
        ...move(a.nominations, 'Xã Long Khánh A'),
        ...bTeam.nominations,
        nom('Hồ Văn Một', 'Xã Long Khánh B', 'Chiến sĩ thi đua cơ sở', 2022, { initiative: 'SK B' }),
      ],
      registrations: [...move(a.registrations, 'Xã Long Khánh A'), ...bTeam.registrations],
    });
    // 7 LĐTT each → 1 CSTĐCS each: within the quota; pooled they would still be 2 of 14 → 2.
    expect(ofRule(findings, 'cstdcs.quota')).toEqual([]);
    const single = check({
      nominations: [
        ...bTeam.nominations.slice(0, 6),
        nom('Hồ Văn Một', 'Xã Long Khánh B', 'Chiến sĩ thi đua cơ sở', 2022, { initiative: 'SK B' }),
        ...move(a.nominations, 'Xã Long Khánh A'),
      ],
    });
    // Long Khánh B alone has 6 LĐTT → 0,9 → 0: the A commune's LĐTT do not lend it a place.
    expect(ofRule(single, 'cstdcs.quota').map((f) => f.unit)).toEqual(['Xã Long Khánh B']);
  });
});

describe('consecutive years', () => {
  const star = (name: string, unit: string, year: number, award = 'Chiến sĩ thi đua cấp tỉnh') =>
    nom(name, unit, award, year, { initiative: `SK tỉnh ${name}`, initiativeRecognition: 'QĐ HĐSK tỉnh' });

  it('CSTĐ cấp tỉnh 2022 with CSTĐCS in 2020, 2021 and 2022 passes (old book)', () => {
    const findings = check({
      nominations: [star('Ngô Thị Mai', 'Phòng Y tế', 2022)],
      history: [
        hist('Ngô Thị Mai', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', 2020),
        hist('Ngô Thị Mai', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', 2021),
        hist('Ngô Thị Mai', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', 2022),
      ],
    });
    expect(ofRule(findings, 'cstd_tinh.consecutive')).toEqual([]);
  });

  it('CSTĐ cấp tỉnh with only 2 consecutive CSTĐCS is an error naming the missing year', () => {
    const findings = check({
      nominations: [star('Ngô Thị Mai', 'Phòng Y tế', 2022)],
      history: [
        hist('Ngô Thị Mai', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', 2021),
        hist('Ngô Thị Mai', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', 2022),
      ],
    });
    const [f] = ofRule(findings, 'cstd_tinh.consecutive');
    expect(f.severity).toBe('error');
    expect(f.article).toMatch(/^Điều 22 Luật Thi đua, Khen thưởng số 15\/2003/);
    expect(f.message).toMatch(/chưa đủ 03 năm liên tục đạt “Chiến sĩ thi đua cơ sở” \(2020–2022\)/);
    expect(f.message).toMatch(/các năm 2021 và 2022, còn thiếu năm 2020/);
  });

  it('for a person without any award history, asks for the decisions of the missing years (document)', () => {
    const findings = check({
      nominations: [
        star('Phạm Thanh Phúc', 'Xã Phú Thuận B', 2022),
        nom('Phạm Thanh Phúc', 'Xã Phú Thuận B', 'Chiến sĩ thi đua cơ sở', 2022, { initiative: 'SK cơ sở' }),
      ],
    });
    const [f] = ofRule(findings, 'cstd_tinh.consecutive');
    expect(f.severity).toBe('document');
    expect(f.message).toMatch(/quyết định công nhận “Chiến sĩ thi đua cơ sở” năm 2020 và 2021/);
    expect(f.message).toMatch(/chưa có lịch sử khen thưởng của người này/);
    const [g] = ofRule(
      check({ nominations: [star('Đinh Văn Phúc', 'Phòng Giáo dục và Đào tạo', 2022, 'Chiến sĩ thi đua toàn quốc')] }),
      'cstd_toanquoc.consecutive',
    );
    expect(g.severity).toBe('document');
    expect(g.message).toMatch(/“Chiến sĩ thi đua cấp tỉnh” năm 2019 và 2022/);
  });

  it('counts a CSTĐCS nomination of the achievement year', () => {
    const findings = check({
      nominations: [
        star('Ngô Thị Mai', 'Phòng Y tế', 2022),
        nom('Ngô Thị Mai', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', 2022, { initiative: 'SK cơ sở' }),
      ],
      history: [
        hist('Ngô Thị Mai', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', 2020),
        hist('Ngô Thị Mai', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', 2021),
      ],
    });
    expect(ofRule(findings, 'cstd_tinh.consecutive')).toEqual([]);
  });

  it('survives a merger between two consecutive years (Long Khánh A → Long Khánh, new book)', () => {
    const history = [
      hist('Trần Thị Bình', 'Xã Long Khánh A', 'Chiến sĩ thi đua cơ sở', 2024),
      hist('Trần Thị Bình', 'UBND xã Long Khánh A', 'Chiến sĩ thi đua cơ sở', 2025),
      hist('Trần Thị Bình', 'Xã Long Khánh', 'Chiến sĩ thi đua cơ sở', 2026),
    ];
    const merged = check({ nominations: [star('Trần Thị Bình', 'Xã Long Khánh', 2026)], history });
    expect(ofRule(merged, 'cstd_tinh.consecutive')).toEqual([]);
    // The same name in an unrelated commune is another person.
    const elsewhere = check({
      nominations: [star('Trần Thị Bình', 'Xã Long Khánh', 2026)],
      history: history.map((h, i) => (i < 2 ? { ...h, unit: 'Xã Long Thuận' } : h)),
    });
    const [f] = ofRule(elsewhere, 'cstd_tinh.consecutive');
    expect(f.severity).toBe('error');
    expect(f.message).toMatch(/còn thiếu năm 2024 và 2025/);
  });

  it('CSTĐ toàn quốc needs two consecutive CSTĐ cấp tỉnh, a cycle (3 years) apart', () => {
    const nomination = star('Đinh Văn Phúc', 'Phòng Giáo dục và Đào tạo', 2022, 'Chiến sĩ thi đua toàn quốc');
    const ok = check({
      nominations: [nomination],
      history: [
        hist('Đinh Văn Phúc', 'Phòng Giáo dục và Đào tạo', 'Chiến sĩ thi đua cấp tỉnh', 2019),
        hist('Đinh Văn Phúc', 'Phòng Giáo dục và Đào tạo', 'Chiến sĩ thi đua cấp tỉnh', 2022),
      ],
    });
    expect(ofRule(ok, 'cstd_toanquoc.consecutive')).toEqual([]);
    const gap = check({
      nominations: [nomination],
      history: [
        hist('Đinh Văn Phúc', 'Phòng Giáo dục và Đào tạo', 'Chiến sĩ thi đua cấp tỉnh', 2017),
        hist('Đinh Văn Phúc', 'Phòng Giáo dục và Đào tạo', 'Chiến sĩ thi đua cấp tỉnh', 2022),
      ],
    });
    const [f] = ofRule(gap, 'cstd_toanquoc.consecutive');
    expect(f.severity).toBe('error');
    expect(f.message).toMatch(/02 lần liên tục .* \(các năm 2019 và 2022\)/);
  });
});

describe('Bằng khen of the province chair', () => {
  it('new book: 2 consecutive CSTĐCS meet it', () => {
    const findings = check({
      nominations: [nom('Phan Văn Hùng', 'Phòng Nội vụ', 'Bằng khen của Chủ tịch UBND tỉnh', 2024)],
      history: [
        hist('Phan Văn Hùng', 'Phòng Nội vụ', 'Chiến sĩ thi đua cơ sở', 2023),
        hist('Phan Văn Hùng', 'Phòng Nội vụ', 'Chiến sĩ thi đua cơ sở', 2024),
      ],
    });
    expect(ofRule(findings, 'bk_tinh.criteria')).toEqual([]);
  });

  it('new book: without them, asks for the papers of another criterion (document), naming what the data shows', () => {
    const findings = check({
      nominations: [
        nom('Phan Văn Hùng', 'Phòng Nội vụ', 'Bằng khen của Chủ tịch UBND tỉnh', 2024, { initiative: 'SK 1; SK 2' }),
      ],
      history: [hist('Phan Văn Hùng', 'Phòng Nội vụ', 'Chiến sĩ thi đua cơ sở', 2024)],
    });
    const [f] = ofRule(findings, 'bk_tinh.criteria');
    expect(f.severity).toBe('document');
    expect(f.article).toMatch(/^Điều 74, khoản 1 Luật Thi đua, khen thưởng số 06\/2022\/QH15/);
    expect(f.message).toMatch(/mới có “Chiến sĩ thi đua cơ sở” năm 2024, còn thiếu năm 2023/);
    expect(f.message).toMatch(
      /\(1\) kết quả đánh giá, xếp loại “hoàn thành xuất sắc nhiệm vụ” 02 năm liên tục \(2023–2024\)/,
    );
    expect(f.message).toMatch(/“SK 1” và “SK 2”/);
    expect(f.message).toMatch(/\(2\) hồ sơ thành tích cho thấy có thành tích tiêu biểu xuất sắc/);
  });

  it('new book: fewer than 2 initiatives rules out that criterion, and the message says so', () => {
    const nomination = nom('Phan Văn Hùng', 'Phòng Nội vụ', 'Bằng khen của Chủ tịch UBND tỉnh', 2024, {
      initiative: 'SK 1',
    });
    // The award history holds the person (LĐTT 2023) without CSTĐCS: that criterion fails too.
    const known = check({
      nominations: [nomination],
      history: [hist('Phan Văn Hùng', 'Phòng Nội vụ', 'Lao động tiên tiến', 2023)],
    });
    const [f] = ofRule(known, 'bk_tinh.criteria');
    expect(f.severity).toBe('document');
    expect(f.message).toMatch(/mới ghi 01 sáng kiến, cần 02 sáng kiến/);
    expect(f.message).not.toMatch(/\(2\)/);
    // Without any award history, the CSTĐCS decisions remain a paper to attach.
    const [g] = ofRule(check({ nominations: [nomination] }), 'bk_tinh.criteria');
    expect(g.severity).toBe('document');
    expect(g.message).toMatch(/mới ghi 01 sáng kiến, cần 02 sáng kiến/);
    expect(g.message).toMatch(
      /\(1\) quyết định công nhận “Chiến sĩ thi đua cơ sở” năm 2023 và 2024 \(bảng tính chính chưa có lịch sử/,
    );
  });

  it('new book: the CSTĐCS criterion is for individuals; a collective is asked for its papers only', () => {
    const findings = check({
      nominations: [team('Ban Chỉ huy Quân sự xã Long Khánh', 'Xã Long Khánh', 'Bằng khen UBND tỉnh', 2026)],
    });
    const [f] = ofRule(findings, 'bk_tinh.criteria');
    expect(f).toBeUndefined();
  });

  it('old book: no data criterion, so always the papers (document), never an error', () => {
    const findings = check({
      nominations: [nom('Phan Văn Hùng', 'Phòng Nội vụ', 'Bằng khen của Chủ tịch UBND tỉnh', 2022)],
    });
    expect(errors(findings)).toEqual([]);
    expect(ofRule(findings, 'bk_tinh.criteria')[0].severity).toBe('document');
  });
});

describe('registration', () => {
  const cstdcs = (year: number) =>
    nom('Võ Thị Hoa', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', year, { initiative: 'SK', initiativeRecognition: 'QĐ' });

  it('old book: CSTĐCS (registered by name) without registration is an error (Điều 10)', () => {
    for (const registrations of [[], [reg('Người Khác', 'Phòng Y tế', 'Lao động tiên tiến', 2022)]]) {
      const [f] = ofRule(check({ nominations: [cstdcs(2022)], registrations }), 'registration');
      expect(f.severity).toBe('error');
      expect(f.article).toMatch(/^Điều 10, khoản 1, điểm b Luật Thi đua, Khen thưởng số 15\/2003/);
      expect(f.message).toMatch(/Võ Thị Hoa .* không có tên trong danh sách đăng ký thi đua năm 2022/);
      expect(f.message).toMatch(/đăng ký theo danh sách từng người/);
    }
  });

  it('old book: LĐTT without registration is a warning when the unit sent none, a document when it sent one', () => {
    const none = check({ nominations: [nom('Võ Thị Hoa', 'Phòng Y tế', 'Lao động tiên tiến', 2022)] });
    const [w] = ofRule(none, 'registration');
    expect(w.severity).toBe('warning');
    expect(w.message).toMatch(/Đề nghị Phòng Y tế gửi bản đăng ký thi đua năm 2022 của đơn vị/);
    const some = check({
      nominations: [nom('Võ Thị Hoa', 'Phòng Y tế', 'Lao động tiên tiến', 2022)],
      registrations: [reg('Người Khác', 'Phòng Y tế', 'Lao động tiên tiến', 2022)],
    });
    const [d] = ofRule(some, 'registration');
    expect(d.severity).toBe('document');
    expect(d.message).toMatch(/Cần bổ sung bản đăng ký thi đua \(hoặc giao ước thi đua\) năm 2022 của đơn vị/);
    // Collective titles and the province's titles follow the same grading.
    const team2 = check({ nominations: [team('Chi bộ Phòng Y tế', 'Phòng Y tế', 'TTLĐTT', 2022)] });
    expect(ofRule(team2, 'registration')[0].severity).toBe('warning');
  });

  it('new book: a warning at most, since the book marks its legal basis as still to check', () => {
    const findings = check({ nominations: [nom('Võ Thị Hoa', 'Phòng Y tế', 'Lao động tiên tiến', 2024)] });
    const [f] = ofRule(findings, 'registration');
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/cần đối chiếu văn bản/);
    expect(ofRule(check({ nominations: [cstdcs(2024)] }), 'registration')[0].severity).toBe('warning');
  });

  it('accepts a registration under the unit before its merger, and a registration for a title that requires this one', () => {
    const findings = check({
      nominations: [
        nom('Võ Thị Hoa', 'Xã Long Khánh', 'Lao động tiên tiến', 2025),
        nom('Võ Thị Hoa', 'Xã Long Khánh', 'Chiến sĩ thi đua cơ sở', 2025, {
          initiative: 'SK',
          initiativeRecognition: 'QĐ',
        }),
      ],
      registrations: [reg('VÕ THỊ HOA', 'Xã Long Khánh A', 'Chiến sĩ thi đua cơ sở', 2025)],
    });
    expect(ofRule(findings, 'registration')).toEqual([]);
  });

  it('a registration for another year or another award does not count', () => {
    const findings = check({
      nominations: [nom('Võ Thị Hoa', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', 2022, { initiative: 'SK' })],
      registrations: [
        reg('Võ Thị Hoa', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', 2021),
        reg('Võ Thị Hoa', 'Phòng Y tế', 'Lao động tiên tiến', 2022),
      ],
    });
    expect(ofRule(findings, 'registration')).toHaveLength(1);
  });
});

describe('initiatives', () => {
  it('CSTĐCS with an empty “Sáng kiến” cell is an error when the list has the column; a document when it has none', () => {
    const file = { sourceFile: 'co-cot-sang-kien.xlsx' };
    const none = check({
      nominations: [
        nom('Huỳnh Văn Khoa', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', 2022, file),
        nom('Huỳnh Thị Mai', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', 2022, { ...file, initiative: 'SK Mai' }),
      ],
    });
    const [f] = ofRule(none, 'cstdcs.initiative', 'Huỳnh Văn Khoa');
    expect(f.severity).toBe('error');
    expect(f.article).toMatch(/^Điều 23, khoản 2/);
    expect(f.message).toMatch(/chưa ghi sáng kiến/);

    const noColumn = check({ nominations: [nom('Huỳnh Văn Khoa', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', 2022)] });
    const [c] = ofRule(noColumn, 'cstdcs.initiative');
    expect(c.severity).toBe('document');
    expect(c.message).toMatch(/tên sáng kiến .* và quyết định công nhận sáng kiến .*không có cột “Sáng kiến”/);

    const unrecognised = check({
      nominations: [
        nom('Huỳnh Văn Khoa', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', 2022, { initiative: 'Sổ tay điện tử' }),
      ],
    });
    const [d] = ofRule(unrecognised, 'cstdcs.initiative');
    expect(d.severity).toBe('document');
    expect(d.message).toMatch(/quyết định công nhận sáng kiến .*“Sổ tay điện tử”/);
  });

  it('CSTĐ cấp tỉnh asks for an initiative of provincial scope', () => {
    const findings = check({ nominations: [nom('Huỳnh Văn Khoa', 'Phòng Y tế', 'Chiến sĩ thi đua cấp tỉnh', 2022)] });
    expect(ofRule(findings, 'cstd_tinh.initiative')[0].message).toMatch(/phạm vi ảnh hưởng cấp tỉnh/);
  });

  it('an initiative already used in the award history is an error', () => {
    const findings = check({
      nominations: [
        nom('Huỳnh Văn Khoa', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', 2022, {
          initiative: 'Số hóa hồ sơ bệnh án',
          initiativeRecognition: 'QĐ 5',
        }),
      ],
      history: [
        hist('Huỳnh Văn Khoa', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', 2021, {
          initiative: 'SỐ HOÁ hồ sơ  bệnh án',
          decisionNumber: '45/QĐ-UBND',
        }),
      ],
    });
    const [f] = ofRule(findings, 'initiative_unique');
    expect(f.severity).toBe('error');
    expect(f.message).toMatch(/“Số hóa hồ sơ bệnh án”.*năm 2021.*Quyết định số 45\/QĐ-UBND/);
  });

  it('two nominations resting on one initiative are both errors', () => {
    const findings = check({
      nominations: [
        nom('Huỳnh Văn Khoa', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', 2024, { initiative: 'SK chung' }),
        nom('Huỳnh Văn Khoa', 'Phòng Y tế', 'Bằng khen của Chủ tịch UBND tỉnh', 2024, { initiative: 'SK chung' }),
      ],
    });
    expect(ofRule(findings, 'initiative_unique').map((f) => f.award)).toEqual([
      'Chiến sĩ thi đua cơ sở',
      'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
    ]);
  });

  it('the decided record of the same nomination is not a reuse', () => {
    const findings = check({
      nominations: [nom('Huỳnh Văn Khoa', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', 2022, { initiative: 'SK X' })],
      history: [hist('Huỳnh Văn Khoa', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', 2022, { initiative: 'SK X' })],
    });
    expect(ofRule(findings, 'initiative_unique')).toEqual([]);
  });
});

describe('collective titles', () => {
  it('TTLĐXS of a whole unit needs a CSTĐCS of that unit; the LĐTT share needs the headcount', () => {
    const without = check({ nominations: [team('UBND xã Phú Thuận B', 'Xã Phú Thuận B', 'TTLĐXS', 2022)] });
    expect(ofRule(without, 'ttldxs.members_cstdcs')[0]).toMatchObject({ severity: 'error' });
    expect(ofRule(without, 'ttldxs.members_cstdcs')[0].message).toMatch(/chưa có cá nhân nào/);
    expect(ofRule(without, 'ttldxs.members_ldtt')[0].severity).toBe('document');

    const withStar = check({
      nominations: [
        team('UBND xã Phú Thuận B', 'Xã Phú Thuận B', 'TTLĐXS', 2022),
        nom('Đặng Kim Hằng', 'Xã Phú Thuận B', 'Chiến sĩ thi đua cơ sở', 2022, { initiative: 'SK' }),
      ],
    });
    expect(ofRule(withStar, 'ttldxs.members_cstdcs')).toEqual([]);
  });

  it('for a part of a unit (Hội Nông dân), asks for the list of its members (document)', () => {
    const findings = check({
      nominations: [team('Hội Nông dân xã Phú Thuận B', 'Xã Phú Thuận B', 'Tập thể lao động xuất sắc', 2024)],
    });
    expect(ofRule(findings, 'ttldxs.members_cstdcs')[0].severity).toBe('document');
    expect(ofRule(findings, 'ttldxs.members_ldtt')[0].message).toMatch(/từ 70% trở lên/);
  });
});

describe('catalogue and authority', () => {
  it('a missing award, or one not in the catalogue, is an error and stops the other checks', () => {
    const findings = check({
      nominations: [
        nom('Lâm Văn Tư', 'Phòng Y tế', '', 2022),
        nom('Lâm Văn Năm', 'Phòng Y tế', 'Giấy khen của Giám đốc Sở', 2022),
      ],
    });
    expect(findings.map((f) => [f.name, f.rule, f.severity])).toEqual([
      ['Lâm Văn Tư', 'award.missing', 'error'],
      ['Lâm Văn Năm', 'award.catalogue', 'error'],
    ]);
  });

  it('the district chair’s Giấy khen after 2025 is not in force', () => {
    const findings = check({ nominations: [nom('Lâm Văn Tư', 'Xã Long Khánh', 'Giấy khen UBND huyện', 2026)] });
    expect(findings[0]).toMatchObject({ rule: 'award.not_in_force', severity: 'error' });
  });

  it('a district council only proposes the province chair’s awards: warning “trình cấp trên”', () => {
    const findings = check({
      nominations: [nom('Lâm Văn Tư', 'Phòng Y tế', 'Bằng khen UBND tỉnh', 2022)],
      councilLevel: 'district',
    });
    const [f] = ofRule(findings, 'issuer.level');
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/Chủ tịch Ủy ban nhân dân cấp tỉnh/);
    expect(f.message).toMatch(/trình cấp trên/);
    expect(
      ofRule(
        check({ nominations: [nom('A', 'Phòng Y tế', 'Bằng khen UBND tỉnh', 2022)], councilLevel: 'province' }),
        'issuer.level',
      ),
    ).toEqual([]);
  });

  it('a commune council cannot decide the district chair’s Giấy khen; a province council sends LĐTT down', () => {
    const commune = check({
      nominations: [nom('Lâm Văn Tư', 'Xã Long Thuận', 'Giấy khen của Chủ tịch UBND huyện', 2022)],
      councilLevel: 'commune',
    });
    expect(ofRule(commune, 'issuer.level')[0].message).toMatch(/trình cấp trên/);
    const province = check({
      nominations: [nom('Lâm Văn Tư', 'Xã Long Thuận', 'Lao động tiên tiến', 2022)],
      councilLevel: 'province',
    });
    expect(ofRule(province, 'issuer.level')[0].message).toMatch(/chuyển hồ sơ về Hội đồng/);
    expect(ofRule(check({ nominations: [nom('X', 'Xã Long Thuận', 'LĐTT', 2022)] }), 'issuer.level')).toEqual([]);
  });

  it('a nomination without a year is an error', () => {
    const findings = check({ nominations: [{ ...nom('Lâm Văn Tư', 'Phòng Y tế', 'LĐTT', 2022), year: null }] });
    expect(findings.map((f) => f.rule)).toEqual(['record.year']);
  });
});

describe('findings', () => {
  it('carry the nomination’s source, or null when entered by hand, and its index', () => {
    const findings = checkNominationsIndexed({
      nominations: [
        { year: 2022, unit: 'Phòng Y tế', subject: 'individual', name: 'Hà Văn Tay', award: 'LĐTT' },
        nom('Hà Văn Tệp', 'Phòng Y tế', 'LĐTT', 2022, { sourceFile: 'a/b.xlsx', sourceSheet: 'Sheet1', sourceRow: 7 }),
      ],
      registrations: [],
      history: [],
      registry,
      councilLevel: 'district',
    });
    expect(findings[0]).toMatchObject({ index: 0, file: null, sheet: null, row: null, name: 'Hà Văn Tay' });
    expect(findings[1]).toMatchObject({ index: 1, file: 'a/b.xlsx', sheet: 'Sheet1', row: 7 });
    expect(findingsText(findings.slice(0, 1))).toMatch(/^\[Cảnh báo\] Ông \(bà\) Hà Văn Tay/);
  });

  it('`year` checks only that year’s nominations but keeps other years as evidence', () => {
    const findings = check({
      nominations: [
        nom('Ngô Thị Mai', 'Phòng Y tế', 'Lao động tiên tiến', 2021),
        nom('Ngô Thị Mai', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', 2022, { initiative: 'SK' }),
      ],
      year: 2022,
    });
    expect(new Set(findings.map((f) => f.year))).toEqual(new Set([2022]));
  });
});

/** Rules the nominating unit's own review certifies (not reported), and rules that are not eligibility. */
function reported(rule: Rule): boolean {
  if (rule.kind === 'vote' || rule.kind === 'reward' || rule.kind === 'no_discipline') return false;
  if (rule.kind === 'task_rating' && rule.years <= 1) return false;
  if (rule.kind === 'member_share' && rule.measure === 'task_completed') return false;
  return true;
}

describe.each(RULEBOOKS.map((b) => [b.id, b.id === 'tdkt-2003' ? 2022 : 2024] as const))(
  'every rule of %s that data can decide',
  (_id, year) => {
    it('produces a finding with its id and article on a record that breaks it', () => {
      const sk = { initiative: 'Sáng kiến dùng chung' };
      const findings = check({
        nominations: [
          nom('Võ Văn Một', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', year),
          nom('Lý Thị Hai', 'Phòng Nội vụ', 'Chiến sĩ thi đua cấp tỉnh', year),
          nom('Đỗ Văn Ba', 'Phòng Tư pháp', 'Chiến sĩ thi đua toàn quốc', year),
          nom('Mai Thị Bốn', 'Phòng Y tế', 'Bằng khen của Chủ tịch UBND tỉnh', year),
          nom('Tạ Văn Năm', 'Phòng Tư pháp', 'Chiến sĩ thi đua cơ sở', year, sk),
          nom('Tạ Văn Năm', 'Phòng Tư pháp', 'Bằng khen của Chủ tịch UBND tỉnh', year, sk),
          team('UBND xã Long Thuận', 'Xã Long Thuận', 'Tập thể lao động xuất sắc', year),
          team('Hội Nông dân xã Long Thuận', 'Xã Long Thuận', 'Tập thể lao động tiên tiến', year),
        ],
      });
      const book = rulebookFor(year);
      const expected = book.rules.filter(reported).map((r) => r.id);
      const seen = new Set(findings.map((f) => f.rule));
      expect(expected.filter((id) => !seen.has(id))).toEqual([]);
      for (const rule of book.rules.filter(reported)) {
        const f = findings.find((x) => x.rule === rule.id) as Finding;
        expect(f.article).toContain(rule.source.document);
        if (rule.source.article) expect(f.article.startsWith(rule.source.article)).toBe(true);
        expect(f.message.length).toBeGreaterThan(40);
      }
    });
  },
);

describe('registration message', () => {
  it('says when the unit sent no registration at all that year', () => {
    const none = check({ nominations: [nom('Võ Thị Hoa', 'Xã Long Thuận', 'LĐTT', 2022)] });
    expect(ofRule(none, 'registration')[0].message).toMatch(
      /chưa nhận được bản đăng ký thi đua năm 2022 nào của Xã Long Thuận/,
    );
    const some = check({
      nominations: [nom('Võ Thị Hoa', 'Xã Long Thuận', 'LĐTT', 2022)],
      registrations: [reg('Người Khác', 'UBND xã Long Thuận', 'LĐTT', 2022)],
    });
    expect(ofRule(some, 'registration')[0].message).not.toMatch(/chưa nhận được/);
  });
});
