/**
 * The guard in front of the reader: each kind of bad file is rejected with a
 * Vietnamese message naming it, before any parser sees it.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  checkMerges,
  inspectWorkbookFile,
  parseAddress,
  rangeArea,
  readWorkbookFile,
  type WorkbookLimits,
} from '../../../src/node/import/guard';
import { readReport, ReportError } from '../../../src/node/import/read';
import { buildWorkbook } from '../../fixtures/reports/build';
import { biffWorkbook, makeCfb } from '../../fixtures/reports/cfb';
import { makeZip, readZip, type ZipItem } from '../../fixtures/reports/zip';

let dir: string;
let valid: Buffer;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-guard-'));
  const wb = buildWorkbook([
    {
      name: 'DS',
      rows: [
        [1, ['DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2022']],
        [3, ['STT', 'Họ và tên', 'Chức vụ', 'Danh hiệu']],
        [4, [1, 'Nguyễn Văn An', 'Chuyên viên', 'LĐTT']],
      ],
      merges: ['A1:D1'],
    },
  ]);
  valid = Buffer.from(await wb.xlsx.writeBuffer());
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function put(name: string, data: Buffer | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

async function rejection(file: string, limits: Partial<WorkbookLimits> = {}): Promise<ReportError> {
  const error = await inspectWorkbookFile(file, limits).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ReportError);
  return error as ReportError;
}

/** The valid workbook with its sheet XML rewritten. */
async function withSheetXml(edit: (xml: string) => string): Promise<Buffer> {
  const items = await readZip(valid);
  return makeZip(
    items.map((item): ZipItem =>
      /^xl\/worksheets\/sheet\d+\.xml$/.test(item.name)
        ? { ...item, data: Buffer.from(edit(item.data.toString('utf8'))) }
        : item,
    ),
  );
}

describe('inspectWorkbookFile', () => {
  it('accepts a workbook and gives its SHA-256, size and entries', async () => {
    const file = put('ok.xlsx', valid);
    const result = await inspectWorkbookFile(file);
    expect(result.sha256).toBe(createHash('sha256').update(valid).digest('hex'));
    expect(result.size).toBe(valid.length);
    expect(result.format).toBe('xlsx');
    expect(result.entries.map((e) => e.name)).toEqual(expect.arrayContaining(['xl/workbook.xml']));
    expect(result.mergeCount).toBe(1);
  });

  it('rejects a text file named .xlsx', async () => {
    const file = put('x.xlsx', 'Kính gửi: Phòng Nội vụ\r\nThực hiện hướng dẫn …');
    const e = await rejection(file);
    expect(e.code).toBe('not_excel');
    expect(e.message).toMatch(/^Tệp «x\.xlsx» không phải tệp Excel \(\.xlsx\) hợp lệ/);
    expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects a web page named .xlsx, but takes one named .xls (for LibreOffice)', async () => {
    const html =
      '<html><head><meta charset="utf-8"></head><body><table><tr><td>STT</td><td>Họ và tên</td></tr></table></body></html>';
    const e = await rejection(put('page.xlsx', html));
    expect(e.code).toBe('not_excel');
    expect(e.message).toMatch(/«page\.xlsx» không phải tệp Excel \(\.xlsx\) hợp lệ: nội dung là một trang web/);
    expect((await inspectWorkbookFile(put('page.xls', html))).format).toBe('html');
  });

  it('rejects a truncated zip', async () => {
    const file = put('cut.xlsx', valid.subarray(0, Math.floor(valid.length / 2)));
    const e = await rejection(file);
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/«cut\.xlsx» bị hỏng hoặc chưa được tải về đầy đủ/);
  });

  it('rejects a missing file and an empty file', async () => {
    expect((await rejection(path.join(dir, 'none.xlsx'))).message).toMatch(/«none\.xlsx» không tồn tại/);
    expect((await rejection(put('empty.xlsx', Buffer.alloc(0)))).code).toBe('not_excel');
  });

  it('rejects a zip bomb: absurd ratio, oversized entry, oversized total', async () => {
    const zeros = Buffer.alloc(4 * 1024 * 1024);
    const bomb = put(
      'bomb.xlsx',
      makeZip([
        { name: 'xl/workbook.xml', data: Buffer.from('<x/>') },
        { name: 'xl/worksheets/sheet1.xml', data: zeros },
      ]),
    );
    const e = await rejection(bomb);
    expect(e.code).toBe('zip_bomb');
    expect(e.message).toMatch(/«bomb\.xlsx» có dung lượng giải nén bất thường.*tỉ lệ/);

    const big = await rejection(put('big.xlsx', valid), { maxEntryBytes: 1000, maxRatio: 1e9 });
    expect(big.code).toBe('zip_bomb');
    const total = await rejection(put('total.xlsx', valid), { maxTotalBytes: 5000, maxRatio: 1e9 });
    expect(total.message).toMatch(/tổng cộng/);
    const entries = await rejection(put('entries.xlsx', valid), { maxEntries: 3 });
    expect(entries.message).toMatch(/«entries\.xlsx» chứa quá nhiều thành phần \(hơn 3\)/);
  });

  it('rejects an entry that inflates past its declared size', async () => {
    const xml = Buffer.from('<worksheet>' + '<row/>'.repeat(5000) + '</worksheet>');
    const file = put(
      'liar.xlsx',
      makeZip([
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        { name: 'xl/worksheets/sheet1.xml', data: xml, declaredSize: 100 },
      ]),
    );
    const e = await rejection(file);
    expect(e.code).toBe('corrupt');
    // The reader's path (the lite loader, then the merge check before exceljs) rejects it the same way.
    await expect(readReport(file)).rejects.toMatchObject({ code: 'corrupt', message: e.message });
  });

  it('rejects a password-protected workbook (OLE2 with EncryptionInfo), and tells a legacy .xls apart', async () => {
    const encrypted = put(
      'secret.xlsx',
      makeCfb([
        { name: 'EncryptionInfo', data: Buffer.alloc(0) },
        { name: 'EncryptedPackage', data: Buffer.alloc(5000, 7) },
      ]),
    );
    const e = await rejection(encrypted);
    expect(e.code).toBe('encrypted');
    expect(e.message).toMatch(/«secret\.xlsx» được đặt mật khẩu/);

    const xls = put('old.xls', makeCfb([{ name: 'Workbook', data: biffWorkbook(false) }]));
    expect((await inspectWorkbookFile(xls)).format).toBe('xls');

    const lockedXls = put('locked.xls', makeCfb([{ name: 'Workbook', data: biffWorkbook(true) }]));
    expect((await rejection(lockedXls)).code).toBe('encrypted');

    const doc = put('word.xls', makeCfb([{ name: 'WordDocument', data: Buffer.alloc(10) }]));
    const d = await rejection(doc);
    expect(d.code).toBe('not_excel');
    expect(d.message).toMatch(/tệp Word/);
  });

  it('rejects a zip without a workbook or without any worksheet', async () => {
    const word = await rejection(put('w.xlsx', makeZip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }])));
    expect(word.code).toBe('not_excel');
    const noSheet = await rejection(
      put('nosheet.xlsx', makeZip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }])),
    );
    expect(noSheet.code).toBe('no_worksheet');
    expect(noSheet.message).toMatch(/«nosheet\.xlsx» không có trang tính/);
  });

  it('rejects a huge merged range, streaming the sheet XML; many small merges pass', async () => {
    const huge = await withSheetXml((xml) =>
      xml.replace(
        /<mergeCells[^>]*>.*<\/mergeCells>/s,
        '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
      ),
    );
    const e = await rejection(put('merge.xlsx', huge));
    expect(e.code).toBe('merge_too_large');
    expect(e.message).toMatch(/«merge\.xlsx».*A1:XFD1048576/);

    const many = Array.from({ length: 5000 }, (_, i) => `<mergeCell ref="A${i + 10}:B${i + 10}"/>`).join('');
    const fine = await withSheetXml((xml) =>
      xml.replace(/<mergeCells[^>]*>.*<\/mergeCells>/s, `<mergeCells count="5000">${many}</mergeCells>`),
    );
    expect((await inspectWorkbookFile(put('many.xlsx', fine))).mergeCount).toBe(5000);
    // The total area of merges is limited too.
    const total = await rejection(put('many2.xlsx', fine), { maxTotalMergeCells: 5000 });
    expect(total.code).toBe('merge_too_large');
  });

  it('is applied by readReport', async () => {
    const file = path.join(dir, 'secret.xlsx');
    await expect(readReport(file)).rejects.toMatchObject({ code: 'encrypted' });
  });
});

describe("the reader's path: the directory read without yauzl, merges checked as the sheets are read", () => {
  it('gives the same inspection as yauzl, without the merge count', async () => {
    const file = put('fast.xlsx', valid);
    const full = await inspectWorkbookFile(file);
    const fast = (await readWorkbookFile(file, {}, 'fast.xlsx', { merges: false })).inspection;
    expect(fast).toEqual({ ...full, mergeCount: 0, mergesChecked: false });
    expect(full.mergesChecked).toBe(true);
  });

  it('rejects the same files with the same messages', async () => {
    const cases: Array<[string, Buffer | string, Partial<WorkbookLimits>]> = [
      ['text.xlsx', 'Kính gửi: Phòng Nội vụ', {}],
      ['cut.xlsx', valid.subarray(0, Math.floor(valid.length / 2)), {}],
      ['word.xlsx', makeZip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]), {}],
      ['nosheet.xlsx', makeZip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }]), {}],
      ['entries.xlsx', valid, { maxEntries: 3 }],
      ['bomb.xlsx', valid, { maxEntryBytes: 100 }],
    ];
    for (const [name, data, limits] of cases) {
      const file = put(name, data);
      const full = await inspectWorkbookFile(file, limits).catch((e: unknown) => e);
      const fast = await readWorkbookFile(file, limits, name, { merges: false }).catch((e: unknown) => e);
      expect(full).toBeInstanceOf(ReportError);
      expect({ name, code: (fast as ReportError).code, message: (fast as ReportError).message }).toEqual({
        name,
        code: (full as ReportError).code,
        message: (full as ReportError).message,
      });
    }
  });

  it('checkMerges gives the merge check alone; readReport still rejects a huge merged range', async () => {
    const huge = await withSheetXml((xml) =>
      xml.replace(
        /<mergeCells[^>]*>.*<\/mergeCells>/s,
        '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
      ),
    );
    const e = await checkMerges(huge, 'huge.xlsx').catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'merge_too_large' });
    expect(await checkMerges(valid, 'ok.xlsx')).toBe(1);
    await expect(readReport(put('huge.xlsx', huge))).rejects.toMatchObject({ code: 'merge_too_large' });
    // The total area too, with the reader's limits.
    const many = Array.from({ length: 50 }, (_, i) => `<mergeCell ref="A${i + 10}:B${i + 10}"/>`).join('');
    const fine = await withSheetXml((xml) =>
      xml.replace(/<mergeCells[^>]*>.*<\/mergeCells>/s, `<mergeCells count="50">${many}</mergeCells>`),
    );
    await expect(readReport(put('many3.xlsx', fine), { limits: { maxTotalMergeCells: 60 } })).rejects.toMatchObject({
      code: 'merge_too_large',
    });
    await expect(readReport(put('many4.xlsx', fine))).resolves.toMatchObject({ kind: 'nomination' });
  });
});

describe('cell ranges', () => {
  it('parses addresses and areas', () => {
    expect(parseAddress('C12')).toEqual([12, 3]);
    expect(parseAddress('$XFD$1048576')).toEqual([1048576, 16384]);
    expect(rangeArea('A1:C3')).toBe(9);
    expect(rangeArea('B2')).toBe(1);
    expect(rangeArea('A1:XFD1048576')).toBe(16384 * 1048576);
  });
});
