import ExcelJS from 'exceljs';
import { spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { matchKey } from '../../src/core/text';
import { convertFile, defaultOutputPath, formatReport } from '../../src/node/convert';
import { UserError } from '../../src/node/errors';
import { SAMPLE_REPORTS } from '../support/shared';

const ROOT = path.join(__dirname, '..', '..');
const SAMPLES = SAMPLE_REPORTS;

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A small workbook of the kind units send: TCVN3 title, VNI and Unicode cells, a formula, a merge. */
async function writeLegacyWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  ws.getColumn(1).width = 40;
  const set = (ref: string, value: ExcelJS.CellValue, font?: Partial<ExcelJS.Font>) => {
    const cell = ws.getCell(ref);
    cell.value = value;
    if (font) cell.font = font;
  };
  set('A1', 'uû ban nh©n d©n', { name: '.VnTimeH', size: 13, bold: true });
  set('A2', '§éc lËp - Tù do - H¹nh phóc', { name: '.VnTime', size: 12, italic: true, color: { argb: 'FF0000FF' } });
  set('A3', 'Vieät Nam', { name: 'VNI-Times', size: 11 });
  set('A4', 'Nguyễn Văn An', { name: 'Times New Roman', size: 12 });
  set('A5', 'Trần Thị Bích'.normalize('NFD'), { name: 'Arial' });
  set('A6', 'ViÖt Nam', { name: 'Arial' });
  set('A7', {
    richText: [
      { text: 'Hä vµ tªn: ', font: { name: '.VnTime', bold: true } },
      { text: 'Nguyễn Văn An', font: { name: 'Times New Roman' } },
    ],
  });
  set('A8', { text: 'Trang chñ', hyperlink: 'https://example.vn/' }, { name: '.VnArial', underline: true });
  set('A9', { formula: 'A2', result: '§éc lËp - Tù do - H¹nh phóc' }, { name: '.VnTime' });
  set('A10', 'Excel', { name: 'Calibri' });
  // Two cells with the very same style: exceljs shares one style object between them.
  set('A12', 'N¨m', { name: '.VnTime', size: 12 });
  set('A13', 'Th¸ng', { name: '.VnTime', size: 12 });
  set('B1', { formula: 'LEN(A4)', result: 13 });
  set('B2', 42, { name: '.VnTime' });
  set('B3', new Date(Date.UTC(2022, 10, 5)));
  set('C1', 'Th\u00adêng Ph\u00adíc', { name: '.VnTime', bold: true });
  ws.mergeCells('C1:D2');
  ws.getRow(1).height = 30;

  const hidden = wb.addWorksheet('An');
  hidden.state = 'hidden';
  hidden.getCell('A1').value = 'N¨m 2022';
  hidden.getCell('A1').font = { name: '.VnTime' };
  await wb.xlsx.writeFile(file);
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('convertFile', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-convert-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('decodes every legacy cell per font and keeps everything else', async () => {
    const input = path.join(dir, 'bao cao.xlsx');
    const output = path.join(dir, 'ket qua.xlsx');
    await writeLegacyWorkbook(input);
    const before = sha(input);

    const report = await convertFile(input, output);
    expect(sha(input)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(['bao cao.xlsx', 'ket qua.xlsx']); // no temp file left

    const ds = report.sheets.find((s) => s.sheet === 'DS')!;
    // A1 A2 A6 A7 A8 A12 A13 C1 are TCVN3; A3 is VNI; A5 was NFD.
    expect(ds).toMatchObject({ tcvn3: 8, vni: 1, unicode: 1, changed: 10, formulas: 1 });
    expect(report.sheets.find((s) => s.sheet === 'An')).toMatchObject({ tcvn3: 1, changed: 1 });
    expect(report.total).toMatchObject({ tcvn3: 9, vni: 1, unicode: 1, changed: 11 });

    const wb = await open(output);
    const ws = wb.getWorksheet('DS')!;
    const text = (ref: string) => ws.getCell(ref).value;
    expect(text('A1')).toBe('UỶ BAN NHÂN DÂN');
    expect(text('A2')).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(text('A3')).toBe('Việt Nam');
    expect(text('A4')).toBe('Nguyễn Văn An');
    expect(text('A5')).toBe('Trần Thị Bích');
    expect(text('A6')).toBe('Việt Nam');
    expect(text('A7')).toEqual({
      richText: [
        { text: 'Họ và tên: ', font: expect.objectContaining({ name: 'Times New Roman', bold: true }) },
        { text: 'Nguyễn Văn An', font: expect.objectContaining({ name: 'Times New Roman' }) },
      ],
    });
    expect(text('A8')).toMatchObject({ text: 'Trang chủ', hyperlink: 'https://example.vn/' });
    expect(text('A10')).toBe('Excel');
    expect(text('A12')).toBe('Năm');
    expect(text('A13')).toBe('Tháng');
    expect(text('C1')).toBe('Thường Phước');

    // Fonts: Unicode name, everything else kept.
    expect(ws.getCell('A1').font).toMatchObject({ name: 'Times New Roman', size: 13, bold: true });
    expect(ws.getCell('A2').font).toMatchObject({ name: 'Times New Roman', size: 12, italic: true });
    expect(ws.getCell('A2').font.color).toMatchObject({ argb: 'FF0000FF' });
    expect(ws.getCell('A3').font).toMatchObject({ name: 'Times New Roman', size: 11 });
    expect(ws.getCell('A8').font).toMatchObject({ name: 'Arial', underline: true });
    expect(ws.getCell('A12').font).toMatchObject({ name: 'Times New Roman', size: 12 });
    expect(ws.getCell('A13').font).toMatchObject({ name: 'Times New Roman', size: 12 });
    expect(ws.getCell('B2').font).toMatchObject({ name: 'Times New Roman' });
    expect(ws.getCell('C1').font).toMatchObject({ name: 'Times New Roman', bold: true });
    expect(ws.getCell('A4').font).toMatchObject({ name: 'Times New Roman', size: 12 });
    expect(ws.getCell('A10').font).toMatchObject({ name: 'Calibri' });

    // A formula whose cached result is legacy text is left entirely alone.
    expect(text('A9')).toEqual({ formula: 'A2', result: '§éc lËp - Tù do - H¹nh phóc' });
    expect(ws.getCell('A9').font).toMatchObject({ name: '.VnTime' });

    // Values, formulas, merges, sizes, sheets and their state.
    expect(text('B1')).toEqual({ formula: 'LEN(A4)', result: 13 });
    expect(text('B2')).toBe(42);
    expect(text('B3')).toEqual(new Date(Date.UTC(2022, 10, 5)));
    expect(ws.getCell('D2').isMerged).toBe(true);
    expect(ws.getCell('D2').master.address).toBe('C1');
    expect(ws.getColumn(1).width).toBe(40);
    expect(ws.getRow(1).height).toBe(30);
    expect(wb.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['DS', 'visible'],
      ['An', 'hidden'],
    ]);
    expect(wb.getWorksheet('An')!.getCell('A1').value).toBe('Năm 2022');
  });

  it('forces an encoding and a font when asked', async () => {
    const input = path.join(dir, 'in.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 'Hoà'; // VNI for "Hồ", but also valid Unicode: auto keeps it
    ws.getCell('A2').value = 'ViÖt';
    ws.getCell('A2').font = { name: '.VnTime', size: 14 };
    await wb.xlsx.writeFile(input);

    const auto = await convertFile(input, path.join(dir, 'auto.xlsx'));
    expect(auto.total.vni).toBe(0);
    expect((await open(path.join(dir, 'auto.xlsx'))).getWorksheet('S')!.getCell('A1').value).toBe('Hoà');

    await convertFile(input, path.join(dir, 'vni.xlsx'), { encoding: 'vni', font: 'Tahoma' });
    const out = (await open(path.join(dir, 'vni.xlsx'))).getWorksheet('S')!;
    expect(out.getCell('A1').value).toBe('Hồ');
    expect(out.getCell('A2').font).toMatchObject({ name: 'Tahoma', size: 14 });
  });

  it('refuses to write over the input or an existing file, and names the file in Vietnamese', async () => {
    const input = path.join(dir, 'in.xlsx');
    await writeLegacyWorkbook(input);
    const before = sha(input);

    await expect(convertFile(input, input)).rejects.toThrow(UserError);
    await expect(convertFile(input, path.join(dir, '.', 'in.xlsx'))).rejects.toThrow(/trùng với tệp gốc/);
    expect(sha(input)).toBe(before);

    const existing = path.join(dir, 'out.xlsx');
    fs.writeFileSync(existing, 'cũ');
    await expect(convertFile(input, existing)).rejects.toThrow(/đã có.*--force/);
    expect(fs.readFileSync(existing, 'utf8')).toBe('cũ');
    await convertFile(input, existing, { overwrite: true });
    expect((await open(existing)).getWorksheet('DS')!.getCell('A3').value).toBe('Việt Nam');
  });

  it('explains unreadable inputs', async () => {
    const missing = path.join(dir, 'không có.xlsx');
    await expect(convertFile(missing)).rejects.toThrow(`Không tìm thấy tệp "${missing}".`);

    const text = path.join(dir, 'text.xlsx');
    fs.writeFileSync(text, 'Đây không phải bảng tính');
    await expect(convertFile(text)).rejects.toThrow(/"[^"]*text\.xlsx" không phải là bảng tính Excel \(\.xlsx\)/);

    const truncated = path.join(dir, 'truncated.xlsx');
    await writeLegacyWorkbook(path.join(dir, 'whole.xlsx'));
    fs.writeFileSync(truncated, fs.readFileSync(path.join(dir, 'whole.xlsx')).subarray(0, 500));
    await expect(convertFile(truncated)).rejects.toThrow(/truncated\.xlsx" không phải là bảng tính Excel/);

    const xls = path.join(dir, 'old.xls');
    fs.writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    await expect(convertFile(xls)).rejects.toThrow(/Excel 97–2003 \(\.xls\)/);

    await expect(convertFile(dir)).rejects.toThrow(/là một thư mục/);
    await expect(convertFile(path.join(dir, 'whole.xlsx'), path.join(dir, 'no', 'out.xlsx'))).rejects.toThrow(
      /Không có thư mục/,
    );
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('names the default output beside the input', () => {
    expect(defaultOutputPath(path.join('a', 'b', 'DS khen thưởng.xlsx'))).toBe(
      path.join('a', 'b', 'DS khen thưởng_unicode.xlsx'),
    );
  });

  it('formats a Vietnamese report table', () => {
    const text = formatReport({
      input: 'in.xlsx',
      output: 'out.xlsx',
      sheets: [{ sheet: 'DSKT', changed: 56, tcvn3: 56, vni: 0, unicode: 0, fonts: 143, formulas: 1 }],
      total: { changed: 56, tcvn3: 56, vni: 0, unicode: 0, fonts: 143, formulas: 1 },
    });
    expect(text).toContain('Trang tính');
    expect(text).toMatch(/DSKT\s+56\s+0\s+0\s+56\s+143/);
    expect(text).toMatch(/Tổng cộng\s+56/);
    expect(text).toContain('1 ô công thức');
  });
});

const SAMPLE_TRUTH = path.join(SAMPLES, 'truth.json');
const haveSamples = fs.existsSync(SAMPLE_TRUTH);

(haveSamples ? describe : describe.skip)(
  haveSamples
    ? 'convertFile on the sample reports'
    : `convertFile on the sample reports (skipped: ${SAMPLES} not found)`,
  () => {
    let dir: string;
    beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-convert-samples-'))));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('turns the TCVN3 and VNI reports into the names and positions of the truth', async () => {
      const truth = JSON.parse(fs.readFileSync(SAMPLE_TRUTH, 'utf8')) as {
        files: Array<{ file: string; encoding?: string; expect: string }>;
        records: Array<{ file: string; sheet: string; row: number; name: string; position: string | null }>;
      };
      const legacy = truth.files.filter(
        (f) => f.expect === 'imported' && (f.encoding === 'tcvn3' || f.encoding === 'vni'),
      );
      expect(legacy.length).toBeGreaterThanOrEqual(2);
      for (const f of legacy) {
        const input = path.join(SAMPLES, f.file);
        const before = sha(input);
        const output = path.join(dir, `${path.parse(f.file).name}.xlsx`);
        const report = await convertFile(input, output);
        expect(sha(input)).toBe(before);
        expect(report.total[f.encoding as 'tcvn3' | 'vni']).toBeGreaterThan(20);

        const wb = await open(output);
        const records = truth.records.filter((r) => r.file === f.file);
        expect(records.length).toBeGreaterThan(0);
        for (const record of records) {
          const row = wb.getWorksheet(record.sheet)!.getRow(record.row);
          const cells: string[] = [];
          row.eachCell((cell) => {
            if (cell.type === ExcelJS.ValueType.String) cells.push(cell.value as string);
            if (cell.type === ExcelJS.ValueType.String) expect(cell.font?.name).not.toMatch(/^(\.vn|vni)/i);
          });
          // The people's cells hold exactly the truth's name (maybe in capitals).
          expect(cells.map((c) => matchKey(c))).toContain(matchKey(record.name));
          if (record.position) expect(cells.map((c) => matchKey(c))).toContain(matchKey(record.position));
        }
      }
    });
  },
);

describe('npx tdkt convert', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, 'bin', 'tdkt.js'), 'convert', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });

  it('prints the Unicode of --text', () => {
    const result = run('--text', 'ViÖt Nam');
    expect(result.stdout).toBe('Việt Nam\n');
    expect(result.status).toBe(0);
    expect(run('--text', 'uû ban nh©n d©n', '--font', '.VnTimeH').stdout).toBe('UỶ BAN NHÂN DÂN\n');
    expect(run('--text', 'Hoà', '--encoding', 'vni').stdout).toBe('Hồ\n');
  });

  it('converts a file and prints the table, or a Vietnamese error', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-convert-cli-'));
    try {
      const input = path.join(dir, 'in.xlsx');
      await writeLegacyWorkbook(input);
      const ok = run(input, path.join(dir, 'out.xlsx'));
      expect(ok.status).toBe(0);
      expect(ok.stdout).toMatch(/Trang tính/);
      expect(ok.stdout).toMatch(/DS\s+8\s+1\s+1\s+10/);

      const missing = run(path.join(dir, 'x.xlsx'));
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain(`Lỗi: Không tìm thấy tệp "${path.join(dir, 'x.xlsx')}".`);

      const usage = run('--encoding', 'utf8', '--text', 'a');
      expect(usage.status).toBe(2);
      expect(usage.stderr).toContain('Bảng mã "utf8" không hợp lệ');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
