import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DECISION_YEARS, makeDecisionExamples, makeExamples } from '../../../scripts/make-examples';
import { importReports } from '../../../src/node/import/pipeline';
import { XlsxMasterStore } from '../../../src/node/master-store';
import { emptyMaster, readMaster, writeMaster } from '../../../src/node/xlsx-store';
import { examplesRegistry } from './support';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-examples-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test('makeExamples writes 24 reports of 2024 for the units of examples/units.csv', async () => {
  const set = await makeExamples(dir);
  const xlsx = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx'));
  expect(xlsx).toHaveLength(24);
  expect(fs.existsSync(path.join(dir, 'truth.json'))).toBe(true);
  expect(fs.existsSync(path.join(dir, 'units.csv'))).toBe(false); // examples/units.csv is the registry
  const truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8'));
  expect(truth.year).toBe(2024);
  expect(truth.generator).toEqual({ name: 'tdkt-samples', seed: 2024, files: 24 });
  expect(truth.units).toEqual(
    examplesRegistry()
      .all()
      .map((u) => u.name),
  );
  const units = new Set(truth.units);
  for (const f of set.truth.files) if (f.unit !== null) expect(units.has(f.unit)).toBe(true);
  expect(truth.records.every((r: { year: number }) => r.year === 2024)).toBe(true);
});

test('a second run replaces the reports of the first and leaves other files alone', async () => {
  await makeExamples(dir, { count: 30, seed: 1 });
  fs.writeFileSync(path.join(dir, 'ghi-chu.txt'), 'của người dùng');
  const second = await makeExamples(dir, { count: 12, seed: 2 });
  const xlsx = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx'));
  expect(xlsx.sort()).toEqual(second.files.map((f) => f.name).sort());
  expect(fs.existsSync(path.join(dir, 'ghi-chu.txt'))).toBe(true);
});

test('makeDecisionExamples writes the lists of two past decisions, which import into the award history', async () => {
  const lists = await makeDecisionExamples(dir);
  expect(lists.map((l) => l.records[0].year)).toEqual(DECISION_YEARS);
  expect(fs.readdirSync(dir).sort()).toEqual(lists.map((l) => l.name).sort());
  const master = path.join(dir, 'master.xlsx');
  const data = emptyMaster();
  data.units = examplesRegistry().toRows();
  await writeMaster(master, data);
  const report = await importReports({
    inputs: lists.map((l) => path.join(dir, l.name)),
    store: new XlsxMasterStore(master),
  });
  expect(report.files.map((f) => [f.status, f.kind])).toEqual(lists.map(() => ['imported', 'award']));
  expect(report.records.every((r) => r.kind === 'award' && r.outcome === 'added')).toBe(true);
  const history = (await readMaster(master)).awardHistory;
  expect(history).toHaveLength(lists.reduce((n, l) => n + l.records.length, 0));
  expect(new Set(history.map((r) => r.year))).toEqual(new Set(DECISION_YEARS));
});
