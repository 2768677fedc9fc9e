/**
 * Benchmark section "import": `tdkt import` of a folder of realistic unit
 * reports (the sample generator, src/node/samples: 200 files, or 1,000 with
 * `npm run bench -- import --large` or TDKT_BENCH_IMPORT_FILES=1000, hostile
 * files mixed in as units send them) into a fresh master, against the floor
 * of loading the same files one by one with bare exceljs in this process
 * (`new ExcelJS.Workbook().xlsx.readFile`), measured in the same run.
 *
 * The import runs as the user runs it: a child process `node bin/tdkt.js
 * import <folder> --into <master.xlsx>` (CLI start-up, the worker pool on the
 * machine's cores, reconciliation and the master write included), wall time.
 * Its peak resident memory (worker threads included: they share the process)
 * comes from process.resourceUsage().maxRSS, read at exit by a small preload
 * (`node -r`).
 */
import { spawn } from 'child_process';
import ExcelJS from 'exceljs';
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

/** Bare exceljs: each file loaded into memory, one after the other (unreadable ones fail fast and count). */
async function floorMs(files: string[]): Promise<number> {
  const started = process.hrtime.bigint();
  for (const file of files) {
    try {
      await new ExcelJS.Workbook().xlsx.readFile(file);
    } catch {
      // a truncated zip or a text file named .xlsx: exceljs rejects it, as the importer does
    }
  }
  return Number(process.hrtime.bigint() - started) / 1e6;
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

    // The files were just written (page cache warm); warm exceljs's modules in this process too.
    await floorMs(files.slice(0, 10));
    const startup = await runCli(['--help'], hook, rssFile, dir);

    const floor = await floorMs(files);
    // TDKT_IMPORT_TIMING: the import prints the time of each step (pipeline.ts), shown in the note.
    const run = await runCli(['import', reports, '--into', master, '--report', 'report.json'], hook, rssFile, dir, {
      TDKT_IMPORT_TIMING: '1',
    });
    const steps = /tdkt import: ([^\n]*)/.exec(run.stderr)?.[1];
    if (run.code !== 0 && run.code !== 1) {
      throw new Error(`tdkt import exited with code ${run.code}: ${run.stderr.slice(0, 2000)}`);
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
    const rssMb = run.maxRssKb === null ? NaN : run.maxRssKb / 1024;

    return {
      title:
        `Nhập báo cáo: tdkt import ${count.toLocaleString('vi-VN')} tệp sinh ngẫu nhiên ` +
        `(${megabytes.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB; ${imported} đọc được, ` +
        `${report.records.length.toLocaleString('vi-VN')} bản ghi) vào bảng tính chính mới, máy ${cores} nhân`,
      rows: [
        {
          name: 'Sàn: exceljs đọc lần lượt từng tệp vào bộ nhớ (một luồng, trong tiến trình này)',
          value: floor,
          unit: 'ms',
        },
        {
          name: 'tdkt import (tiến trình riêng: khởi động, đọc song song, đối chiếu, ghi bảng tính chính)',
          value: run.ms,
          unit: 'ms',
          ratio: run.ms / floor,
          note:
            'tỷ lệ = thời gian nhập / thời gian của sàn; mục tiêu ≤ 1 trên máy 2 nhân' +
            (steps ? `; các bước trong tiến trình: ${steps}` : ''),
        },
        { name: 'Tốc độ nhập', value: (count * 1000) / run.ms, unit: 'tệp/giây' },
        {
          name: 'Bộ nhớ đỉnh (RSS) của tiến trình nhập, gồm các luồng đọc',
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
