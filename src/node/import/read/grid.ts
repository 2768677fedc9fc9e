/**
 * A worksheet as a grid of decoded text, with merges unfolded.
 *
 * - Each cell's text is decoded to Unicode NFC with `decodeLegacy`, using the
 *   cell's font (rich text: each run with its own font), so a TCVN3 title over
 *   a Unicode body, or a VNI body, reads right.
 * - Formulas give their cached result. A "formula" with no cached result (or an
 *   error) is text that Excel would have shown as typed ("=Trưởng ấp …"): it
 *   is kept literally with its "=".
 * - Every position inside a merged range points at the range's top-left cell
 *   (its master), so a vertically merged award applies to every row inside and
 *   a parent header spans its children.
 */
import type ExcelJS from 'exceljs';
import { decodeLegacy, fontEncoding, isCapitalsFont, type TextEncoding } from '../../../core/text';
import type { LiteSheet } from '../../ooxml/read';

export interface GridCell {
  /** Decoded text (NFC), line breaks kept; '' for an empty cell. */
  readonly text: string;
  /** The encoding the text was found in; null for numbers, dates and empty cells. */
  readonly encoding: TextEncoding | null;
  /** True when the value is a number (or a formula with a numeric result). */
  readonly numeric: boolean;
  /** The formula as typed ("=A10+1"), when the cell holds one. */
  readonly formula: string | null;
  readonly bold: boolean;
  /** Row and column of this cell (the master of its merge). */
  readonly row: number;
  readonly col: number;
  /** Extent of its merge (1 × 1 when not merged). */
  readonly rows: number;
  readonly cols: number;
}

export interface Grid {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  /** The master cell covering (row, col), if that position has content or is merged. */
  at(row: number, col: number): GridCell | undefined;
  /** Cells whose master is in this row, left to right. */
  own(row: number): GridCell[];
  /** True when the row is hidden in Excel. */
  hidden(row: number): boolean;
}

/** Rows and columns read at most: reports are lists, not databases. */
export const MAX_ROWS = 20_000;
export const MAX_COLS = 200;

interface Decoded {
  text: string;
  encoding: TextEncoding | null;
  numeric: boolean;
  formula?: string | null;
}

const EMPTY: Decoded = { text: '', encoding: null, numeric: false };

/**
 * What decodeLegacy reads of a font: its legacy encoding, and for TCVN3
 * whether it draws capitals. 0: none (Unicode or unknown), 1: TCVN3, 2: TCVN3
 * capitals (".VnTimeH"), 3: VNI.
 */
function fontClass(font: string | undefined): number {
  if (font === undefined) return 0;
  let cls = fontClasses.get(font);
  if (cls === undefined) {
    const enc = fontEncoding(font);
    cls = enc === 'tcvn3' ? (isCapitalsFont(font) ? 2 : 1) : enc === 'vni' ? 3 : 0;
    if (fontClasses.size >= CACHE_LIMIT) fontClasses.clear();
    fontClasses.set(font, cls);
  }
  return cls;
}

const CACHE_LIMIT = 20_000;
const fontClasses = new Map<string, number>();
/** Decoded texts by font class: reports repeat the same header words, awards, positions and units. */
const decodedByClass: Array<Map<string, Decoded>> = [new Map(), new Map(), new Map(), new Map()];
/** A font of each class, as decodeLegacy sees it (decoding depends on the class only). */
const CLASS_FONTS = [undefined, '.VnTime', '.VnTimeH', 'VNI-Times'];

/** The decoded text of a cell or run (shared objects: callers never change them). */
function decode(text: string, font: string | undefined): Decoded {
  if (text === '') return EMPTY;
  const cls = fontClass(font);
  const cache = decodedByClass[cls];
  let decoded = cache.get(text);
  if (decoded === undefined) {
    const result = decodeLegacy(text, { font: CLASS_FONTS[cls] });
    const out = result.encoding === 'tcvn3' ? restoreTcvn3Capitals(result.text) : result.text;
    decoded = { text: out, encoding: result.encoding, numeric: false };
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, decoded);
  }
  return decoded;
}

const WORD = /[\p{L}\p{M}]+/gu;
const ASCII_LOWER = /[a-z]/;
const UPPER = /\p{Lu}/gu;

/**
 * TCVN3 has capital codes only for Ă Â Ê Ô Ơ Ư Đ: text typed in capitals in an
 * ordinary (not "H") font decodes as "LAO ĐộNG TIÊN TIếN". A word with two or
 * more capitals and no plain lower-case letter is such a word: it is
 * upper-cased; so is a whole cell with no plain lower-case letter at all
 * ("TRƯơNG Tổ" → "TRƯƠNG TỔ").
 */
export function restoreTcvn3Capitals(text: string): string {
  const letters = text.replace(/[^A-Za-z]/g, '');
  // toUpperCase is toLocaleUpperCase('vi') for every code point (core/text/normalize.ts), much faster.
  if (letters.length >= 3 && !ASCII_LOWER.test(letters)) return text.toUpperCase();
  return text.replace(WORD, (word) =>
    !ASCII_LOWER.test(word) && (word.match(UPPER) ?? []).length >= 2 ? word.toUpperCase() : word,
  );
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "dd/mm/yyyy" (UTC: exceljs gives dates as UTC midnight). */
function formatDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const day = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  const time = d.getUTCHours() || d.getUTCMinutes() ? ` ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : '';
  return day + time;
}

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12)));
}

/** Rich text, with each run decoded in its own font (falling back to the cell's). */
function decodeRich(runs: ExcelJS.RichText[], cellFont: string | undefined): Decoded {
  let text = '';
  let encoding: TextEncoding | null = null;
  for (const run of runs) {
    const part = decode(run.text ?? '', run.font?.name ?? cellFont);
    text += part.text;
    if (part.encoding && part.encoding !== 'unicode' && /[^\x00-\x7f]/.test(run.text ?? '')) encoding = part.encoding;
    else if (!encoding && part.encoding) encoding = part.encoding;
  }
  return { text: text.normalize('NFC'), encoding: text ? encoding : null, numeric: false };
}

/** Decodes one exceljs value (as stored in a cell, or a formula's result). */
function decodeValue(value: ExcelJS.CellValue | undefined, font: string | undefined): Decoded {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return decode(value, font);
  if (typeof value === 'number') return { text: formatNumber(value), encoding: null, numeric: true };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', encoding: null, numeric: false };
  if (value instanceof Date) return { text: formatDate(value), encoding: null, numeric: false };
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return decodeRich(value.richText, font);
    if ('formula' in value || 'sharedFormula' in value) {
      const f = value as ExcelJS.CellFormulaValue;
      const result = f.result as ExcelJS.CellValue | undefined;
      const isError = typeof result === 'object' && result !== null && 'error' in result;
      const literal = typeof f.formula === 'string' && f.formula !== '' ? '=' + f.formula : null;
      if (result !== undefined && result !== null && !isError && !(typeof result === 'string' && result === '')) {
        return { ...decodeValue(result, font), formula: literal };
      }
      // No cached value: the text the author typed (formula bait such as "=Trưởng ấp …", "=SUM(A1)").
      if (literal) return { ...decode(literal, font), formula: literal };
      if (isError) return { text: String((result as ExcelJS.CellErrorValue).error), encoding: null, numeric: false };
      return EMPTY;
    }
    if ('hyperlink' in value) {
      const h = value as ExcelJS.CellHyperlinkValue;
      const t = h.text as unknown;
      if (t && typeof t === 'object' && 'richText' in (t as object)) {
        return decodeRich((t as ExcelJS.CellRichTextValue).richText, font);
      }
      return decode(String(h.text ?? h.hyperlink ?? ''), font);
    }
    if ('error' in value)
      return { text: String((value as ExcelJS.CellErrorValue).error), encoding: null, numeric: false };
    if ('text' in value) return decode(String((value as { text: unknown }).text ?? ''), font);
  }
  return EMPTY;
}

/** The decoded content of an exceljs cell. */
export function decodeCell(cell: ExcelJS.Cell): Decoded {
  let value = cell.value;
  // exceljs reports a shared-formula follower with its own translated formula text.
  if (value && typeof value === 'object' && 'sharedFormula' in value && !('formula' in value)) {
    const formula = (cell as unknown as { formula?: string }).formula;
    if (formula) value = { ...(value as object), formula } as ExcelJS.CellValue;
  }
  return decodeValue(value, cell.font?.name);
}

/** The text a cell shows as data of a text column: a formula whose result is not text is kept as typed. */
export function textOf(cell: GridCell | undefined): string {
  if (!cell) return '';
  if (cell.formula && (cell.numeric || cell.encoding === null || cell.text.trim() === '')) return cell.formula;
  return cell.text;
}

interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function mergesOf(ws: ExcelJS.Worksheet): MergeRange[] {
  // exceljs keeps merges as Range objects keyed by master address (loaded files included).
  const internal = (ws as unknown as { _merges?: Record<string, { model?: MergeRange } & Partial<MergeRange>> })
    ._merges;
  const out: MergeRange[] = [];
  if (!internal) return out;
  for (const range of Object.values(internal)) {
    const m = range.model ?? (range as MergeRange);
    if (m && m.top && m.left && m.bottom && m.right)
      out.push({ top: m.top, left: m.left, bottom: m.bottom, right: m.right });
  }
  return out;
}

class SheetGrid implements Grid {
  readonly rowCount: number;
  readonly colCount: number;
  private readonly cells = new Map<number, Map<number, GridCell>>();
  private readonly owners = new Map<number, GridCell[]>();
  private readonly hiddenRows = new Set<number>();

  constructor(readonly name: string) {
    this.rowCount = 0;
    this.colCount = 0;
  }

  set(row: number, col: number, cell: GridCell): void {
    let line = this.cells.get(row);
    if (!line) this.cells.set(row, (line = new Map()));
    line.set(col, cell);
    const self = this as { rowCount: number; colCount: number };
    if (row > self.rowCount) self.rowCount = row;
    if (col > self.colCount) self.colCount = col;
  }

  hide(row: number): void {
    this.hiddenRows.add(row);
  }

  finish(): void {
    for (const [row, line] of this.cells) {
      // The cells of the row once each: only a merged cell sits at several positions.
      const own: GridCell[] = [];
      let merged: Set<GridCell> | null = null;
      for (const c of line.values()) {
        if (c.row !== row) continue;
        if (c.rows > 1 || c.cols > 1) {
          merged ??= new Set();
          if (merged.has(c)) continue;
          merged.add(c);
        }
        own.push(c);
      }
      own.sort((a, b) => a.col - b.col);
      this.owners.set(row, own);
    }
  }

  at(row: number, col: number): GridCell | undefined {
    return this.cells.get(row)?.get(col);
  }

  own(row: number): GridCell[] {
    return this.owners.get(row) ?? [];
  }

  hidden(row: number): boolean {
    return this.hiddenRows.has(row);
  }
}

/** Numeric position keys: row * KEY_COLS + col (columns go up to 16384). */
const KEY_COLS = 16385;

/** The decoded content of a cell and where it is, for `assemble`. */
interface SourceCell {
  row: number;
  col: number;
  decoded: Decoded;
  bold: boolean;
}

/**
 * The grid of a sheet from its cells with a value (merge slaves left out),
 * its merges and hidden rows: the same for exceljs and the lite reader.
 */
function assemble(
  name: string,
  merges: ReadonlyArray<MergeRange>,
  visit: (add: (cell: SourceCell) => void, hide: (row: number) => void) => void,
): Grid {
  const grid = new SheetGrid(name);
  // Positions as numbers (row * KEY_COLS + col): cheaper keys than "row:col" strings.
  const masters = new Map<number, GridCell>();
  const mergeAt = new Map<number, MergeRange>();
  for (const m of merges) mergeAt.set(m.top * KEY_COLS + m.left, m);
  visit(
    ({ row: r, col: c, decoded, bold }) => {
      if (r > MAX_ROWS || c > MAX_COLS) return;
      const m = mergeAt.get(r * KEY_COLS + c);
      if (decoded.text.trim() === '' && !m) return;
      // The fields in the order `{ ...decoded, formula, … }` gave them.
      const gc: GridCell = {
        text: decoded.text,
        encoding: decoded.encoding,
        numeric: decoded.numeric,
        formula: decoded.formula ?? null,
        bold,
        row: r,
        col: c,
        rows: m ? m.bottom - m.top + 1 : 1,
        cols: m ? m.right - m.left + 1 : 1,
      };
      masters.set(r * KEY_COLS + c, gc);
      grid.set(r, c, gc);
    },
    (row) => {
      if (row <= MAX_ROWS) grid.hide(row);
    },
  );
  // Unfold merges: every covered position points at its master.
  for (const m of merges) {
    const master = masters.get(m.top * KEY_COLS + m.left);
    if (!master || master.text.trim() === '') continue;
    const bottom = Math.min(m.bottom, MAX_ROWS);
    const right = Math.min(m.right, MAX_COLS);
    for (let r = m.top; r <= bottom; r++) {
      for (let c = m.left; c <= right; c++) if (r !== m.top || c !== m.left) grid.set(r, c, master);
    }
  }
  grid.finish();
  return grid;
}

/** Builds the grid of one worksheet loaded by exceljs. */
export function buildGrid(ws: ExcelJS.Worksheet): Grid {
  return assemble(ws.name, mergesOf(ws), (add, hide) => {
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (r > MAX_ROWS) return;
      if (row.hidden) hide(r);
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (c > MAX_COLS) return;
        if (cell.isMerged && cell.master && cell.master !== cell && cell.master.address !== cell.address) return;
        add({
          row: r,
          col: c,
          decoded: decodeCell(cell),
          bold: Boolean(cell.font?.bold) || richAllBold(cell.value),
        });
      });
    });
  });
}

/** Builds the grid of one worksheet read by the lite reader (src/node/ooxml/read.ts). */
export function buildLiteGrid(sheet: LiteSheet): Grid {
  return assemble(sheet.name, sheet.merges, (add, hide) => {
    for (const row of sheet.hiddenRows) hide(row);
    for (const cell of sheet.cells) {
      const value = cell.value as ExcelJS.CellValue;
      add({
        row: cell.row,
        col: cell.col,
        decoded: decodeValue(value, cell.font?.name),
        bold: Boolean(cell.font?.bold) || richAllBold(value),
      });
    }
  });
}

function richAllBold(value: ExcelJS.CellValue): boolean {
  if (!value || typeof value !== 'object' || !('richText' in value)) return false;
  const runs = value.richText.filter((r) => (r.text ?? '').trim() !== '');
  return runs.length > 0 && runs.every((r) => Boolean(r.font?.bold));
}

/** True when a sheet has no visible content at all. */
export function isEmptyGrid(grid: Grid): boolean {
  for (let r = 1; r <= grid.rowCount; r++) if (grid.own(r).some((c) => c.text.trim() !== '')) return false;
  return true;
}
