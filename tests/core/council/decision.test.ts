import { SHEETS, type Row } from '../../../src/core/contract';
import {
  decisionFromSession,
  decisionNumber,
  historyKey,
  listSubtitle,
  listTitle,
  mergeHistory,
  passedNominations,
} from '../../../src/core/council';
import { hongNguRegistry } from '../../../src/core/units';

const info = {
  number: '15',
  date: '20/01/2023',
  signer: 'Nguyễn Văn Chủ',
  level: 'district' as const,
  issuer: 'Chủ tịch Ủy ban nhân dân huyện Hồng Ngự',
};

const rows: Row[] = [
  {
    year: 2022,
    unit: 'Phòng Y tế',
    subject: 'individual',
    name: 'Trần Thị Bình',
    position: 'Chuyên viên',
    award: 'CSTĐ cơ sở',
    initiative: 'Sổ tay điện tử',
    reviewStatus: 'passed',
  },
  {
    year: 2022,
    unit: 'Phòng Y tế',
    subject: 'individual',
    name: 'Nguyễn Văn An',
    award: 'LĐTT',
    reviewStatus: 'passed',
  },
  {
    year: 2022,
    unit: 'Phòng Y tế',
    subject: 'collective',
    name: 'Phòng Y tế',
    award: 'TTLĐTT',
    reviewStatus: 'passed',
  },
  {
    year: 2022,
    unit: 'Phòng Y tế',
    subject: 'individual',
    name: 'Lê Văn Cường',
    award: 'Bằng khen UBND tỉnh',
    reviewStatus: 'passed',
  },
  {
    year: 2022,
    unit: 'Phòng Y tế',
    subject: 'individual',
    name: 'Đỗ Thị Dung',
    award: 'LĐTT',
    reviewStatus: 'rejected',
  },
  { year: 2022, unit: 'Phòng Y tế', subject: 'individual', name: 'Hà Văn Em', award: 'LĐTT', reviewStatus: 'proposed' },
];

describe('passed nominations', () => {
  it('takes only "Đạt", optionally of one award and year', () => {
    expect(passedNominations(rows).map((p) => p.index)).toEqual([0, 1, 2, 3]);
    expect(passedNominations(rows, { award: 'ldtt' }).map((p) => p.row.name)).toEqual(['Nguyễn Văn An']);
    expect(passedNominations(rows, { year: 2023 })).toEqual([]);
  });
});

describe('decisionFromSession', () => {
  it('makes the attached list in catalogue order and the award history rows', () => {
    const passed = passedNominations(rows).map((p) => p.row);
    const { decision, list, history, skipped } = decisionFromSession(info, passed);
    expect(decision).toMatchObject({
      number: '15/QĐ-UBND',
      date: '2023-01-20',
      signer: 'Nguyễn Văn Chủ',
      years: [2022],
      awards: ['ldtt', 'cstdcs', 'ttldtt'],
    });
    expect(list.map((r) => [r.name, r.award])).toEqual([
      ['Nguyễn Văn An', 'Lao động tiên tiến'],
      ['Trần Thị Bình', 'Chiến sĩ thi đua cơ sở'],
      ['Phòng Y tế', 'Tập thể lao động tiên tiến'],
    ]);
    expect(list[1]).toMatchObject({ position: 'Chuyên viên', unit: 'Phòng Y tế', subject: 'individual', year: 2022 });
    expect(history[1]).toEqual({
      year: 2022,
      subject: 'individual',
      name: 'Trần Thị Bình',
      unit: 'Phòng Y tế',
      award: 'Chiến sĩ thi đua cơ sở',
      decisionNumber: '15/QĐ-UBND',
      decisionDate: '2023-01-20',
      issuer: 'Chủ tịch Ủy ban nhân dân huyện Hồng Ngự',
      initiative: 'Sổ tay điện tử',
    });
    // Every history key is a column of the contract's award history sheet.
    const columns = SHEETS.awardHistory.columns.map((c) => c.key);
    for (const r of history) expect(Object.keys(r).every((k) => columns.includes(k))).toBe(true);
    // The province chair's Bằng khen is not the district's to decide: it is sent up.
    expect(skipped).toHaveLength(1);
    expect(skipped[0].reason).toMatch(/Lê Văn Cường.*trình cấp trên/);
    expect(listTitle(decision, list)).toBe('Cá nhân, tập thể được công nhận danh hiệu thi đua năm 2022');
    expect(listSubtitle(decision)).toBe(
      '(Kèm theo Quyết định số 15/QĐ-UBND ngày 20/01/2023 của Chủ tịch Ủy ban nhân dân huyện Hồng Ngự)',
    );
  });

  it('titles a one-award list by its award', () => {
    const { decision, list } = decisionFromSession(info, [rows[1]]);
    expect(listTitle(decision, list)).toBe('Cá nhân đạt danh hiệu “Lao động tiên tiến” năm 2022');
    const gk = decisionFromSession(info, [{ ...rows[1], award: 'GK UBND huyện' }]);
    expect(listTitle(gk.decision, gk.list)).toBe(
      'Cá nhân được tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện năm 2022',
    );
  });

  it('keeps a full decision number and rejects a bad date', () => {
    expect(decisionNumber('123/QĐ-CT')).toBe('123/QĐ-CT');
    expect(decisionNumber(' 7 ')).toBe('7/QĐ-UBND');
    expect(() => decisionFromSession({ ...info, date: '31/02/2023' }, [rows[1]])).toThrow(/không hợp lệ/);
    expect(() => decisionFromSession({ ...info, signer: ' ' }, [rows[1]])).toThrow(/người ký/);
  });
});

describe('mergeHistory', () => {
  it('is idempotent: the same person, year and award is recorded once', () => {
    const { history } = decisionFromSession(
      info,
      passedNominations(rows).map((p) => p.row),
    );
    const first = mergeHistory([], history);
    expect(first.added).toHaveLength(3);
    const second = mergeHistory(first.rows, history);
    expect(second.added).toEqual([]);
    expect(second.already).toHaveLength(3);
    expect(second.rows).toHaveLength(3);
  });

  it('knows a person across a merger and spelling, but not two people of one name in different units', () => {
    const registry = hongNguRegistry();
    const old = { year: 2025, subject: 'individual', name: 'Trần Thị Bình', unit: 'Xã Long Khánh A', award: 'CSTĐCS' };
    const same = { ...old, name: 'TRẦN THỊ BÌNH', unit: 'Xã Long Khánh', award: 'Chiến sĩ thi đua cơ sở' };
    const other = { ...old, unit: 'Xã Long Thuận' };
    expect(historyKey(old, registry)).toBe(historyKey(same, registry));
    const merged = mergeHistory([old], [same, other], registry);
    expect(merged.added.map((r) => r.unit)).toEqual(['Xã Long Thuận']);
  });
});
