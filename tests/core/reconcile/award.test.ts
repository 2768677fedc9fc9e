/** Award lists (kind "award") reconciled into the award history. */
import type { Row } from '../../../src/core/contract';
import {
  applyReconciliation,
  reconcile,
  toImportReport,
  type BatchFile,
  type DecisionRef,
  type ExtractedRecord,
} from '../../../src/core/reconcile';
import { hongNguRegistry } from '../../../src/core/units';
import { NOW, fakeSha, rec } from './helpers';

const DECISION: DecisionRef = {
  number: '12/QĐ-UBND',
  date: '2023-01-15',
  issuer: 'Chủ tịch Ủy ban nhân dân huyện Hồng Ngự',
  level: 'district',
};

function awardFile(
  path: string,
  records: Array<Partial<ExtractedRecord> & { name: string }>,
  decision: DecisionRef | null = DECISION,
  year = 2022,
): BatchFile {
  const sha = fakeSha();
  return {
    path,
    sha256: sha,
    file: {
      file: path,
      sha256: sha,
      kind: 'award',
      unitText: 'Ủy ban nhân dân huyện Hồng Ngự',
      unitSource: 'title',
      year,
      sheet: 'Danh sách',
      headerRow: 5,
      encoding: 'unicode',
      decision,
      records: records.map((r, i) =>
        rec({ kind: 'award', row: 6 + i, year, rowUnitText: 'Phòng Y tế', sheet: 'Danh sách', ...r, file: path }),
      ),
      notes: [],
    },
  };
}

function run(batch: BatchFile[], awardHistory: Row[] = []) {
  const master = { registrations: [], nominations: [], importLog: [], discrepancies: [], awardHistory };
  const result = reconcile(hongNguRegistry(), master, batch, { importedAt: NOW });
  return { result, report: toImportReport(result), applied: applyReconciliation(master, result) };
}

const history = (partial: Row): Row => ({
  year: 2022,
  subject: 'individual',
  name: 'Nguyễn Văn An',
  unit: 'Phòng Y tế',
  award: 'Lao động tiên tiến',
  decisionNumber: '12/QĐ-UBND',
  decisionDate: '2023-01-15',
  issuer: 'Chủ tịch Ủy ban nhân dân huyện Hồng Ngự',
  initiative: null,
  ...partial,
});

describe('award lists', () => {
  it('adds decided awards to the award history, not to the nominations', () => {
    const { report, applied, result } = run([
      awardFile('01_QD.xlsx', [
        { name: 'Nguyễn Văn An' },
        { name: 'Nguyễn Văn An', row: 6, awardText: 'Giấy khen của Chủ tịch UBND huyện' },
        { name: 'Phòng Y tế', subject: 'collective', position: null, awardText: 'Tập thể lao động tiên tiến' },
      ]),
    ]);
    expect(report.files).toEqual([expect.objectContaining({ kind: 'award', status: 'imported' })]);
    expect(report.records.map((r) => [r.kind, r.name, r.award, r.outcome])).toEqual([
      ['award', 'Nguyễn Văn An', 'Lao động tiên tiến', 'added'],
      ['award', 'Nguyễn Văn An', 'Giấy khen của Chủ tịch Ủy ban nhân dân huyện', 'added'],
      ['award', 'Phòng Y tế', 'Tập thể lao động tiên tiến', 'added'],
    ]);
    expect(applied.nominations).toEqual([]);
    expect(applied.awardHistory[0]).toEqual({
      ...history({}),
      sourceFile: '01_QD.xlsx',
      sourceSheet: 'Danh sách',
      sourceRow: expect.any(Number),
    });
    // Each history row points back to its line of the list.
    expect(applied.awardHistory.map((r) => r.sourceRow).sort()).toEqual(report.records.map((r) => r.row).sort());
    expect(result.importLog[0]).toMatchObject({ kind: 'award' });
  });

  it('is unchanged when the history holds it, a duplicate when the batch does, a conflict under another decision', () => {
    const { report, applied } = run(
      [
        awardFile('01_QD.xlsx', [{ name: 'NGUYỄN VĂN AN' }, { name: 'Trần Thị Bình', awardText: 'CSTĐCS' }]),
        awardFile('02_QD.xlsx', [{ name: 'Trần Thị Bình', awardText: 'Chiến sĩ thi đua cơ sở' }]),
        awardFile('03_QD.xlsx', [{ name: 'Trần Thị Bình', awardText: 'CSTĐ cơ sở' }], {
          ...DECISION,
          number: '99/QĐ-UBND',
        }),
        awardFile('04_QD.xlsx', [{ name: 'Lê Văn Cư' }], { ...DECISION, number: '7/QĐ-UBND' }),
      ],
      [history({}), history({ name: 'Lê Văn Cư' })],
    );
    expect(report.records.map((r) => [r.file, r.name, r.outcome, r.problems.map((p) => p.code)])).toEqual([
      ['01_QD.xlsx', 'Nguyễn Văn An', 'unchanged', []],
      ['01_QD.xlsx', 'Trần Thị Bình', 'added', []],
      ['02_QD.xlsx', 'Trần Thị Bình', 'duplicate', ['duplicate']],
      ['03_QD.xlsx', 'Trần Thị Bình', 'conflict', ['conflict']],
      ['04_QD.xlsx', 'Lê Văn Cư', 'conflict', ['conflict']],
    ]);
    expect(report.records[3].problems[0].message).toMatch(/Quyết định số 99\/QĐ-UBND.*Quyết định số 12\/QĐ-UBND/);
    expect(applied.awardHistory).toHaveLength(3);
  });

  it('matches the row unit as of the decision date, across mergers, and keeps people of two units apart', () => {
    const { report } = run(
      [
        awardFile(
          '01_QD.xlsx',
          [
            { name: 'Võ Thị Hoa', rowUnitText: 'UBND xã Long Khánh A' },
            { name: 'Võ Thị Hoa', rowUnitText: 'Phòng Y tế' },
            { name: 'Mai Văn Tư', rowUnitText: 'Sở Y tế tỉnh' },
          ],
          { ...DECISION, date: '2025-01-10' },
          2024,
        ),
      ],
      [history({ name: 'Võ Thị Hoa', unit: 'Xã Long Khánh', year: 2024, decisionNumber: '5/QĐ-UBND' })],
    );
    expect(report.records.map((r) => [r.name, r.unit, r.outcome, r.problems.map((p) => p.code)])).toEqual([
      // Long Khánh A (merged into Long Khánh on 01/7/2025) is the same lineage as the history's row.
      ['Võ Thị Hoa', 'Xã Long Khánh A', 'conflict', ['conflict']],
      ['Võ Thị Hoa', 'Phòng Y tế', 'added', []],
      ['Mai Văn Tư', null, 'invalid', ['unknown_unit']],
    ]);
    expect(report.records[2].problems[0].message).toMatch(/Đơn vị “Sở Y tế tỉnh” của dòng này/);
  });

  it('records an award without a decision number, with a note', () => {
    const { report, applied } = run([awardFile('01_QD.xlsx', [{ name: 'Nguyễn Văn An' }], null)]);
    expect(report.records[0]).toMatchObject({
      outcome: 'added',
      problems: [expect.objectContaining({ code: 'missing_decision' })],
    });
    expect(applied.awardHistory[0]).toMatchObject({ decisionNumber: null, decisionDate: null });
  });

  it('uses the row decision columns over the title block', () => {
    const { applied } = run([
      awardFile('01_QD.xlsx', [{ name: 'Nguyễn Văn An', decision: { number: '45/QĐ-UBND', date: '2023-02-01' } }]),
    ]);
    expect(applied.awardHistory[0]).toMatchObject({
      decisionNumber: '45/QĐ-UBND',
      decisionDate: '2023-02-01',
      issuer: DECISION.issuer,
    });
  });
});
