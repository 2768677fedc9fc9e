/**
 * End to end on generated sets: the sample generator (src/node/samples) writes
 * realistic messy reports with hostile files mixed in (byte-identical copies,
 * truncated zips, text named .xlsx, empty workbooks) and their truth.json;
 * importReports (the real worker pool) imports them into a fresh master, and
 * the report is scored against the truth field by field (./score.ts, the
 * scorer of the shared samples). Requires 100%.
 *
 * Seeds tried locally, all 100% (≈ 32,000 records): Hồng Ngự registry, 2022,
 * 120 files: 1–11; 300 files: 201–202; examples/units.csv, 2024: 101–105;
 * 2023 with 80 % nominations: 401–403; 2025 (the year of the commune
 * mergers): 501–503. Two are kept here for CI time.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UnitRegistry, hongNguRegistry } from '../../../src/core/units';
import { importReports } from '../../../src/node/import/pipeline';
import { XlsxMasterStore } from '../../../src/node/master-store';
import { generateReports } from '../../../src/node/samples';
import { emptyMaster, readMaster, writeMaster } from '../../../src/node/xlsx-store';
import { scoreReport } from './score';

const EXAMPLES_UNITS = path.resolve(__dirname, '../../../examples/units.csv');

interface Case {
  seed: number;
  count: number;
  year: number;
  registry: () => UnitRegistry;
  label: string;
}

const CASES: Case[] = [
  { seed: 7, count: 120, year: 2022, registry: hongNguRegistry, label: 'Hồng Ngự 2022' },
  {
    seed: 104,
    count: 60,
    year: 2024,
    registry: () => UnitRegistry.fromCsv(fs.readFileSync(EXAMPLES_UNITS, 'utf8')),
    label: 'examples/units.csv 2024',
  },
];

describe.each(CASES)('import of a generated set (seed $seed, $count files, $label)', (c) => {
  jest.setTimeout(120_000);
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-e2e-gen-'))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('scores 100% against the generated truth, then adds nothing on a second run', async () => {
    const registry = c.registry();
    const reports = path.join(dir, 'reports');
    const started = Date.now();
    const set = await generateReports({
      seed: c.seed,
      count: c.count,
      year: c.year,
      units: registry.all(),
      outDir: reports,
    });
    const generated = Date.now();
    // The hostile files are there.
    const quirks = new Set(set.truth.files.flatMap((f) => f.quirks));
    for (const q of ['byte_identical_copy', 'truncated_zip', 'not_a_zip', 'empty_workbook'])
      expect(quirks).toContain(q);

    const master = path.join(dir, 'master.xlsx');
    const data = emptyMaster();
    data.units = registry.toRows();
    await writeMaster(master, data);
    const store = new XlsxMasterStore(master);
    const now = () => new Date(`${c.year + 1}-01-15T03:00:00Z`);
    const report = await importReports({ inputs: [reports], store, now });
    const imported = Date.now();

    const score = scoreReport(report, set.truth);
    console.log(
      `Điểm so với truth.json (seed ${c.seed}, ${c.count} tệp, ${set.truth.records.length} bản ghi; ` +
        `tạo ${generated - started} ms, nhập ${imported - generated} ms):\n${score.table()}`,
    );
    expect(score.misses()).toEqual([]);
    expect(score.fields.get('records: found')?.total).toBe(set.truth.records.length);

    // A second import of the same folder: every readable file was imported before.
    const before = await readMaster(master);
    const again = await importReports({ inputs: [reports], store, now });
    expect(again.files.map((f) => f.status)).toEqual(
      set.truth.files.map((t) => (t.expect === 'failed' ? 'failed' : 'skipped')),
    );
    expect(again.records).toEqual([]);
    const after = await readMaster(master);
    expect(after.registrations).toEqual(before.registrations);
    expect(after.nominations).toEqual(before.nominations);
  });
});
