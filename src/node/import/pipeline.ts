/**
 * The batch import: find the report files, hash them, read the master, parse
 * the files that are new, reconcile, and write the master once.
 *
 *   inputs ──► files (recursive, .xlsx/.xlsm/.xls, receipt order = file name)
 *          ──► SHA-256 of each (read-only)
 *          ──► master (store.read) ──► unit registry from its «Đơn vị» sheet
 *          ──► parse the files whose content is not imported yet (worker pool)
 *          ──► reconcile (src/core/reconcile, pure)
 *          ──► store.write once (atomic), unless dry run
 *          ──► report
 *
 * Source files are only ever opened for reading.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import {
  applyReconciliation,
  compareFileNames,
  reconcile,
  toImportReport,
  type BatchFile,
  type ImportReport,
  type ReconcileResult,
} from '../../core/reconcile';
import type { Row } from '../../core/contract';
import { UnitRegistry } from '../../core/units';
import { UserError } from '../errors';
import type { MasterStore } from '../master-store';
import type { ParsePool, ParseResult } from './parse-pool';

export type { ImportReport, ReportFile, ReportRecord } from '../../core/reconcile';

export type { ParseResult };

export interface ParseOptions {
  /** Called after each file: how many are done out of how many. */
  onProgress?: (done: number, total: number, path?: string) => void;
}

/** Parses files (in input order); the default runs each in a worker (parse-pool's parseReports). */
export type ParseFunction = (paths: string[], options: ParseOptions) => Promise<ParseResult[]>;

/** The default reader: a ParseFunction whose workers can start before the files to read are known. */
interface PooledParse extends ParseFunction {
  /** Starts the workers for up to `count` files (start-up overlaps reading the master and hashing). */
  warm(count: number): void;
  close(): Promise<void>;
}

/** Limits for the default reader (see parse-pool). */
export interface ReaderLimits {
  /** Files read at the same time (default: the machine's cores). */
  concurrency?: number;
  /** Time limit per file, ms. */
  timeoutMs?: number;
  /** Memory limit per worker, MB. */
  memoryMb?: number;
}

export type ImportPhase = 'scan' | 'hash' | 'read-master' | 'parse' | 'reconcile' | 'write' | 'done';

export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
  /** The file just handled, when there is one. */
  file?: string;
}

export interface ImportOptions {
  /** Files or folders (searched recursively for .xlsx, .xlsm, .xls). */
  inputs: string[];
  store: MasterStore;
  /** Reconcile and report, but write nothing. */
  dryRun?: boolean;
  /** The reader; defaults to parse-pool's parseReports (each file in a worker). */
  parse?: ParseFunction;
  /** Limits for the default reader. */
  limits?: ReaderLimits;
  /** The clock (for importedAt). */
  now?: () => Date;
  onProgress?: (progress: ImportProgress) => void;
  /** Files never to treat as reports even when a folder holds them (the master itself, the report). */
  exclude?: string[];
}

/** Everything an import produced, for callers that need more than the report. */
export interface ImportRun {
  report: ImportReport;
  result: ReconcileResult;
  /** The files in receipt order, as handed to reconciliation. */
  batch: BatchFile[];
  /** True when the master was written. */
  written: boolean;
}

export const REPORT_EXTENSIONS = ['.xlsx', '.xlsm', '.xls'];

function isReportName(name: string): boolean {
  // "~$name.xlsx" is the lock file Excel keeps while a workbook is open, not a report.
  return REPORT_EXTENSIONS.includes(path.extname(name).toLowerCase()) && !name.startsWith('~$');
}

/**
 * The report files the inputs name: files as given, folders searched
 * recursively. Paths stay as the user wrote them (relative stays relative).
 * In receipt order (file name, code point order). Throws a UserError
 * (exit code 2) for a path that does not exist or when nothing is found.
 */
export function collectInputs(inputs: ReadonlyArray<string>, exclude: ReadonlyArray<string> = []): string[] {
  if (inputs.length === 0) {
    throw new UserError('Vui lòng chỉ ra ít nhất một tệp báo cáo Excel hoặc một thư mục chứa các tệp cần nhập.', 2);
  }
  const found: string[] = [];
  const seen = new Set<string>(exclude.map((f) => path.resolve(f)));
  const add = (file: string) => {
    const key = path.resolve(file);
    if (!seen.has(key)) {
      seen.add(key);
      found.push(file);
    }
  };
  const visitedDirs = new Set<string>();
  const walk = (dir: string) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      return;
    }
    if (visitedDirs.has(real)) return;
    visitedDirs.add(real);
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const st = fs.statSync(full);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // a dangling link
        }
      }
      if (isDir) walk(full);
      else if (isFile && isReportName(entry.name)) add(full);
    }
  };
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      throw new UserError(`Không tìm thấy «${input}». Vui lòng kiểm tra lại đường dẫn tệp hoặc thư mục.`, 2);
    }
    if (stat.isDirectory()) {
      const before = found.length;
      walk(input);
      if (found.length === before && inputs.length === 1) {
        throw new UserError(
          `Thư mục «${input}» không có tệp Excel nào (.xlsx, .xlsm, .xls). Vui lòng kiểm tra lại thư mục.`,
          2,
        );
      }
    } else {
      add(input);
    }
  }
  if (found.length === 0) {
    throw new UserError('Không tìm thấy tệp Excel nào (.xlsx, .xlsm, .xls) trong các đường dẫn đã cho.', 2);
  }
  return found.sort(compareFileNames);
}

/** Files up to this size are hashed from one read; larger ones as a stream. */
const WHOLE_READ_BYTES = 8 * 1024 * 1024;
const SYNC_READ_BYTES = 1024 * 1024;

/** SHA-256 (hex) of a file, read-only. */
export async function sha256File(file: string): Promise<string> {
  // A unit's report is a few kB: one synchronous read costs less than the
  // thread-pool round trips of open, stat, read and close.
  if (fs.statSync(file).size <= SYNC_READ_BYTES)
    return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  const handle = await fs.promises.open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size <= WHOLE_READ_BYTES)
      return createHash('sha256')
        .update(await handle.readFile())
        .digest('hex');
  } finally {
    await handle.close();
  }
  return sha256Stream(file);
}

function sha256Stream(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const stream = fs.createReadStream(file, { flags: 'r' });
    stream.on('error', reject);
    stream.on('data', (chunk) => hash.update(chunk));
    stream.on('end', () => resolve(hash.digest('hex')));
  });
}

async function mapLimit<T, R>(items: ReadonlyArray<T>, limit: number, fn: (item: T, i: number) => Promise<R>) {
  const out = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  });
  await Promise.all(workers);
  return out;
}

/** The default reader: parse-pool's worker pool, loaded (and its workers started) only when `warm` or a read asks. */
function defaultParse(limits: ReaderLimits = {}): PooledParse {
  let onProgress: ParseOptions['onProgress'];
  let pool: ParsePool | null = null;
  const open = (): ParsePool => {
    if (!pool) {
      // Loaded here, not at the top: a run with nothing to read never loads the reader.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createParsePool } = require('./parse-pool') as typeof import('./parse-pool');
      pool = createParsePool({ ...limits, onProgress: (p) => onProgress?.(p.done, p.total, p.path) });
    }
    return pool;
  };
  const parse = (async (paths, options) => {
    onProgress = options.onProgress;
    return open().parse(paths);
  }) as PooledParse;
  parse.warm = (count) => {
    if (count > 0) open().warm(count);
  };
  parse.close = async () => {
    const p = pool;
    pool = null;
    await p?.close();
  };
  return parse;
}

/** The unit registry of the master, or a UserError saying how to fill it. */
export function registryOf(units: ReadonlyArray<Row>, storeLabel: string): UnitRegistry {
  const registry = UnitRegistry.fromRows(units);
  if (registry.size === 0) {
    throw new UserError(
      `Bảng tính chính «${storeLabel}» chưa có danh sách đơn vị (trang «Đơn vị» trống), nên chưa thể đối chiếu đơn vị gửi báo cáo. ` +
        `Vui lòng tạo bảng tính chính kèm danh sách đơn vị bằng lệnh: npx tdkt init ${storeLabel} --units units.csv ` +
        '(tệp units.csv có các cột name,kind,cluster,aliases), rồi nhập lại.',
    );
  }
  return registry;
}

/**
 * The progress callback, timing each phase when TDKT_IMPORT_TIMING is set
 * (for profiling: "tdkt import: scan 2 ms, read-master 310 ms, …" on stderr, at the end).
 */
function phaseTimer(progress: (p: ImportProgress) => void): (p: ImportProgress) => void {
  if (!process.env.TDKT_IMPORT_TIMING) return progress;
  const started = process.hrtime.bigint();
  const marks: Array<[ImportPhase, number]> = [];
  return (p) => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (marks.length === 0 || marks[marks.length - 1][0] !== p.phase) marks.push([p.phase, ms]);
    if (p.phase === 'done') {
      const parts = marks.slice(0, -1).map(([phase, at], i) => `${phase} ${Math.round(marks[i + 1][1] - at)} ms`);
      process.stderr.write(`tdkt import: ${parts.join(', ')}; tổng ${Math.round(ms)} ms\n`);
    }
    progress(p);
  };
}

/** Runs an import and returns everything it produced. */
export async function runImport(options: ImportOptions): Promise<ImportRun> {
  const progress = phaseTimer(options.onProgress ?? (() => undefined));
  const now = options.now ?? (() => new Date());

  progress({ phase: 'scan', done: 0, total: options.inputs.length });
  const paths = collectInputs(options.inputs, options.exclude);
  const pooled = options.parse ? null : defaultParse(options.limits);
  try {
    // The workers start now: their start-up overlaps reading the master and hashing the files.
    pooled?.warm(paths.length);
    return await importWith(options, paths, pooled ?? (options.parse as ParseFunction), progress, now);
  } finally {
    await pooled?.close();
  }
}

async function importWith(
  options: ImportOptions,
  paths: string[],
  parse: ParseFunction,
  progress: (p: ImportProgress) => void,
  now: () => Date,
): Promise<ImportRun> {
  // The files are hashed while the master is read (both mostly wait for the disk);
  // the hash phase is shown once the master is in.
  let hashed = 0;
  let showHashes = false;
  const hashing = mapLimit(paths, 4, async (file) => {
    let result: { sha: string | null; error?: string };
    try {
      result = { sha: await sha256File(file) };
    } catch (err) {
      result = { sha: null, error: (err as Error).message };
    }
    hashed++;
    if (showHashes) progress({ phase: 'hash', done: hashed, total: paths.length, file });
    return result;
  });
  progress({ phase: 'read-master', done: 0, total: 1 });
  const master = await options.store.read();
  const registry = registryOf(master.units, options.store.label);
  progress({ phase: 'read-master', done: 1, total: 1 });
  progress({ phase: 'hash', done: hashed, total: paths.length });
  showHashes = true;
  const hashes = await hashing;

  // Only contents not imported before (and not repeated in this batch) are parsed.
  const importedBefore = new Set(
    master.importLog.filter((r) => r.status === 'imported' && r.sha256).map((r) => String(r.sha256).toLowerCase()),
  );
  const toParse: number[] = [];
  const seenInBatch = new Set<string>();
  paths.forEach((_, i) => {
    const sha = hashes[i].sha;
    if (sha === null) return;
    if (importedBefore.has(sha) || seenInBatch.has(sha)) return;
    seenInBatch.add(sha);
    toParse.push(i);
  });

  const parsePaths = toParse.map((i) => paths[i]);
  progress({ phase: 'parse', done: 0, total: parsePaths.length });
  const parsed =
    parsePaths.length === 0
      ? []
      : await parse(parsePaths, {
          onProgress: (done, total, file) => progress({ phase: 'parse', done, total, file }),
        });
  if (parsed.length !== parsePaths.length) {
    throw new Error(`The reader returned ${parsed.length} results for ${parsePaths.length} files.`);
  }
  const byIndex = new Map<number, ParseResult>();
  toParse.forEach((i, k) => byIndex.set(i, parsed[k]));

  const batch: BatchFile[] = paths.map((file, i) => {
    const hash = hashes[i];
    if (hash.sha === null) {
      return {
        path: file,
        sha256: null,
        failure: {
          file,
          sha256: null,
          message: `Không mở được tệp «${path.basename(file)}» để đọc: ${hash.error ?? 'lỗi không rõ'}. Vui lòng kiểm tra quyền đọc tệp.`,
        },
      };
    }
    const res = byIndex.get(i);
    if (!res) return { path: file, sha256: hash.sha };
    return res.ok
      ? { path: file, sha256: hash.sha, file: res.file }
      : { path: file, sha256: hash.sha, failure: res.failure };
  });

  progress({ phase: 'reconcile', done: 0, total: 1 });
  const result = reconcile(registry, master, batch, { importedAt: now().toISOString() });
  progress({ phase: 'reconcile', done: 1, total: 1 });

  let written = false;
  if (!options.dryRun) {
    progress({ phase: 'write', done: 0, total: 1 });
    await options.store.write(applyReconciliation(master, result));
    written = true;
    progress({ phase: 'write', done: 1, total: 1 });
  }
  progress({ phase: 'done', done: 1, total: 1 });
  return { report: toImportReport(result), result, batch, written };
}

/** Imports the reports into the master (once, atomically) and returns the report. */
export async function importReports(options: ImportOptions): Promise<ImportReport> {
  return (await runImport(options)).report;
}
