/**
 * Legacy .xls through LibreOffice: a real round trip when soffice is
 * installed (an .xlsx made with exceljs, saved as .xls by soffice itself,
 * then read), the message when it is not, and the time limit.
 */
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { convertToXlsx, findSoffice, notInstalledMessage } from '../../../src/node/import/xls';
import { readReport, ReportError } from '../../../src/node/import/read';
import { titleBlock, writeWorkbook } from '../../fixtures/reports/build';
import { biffWorkbook, makeCfb } from '../../fixtures/reports/cfb';

const soffice = findSoffice();
let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-xls-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function sampleXlsx(file: string): Promise<void> {
  const t = titleBlock({ unit: 'PHÒNG TƯ PHÁP', title: 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2022' }, 5);
  await writeWorkbook(file, [
    {
      name: 'KT 2022',
      rows: [
        ...t.rows,
        [8, ['STT', 'Họ và tên', 'Chức vụ', 'Hình thức đề nghị', undefined]],
        [9, [undefined, undefined, undefined, 'Danh hiệu thi đua', 'Hình thức khen thưởng']],
        [10, [1, 'Nguyễn Thị Hoà', 'Chuyên viên', 'LĐTT', 'GK UBND huyện']],
        [11, [2, 'Phòng Tư pháp', undefined, 'Tập thể LĐTT']],
        [12, [3, { v: 'TR¦¥NG C¤NG AN', font: '.VnTime' }, 'Văn thư', 'CSTĐCS']],
        [14, [undefined, 'Người lập biểu', undefined, 'TRƯỞNG PHÒNG']],
      ],
      merges: [...t.merges, 'A8:A9', 'B8:B9', 'C8:C9', 'D8:E8'],
    },
  ]);
}

describe('LibreOffice conversion', () => {
  it('finds no soffice on an empty PATH', () => {
    expect(findSoffice({ PATH: '' }, [])).toBeNull();
  });

  it('without LibreOffice, an .xls fails with how to install it', async () => {
    const file = path.join(dir, '05_cu.xls');
    fs.writeFileSync(file, makeCfb([{ name: 'Workbook', data: biffWorkbook(false) }]));
    const before = sha(file);
    const error = await readReport(file, { convert: { env: { PATH: '' }, sofficePath: null } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).code).toBe('legacy_unavailable');
    expect((error as ReportError).message).toBe(notInstalledMessage('05_cu.xls'));
    expect((error as ReportError).message).toMatch(/«05_cu\.xls» là tệp Excel cũ \(\.xls\)/);
    expect((error as ReportError).message).toContain('sudo apt-get install libreoffice-calc-nogui');
    expect((error as ReportError).message).toContain('https://www.libreoffice.org/download/');
    expect((error as ReportError).sha256).toBe(before);
    expect(sha(file)).toBe(before);
  });

  it('kills LibreOffice after the time limit and fails the file', async () => {
    const fake = path.join(dir, 'slow-soffice');
    fs.writeFileSync(fake, '#!/bin/sh\nsleep 30\n', { mode: 0o755 });
    const file = path.join(dir, 'slow.xls');
    fs.writeFileSync(file, makeCfb([{ name: 'Workbook', data: biffWorkbook(false) }]));
    const started = Date.now();
    const error = await convertToXlsx(file, 'xls', { sofficePath: fake, timeoutMs: 500 }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((error as ReportError).code).toBe('conversion_failed');
    expect((error as ReportError).message).toMatch(/«slow\.xls».*quá thời gian xử lý/);
  });

  it('reports a conversion that produces nothing', async () => {
    const fake = path.join(dir, 'broken-soffice');
    fs.writeFileSync(fake, '#!/bin/sh\necho "Error: source file could not be loaded" >&2\nexit 1\n', { mode: 0o755 });
    const file = path.join(dir, 'broken.xls');
    fs.writeFileSync(file, makeCfb([{ name: 'Workbook', data: biffWorkbook(false) }]));
    const error = await readReport(file, { convert: { sofficePath: fake } }).catch((e: unknown) => e);
    expect((error as ReportError).code).toBe('conversion_failed');
    expect((error as ReportError).message).toMatch(/«broken\.xls».*could not be loaded/);
  });

  (soffice ? it : it.skip)(
    'reads a web page saved as .xls (as some programs export) through LibreOffice Calc',
    async () => {
      const file = path.join(dir, 'xuat-tu-phan-mem.xls');
      fs.writeFileSync(
        file,
        '<html><head><meta charset="utf-8"></head><body><table>' +
          '<tr><td colspan="3">DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2022</td></tr>' +
          '<tr><td>STT</td><td>Họ và tên</td><td>Hình thức khen thưởng</td></tr>' +
          '<tr><td>1</td><td>Nguyễn Văn Sáu</td><td>Giấy khen UBND huyện</td></tr></table></body></html>',
      );
      const read = await readReport(file);
      expect(read.records.map((r) => [r.name, r.awardText, r.kind, r.year])).toEqual([
        ['Nguyễn Văn Sáu', 'Giấy khen UBND huyện', 'nomination', 2022],
      ]);
    },
    180_000,
  );

  (soffice ? it : it.skip)(
    'reads an .xls made by LibreOffice like the .xlsx it came from, leaving the source untouched',
    async () => {
      const xlsx = path.join(dir, 'goc.xlsx');
      await sampleXlsx(xlsx);
      const outDir = path.join(dir, 'xls');
      execFileSync(
        soffice!,
        [
          `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
          '--headless',
          '--convert-to',
          'xls',
          '--outdir',
          outDir,
          xlsx,
        ],
        { timeout: 120_000, stdio: 'ignore', env: { ...process.env, HOME: dir } },
      );
      const xls = path.join(outDir, 'goc.xls');
      expect(fs.readFileSync(xls).subarray(0, 4).toString('hex')).toBe('d0cf11e0');
      const before = sha(xls);

      const fromXls = await readReport(xls);
      const fromXlsx = await readReport(xlsx);
      expect(sha(xls)).toBe(before);
      expect(fromXls.sha256).toBe(before);
      expect(fromXls.notes.join('\n')).toMatch(/LibreOffice/);
      const strip = (f: typeof fromXls): unknown => f.records.map((r) => ({ ...r, file: '' }));
      expect(strip(fromXls)).toEqual(strip(fromXlsx));
      expect(fromXls.records.map((r) => [r.row, r.name, r.awardText])).toEqual([
        [10, 'Nguyễn Thị Hòa', 'LĐTT'],
        [10, 'Nguyễn Thị Hòa', 'GK UBND huyện'],
        [11, 'Phòng Tư pháp', 'Tập thể LĐTT'],
        [12, 'Trương Công An', 'CSTĐCS'],
      ]);
      expect([fromXls.kind, fromXls.year, fromXls.unitText, fromXls.headerRow]).toEqual([
        'nomination',
        2022,
        'PHÒNG TƯ PHÁP',
        8,
      ]);
    },
    180_000,
  );
});
