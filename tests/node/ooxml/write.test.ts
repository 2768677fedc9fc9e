/**
 * src/node/ooxml/write.ts: the .xlsx it writes is read back as written by
 * exceljs, by this project's reader, and by LibreOffice (a real round trip
 * when soffice is installed, as in CI).
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { emptyMaster, masterFile, readMaster } from '../../../src/node/xlsx-store';
import { loadWorkbookLite } from '../../../src/node/ooxml/read';
import { columnLetter } from '../../../src/core/a1';
import { writeXlsx, type XlsxSheet, type XlsxValue } from '../../../src/node/ooxml/write';
import { resaveWithLibreOffice, soffice } from '../../support/soffice';

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-ooxml-write-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Text that trips writers: markup, formulas, escapes, control characters, edge white space, Vietnamese. */
const TRICKY: string[] = [
  '=HYPERLINK("http://x","bấm")',
  '+84 912 345 678',
  '-1',
  '@SUM(A1)',
  '\tTab đầu',
  '<img src=x onerror=alert(1)>',
  'A & B "trích dẫn" \'nháy\'',
  '_x0041_ không phải chữ A',
  'ký tự điều khiển \u0001\u0008\u001f',
  '  khoảng trắng hai đầu  ',
  'dòng 1\ndòng 2\r\ndòng 3',
  'Nguyễn Thị Hòa – Trưởng phòng 🎖',
  'x'.repeat(5000),
];

function sheet(rows: XlsxValue[][], name = 'Dữ liệu'): XlsxSheet {
  return {
    name,
    columns: [{ width: 30, style: { numFmt: '@' } }, { width: 12 }, { width: 12, style: { numFmt: 'dd/mm/yyyy' } }],
    header: {
      values: ['Chữ', 'Số', 'Ngày'],
      styles: [{ bold: true }, { bold: true }, { bold: true, fill: 'FFE8EAED' }],
    },
    rows,
  };
}

describe('writeXlsx', () => {
  const date = new Date('2024-03-15T00:00:00Z');
  const rows: XlsxValue[][] = TRICKY.map((text, i) => [text, i % 2 ? i + 0.25 : -i - 1, i === 3 ? null : date]);
  rows.push([null, true, null], ['', false, null]);

  it('gives exceljs back every value, as a string cell for text (never a formula)', async () => {
    const file = path.join(dir, 'values.xlsx');
    fs.writeFileSync(file, writeXlsx([sheet(rows)], { creator: 'tdkt' }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Dữ liệu')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Chữ', 'Số', 'Ngày']);
    rows.forEach((row, i) => {
      const r = ws.getRow(i + 2);
      expect([r.getCell(1).value ?? '', r.getCell(2).value, r.getCell(3).value]).toEqual([
        row[0] ?? '',
        row[1],
        row[2],
      ]);
      if (typeof row[0] === 'string' && row[0] !== '') expect(r.getCell(1).type).toBe(ExcelJS.ValueType.String);
    });
    expect(ws.getCell('A2').formula).toBeUndefined();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('C2').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('C1').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFE8EAED' } });
    expect(ws.getColumn(1).width).toBe(30);
    expect(wb.creator).toBe('tdkt');
  });

  it('gives this project’s reader the same values', () => {
    const book = loadWorkbookLite(writeXlsx([sheet(rows)]));
    expect(book).not.toBeNull();
    const cells = new Map(book!.worksheets[0].cells.map((c) => [`${c.row}:${c.col}`, c.value]));
    rows.forEach((row, i) =>
      row.forEach((v, c) => expect(cells.get(`${i + 2}:${c + 1}`) ?? null).toEqual(v === '' ? null : v)),
    );
  });

  it('refuses what Excel would refuse or what cannot be a cell, before writing anything', () => {
    expect(() => writeXlsx([sheet([[Symbol('x') as unknown as string, 1, null]])])).toThrow(/cannot write/);
    expect(() => writeXlsx([sheet([['a', Number.NaN, null]])])).toThrow(/not a number/);
    expect(() => writeXlsx([sheet([], 'a/b')])).toThrow(/not allowed/);
    expect(() => writeXlsx([sheet([], 'Trang'), sheet([], 'trang')])).toThrow(/used twice/);
    expect(() =>
      writeXlsx([
        {
          ...sheet([]),
          validations: [{ column: 1, fromRow: 2, toRow: 9, options: ['x'.repeat(300)], errorTitle: '', error: '' }],
        },
      ]),
    ).toThrow(/too long/);
  });

  it('names columns as Excel does', () => {
    expect([1, 26, 27, 52, 53, 702, 703, 16384].map((c) => columnLetter(c))).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
      'XFD',
    ]);
  });
});

const withSoffice = soffice ? it : it.skip;

describe('the master in LibreOffice', () => {
  withSoffice(
    'opens with its records and discrepancies, and LibreOffice’s own save of it reads back as the same master',
    async () => {
      const data = emptyMaster();
      data.units = [
        { name: 'Phòng Y tế', kind: 'department', aliases: '=1+1; PYT' },
        { name: 'Xã Thường Phước 1', kind: 'commune' },
      ];
      data.nominations = [
        {
          year: 2022,
          unit: 'Phòng Y tế',
          subject: 'individual',
          name: 'Nguyễn Thị <b>Hòa</b>',
          position: '+Trưởng phòng',
          award: 'Lao động tiên tiến',
          sourceRow: 12,
        },
      ];
      data.plan = [{ year: 2022, id: '1.1', title: 'Họp Hội đồng', start: '2022-02-01', status: 'done', percent: 1 }];
      data.discrepancies = [
        {
          file: '08_DS đề nghị - Phú Thuận B.xlsx',
          sheet: 'KT 2022',
          row: 14,
          name: 'Lê Văn Tám',
          code: 'conflict',
          what: 'Đề nghị hai hình thức khác nhau',
          why: 'Tệp khác đề nghị «Lao động tiên tiến»,\ntệp này «Chiến sĩ thi đua cơ sở».',
          suggestion: '=Hỏi lại đơn vị',
          resolved: 'no',
        },
      ];
      const source = path.join(dir, 'master.xlsx');
      fs.writeFileSync(source, masterFile(data));
      const resaved = resaveWithLibreOffice(source, dir);
      const back = await readMaster(resaved);
      expect(back.units).toEqual((await readMaster(source)).units);
      expect(back.nominations[0]).toMatchObject(data.nominations[0]);
      expect(back.plan[0]).toMatchObject(data.plan[0]);
      expect(back.discrepancies).toEqual([expect.objectContaining(data.discrepancies[0])]);
    },
    180_000,
  );
});
