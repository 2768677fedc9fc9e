/**
 * End to end on the sample reports: the real CLI (bin/tdkt.js) imports
 * ../shared/samples/reports into a fresh master, and the JSON report is
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
import { scoreReport, type ReportSet, type TruthSet } from './score';
import { SAMPLE_REPORTS } from '../../support/shared';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin', 'tdkt.js');
const SAMPLES = SAMPLE_REPORTS;
const TRUTH = path.join(SAMPLES, 'truth.json');
const UNITS = path.join(SAMPLES, 'units.csv');
const HAVE_SAMPLES = fs.existsSync(TRUTH) && fs.existsSync(UNITS);

function tdkt(args: string[], cwd: string) {
  const started = Date.now();
  const res = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 300_000 });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr, ms: Date.now() - started };
}

function sha(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

(HAVE_SAMPLES ? describe : describe.skip)('tdkt import on the sample reports', () => {
  jest.setTimeout(600_000);
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-e2e-'))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('imports every sample as the truth says (100%), then adds nothing on a second run', async () => {
    const truth = JSON.parse(fs.readFileSync(TRUTH, 'utf8')) as TruthSet;
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
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as ReportSet;
    const score = scoreReport(report, truth);
    console.log(`Điểm so với truth.json:\n${score.table()}\n\n${first.stdout}`);
    expect(score.misses()).toEqual([]);

    const before = await readMaster(master);
    const second = tdkt(['import', SAMPLES, '--into', master, '--report', 'report2.json'], dir);
    timings.push(`import lần 2: ${second.ms} ms`);
    const report2 = JSON.parse(fs.readFileSync(path.join(dir, 'report2.json'), 'utf8')) as ReportSet;
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
