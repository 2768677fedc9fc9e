import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SHEETS, SHEET_ORDER, headersOf } from '../../src/core/contract';
import { emptyMaster, readMaster, writeMaster } from '../../src/node/xlsx-store';

describe('xlsx master store', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-store-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes exactly the contract sheets and headers, and reads back the same rows', async () => {
    const file = path.join(dir, 'master.xlsx');
    const data = emptyMaster();
    data.plan = [
      { year: 2022, id: '1.10', title: 'Họp Hội đồng', start: '2022-02-01', status: 'in_progress', percent: 0.5 },
    ];
    data.nominations = [
      {
        year: 2022,
        unit: 'Phòng Y tế',
        subject: 'individual',
        name: '=HYPERLINK("x")',
        award: 'Lao động tiên tiến',
        sourceRow: 12,
      },
    ];
    await writeMaster(file, data);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(SHEET_ORDER.map((k) => SHEETS[k].name));
    for (const key of SHEET_ORDER) {
      const header = (wb.getWorksheet(SHEETS[key].name)!.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual(headersOf(key));
    }
    const plan = wb.getWorksheet('Kế hoạch')!;
    const header = plan.getRow(1);
    for (let c = 1; c <= SHEETS.plan.columns.length; c++) {
      expect(header.getCell(c).font?.bold).toBe(true);
      expect(header.getCell(c).alignment).toMatchObject({ wrapText: true, vertical: 'middle' });
    }
    expect(header.getCell(1).fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E7FD' } });
    // Dates as dates, text columns typed as text, statuses from the drop-down's list.
    expect(plan.getCell('M2').numFmt).toBe('dd/mm/yyyy');
    expect(plan.getCell('B2').numFmt).toBe('@');
    expect(plan.getCell('O2').dataValidation).toMatchObject({ type: 'list', allowBlank: true, showErrorMessage: true });
    expect(plan.getCell('O2').dataValidation.formulae[0]).toContain('Đang thực hiện');
    expect(plan.getCell('O200').dataValidation).toMatchObject({ type: 'list' });
    expect(plan.getColumn(3).width).toBeGreaterThan(5);
    expect(plan.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(plan.getCell('B2').value).toBe('1.10');
    expect(plan.getCell('M2').value).toEqual(new Date('2022-02-01T00:00:00Z'));
    expect(plan.getCell('O2').value).toBe('Đang thực hiện');
    // Formula-looking text is stored as a string cell, never a formula.
    const bait = wb.getWorksheet('Đề nghị khen thưởng')!.getCell('D2');
    expect(bait.type).toBe(ExcelJS.ValueType.String);
    expect(bait.formula).toBeUndefined();

    const back = await readMaster(file);
    expect(back.plan[0]).toMatchObject({
      year: 2022,
      id: '1.10',
      start: '2022-02-01',
      status: 'in_progress',
      percent: 0.5,
    });
    expect(back.nominations[0]).toMatchObject({ name: '=HYPERLINK("x")', subject: 'individual', sourceRow: 12 });
    expect(back.settings.map((s) => s.key)).toContain('reminderDays');
  });

  it('refuses a workbook that is not a tdkt master, in Vietnamese', async () => {
    const file = path.join(dir, 'other.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    await wb.xlsx.writeFile(file);
    await expect(readMaster(file)).rejects.toThrow(/thiếu trang «Đơn vị»/);
    await expect(readMaster(path.join(dir, 'none.xlsx'))).rejects.toThrow(/Không tìm thấy bảng tính chính/);
  });

  it('reads a master made before a sheet was added to the contract, and adds the sheet on the next write', async () => {
    const file = path.join(dir, 'old.xlsx');
    const data = emptyMaster();
    data.units = [{ name: 'Phòng Y tế', kind: 'department' }];
    await writeMaster(file, data);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.removeWorksheet(wb.getWorksheet('Nhật ký tiến độ')!.id);
    await wb.xlsx.writeFile(file);

    const back = await readMaster(file);
    expect(back.progress).toEqual([]);
    expect(back.units[0]).toMatchObject({ name: 'Phòng Y tế' });
    await writeMaster(file, back);
    const again = new ExcelJS.Workbook();
    await again.xlsx.readFile(file);
    expect(again.getWorksheet('Nhật ký tiến độ')).toBeDefined();
  });

  it('leaves the previous master intact when a write fails midway', async () => {
    const file = path.join(dir, 'master.xlsx');
    await writeMaster(file, emptyMaster());
    const before = fs.readFileSync(file);
    const broken = emptyMaster();
    // A value exceljs cannot serialise makes the write throw after it started.
    broken.plan = [{ year: 2022, id: '1', title: Symbol('boom') as unknown as string }];
    await expect(writeMaster(file, broken)).rejects.toThrow();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['master.xlsx']);
  });
});
