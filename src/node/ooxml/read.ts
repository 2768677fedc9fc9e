/**
 * A small, fast reader of the parts of an .xlsx the importer needs: the
 * worksheets in workbook order (name, hidden state), their cells (value,
 * font name and bold), hidden rows and merged ranges. It gives the cells the
 * values exceljs would give (same types, same quirks: shared strings with
 * their rich-text runs, dates from date number formats, formula results,
 * shared formulas translated), so the grid built from either is the same
 * (tests/node/import/ooxml.test.ts compares them on the samples and on
 * generated sets); it is several times faster than exceljs's full load
 * (native inflate, no streams, no object model) and allocates far less.
 *
 * Anything it does not handle the way exceljs does (ZIP64, inline strings,
 * hyperlinks, prefixed element names, CDATA, a DOCTYPE, overlapping merges, parts
 * outside the usual names…) makes `loadWorkbookLite` return null: the reader
 * then loads the file with exceljs, as before.
 */
import { columnLetter } from '../../core/a1';
import { cachedByText } from '../../core/cache';
import { inflateRawSync } from 'zlib';

/** A cell value shaped as exceljs gives it (see grid.ts's decodeValue). */
export type LiteValue =
  | string
  | number
  | boolean
  | Date
  | { richText: Array<{ text?: string; font?: LiteFont }> }
  | { formula?: string; result?: unknown; sharedFormula?: string; shareType?: string; ref?: string }
  | { error: string }
  | Record<string, never>;

export interface LiteFont {
  name?: string;
  bold?: boolean;
}

export interface LiteCell {
  row: number;
  col: number;
  value: LiteValue;
  font: LiteFont | undefined;
}

export interface LiteMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface LiteSheet {
  name: string;
  /** 'hidden', 'veryHidden' or undefined (visible). */
  state: string | undefined;
  /** Cells with a value (not inside a merge unless its top-left cell), by row then column. */
  cells: LiteCell[];
  hiddenRows: Set<number>;
  merges: LiteMerge[];
  /** Rows with a value or inside a merge (exceljs's actualRowCount). */
  actualRowCount: number;
}

export interface LiteWorkbook {
  worksheets: LiteSheet[];
}

/** Thrown inside the reader for a feature it leaves to exceljs. */
class Unsupported extends Error {}

function unsupported(why: string): never {
  throw new Unsupported(why);
}

// ── Zip ───────────────────────────────────────────────────────────────────

/** An entry of a zip's central directory. */
export interface ZipDirectoryEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of its local header. */
  offset: number;
  encrypted: boolean;
}

/**
 * The central directory of a zip held in memory, read synchronously. Throws
 * for anything unusual (no end record, ZIP64, a record out of place): callers
 * then use yauzl (the guard) or exceljs (the reader), as before.
 */
export function readZipDirectory(buf: Buffer): ReadonlyArray<ZipDirectoryEntry> {
  // The guard reads the directory of a file, then the lite loader reads it again from the same buffer.
  const known = directories.get(buf);
  if (known && known.length === buf.length && buf.subarray(buf.length - known.tail.length).equals(known.tail)) {
    return known.entries;
  }
  const entries = parseZipDirectory(buf);
  directories.set(buf, { length: buf.length, tail: Buffer.from(buf.subarray(directoryStart(buf))), entries });
  return entries;
}

/**
 * Directories read, by buffer, with a copy of the bytes they were read from
 * (the central directory to the end: nothing before it is read), so a buffer
 * changed in between is read again.
 */
const directories = new WeakMap<Buffer, { length: number; tail: Buffer; entries: ReadonlyArray<ZipDirectoryEntry> }>();

/** Where the end record is (the last signature within its reach), or -1. */
function findEndRecord(buf: Buffer): number {
  const min = Math.max(0, buf.length - 65557);
  for (let i = buf.length - 22; i >= min; i--) if (buf.readUInt32LE(i) === 0x06054b50) return i;
  return -1;
}

/** The offset of the central directory of a zip whose directory parsed. */
function directoryStart(buf: Buffer): number {
  return buf.readUInt32LE(findEndRecord(buf) + 16);
}

function parseZipDirectory(buf: Buffer): ZipDirectoryEntry[] {
  const eocd = findEndRecord(buf);
  if (eocd < 0) unsupported('no end of central directory');
  if (buf.readUInt16LE(eocd + 4) !== 0 || buf.readUInt16LE(eocd + 6) !== 0) unsupported('multi-disk zip');
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) unsupported('zip64');
  if (offset + size > eocd) unsupported('central directory out of place');
  const entries: ZipDirectoryEntry[] = [];
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== 0x02014b50) unsupported('bad central directory');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || local === 0xffffffff) unsupported('zip64');
    if (p + 46 + nameLength > eocd || local + 30 > offset) unsupported('bad central directory');
    const rawName = buf.subarray(p + 46, p + 46 + nameLength);
    // UTF-8 names (flag 11), else ASCII only: other code pages are left to yauzl.
    if (!(flags & 0x800) && rawName.some((b) => b > 0x7f)) unsupported('non-ASCII name');
    const name = rawName.toString('utf8');
    entries.push({ name, method, compressedSize, uncompressedSize, offset: local, encrypted: (flags & 1) !== 0 });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

type ZipEntry = ZipDirectoryEntry;

function zipEntries(buf: Buffer): Map<string, ZipEntry> {
  const entries = new Map<string, ZipEntry>();
  for (const e of readZipDirectory(buf)) {
    if (e.encrypted) unsupported('encrypted entry');
    const name = e.name.startsWith('/') ? e.name.slice(1) : e.name;
    if (!name.endsWith('/')) entries.set(name, e);
  }
  return entries;
}

function entryData(buf: Buffer, e: ZipEntry): Buffer {
  const p = e.offset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) unsupported('bad local header');
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const raw = buf.subarray(start, start + e.compressedSize);
  if (raw.length !== e.compressedSize) unsupported('entry cut short');
  let data: Buffer;
  if (e.method === 0) data = raw;
  else if (e.method === 8) data = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.uncompressedSize) });
  else unsupported(`compression method ${e.method}`);
  if (data.length !== e.uncompressedSize) unsupported('size mismatch');
  return data;
}

/**
 * The named parts of a zip held in memory (an .xlsx, a .docx), those present.
 * Throws on a zip this reader does not handle (ZIP64, encryption, a part
 * larger than its header says…).
 */
export function readZipParts(buf: Buffer, names: ReadonlyArray<string>): Map<string, Buffer> {
  const entries = zipEntries(buf);
  const parts = new Map<string, Buffer>();
  for (const name of names) {
    const e = entries.get(name);
    if (e) parts.set(name, entryData(buf, e));
  }
  return parts;
}

// ── XML ───────────────────────────────────────────────────────────────────

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text as a parser gives it: line ends normalised, entities and character references decoded. */
function xmlText(raw: string): string {
  let text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (text.includes('&')) {
    text = text.replace(ENTITY, (_m, ref: string) => {
      if (ref[0] === '#') {
        const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        if (!(code >= 0 && code <= 0x10ffff)) unsupported('bad character reference');
        return String.fromCodePoint(code);
      }
      const named = NAMED[ref];
      if (named === undefined) unsupported(`entity &${ref};`);
      return named;
    });
  }
  return text;
}

/** JavaScript's \s (what the attribute and tag-name patterns below stood for). */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The attributes of a tag, as the pattern /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g
 * finds them (a later duplicate wins), scanned by hand: this runs for every
 * row and cell of every sheet, and a regex with captures costs several times
 * more. A failed match at some start fails the same way from every later start
 * inside the same name, so the scan resumes after the name.
 */
export function attributes(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  const n = raw.length;
  let p = 0;
  while (p < n) {
    const c = raw.charCodeAt(p);
    if (c === 61 /* = */ || isSpace(c)) {
      p++;
      continue;
    }
    let q = p + 1;
    while (q < n) {
      const d = raw.charCodeAt(q);
      if (d === 61 || isSpace(d)) break;
      q++;
    }
    let k = q;
    while (k < n && isSpace(raw.charCodeAt(k))) k++;
    if (k < n && raw.charCodeAt(k) === 61) {
      k++;
      while (k < n && isSpace(raw.charCodeAt(k))) k++;
      const quote = raw.charCodeAt(k);
      if (quote === 34 || quote === 39) {
        const close = raw.indexOf(quote === 34 ? '"' : "'", k + 1);
        if (close >= 0) {
          out[raw.slice(p, q)] = xmlText(raw.slice(k + 1, close));
          p = close + 1;
          continue;
        }
      }
    }
    p = q;
  }
  return out;
}

interface XmlHandler {
  open(name: string, rawAttributes: string): void;
  close(name: string): void;
  /** Character data (decoded). */
  text(text: string): void;
}

/** Calls the handler for each element and each run of text (whitespace between tags included). */
function scanXml(xml: string, h: XmlHandler): void {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      h.text(xmlText(xml.slice(i)));
      break;
    }
    if (lt > i) h.text(xmlText(xml.slice(i, lt)));
    const c = xml.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) unsupported('unclosed comment');
        i = end + 3;
      } else unsupported(xml.startsWith('<![CDATA[', lt) ? 'CDATA' : 'DOCTYPE'); // exceljs drops CDATA text
    } else if (c === 63 /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) unsupported('unclosed processing instruction');
      i = end + 2;
    } else if (c === 47 /* / */) {
      const gt = xml.indexOf('>', lt + 2);
      if (gt < 0) unsupported('unclosed tag');
      h.close(xml.slice(lt + 2, gt).trim());
      i = gt + 1;
    } else {
      // An opening tag: its end is the first '>' outside quotes.
      let j = lt + 1;
      while (j < n) {
        const ch = xml.charCodeAt(j);
        if (ch === 62 /* > */) break;
        if (ch === 34 || ch === 39) {
          const close = xml.indexOf(ch === 34 ? '"' : "'", j + 1);
          if (close < 0) unsupported('unclosed attribute');
          j = close + 1;
        } else j++;
      }
      if (j >= n) unsupported('unclosed tag');
      const selfClosing = xml.charCodeAt(j - 1) === 47;
      const bodyEnd = selfClosing ? j - 1 : j;
      let k = lt + 1;
      while (k < bodyEnd) {
        const ch = xml.charCodeAt(k);
        if (ch === 47 /* / */ || isSpace(ch)) break;
        k++;
      }
      const name = xml.slice(lt + 1, k);
      h.open(name, k < bodyEnd ? xml.slice(k, bodyEnd) : '');
      if (selfClosing) h.close(name);
      i = j + 1;
    }
  }
}

/** exceljs's utils.xmlDecode: applied by exceljs on top of the parser's decoding for some values. */
function xmlDecodeAgain(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return c;
    }
  });
}

/** exceljs's TextXform: "_x000D_" escapes of shared strings. */
function unescapeOoxml(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

// ── Addresses and shared formulas (as exceljs's col-cache and shared-formula) ──

function lettersToNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  if (letters.length > 3 || n < 1 || n > 16384) unsupported(`column ${letters}`);
  return n;
}

function numberToLetters(n: number): string {
  if (n < 1 || n > 16384) unsupported(`column ${n}`);
  return columnLetter(n);
}

/**
 * An address as /^\$?([A-Z]{1,3})\$?(\d{1,7})$/ reads it (column letters
 * checked by lettersToNumber), parsed by hand: it runs for every cell.
 */
export function decodeAddress(address: string): { row: number; col: number } {
  const n = address.length;
  let i = 0;
  if (i < n && address.charCodeAt(i) === 36 /* $ */) i++;
  let col = 0;
  const lettersFrom = i;
  while (i < n) {
    const c = address.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    i++;
  }
  const letters = i - lettersFrom;
  if (i < n && address.charCodeAt(i) === 36) i++;
  let row = 0;
  const digitsFrom = i;
  while (i < n) {
    const c = address.charCodeAt(i);
    if (c < 48 || c > 57) break;
    row = row * 10 + (c - 48);
    i++;
  }
  const digits = i - digitsFrom;
  if (i !== n || letters < 1 || letters > 3 || digits < 1 || digits > 7) unsupported(`address ${address}`);
  if (col < 1 || col > 16384) unsupported(`column ${address.slice(lettersFrom, lettersFrom + letters)}`);
  return { row, col };
}

const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REF = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/** exceljs's slideFormula: a shared formula as written in the master, moved to another cell. */
export function slideFormula(formula: string, fromCell: string, toCell: string): string {
  const from = decodeAddress(fromCell);
  const to = decodeAddress(toCell);
  return formula.replace(CANDIDATE, (refMatch, sheet: string | undefined, _s, addrPart: string, paren) => {
    if (paren) return refMatch;
    const match = CELL_REF.exec(addrPart);
    if (!match) return refMatch;
    const [, colDollar, colText, rowDollar, rowText] = match;
    const colStr = colText.toUpperCase();
    if (colStr.length > 3 || (colStr.length === 3 && colStr > 'XFD')) return refMatch;
    let col = lettersToNumber(colStr);
    let row = parseInt(rowText, 10);
    if (!colDollar) col += to.col - from.col;
    if (!rowDollar) row += to.row - from.row;
    return (sheet || '') + (colDollar || '') + numberToLetters(col) + (rowDollar || '') + row;
  });
}

// ── Shared strings and styles ─────────────────────────────────────────────

type SharedString = string | { richText: Array<{ text?: string; font?: LiteFont }> } | Record<string, never>;

function readSharedStrings(xml: string): SharedString[] {
  const out: SharedString[] = [];
  let item: SharedString | null = null;
  let depth = 0; // inside <si>
  let inRun = false;
  let inRunProps = false;
  let inPhonetic = false;
  let textParts: string[] | null = null;
  let run: { text?: string; font?: LiteFont } | null = null;
  scanXml(xml, {
    open(name, raw) {
      if (name === 'si') {
        item = {};
        depth = 1;
        return;
      }
      if (!depth) return;
      if (name.includes(':')) unsupported(`element ${name}`);
      if (inPhonetic) return;
      if (name === 'rPh') inPhonetic = true;
      else if (name === 'r') {
        inRun = true;
        run = {};
      } else if (name === 'rPr' && inRun) {
        inRunProps = true;
        (run as { font?: LiteFont }).font = {};
      } else if (inRunProps) {
        const font = (run as { font: LiteFont }).font;
        if (name === 'rFont') font.name = attributes(raw).val;
        else if (name === 'b') font.bold = true;
      } else if (name === 't') textParts = [];
    },
    text(text) {
      if (textParts && !inPhonetic) textParts.push(text);
    },
    close(name) {
      if (!depth) return;
      if (name === 'si') {
        out.push(item as SharedString);
        item = null;
        depth = 0;
      } else if (inPhonetic) {
        if (name === 'rPh') inPhonetic = false;
      } else if (name === 't' && textParts) {
        const text = unescapeOoxml(textParts.join(''));
        textParts = null;
        if (inRun) (run as { text?: string }).text = text;
        else item = text;
      } else if (name === 'rPr') inRunProps = false;
      else if (name === 'r' && inRun) {
        inRun = false;
        const current = item as { richText?: Array<{ text?: string; font?: LiteFont }> };
        if (typeof item === 'string') unsupported('text and runs in one string');
        (current.richText ??= []).push(run as { text?: string; font?: LiteFont });
        run = null;
      }
    },
  });
  return out;
}

interface Styles {
  /** Per cellXfs index: the font (when it has one) and whether its number format shows dates. */
  xfs: Array<{ font: LiteFont | undefined; date: boolean }>;
}

const DEFAULT_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** exceljs's utils.isDateFmt. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

/**
 * Styles read, by the text of their part: files saved by the same program (or
 * made from the same template) share theirs. Shared, never changed: cells only
 * read their font. Failures are not kept (they throw each time).
 */
const stylesOf = cachedByText(readStyles, 64);

function readStyles(xml: string): Styles {
  const formats = new Map<number, string>();
  const fonts: LiteFont[] = [];
  const cellXfs: Array<{ numFmtId: number; fontId: number }> = [];
  let section = '';
  let font: LiteFont | null = null;
  scanXml(xml, {
    open(name, raw) {
      if (name === 'numFmts' || name === 'fonts' || name === 'cellXfs') section = name;
      else if (section === 'numFmts' && name === 'numFmt') {
        const a = attributes(raw);
        if (a.formatCode === undefined) unsupported('numFmt without formatCode');
        formats.set(parseInt(a.numFmtId, 10), a.formatCode.replace(/[\\](.)/g, '$1'));
      } else if (section === 'fonts') {
        if (name === 'font') font = {};
        else if (font && name === 'name') font.name = attributes(raw).val;
        else if (font && name === 'b') font.bold = true;
      } else if (section === 'cellXfs' && name === 'xf') {
        const a = attributes(raw);
        cellXfs.push({ numFmtId: parseInt(a.numFmtId, 10), fontId: parseInt(a.fontId, 10) });
      }
    },
    text() {},
    close(name) {
      if (name === section) section = '';
      else if (name === 'font' && font) {
        fonts.push(font);
        font = null;
      }
    },
  });
  return {
    xfs: cellXfs.map((xf) => {
      const format = xf.numFmtId ? (formats.get(xf.numFmtId) ?? DEFAULT_FORMATS[xf.numFmtId]) : undefined;
      const f = xf.fontId || xf.fontId === 0 ? fonts[xf.fontId] : undefined;
      return { font: f ? { ...f } : undefined, date: isDateFormat(format) };
    }),
  };
}

// ── Worksheets ────────────────────────────────────────────────────────────

/** exceljs's utils.excelToDate (the arithmetic also on strings and booleans, as there). */
function excelToDate(v: unknown, date1904: boolean): Date {
  const n = (v as number) - 25569 + (date1904 ? 1462 : 0);
  return new Date(Math.round(n * 24 * 3600 * 1000));
}

interface RawCell {
  address: string;
  t: string | undefined;
  style: number | undefined;
  value: string | undefined;
  formula: string | undefined;
  shareType: string | undefined;
  si: string | undefined;
  ref: string | undefined;
}

/** Numeric position keys: row * KEY_COLS + col (columns go up to 16384). */
const KEY_COLS = 16385;

/** Worksheet elements this reader looks for, written with a namespace prefix ("x:row"): left to exceljs. */
const PREFIXED = /:(worksheet|sheetData|row|c|mergeCells|mergeCell|hyperlinks|hyperlink)$/;

function readWorksheet(
  xml: string,
  name: string,
  state: string | undefined,
  strings: SharedString[],
  styles: Styles | null,
  date1904: boolean,
  limits: MergeLimits,
  mergeAreaBefore: number,
): { sheet: LiteSheet; mergeArea: number } {
  const raws: RawCell[] = [];
  const hiddenRows = new Set<number>();
  const mergeRefs: string[] = [];
  let inData = false;
  let cell: RawCell | null = null;
  let node: 'v' | 'f' | null = null;
  scanXml(xml, {
    open(tag, raw) {
      if (tag === 'sheetData') {
        inData = true;
        return;
      }
      if (tag.includes(':') && PREFIXED.test(tag)) unsupported(`element ${tag}`);
      if (!inData) {
        if (tag === 'mergeCell') {
          const ref = attributes(raw).ref;
          if (!ref) unsupported('mergeCell without ref');
          mergeRefs.push(ref);
        } else if (tag === 'hyperlink' || tag === 'hyperlinks') unsupported('hyperlinks');
        return;
      }
      switch (tag) {
        case 'row': {
          const a = attributes(raw);
          if (!a.r || !/^\d+$/.test(a.r)) unsupported('row without number');
          if (a.hidden === 'true' || a.hidden === '1') hiddenRows.add(parseInt(a.r, 10));
          break;
        }
        case 'c': {
          const a = attributes(raw);
          if (!a.r) unsupported('cell without address');
          cell = {
            address: a.r,
            t: a.t,
            style: a.s ? parseInt(a.s, 10) : undefined,
            value: undefined,
            formula: undefined,
            shareType: undefined,
            si: undefined,
            ref: undefined,
          };
          break;
        }
        case 'v':
          node = 'v';
          break;
        case 'f': {
          if (!cell) unsupported('formula outside a cell');
          const a = attributes(raw);
          cell.si = a.si;
          cell.shareType = a.t;
          cell.ref = a.ref;
          node = 'f';
          break;
        }
        case 'extLst':
          break;
        default:
          // Inline strings (<is>), rich runs in a cell, prefixed names: left to exceljs.
          unsupported(`element ${tag} in sheetData`);
      }
    },
    text(text) {
      if (!cell || !node) return;
      if (node === 'v') cell.value = cell.value ? cell.value + text : text;
      else cell.formula = cell.formula ? cell.formula + text : text;
    },
    close(tag) {
      if (tag === 'sheetData') inData = false;
      else if (tag === 'v' || tag === 'f') node = null;
      else if (tag === 'c' && cell) {
        raws.push(cell);
        cell = null;
        node = null;
      }
    },
  });

  // Merges: sizes first (too large: the guard's message, through exceljs's path), then overlaps
  // (they make exceljs fail: left to it).
  const merges: LiteMerge[] = [];
  let mergeArea = mergeAreaBefore;
  for (const ref of mergeRefs) {
    const [a, b = a] = ref.split(':');
    const p = decodeAddress(a);
    const q = decodeAddress(b);
    const m = {
      top: Math.min(p.row, q.row),
      left: Math.min(p.col, q.col),
      bottom: Math.max(p.row, q.row),
      right: Math.max(p.col, q.col),
    };
    const area = (m.bottom - m.top + 1) * (m.right - m.left + 1);
    mergeArea += area;
    if (area > limits.maxMergeCells || mergeArea > limits.maxTotalMergeCells) unsupported('merge too large');
    merges.push(m);
  }
  // Positions as numbers (row * KEY_COLS + col): cheaper keys than "row:col" strings.
  const covered = new Map<number, 'master' | 'slave'>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        const key = r * KEY_COLS + c;
        if (covered.has(key)) unsupported('overlapping merges');
        covered.set(key, r === m.top && c === m.left ? 'master' : 'slave');
      }
    }
  }

  // Cells, as exceljs's cell reconcile makes them.
  const byAddress = new Map<number, LiteCell>();
  const masters = new Map<string, string>(); // shared formula index → master address
  const formulas = new Map<string, string | undefined>(); // address → own formula
  for (const rc of raws) {
    const { row, col } = decodeAddress(rc.address);
    const key = row * KEY_COLS + col;
    const style = rc.style && styles ? styles.xfs[rc.style] : undefined;
    if (rc.style && !styles) unsupported('style without styles.xml');
    const font = style?.font;
    const date = style?.date ?? false;
    let value: LiteValue | undefined;
    if (rc.formula || rc.shareType) {
      const address = numberToLetters(col) + row;
      let result: unknown;
      if (rc.value) {
        if (rc.t === 'str') result = xmlDecodeAgain(rc.value);
        else if (rc.t === 'b') result = parseInt(rc.value, 10) !== 0;
        else if (rc.t === 'e') result = { error: rc.value };
        else result = parseFloat(rc.value);
      }
      if (result !== undefined && date) result = excelToDate(result, date1904);
      let sharedFormula: string | undefined;
      let shareType = rc.shareType;
      if (rc.shareType === 'shared') {
        if (rc.ref) masters.set(rc.si ?? 'undefined', address);
        else {
          sharedFormula = masters.get(rc.si ?? 'undefined');
          shareType = undefined;
        }
      }
      formulas.set(address, rc.formula);
      // exceljs's FormulaValue keeps only truthy fields (a result of 0 is dropped).
      const v: Record<string, unknown> = {};
      if (rc.formula) v.formula = rc.formula;
      if (result) v.result = result;
      if (rc.ref) v.ref = rc.ref;
      if (shareType) v.shareType = shareType;
      if (sharedFormula) v.sharedFormula = sharedFormula;
      value = v as LiteValue;
    } else if (rc.value !== undefined) {
      switch (rc.t) {
        case 's': {
          const s = strings[parseInt(rc.value, 10)];
          value = s === undefined ? undefined : s;
          break;
        }
        case 'str':
          value = xmlDecodeAgain(rc.value);
          break;
        case 'inlineStr':
          unsupported('inline string');
          break;
        case 'b':
          value = parseInt(rc.value, 10) !== 0;
          break;
        case 'e':
          value = { error: rc.value };
          break;
        default: {
          const n = parseFloat(rc.value);
          value = date ? excelToDate(n, date1904) : n;
        }
      }
    }
    if (value === undefined || value === null) {
      byAddress.delete(key);
      continue;
    }
    if (covered.get(key) === 'slave') continue;
    byAddress.set(key, { row, col, value, font });
  }
  // Shared-formula followers read with their translated formula (as grid.ts's decodeCell asks exceljs).
  for (const c of byAddress.values()) {
    const v = c.value as { sharedFormula?: string; formula?: string };
    if (typeof v !== 'object' || v === null || !('sharedFormula' in v) || 'formula' in v) continue;
    const address = numberToLetters(c.col) + c.row;
    const master = v.sharedFormula as string;
    const own = formulas.get(master);
    if (!own) unsupported('shared formula without its master');
    const translated = slideFormula(own, master, address);
    if (translated) c.value = { ...v, formula: translated };
  }
  const cells = [...byAddress.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  const rows = new Set<number>();
  for (const c of cells) rows.add(c.row);
  for (const [key, kind] of covered) if (kind === 'slave') rows.add(Math.floor(key / KEY_COLS));
  return { sheet: { name, state, cells, hiddenRows, merges, actualRowCount: rows.size }, mergeArea };
}

// ── Workbook ──────────────────────────────────────────────────────────────

function textOf(buf: Buffer, entries: Map<string, ZipEntry>, name: string): string | null {
  const e = entries.get(name);
  return e ? entryData(buf, e).toString('utf8') : null;
}

const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

/** The guard's limits on merged ranges (guard.ts's WorkbookLimits): beyond them, exceljs's path and the guard decide. */
export interface MergeLimits {
  maxMergeCells: number;
  maxTotalMergeCells: number;
}

const DEFAULT_MERGE_LIMITS: MergeLimits = { maxMergeCells: 100_000, maxTotalMergeCells: 1_000_000 };

/**
 * Loads the worksheets of an .xlsx held in memory, or returns null when the
 * file uses something this reader leaves to exceljs (see the module comment).
 * Never throws.
 */
export function loadWorkbookLite(buffer: Buffer, limits: MergeLimits = DEFAULT_MERGE_LIMITS): LiteWorkbook | null {
  try {
    return load(buffer, limits);
  } catch {
    // Unsupported, or anything unexpected (a malformed part): exceljs decides, as before.
    return null;
  }
}

function load(buf: Buffer, limits: MergeLimits): LiteWorkbook {
  const entries = zipEntries(buf);
  const workbook = textOf(buf, entries, 'xl/workbook.xml');
  const rels = textOf(buf, entries, 'xl/_rels/workbook.xml.rels');
  if (workbook === null || rels === null) unsupported('no workbook');
  const targets = new Map<string, string>();
  scanXml(rels, {
    open(name, raw) {
      if (name === 'Relationship') {
        const a = attributes(raw);
        if (a.Id && a.Target !== undefined) targets.set(a.Id, a.Target);
      } else if (name !== 'Relationships') unsupported(`element ${name} in rels`);
    },
    close() {},
    text() {},
  });
  const sheets: Array<{ name: string; id: number; state: string | undefined; rId: string | undefined }> = [];
  let date1904 = false;
  scanXml(workbook, {
    open(name, raw) {
      if (name === 'sheet') {
        const a = attributes(raw);
        if (a.name === undefined) unsupported('sheet without name');
        sheets.push({ name: xmlDecodeAgain(a.name), id: parseInt(a.sheetId, 10), state: a.state, rId: a['r:id'] });
      } else if (name === 'workbookPr') date1904 = attributes(raw).date1904 === '1';
    },
    close() {},
    text() {},
  });
  const sharedText = textOf(buf, entries, 'xl/sharedStrings.xml');
  const strings = sharedText === null ? [] : readSharedStrings(sharedText);
  if (sharedText === null && [...entries.keys()].some((k) => /sharedstrings/i.test(k)))
    unsupported('shared strings part');
  const stylesText = textOf(buf, entries, 'xl/styles.xml');
  const styles = stylesText === null ? null : stylesOf(stylesText);

  const worksheets: LiteSheet[] = [];
  const ids = new Set<number>();
  let mergeArea = 0;
  for (const sheet of sheets) {
    const target = sheet.rId === undefined ? undefined : targets.get(sheet.rId);
    if (target === undefined) continue;
    const part = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
    if (!WORKSHEET_PART.test(part) || !entries.has(part)) continue; // a chart sheet, or nothing
    if (!Number.isInteger(sheet.id) || sheet.id < 1 || ids.has(sheet.id)) unsupported('sheet id');
    ids.add(sheet.id);
    const xml = textOf(buf, entries, part) as string;
    const ws = readWorksheet(xml, sheet.name, sheet.state, strings, styles, date1904, limits, mergeArea);
    mergeArea = ws.mergeArea;
    worksheets.push(ws.sheet);
  }
  return { worksheets };
}
