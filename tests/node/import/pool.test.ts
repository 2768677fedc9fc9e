/**
 * The parse pool: real workers (TypeScript through ts-node, as in the CLI)
 * read real files in input order and are reused; a stand-in worker entry
 * checks that a file that hangs, exhausts memory or crashes its worker fails
 * alone and that the pool goes on with a fresh worker.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  createParsePool,
  parseReports,
  type ParseProgress,
  type ParseResult,
} from '../../../src/node/import/parse-pool';
import { titleBlock, writeWorkbook } from '../../fixtures/reports/build';

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-pool-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function report(name: string, people: string[]): Promise<string> {
  const file = path.join(dir, name);
  const t = titleBlock({ unit: 'PHÒNG NỘI VỤ', title: 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2022' }, 4);
  await writeWorkbook(file, [
    {
      name: 'DS',
      rows: [
        ...t.rows,
        [8, ['STT', 'Họ và tên', 'Chức vụ', 'Danh hiệu']],
        ...people.map((p, i): [number, Array<string | number>] => [9 + i, [i + 1, p, 'Chuyên viên', 'LĐTT']]),
      ],
      merges: t.merges,
    },
  ]);
  return file;
}

describe('parseReports with the real worker', () => {
  it('reads files in parallel, in input order, reusing workers; a bad file fails alone', async () => {
    const files = [
      await report('a.xlsx', ['Nguyễn Văn An']),
      path.join(dir, 'missing.xlsx'),
      await report('b.xlsx', ['Trần Thị Bình', 'Lê Văn Cường']),
      await report('c.xlsx', ['Phạm Thị Dung']),
    ];
    const bad = path.join(dir, 'text.xlsx');
    fs.writeFileSync(bad, 'không phải Excel');
    files.push(bad);
    const startups: number[] = [];
    const progress: ParseProgress[] = [];
    const results = await parseReports(files, {
      concurrency: 2,
      onWorkerReady: (ms) => startups.push(ms),
      onProgress: (p) => progress.push(p),
    });
    console.log(`pool: worker start-up ${startups.map((ms) => `${ms} ms`).join(', ')}`);
    expect(results.map((r) => r.path)).toEqual(files);
    expect(results.map((r) => r.ok)).toEqual([true, false, true, true, false]);
    const names = (r: ParseResult): string[] => (r.ok ? r.file.records.map((x) => x.name) : []);
    expect(results.map(names)).toEqual([
      ['Nguyễn Văn An'],
      [],
      ['Trần Thị Bình', 'Lê Văn Cường'],
      ['Phạm Thị Dung'],
      [],
    ]);
    const failure = (r: ParseResult): string => (r.ok ? '' : r.failure.message);
    expect(failure(results[1])).toMatch(/«missing\.xlsx» không tồn tại/);
    expect(failure(results[4])).toMatch(/«text\.xlsx» không phải tệp Excel/);
    expect(results[4].ok ? null : results[4].failure.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Two workers for five files: start-up is paid once per worker.
    expect(startups).toHaveLength(2);
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5]);
    expect(progress.every((p) => p.total === 5)).toBe(true);
  }, 120_000);

  it('also runs with ts-node registered as the CLI does (bin/register-ts.js)', async () => {
    const file = await report('d.xlsx', ['Võ Thị Én']);
    const startups: number[] = [];
    const [result] = await parseReports([file], { loader: 'ts-node', onWorkerReady: (ms) => startups.push(ms) });
    console.log(`pool (ts-node): worker start-up ${startups[0]} ms`);
    expect(result.ok && result.file.records.map((r) => [r.name, r.awardText, r.year])).toEqual([
      ['Võ Thị Én', 'LĐTT', 2022],
    ]);
  }, 120_000);

  it('returns nothing for no files', async () => {
    expect(await parseReports([])).toEqual([]);
  });
});

describe('parseReports when a worker hangs, runs out of memory or crashes', () => {
  let entry: string;
  beforeAll(() => {
    // A stand-in worker: answers at once, except for files named to misbehave.
    entry = path.join(dir, 'fake-worker.js');
    fs.writeFileSync(
      entry,
      `'use strict';
const { parentPort } = require('worker_threads');
parentPort.on('message', (m) => {
  if (m.path.includes('hang')) { for (;;) {} }
  if (m.path.includes('oom')) { const keep = []; for (;;) keep.push(new Array(1e6).fill(Math.random())); }
  if (m.path.includes('crash')) process.exit(3);
  if (m.path.includes('throw')) { setImmediate(() => { throw new Error('boom'); }); return; }
  parentPort.postMessage({ type: 'done', id: m.id, ok: true, file: { file: m.path, records: [] } });
});
parentPort.postMessage({ type: 'ready', startupMs: 0 });
`,
    );
  });

  it('a pool started early (warm) reads with the workers it started, and closes cleanly', async () => {
    const names = ['a', 'b', 'c'].map((n) => {
      const file = path.join(dir, `warm-${n}.xlsx`);
      fs.writeFileSync(file, n);
      return file;
    });
    const ready: number[] = [];
    const pool = createParsePool({ concurrency: 2, workerEntry: entry, onWorkerReady: (ms) => ready.push(ms) });
    pool.warm(10); // at most `concurrency` workers
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(ready).toHaveLength(2);
    const results = await pool.parse(names);
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(ready).toHaveLength(2); // no further start-up
    await pool.close();
    await expect(pool.parse(names)).rejects.toThrow(/closed/);

    // Closing a pool whose workers are still starting stops them (the test would hang otherwise).
    const early = createParsePool({ concurrency: 2, workerEntry: entry });
    early.warm(2);
    await early.close();
  });

  it('fails the misbehaving files with Vietnamese messages and goes on with fresh workers', async () => {
    const names = ['1-ok', '2-hang', '3-ok', '4-oom', '5-crash', '6-throw', '7-ok'].map((n) => {
      const file = path.join(dir, `${n}.xlsx`);
      fs.writeFileSync(file, n);
      return file;
    });
    let startups = 0;
    const results = await parseReports(names, {
      concurrency: 1,
      timeoutMs: 1500,
      memoryMb: 64,
      workerEntry: entry,
      onWorkerReady: () => startups++,
    });
    expect(results.map((r) => r.ok)).toEqual([true, false, true, false, false, false, true]);
    const message = (i: number): string =>
      results[i].ok ? '' : (results[i] as { failure: { message: string } }).failure.message;
    expect(message(1)).toMatch(/^Tệp «2-hang\.xlsx»: quá thời gian xử lý \(hơn 1,5 giây\)/);
    expect(message(3)).toMatch(/^Tệp «4-oom\.xlsx»: vượt quá giới hạn bộ nhớ \(64 MB\)/);
    expect(message(4)).toMatch(/^Tệp «5-crash\.xlsx»: tiến trình đọc tệp dừng đột ngột \(mã 3\)/);
    expect(message(5)).toMatch(/^Tệp «6-throw\.xlsx»: tiến trình đọc tệp gặp lỗi \(boom\)/);
    for (const i of [1, 3, 4, 5]) {
      expect((results[i] as { failure: { sha256: string | null } }).failure.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    // One worker to start with, and a fresh one after each of the four failures.
    expect(startups).toBe(5);
  }, 60_000);
});
