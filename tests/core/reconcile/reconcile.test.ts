import {
  applyReconciliation,
  compareFileNames,
  identityKey,
  reconcile,
  toImportReport,
  type BatchFile,
  type ReconcileResult,
} from '../../../src/core/reconcile';
import { hongNguRegistry } from '../../../src/core/units';
import { NOW, failed, fakeSha, master, masterRow, parsed, registry } from './helpers';

function run(batch: BatchFile[], m = master()): ReconcileResult {
  return reconcile(registry(), m, batch, { importedAt: NOW });
}

function codes(result: ReconcileResult, i: number): string[] {
  return result.records[i].problems.map((p) => p.code);
}

describe('reconcile: records', () => {
  it('adds a new record with the sending unit, the official award and the source', () => {
    const result = run([
      parsed({
        path: 'in/01_yte.xlsx',
        unitText: 'PHÒNG Y TẾ HUYỆN HỒNG NGỰ',
        records: [
          {
            name: 'Nguyễn Văn A',
            awardText: 'LĐTT',
            row: 12,
            position: 'Trưởng  phòng',
            rowUnitText: 'Xã Long Khánh A',
          },
        ],
      }),
    ]);
    expect(result.records).toHaveLength(1);
    expect(result.records[0]).toMatchObject({
      file: 'in/01_yte.xlsx',
      sheet: 'DS',
      row: 12,
      kind: 'nomination',
      subject: 'individual',
      name: 'Nguyễn Văn A',
      position: 'Trưởng phòng',
      unit: 'Phòng Y tế',
      award: 'Lao động tiên tiến',
      year: 2022,
      outcome: 'added',
      problems: [],
    });
    expect(result.nominations.added).toEqual([
      expect.objectContaining({
        year: 2022,
        unit: 'Phòng Y tế',
        subject: 'individual',
        name: 'Nguyễn Văn A',
        position: 'Trưởng phòng',
        award: 'Lao động tiên tiến',
        sourceFile: 'in/01_yte.xlsx',
        sourceSheet: 'DS',
        sourceRow: 12,
        importedAt: NOW,
        reviewStatus: 'proposed',
      }),
    ]);
    expect(result.registrations.added).toEqual([]);
    expect(result.discrepancies).toEqual([]);
  });

  it('in a year of mergers, a unit that existed only at the end (or the start) of the year is found', () => {
    // Hồng Ngự: Xã Long Khánh (from 2025-07-01) merges Long Khánh A and B (until 2025-06-30).
    const result = reconcile(
      hongNguRegistry(),
      master(),
      [
        parsed({ path: '01.xlsx', unitText: 'UBND xã Long Khánh', year: 2025, records: [{ name: 'A B', year: 2025 }] }),
        parsed({
          path: '02.xlsx',
          unitText: 'UBND xã Long Khánh A',
          year: 2025,
          records: [{ name: 'C D', year: 2025 }],
        }),
        parsed({ path: '03.xlsx', unitText: 'Phòng Y tế', year: 2025, records: [{ name: 'E F', year: 2025 }] }),
        parsed({ path: '04.xlsx', unitText: 'UBND xã Long Khánh', year: 2024, records: [{ name: 'G H', year: 2024 }] }),
      ],
      { importedAt: NOW },
    );
    expect(result.files.map((f) => f.unit)).toEqual(['Xã Long Khánh', 'Xã Long Khánh A', 'Phòng Y tế', null]);
    // 2024: only Long Khánh A and B existed; the text names neither: ambiguous, never a guess.
    expect(codes(result, 3)).toContain('ambiguous_unit');
  });

  it('marks every record of a file whose unit is unknown as invalid (unknown_unit)', () => {
    const result = run([
      parsed({
        path: '01.xlsx',
        unitText: 'Sở Nội vụ tỉnh Đồng Tháp',
        records: [{ name: 'A B' }, { name: 'C D', row: 11 }],
      }),
      parsed({ path: '02.xlsx', unitText: null, records: [{ name: 'E F' }] }),
    ]);
    expect(result.records.map((r) => r.outcome)).toEqual(['invalid', 'invalid', 'invalid']);
    expect(result.records.map((r) => r.unit)).toEqual([null, null, null]);
    expect(codes(result, 0)).toEqual(['unknown_unit']);
    expect(codes(result, 2)).toEqual(['unknown_unit']);
    expect(result.records[0].problems[0].message).toMatch(
      /^Tệp «01\.xlsx», trang «DS», dòng 10: .*Sở Nội vụ tỉnh Đồng Tháp.*Cách xử lý: /,
    );
    expect(result.files[0]).toMatchObject({ status: 'imported', unit: null, kind: 'nomination' });
    expect(result.nominations.added).toEqual([]);
  });

  it('does not guess between units: ambiguous_unit lists the candidates', () => {
    const result = run([parsed({ path: '01.xlsx', unitText: 'UBND xã Long Khánh', records: [{ name: 'A B' }] })]);
    expect(result.records[0].outcome).toBe('invalid');
    expect(codes(result, 0)).toEqual(['ambiguous_unit']);
    expect(result.records[0].problems[0].message).toContain('Xã Long Khánh A');
    expect(result.records[0].problems[0].message).toContain('Xã Long Khánh B');
  });

  it('missing_award: no award text gives a null award and an invalid record', () => {
    const result = run([
      parsed({
        path: '16.xlsx',
        records: [{ name: 'Nguyễn Thị Bích', awardText: null, row: 22, cells: { award: 'F22' } }],
      }),
    ]);
    expect(result.records[0]).toMatchObject({ outcome: 'invalid', award: null });
    expect(codes(result, 0)).toEqual(['missing_award']);
    expect(result.records[0].problems[0].message).toContain('dòng 22, ô F22');
  });

  it('unknown_award keeps the text verbatim', () => {
    const result = run([
      parsed({ path: '14.xlsx', records: [{ name: 'Phan Thị Hồng Mai', awardText: 'Giấy khen của Giám đốc Sở' }] }),
    ]);
    expect(result.records[0]).toMatchObject({ outcome: 'invalid', award: 'Giấy khen của Giám đốc Sở' });
    expect(codes(result, 0)).toEqual(['unknown_award']);
  });

  it('ambiguous_award lists the candidates and never picks one', () => {
    const result = run([parsed({ path: '01.xlsx', records: [{ name: 'A B', awardText: 'Chiến sĩ thi đua' }] })]);
    expect(result.records[0].outcome).toBe('invalid');
    expect(codes(result, 0)).toEqual(['ambiguous_award']);
    const message = result.records[0].problems[0].message;
    expect(message).toContain('Chiến sĩ thi đua cơ sở');
    expect(message).toContain('Chiến sĩ thi đua cấp tỉnh');
  });

  it('award_subject_mismatch: a collective title written for a person is invalid', () => {
    const result = run([
      parsed({ path: '01.xlsx', records: [{ name: 'A B', awardText: 'Tập thể lao động xuất sắc' }] }),
    ]);
    expect(result.records[0].outcome).toBe('invalid');
    expect(codes(result, 0)).toEqual(['award_subject_mismatch']);
  });

  it('award_not_in_force: the district chair’s Giấy khen after the district was abolished', () => {
    const result = run([
      parsed({
        path: '01.xlsx',
        year: 2026,
        records: [{ name: 'A B', year: 2026, awardText: 'Giấy khen của Chủ tịch UBND huyện' }],
      }),
    ]);
    expect(result.records[0].outcome).toBe('invalid');
    expect(codes(result, 0)).toEqual(['award_not_in_force']);
  });

  it('award_interpreted: an individual title on a collective row becomes its collective counterpart, with a note', () => {
    const result = run([
      parsed({
        path: '01.xlsx',
        records: [
          { name: 'Chi bộ Phòng Y tế', subject: 'collective', position: null, awardText: 'Lao động tiên tiến' },
        ],
      }),
    ]);
    expect(result.records[0]).toMatchObject({ outcome: 'added', award: 'Tập thể lao động tiên tiến' });
    expect(codes(result, 0)).toEqual(['award_interpreted']);
  });

  it('empty_name makes a record invalid', () => {
    const result = run([parsed({ path: '01.xlsx', records: [{ name: '  ' }, { name: '-', row: 11 }] })]);
    expect(result.records.map((r) => r.outcome)).toEqual(['invalid', 'invalid']);
    expect(codes(result, 0)).toEqual(['empty_name']);
    expect(codes(result, 1)).toEqual(['empty_name']);
  });

  it('falls back to the file year; missing_year when neither has one', () => {
    const result = run([
      parsed({ path: '01.xlsx', year: 2022, records: [{ name: 'A B', year: null }] }),
      parsed({ path: '02.xlsx', year: null, records: [{ name: 'C D', year: null }] }),
    ]);
    expect(result.records[0]).toMatchObject({ outcome: 'added', year: 2022 });
    expect(result.records[1]).toMatchObject({ outcome: 'invalid', year: null });
    expect(codes(result, 1)).toEqual(['missing_year']);
  });

  it('keeps formula-looking text literally', () => {
    const result = run([
      parsed({ path: '01.xlsx', records: [{ name: '=HYPERLINK("x")', position: '+ Phó Chủ tịch' }] }),
    ]);
    expect(result.records[0]).toMatchObject({ outcome: 'added', name: '=HYPERLINK("x")', position: '+ Phó Chủ tịch' });
    expect(result.nominations.added[0]).toMatchObject({ name: '=HYPERLINK("x")', position: '+ Phó Chủ tịch' });
  });
});

describe('reconcile: identity, duplicates and conflicts', () => {
  it('identity ignores NFD, tone placement, case and spacing', () => {
    expect(identityKey('nomination', 'individual', 'Nguyễn Thị Hoà', 2022)).toBe(
      identityKey('nomination', 'individual', 'NGUYỄN  THỊ HÒA'.normalize('NFD'), 2022),
    );
    expect(identityKey('nomination', 'individual', 'Nguyễn Thị Hòa', 2022)).not.toBe(
      identityKey('registration', 'individual', 'Nguyễn Thị Hòa', 2022),
    );
  });

  it('duplicate: same identity and award from a later file, citing the first', () => {
    const result = run([
      parsed({ path: '03_kt.xlsx', unitText: 'Phòng Y tế', records: [{ name: 'Đặng Thị Trâm', row: 15 }] }),
      parsed({
        path: '10_gd.xlsx',
        unitText: 'Phòng Giáo dục và Đào tạo',
        records: [{ name: 'ĐẶNG THỊ TRÂM'.normalize('NFD'), row: 18, sheet: 'Tong hop', awardText: 'LĐTT' }],
      }),
    ]);
    expect(result.records.map((r) => r.outcome)).toEqual(['added', 'duplicate']);
    expect(codes(result, 1)).toEqual(['duplicate']);
    const message = result.records[1].problems[0].message;
    expect(message).toContain('«10_gd.xlsx», trang «Tong hop», dòng 18');
    expect(message).toContain('tệp «03_kt.xlsx», trang «DS», dòng 15');
    expect(result.nominations.added).toHaveLength(1);
    expect(result.discrepancies).toEqual([
      expect.objectContaining({ file: '10_gd.xlsx', sheet: 'Tong hop', row: 18, code: 'duplicate', resolved: 'no' }),
    ]);
  });

  it('duplicate: twice in one file', () => {
    const result = run([
      parsed({
        path: '01.xlsx',
        records: [
          { name: 'Lê Văn B', row: 10 },
          { name: 'Lê Văn B', row: 14 },
        ],
      }),
    ]);
    expect(result.records.map((r) => r.outcome)).toEqual(['added', 'duplicate']);
    expect(result.records[1].problems[0].message).toContain('dòng 10');
  });

  it('conflict: same identity, another award from another file, citing file, sheet, row and award', () => {
    const result = run([
      parsed({
        path: '03.xlsx',
        records: [{ name: 'Huỳnh Thị Diễm Thùy', row: 23, sheet: 'KT 2022', awardText: 'GK UBND huyện' }],
      }),
      parsed({
        path: '13.xlsx',
        unitText: 'UBND xã Long Khánh A',
        records: [{ name: 'Huỳnh Thị Diễm Thùy', row: 17, awardText: 'Bằng khen của Chủ tịch UBND tỉnh' }],
      }),
    ]);
    expect(result.records.map((r) => r.outcome)).toEqual(['added', 'conflict']);
    expect(result.records[1]).toMatchObject({
      unit: 'Xã Long Khánh A',
      award: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
    });
    const message = result.records[1].problems[0].message;
    expect(result.records[1].problems[0].code).toBe('conflict');
    expect(message).toContain('tệp «03.xlsx», trang «KT 2022», dòng 23');
    expect(message).toContain('Giấy khen của Chủ tịch Ủy ban nhân dân huyện');
    expect(result.nominations.added).toHaveLength(1);
  });

  it('two awards on the same row (title and form, or two ticks) are not a conflict', () => {
    const result = run([
      parsed({
        path: '08.xlsx',
        records: [
          { name: 'Hồ Thị Hồng Liên', row: 19, awardText: 'Lao động tiên tiến' },
          { name: 'Hồ Thị Hồng Liên', row: 19, awardText: 'Giấy khen của Chủ tịch UBND huyện' },
        ],
      }),
      parsed({
        path: '09.xlsx',
        kind: 'registration',
        records: [
          { name: 'Trần Thị Mỹ Giang', row: 20, awardText: 'LĐTT' },
          { name: 'Trần Thị Mỹ Giang', row: 20, awardText: 'CSTĐ tỉnh' },
        ],
      }),
    ]);
    expect(result.records.map((r) => r.outcome)).toEqual(['added', 'added', 'added', 'added']);
    expect(result.records.every((r) => r.problems.length === 0)).toBe(true);
    expect(result.nominations.added).toHaveLength(2);
    expect(result.registrations.added).toHaveLength(2);
  });

  it('a later file repeating one of a row’s two awards is a duplicate, another award a conflict', () => {
    const result = run([
      parsed({
        path: '08.xlsx',
        records: [
          { name: 'Phan Thị Tuyết', row: 20, awardText: 'LĐTT' },
          { name: 'Phan Thị Tuyết', row: 20, awardText: 'GK UBND huyện' },
        ],
      }),
      parsed({ path: '12.xlsx', records: [{ name: 'Phan Thị Tuyết', awardText: 'GK UBND huyện' }] }),
      parsed({ path: '13.xlsx', records: [{ name: 'Phan Thị Tuyết', awardText: 'CSTĐCS' }] }),
    ]);
    expect(result.records.map((r) => r.outcome)).toEqual(['added', 'added', 'duplicate', 'conflict']);
  });

  it('the same person on two rows of one file with two awards is accepted, with a note', () => {
    const result = run([
      parsed({
        path: '04.xlsx',
        records: [
          { name: 'Trương Công An', row: 20, awardText: 'LĐTT' },
          { name: 'Trương Công An', row: 26, awardText: 'GK UBND huyện' },
        ],
      }),
    ]);
    expect(result.records.map((r) => r.outcome)).toEqual(['added', 'added']);
    expect(codes(result, 1)).toEqual(['listed_twice']);
  });

  it('registrations and nominations, subjects and years are separate identities', () => {
    const result = run([
      parsed({ path: '01.xlsx', kind: 'registration', records: [{ name: 'Võ Thị Mỹ Ý' }] }),
      parsed({
        path: '02.xlsx',
        records: [
          { name: 'Võ Thị Mỹ Ý', awardText: 'GK UBND huyện' },
          { name: 'Võ Thị Mỹ Ý', row: 11, year: 2021, awardText: 'CSTĐCS' },
        ],
      }),
    ]);
    expect(result.records.map((r) => r.outcome)).toEqual(['added', 'added', 'added']);
    expect(result.registrations.added).toHaveLength(1);
    expect(result.nominations.added).toHaveLength(2);
  });
});

describe('reconcile: against the master', () => {
  it('unchanged when the master has the same record', () => {
    const m = master({ nominations: [masterRow({ name: 'Nguyễn Văn A', sourceFile: 'in/01.xlsx' })] });
    const result = run([parsed({ path: 'in/01.xlsx', records: [{ name: 'Nguyễn  Văn A'.normalize('NFD') }] })], m);
    expect(result.records[0].outcome).toBe('unchanged');
    expect(result.records[0].problems).toEqual([]);
    expect(result.nominations).toEqual({ added: [], updated: [] });
  });

  it('updated when a detail such as the position changed; the row is replaced in place', () => {
    const m = master({
      nominations: [masterRow({ name: 'Trần Văn C' }), masterRow({ name: 'Nguyễn Văn A', reviewStatus: 'reviewed' })],
    });
    const result = run(
      [parsed({ path: '01b.xlsx', records: [{ name: 'Nguyễn Văn A', position: 'Phó Trưởng phòng', row: 9 }] })],
      m,
    );
    expect(result.records[0].outcome).toBe('updated');
    expect(result.nominations.added).toEqual([]);
    expect(result.nominations.updated).toEqual([
      {
        index: 1,
        row: expect.objectContaining({
          name: 'Nguyễn Văn A',
          position: 'Phó Trưởng phòng',
          reviewStatus: 'reviewed',
          sourceFile: '01b.xlsx',
          sourceRow: 9,
          importedAt: NOW,
        }),
      },
    ]);
    const next = applyReconciliation(m, result);
    expect(next.nominations[1]).toMatchObject({ position: 'Phó Trưởng phòng', reviewStatus: 'reviewed' });
    expect(m.nominations[1].position).toBe('Chuyên viên');
  });

  it('conflict with the master cites the master row’s source', () => {
    const m = master({
      nominations: [masterRow({ name: 'Nguyễn Văn A', sourceFile: '03_old.xlsx', sourceSheet: 'KT', sourceRow: 7 })],
    });
    const result = run([parsed({ path: '05.xlsx', records: [{ name: 'Nguyễn Văn A', awardText: 'CSTĐCS' }] })], m);
    expect(result.records[0].outcome).toBe('conflict');
    expect(result.records[0].problems[0].message).toContain(
      'bảng tính chính (nhập từ tệp «03_old.xlsx», trang «KT», dòng 7)',
    );
  });

  it('the same award in the master from another unit is a duplicate, not an update', () => {
    const m = master({ nominations: [masterRow({ name: 'Đặng Thị Trâm', unit: 'Phòng Y tế' })] });
    const result = run(
      [
        parsed({
          path: '10.xlsx',
          unitText: 'Phòng Giáo dục và Đào tạo',
          records: [{ name: 'Đặng Thị Trâm', position: 'Giáo viên' }],
        }),
      ],
      m,
    );
    expect(result.records[0].outcome).toBe('duplicate');
    expect(result.nominations).toEqual({ added: [], updated: [] });
  });

  it('a second award of the same source row in the master is added, not a conflict', () => {
    const m = master({
      nominations: [masterRow({ name: 'Hồ Thị Hồng Liên', sourceFile: 'x/08.xlsx', sourceSheet: 'KT', sourceRow: 19 })],
    });
    const result = run(
      [
        parsed({
          path: 'y/08.xlsx',
          records: [
            { name: 'Hồ Thị Hồng Liên', sheet: 'KT', row: 19 },
            { name: 'Hồ Thị Hồng Liên', sheet: 'KT', row: 19, awardText: 'GK UBND huyện' },
          ],
        }),
      ],
      m,
    );
    expect(result.records.map((r) => r.outcome)).toEqual(['unchanged', 'added']);
  });
});

describe('reconcile: not_registered', () => {
  const nomination = (name: string) => parsed({ path: '04.xlsx', records: [{ name, awardText: 'CSTĐ cơ sở' }] });

  it('flags a CSTĐCS nomination without registration; the outcome stays added', () => {
    const result = run([nomination('Đặng Kim Hằng')]);
    expect(result.records[0].outcome).toBe('added');
    expect(codes(result, 0)).toEqual(['not_registered']);
    expect(result.nominations.added[0].findings).toContain('chưa có đăng ký');
    expect(result.discrepancies).toEqual([expect.objectContaining({ code: 'not_registered', name: 'Đặng Kim Hằng' })]);
  });

  it('accepts a registration from a later file of the batch, or from the master', () => {
    const later = run([
      nomination('Huỳnh Ngọc Kiều'),
      parsed({ path: '15.xlsx', kind: 'registration', records: [{ name: 'HUỲNH NGỌC KIỀU', awardText: 'CSTĐCS' }] }),
    ]);
    expect(later.records[0].problems).toEqual([]);
    const m = master({ registrations: [masterRow({ name: 'Huỳnh Ngọc Kiều', award: 'Chiến sĩ thi đua cơ sở' })] });
    expect(run([nomination('Huỳnh Ngọc Kiều')], m).records[0].problems).toEqual([]);
  });

  it('a registration for another title or year does not count', () => {
    const result = run([
      parsed({
        path: '01.xlsx',
        kind: 'registration',
        records: [
          { name: 'Lê Văn D', awardText: 'LĐTT' },
          { name: 'Lê Văn D', awardText: 'CSTĐCS', year: 2021, row: 11 },
        ],
      }),
      nomination('Lê Văn D'),
    ]);
    expect(codes(result, 2)).toEqual(['not_registered']);
  });
});

describe('reconcile: files', () => {
  it('skips a byte-identical copy later in the batch: no records, unit and kind of the first', () => {
    const sha = fakeSha();
    const result = run([
      parsed({ path: 'r/03_KT-HT.xlsx', sha256: sha, records: [{ name: 'A B' }] }),
      parsed({ path: 'r/07_KT-HT (1).xlsx', sha256: sha, records: [{ name: 'A B' }] }),
    ]);
    expect(result.files.map((f) => f.status)).toEqual(['imported', 'skipped']);
    expect(result.files[1]).toMatchObject({ unit: 'Phòng Y tế', kind: 'nomination', copyOf: 'r/03_KT-HT.xlsx' });
    expect(result.files[1].message).toContain('«03_KT-HT.xlsx»');
    expect(result.records).toHaveLength(1);
    expect(result.records.map((r) => r.outcome)).toEqual(['added']);
  });

  it('skips content already in the import log, naming the earlier file; copies of a failed file are not skipped', () => {
    const sha = fakeSha();
    const failedSha = fakeSha();
    const m = master({
      importLog: [
        {
          importedAt: '2023-01-01T00:00:00.000Z',
          file: 'old/03.xlsx',
          sha256: sha,
          status: 'imported',
          unit: 'Phòng Y tế',
          kind: 'nomination',
        },
        { importedAt: '2023-01-01T00:00:00.000Z', file: 'old/02.xlsx', sha256: failedSha, status: 'failed' },
      ],
    });
    const result = run(
      [{ path: 'new/03.xlsx', sha256: sha }, failed('new/02.xlsx', 'Tệp «02.xlsx» bị hỏng.', failedSha)],
      m,
    );
    expect(result.files[0]).toMatchObject({ status: 'skipped', unit: 'Phòng Y tế', kind: 'nomination' });
    expect(result.files[0].message).toContain('«03.xlsx» đã nhập trước đây (ngày 01/01/2023)');
    expect(result.files[1]).toMatchObject({
      status: 'failed',
      unit: null,
      kind: null,
      message: 'Tệp «02.xlsx» bị hỏng.',
    });
    expect(result.records).toEqual([]);
  });

  it('a failed file has unit and kind null, the reader’s message, a log row and a discrepancy', () => {
    const result = run([
      failed('02_Long Thuan.xlsx', 'Tệp «02_Long Thuan.xlsx» không phải tệp Excel hợp lệ (tệp nén bị cắt cụt).'),
    ]);
    expect(result.files[0]).toMatchObject({
      path: '02_Long Thuan.xlsx',
      status: 'failed',
      unit: null,
      kind: null,
      message: 'Tệp «02_Long Thuan.xlsx» không phải tệp Excel hợp lệ (tệp nén bị cắt cụt).',
    });
    expect(result.importLog).toEqual([
      expect.objectContaining({
        file: '02_Long Thuan.xlsx',
        status: 'failed',
        unit: null,
        kind: null,
        importedAt: NOW,
      }),
    ]);
    expect(result.discrepancies).toEqual([
      expect.objectContaining({ file: '02_Long Thuan.xlsx', code: 'unreadable_file', resolved: 'no' }),
    ]);
  });

  it('a copy of a failed file in the same batch is failed too', () => {
    const sha = fakeSha();
    const result = run([failed('02.xlsx', 'Hỏng.', sha), { path: '05.xlsx', sha256: sha }]);
    expect(result.files.map((f) => f.status)).toEqual(['failed', 'failed']);
    expect(result.files[1].message).toContain('«02.xlsx»');
  });

  it('writes one import-log row per file with counts', () => {
    const result = run([
      parsed({ path: '01.xlsx', records: [{ name: 'A B' }, { name: 'C D', row: 11, awardText: null }] }),
    ]);
    expect(result.importLog).toEqual([
      {
        importedAt: NOW,
        file: '01.xlsx',
        sha256: expect.any(String),
        status: 'imported',
        unit: 'Phòng Y tế',
        kind: 'nomination',
        records: 2,
        problems: 1,
        message: expect.stringContaining('Đọc được 2 bản ghi: 1 mới, 1 không hợp lệ.'),
      },
    ]);
  });

  it('does not repeat a discrepancy already in the master', () => {
    const batch = () => [parsed({ path: 'x/01.xlsx', records: [{ name: 'C D', awardText: null }] })];
    const first = run(batch());
    expect(first.discrepancies).toHaveLength(1);
    const again = run(batch(), master({ discrepancies: first.discrepancies }));
    expect(again.discrepancies).toEqual([]);
  });

  it('orders files by file name (code point), whatever the folder', () => {
    const names = ['b/10_x.xlsx', 'a/02_y.xlsx', 'c/01_z.xlsx', 'a/08_Đ.xlsx'.normalize('NFD'), 'a/08_D.xlsx'];
    expect([...names].sort(compareFileNames)).toEqual([
      'c/01_z.xlsx',
      'a/02_y.xlsx',
      'a/08_D.xlsx',
      'a/08_Đ.xlsx'.normalize('NFD'),
      'b/10_x.xlsx',
    ]);
  });
});

describe('toImportReport and applyReconciliation', () => {
  it('the report has exactly the documented fields', () => {
    const result = run([parsed({ path: '01.xlsx', records: [{ name: 'A B' }] }), failed('02.xlsx', 'Hỏng.')]);
    const report = toImportReport(result);
    expect(Object.keys(report)).toEqual(['files', 'records']);
    expect(Object.keys(report.files[0]).sort()).toEqual(['kind', 'message', 'path', 'status', 'unit']);
    expect(Object.keys(report.records[0]).sort()).toEqual(
      [
        'award',
        'file',
        'kind',
        'name',
        'outcome',
        'position',
        'problems',
        'row',
        'sheet',
        'subject',
        'unit',
        'year',
      ].sort(),
    );
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('appends new rows to every book and keeps other sheets', () => {
    const m = { ...master({ nominations: [masterRow({ name: 'X Y' })] }), units: [{ name: 'Phòng Y tế' }] };
    const result = run(
      [
        parsed({ path: '01.xlsx', records: [{ name: 'A B' }, { name: 'C D', row: 11, awardText: null }] }),
        parsed({ path: '02.xlsx', kind: 'registration', records: [{ name: 'A B' }] }),
      ],
      m,
    );
    const next = applyReconciliation(m, result);
    expect(next.nominations.map((r) => r.name)).toEqual(['X Y', 'A B']);
    expect(next.registrations.map((r) => r.name)).toEqual(['A B']);
    expect(next.discrepancies).toHaveLength(1);
    expect(next.importLog).toHaveLength(2);
    expect(next.units).toBe(m.units);
    expect(m.nominations).toHaveLength(1);
  });
});
