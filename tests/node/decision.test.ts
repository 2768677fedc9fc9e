import { Command } from 'commander';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Row } from '../../src/core/contract';
import { decisionFromSession } from '../../src/core/council';
import { hongNguRegistry } from '../../src/core/units';
import { register } from '../../scripts/commands/decision';
import { defaultIssuer, exportDecisionList } from '../../src/node/decision-export';
import { UserError } from '../../src/node/errors';
import { emptyMaster, readMaster, writeMaster, type MasterData } from '../../src/node/xlsx-store';

const passed = (name: string, award: string, extra: Row = {}): Row => ({
  year: 2022,
  unit: 'Phòng Y tế',
  subject: 'individual',
  name,
  position: 'Chuyên viên Phòng Y tế',
  award,
  reviewStatus: 'passed',
  ...extra,
});

function master(): MasterData {
  const data = emptyMaster();
  data.units = hongNguRegistry().toRows();
  data.settings = data.settings.map((s) =>
    s.key === 'councilName' ? { ...s, value: 'Hội đồng Thi đua – Khen thưởng huyện Hồng Ngự' } : s,
  );
  data.nominations = [
    passed('Nguyễn Văn An', 'Lao động tiên tiến'),
    passed('Trần Thị Bình', 'CSTĐ cơ sở', { initiative: 'Sổ tay điện tử' }),
    passed('Lê Thị Cúc', 'LĐTT', { unit: 'Xã Long Khánh A', position: 'Công chức Văn phòng - Thống kê' }),
    passed('Phòng Y tế', 'Tập thể lao động tiên tiến', { subject: 'collective', position: null }),
    passed('Đỗ Văn Dũng', 'Bằng khen UBND tỉnh'),
    passed('Hà Văn Em', 'Lao động tiên tiến', { reviewStatus: 'proposed' }),
  ];
  data.awardHistory = [
    { year: 2021, subject: 'individual', name: 'Trần Thị Bình', unit: 'Phòng Y tế', award: 'Chiến sĩ thi đua cơ sở' },
  ];
  return data;
}

describe('tdkt decision', () => {
  let dir: string;
  let out: string;
  let log: jest.SpyInstance;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-decision-'));
    out = '';
    log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      out += args.join(' ') + '\n';
    });
  });
  afterEach(() => {
    log.mockRestore();
    process.exitCode = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function tdkt(...args: string[]): Promise<number> {
    const program = new Command().exitOverride();
    register(program);
    try {
      await program.parseAsync(['node', 'tdkt', ...args]);
      return typeof process.exitCode === 'number' ? process.exitCode : 0;
    } catch (err) {
      if (err instanceof UserError) {
        out += `Lỗi: ${err.message}\n`;
        return err.exitCode;
      }
      throw err;
    } finally {
      process.exitCode = undefined;
    }
  }

  const args = (file: string, list: string, ...more: string[]) => [
    'decision',
    '--into',
    file,
    '--number',
    '15',
    '--date',
    '20/01/2023',
    '--signer',
    'Nguyễn Văn Chủ',
    '--out',
    list,
    ...more,
  ];

  it('exports the attached list and appends the history once, however often it runs', async () => {
    const file = path.join(dir, 'master.xlsx');
    const list = path.join(dir, 'ds', 'danh-sach.xlsx');
    await writeMaster(file, master());

    expect(await tdkt(...args(file, list))).toBe(0);
    expect(out).toMatch(
      /Quyết định số 15\/QĐ-UBND ngày 20\/01\/2023 của Chủ tịch Ủy ban nhân dân huyện Hồng Ngự: 4 cá nhân, tập thể/,
    );
    expect(out).toMatch(/Đã thêm 4 dòng vào trang «Lịch sử khen thưởng»/);
    expect(out).toMatch(/Không đưa vào quyết định: “Đỗ Văn Dũng”.*trình cấp trên/);

    const history = (await readMaster(file)).awardHistory;
    expect(history).toHaveLength(5);
    expect(history.slice(1).map((r) => [r.name, r.award, r.decisionNumber, r.decisionDate])).toEqual([
      ['Nguyễn Văn An', 'Lao động tiên tiến', '15/QĐ-UBND', '2023-01-20'],
      ['Lê Thị Cúc', 'Lao động tiên tiến', '15/QĐ-UBND', '2023-01-20'],
      ['Trần Thị Bình', 'Chiến sĩ thi đua cơ sở', '15/QĐ-UBND', '2023-01-20'],
      ['Phòng Y tế', 'Tập thể lao động tiên tiến', '15/QĐ-UBND', '2023-01-20'],
    ]);
    expect(history[3]).toMatchObject({
      initiative: 'Sổ tay điện tử',
      issuer: 'Chủ tịch Ủy ban nhân dân huyện Hồng Ngự',
    });

    out = '';
    expect(await tdkt(...args(file, list))).toBe(0);
    expect(out).toMatch(/không thêm dòng nào/);
    expect((await readMaster(file)).awardHistory).toHaveLength(5);
  });

  it('writes a formatted list: merged title, bold bordered header, sections, STT, A4 landscape', async () => {
    const file = path.join(dir, 'master.xlsx');
    const list = path.join(dir, 'danh-sach.xlsx');
    await writeMaster(file, master());
    expect(await tdkt(...args(file, list))).toBe(0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(list);
    const sheet = wb.getWorksheet('Danh sách')!;
    expect(sheet.getCell('A1').value).toBe('DANH SÁCH');
    expect(sheet.getCell('A1').font.bold).toBe(true);
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A1:E1', 'A2:E2', 'A3:E3']));
    expect(sheet.getCell('A2').value).toBe('Cá nhân, tập thể được công nhận danh hiệu thi đua năm 2022');
    expect(sheet.getCell('A3').value).toBe(
      '(Kèm theo Quyết định số 15/QĐ-UBND ngày 20/01/2023 của Chủ tịch Ủy ban nhân dân huyện Hồng Ngự)',
    );
    expect(sheet.getCell('A3').font.italic).toBe(true);
    const header = sheet.getRow(5);
    expect((header.values as unknown[]).slice(1)).toEqual([
      'STT',
      'Họ và tên / Tên tập thể',
      'Chức vụ',
      'Đơn vị',
      'Danh hiệu, hình thức khen thưởng',
    ]);
    expect(header.getCell(2).font.bold).toBe(true);
    expect(header.getCell(2).border.top?.style).toBe('thin');
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    expect(sheet.pageSetup.printTitlesRow).toBe('5:5');

    const rows = [];
    for (let r = 6; r <= sheet.rowCount; r++) rows.push((sheet.getRow(r).values as unknown[]).slice(1, 6));
    expect(rows.slice(0, 7)).toEqual([
      ['I. Danh hiệu “Lao động tiên tiến” (02 cá nhân)', ...Array(4).fill(expect.anything())],
      [1, 'Nguyễn Văn An', 'Chuyên viên Phòng Y tế', 'Phòng Y tế', 'Lao động tiên tiến'],
      [2, 'Lê Thị Cúc', 'Công chức Văn phòng - Thống kê', 'Xã Long Khánh A', 'Lao động tiên tiến'],
      ['II. Danh hiệu “Chiến sĩ thi đua cơ sở” (01 cá nhân)', ...Array(4).fill(expect.anything())],
      [1, 'Trần Thị Bình', 'Chuyên viên Phòng Y tế', 'Phòng Y tế', 'Chiến sĩ thi đua cơ sở'],
      ['III. Danh hiệu “Tập thể lao động tiên tiến” (01 tập thể)', ...Array(4).fill(expect.anything())],
      [1, 'Phòng Y tế', undefined, 'Phòng Y tế', 'Tập thể lao động tiên tiến'].map((v) => v ?? expect.anything()),
    ]);
    expect(sheet.getCell('B7').border.left?.style).toBe('thin');
    expect(sheet.getCell('A7').alignment.horizontal).toBe('center');
    expect(sheet.getCell(`A${sheet.rowCount}`).value).toBe('Danh sách này có 03 cá nhân và 01 tập thể./.');
  });

  it('--award keeps one award; the list title then names it', async () => {
    const file = path.join(dir, 'master.xlsx');
    const list = path.join(dir, 'ldtt.xlsx');
    await writeMaster(file, master());
    expect(await tdkt(...args(file, list, '--award', 'LĐTT'))).toBe(0);
    expect((await readMaster(file)).awardHistory).toHaveLength(3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(list);
    const sheet = wb.getWorksheet('Danh sách')!;
    expect(sheet.getCell('A2').value).toBe('Cá nhân đạt danh hiệu “Lao động tiên tiến” năm 2022');
    expect(sheet.getCell('A6').value).toBe(1); // no section row with a single award
  });

  it('exportDecisionList writes atomically a list made by the core', async () => {
    const { decision, list } = decisionFromSession(
      {
        number: '7/QĐ-CT',
        date: '2024-12-31',
        signer: 'A',
        level: 'commune',
        issuer: 'Chủ tịch Ủy ban nhân dân xã Long Khánh',
      },
      [passed('Nguyễn Văn An', 'LĐTT', { year: 2024 })],
    );
    const file = path.join(dir, 'x.xlsx');
    await exportDecisionList(decision, list, file);
    expect(fs.readdirSync(dir)).toEqual(['x.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet('Danh sách')!.getCell('A3').value).toBe(
      '(Kèm theo Quyết định số 7/QĐ-CT ngày 31/12/2024 của Chủ tịch Ủy ban nhân dân xã Long Khánh)',
    );
  });

  it('takes the issuer from the settings, else from the council name, else the level', () => {
    const data = master();
    expect(defaultIssuer(data, 'district')).toBe('Chủ tịch Ủy ban nhân dân huyện Hồng Ngự');
    data.settings = data.settings.map((s) => (s.key === 'councilName' ? { ...s, value: 'Hội đồng TĐKT' } : s));
    expect(defaultIssuer(data, 'commune')).toBe('Chủ tịch Ủy ban nhân dân xã');
    data.settings.push({ key: 'issuer', value: 'Chủ tịch UBND xã Thường Phước', note: '' });
    expect(defaultIssuer(data, 'commune')).toBe('Chủ tịch UBND xã Thường Phước');
  });

  it('usage errors exit with 2, nothing to decide with 1', async () => {
    const file = path.join(dir, 'master.xlsx');
    const list = path.join(dir, 'l.xlsx');
    await writeMaster(file, master());
    expect(await tdkt('decision', '--into', file, '--out', list)).toBe(2);
    expect(out).toMatch(/Thiếu --number, --date, --signer/);
    expect(await tdkt(...args(file, list).map((a) => (a === '20/01/2023' ? '31/02/2023' : a)))).toBe(2);
    expect(await tdkt(...args(file, path.join(dir, 'l.csv')))).toBe(2);
    expect(await tdkt(...args(file, list, '--award', 'Giấy khen của Giám đốc Sở'))).toBe(2);
    expect(await tdkt(...args(file, list, '--year', '2019'))).toBe(1);
    expect(out).toMatch(/Không có đề nghị nào ở trạng thái «Đạt»/);

    const data = master();
    data.nominations.push(passed('Mai Văn Mới', 'LĐTT', { year: 2023 }));
    await writeMaster(file, data);
    out = '';
    expect(await tdkt(...args(file, list))).toBe(2);
    expect(out).toMatch(/thuộc nhiều năm \(2022, 2023\); vui lòng chọn một năm bằng --year/);
    expect(fs.existsSync(list)).toBe(false);
  });
});
