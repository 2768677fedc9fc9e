/**
 * Award lists (the list attached to a past decision) through `tdkt import`:
 * recognised as kind "award", reconciled into the award history (the sheet
 * the consecutive-year checks read), not into the nominations.
 *
 * - round trip: the list `tdkt decision` exports, imported into a fresh
 *   master, gives the same award history; imported into the master that
 *   made it, changes nothing;
 * - generated past-year lists (src/node/samples/decision-list.ts: TCVN3/VNI,
 *   merged headers, ALL CAPS, award in a column, in sections or only in the
 *   title) are read as their truth says;
 * - end to end: decisions of 2020–2022 imported, then `tdkt check` passes a
 *   CSTĐ cấp tỉnh nomination with three consecutive CSTĐCS years and fails
 *   one that misses a year.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Row } from '../../../src/core/contract';
import { hongNguRegistry } from '../../../src/core/units';
import { runCheck } from '../../../src/node/check';
import { runDecision } from '../../../src/node/decision-export';
import { importReports, runImport } from '../../../src/node/import/pipeline';
import { readReport } from '../../../src/node/import/read';
import { formatSummary } from '../../../src/node/import/summary';
import { XlsxMasterStore } from '../../../src/node/master-store';
import { buildDecisionList, type DecisionListEntry, type DecisionListOptions } from '../../../src/node/samples';
import { emptyMaster, readMaster, writeMaster, type MasterData } from '../../../src/node/xlsx-store';

jest.setTimeout(60_000);

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-award-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function freshMaster(fill?: (data: MasterData) => void): MasterData {
  const data = emptyMaster();
  data.units = hongNguRegistry().toRows();
  data.settings = data.settings.map((s) =>
    s.key === 'councilName' ? { ...s, value: 'Hội đồng Thi đua – Khen thưởng huyện Hồng Ngự' } : s,
  );
  fill?.(data);
  return data;
}

const passed = (name: string, award: string, extra: Row = {}): Row => ({
  year: 2022,
  unit: 'Phòng Y tế',
  subject: 'individual',
  name,
  position: 'Chuyên viên',
  award,
  reviewStatus: 'passed',
  ...extra,
});

/** The history rows without the order and without where an imported row came from, for comparisons. */
function historyOf(data: MasterData): Row[] {
  return data.awardHistory
    .map(({ sourceFile: _file, sourceSheet: _sheet, sourceRow: _row, ...r }) => r)
    .sort((a, b) => `${a.name}|${a.award}`.localeCompare(`${b.name}|${b.award}`));
}

describe('the list `tdkt decision` exports', () => {
  it('imports into a fresh master as the same award history, and adds nothing where it came from', async () => {
    const source = path.join(dir, 'source.xlsx');
    await writeMaster(
      source,
      freshMaster((d) => {
        d.nominations = [
          passed('Nguyễn Văn An', 'Lao động tiên tiến'),
          passed('Trần Thị Bình', 'CSTĐ cơ sở'),
          passed('Lê Thị Cúc', 'LĐTT', { unit: 'Xã Long Khánh A', position: 'Công chức Văn phòng - Thống kê' }),
          passed('Phòng Y tế', 'Tập thể lao động tiên tiến', { subject: 'collective', position: null }),
          passed('Đỗ Văn Dũng', 'Giấy khen của Chủ tịch UBND huyện'),
        ];
      }),
    );
    const list = path.join(dir, 'lists', 'QD-12-2023.xlsx');
    const run = await runDecision({
      into: source,
      number: '12',
      date: '15/01/2023',
      signer: 'Nguyễn Văn Ký',
      out: list,
    });
    expect(run.added).toBe(5);
    const decided = await readMaster(source);

    // A fresh master.
    const fresh = path.join(dir, 'fresh.xlsx');
    await writeMaster(fresh, freshMaster());
    const store = new XlsxMasterStore(fresh);
    const report = await importReports({ inputs: [list], store });
    expect(report.files).toEqual([expect.objectContaining({ status: 'imported', kind: 'award' })]);
    expect(report.records.map((r) => [r.kind, r.name, r.unit, r.award, r.year, r.outcome])).toEqual([
      ['award', 'Nguyễn Văn An', 'Phòng Y tế', 'Lao động tiên tiến', 2022, 'added'],
      ['award', 'Lê Thị Cúc', 'Xã Long Khánh A', 'Lao động tiên tiến', 2022, 'added'],
      ['award', 'Trần Thị Bình', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở', 2022, 'added'],
      ['award', 'Phòng Y tế', 'Phòng Y tế', 'Tập thể lao động tiên tiến', 2022, 'added'],
      ['award', 'Đỗ Văn Dũng', 'Phòng Y tế', 'Giấy khen của Chủ tịch Ủy ban nhân dân huyện', 2022, 'added'],
    ]);
    expect(report.records.every((r) => r.problems.length === 0)).toBe(true);
    const imported = await readMaster(fresh);
    expect(historyOf(imported)).toEqual(historyOf(decided));
    // Each imported row points back to its line of the list.
    expect(imported.awardHistory.map((r) => [r.sourceFile, r.sourceSheet, typeof r.sourceRow])).toEqual(
      Array(5).fill([list, 'Danh sách', 'number']),
    );
    expect(imported.nominations).toEqual([]);
    expect(imported.importLog.map((r) => r.kind)).toEqual(['award']);
    expect(formatSummary(report, { master: 'fresh.xlsx' })).toMatch(/QĐ khen thưởng/);

    // Again: the same content is skipped; nothing changes.
    const again = await importReports({ inputs: [list], store });
    expect(again.files.map((f) => [f.status, f.kind])).toEqual([['skipped', 'award']]);
    expect(historyOf(await readMaster(fresh))).toEqual(historyOf(decided));

    // Into the master that made the decision: everything is already in its history.
    const back = await importReports({ inputs: [list], store: new XlsxMasterStore(source) });
    expect(back.records.map((r) => r.outcome)).toEqual(Array(5).fill('unchanged'));
    expect(historyOf(await readMaster(source))).toEqual(historyOf(decided));
  });
});

describe('generated past-year decision lists', () => {
  const units = hongNguRegistry().all();
  const layouts: Array<Partial<DecisionListOptions>> = [
    { encoding: 'tcvn3', awardPlacement: 'column', capsNames: true, mergedHeader: true, letterhead: true },
    { encoding: 'vni', awardPlacement: 'sections', capsNames: false, letterhead: false },
    { encoding: 'unicode', awardPlacement: 'title', capsNames: true, letterhead: true },
    { encoding: 'tcvn3', awardPlacement: 'sections', capsNames: true, letterhead: true },
    { encoding: 'vni', awardPlacement: 'column', capsNames: true, mergedHeader: false },
  ];

  it.each(layouts.map((l, i) => [i, l] as const))('layout %i is read as its truth says', async (i, layout) => {
    const list = await buildDecisionList({
      seed: 900 + i,
      year: 2021,
      units,
      count: 10,
      ...(layout.awardPlacement === 'title'
        ? {
            entries: [
              {
                subject: 'individual',
                name: 'Phan Thị Hòa',
                position: 'Chuyên viên',
                unit: 'Phòng Y tế',
                award: 'cstdcs',
              },
              {
                subject: 'individual',
                name: 'Võ Văn Thủy',
                position: 'Kế toán',
                unit: 'Xã Phú Thuận B',
                award: 'cstdcs',
              },
            ] as DecisionListEntry[],
          }
        : {}),
      ...layout,
    });
    const file = path.join(dir, list.name);
    fs.writeFileSync(file, list.bytes);
    const read = await readReport(file);
    expect(read.kind).toBe('award');
    expect(read.year).toBe(2021);
    expect(read.decision).toMatchObject({ number: list.decision.number, date: list.decision.date, level: 'district' });
    expect(read.encoding).toBe(list.encoding);
    expect(read.records.map((r) => [r.row, r.subject, r.name, r.position])).toEqual(
      list.records.map((r) => [r.row, r.subject, r.name, r.position]),
    );

    const master = path.join(dir, 'master.xlsx');
    await writeMaster(master, freshMaster());
    const report = await importReports({ inputs: [file], store: new XlsxMasterStore(master) });
    expect(report.records.map((r) => [r.row, r.kind, r.name, r.unit, r.award, r.year, r.outcome])).toEqual(
      list.records.map((r) => [r.row, 'award', r.name, r.unit, r.award, r.year, 'added']),
    );
    const history = (await readMaster(master)).awardHistory;
    expect(history).toHaveLength(list.records.length);
    expect(history[0]).toMatchObject({ decisionNumber: list.decision.number, decisionDate: list.decision.date });
  });

  it('is deterministic', async () => {
    const a = await buildDecisionList({ seed: 5, year: 2020, units, count: 6 });
    const b = await buildDecisionList({ seed: 5, year: 2020, units, count: 6 });
    expect(a.bytes.equals(b.bytes)).toBe(true);
  });
});

describe('end to end: past decisions feed the consecutive-year check', () => {
  const units = hongNguRegistry().all();
  const cstdcs = (name: string, unit = 'Phòng Y tế'): DecisionListEntry => ({
    subject: 'individual',
    name,
    position: 'Chuyên viên',
    unit,
    award: 'cstdcs',
  });

  it('passes three consecutive CSTĐCS years from imported decisions, and errs on a missing year', async () => {
    const reports = path.join(dir, 'decisions');
    fs.mkdirSync(reports);
    const encodings = ['tcvn3', 'vni', 'unicode'] as const;
    for (const [i, year] of [2020, 2021, 2022].entries()) {
      const entries = [cstdcs('Ngô Thị Mai'), cstdcs(`Lý Văn Phụ ${year}`, 'Phòng Tư pháp')];
      if (year !== 2021) entries.push(cstdcs('Huỳnh Văn Hùng', 'Phòng Nội vụ'));
      const list = await buildDecisionList({
        seed: 70 + i,
        year,
        units,
        entries,
        encoding: encodings[i],
        capsNames: i !== 2,
        number: `${20 + i}/QĐ-UBND`,
        fileName: `0${i + 1}_QD khen thuong ${year}.xlsx`,
      });
      fs.writeFileSync(path.join(reports, list.name), list.bytes);
    }
    const master = path.join(dir, 'master.xlsx');
    const nomination = (name: string, unit: string): Row => ({
      year: 2022,
      unit,
      subject: 'individual',
      name,
      award: 'Chiến sĩ thi đua cấp tỉnh',
      initiative: `Sáng kiến của ${name}`,
      initiativeRecognition: 'Quyết định của Hội đồng sáng kiến tỉnh',
      reviewStatus: 'proposed',
    });
    await writeMaster(
      master,
      freshMaster((d) => {
        d.nominations = [nomination('Ngô Thị Mai', 'Phòng Y tế'), nomination('Huỳnh Văn Hùng', 'Phòng Nội vụ')];
        d.registrations = d.nominations.map(({ reviewStatus: _status, ...n }) => n);
      }),
    );
    const run = await runImport({ inputs: [reports], store: new XlsxMasterStore(master) });
    expect(run.report.files.map((f) => [f.kind, f.status])).toEqual(Array(3).fill(['award', 'imported']));
    expect(run.report.records.every((r) => r.kind === 'award' && r.outcome === 'added')).toBe(true);
    const data = await readMaster(master);
    expect(data.awardHistory.filter((r) => r.name === 'Ngô Thị Mai').map((r) => r.year)).toEqual([2020, 2021, 2022]);
    expect(data.nominations).toHaveLength(2);

    const check = await runCheck({ into: master, dryRun: true });
    const consecutive = (name: string) =>
      check.findings.filter((f) => f.rule === 'cstd_tinh.consecutive' && f.name === name);
    expect(consecutive('Ngô Thị Mai')).toEqual([]);
    const [missing] = consecutive('Huỳnh Văn Hùng');
    expect(missing).toMatchObject({ severity: 'error', year: 2022 });
    expect(missing.message).toMatch(/còn thiếu năm 2021/);
  });
});
