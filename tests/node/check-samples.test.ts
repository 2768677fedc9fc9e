/**
 * `tdkt check` end to end on the sample reports: the real CLI (bin/tdkt.js)
 * builds a master from ../shared/samples/reports (init + import, in a temp
 * folder), then checks it with --report. Against truth.json:
 *
 * - every planted problem is reported on its record: award missing
 *   (award.missing), award not in the catalogue (award.catalogue), a CSTĐCS
 *   nomination without registration (`not_registered`: an error of rule
 *   registration), a conflict between files (record.conflict, an error, read
 *   from the import's discrepancies since the import keeps the row out of the
 *   master), a duplicate (record.duplicate);
 * - no 'error' finding on a record whose truth is `ok` without notes, nor on
 *   any row that is not a record of the truth (e.g. the skipped copy).
 *
 * Prints the findings by rule and severity. Skipped when the samples are not
 * on this machine.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SAMPLE_REPORTS } from '../support/shared';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'tdkt.js');
const SAMPLES = SAMPLE_REPORTS;
const TRUTH = path.join(SAMPLES, 'truth.json');
const UNITS = path.join(SAMPLES, 'units.csv');
const HAVE_SAMPLES = fs.existsSync(TRUTH) && fs.existsSync(UNITS);

interface TruthRecord {
  file: string;
  sheet: string;
  row: number;
  kind: 'nomination' | 'registration';
  name: string;
  unit: string;
  award: string | null;
  year: number;
  expect: 'ok' | 'invalid' | 'duplicate' | 'conflict';
  notes?: string[];
}
interface Finding {
  file: string | null;
  sheet: string | null;
  row: number | null;
  name: string;
  unit: string;
  award: string;
  year: number | null;
  rule: string;
  article: string;
  severity: 'error' | 'warning' | 'document';
  message: string;
}

const SEVERITIES: ReadonlyArray<Finding['severity']> = ['error', 'warning', 'document'];

function tdkt(args: string[], cwd: string) {
  const res = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 300_000 });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

const base = (p: string) => path.basename(p).normalize('NFC');
const place = (file: string, sheet: string | null, row: number | null) => `${base(file)}|${sheet ?? ''}|${row ?? ''}`;
const describeRecord = (t: TruthRecord) => `${t.file} «${t.sheet}» dòng ${t.row} (${t.name}, ${t.award ?? '—'})`;
const describeFinding = (f: Finding) =>
  `${f.file ? base(f.file) : 'nhập tay'} «${f.sheet}» dòng ${f.row} (${f.name}, ${f.award || '—'}): ${f.rule} [${f.severity}]`;

/** Findings by rule and severity, as a small text table. */
function table(findings: Finding[]): string {
  const rows = new Map<string, Record<Finding['severity'], number>>();
  for (const f of findings) {
    const r = rows.get(f.rule) ?? { error: 0, warning: 0, document: 0 };
    r[f.severity]++;
    rows.set(f.rule, r);
  }
  const width = Math.max(4, ...[...rows.keys()].map((k) => k.length));
  const line = (rule: string, cells: ReadonlyArray<string | number>) =>
    `${rule.padEnd(width)}  ${cells.map((c) => String(c).padStart(8)).join('  ')}`;
  const total = { error: 0, warning: 0, document: 0 };
  const out = [
    line('rule', SEVERITIES),
    line(
      '-'.repeat(width),
      SEVERITIES.map(() => '--------'),
    ),
  ];
  for (const [rule, r] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(
      line(
        rule,
        SEVERITIES.map((s) => r[s]),
      ),
    );
    for (const s of SEVERITIES) total[s] += r[s];
  }
  out.push(
    line(
      'total',
      SEVERITIES.map((s) => total[s]),
    ),
  );
  return out.join('\n');
}

(HAVE_SAMPLES ? describe : describe.skip)('tdkt check on a master built from the sample reports', () => {
  jest.setTimeout(600_000);
  let dir: string;
  let truth: TruthRecord[];
  let findings: Finding[];
  /** The truth records of a finding: same file, sheet and row; by award when the row has two. */
  let recordsOf: (f: Finding) => TruthRecord[];
  /** The findings on a truth record. */
  let findingsOn: (t: TruthRecord) => Finding[];

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-check-samples-'));
    const master = path.join(dir, 'master.xlsx');
    const init = tdkt(['init', master, '--units', UNITS], dir);
    expect({ code: init.code, stderr: init.stderr }).toEqual({ code: 0, stderr: '' });
    const imported = tdkt(['import', SAMPLES, '--into', master], dir);
    // Some samples are broken on purpose: the import exits with 1.
    expect({ code: imported.code, stderr: imported.stderr }).toEqual({ code: 1, stderr: '' });
    const checked = tdkt(['check', '--into', master, '--report', 'check.json'], dir);
    // The planted problems are errors: exit code 1.
    expect({ code: checked.code, stderr: checked.stderr }).toEqual({ code: 1, stderr: '' });
    expect(checked.stdout).toContain('KẾT QUẢ KIỂM TRA ĐIỀU KIỆN KHEN THƯỞNG');

    const report = JSON.parse(fs.readFileSync(path.join(dir, 'check.json'), 'utf8')) as { findings: Finding[] };
    expect(Object.keys(report)).toEqual(['findings']);
    findings = report.findings;
    truth = (JSON.parse(fs.readFileSync(TRUTH, 'utf8')) as { records: TruthRecord[] }).records.filter(
      (r) => r.kind === 'nomination',
    );
    const byPlace = new Map<string, TruthRecord[]>();
    for (const t of truth)
      byPlace.set(place(t.file, t.sheet, t.row), [...(byPlace.get(place(t.file, t.sheet, t.row)) ?? []), t]);
    recordsOf = (f) => {
      const here = f.file ? (byPlace.get(place(f.file, f.sheet, f.row)) ?? []) : [];
      if (here.length <= 1) return here;
      const same = here.filter((t) => (t.award ?? '') === f.award);
      return same.length ? same : here;
    };
    findingsOn = (t) => findings.filter((f) => recordsOf(f).includes(t));

    console.log(`Kết quả «tdkt check» trên các tệp mẫu (${findings.length} kết quả):\n${table(findings)}`);
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the report’s shape', () => {
    for (const f of findings) {
      expect(Object.keys(f)).toEqual([
        'file',
        'sheet',
        'row',
        'name',
        'unit',
        'award',
        'year',
        'rule',
        'article',
        'severity',
        'message',
      ]);
      expect(SEVERITIES).toContain(f.severity);
      expect(f.message.length).toBeGreaterThan(40);
    }
  });

  it('reports a missing award and an award not in the catalogue on their records', () => {
    const invalid = truth.filter((t) => t.expect === 'invalid');
    expect(invalid.length).toBeGreaterThan(0);
    const missed: string[] = [];
    for (const t of invalid) {
      const rule = t.award === null ? 'award.missing' : 'award.catalogue';
      const found = findingsOn(t).filter((f) => f.rule === rule && f.severity === 'error');
      if (found.length === 0) missed.push(`${describeRecord(t)}: thiếu ${rule}`);
      else expect(found[0]).toMatchObject({ name: t.name, unit: t.unit, year: t.year });
    }
    expect(missed).toEqual([]);
  });

  it('reports every CSTĐCS nomination without registration (not_registered) as an error', () => {
    const planted = truth.filter((t) => (t.notes ?? []).includes('not_registered'));
    expect(planted.length).toBeGreaterThan(0);
    const missed = planted
      .filter((t) => !findingsOn(t).some((f) => f.rule === 'registration' && f.severity === 'error'))
      .map(describeRecord);
    expect(missed).toEqual([]);
  });

  it('reports conflicts between files as errors, and duplicates, on their records', () => {
    const conflicts = truth.filter((t) => t.expect === 'conflict');
    expect(conflicts.length).toBeGreaterThan(0);
    expect(
      conflicts
        .filter((t) => !findingsOn(t).some((f) => f.rule === 'record.conflict' && f.severity === 'error'))
        .map(describeRecord),
    ).toEqual([]);
    const duplicates = truth.filter((t) => t.expect === 'duplicate');
    expect(
      duplicates.filter((t) => !findingsOn(t).some((f) => f.rule === 'record.duplicate')).map(describeRecord),
    ).toEqual([]);
  });

  it('gives no error on a clean record, nor on a row that is not a record of the truth', () => {
    const clean = new Set(truth.filter((t) => t.expect === 'ok' && !(t.notes ?? []).length));
    const falseErrors = findings
      .filter((f) => f.severity === 'error')
      .filter((f) => {
        const records = recordsOf(f);
        return records.length === 0 || records.some((t) => clean.has(t));
      })
      .map(describeFinding);
    expect(falseErrors).toEqual([]);
    // The skipped byte-identical copy adds nothing.
    expect(findings.filter((f) => f.file && base(f.file).startsWith('07_')).map(describeFinding)).toEqual([]);
  });
});
