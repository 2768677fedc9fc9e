/**
 * Checks a unit's file before any parser sees it, so that a hostile or broken
 * file fails alone with a clear Vietnamese message instead of exhausting the
 * memory of the reader:
 *
 * - not a zip at all (a text file named .xlsx) or a truncated/corrupt zip;
 * - a zip bomb: too many entries, an entry or a total that declares too many
 *   uncompressed bytes, an absurd compression ratio (yauzl also checks, while
 *   streaming, that no entry inflates past its declared size);
 * - a password-protected workbook: Excel stores it as an OLE2/CFB container
 *   (magic D0 CF 11 E0) with "EncryptionInfo" and "EncryptedPackage" streams; a
 *   legacy .xls is also CFB but has a "Workbook" stream (and, when it has a
 *   password, a FILEPASS record right after its BOF record);
 * - an .xlsx with no worksheet;
 * - a `<mergeCell ref="A1:XFD1048576">` whose area exceeds a limit (exceljs
 *   creates a cell object for every merged cell). Sheet XML is scanned as a
 *   stream, without building a DOM.
 *
 * It also gives the SHA-256 of the bytes (used to skip resubmitted copies).
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as yauzl from 'yauzl';
import { ReportError, describePlace } from './read/errors';
import { readZipDirectory } from '../ooxml/read';

export interface WorkbookLimits {
  /** Largest file accepted, bytes. */
  maxFileBytes: number;
  /** Most zip entries. */
  maxEntries: number;
  /** Largest uncompressed entry, bytes. */
  maxEntryBytes: number;
  /** Largest uncompressed total, bytes. */
  maxTotalBytes: number;
  /** Highest compression ratio accepted for entries larger than `ratioFloorBytes`. */
  maxRatio: number;
  /** Entries smaller than this (uncompressed) are not ratio-checked. */
  ratioFloorBytes: number;
  /** Most cells a single merged range may cover. */
  maxMergeCells: number;
  /** Most cells all merged ranges of the workbook may cover together. */
  maxTotalMergeCells: number;
}

export const DEFAULT_LIMITS: Readonly<WorkbookLimits> = {
  maxFileBytes: 50 * 1024 * 1024,
  maxEntries: 5000,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxMergeCells: 100_000,
  maxTotalMergeCells: 1_000_000,
};

/** What the bytes are. `xlsx` covers .xlsx/.xlsm/.xltx; the others need LibreOffice. */
export type WorkbookFormat = 'xlsx' | 'xlsb' | 'ods' | 'xls' | 'html' | 'xml2003';

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

export interface WorkbookInspection {
  sha256: string;
  size: number;
  format: WorkbookFormat;
  /** Zip entries (empty for formats that are not zips). */
  entries: ZipEntryInfo[];
  /** Merged ranges seen in the sheet XML (xlsx only; 0 when not scanned). */
  mergeCount: number;
  /** False when the merged ranges were left for the reader to check (`merges: false`). */
  mergesChecked: boolean;
}

export interface InspectOptions {
  /**
   * Scan the worksheets' merged ranges (default true). The reader's lite
   * loader checks them as it reads and calls `checkMerges` before giving a
   * file to exceljs, so it reads each sheet once.
   */
  merges?: boolean;
}

const MB = 1024 * 1024;
const mb = (n: number): string => (n / MB).toLocaleString('vi-VN', { maximumFractionDigits: 1 }) + ' MB';

/** Inspects a file on disk. Throws a ReportError naming the file when it must not be parsed. */
export async function inspectWorkbookFile(
  file: string,
  limits: Partial<WorkbookLimits> = {},
  displayName = path.basename(file),
): Promise<WorkbookInspection> {
  return (await readWorkbookFile(file, limits, displayName)).inspection;
}

/**
 * Reads a file once and inspects its bytes; the reader parses the same buffer.
 * Read synchronously: it runs in a reader worker, one file at a time, where
 * the promise machinery of fs.promises costs more than the read.
 */
export async function readWorkbookFile(
  file: string,
  limits: Partial<WorkbookLimits> = {},
  displayName = path.basename(file),
  options: InspectOptions = {},
): Promise<{ buffer: Buffer; inspection: WorkbookInspection }> {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  let stat;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    throw unreadable(displayName, e);
  }
  if (!stat.isFile()) {
    throw new ReportError('unreadable', `${describePlace({ file: displayName })} không phải là một tệp.`, {
      file: displayName,
    });
  }
  if (stat.size > lim.maxFileBytes) {
    throw new ReportError(
      'too_large',
      `${describePlace({ file: displayName })} quá lớn (${mb(stat.size)}; giới hạn ${mb(lim.maxFileBytes)}). ` +
        'Xin kiểm tra lại tệp (có thể chứa hình ảnh hoặc dữ liệu thừa) rồi gửi lại.',
      { file: displayName },
    );
  }
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (e) {
    throw unreadable(displayName, e);
  }
  return { buffer, inspection: await inspectWorkbookBuffer(buffer, displayName, lim, options) };
}

function unreadable(file: string, e: unknown): ReportError {
  const code = (e as NodeJS.ErrnoException)?.code;
  const why =
    code === 'ENOENT'
      ? 'không tồn tại'
      : code === 'EACCES' || code === 'EPERM'
        ? 'không có quyền đọc'
        : `không đọc được (${(e as Error)?.message ?? String(e)})`;
  return new ReportError('unreadable', `${describePlace({ file })} ${why}.`, { file });
}

/** SHA-256 of some bytes, hex. */
export function sha256Of(buffer: Buffer): string {
  return createHash('sha256').update(buffer).digest('hex');
}

/** Inspects bytes already in memory (the reader reads a file once). */
export async function inspectWorkbookBuffer(
  buffer: Buffer,
  displayName: string,
  limits: Partial<WorkbookLimits> = {},
  options: InspectOptions = {},
): Promise<WorkbookInspection> {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  const sha256 = sha256Of(buffer);
  const place = { file: displayName, sha256 };
  const base = { sha256, size: buffer.length, entries: [] as ZipEntryInfo[], mergeCount: 0, mergesChecked: true };

  if (buffer.length > lim.maxFileBytes) {
    throw new ReportError(
      'too_large',
      `${describePlace(place)} quá lớn (${mb(buffer.length)}; giới hạn ${mb(lim.maxFileBytes)}).`,
      place,
    );
  }
  if (buffer.length === 0) {
    throw new ReportError('not_excel', `${describePlace(place)} rỗng (0 byte); xin đơn vị gửi lại tệp.`, place);
  }
  if (isZip(buffer)) {
    return { ...(await inspectZip(buffer, place, lim, options.merges !== false)), sha256, size: buffer.length };
  }
  if (isCfb(buffer)) return { ...base, format: inspectCfb(buffer, place) };
  // Excel opens a web page or an XML 2003 spreadsheet saved as .xls (programs export them so),
  // but not one named .xlsx: that is a wrong file, as for Excel itself.
  const text = sniffText(buffer);
  if (text && OPENXML_EXTENSIONS.test(displayName)) {
    throw new ReportError(
      'not_excel',
      `${describePlace(place)} không phải tệp Excel (.xlsx) hợp lệ: nội dung là ` +
        `${text === 'html' ? 'một trang web (HTML)' : 'bảng tính dạng XML 2003'} bị đặt đuôi «${path.extname(displayName)}». ` +
        'Xin mở tệp bằng Excel, chọn Lưu thành (Save As) dạng «Sổ làm việc Excel (.xlsx)» rồi gửi lại.',
      place,
    );
  }
  if (text === 'html') return { ...base, format: 'html' };
  if (text === 'xml2003') return { ...base, format: 'xml2003' };
  throw new ReportError(
    'not_excel',
    `${describePlace(place)} không phải tệp Excel (.xlsx) hợp lệ: nội dung tệp không phải dạng Excel ` +
      `(có thể là tệp văn bản hoặc tệp khác bị đổi đuôi thành «${path.extname(displayName) || '.xlsx'}»). ` +
      'Xin mở tệp bằng Excel, chọn Lưu thành (Save As) dạng «Sổ làm việc Excel (.xlsx)» rồi gửi lại.',
    place,
  );
}

/** Names of Office Open XML workbooks: their content must be a zip (or an encrypted package). */
const OPENXML_EXTENSIONS = /\.(xlsx|xlsm|xltx|xltm)$/i;

// ── Zip ────────────────────────────────────────────────────────────────────

function isZip(buffer: Buffer): boolean {
  // Local file header "PK\3\4", or an empty archive "PK\5\6".
  return buffer.length >= 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && (buffer[2] === 3 || buffer[2] === 5);
}

function corrupt(place: { file: string; sha256: string }, detail?: string): ReportError {
  return new ReportError(
    'corrupt',
    `${describePlace(place)} bị hỏng hoặc chưa được tải về đầy đủ (không đọc được cấu trúc tệp nén` +
      (detail ? `: ${detail}` : '') +
      '). Xin đơn vị mở lại tệp bằng Excel, lưu lại rồi gửi lại.',
    place,
  );
}

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true },
      (err, zip) => (err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip)),
    );
  });
}

function listEntries(zip: yauzl.ZipFile, max: number): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      if (entries.length > max) {
        zip.close();
        resolve(entries);
        return;
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

const WORKSHEET_ENTRY = /^xl\/worksheets\/[^/]+\.xml$/i;

/** What the checks need of a zip entry (yauzl's Entry, or the reader's own directory). */
interface EntryFacts {
  fileName: string;
  compressedSize: number;
  uncompressedSize: number;
  encrypted: boolean;
}

async function inspectZip(
  buffer: Buffer,
  place: { file: string; sha256: string },
  lim: WorkbookLimits,
  merges: boolean,
): Promise<Omit<WorkbookInspection, 'sha256' | 'size'>> {
  if (!merges) {
    // Without the merge scan, the central directory is all that is needed: read it synchronously
    // (yauzl reads it through streams, entry by entry). Anything unusual goes the yauzl way below.
    let facts: EntryFacts[] | null;
    try {
      facts = readZipDirectory(buffer).map((e) => ({
        fileName: e.name,
        compressedSize: e.compressedSize,
        uncompressedSize: e.uncompressedSize,
        encrypted: e.encrypted,
      }));
    } catch {
      facts = null;
    }
    if (facts) {
      const { format } = checkEntries(facts, place, lim);
      return { format, entries: infosOf(facts), mergeCount: 0, mergesChecked: format !== 'xlsx' };
    }
  }
  const { zip, entries } = await openEntries(buffer, place, lim.maxEntries);
  try {
    const facts = entries.map((e) => ({
      fileName: e.fileName,
      compressedSize: e.compressedSize,
      uncompressedSize: e.uncompressedSize,
      encrypted: e.isEncrypted(),
    }));
    const { format } = checkEntries(facts, place, lim);
    let mergeCount = 0;
    if (format === 'xlsx' && merges) {
      mergeCount = await scanMerges(
        zip,
        entries.filter((e) => WORKSHEET_ENTRY.test(e.fileName)),
        place,
        lim,
      );
    }
    return { format, entries: infosOf(facts), mergeCount, mergesChecked: merges || format !== 'xlsx' };
  } finally {
    zip.close();
  }
}

function infosOf(facts: EntryFacts[]): ZipEntryInfo[] {
  return facts.map((e) => ({
    name: e.fileName,
    compressedSize: e.compressedSize,
    uncompressedSize: e.uncompressedSize,
  }));
}

/** The checks on a zip's directory: size, bomb, password, what it holds. Returns the format. */
function checkEntries(
  entries: EntryFacts[],
  place: { file: string; sha256: string },
  lim: WorkbookLimits,
): { format: WorkbookFormat } {
  if (entries.length > lim.maxEntries) {
    throw new ReportError(
      'zip_bomb',
      `${describePlace(place)} chứa quá nhiều thành phần (hơn ${lim.maxEntries}); vì an toàn, tệp không được đọc.`,
      place,
    );
  }
  checkSizes(entries, place, lim);
  if (entries.some((e) => e.encrypted)) {
    throw encrypted(place);
  }
  const names = new Set(entries.map((e) => e.fileName.toLowerCase()));
  let format: WorkbookFormat;
  if (names.has('xl/workbook.xml')) format = 'xlsx';
  else if (names.has('xl/workbook.bin')) format = 'xlsb';
  else if (names.has('content.xml') && names.has('mimetype')) format = 'ods';
  else {
    const what = names.has('word/document.xml')
      ? ' (đây là tệp Word)'
      : names.has('ppt/presentation.xml')
        ? ' (đây là tệp PowerPoint)'
        : '';
    throw new ReportError(
      'not_excel',
      `${describePlace(place)} không phải tệp Excel (.xlsx) hợp lệ${what}: tệp nén không chứa sổ làm việc Excel. ` +
        'Xin gửi đúng tệp danh sách dạng .xlsx.',
      place,
    );
  }
  if (format === 'xlsx' && !entries.some((e) => WORKSHEET_ENTRY.test(e.fileName))) {
    throw new ReportError(
      'no_worksheet',
      `${describePlace(place)} không có trang tính (worksheet) nào; xin kiểm tra lại tệp.`,
      place,
    );
  }
  return { format };
}

/**
 * The merged-range check of `inspectWorkbookBuffer` alone, for a zip already
 * inspected with `merges: false`. Throws the same ReportError; returns the
 * number of merged ranges.
 */
export async function checkMerges(
  buffer: Buffer,
  displayName: string,
  limits: Partial<WorkbookLimits> = {},
): Promise<number> {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  const place = { file: displayName, sha256: sha256Of(buffer) };
  const { zip, entries } = await openEntries(buffer, place, lim.maxEntries);
  try {
    return await scanMerges(
      zip,
      entries.filter((e) => WORKSHEET_ENTRY.test(e.fileName)),
      place,
      lim,
    );
  } finally {
    zip.close();
  }
}

/** The zip of a workbook and its entries, or the «corrupt file» error naming why. The caller closes it. */
async function openEntries(
  buffer: Buffer,
  place: { file: string; sha256: string },
  maxEntries: number,
): Promise<{ zip: yauzl.ZipFile; entries: yauzl.Entry[] }> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(buffer);
  } catch (e) {
    throw corrupt(place, zipReason(e));
  }
  try {
    return { zip, entries: await listEntries(zip, maxEntries) };
  } catch (e) {
    zip.close();
    throw corrupt(place, zipReason(e));
  }
}

function zipReason(e: unknown): string {
  const msg = (e as Error)?.message ?? String(e);
  if (/end of central directory/i.test(msg)) return 'thiếu phần mục lục ở cuối tệp';
  if (/signature/i.test(msg)) return 'sai chữ ký cấu trúc';
  if (/too many bytes|too few bytes|size/i.test(msg)) return 'kích thước thành phần không khớp';
  if (/invalid|unexpected/i.test(msg)) return 'dữ liệu không hợp lệ';
  return msg;
}

function checkSizes(entries: EntryFacts[], place: { file: string; sha256: string }, lim: WorkbookLimits): void {
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    const bomb = (why: string): ReportError =>
      new ReportError(
        'zip_bomb',
        `${describePlace(place)} có dung lượng giải nén bất thường (${why}); vì an toàn, tệp không được đọc. ` +
          'Xin đơn vị kiểm tra và gửi lại tệp danh sách thông thường.',
        place,
      );
    if (e.uncompressedSize > lim.maxEntryBytes) {
      throw bomb(`thành phần «${e.fileName}» giải nén ra ${mb(e.uncompressedSize)}, giới hạn ${mb(lim.maxEntryBytes)}`);
    }
    if (e.uncompressedSize >= lim.ratioFloorBytes) {
      const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
      if (ratio > lim.maxRatio) {
        throw bomb(`thành phần «${e.fileName}» nén với tỉ lệ ${Math.round(ratio)}:1, giới hạn ${lim.maxRatio}:1`);
      }
    }
    if (total > lim.maxTotalBytes) {
      throw bomb(`tổng cộng hơn ${mb(lim.maxTotalBytes)} khi giải nén`);
    }
  }
}

const COLUMN_LETTERS = /^([A-Z]{1,3})(\d{1,7})$/;

/** "C12" → [row, column]; null when not a cell address. */
export function parseAddress(address: string): [number, number] | null {
  const m = COLUMN_LETTERS.exec(address.replace(/\$/g, '').toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}

/** Number of cells in "A1:C3"; 1 for a single cell; null when unparsable. */
export function rangeArea(ref: string): number | null {
  const [a, b = a] = ref.split(':');
  const p = parseAddress(a);
  const q = parseAddress(b);
  if (!p || !q) return null;
  return (Math.abs(q[0] - p[0]) + 1) * (Math.abs(q[1] - p[1]) + 1);
}

const MERGE_TAG = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']+)["']/g;

/** Streams every worksheet's XML and checks each merged range. Returns the number of merges. */
async function scanMerges(
  zip: yauzl.ZipFile,
  sheets: yauzl.Entry[],
  place: { file: string; sha256: string },
  lim: WorkbookLimits,
): Promise<number> {
  let count = 0;
  let totalArea = 0;
  for (const entry of sheets) {
    const sheetName = entry.fileName.replace(/^xl\/worksheets\//i, '');
    await new Promise<void>((resolve, reject) => {
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) {
          reject(corrupt(place, zipReason(err)));
          return;
        }
        let tail = '';
        let failed = false;
        const fail = (e: ReportError): void => {
          if (failed) return;
          failed = true;
          stream.destroy();
          reject(e);
        };
        stream.on('data', (chunk: Buffer) => {
          if (failed) return;
          // latin1 keeps byte offsets and never fails on split UTF-8 sequences; tags are ASCII.
          const text = tail + chunk.toString('latin1');
          MERGE_TAG.lastIndex = 0;
          let m: RegExpExecArray | null;
          let consumed = 0;
          while ((m = MERGE_TAG.exec(text))) {
            consumed = MERGE_TAG.lastIndex;
            count++;
            const area = rangeArea(m[1]);
            if (area === null) continue;
            totalArea += area;
            if (area > lim.maxMergeCells) {
              fail(
                new ReportError(
                  'merge_too_large',
                  `${describePlace(place)} (${sheetName}) có vùng gộp ô ${m[1]} quá lớn ` +
                    `(${area.toLocaleString('vi-VN')} ô; giới hạn ${lim.maxMergeCells.toLocaleString('vi-VN')} ô). ` +
                    'Xin bỏ gộp ô (Merge) ở vùng này rồi gửi lại.',
                  place,
                ),
              );
              return;
            }
            if (totalArea > lim.maxTotalMergeCells) {
              fail(
                new ReportError(
                  'merge_too_large',
                  `${describePlace(place)} có quá nhiều ô bị gộp (hơn ${lim.maxTotalMergeCells.toLocaleString('vi-VN')} ô); ` +
                    'vì an toàn, tệp không được đọc.',
                  place,
                ),
              );
              return;
            }
          }
          // Keep enough of the end to hold a tag cut in two.
          const keepFrom = Math.max(consumed, text.length - 512);
          tail = text.slice(keepFrom);
        });
        stream.on('error', (e) => fail(corrupt(place, zipReason(e))));
        stream.on('end', () => {
          if (!failed) resolve();
        });
      });
    });
  }
  return count;
}

function encrypted(place: { file: string; sha256: string }): ReportError {
  return new ReportError(
    'encrypted',
    `${describePlace(place)} được đặt mật khẩu nên không đọc được. Xin đơn vị gỡ mật khẩu ` +
      '(trong Excel: Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu, xóa mật khẩu) rồi gửi lại.',
    place,
  );
}

// ── OLE2 / CFB (legacy .xls, encrypted .xlsx) ──────────────────────────────

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;

function isCfb(buffer: Buffer): boolean {
  return buffer.length >= 512 && CFB_MAGIC.every((b, i) => buffer[i] === b);
}

export interface CfbEntry {
  name: string;
  type: number;
  start: number;
  size: number;
}

/** A minimal reader of a Compound File Binary container: its directory and the start of its streams. */
export class CfbReader {
  private readonly sectorSize: number;
  private readonly miniSectorSize: number;
  private readonly miniCutoff: number;
  private readonly fat: number[] = [];
  private miniFat: number[] | null = null;
  readonly entries: CfbEntry[] = [];

  constructor(private readonly buf: Buffer) {
    if (!isCfb(buf)) throw new Error('not a CFB file');
    const shift = buf.readUInt16LE(0x1e);
    if (shift !== 9 && shift !== 12) throw new Error('bad sector size');
    this.sectorSize = 1 << shift;
    this.miniSectorSize = 1 << buf.readUInt16LE(0x20);
    this.miniCutoff = buf.readUInt32LE(0x38);
    this.readFat();
    this.readDirectory(buf.readUInt32LE(0x30));
  }

  private sectorOffset(n: number): number {
    return (n + 1) * this.sectorSize;
  }

  private readFat(): void {
    const fatSectors: number[] = [];
    const numFat = this.buf.readUInt32LE(0x2c);
    for (let i = 0; i < 109 && fatSectors.length < numFat; i++) {
      const s = this.buf.readUInt32LE(0x4c + i * 4);
      if (s === FREESECT || s === ENDOFCHAIN) break;
      fatSectors.push(s);
    }
    let difat = this.buf.readUInt32LE(0x44);
    const seen = new Set<number>();
    while (difat !== ENDOFCHAIN && difat !== FREESECT && fatSectors.length < numFat && !seen.has(difat)) {
      seen.add(difat);
      const off = this.sectorOffset(difat);
      if (off + this.sectorSize > this.buf.length) break;
      const per = this.sectorSize / 4 - 1;
      for (let i = 0; i < per && fatSectors.length < numFat; i++) {
        const s = this.buf.readUInt32LE(off + i * 4);
        if (s !== FREESECT) fatSectors.push(s);
      }
      difat = this.buf.readUInt32LE(off + per * 4);
    }
    for (const s of fatSectors) {
      const off = this.sectorOffset(s);
      if (off + this.sectorSize > this.buf.length) continue;
      for (let i = 0; i < this.sectorSize / 4; i++) this.fat.push(this.buf.readUInt32LE(off + i * 4));
    }
  }

  private chain(start: number, table: number[], limit: number): number[] {
    const out: number[] = [];
    const seen = new Set<number>();
    for (let s = start; s !== ENDOFCHAIN && s !== FREESECT && s < table.length && !seen.has(s); s = table[s]) {
      seen.add(s);
      out.push(s);
      if (out.length >= limit) break;
    }
    return out;
  }

  private readDirectory(start: number): void {
    const maxSectors = Math.ceil(this.buf.length / this.sectorSize);
    for (const s of this.chain(start, this.fat, maxSectors)) {
      const off = this.sectorOffset(s);
      for (let e = off; e + 128 <= off + this.sectorSize && e + 128 <= this.buf.length; e += 128) {
        const nameLen = this.buf.readUInt16LE(e + 0x40);
        const type = this.buf.readUInt8(e + 0x42);
        if (type === 0) continue;
        const name = this.buf.toString('utf16le', e, e + Math.max(0, Math.min(64, nameLen) - 2));
        this.entries.push({
          name,
          type,
          start: this.buf.readUInt32LE(e + 0x74),
          size: this.buf.readUInt32LE(e + 0x78),
        });
      }
    }
  }

  has(name: string): boolean {
    return this.entries.some((e) => e.type === 2 && e.name.toLowerCase() === name.toLowerCase());
  }

  /** Up to `max` first bytes of a stream, or null when there is no such stream. */
  read(name: string, max = 64 * 1024): Buffer | null {
    const entry = this.entries.find((e) => e.type === 2 && e.name.toLowerCase() === name.toLowerCase());
    if (!entry) return null;
    const want = Math.min(entry.size, max);
    const parts: Buffer[] = [];
    let got = 0;
    if (entry.size < this.miniCutoff) {
      const root = this.entries.find((e) => e.type === 5);
      if (!root) return null;
      const miniFat = this.readMiniFat();
      const rootSectors = this.chain(root.start, this.fat, Math.ceil(this.buf.length / this.sectorSize));
      const perSector = this.sectorSize / this.miniSectorSize;
      for (const m of this.chain(entry.start, miniFat, Math.ceil(want / this.miniSectorSize) + 1)) {
        const host = rootSectors[Math.floor(m / perSector)];
        if (host === undefined) break;
        const off = this.sectorOffset(host) + (m % perSector) * this.miniSectorSize;
        parts.push(this.buf.subarray(off, Math.min(off + this.miniSectorSize, this.buf.length)));
        got += this.miniSectorSize;
        if (got >= want) break;
      }
    } else {
      for (const s of this.chain(entry.start, this.fat, Math.ceil(want / this.sectorSize) + 1)) {
        const off = this.sectorOffset(s);
        parts.push(this.buf.subarray(off, Math.min(off + this.sectorSize, this.buf.length)));
        got += this.sectorSize;
        if (got >= want) break;
      }
    }
    return Buffer.concat(parts).subarray(0, want);
  }

  private readMiniFat(): number[] {
    if (this.miniFat) return this.miniFat;
    const out: number[] = [];
    const start = this.buf.readUInt32LE(0x3c);
    for (const s of this.chain(start, this.fat, Math.ceil(this.buf.length / this.sectorSize))) {
      const off = this.sectorOffset(s);
      for (let i = 0; i < this.sectorSize / 4 && off + i * 4 + 4 <= this.buf.length; i++) {
        out.push(this.buf.readUInt32LE(off + i * 4));
      }
    }
    this.miniFat = out;
    return out;
  }
}

/** BIFF record types. */
const BIFF_FILEPASS = 0x002f;
const BIFF_BOF = [0x0809, 0x0409, 0x0209, 0x0009];

/** True when a BIFF workbook stream declares encryption (FILEPASS among its first records). */
export function biffIsEncrypted(stream: Buffer): boolean {
  let off = 0;
  for (let i = 0; i < 16 && off + 4 <= stream.length; i++) {
    const type = stream.readUInt16LE(off);
    const len = stream.readUInt16LE(off + 2);
    if (i === 0 && !BIFF_BOF.includes(type)) return false;
    if (type === BIFF_FILEPASS) return true;
    off += 4 + len;
  }
  return false;
}

function inspectCfb(buffer: Buffer, place: { file: string; sha256: string }): WorkbookFormat {
  let cfb: CfbReader;
  try {
    cfb = new CfbReader(buffer);
  } catch {
    throw corrupt(place, 'cấu trúc tệp Excel cũ không hợp lệ');
  }
  if (cfb.has('EncryptionInfo') || cfb.has('EncryptedPackage')) throw encrypted(place);
  const book = cfb.read('Workbook', 8192) ?? cfb.read('Book', 8192);
  if (book) {
    if (biffIsEncrypted(book)) throw encrypted(place);
    return 'xls';
  }
  const what = cfb.has('WordDocument')
    ? ' (đây là tệp Word .doc)'
    : cfb.has('PowerPoint Document')
      ? ' (đây là tệp PowerPoint)'
      : '';
  throw new ReportError(
    'not_excel',
    `${describePlace(place)} không phải tệp Excel hợp lệ${what}. Xin gửi đúng tệp danh sách dạng .xlsx.`,
    place,
  );
}

// ── Text formats LibreOffice can open (Excel "HTML" and XML Spreadsheet 2003) ──

function sniffText(buffer: Buffer): 'html' | 'xml2003' | null {
  const head = buffer
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .trimStart()
    .toLowerCase();
  if (!head.startsWith('<')) return null;
  if (head.includes('urn:schemas-microsoft-com:office:spreadsheet') && head.includes('<workbook')) return 'xml2003';
  if (
    /<table[\s>]/.test(head) ||
    (/<html[\s>]/.test(head) && /excel|<table/.test(buffer.toString('utf8').toLowerCase()))
  )
    return 'html';
  return null;
}
