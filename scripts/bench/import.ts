/**
 * Benchmark section "import": `tdkt import` of a folder of realistic unit
 * reports (the sample generator, src/node/samples: 200 files, or 1,000 with
 * `npm run bench -- import --large` or TDKT_BENCH_IMPORT_FILES=1000, hostile
 * files mixed in as units send them) into a fresh master, against the floor
 * of loading the same files one by one with bare exceljs in this process
 * (`new ExcelJS.Workbook().xlsx.readFile`), measured in the same run: five
 * rounds (TDKT_BENCH_ROUNDS) of floor then import, medians reported, with each
 * round's own ratio.
 *
 * The import runs as the user runs it: a child process `node bin/tdkt.js
 * import <folder> --into <master.xlsx>` (CLI start-up, the worker pool on the
 * machine's cores, reconciliation and the master write included), wall time.
 * Its peak resident memory (worker threads included: they share the process)
 * comes from process.resourceUsage().maxRSS, read at exit by a small preload
 * (`node -r`).
 */
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { hongNguRegistry } from '../../src/core/units';
import { defaultConcurrency } from '../../src/node/import/parse-pool';
import { generateReports } from '../../src/node/samples';
import { emptyMaster, writeMaster } from '../../src/node/xlsx-store';
import type { BenchSection } from './types';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'tdkt.js');
const SEED = 2022;

/** Files to generate: --large (1,000), TDKT_BENCH_IMPORT_FILES, else 200. */
function fileCount(): number {
  const fromEnv = Number(process.env.TDKT_BENCH_IMPORT_FILES);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return process.argv.includes('--large') ? 1000 : 200;
}

/** Rounds of floor and import: TDKT_BENCH_ROUNDS, else 5. */
function rounds(): number {
  const fromEnv = Number(process.env.TDKT_BENCH_ROUNDS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 5;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Preload for the child: writes its peak RSS (kB, the whole process) to the file named in TDKT_BENCH_RSS_FILE. */
const RSS_HOOK = `'use strict';
process.on('exit', () => {
  const out = process.env.TDKT_BENCH_RSS_FILE;
  if (out) require('fs').writeFileSync(out, String(process.resourceUsage().maxRSS));
});
`;

interface Child {
  code: number | null;
  ms: number;
  stdout: string;
  stderr: string;
  /** Peak resident set size, kB (null when the child did not report it). */
  maxRssKb: number | null;
}

function runCli(
  args: string[],
  hook: string,
  rssFile: string,
  cwd: string,
  env: Record<string, string> = {},
): Promise<Child> {
  fs.rmSync(rssFile, { force: true });
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-r', hook, BIN, ...args], {
      cwd,
      env: { ...process.env, ...env, TDKT_BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const rss = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) : NaN;
      resolve({ code, ms, stdout, stderr, maxRssKb: Number.isFinite(rss) ? rss : null });
    });
  });
}

/**
 * The floor's child: exceljs loaded and warmed on the first ten files, then
 * each file loaded into memory, one after the other (unreadable ones fail fast
 * and count), timed. A fresh process each round, as the import is: in the
 * bench's own process exceljs would get faster round after round.
 */
const FLOOR_SCRIPT = `'use strict';
const fs = require('fs');
const ExcelJS = require(process.argv[2]);
const files = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const load = async (list) => {
  for (const file of list) {
    try {
      await new ExcelJS.Workbook().xlsx.readFile(file);
    } catch {
      // a truncated zip or a text file named .xlsx: exceljs rejects it, as the importer does
    }
  }
};
void (async () => {
  await load(files.slice(0, 10));
  const started = process.hrtime.bigint();
  await load(files);
  process.stdout.write(String(Number(process.hrtime.bigint() - started) / 1e6));
})();
`;

function floorMs(script: string, list: string): number {
  const out = execFileSync(process.execPath, [script, require.resolve('exceljs'), list], { encoding: 'utf8' });
  const ms = Number(out);
  if (!Number.isFinite(ms)) throw new Error(`floor: unexpected output ${out.slice(0, 200)}`);
  return ms;
}

export async function benchImport(): Promise<BenchSection> {
  const count = fileCount();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-bench-import-'));
  try {
    const reports = path.join(dir, 'reports');
    const registry = hongNguRegistry();
    await generateReports({ seed: SEED, count, year: 2022, units: registry.all(), outDir: reports, writeUnits: false });
    fs.rmSync(path.join(reports, 'truth.json'));
    const files = fs
      .readdirSync(reports)
      .filter((f) => f.endsWith('.xlsx'))
      .sort()
      .map((f) => path.join(reports, f));
    const megabytes = files.reduce((n, f) => n + fs.statSync(f).size, 0) / (1024 * 1024);
    const master = path.join(dir, 'master.xlsx');
    const data = emptyMaster();
    data.units = registry.toRows();
    await writeMaster(master, data);
    const hook = path.join(dir, 'rss-hook.js');
    fs.writeFileSync(hook, RSS_HOOK);
    const rssFile = path.join(dir, 'rss.txt');

    const floorScript = path.join(dir, 'floor.js');
    fs.writeFileSync(floorScript, FLOOR_SCRIPT);
    const list = path.join(dir, 'files.json');
    fs.writeFileSync(list, JSON.stringify(files));
    const startup = await runCli(['--help'], hook, rssFile, dir);

    // Rounds of floor then import (each into a fresh copy of the new master): a shared
    // machine's noise moves single runs by a third; the medians are reported.
    const floors: number[] = [];
    const runs: Child[] = [];
    for (let round = 0; round < rounds(); round++) {
      floors.push(floorMs(floorScript, list));
      const into = path.join(dir, `master-${round}.xlsx`);
      fs.copyFileSync(master, into);
      // TDKT_IMPORT_TIMING: the import prints the time of each step (pipeline.ts), shown in the note.
      runs.push(
        await runCli(['import', reports, '--into', into, '--report', 'report.json'], hook, rssFile, dir, {
          TDKT_IMPORT_TIMING: '1',
        }),
      );
    }
    const floor = median(floors);
    const run = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)];
    const ratios = runs.map((r, i) => r.ms / floors[i]).sort((a, b) => a - b);
    const steps = /tdkt import: ([^\n]*)/.exec(run.stderr)?.[1];
    for (const r of runs) {
      if (r.code !== 0 && r.code !== 1)
        throw new Error(`tdkt import exited with code ${r.code}: ${r.stderr.slice(0, 2000)}`);
    }
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as {
      files: Array<{ status: string }>;
      records: unknown[];
    };
    if (report.files.length !== files.length) {
      throw new Error(`tdkt import reported ${report.files.length} files of ${files.length}`);
    }
    const imported = report.files.filter((f) => f.status === 'imported').length;
    const cores = defaultConcurrency();
    const peakKb = Math.max(...runs.map((r) => r.maxRssKb ?? NaN));
    const rssMb = Number.isFinite(peakKb) ? peakKb / 1024 : NaN;
    const fmt = (r: number) => r.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

    return {
      title:
        `Nhập báo cáo: tdkt import ${count.toLocaleString('vi-VN')} tệp sinh ngẫu nhiên ` +
        `(${megabytes.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB; ${imported} đọc được, ` +
        `${report.records.length.toLocaleString('vi-VN')} bản ghi) vào bảng tính chính mới, máy ${cores} nhân`,
      rows: [
        {
          name: `Sàn: exceljs đọc lần lượt từng tệp vào bộ nhớ (một luồng, tiến trình mới mỗi lượt, đã nạp exceljs; trung vị ${floors.length} lượt)`,
          value: floor,
          unit: 'ms',
        },
        {
          name: `tdkt import (tiến trình riêng: khởi động, đọc song song, đối chiếu, ghi bảng tính chính; trung vị ${runs.length} lượt)`,
          value: run.ms,
          unit: 'ms',
          ratio: run.ms / floor,
          note:
            'tỷ lệ = thời gian nhập / thời gian của sàn; mục tiêu ≤ 1 trên máy 2 nhân; ' +
            `tỷ lệ từng lượt (nhập / sàn của cùng lượt): ${ratios.map(fmt).join(' · ')}` +
            (steps ? `; các bước của lượt trung vị: ${steps}` : ''),
        },
        { name: 'Tốc độ nhập', value: (count * 1000) / run.ms, unit: 'tệp/giây' },
        {
          name: 'Bộ nhớ đỉnh (RSS) của tiến trình nhập, gồm các luồng đọc (lớn nhất các lượt)',
          value: rssMb,
          unit: 'MB',
        },
        { name: 'Khởi động CLI (tdkt --help)', value: startup.ms, unit: 'ms' },
      ],
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Run alone: `node bin/run-ts.js scripts/bench/import.ts [--large]`.
if (process.argv[1] === __filename) {
  void benchImport().then((section) => {
    console.log(section.title);
    for (const row of section.rows) {
      const ratio = row.ratio === undefined ? '' : ` (tỷ lệ ${row.ratio.toFixed(2)})`;
      console.log(`  ${row.name}: ${Math.round(row.value * 10) / 10} ${row.unit}${ratio}`);
    }
  });
}
