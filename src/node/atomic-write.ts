/**
 * Writing a file so that a crash or kill leaves either the old file or the
 * new one, never half of it: write a temporary file beside the target, flush
 * it to disk, then rename over the target (atomic on one file system).
 */
import * as fs from 'fs';
import * as path from 'path';

export async function writeFileAtomic(target: string, write: (tempPath: string) => Promise<void>): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
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
  }
}

/** Copies `file` to `file.bak-YYYYMMDD-HHMMSS` before it is replaced; returns the backup's path. */
export function backupFile(file: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const backup = `${file}.bak-${stamp}`;
  fs.copyFileSync(file, backup);
  return backup;
}
