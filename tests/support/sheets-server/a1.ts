/**
 * A1 notation as the Sheets API reads it: `Sheet1!A1:B2`, `'Kế hoạch'!A1:Z`,
 * `'Bob''s'!A:C`, `Sheet1!2:5`, a bare sheet name (the whole sheet) or a bare
 * cell range (on the first sheet). Rows and columns come back 0-based and
 * half-open, like a GridRange; an open end is `undefined`.
 */
import { invalid } from './errors';

export interface A1Range {
  /** The sheet title as written (unquoted), or undefined for "the first sheet". */
  readonly sheetTitle?: string;
  readonly startRow: number;
  readonly endRow?: number;
  readonly startCol: number;
  readonly endCol?: number;
  /** A single cell ("A1"): a write may start there and extend beyond it. */
  readonly singleCell: boolean;
  /** Only a sheet name was given. */
  readonly wholeSheet: boolean;
}

export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The sheet title as a range prefix: quoted (with '' for ') unless it is a plain identifier. */
export function quoteTitle(title: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(title) && !/^[A-Za-z]{1,3}\d+$/.test(title)
    ? title
    : `'${title.replace(/'/g, "''")}'`;
}

export function formatA1(title: string, startRow: number, endRow: number, startCol: number, endCol: number): string {
  const from = `${columnLetters(startCol)}${startRow + 1}`;
  const to = `${columnLetters(endCol - 1)}${endRow}`;
  return `${quoteTitle(title)}!${from}:${to}`;
}

/** Splits "sheet!cells" into its parts; `sheet` is undefined when the text has no sheet part. */
export function splitSheet(text: string): { sheet?: string; cells?: string; quoted: boolean } {
  if (text.startsWith("'")) {
    let title = '';
    let i = 1;
    for (;;) {
      if (i >= text.length) throw invalid(`Unable to parse range: ${text}`);
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          title += "'";
          i += 2;
          continue;
        }
        break;
      }
      title += text[i++];
    }
    const rest = text.slice(i + 1);
    if (rest === '') return { sheet: title, quoted: true };
    if (!rest.startsWith('!')) throw invalid(`Unable to parse range: ${text}`);
    return { sheet: title, cells: rest.slice(1), quoted: true };
  }
  const bang = text.indexOf('!');
  if (bang < 0) return { cells: text, quoted: false };
  return { sheet: text.slice(0, bang), cells: text.slice(bang + 1), quoted: false };
}

interface Ref {
  col?: number;
  row?: number;
}

function parseRef(text: string): Ref | undefined {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(text);
  if (!m || (!m[1] && !m[2])) return undefined;
  const row = m[2] ? Number(m[2]) - 1 : undefined;
  if (row !== undefined && row < 0) return undefined;
  return { col: m[1] ? columnNumber(m[1]) : undefined, row };
}

/** Parses the cell part ("A1", "A1:B2", "A:B", "2:5", "A2:C"); undefined when it is not a cell range. */
export function parseCells(cells: string): Omit<A1Range, 'sheetTitle' | 'wholeSheet'> | undefined {
  const parts = cells.split(':');
  if (parts.length === 1) {
    const ref = parseRef(parts[0]);
    if (!ref || ref.col === undefined || ref.row === undefined) return undefined;
    return { startRow: ref.row, endRow: ref.row + 1, startCol: ref.col, endCol: ref.col + 1, singleCell: true };
  }
  if (parts.length !== 2) return undefined;
  const a = parseRef(parts[0]);
  const b = parseRef(parts[1]);
  if (!a || !b) return undefined;
  // "A:B" and "2:5" need both ends of the same kind.
  if ((a.col === undefined) !== (b.col === undefined) && a.row === undefined) return undefined;
  const rows = [a.row, b.row].filter((r): r is number => r !== undefined);
  const cols = [a.col, b.col].filter((c): c is number => c !== undefined);
  const startRow = a.row === undefined ? 0 : Math.min(...rows);
  const endRow = b.row === undefined ? undefined : Math.max(...rows) + 1;
  const startCol = a.col === undefined ? 0 : Math.min(...cols);
  const endCol = b.col === undefined ? undefined : Math.max(...cols) + 1;
  return { startRow, endRow, startCol, endCol, singleCell: false };
}
