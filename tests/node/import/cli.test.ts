/**
 * `tdkt import` as a user runs it: a child process of bin/tdkt.js. These cases
 * need no reader: the inputs are either wrong (usage errors) or already in the
 * master's import log (skipped), so the command runs end to end without parsing.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readMaster } from '../../../src/node/xlsx-store';
import { createMaster, sha256, writeReportFile } from './pipeline-helpers';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin', 'tdkt.js');

function tdkt(args: string[], cwd: string) {
  const res = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

jest.setTimeout(180_000);

describe('tdkt import (CLI)', () => {
  let dir: string;
  let master: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-cli-'));
    master = path.join(dir, 'master.xlsx');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('usage errors exit with code 2 and a Vietnamese message', async () => {
    await createMaster(master);
    writeReportFile(dir, 'r/01.xlsx');
    const missingInto = tdkt(['import', 'r'], dir);
    expect(missingInto.code).toBe(2);
    expect(missingInto.stderr).toContain('Vui lòng chỉ ra bảng tính chính bằng --into');

    const noInputs = tdkt(['import', '--into', 'master.xlsx'], dir);
    expect(noInputs.code).toBe(2);
    expect(noInputs.stderr).toContain('Vui lòng chỉ ra các tệp báo cáo');

    const missingPath = tdkt(['import', 'khong-co/', '--into', 'master.xlsx'], dir);
    expect(missingPath.code).toBe(2);
    expect(missingPath.stderr).toContain('Không tìm thấy «khong-co/»');

    const missingMaster = tdkt(['import', 'r', '--into', 'chua-tao.xlsx'], dir);
    expect(missingMaster.code).toBe(2);
    expect(missingMaster.stderr).toContain('npx tdkt init chua-tao.xlsx --units units.csv');
  });

  it('a master without units stops with a message on how to create it', async () => {
    await createMaster(master, false);
    writeReportFile(dir, 'r/01.xlsx');
    const res = tdkt(['import', 'r', '--into', 'master.xlsx'], dir);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('chưa có danh sách đơn vị');
    expect(res.stderr).toContain('npx tdkt init master.xlsx --units units.csv');
  });

  it('files already imported are skipped: exit 0, summary, JSON report, no progress bar off a TTY', async () => {
    const file = writeReportFile(dir, 'r/07_KT-HT (1).xlsx');
    await createMaster(master, true, (data) => {
      data.importLog.push({
        importedAt: '2023-01-10T01:00:00.000Z',
        file: 'baocao/03_KT-HT.xlsx',
        sha256: sha256(file),
        status: 'imported',
        unit: 'Phòng Y tế',
        kind: 'nomination',
        records: 12,
        problems: 0,
        message: 'Đã nhập 12 bản ghi.',
      });
    });
    const dry = tdkt(['import', 'r', '--into', 'master.xlsx', '--dry-run', '--report', 'out/report.json'], dir);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('KẾT QUẢ NHẬP BÁO CÁO');
    expect(dry.stdout).toMatch(/Đơn vị\s+Loại\s+Số bản ghi\s+Vấn đề\s+Kết quả/);
    expect(dry.stdout).toContain('Bỏ qua (đã nhập trước)');
    expect(dry.stdout).toContain('Chạy thử (--dry-run)');
    expect((await readMaster(master)).importLog).toHaveLength(1);

    const res = tdkt(['import', 'r', '--into', 'master.xlsx', '--report', 'report.json'], dir);
    expect(res.code).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'));
    expect(report).toEqual({
      files: [
        {
          path: path.join('r', '07_KT-HT (1).xlsx'),
          status: 'skipped',
          unit: 'Phòng Y tế',
          kind: 'nomination',
          message: expect.stringContaining('«03_KT-HT.xlsx»'),
        },
      ],
      records: [],
    });
    const after = await readMaster(master);
    expect(after.importLog.map((r) => r.status)).toEqual(['imported', 'skipped']);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a kill while the master is being written leaves a readable master', async () => {
    const ROWS = 6000;
    const file = writeReportFile(dir, 'r/01.xlsx');
    await createMaster(master, true, (data) => {
      for (let i = 0; i < ROWS; i++) {
        data.nominations.push({
          year: 2022,
          unit: 'Phòng Y tế',
          subject: 'individual',
          name: `Người thứ ${i}`,
          position: 'Chuyên viên',
          award: 'Lao động tiên tiến',
          sourceFile: 'a.xlsx',
          sourceSheet: 'DS',
          sourceRow: i + 2,
        });
      }
      data.importLog.push({
        importedAt: '2023-01-10T01:00:00.000Z',
        file: 'a.xlsx',
        sha256: sha256(file),
        status: 'imported',
      });
    });
    const child = spawn(process.execPath, [BIN, 'import', 'r', '--into', 'master.xlsx'], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    let done = false;
    void exited.then(() => (done = true));
    // Watch for the temporary file beside the master: it exists only while the master is being written.
    let tempSize = -1;
    while (!done) {
      const temp = fs.readdirSync(dir).find((f) => /^\.master\.xlsx\..*\.tmp$/.test(f));
      if (temp) {
        try {
          tempSize = fs.statSync(path.join(dir, temp)).size;
        } catch {
          tempSize = -1;
        }
        if (tempSize > 0) {
          child.kill('SIGKILL');
          break;
        }
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    const { signal } = await exited;
    expect(signal).toBe('SIGKILL');
    expect(tempSize).toBeGreaterThan(0);
    // The master is the old one, whole: the new one never replaced it half-written.
    const after = await readMaster(master);
    expect(after.nominations).toHaveLength(ROWS);
    expect(after.importLog).toHaveLength(1);
  });
});
