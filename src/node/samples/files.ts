/**
 * File names of the generated reports, and the bytes of the files that cannot
 * be imported: a truncated zip, a text file named .xlsx, an empty workbook.
 */
import type { RecordKind } from '../../core/contract';
import type { Rng } from './prng';
import { fileCodes, type UnitInfo } from './units';
import { newSheet, writeWorkbook } from './workbook';

const UNSAFE = /[\\/:*?"<>|“”]/g;

/** The part of a file name after the receipt number, without ".xlsx". */
export function describeFile(rng: Rng, unit: UnitInfo, kind: RecordKind, year: number, unicode: boolean): string {
  const codes = fileCodes(unit);
  const code = rng.pick(codes);
  const plain = rng.pick(codes.filter((c) => c.includes(' ')).concat(codes[0]));
  let name: string;
  if (unicode) {
    name =
      kind === 'registration'
        ? rng.pick([`Đăng ký thi đua ${year} - ${unit.unit.name}`, `Bảng đăng ký thi đua - ${unit.place}`])
        : rng.pick([
            `Danh sách đề nghị khen thưởng - ${unit.place}`,
            `DS đề nghị khen thưởng năm ${year} - ${unit.unit.name}`,
          ]);
  } else if (kind === 'registration') {
    name = rng.pick([
      `Bang DK thi dua ${code}`,
      `${code}_dang ky TD`,
      `DKTD ${year} ${code}`,
      `DK thi dua nam ${year} - ${plain}`,
      `Dang ky thi dua - ${plain}`,
    ]);
  } else {
    name = rng.weighted<string>([
      [`DS de nghi KT - ${plain}`, 3],
      [`${code} - DSKT nam ${year}`, 3],
      [`TTr KT ${year}_${code}`, 3],
      [`DSKT ${year} ${code}`, 2],
      ['Book1', 1],
    ]);
  }
  return name.replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
}

/** Suffixes a resubmitted copy gets from the mail client or the person saving it. */
export function copySuffix(rng: Rng): string {
  return rng.pick([' (1)', ' (2)', ' - Copy', '_gui lai', ' - Bản sao']);
}

/** The first part of a zip, cut anywhere before its central directory: an interrupted upload. */
export function truncate(rng: Rng, bytes: Buffer): Buffer {
  const keep = Math.floor(bytes.length * (0.3 + rng.float() * 0.45));
  return Buffer.from(bytes.subarray(0, keep));
}

/** Something that is not a zip at all, with an .xlsx name: a letter, a web page, an old binary workbook. */
export function notAZip(rng: Rng, unit: UnitInfo, kind: RecordKind, year: number, district: string): Buffer {
  const what =
    kind === 'registration' ? `bảng đăng ký thi đua năm ${year}` : `danh sách đề nghị khen thưởng năm ${year}`;
  switch (rng.int(0, 2)) {
    case 0: {
      const text = [
        `Kính gửi: Phòng Nội vụ huyện ${district} (Thường trực Hội đồng Thi đua - Khen thưởng huyện)`,
        '',
        `${unit.unit.name} gửi ${what}.`,
        'File Excel đính kèm bị lỗi khi lưu, đơn vị sẽ gửi lại bản giấy có ký tên, đóng dấu.',
        '',
        'Trân trọng./.',
        '',
      ].join('\r\n');
      return Buffer.from(text, 'utf8');
    }
    case 1: {
      const html =
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\n' +
        '<head><meta charset="utf-8"><title>' +
        what +
        '</title></head>\n<body><table><tr><td>STT</td><td>Họ và tên</td><td>Chức vụ</td></tr>' +
        '<tr><td>1</td><td>(xem bản giấy)</td><td></td></tr></table></body></html>\n';
      return Buffer.from(html, 'utf8');
    }
    default: {
      // An old binary workbook (OLE2 compound file header) saved under the new extension.
      const bytes = Buffer.alloc(1536);
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes, 0);
      for (let i = 8; i < bytes.length; i++) bytes[i] = rng.int(0, 255);
      return bytes;
    }
  }
}

/** A workbook whose sheets are all empty ("Book1.xlsx" saved before anything was typed). */
export async function emptyWorkbook(rng: Rng, date: Date, author: string): Promise<Buffer> {
  const count = rng.int(1, 3);
  const sheets = Array.from({ length: count }, (_, i) => newSheet(`Sheet${i + 1}`));
  return writeWorkbook({ sheets, activeSheet: 0, date, author });
}

export function emptyWorkbookName(rng: Rng): string {
  return rng.pick(['Book1', 'Book2', 'New Microsoft Excel Worksheet', 'Danh sach', 'DSKT']);
}
