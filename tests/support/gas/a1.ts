import { GasError } from './errors';

/** A block of cells, 1-based like Apps Script. */
export interface GridRange {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** 'A1' for one cell, 'A1:B2' otherwise. */
export function toA1({ row, col, numRows, numCols }: GridRange): string {
  const start = `${columnLetters(col)}${row}`;
  if (numRows === 1 && numCols === 1) return start;
  return `${start}:${columnLetters(col + numCols - 1)}${row + numRows - 1}`;
}

/** Splits "'My sheet'!A1:B2" into the sheet name (quotes removed, '' unescaped) and the reference. */
export function splitSheetName(a1: string): { sheetName?: string; ref: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { ref: a1 };
  let sheetName = a1.slice(0, bang);
  if (/^'.*'$/.test(sheetName)) sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
  return { sheetName, ref: a1.slice(bang + 1) };
}

const END = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

/**
 * Parses 'B2', 'A1:C3', whole columns 'A:C', whole rows '2:4' and open-ended 'A2:C' (to the last row), given the
 * sheet's size. Invalid references throw "Range not found", as in Apps Script.
 */
export function parseRef(ref: string, maxRows: number, maxCols: number): GridRange {
  const parts = ref.trim().split(':');
  const ends = parts.map((part) => {
    const m = END.exec(part);
    if (!m || (!m[1] && !m[2]) || m[2] === '0') throw new GasError('Range not found');
    return { col: m[1] ? columnNumber(m[1]) : undefined, row: m[2] ? Number(m[2]) : undefined };
  });
  if (ends.length === 1) {
    const [only] = ends;
    if (only.row === undefined || only.col === undefined) throw new GasError('Range not found');
    return { row: only.row, col: only.col, numRows: 1, numCols: 1 };
  }
  if (ends.length !== 2) throw new GasError('Range not found');
  const [a, b] = ends;
  const r1 = a.row ?? 1;
  const r2 = b.row ?? maxRows;
  const c1 = a.col ?? 1;
  const c2 = b.col ?? maxCols;
  return {
    row: Math.min(r1, r2),
    col: Math.min(c1, c2),
    numRows: Math.abs(r2 - r1) + 1,
    numCols: Math.abs(c2 - c1) + 1,
  };
}
