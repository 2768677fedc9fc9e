/**
 * End to end on the sample reports: the real CLI (bin/tdkt.js) imports
 * /work/shared/samples/reports into a fresh master, and the JSON report is
 * scored against truth.json field by field. Prints the scores; requires 100%.
 * Skipped when the samples are not on this machine.
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UnitRegistry } from '../../../src/core/units';
import { emptyMaster, readMaster, writeMaster } from '../../../src/node/xlsx-store';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin', 'tdkt.js');
const SAMPLES = '/work/shared/samples/reports';
const TRUTH = path.join(SAMPLES, 'truth.json');
const UNITS = path.join(SAMPLES, 'units.csv');
const HAVE_SAMPLES = fs.existsSync(TRUTH) && fs.existsSync(UNITS);

interface TruthFile {
  file: string;
  expect: 'imported' | 'skipped' | 'failed';
  unit: string | null;
  kind: string | null;
}
interface TruthRecord {
  file: string;
  sheet: string;
  row: number;
  kind: string;
  subject: string;
  name: string;
  position: string | null;
  unit: string;
  award: string | null;
  year: number;
  expect: 'ok' | 'invalid' | 'duplicate' | 'conflict';
  notes?: string[];
}
interface ReportFile {
  path: string;
  status: string;
  unit: string | null;
  kind: string | null;
  message: string;
}
interface ReportRecord {
  file: string;
  sheet: string;
  row: number;
  kind: string;
  subject: string;
  name: string;
  position: string | null;
  unit: string | null;
  award: string | null;
  year: number | null;
  outcome: string;
  problems: Array<{ code: string; message: string }>;
}

const OUTCOME: Record<TruthRecord['expect'], string> = {
  ok: 'added',
  invalid: 'invalid',
  duplicate: 'duplicate',
  conflict: 'conflict',
};

function tdkt(args: string[], cwd: string) {
  const started = Date.now();
  const res = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 300_000 });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr, ms: Date.now() - started };
}

function sha(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

const base = (p: string) => path.basename(p).normalize('NFC');

class Score {
  readonly fields = new Map<string, { ok: number; total: number; misses: string[] }>();
  add(field: string, ok: boolean, what: string): void {
    const s = this.fields.get(field) ?? { ok: 0, total: 0, misses: [] };
    s.total++;
    if (ok) s.ok++;
    else s.misses.push(what);
    this.fields.set(field, s);
  }
  table(): string {
    const lines = ['field                     score'];
    for (const [field, s] of this.fields) {
      const pct = s.total ? ((100 * s.ok) / s.total).toFixed(1) : '100.0';
      lines.push(`${field.padEnd(24)} ${String(s.ok).padStart(4)}/${String(s.total).padEnd(4)} ${pct.padStart(5)}%`);
      for (const m of s.misses.slice(0, 10)) lines.push(`    ✗ ${m}`);
    }
    return lines.join('\n');
  }
  misses(): string[] {
    return [...this.fields].flatMap(([field, s]) => s.misses.map((m) => `${field}: ${m}`));
  }
}

/** Scores a report against the truth; returns the score and a printable table. */
function scoreReport(
  report: { files: ReportFile[]; records: ReportRecord[] },
  truth: { files: TruthFile[]; records: TruthRecord[] },
) {
  const score = new Score();
  const files = new Map(report.files.map((f) => [base(f.path), f]));
  score.add(
    'files: count',
    report.files.length === truth.files.length,
    `${report.files.length} tệp, cần ${truth.files.length}`,
  );
  for (const t of truth.files) {
    const f = files.get(t.file.normalize('NFC'));
    score.add('files: status', f?.status === t.expect, `${t.file}: ${f?.status} ≠ ${t.expect}`);
    score.add('files: unit', (f?.unit ?? null) === t.unit, `${t.file}: ${f?.unit} ≠ ${t.unit}`);
    score.add('files: kind', (f?.kind ?? null) === t.kind, `${t.file}: ${f?.kind} ≠ ${t.kind}`);
  }

  // Pair records by file, sheet and row; two awards on one row are paired by award, then in order.
  const groups = new Map<string, ReportRecord[]>();
  const keyOf = (file: string, sheet: string, row: number) => `${base(file)}|${sheet}|${row}`;
  for (const r of report.records) {
    const k = keyOf(r.file, r.sheet, r.row);
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  for (const t of truth.records) {
    const where = `${t.file} «${t.sheet}» dòng ${t.row} (${t.name}, ${t.award})`;
    const group = groups.get(keyOf(t.file, t.sheet, t.row)) ?? [];
    let i = group.findIndex((r) => r.award === t.award);
    if (i < 0) i = 0;
    const r = group.splice(i, 1)[0];
    score.add('records: found', r !== undefined, where);
    if (!r) continue;
    score.add('records: kind', r.kind === t.kind, `${where}: ${r.kind}`);
    score.add('records: subject', r.subject === t.subject, `${where}: ${r.subject}`);
    score.add('records: name', r.name === t.name, `${where}: “${r.name}”`);
    score.add('records: position', (r.position ?? null) === t.position, `${where}: “${r.position}” ≠ “${t.position}”`);
    score.add('records: unit', r.unit === t.unit, `${where}: ${r.unit}`);
    const awardOk = r.award === t.award || (t.expect === 'invalid' && t.award !== null && (r.award ?? '') === '');
    score.add('records: award', awardOk, `${where}: ${r.award}`);
    score.add('records: year', r.year === t.year, `${where}: ${r.year}`);
    score.add('records: outcome', r.outcome === OUTCOME[t.expect], `${where}: ${r.outcome} ≠ ${OUTCOME[t.expect]}`);
    const wantNote = (t.notes ?? []).includes('not_registered');
    const hasNote = r.problems.some((p) => p.code === 'not_registered');
    score.add(
      'records: not_registered',
      wantNote === hasNote,
      `${where}: ${hasNote ? 'thừa' : 'thiếu'} not_registered`,
    );
  }
  const extra = [...groups.values()].flat();
  score.add(
    'records: no extras',
    extra.length === 0,
    extra.map((r) => `${base(r.file)} «${r.sheet}» dòng ${r.row} ${r.name}`).join('; '),
  );
  return score;
}

(HAVE_SAMPLES ? describe : describe.skip)('tdkt import on the sample reports', () => {
  jest.setTimeout(600_000);
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-e2e-'))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('imports every sample as the truth says (100%), then adds nothing on a second run', async () => {
    const truth = JSON.parse(fs.readFileSync(TRUTH, 'utf8')) as { files: TruthFile[]; records: TruthRecord[] };
    const master = path.join(dir, 'master.xlsx');
    const hashes = fs.readdirSync(SAMPLES).map((f) => [f, sha(path.join(SAMPLES, f))]);
    const timings: string[] = [];

    const hasInit = fs.existsSync(path.join(ROOT, 'scripts', 'commands', 'init.ts'));
    if (hasInit) {
      const init = tdkt(['init', master, '--units', UNITS], dir);
      timings.push(`init: ${init.ms} ms`);
      expect(init.stderr).toBe('');
      expect(init.code).toBe(0);
    } else {
      const data = emptyMaster();
      data.units = UnitRegistry.fromCsv(fs.readFileSync(UNITS, 'utf8')).toRows();
      await writeMaster(master, data);
    }

    const first = tdkt(['import', SAMPLES, '--into', master, '--report', 'report.json'], dir);
    timings.push(`import (16 tệp): ${first.ms} ms`);
    // Some samples are broken on purpose: exit code 1 says so.
    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 1, stderr: '' });
    expect(first.stdout).toContain('KẾT QUẢ NHẬP BÁO CÁO');
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'));
    const score = scoreReport(report, truth);
    console.log(`Điểm so với truth.json:\n${score.table()}\n\n${first.stdout}`);
    expect(score.misses()).toEqual([]);

    const before = await readMaster(master);
    const second = tdkt(['import', SAMPLES, '--into', master, '--report', 'report2.json'], dir);
    timings.push(`import lần 2: ${second.ms} ms`);
    const report2 = JSON.parse(fs.readFileSync(path.join(dir, 'report2.json'), 'utf8')) as {
      files: ReportFile[];
      records: ReportRecord[];
    };
    expect(report2.files.map((f) => f.status)).toEqual(
      truth.files.map((t) => (t.expect === 'failed' ? 'failed' : 'skipped')),
    );
    expect(report2.records).toEqual([]);
    const after = await readMaster(master);
    expect(after.registrations).toEqual(before.registrations);
    expect(after.nominations).toEqual(before.nominations);

    // The samples were only read.
    expect(fs.readdirSync(SAMPLES).map((f) => [f, sha(path.join(SAMPLES, f))])).toEqual(hashes);
    console.log(timings.join('\n'));
  });
});
