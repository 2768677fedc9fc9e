/**
 * Report sheets («Tổng hợp», «Sơ kết 6 tháng 2024»…) belong to tdkt: they are
 * rewritten whole on each run. Text in them comes from people (titles, notes,
 * unit names), so it is written as data, never as a formula.
 */
import type { CellValue } from '../core/contract';
import { toSheetCell } from './sheet-store';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The sheet of that name, created at the end of the workbook when missing. */
export function reportSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
): { sheet: Sheet; created: boolean } {
  const sheet = ss.getSheetByName(name);
  if (sheet) return { sheet, created: false };
  return { sheet: ss.insertSheet(name, ss.getNumSheets()), created: true };
}

/** Values ready for setValues: rows padded to `width` (and to `height` with blank rows), text kept as text. */
export function reportValues(
  values: ReadonlyArray<ReadonlyArray<CellValue>>,
  width: number,
  height = values.length,
): CellValue[][] {
  const lines: CellValue[][] = [];
  for (let r = 0; r < height; r++) {
    const line = values[r] ?? [];
    lines.push(Array.from({ length: width }, (_, c) => toSheetCell('text', line[c] ?? '')));
  }
  return lines;
}
