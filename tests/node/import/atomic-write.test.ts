/**
 * The master is written through writeFileAtomic: a write killed half-way leaves
 * `.master.xlsx.<pid>.<time>.tmp` beside the master; the next write removes
 * such files of processes that are gone, and only those.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { processAlive, removeStaleTemps, writeFileAtomic } from '../../../src/node/atomic-write';

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-atomic-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The id of a process that has ended. */
function deadPid(): number {
  const res = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const pid = Number(res.stdout);
  expect(processAlive(pid)).toBe(false);
  return pid;
}

const touch = (name: string, body = 'half a workbook'): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, body);
  return file;
};

test('a killed write leaves a temp file; the next write removes it and writes the target', async () => {
  const master = path.join(dir, 'master.xlsx');
  const killed = spawn(
    process.execPath,
    [
      '-e',
      `require('fs').writeFileSync(${JSON.stringify(dir)} + '/.master.xlsx.' + process.pid + '.' + Date.now() + '.tmp', 'x');` +
        'console.log("ready"); setInterval(() => {}, 1000);',
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  await new Promise<void>((resolve) => killed.stdout!.once('data', () => resolve()));
  killed.kill('SIGKILL');
  await new Promise((resolve) => killed.once('exit', resolve));
  const left = fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'));
  expect(left).toHaveLength(1);

  await writeFileAtomic(master, (temp) => fs.promises.writeFile(temp, 'new master'));
  expect(fs.readFileSync(master, 'utf8')).toBe('new master');
  expect(fs.readdirSync(dir)).toEqual(['master.xlsx']);
});

test('keeps temp files of running processes and of other targets', async () => {
  const dead = deadPid();
  const live = process.ppid; // the process that started this one is running
  const stale = touch(`.master.xlsx.${dead}.1700000000000.tmp`);
  const running = touch(`.master.xlsx.${live}.1700000000001.tmp`);
  const other = touch(`.other.xlsx.${dead}.1700000000002.tmp`);
  const lookalike = touch(`.master.xlsx.bak.${dead}.1.tmp`);
  const removed = await removeStaleTemps(path.join(dir, 'master.xlsx'));
  expect(removed).toEqual([stale]);
  for (const f of [running, other, lookalike]) expect(fs.existsSync(f)).toBe(true);
});

test("this process's own leftover (an earlier process with the same id) is removed, not a write in progress", async () => {
  const master = path.join(dir, 'master.xlsx');
  const leftover = touch(`.master.xlsx.${process.pid}.1600000000000.tmp`);
  let seenDuringWrite: string[] = [];
  await writeFileAtomic(master, async (temp) => {
    seenDuringWrite = fs.readdirSync(dir);
    await fs.promises.writeFile(temp, 'data');
    // Another write of the same target starting meanwhile must not take this one's temp for stale.
    await removeStaleTemps(master);
    expect(fs.existsSync(temp)).toBe(true);
  });
  expect(seenDuringWrite).not.toContain(path.basename(leftover));
  expect(fs.readdirSync(dir)).toEqual(['master.xlsx']);
});

test('a failed write removes its own temp file and leaves the target as it was', async () => {
  const master = touch('master.xlsx', 'old');
  await expect(
    writeFileAtomic(master, async (temp) => {
      await fs.promises.writeFile(temp, 'partial');
      throw new Error('disk full');
    }),
  ).rejects.toThrow('disk full');
  expect(fs.readFileSync(master, 'utf8')).toBe('old');
  expect(fs.readdirSync(dir)).toEqual(['master.xlsx']);
});
