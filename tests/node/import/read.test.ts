/**
 * The reader on layouts generated with exceljs: each test builds the kind of
 * sheet units send and checks the records, kind, year, unit, encoding and notes.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { matchAward } from '../../../src/core/awards';
import { encodeTcvn3, encodeVni } from '../../../src/core/text';
import type { ExtractedFile } from '../../../src/core/reconcile/types';
import {
  ReportError,
  isSignatureText,
  isTotalsText,
  looksCollective,
  parseSection,
  readReport,
  unitFromFileName,
  yearOfText,
  kindOfText,
} from '../../../src/node/import/read';
import { splitAwards } from '../../../src/node/import/read/rows';
import { unitFromTopLeft, type TitleLine } from '../../../src/node/import/read/title';
import { titleBlock, writeWorkbook, type SheetSpec } from '../../fixtures/reports/build';

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-read-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function read(name: string, sheets: SheetSpec[]): Promise<ExtractedFile> {
  const file = path.join(dir, name);
  await writeWorkbook(file, sheets);
  return readReport(file);
}

/** The records as compact tuples: [row, subject, name, position, award]. */
function rows(file: ExtractedFile): Array<[number, string, string, string | null, string | null]> {
  return file.records.map((r) => [r.row, r.subject, r.name, r.position, r.awardText]);
}

function canonical(text: string | null): string | null {
  return text === null ? null : (matchAward(text).award?.name ?? text);
}

describe('readReport: layouts', () => {
  it('two-row merged header with a registration tick matrix: one record per tick', async () => {
    const t = titleBlock({ unit: 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO', title: 'ĐĂNG KÝ DANH HIỆU THI ĐUA NĂM 2022' }, 8);
    const file = await read('01_matrix.xlsx', [
      {
        name: 'Sheet1',
        rows: [
          ...t.rows,
          [8, ['STT', 'Họ và tên', 'Chức vụ', 'DANH HIỆU ĐĂNG KÝ', undefined, undefined, undefined, 'Ghi chú']],
          [9, [undefined, undefined, undefined, 'LĐTT', 'CSTĐCS', 'CSTĐ tỉnh', 'Tập thể LĐTT']],
          [10, ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)']],
          [11, [1, 'Trường Mẫu giáo Hoa Sen', undefined, undefined, undefined, undefined, 'x']],
          [12, [2, 'Lê Văn Bình', 'Giáo viên', 'X ', '✓']],
          [13, [3, 'Trần Thị Cúc', 'Chuyên viên', 'x', undefined, '']],
          [14, [4, 'Phạm Văn Dũng', 'Hiệu trưởng', '-', 'x']],
        ],
        merges: [...t.merges, 'A8:A9', 'B8:B9', 'C8:C9', 'D8:G8', 'H8:H9'],
      },
    ]);
    expect(file.kind).toBe('registration');
    expect(file.year).toBe(2022);
    expect(file.headerRow).toBe(8);
    expect(file.unitText).toBe('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO');
    expect(file.unitSource).toBe('title');
    expect(rows(file).map(([r, s, n, p, a]) => [r, s, n, p, canonical(a)])).toEqual([
      [11, 'collective', 'Trường Mẫu giáo Hoa Sen', null, 'Tập thể lao động tiên tiến'],
      [12, 'individual', 'Lê Văn Bình', 'Giáo viên', 'Lao động tiên tiến'],
      [12, 'individual', 'Lê Văn Bình', 'Giáo viên', 'Chiến sĩ thi đua cơ sở'],
      [13, 'individual', 'Trần Thị Cúc', 'Chuyên viên', 'Lao động tiên tiến'],
      [14, 'individual', 'Phạm Văn Dũng', 'Hiệu trưởng', 'Chiến sĩ thi đua cơ sở'],
    ]);
  });

  it('section rows set the subject and the award of the rows below', async () => {
    const t = titleBlock(
      {
        authority: 'ỦY BAN NHÂN DÂN',
        unit: 'XÃ PHÚ THUẬN A',
        title: 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG',
        subtitle: 'Thành tích năm 2022',
      },
      6,
    );
    const file = await read('02_sections.xlsx', [
      {
        name: 'DSKT',
        rows: [
          ...t.rows,
          [8, ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị công tác', 'Tóm tắt thành tích', 'Ghi chú']],
          [9, ['I. TẬP THỂ']],
          [10, ['1. Tập thể lao động tiên tiến (02 tập thể)']],
          [11, [1, 'Hội Nông dân xã Phú Thuận A', undefined, 'UBND xã']],
          [12, [2, 'Ban Chỉ huy Quân sự xã', undefined, 'UBND xã']],
          [13, ['II', 'CÁ NHÂN']],
          [14, ['- Đề nghị tặng Lao động tiên tiến (01 cá nhân)']],
          [15, [3, 'Nguyễn Văn Em', 'Công chức Tư pháp', 'UBND xã']],
          [16, ['2/ Giấy khen của Chủ tịch UBND huyện: 01 cá nhân']],
          [17, [4, 'Lê Thị Gấm', 'Văn thư', 'UBND xã']],
          [18, ['3. Giấy khen của Giám đốc Sở (01 cá nhân)']],
          [19, [5, 'Võ Văn Hùng', 'Chuyên viên', 'UBND xã']],
        ],
        merges: [...t.merges, 'A9:F9', 'A10:F10', 'A14:F14', 'A16:F16', 'A18:F18'],
      },
    ]);
    expect(file.kind).toBe('nomination');
    expect(file.year).toBe(2022);
    expect(file.unitText).toBe('ỦY BAN NHÂN DÂN XÃ PHÚ THUẬN A');
    expect(rows(file).map(([r, s, n, p, a]) => [r, s, n, p, canonical(a)])).toEqual([
      [11, 'collective', 'Hội Nông dân xã Phú Thuận A', null, 'Tập thể lao động tiên tiến'],
      [12, 'collective', 'Ban Chỉ huy Quân sự xã', null, 'Tập thể lao động tiên tiến'],
      [15, 'individual', 'Nguyễn Văn Em', 'Công chức Tư pháp', 'Lao động tiên tiến'],
      [17, 'individual', 'Lê Thị Gấm', 'Văn thư', 'Giấy khen của Chủ tịch Ủy ban nhân dân huyện'],
      [19, 'individual', 'Võ Văn Hùng', 'Chuyên viên', 'Giấy khen của Giám đốc Sở'],
    ]);
    expect(file.records.every((r) => r.rowUnitText === 'UBND xã')).toBe(true);
  });

  it('a vertically merged award cell applies to every row inside; a nomination row with title and form gives two records', async () => {
    const t = titleBlock({ unit: 'PHÒNG Y TẾ', title: 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2022' }, 6);
    const file = await read('03_merged_award.xlsx', [
      {
        name: 'KT',
        rows: [
          ...t.rows,
          [8, ['STT', 'Họ và tên', 'Chức vụ', 'Hình thức đề nghị', undefined, 'Ghi chú']],
          [9, [undefined, undefined, undefined, 'Danh hiệu thi đua', 'Hình thức khen thưởng']],
          [10, [1, 'Nguyễn Văn An', 'Chuyên viên', 'Lao động tiên tiến', 'Giấy khen UBND huyện']],
          [11, [2, 'Trần Văn Bảo', 'Kế toán']],
          [12, [3, 'Lê Thị Cẩm', 'Văn thư']],
          [13, [4, 'Phạm Thị Dung', 'Trưởng phòng', 'CSTĐCS']],
        ],
        merges: [...t.merges, 'A8:A9', 'B8:B9', 'C8:C9', 'D8:E8', 'F8:F9', 'D10:D12'],
      },
    ]);
    expect(file.headerRow).toBe(8);
    expect(rows(file).map(([r, , n, , a]) => [r, n, canonical(a)])).toEqual([
      [10, 'Nguyễn Văn An', 'Lao động tiên tiến'],
      [10, 'Nguyễn Văn An', 'Giấy khen của Chủ tịch Ủy ban nhân dân huyện'],
      [11, 'Trần Văn Bảo', 'Lao động tiên tiến'],
      [12, 'Lê Thị Cẩm', 'Lao động tiên tiến'],
      [13, 'Phạm Thị Dung', 'Chiến sĩ thi đua cơ sở'],
    ]);
  });

  it('split "Họ và tên đệm | Tên" columns are joined; NFD, ALL-CAPS and old-tone names are normalised', async () => {
    const t = titleBlock({ unit: 'PHÒNG NỘI VỤ', title: 'BẢNG ĐĂNG KÝ THI ĐUA NĂM 2023' }, 6);
    const file = await read('04_split_names.xlsx', [
      {
        name: 'DK',
        rows: [
          ...t.rows,
          [8, ['STT', 'Họ và tên đệm', 'Tên', 'Chức vụ', 'Danh hiệu đăng ký', 'Ghi chú']],
          [9, [1, 'Nguyễn Thị Thuỳ'.normalize('NFD'), 'Dương'.normalize('NFD'), 'Chuyên viên', 'LĐTT']],
          [10, [2, 'HOÀNG VĂN', 'THUỶ', 'Phó Trưởng phòng', 'CSTĐ cơ sở']],
          [11, [3, '  Lê   Hoà ', 'Bình\n', 'Văn thư', 'Lao động tiên tiến']],
        ],
        merges: t.merges,
      },
    ]);
    expect(file.kind).toBe('registration');
    expect(file.year).toBe(2023);
    expect(file.records.map((r) => r.name)).toEqual(['Nguyễn Thị Thùy Dương', 'Hoàng Văn Thủy', 'Lê Hòa Bình']);
    expect(file.records.every((r) => r.name === r.name.normalize('NFC'))).toBe(true);
  });

  it('names of people get the new tone placement; collectives and positions stay as written (NFC, spaces collapsed)', async () => {
    const t = titleBlock({ unit: 'UBND XÃ LONG KHÁNH A', title: 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2022' }, 6);
    const file = await read('04b_tones.xlsx', [
      {
        name: 'DS',
        rows: [
          ...t.rows,
          [8, ['STT', 'Họ và tên', 'Chức vụ', 'Hình thức khen thưởng']],
          [9, [1, 'Uỷ ban MTTQ Việt Nam  xã Long Khánh A'.normalize('NFD'), undefined, 'Tập thể LĐTT']],
          [10, [2, 'NGUYỄN THỊ HOÀ', 'Chủ tịch Uỷ ban\nMTTQ xã', 'LĐTT']],
          [11, [3, 'Trần Thuỵ Khoa', '  Phó Chủ tịch Hội Nông dân xã, phụ trách khuyến nông  ', 'LĐTT']],
        ],
        merges: t.merges,
      },
    ]);
    expect(rows(file)).toEqual([
      [9, 'collective', 'Uỷ ban MTTQ Việt Nam xã Long Khánh A', null, 'Tập thể LĐTT'],
      [10, 'individual', 'Nguyễn Thị Hòa', 'Chủ tịch Uỷ ban MTTQ xã', 'LĐTT'],
      [11, 'individual', 'Trần Thụy Khoa', 'Phó Chủ tịch Hội Nông dân xã, phụ trách khuyến nông', 'LĐTT'],
    ]);
  });

  it('a TCVN3 .VnTimeH title over a Unicode body reads as Unicode with the title decoded', async () => {
    const h = (text: string): { v: string; font: string } => ({ v: encodeTcvn3(text.toLowerCase()), font: '.VnTimeH' });
    const file = await read('05_tcvn3_title.xlsx', [
      {
        name: 'DS',
        rows: [
          [1, [h('Ủy ban nhân dân'), undefined, undefined, h('Cộng hòa xã hội chủ nghĩa Việt Nam')]],
          [
            2,
            [
              h('Xã Thường Lạc'),
              undefined,
              undefined,
              { v: encodeTcvn3('Độc lập - Tự do - Hạnh phúc'), font: '.VnTime' },
            ],
          ],
          [4, [h('Danh sách đề nghị khen thưởng năm 2022')]],
          [6, ['STT', 'Họ và tên', 'Chức vụ', 'Hình thức khen thưởng']],
          [7, [1, 'Nguyễn Văn Thường', 'Chủ tịch Hội Nông dân xã', 'Lao động tiên tiến']],
          [8, [2, 'Trần Thị Hạnh', 'Công chức Văn hóa - Xã hội', 'Giấy khen UBND huyện']],
        ],
        merges: ['A4:D4'],
      },
    ]);
    expect(file.encoding).toBe('unicode');
    expect(file.kind).toBe('nomination');
    expect(file.year).toBe(2022);
    expect(file.unitText).toBe('ỦY BAN NHÂN DÂN XÃ THƯỜNG LẠC');
    expect(file.records.map((r) => r.name)).toEqual(['Nguyễn Văn Thường', 'Trần Thị Hạnh']);
  });

  it('a VNI body (VNI-Times font) is decoded and reported as vni', async () => {
    const v = (text: string): { v: string; font: string } => ({ v: encodeVni(text), font: 'VNI-Times' });
    const file = await read('06_vni.xlsx', [
      {
        name: 'KT 2022',
        rows: [
          [1, [v('UBND XÃ LONG THUẬN'), undefined, undefined, v('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')]],
          [3, [v('DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG')]],
          [4, [v('Năm 2022')]],
          [6, [v('STT'), v('Họ và tên'), v('Chức vụ'), v('Danh hiệu thi đua')]],
          [7, [1, v('Hội Liên hiệp Phụ nữ xã Long Thuận'), undefined, v('Tập thể lao động tiên tiến')]],
          [8, [2, v('Phan Thị Tuyết'), v('Phó Trưởng Công an xã'), v('Lao động tiên tiến')]],
          [9, [v('Cộng'), v('1 tập thể, 1 cá nhân')]],
        ],
      },
    ]);
    expect(file.encoding).toBe('vni');
    expect(file.unitText).toBe('UBND XÃ LONG THUẬN');
    expect(rows(file)).toEqual([
      [7, 'collective', 'Hội Liên hiệp Phụ nữ xã Long Thuận', null, 'Tập thể lao động tiên tiến'],
      [8, 'individual', 'Phan Thị Tuyết', 'Phó Trưởng Công an xã', 'Lao động tiên tiến'],
    ]);
  });

  it('hidden and empty sheets give no records and are noted; the data sheet is reported', async () => {
    const file = await read('07_sheets.xlsx', [
      { name: 'Sheet1', rows: [] },
      {
        name: 'Tong hop',
        rows: [
          [1, ['DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2022']],
          [2, ['Đơn vị: Phòng Tư pháp']],
          [4, ['Số TT', 'Họ tên', 'Chức danh', 'Hình thức khen thưởng đề nghị']],
          [5, [1, 'Đỗ Văn Khoa', 'Chuyên viên', 'LĐTT']],
        ],
      },
      {
        name: 'Cu',
        state: 'hidden',
        rows: [
          [1, ['STT', 'Họ và tên', 'Chức vụ', 'Danh hiệu']],
          [2, [1, 'Người Cũ', 'Chuyên viên', 'LĐTT']],
        ],
      },
    ]);
    expect(file.sheet).toBe('Tong hop');
    expect(file.headerRow).toBe(4);
    expect(file.unitText).toBe('Phòng Tư pháp');
    expect(file.records.map((r) => [r.sheet, r.name])).toEqual([['Tong hop', 'Đỗ Văn Khoa']]);
    expect(file.notes.join('\n')).toMatch(/trang ẩn «Cu»/);
    expect(file.notes.join('\n')).toMatch(/«Sheet1» trống/);
  });

  it('totals rows and the signature block give no records and end the table', async () => {
    const t = titleBlock({ unit: 'PHÒNG Y TẾ', title: 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2022' }, 6);
    const file = await read('08_totals.xlsx', [
      {
        name: 'DS',
        rows: [
          ...t.rows,
          [8, ['STT', 'Họ và tên', 'Chức vụ', 'Danh hiệu đề nghị', 'Ghi chú']],
          [9, [1, 'Nguyễn Văn Lộc', 'Chuyên viên', 'LĐTT']],
          [10, []],
          [11, [2, 'Trần Văn Minh', 'Kế toán', 'LĐTT']],
          [12, ['Tổng cộng', { formula: 'COUNTA(B9:B11)', result: 2 }]],
          [13, [undefined, 'Cộng: 02 người']],
          [15, [undefined, 'Hồng Ngự, ngày 10 tháng 12 năm 2022']],
          [16, [undefined, 'Người lập biểu', undefined, 'THỦ TRƯỞNG ĐƠN VỊ']],
          [17, [undefined, '(Ký, ghi rõ họ tên)', undefined, '(Ký tên, đóng dấu)']],
          [20, [undefined, 'Lê Thị Nhung', undefined, 'Phạm Văn Oanh']],
        ],
        merges: t.merges,
      },
    ]);
    expect(file.records.map((r) => r.name)).toEqual(['Nguyễn Văn Lộc', 'Trần Văn Minh']);
  });

  it('keeps formula-bait positions literally and reads formula STT numbers', async () => {
    const t = titleBlock({ unit: 'UBND XÃ THƯỜNG PHƯỚC I', title: 'BẢNG ĐĂNG KÝ THI ĐUA NĂM 2022' }, 5);
    const file = await read('09_bait.xlsx', [
      {
        name: 'DangKy2022',
        rows: [
          ...t.rows,
          [8, ['STT', 'Họ và tên', 'Chức vụ - Đơn vị', 'Đăng ký danh hiệu', 'Ghi chú']],
          [9, [1, 'Bùi Thanh Ẩn', '=SUM(A1)', 'LĐTT']],
          [10, [{ formula: 'A9+1', result: 2 }, 'Lý Văn Bé', { formula: 'Trưởng ấp Long Hòa' }, 'LĐTT']],
          [11, [{ formula: 'A10+1', result: 3 }, 'Mai Thị Cẩm', '+84 912 345 678', 'LĐTT']],
          [12, [{ formula: 'A11+1', result: 4 }, 'Hà Văn Đạt', '@x Phó Chủ tịch', 'LĐTT']],
          [13, [{ formula: 'A12+1', result: 5 }, 'Kiều Thị Én', { formula: 'SUM(A1:A2)', result: 0 }, 'LĐTT']],
        ],
        merges: t.merges,
      },
    ]);
    expect(file.records.map((r) => [r.row, r.position])).toEqual([
      [9, '=SUM(A1)'],
      [10, '=Trưởng ấp Long Hòa'],
      [11, '+84 912 345 678'],
      [12, '@x Phó Chủ tịch'],
      [13, '=SUM(A1:A2)'],
    ]);
  });

  it('skips a "(1) (2) (3)" column-number row and reads rich text names and line breaks', async () => {
    const t = titleBlock({ unit: 'PHÒNG KT&HT', title: 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2022' }, 5);
    const file = await read('10_rich.xlsx', [
      {
        name: 'KT 2022',
        rows: [
          ...t.rows,
          [8, ['STT', 'Họ và tên', 'Chức vụ', 'Hình thức đề \nnghị khen thưởng', 'Tóm tắt\nthành tích']],
          [9, ['(1)', '(2)', '(3)', '(4)', '(5)']],
          [
            10,
            [
              1,
              {
                richText: [
                  { text: 'Nguyễn Văn ', font: { bold: true, name: 'Times New Roman' } },
                  { text: 'Lợi', font: { italic: true, name: 'Times New Roman' } },
                ],
              },
              'Chuyên viên phụ\ntrách tổng hợp',
              'Giấy khen của Chủ tịch\nỦy ban nhân dân huyện',
              'Hoàn thành tốt\nnhiệm vụ',
            ],
          ],
          [
            11,
            [
              2,
              {
                richText: [
                  { text: encodeTcvn3('Trần Thị '), font: { name: '.VnTime' } },
                  { text: 'Hương', font: { name: 'Times New Roman' } },
                ],
              },
              'Trưởng\nphòng',
              'LĐTT + GK UBND huyện',
            ],
          ],
        ],
        merges: t.merges,
      },
    ]);
    expect(file.headerRow).toBe(8);
    expect(rows(file).map(([r, , n, p, a]) => [r, n, p, canonical(a)])).toEqual([
      [10, 'Nguyễn Văn Lợi', 'Chuyên viên phụ trách tổng hợp', 'Giấy khen của Chủ tịch Ủy ban nhân dân huyện'],
      [11, 'Trần Thị Hương', 'Trưởng phòng', 'Lao động tiên tiến'],
      [11, 'Trần Thị Hương', 'Trưởng phòng', 'Giấy khen của Chủ tịch Ủy ban nhân dân huyện'],
    ]);
    expect(file.records[0].achievement).toBe('Hoàn thành tốt nhiệm vụ');
  });

  it('takes the year from the title, not from a January date line', async () => {
    const t = titleBlock(
      {
        unit: 'PHÒNG TÀI CHÍNH - KẾ HOẠCH',
        date: 'Hồng Ngự, ngày 10 tháng 01 năm 2023',
        title: 'DANH SÁCH ĐỀ NGHỊ XÉT TẶNG DANH HIỆU THI ĐUA',
        subtitle: '(Thành tích công tác năm 2022)',
      },
      4,
    );
    const file = await read('11_year.xlsx', [
      {
        name: 'DS',
        rows: [...t.rows, [8, ['STT', 'Họ và tên', 'Chức vụ', 'Đề nghị']], [9, [1, 'Châu Văn Phú', 'Kế toán', 'LĐTT']]],
        merges: t.merges,
      },
    ]);
    expect(file.year).toBe(2022);
    expect(file.records[0].year).toBe(2022);
  });

  it('without a title block: kind and year from the sheet name, unit from the file name', async () => {
    const file = await read('12_Phu Thuan A - DSKT.xlsx', [
      {
        name: 'DangKy2022',
        rows: [
          [1, ['TT', 'Họ tên', 'Chức vụ', 'Danh hiệu']],
          [2, [1, 'Tô Văn Quý', 'Trưởng ấp', 'LĐTT']],
        ],
      },
    ]);
    expect(file.kind).toBe('registration');
    expect(file.year).toBe(2022);
    expect(file.unitText).toBe('Phu Thuan A');
    expect(file.unitSource).toBe('filename');
    expect(file.headerRow).toBe(1);
  });

  it('a second table with its own header further down the sheet is read with its own columns', async () => {
    const t = titleBlock({ unit: 'PHÒNG VĂN HÓA VÀ THÔNG TIN', title: 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2022' }, 5);
    const file = await read('13_two_tables.xlsx', [
      {
        name: 'DS',
        rows: [
          ...t.rows,
          [7, ['DANH SÁCH TẬP THỂ ĐỀ NGHỊ KHEN THƯỞNG']],
          [8, ['STT', 'Tên tập thể', 'Danh hiệu đề nghị']],
          [9, [1, 'Đội Thông tin lưu động', 'Tập thể LĐTT']],
          [11, ['DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG']],
          [12, ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Danh hiệu đề nghị']],
          [13, [1, 'Hứa Văn Sơn', 'Chuyên viên', 'Phòng VH&TT', 'Lao động tiên tiến']],
        ],
        merges: [...t.merges, 'A7:E7', 'A11:E11'],
      },
    ]);
    expect(rows(file)).toEqual([
      [9, 'collective', 'Đội Thông tin lưu động', null, 'Tập thể LĐTT'],
      [13, 'individual', 'Hứa Văn Sơn', 'Chuyên viên', 'Lao động tiên tiến'],
    ]);
    expect(file.records[1].rowUnitText).toBe('Phòng VH&TT');
  });

  it('in a nomination list, a "Đã đăng ký" tick column is not an award; a missing award gives a record with none', async () => {
    const t = titleBlock({ unit: 'PHÒNG Y TẾ', title: 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2022' }, 5);
    const file = await read('14_registered_column.xlsx', [
      {
        name: 'DS',
        rows: [
          ...t.rows,
          [8, ['STT', 'Họ và tên', 'Chức vụ', 'Hình thức khen thưởng', 'Đã đăng ký']],
          [9, [1, 'Đinh Văn Tài', 'Chuyên viên', 'LĐTT', 'x']],
          [10, [2, 'Đinh Thị Uyên', 'Chuyên viên', undefined, 'x']],
        ],
        merges: t.merges,
      },
    ]);
    expect(rows(file)).toEqual([
      [9, 'individual', 'Đinh Văn Tài', 'Chuyên viên', 'LĐTT'],
      [10, 'individual', 'Đinh Thị Uyên', 'Chuyên viên', null],
    ]);
  });
  it('a list of collectives headed "Đơn vị" uses that column for the names', async () => {
    const t = titleBlock({ unit: 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO', title: 'ĐĂNG KÝ DANH HIỆU THI ĐUA NĂM 2022' }, 4);
    const file = await read('15_units.xlsx', [
      {
        name: 'DK',
        rows: [
          ...t.rows,
          [8, ['STT', 'Đơn vị', 'Danh hiệu đăng ký', 'Ghi chú']],
          [9, [1, 'Trường Tiểu học Long Thuận 1', 'TTLĐXS']],
          [10, [2, 'Trường THCS Long Thuận', 'Tập thể LĐTT']],
        ],
        merges: t.merges,
      },
    ]);
    expect(rows(file)).toEqual([
      [9, 'collective', 'Trường Tiểu học Long Thuận 1', null, 'TTLĐXS'],
      [10, 'collective', 'Trường THCS Long Thuận', null, 'Tập thể LĐTT'],
    ]);
  });

  it('a row with only an award is a further award of the row above, not a section', async () => {
    const t = titleBlock({ unit: 'PHÒNG Y TẾ', title: 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2022' }, 4);
    const file = await read('15_continued.xlsx', [
      {
        name: 'DS',
        rows: [
          ...t.rows,
          [8, ['STT', 'Họ và tên', 'Chức vụ', 'Hình thức khen thưởng']],
          [9, [1, 'Lâm Văn Quang', 'Chuyên viên', 'LĐTT']],
          [10, [undefined, undefined, undefined, 'GK UBND huyện']],
          [11, [2, 'Lâm Thị Rạng', 'Văn thư']],
        ],
        merges: t.merges,
      },
    ]);
    expect(rows(file)).toEqual([
      [9, 'individual', 'Lâm Văn Quang', 'Chuyên viên', 'LĐTT'],
      [10, 'individual', 'Lâm Văn Quang', 'Chuyên viên', 'GK UBND huyện'],
      [11, 'individual', 'Lâm Thị Rạng', 'Văn thư', null],
    ]);
  });

  it('a council letterhead does not outweigh the registration title; stray lines and merged names', async () => {
    const file = await read('15_letterhead.xlsx', [
      {
        name: 'Sheet1',
        rows: [
          [1, ['HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG', undefined, undefined, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']],
          [2, ['XÃ THƯỜNG LẠC', undefined, undefined, 'Độc lập - Tự do - Hạnh phúc']],
          [4, ['BẢNG ĐĂNG KÝ THI ĐUA']],
          [5, ['Năm học 2021 - 2022']],
          [7, ['STT', 'Họ và tên', 'Chức vụ', 'Đăng ký']],
          [8, [1, 'Ngô Văn Phúc', 'Phó Chủ tịch', 'LĐTT']],
          [9, [undefined, undefined, undefined, 'CSTĐCS']],
          [10, [undefined, 'Danh sách này có 01 người.']],
        ],
        merges: ['A4:D4', 'A5:D5', 'A8:A9', 'B8:B9', 'C8:C9'],
      },
    ]);
    expect(file.kind).toBe('registration');
    expect(file.year).toBe(2022);
    expect(rows(file)).toEqual([
      [8, 'individual', 'Ngô Văn Phúc', 'Phó Chủ tịch', 'LĐTT'],
      [9, 'individual', 'Ngô Văn Phúc', 'Phó Chủ tịch', 'CSTĐCS'],
    ]);
    expect(file.notes.join('\n')).toMatch(/dòng 10: «Danh sách này có 01 người\.» không giống họ tên/);
  });
});

describe('readReport: files that cannot be read', () => {
  it('an empty workbook fails with a Vietnamese message naming the file', async () => {
    const file = path.join(dir, '15_Book1.xlsx');
    await writeWorkbook(file, [{ rows: [] }, { rows: [] }]);
    await expect(readReport(file)).rejects.toMatchObject({
      code: 'empty',
      message: expect.stringContaining('«15_Book1.xlsx»'),
    });
  });

  it('a sheet without a table fails, naming the file', async () => {
    const file = path.join(dir, '16_letter.xlsx');
    await writeWorkbook(file, [
      {
        rows: [
          [1, ['Kính gửi: Phòng Nội vụ']],
          [2, ['Nội dung công văn …']],
        ],
      },
    ]);
    const error = await readReport(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).code).toBe('no_table');
    expect((error as ReportError).message).toMatch(/«16_letter\.xlsx».*không tìm thấy bảng danh sách/);
    expect((error as ReportError).sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a text file named .xlsx fails as not an Excel file', async () => {
    const file = path.join(dir, '17_text.xlsx');
    fs.writeFileSync(file, 'Kính gửi: Phòng Nội vụ huyện Hồng Ngự\n');
    await expect(readReport(file)).rejects.toMatchObject({
      code: 'not_excel',
      message: expect.stringContaining('Tệp «17_text.xlsx» không phải tệp Excel (.xlsx) hợp lệ'),
    });
  });
});

describe('reader vocabulary', () => {
  it('parses section rows', () => {
    expect(parseSection('I. TẬP THỂ')).toEqual({ subject: 'collective', award: null });
    expect(parseSection('II. Cá nhân')).toEqual({ subject: 'individual', award: null });
    expect(parseSection('B. KHEN THƯỞNG CÁ NHÂN')).toEqual({ subject: 'individual', award: null });
    expect(parseSection('DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG')).toEqual({ subject: 'individual', award: null });
    expect(parseSection('1. Lao động tiên tiến (05 cá nhân)')).toEqual({
      award: 'Lao động tiên tiến',
      subject: 'individual',
    });
    expect(parseSection('1. Tập thể lao động tiên tiến (01 tập thể)')?.subject).toBe('collective');
    expect(parseSection('4. Giấy khen của Chủ tịch Uỷ ban nhân dân huyện: 01 cá nhân')?.award).toBe(
      'Giấy khen của Chủ tịch Uỷ ban nhân dân huyện',
    );
    expect(parseSection('Trường THCS Thường Phước 1')).toBeNull();
    expect(parseSection('Nguyễn Văn An')).toBeNull();
  });

  it('recognises totals and signature rows, not names', () => {
    for (const t of ['Tổng cộng', 'Cộng: 12 người', 'Tổng số: 03 tập thể, 05 cá nhân', '3 tập thể, 4 cá nhân', 'Cộng'])
      expect(isTotalsText(t)).toBe(true);
    for (const t of ['Cộng đồng dân cư ấp 3', 'Tổ 3', '1. Tập thể lao động tiên tiến (01 tập thể)'])
      expect(isTotalsText(t)).toBe(false);
    for (const t of [
      'Người lập biểu',
      'THỦ TRƯỞNG ĐƠN VỊ',
      'TM. UBND',
      'KT. CHỦ TỊCH',
      'CHỦ TỊCH',
      'Hồng Ngự, ngày … tháng … năm …',
    ])
      expect(isSignatureText(t)).toBe(true);
    for (const t of ['Nguyễn Văn Toàn', 'Tăng Minh Kha', 'Kế toán']) expect(isSignatureText(t)).toBe(false);
  });

  it('tells collective names from people', () => {
    for (const n of [
      'Phòng Y tế',
      'Trường Mẫu giáo Thường Lạc',
      'Tổ dân phố 3',
      'UBND xã Phú Thuận B',
      'Ấp Long Hòa',
      'Hội Nông dân xã Long Thuận',
      'Đoàn Thanh niên xã',
    ])
      expect(looksCollective(n)).toBe(true);
    for (const n of ['Đoàn Thị Hoa', 'Trương Công An', 'Hồ Văn Sang', 'Phan Thị Tuyết'])
      expect(looksCollective(n)).toBe(false);
  });

  it('reads years, kinds and file-name units', () => {
    expect(yearOfText('BẢNG ĐĂNG KÝ THI ĐUA NĂM 2022')).toBe(2022);
    expect(yearOfText('(Thành tích công tác năm 2022)')).toBe(2022);
    expect(yearOfText('Năm học 2021 - 2022')).toBe(2022);
    expect(yearOfText('Hồng Ngự, ngày 10 tháng 01 năm 2023')).toBeNull();
    expect(kindOfText('BẢNG ĐĂNG KÝ THI ĐUA NĂM 2022')).toBe('registration');
    expect(kindOfText('DANH SÁCH ĐỀ NGHỊ XÉT TẶNG DANH HIỆU THI ĐUA')).toBe('nomination');
    expect(kindOfText('TỜ TRÌNH')).toBe('nomination');
    expect(kindOfText('HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG')).toBeNull();
    expect(kindOfText('DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG (đã đăng ký đầu năm)')).toBe('nomination');
    expect(unitFromFileName('01_Bang DK thi dua PYT.xlsx')).toBe('PYT');
    expect(unitFromFileName('13_Long_Khanh_A - DSKT nam 2022.xlsx')).toBe('Long Khanh A');
    expect(unitFromFileName('06_ThuongPhuoc1_dang ky TD.xlsx')).toBe('ThuongPhuoc1');
  });

  it('finds the sender in the top-left block, also when it is one cell with line breaks', () => {
    const line = (row: number, col: number, ...parts: string[]): TitleLine => ({
      row,
      col,
      text: parts.join(' '),
      parts,
    });
    expect(
      unitFromTopLeft([
        line(1, 1, 'UBND HUYỆN HỒNG NGỰ', 'PHÒNG Y TẾ'),
        line(1, 4, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'),
        line(2, 1, 'Số: 12/DS-YT'),
        line(4, 1, 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG'),
      ]),
    ).toBe('PHÒNG Y TẾ');
    expect(
      unitFromTopLeft([line(1, 1, 'ỦY BAN NHÂN DÂN'), line(2, 1, 'XÃ LONG THUẬN'), line(4, 1, 'BẢNG ĐĂNG KÝ THI ĐUA')]),
    ).toBe('ỦY BAN NHÂN DÂN XÃ LONG THUẬN');
    expect(unitFromTopLeft([line(1, 1, 'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG')])).toBeNull();
  });

  it('splits a cell with several awards only when every part is one', () => {
    expect(splitAwards('LĐTT\nGiấy khen UBND huyện')).toEqual(['LĐTT', 'Giấy khen UBND huyện']);
    expect(splitAwards('Giấy khen của Chủ tịch\nỦy ban nhân dân huyện')).toEqual([
      'Giấy khen của Chủ tịch Ủy ban nhân dân huyện',
    ]);
    expect(splitAwards('Giấy khen của Giám đốc Sở, Công an tỉnh')).toEqual(['Giấy khen của Giám đốc Sở, Công an tỉnh']);
  });
});
