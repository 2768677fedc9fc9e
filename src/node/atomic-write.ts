/**
 * Writing a file so that a crash or kill leaves either the old file or the
 * new one, never half of it: write a temporary file beside the target, flush
 * it to disk, then rename over the target (atomic on one file system).
 *
 * The temporary file is `.<name>.<pid>.<milliseconds>.tmp`. A process killed
 * while writing leaves it behind; the next write of the same target removes
 * such files when the process that made them is gone.
 */
import * as fs from 'fs';
import * as path from 'path';

/** Temporary files this process is writing now (never removed as stale). */
const writing = new Set<string>();

function tempName(target: string): string {
  return `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when a process with this id is running (EPERM: it is, under another user). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files an interrupted write of `target` left beside it:
 * those whose process is no longer running, and this process's own ones that
 * no write of this process is using (a process before it had the same id).
 * Returns the paths removed. Never throws: a file it cannot remove stays.
 */
export async function removeStaleTemps(target: string): Promise<string[]> {
  const dir = path.dirname(path.resolve(target));
  const pattern = new RegExp(`^\\.${escapeRegExp(path.basename(target))}\\.(\\d+)\\.(\\d+)\\.tmp$`);
  let names: string[];
  try {
    names = await fs.promises.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m) continue;
    const full = path.join(dir, name);
    const pid = Number(m[1]);
    const stale = pid === process.pid ? !writing.has(full) : !processAlive(pid);
    if (!stale) continue;
    try {
      await fs.promises.rm(full, { force: true });
      removed.push(full);
    } catch {
      // Not ours to remove (permissions) or gone already: leave it.
    }
  }
  return removed;
}

export async function writeFileAtomic(target: string, write: (tempPath: string) => Promise<void>): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  await removeStaleTemps(target);
  const temp = path.join(dir, tempName(target));
  writing.add(temp);
  try {
    await write(temp);
    const handle = await fs.promises.open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temp, target);
  } catch (err) {
    await fs.promises.rm(temp, { force: true });
    throw err;
  } finally {
    writing.delete(temp);
  }
}

/** Copies `file` to `file.bak-YYYYMMDD-HHMMSS` before it is replaced; returns the backup's path. */
export function backupFile(file: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const backup = `${file}.bak-${stamp}`;
  fs.copyFileSync(file, backup);
  return backup;
}
