/**
 * A plain model of the workbooks the generator writes, and its writer
 * (exceljs). The writer fixes every timestamp (document properties and the
 * zip entries) to the document's date, so one seed gives byte-identical files.
 */
import ExcelJS from 'exceljs';
import { columnLetter } from '../../core/a1';

export interface FontModel {
  name: string;
  size: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** ARGB, e.g. "FFC00000". */
  color?: string;
}

export interface RichRun {
  text: string;
  font: FontModel;
}

export type CellValue = string | number | null | { formula: string; result: number | string } | { richText: RichRun[] };

export interface CellModel {
  value: CellValue;
  font: FontModel;
  horizontal?: 'left' | 'center' | 'right';
  wrap?: boolean;
  border?: boolean;
}

export interface SheetModel {
  name: string;
  state: 'visible' | 'hidden';
  /** row (1-based) → column (1-based) → cell. */
  rows: Map<number, Map<number, CellModel>>;
  /** "A1:C1" ranges. */
  merges: string[];
  widths: number[];
  landscape: boolean;
}

export interface WorkbookModel {
  sheets: SheetModel[];
  /** Index of the sheet shown when the file opens. */
  activeSheet: number;
  /** Creation and modification time, also used for the zip entries. */
  date: Date;
  author: string;
}

export function newSheet(name: string, state: 'visible' | 'hidden' = 'visible'): SheetModel {
  return { name, state, rows: new Map(), merges: [], widths: [], landscape: false };
}

export function setCell(sheet: SheetModel, row: number, col: number, cell: CellModel): void {
  let line = sheet.rows.get(row);
  if (!line) {
    line = new Map();
    sheet.rows.set(row, line);
  }
  line.set(col, cell);
}

export function getCell(sheet: SheetModel, row: number, col: number): CellModel | undefined {
  return sheet.rows.get(row)?.get(col);
}

export function range(r1: number, c1: number, r2: number, c2: number): string {
  return `${columnLetter(c1)}${r1}:${columnLetter(c2)}${r2}`;
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function fontOf(font: FontModel): Partial<ExcelJS.Font> {
  const out: Partial<ExcelJS.Font> = { name: font.name, size: font.size };
  if (font.bold) out.bold = true;
  if (font.italic) out.italic = true;
  if (font.underline) out.underline = true;
  if (font.color) out.color = { argb: font.color };
  return out;
}

function valueOf(value: CellValue): ExcelJS.CellValue {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if ('formula' in value) return { formula: value.formula, result: value.result } as ExcelJS.CellFormulaValue;
  return { richText: value.richText.map((r) => ({ text: r.text, font: fontOf(r.font) })) };
}

/** Writes the model as .xlsx bytes. */
export async function writeWorkbook(model: WorkbookModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = model.author;
  wb.lastModifiedBy = model.author;
  wb.created = model.date;
  wb.modified = model.date;
  wb.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: model.activeSheet, visibility: 'visible' },
  ];
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name, {
      state: sheet.state,
      pageSetup: { paperSize: 9, orientation: sheet.landscape ? 'landscape' : 'portrait', fitToWidth: 1 },
    });
    sheet.widths.forEach((w, i) => {
      if (w > 0) ws.getColumn(i + 1).width = w;
    });
    const rowNumbers = [...sheet.rows.keys()].sort((a, b) => a - b);
    for (const r of rowNumbers) {
      const line = sheet.rows.get(r) as Map<number, CellModel>;
      const cols = [...line.keys()].sort((a, b) => a - b);
      for (const c of cols) {
        const model = line.get(c) as CellModel;
        const cell = ws.getCell(r, c);
        cell.value = valueOf(model.value);
        cell.font = fontOf(model.font);
        if (model.horizontal || model.wrap) {
          cell.alignment = { vertical: 'middle', horizontal: model.horizontal, wrapText: model.wrap || undefined };
        }
        if (model.border) cell.border = THIN;
      }
    }
    for (const m of sheet.merges) ws.mergeCells(m);
  }
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  setZipTimes(bytes, model.date);
  return bytes;
}

/** MS-DOS date and time words of a date (local fields taken as UTC, 2-second resolution). */
function dosDateTime(date: Date): { time: number; day: number } {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  return { time, day };
}

/**
 * Sets the modification time of every entry of a zip (local headers and
 * central directory) in place. The zip library stamps entries with the time of
 * writing; fixing them makes the bytes depend on the model only.
 */
export function setZipTimes(zip: Buffer, date: Date): void {
  const { time, day } = dosDateTime(date);
  // End of central directory: 22 bytes plus a comment of up to 65535 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('setZipTimes: not a zip');
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('setZipTimes: bad central directory');
    zip.writeUInt16LE(time, at + 12);
    zip.writeUInt16LE(day, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error('setZipTimes: bad local header');
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(day, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
}
