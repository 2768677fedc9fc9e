/** A1 notation for the ranges the Sheets API store sends. */
import { columnLetter as letters } from '../../core/a1';

/** 0 → "A", 25 → "Z", 26 → "AA": the API's 0-based column indexes. */
export function columnLetter(index: number): string {
  return letters(index + 1);
}

/**
 * A sheet title as it must appear in a range: always quoted, with ' doubled.
 * Vietnamese titles have spaces, and quoting a plain name is harmless.
 */
export function quoteSheetTitle(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

/** The rectangle from (row0, col0) to (row1, col1), 0-based inclusive, on a sheet. */
export function a1Range(title: string, row0: number, col0: number, row1: number, col1: number): string {
  return `${quoteSheetTitle(title)}!${columnLetter(col0)}${row0 + 1}:${columnLetter(col1)}${row1 + 1}`;
}
