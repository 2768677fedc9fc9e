/**
 * Helpers for the sample generator's tests: reading generated workbooks back
 * with exceljs and decoding their cells the way an importer would.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { toUnicode } from '../../../src/core/text';
import { UnitRegistry } from '../../../src/core/units';

export const EXAMPLES_UNITS = path.resolve(__dirname, '../../../examples/units.csv');

export function examplesRegistry(): UnitRegistry {
  return UnitRegistry.fromCsv(fs.readFileSync(EXAMPLES_UNITS, 'utf8'));
}

export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The Unicode text of a cell: each rich-text run decoded with its own font, formulas by their result. */
export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  const font = cell.font?.name ?? null;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return toUnicode(v, { font });
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object' && 'richText' in v) {
    return v.richText.map((run) => toUnicode(run.text, { font: run.font?.name ?? font })).join('');
  }
  if (typeof v === 'object' && 'result' in v) return v.result === undefined ? '' : String(v.result);
  return '';
}

/** Decoded texts of a row's cells, by column (1-based); merged cells give their master's text. */
export function rowTexts(ws: ExcelJS.Worksheet, row: number): Map<number, string> {
  const out = new Map<number, string>();
  ws.getRow(row).eachCell({ includeEmpty: false }, (cell, col) => {
    const text = cellText(cell.isMerged ? cell.master : cell);
    if (text !== '') out.set(col, text);
  });
  return out;
}

/** True when no sheet cell holds anything. */
export function isEmptyWorksheet(ws: ExcelJS.Worksheet): boolean {
  let empty = true;
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.value !== null && cell.value !== undefined && cell.value !== '') empty = false;
    });
  });
  return empty;
}
