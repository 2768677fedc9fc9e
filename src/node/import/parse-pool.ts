/**
 * Reads many unit reports in parallel, each in a worker thread with a memory
 * limit and a per-file time limit, so that one hostile or broken file fails
 * alone:
 *
 * - as many workers as cores (`os.availableParallelism()`), reused from file
 *   to file (a worker's start-up — loading the reader — is paid once);
 * - a file that takes longer than `timeoutMs` has its worker terminated and
 *   is reported failed ("quá thời gian xử lý …"); a worker that runs out of
 *   memory or crashes fails its file only; the next file gets a fresh worker;
 * - results come back in input order.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { ExtractedFile, FailedFile } from '../../core/reconcile/types';
import type { ReadOptions } from './read';

export type ParseResult =
  { path: string; ok: true; file: ExtractedFile } | { path: string; ok: false; failure: FailedFile };

export interface ParseProgress {
  /** Files finished so far (this one included) and in all. */
  done: number;
  total: number;
  path: string;
  ok: boolean;
  /** Time spent on this file, ms. */
  ms: number;
}

export interface ParseOptions {
  /** Workers at most (default: the machine's available parallelism). */
  concurrency?: number;
  /** Time limit per file, ms (default 60 000). */
  timeoutMs?: number;
  /** Heap limit per worker, MB (default 512). */
  memoryMb?: number;
  onProgress?: (progress: ParseProgress) => void;
  /** Called when a worker is ready, with its start-up time (ms). */
  onWorkerReady?: (startupMs: number) => void;
  /** Options for the reader in each worker (must be cloneable). */
  read?: Omit<ReadOptions, 'displayName'>;
  /** The worker entry file (tests replace it); default ./worker.js. */
  workerEntry?: string;
  /** Time limit for a worker to start, ms (default 60 000). */
  startupTimeoutMs?: number;
  /**
   * How a worker loads the TypeScript sources: 'auto' (esbuild when installed,
   * else ts-node) or 'ts-node' (bin/register-ts.js, as the CLI). See worker.js.
   */
  loader?: 'auto' | 'ts-node';
}

/** Messages between the pool and its workers. */
export type WorkerRequest = { type: 'read'; id: number; path: string; options?: ReadOptions };
export type WorkerReply =
  | { type: 'ready'; startupMs: number | null }
  | { type: 'done'; id: number; ok: true; file: ExtractedFile }
  | { type: 'done'; id: number; ok: false; failure: FailedFile };

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MEMORY_MB = 512;
const DEFAULT_ENTRY = path.join(__dirname, 'worker.js');

/** SHA-256 of a file, or null when it cannot be read. */
async function hashFile(file: string): Promise<string | null> {
  return new Promise((resolve) => {
    const hash = createHash('sha256');
    const stream = fs.createReadStream(file);
    stream.on('data', (chunk) => hash.update(chunk));
    stream.on('error', () => resolve(null));
    stream.on('end', () => resolve(hash.digest('hex')));
  });
}

interface Running {
  worker: Worker;
  startupMs: number;
}

class Slot {
  private running: Running | null = null;
  private nextId = 1;

  constructor(
    private readonly entry: string,
    private readonly memoryMb: number,
    private readonly startupTimeoutMs: number,
    private readonly loader: 'auto' | 'ts-node',
    private readonly onReady?: (ms: number) => void,
  ) {}

  private closed = false;

  /** A worker starting (see `start`), not yet handed out. */
  private starting: Promise<Worker> | null = null;

  /** Starts a worker now, so that its start-up overlaps other work; `read` will use it. */
  start(): void {
    if (this.running || this.starting) return;
    const starting = this.spawn();
    this.starting = starting;
    starting.then(
      () => {
        // Ready: `running` holds it now.
        if (this.starting === starting) this.starting = null;
      },
      () => undefined, // a failed start is reported by the `read` that awaits it
    );
  }

  /** A ready worker: the current one, the one starting, or a fresh one. */
  private async worker(): Promise<Worker> {
    if (this.running) return this.running.worker;
    if (this.starting) {
      const starting = this.starting;
      this.starting = null;
      return starting;
    }
    return this.spawn();
  }

  private async spawn(): Promise<Worker> {
    const startedAt = Date.now();
    const worker = new Worker(this.entry, {
      workerData: { startedAt, loader: this.loader },
      resourceLimits: {
        maxOldGenerationSizeMb: this.memoryMb,
        maxYoungGenerationSizeMb: Math.min(64, this.memoryMb / 4),
      },
      stdout: false,
      stderr: false,
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        void worker.terminate();
        reject(new Error(`worker did not start within ${this.startupTimeoutMs} ms`));
      }, this.startupTimeoutMs);
      const onMessage = (m: WorkerReply): void => {
        if (m.type !== 'ready') return;
        cleanup();
        resolve();
      };
      const onError = (e: Error): void => {
        cleanup();
        reject(e);
      };
      const onExit = (code: number): void => {
        cleanup();
        reject(new Error(`worker exited with code ${code} while starting`));
      };
      const cleanup = (): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
    if (this.closed) {
      // Closed while it was starting: nobody will use or stop it.
      void worker.terminate().catch(() => undefined);
      throw new Error('the pool was closed');
    }
    const startupMs = Date.now() - startedAt;
    this.running = { worker, startupMs };
    this.onReady?.(startupMs);
    return worker;
  }

  private drop(worker: Worker): void {
    if (this.running?.worker === worker) this.running = null;
    void worker.terminate().catch(() => undefined);
  }

  async read(file: string, timeoutMs: number, memoryMb: number, options?: ReadOptions): Promise<ParseResult> {
    const name = path.basename(file);
    const fail = async (message: string): Promise<ParseResult> => ({
      path: file,
      ok: false,
      failure: { file, sha256: await hashFile(file), message },
    });
    let worker: Worker;
    try {
      worker = await this.worker();
    } catch (e) {
      return fail(`Tệp «${name}»: không khởi động được tiến trình đọc tệp (${(e as Error).message}); xin thử lại.`);
    }
    const id = this.nextId++;
    type Outcome =
      | { kind: 'reply'; reply: WorkerReply }
      | { kind: 'timeout' }
      | { kind: 'error'; error: Error }
      | { kind: 'exit'; code: number };
    const outcome = await new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
      const onMessage = (m: WorkerReply): void => {
        if (m.type === 'done' && m.id === id) finish({ kind: 'reply', reply: m });
      };
      const onError = (error: Error): void => finish({ kind: 'error', error });
      const onExit = (code: number): void => finish({ kind: 'exit', code });
      const finish = (o: Outcome): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(o);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      const request: WorkerRequest = { type: 'read', id, path: file, options };
      worker.postMessage(request);
    });

    switch (outcome.kind) {
      case 'reply': {
        const reply = outcome.reply as Extract<WorkerReply, { type: 'done' }>;
        if (reply.ok) return { path: file, ok: true, file: reply.file };
        return {
          path: file,
          ok: false,
          failure: { ...reply.failure, sha256: reply.failure.sha256 ?? (await hashFile(file)) },
        };
      }
      case 'timeout':
        this.drop(worker);
        return fail(
          `Tệp «${name}»: quá thời gian xử lý (hơn ${formatSeconds(timeoutMs)}) nên đã dừng đọc tệp này. ` +
            'Tệp có thể quá lớn hoặc có cấu trúc bất thường; xin kiểm tra lại tệp.',
        );
      case 'error': {
        this.drop(worker);
        const code = (outcome.error as NodeJS.ErrnoException).code;
        if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
          return fail(
            `Tệp «${name}»: vượt quá giới hạn bộ nhớ (${memoryMb} MB) khi đọc nên đã dừng đọc tệp này. ` +
              'Tệp có thể quá lớn hoặc có cấu trúc bất thường; xin kiểm tra lại tệp.',
          );
        }
        return fail(`Tệp «${name}»: tiến trình đọc tệp gặp lỗi (${outcome.error.message}); xin kiểm tra lại tệp.`);
      }
      case 'exit':
        this.drop(worker);
        return fail(`Tệp «${name}»: tiến trình đọc tệp dừng đột ngột (mã ${outcome.code}); xin kiểm tra lại tệp.`);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const running = this.running;
    const starting = this.starting;
    this.running = null;
    this.starting = null;
    if (running) await running.worker.terminate().catch(() => undefined);
    if (starting) {
      const worker = await starting.catch(() => null);
      if (worker) await worker.terminate().catch(() => undefined);
    }
  }
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${s.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} giây`;
}

/** The machine's parallelism (os.availableParallelism where available). */
export function defaultConcurrency(): number {
  const asked = Number(process.env.TDKT_IMPORT_WORKERS);
  if (Number.isInteger(asked) && asked > 0) return asked;
  const available = (os as { availableParallelism?: () => number }).availableParallelism;
  return Math.max(1, available ? available() : os.cpus().length);
}

/** A pool of reader workers that can be started before the files to read are known. */
export interface ParsePool {
  /** Starts up to `count` workers now (their start-up overlaps whatever the caller does meanwhile). */
  warm(count: number): void;
  /** Reads the files (see parseReports); the pool stays open for another call. Rejects if closed meanwhile. */
  parse(paths: ReadonlyArray<string>): Promise<ParseResult[]>;
  /** Stops the workers. */
  close(): Promise<void>;
}

/** A pool of at most `concurrency` workers (default: the machine's parallelism); see parseReports. */
export function createParsePool(options: ParseOptions = {}): ParsePool {
  const max = Math.max(1, options.concurrency ?? defaultConcurrency());
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const memoryMb = options.memoryMb ?? DEFAULT_MEMORY_MB;
  const entry = options.workerEntry ?? DEFAULT_ENTRY;
  const slots: Slot[] = [];
  let closed = false;
  const slot = (i: number): Slot => {
    while (slots.length <= i) {
      slots.push(
        new Slot(entry, memoryMb, options.startupTimeoutMs ?? 60_000, options.loader ?? 'auto', options.onWorkerReady),
      );
    }
    return slots[i];
  };
  const run = async (paths: ReadonlyArray<string>): Promise<Array<ParseResult | null>> => {
    const total = paths.length;
    const results: Array<ParseResult | null> = new Array(total).fill(null);
    if (total === 0) return results;
    const used = Array.from({ length: Math.min(max, total) }, (_, i) => slot(i));
    let next = 0;
    let done = 0;
    await Promise.all(
      used.map(async (s) => {
        for (let i = next++; i < total && !closed; i = next++) {
          const started = Date.now();
          const result = await s.read(paths[i], timeoutMs, memoryMb, options.read);
          results[i] = result;
          done++;
          options.onProgress?.({ done, total, path: paths[i], ok: result.ok, ms: Date.now() - started });
        }
      }),
    );
    return results;
  };
  return {
    warm(count: number): void {
      if (closed) return;
      for (let i = 0; i < Math.min(max, count); i++) slot(i).start();
    },
    async parse(paths: ReadonlyArray<string>): Promise<ParseResult[]> {
      const results = await run(paths);
      if (results.some((r) => r === null)) throw new Error('The parse pool was closed while reading.');
      return results as ParseResult[];
    },
    async close(): Promise<void> {
      closed = true;
      await Promise.all(slots.map((s) => s.close()));
    },
  };
}

/**
 * Reads the reports in parallel worker threads. Never rejects for a bad file:
 * each result is either the extracted file or a failure with a Vietnamese
 * message; results are in the order of `paths`.
 */
export async function parseReports(paths: ReadonlyArray<string>, options: ParseOptions = {}): Promise<ParseResult[]> {
  if (paths.length === 0) return [];
  const pool = createParsePool({
    ...options,
    concurrency: Math.min(options.concurrency ?? defaultConcurrency(), paths.length),
  });
  try {
    return await pool.parse(paths);
  } finally {
    await pool.close();
  }
}
