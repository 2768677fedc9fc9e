import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SHEETS, SHEET_ORDER, headersOf } from '../../src/core/contract';
import { ROOT, tdkt } from './run-cli';

const EXAMPLE_PLAN = path.join(ROOT, 'examples/ke-hoach-mau-2024.txt');
const EXAMPLE_UNITS = path.join(ROOT, 'examples/units.csv');
const SEED = path.resolve(ROOT, '../shared/seeds/ke-hoach-2022-hong-ngu.txt');

describe('tdkt plan parse', () => {
  it('prints the items as JSON with exactly the documented fields', () => {
    const { code, stdout } = tdkt(['plan', 'parse', EXAMPLE_PLAN, '--json']);
    expect(code).toBe(0);
    const items = JSON.parse(stdout);
    expect(items.map((i: { id: string }) => i.id)).toEqual([
      '1.1',
      '1.2',
      '2',
      '3',
      '4',
      '5.1',
      '5.2',
      '6.1',
      '6.2',
      '6.3.a',
      '6.3.b',
      '6.3.c',
    ]);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual([
        'advisory',
        'content',
        'coordinators',
        'executor',
        'id',
        'lead',
        'schedule',
        'target',
        'title',
      ]);
      expect(Object.keys(item.schedule).sort()).toEqual(['due', 'kind', 'start', 'text']);
    }
    expect(items.find((i: { id: string }) => i.id === '5.2').schedule).toEqual({
      kind: 'window',
      start: '2024-07-01',
      due: ['2024-12-31'],
      text: 'Quý III - Quý IV/2024',
    });
  });

  (fs.existsSync(SEED) ? it : it.skip)('reads the seed plan into its 12 items', () => {
    const { code, stdout } = tdkt(['plan', 'parse', SEED]);
    expect(code).toBe(0);
    expect(stdout).toContain('12 nội dung công việc cần theo dõi');
    expect(stdout).toMatch(/^5\.3\.c\s/m);
  });

  it('explains a missing file in Vietnamese', () => {
    const { code, stderr } = tdkt(['plan', 'parse', 'khong-co.txt']);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/^Lỗi: .*khong-co\.txt/m);
  });
});

describe('tdkt init', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-init-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates the master with the contract sheets, the plan items and the units', async () => {
    const master = path.join(dir, 'master.xlsx');
    const { code, stdout } = tdkt(['init', master, '--plan', EXAMPLE_PLAN, '--units', EXAMPLE_UNITS]);
    expect(code).toBe(0);
    expect(stdout).toContain('12 nội dung công việc');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(master);
    expect(wb.worksheets.map((w) => w.name)).toEqual(SHEET_ORDER.map((k) => SHEETS[k].name));
    for (const key of SHEET_ORDER) {
      expect((wb.getWorksheet(SHEETS[key].name)!.getRow(1).values as unknown[]).slice(1)).toEqual(headersOf(key));
    }
    const plan = wb.getWorksheet('Kế hoạch')!;
    expect(plan.actualRowCount).toBe(13);
    expect(plan.getCell('B2').value).toBe('1.1');
    expect(plan.getCell('A2').value).toBe(2024);
    expect(wb.getWorksheet('Đơn vị')!.actualRowCount).toBe(23);
  });

  it('refuses to overwrite, and with --force keeps a backup', () => {
    const master = path.join(dir, 'master.xlsx');
    expect(tdkt(['init', master]).code).toBe(0);
    const before = fs.readFileSync(master);
    const refused = tdkt(['init', master, '--plan', EXAMPLE_PLAN]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('đã có');
    expect(fs.readFileSync(master).equals(before)).toBe(true);

    expect(tdkt(['init', master, '--plan', EXAMPLE_PLAN, '--force']).code).toBe(0);
    const backups = fs.readdirSync(dir).filter((f) => f.startsWith('master.xlsx.bak-'));
    expect(backups).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, backups[0])).equals(before)).toBe(true);
  });

  it('leaves nothing behind when the plan cannot be read', () => {
    const master = path.join(dir, 'master.xlsx');
    const bad = path.join(dir, 'ke-hoach.txt');
    fs.writeFileSync(bad, 'Chỉ một dòng chữ, không có mục nội dung nào.');
    const { code, stderr } = tdkt(['init', master, '--plan', bad]);
    expect(code).toBe(1);
    expect(stderr).toContain('Không tìm thấy nội dung công việc nào');
    expect(fs.existsSync(master)).toBe(false);
  });
});
