import { headersOf, labelOf, rowToValues, valuesToRows, type Row } from '../../../src/core/contract';
import {
  HONG_NGU_UNITS,
  UnitDataError,
  UnitRegistry,
  hongNguRegistry,
  parseDate,
  type UnitIssueCode,
} from '../../../src/core/units';

const CSV = [
  'name,kind,cluster,aliases',
  'Thị trấn Thường Thới Tiền,town,Cụm thi đua số 1,UBND thị trấn Thường Thới Tiền;TT Thường Thới Tiền',
  'Xã Thường Phước 1,commune,Cụm thi đua số 1,UBND xã Thường Phước 1; Ủy ban nhân dân xã Thường Phước 1 ',
  'Phòng Tài chính - Kế hoạch,department,Khối Tổng hợp,"Phòng Tài chính - Kế hoạch huyện Hồng Ngự;P. TC-KH, huyện"',
  'Thanh tra huyện,agency,Khối Tổng hợp,',
  'Phòng Y tế,"Phòng, ban, ngành",Khối Văn hóa - Xã hội,;;',
].join('\n');

function codes(registry: UnitRegistry): UnitIssueCode[] {
  return registry.issues.map((i) => i.code);
}

describe('UnitRegistry.fromCsv', () => {
  it('reads name, kind, cluster and aliases split by ";"', () => {
    const r = UnitRegistry.fromCsv(CSV);
    expect(r.size).toBe(5);
    expect(r.issues).toEqual([]);
    const tt = r.get('Thị trấn Thường Thới Tiền')!;
    expect(tt.kind).toBe('town');
    expect(tt.cluster).toBe('Cụm thi đua số 1');
    expect(tt.aliases).toEqual(['UBND thị trấn Thường Thới Tiền', 'TT Thường Thới Tiền']);
    expect(tt).toMatchObject({ email: null, validFrom: null, validTo: null, mergedInto: null });
    // Spaces around aliases are trimmed.
    expect(r.get('Xã Thường Phước 1')!.aliases).toEqual([
      'UBND xã Thường Phước 1',
      'Ủy ban nhân dân xã Thường Phước 1',
    ]);
    // A quoted aliases field may hold commas.
    expect(r.get('Phòng Tài chính - Kế hoạch')!.aliases).toEqual([
      'Phòng Tài chính - Kế hoạch huyện Hồng Ngự',
      'P. TC-KH, huyện',
    ]);
  });

  it('gives an empty alias list for empty or ";"-only alias cells', () => {
    const r = UnitRegistry.fromCsv(CSV);
    expect(r.get('Thanh tra huyện')!.aliases).toEqual([]);
    expect(r.get('Phòng Y tế')!.aliases).toEqual([]);
  });

  it('maps kind synonyms and Vietnamese labels to contract codes', () => {
    const r = UnitRegistry.fromCsv(CSV);
    expect(r.get('Thanh tra huyện')!.kind).toBe('department'); // "agency"
    expect(r.get('Phòng Y tế')!.kind).toBe('department'); // "Phòng, ban, ngành", an earlier label
    const current = labelOf('unitKind', 'department');
    const byLabel = UnitRegistry.fromCsv(
      `name,kind\nPhòng Tư pháp,"${current}"\nXã A,${labelOf('unitKind', 'commune').toUpperCase()}\n`,
    );
    expect(byLabel.all().map((u) => u.kind)).toEqual(['department', 'commune']);
    expect(byLabel.issues).toEqual([]);
  });

  it('tolerates a BOM and CRLF line ends, and skips blank lines', () => {
    const text = '\ufeff' + CSV.split('\n').join('\r\n') + '\r\n\r\n';
    const r = UnitRegistry.fromCsv(text);
    expect(r.size).toBe(5);
    expect(r.all()[0].name).toBe('Thị trấn Thường Thới Tiền');
  });

  it('reads the optional columns in any order, and Vietnamese headers', () => {
    const text = [
      'Tên đơn vị,mergedInto,validTo,Loại đơn vị,validFrom,email,aliases',
      'Xã Long Khánh A,Xã Long Khánh,30/06/2025,Xã,,lka@example.vn,',
      'Xã Long Khánh,,,commune,2025-07-01,,UBND xã Long Khánh',
    ].join('\n');
    const r = UnitRegistry.fromCsv(text);
    expect(r.issues).toEqual([]);
    expect(r.get('Xã Long Khánh A')).toMatchObject({
      kind: 'commune',
      validTo: '2025-06-30',
      mergedInto: 'Xã Long Khánh',
      email: 'lka@example.vn',
      cluster: null,
    });
    expect(r.get('Xã Long Khánh')!.validFrom).toBe('2025-07-01');
  });

  it('normalises names to NFC and collapses spaces', () => {
    const nfd = 'Xã  Phú Thuận B'.normalize('NFD');
    const r = UnitRegistry.fromCsv(`name,kind\n${nfd},commune\n`);
    expect(r.all()[0].name).toBe('Xã Phú Thuận B');
    expect(r.all()[0].name).toBe(r.all()[0].name.normalize('NFC'));
  });

  it('throws a UnitDataError without a name column, for empty text, and for broken quotes', () => {
    expect(() => UnitRegistry.fromCsv('kind,cluster\ncommune,x\n')).toThrow(UnitDataError);
    expect(() => UnitRegistry.fromCsv('')).toThrow(UnitDataError);
    expect(() => UnitRegistry.fromCsv('\ufeff\r\n')).toThrow(UnitDataError);
    expect(() => UnitRegistry.fromCsv('name,kind\n"Xã A,commune\n')).toThrow(/chưa được đóng/);
  });

  it('reports row problems as issues with lines, in Vietnamese, and keeps going', () => {
    const text = [
      'name,kind,validFrom,validTo,mergedInto',
      'Xã A,hamlet,,,', // unknown kind → other
      ',commune,,,', // no name
      'Xã A,commune,,,', // duplicate
      'Xã B,commune,2025-02-30,,', // invalid date
      'Xã C,commune,,,Xã Z', // unknown successor + merged without end
      'Trường X,,,,', // kind inferred from the name
      'Đội Y,,,,', // no kind, cannot infer
      'Xã D,commune,2025-01-01,2024-01-01,', // ends before it starts
    ].join('\n');
    const r = UnitRegistry.fromCsv(text);
    expect(r.all().map((u) => u.name)).toEqual(['Xã A', 'Xã B', 'Xã C', 'Trường X', 'Đội Y', 'Xã D']);
    expect(r.get('Xã A')!.kind).toBe('other');
    expect(r.get('Xã B')!.validFrom).toBeNull();
    expect(r.get('Trường X')!.kind).toBe('school');
    expect(r.get('Đội Y')!.kind).toBe('other');
    expect(codes(r).sort()).toEqual(
      [
        'unknown_kind',
        'missing_name',
        'duplicate_name',
        'invalid_date',
        'merged_without_end',
        'unknown_successor',
        'missing_kind',
        'invalid_period',
      ].sort(),
    );
    const byCode = Object.fromEntries(r.issues.map((i) => [i.code, i]));
    expect(byCode.unknown_kind.line).toBe(2);
    expect(byCode.missing_name.line).toBe(3);
    expect(byCode.duplicate_name.line).toBe(4);
    expect(byCode.invalid_date.message).toContain('2025-02-30');
    for (const issue of r.issues) expect(issue.message).toMatch(/[ăâđêôơưáàảãạ]/i);
  });

  it('reports merge cycles and aliases shared by two units', () => {
    const r = new UnitRegistry([
      { name: 'Xã A', kind: 'commune', validTo: '2020-01-01', mergedInto: 'Xã B', aliases: ['Chung'] },
      { name: 'Xã B', kind: 'commune', validTo: '2020-01-01', mergedInto: 'Xã A', aliases: ['chung'] },
    ]);
    expect(codes(r)).toContain('merge_cycle');
    expect(codes(r)).toContain('alias_conflict');
    expect(r.get('Chung')).toBeUndefined();
    expect(r.lookupExact('CHUNG').map((u) => u.name)).toEqual(['Xã A', 'Xã B']);
    expect(r.successorOf('Xã A')).not.toBeUndefined(); // terminates despite the cycle
  });
});

describe('UnitRegistry rows (contract sheet "units")', () => {
  it('reads kinds given as codes or Vietnamese labels', () => {
    const rows: Row[] = [
      {
        name: 'Phòng Nội vụ',
        kind: labelOf('unitKind', 'department'),
        cluster: 'Khối Tổng hợp',
        aliases: 'P. Nội vụ; PNV',
      },
      { name: 'Thị trấn Thường Thới Tiền', kind: labelOf('unitKind', 'town'), cluster: null, aliases: null },
      { name: 'Xã Thường Lạc', kind: 'commune', cluster: null, aliases: null, validTo: '2025-06-30' },
    ];
    const r = UnitRegistry.fromRows(rows);
    expect(r.issues).toEqual([]);
    expect(r.all().map((u) => u.kind)).toEqual(['department', 'town', 'commune']);
    expect(r.get('PNV')!.name).toBe('Phòng Nội vụ');
    expect(r.get('Xã Thường Lạc')!.validTo).toBe('2025-06-30');
  });

  it('round-trips through toRows / fromRows and through sheet values', () => {
    const original = hongNguRegistry();
    const rows = original.toRows();
    expect(rows[0]).toEqual({
      name: 'Thị trấn Thường Thới Tiền',
      kind: 'town',
      cluster: 'Cụm thi đua số 1',
      aliases: 'UBND thị trấn Thường Thới Tiền; Ủy ban nhân dân thị trấn Thường Thới Tiền; TT Thường Thới Tiền',
      email: null,
      validFrom: null,
      validTo: '2025-06-30',
      mergedInto: 'Xã Thường Phước',
    });
    expect(UnitRegistry.fromRows(rows).all()).toEqual(original.all());
    // As the sheet stores them: header + cells with Vietnamese labels, then read back.
    const values = [headersOf('units'), ...rows.map((row) => rowToValues('units', row))];
    expect(values[1][1]).toBe(labelOf('unitKind', 'town'));
    const back = UnitRegistry.fromRows(valuesToRows('units', values));
    expect(back.all()).toEqual(original.all());
    expect(back.issues).toEqual([]);
  });
});

describe('history: successorOf, lineage, validAt', () => {
  const r = hongNguRegistry();

  it('builds the built-in registry without issues', () => {
    expect(r.issues).toEqual([]);
    expect(r.size).toBe(HONG_NGU_UNITS.length);
  });

  it('has the 2022 world: a town, nine communes and the departments', () => {
    const in2022 = r.validAt('2022-12-31');
    expect(in2022.filter((u) => u.kind === 'town').map((u) => u.name)).toEqual(['Thị trấn Thường Thới Tiền']);
    expect(in2022.filter((u) => u.kind === 'commune')).toHaveLength(9);
    expect(in2022.map((u) => u.name)).toEqual(
      expect.arrayContaining([
        'Phòng Nội vụ',
        'Phòng Tài chính - Kế hoạch',
        'Phòng Lao động - Thương binh và Xã hội',
        'Phòng Kinh tế và Hạ tầng',
        'Thanh tra huyện',
        'Văn phòng HĐND và UBND huyện',
      ]),
    );
    expect(in2022.map((u) => u.name)).not.toContain('Xã Thường Phước');
    expect(r.clusters()).toEqual([
      'Cụm thi đua số 1',
      'Cụm thi đua số 2',
      'Khối Kinh tế',
      'Khối Tổng hợp',
      'Khối Văn hóa - Xã hội',
    ]);
  });

  it('after 1 July 2025 only the merged communes remain', () => {
    expect(r.validAt('2025-07-01').map((u) => u.name)).toEqual(['Xã Thường Phước', 'Xã Long Khánh']);
    expect(r.validAt('30/06/2025').map((u) => u.name)).toContain('Xã Long Khánh A');
    expect(() => r.validAt('2025-13-01')).toThrow(RangeError);
  });

  it('follows mergedInto to the successor, by date', () => {
    expect(r.successorOf('Xã Thường Phước 1')!.name).toBe('Xã Thường Phước');
    expect(r.successorOf('TT Thường Thới Tiền')!.name).toBe('Xã Thường Phước'); // by alias
    expect(r.successorOf('Xã Thường Phước 1', '2022-05-01')!.name).toBe('Xã Thường Phước 1');
    expect(r.successorOf('Xã Thường Phước 1', '2025-06-30')!.name).toBe('Xã Thường Phước 1');
    expect(r.successorOf('Xã Thường Phước 1', '2025-07-01')!.name).toBe('Xã Thường Phước');
    expect(r.successorOf('Xã Long Khánh B', '2026-03-01')!.name).toBe('Xã Long Khánh');
    // Ended without a recorded successor.
    expect(r.successorOf('Phòng Y tế', '2026-01-01')).toBeNull();
    expect(r.successorOf('Phòng Y tế')!.name).toBe('Phòng Y tế');
    // Not yet in existence.
    expect(r.successorOf('Xã Long Khánh', '2022-01-01')).toBeNull();
    expect(r.successorOf('Xã Không Có')).toBeNull();
  });

  it('follows chains of mergers (A → B → C)', () => {
    const chain = new UnitRegistry([
      { name: 'Xã A', kind: 'commune', validTo: '2019-12-31', mergedInto: 'Xã B' },
      { name: 'Xã B', kind: 'commune', validTo: '2025-06-30', mergedInto: 'Xã C' },
      { name: 'Xã D', kind: 'commune', validTo: '2025-06-30', mergedInto: 'Xã C' },
      { name: 'Xã C', kind: 'commune', validFrom: '2025-07-01' },
    ]);
    expect(chain.successorOf('Xã A')!.name).toBe('Xã C');
    expect(chain.successorOf('Xã A', '2022-01-01')!.name).toBe('Xã B');
    expect(chain.lineage('Xã C')).toEqual(['Xã C', 'Xã A', 'Xã B', 'Xã D']);
    expect(chain.lineage('Xã B')).toEqual(['Xã B', 'Xã A']);
    expect(chain.predecessorsOf('Xã C').map((u) => u.name)).toEqual(['Xã B', 'Xã D']);
  });

  it('accepts an alias in the "Sáp nhập vào" column', () => {
    const r = new UnitRegistry([
      { name: 'Xã Long Khánh A', kind: 'commune', validTo: '2025-06-30', mergedInto: 'UBND xã Long Khánh' },
      { name: 'Xã Long Khánh', kind: 'commune', validFrom: '2025-07-01', aliases: ['UBND xã Long Khánh'] },
    ]);
    expect(r.issues).toEqual([]);
    expect(r.successorOf('Xã Long Khánh A')!.name).toBe('Xã Long Khánh');
    expect(r.lineage('Xã Long Khánh')).toEqual(['Xã Long Khánh', 'Xã Long Khánh A']);
  });

  it('gives the lineage of merged communes for consecutive-year checks', () => {
    expect(r.lineage('Xã Thường Phước')).toEqual([
      'Xã Thường Phước',
      'Thị trấn Thường Thới Tiền',
      'Xã Thường Phước 1',
      'Xã Thường Phước 2',
    ]);
    expect(r.lineage('UBND xã Long Khánh')).toEqual(['Xã Long Khánh', 'Xã Long Khánh A', 'Xã Long Khánh B']);
    expect(r.lineage('Phòng Y tế')).toEqual(['Phòng Y tế']);
    expect(r.lineage('Không có')).toEqual([]);
  });
});

describe('parseDate', () => {
  it('accepts ISO and dd/mm/yyyy dates and rejects impossible ones', () => {
    expect(parseDate('2025-06-30')).toBe('2025-06-30');
    expect(parseDate('2025-06-30T00:00:00.000Z')).toBe('2025-06-30');
    expect(parseDate('1/7/2025')).toBe('2025-07-01');
    expect(parseDate('30.06.2025')).toBe('2025-06-30');
    expect(parseDate('2023-02-29')).toBeUndefined();
    expect(parseDate('31/04/2025')).toBeUndefined();
    expect(parseDate('ngày 1')).toBeUndefined();
  });
});
