/**
 * `tdkt convert`: turns the TCVN3 and VNI text of an .xlsx into Unicode.
 *
 * Each string or rich-text cell is decoded on its own (each rich-text run with
 * its own font), because files mix a TCVN3 title with a Unicode body. Cells in
 * a legacy font get a Unicode font of the same family, size, weight, style and
 * colour, so that the result also looks right. Everything else – numbers,
 * dates, formulas, merges, styles, sheets and their hidden state – is left as
 * exceljs read it. The input is only ever read; the output is written
 * atomically beside its final name.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { decodeLegacy, unicodeFontFor, type LegacyEncoding, type TextEncoding } from '../core/text';
import { writeFileAtomic } from './atomic-write';
import { UserError } from './errors';

export interface ConvertOptions {
  /** 'auto' (default): by each cell's font, then by its content. */
  encoding?: 'auto' | LegacyEncoding;
  /** The Unicode font for cells that were in a legacy font. Default: Times New Roman, Arial or Courier New by family. */
  font?: string;
  /** Replace an existing output file (never the input). */
  overwrite?: boolean;
}

/** What was done to one sheet. A rich-text cell counts once per encoding found in its runs. */
export interface SheetCounts {
  sheet: string;
  /** Cells whose text changed. */
  changed: number;
  /** Cells decoded from TCVN3. */
  tcvn3: number;
  /** Cells decoded from VNI. */
  vni: number;
  /** Unicode cells only recomposed to NFC (they were NFD or "Unicode tổ hợp"). */
  unicode: number;
  /** Cells (or runs) whose legacy font was replaced by a Unicode one. */
  fonts: number;
  /** Formula cells whose cached text result is legacy: formula, result and font are kept. */
  formulas: number;
}

export interface ConvertReport {
  input: string;
  output: string;
  sheets: SheetCounts[];
  total: Omit<SheetCounts, 'sheet'>;
}

const FAMILY: Record<string, number> = { 'Times New Roman': 1, Arial: 2, 'Courier New': 3 };

/**
 * A copy of a legacy font with a Unicode name, or null when `font` is not a
 * legacy font. The charset and theme scheme are dropped: a scheme would make
 * Excel use the theme font instead of the name.
 */
function unicodeFont(font: Partial<ExcelJS.Font> | undefined, override?: string): Partial<ExcelJS.Font> | null {
  const replacement = unicodeFontFor(font?.name);
  if (!font || !replacement) return null;
  const name = override ?? replacement;
  const copy: Partial<ExcelJS.Font> = { ...font, name };
  delete copy.charset;
  delete copy.scheme;
  if (FAMILY[name]) copy.family = FAMILY[name];
  else delete copy.family;
  return copy;
}

type RichTextValue = ExcelJS.CellRichTextValue;
type HyperlinkValue = ExcelJS.CellHyperlinkValue;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}
function isRichText(value: unknown): value is RichTextValue {
  return isObject(value) && Array.isArray(value.richText);
}
function isHyperlink(value: unknown): value is HyperlinkValue {
  return isObject(value) && typeof value.hyperlink === 'string' && typeof value.text === 'string';
}
function isFormula(value: unknown): value is ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue {
  return isObject(value) && ('formula' in value || 'sharedFormula' in value);
}

function emptyCounts(sheet: string): SheetCounts {
  return { sheet, changed: 0, tcvn3: 0, vni: 0, unicode: 0, fonts: 0, formulas: 0 };
}

/**
 * Converts one cell in place and adds to `counts`. The cell's font is read
 * before anything changes, and a changed style is a new object: exceljs shares
 * one style object among all cells of the same style, so mutating it would
 * change (and hide the legacy font of) cells not yet visited.
 */
function convertCell(cell: ExcelJS.Cell, options: ConvertOptions, counts: SheetCounts): void {
  const cellFont = cell.font as Partial<ExcelJS.Font> | undefined;
  const decode = (text: string, font: string | undefined) =>
    decodeLegacy(text, { font, encoding: options.encoding ?? 'auto' });
  const found = new Set<TextEncoding>();
  let keepFont = false;

  // A merged cell other than the top-left one shows its master's value: only its style is its own.
  if (cell.type !== ExcelJS.ValueType.Merge) {
    const value = cell.value;
    if (typeof value === 'string') {
      const result = decode(value, cellFont?.name);
      if (result.changed) {
        cell.value = result.text;
        found.add(result.encoding);
      }
    } else if (isRichText(value)) {
      let runChanged = false;
      const runs = value.richText.map((run) => {
        const result = decode(run.text, run.font?.name ?? cellFont?.name);
        const font = unicodeFont(run.font, options.font);
        if (result.changed) found.add(result.encoding);
        if (font) counts.fonts++;
        if (!result.changed && !font) return run;
        runChanged = true;
        return { ...run, text: result.text, ...(font ? { font } : {}) };
      });
      if (runChanged) cell.value = { ...value, richText: runs };
    } else if (isHyperlink(value)) {
      const result = decode(value.text, cellFont?.name);
      if (result.changed) {
        cell.value = { ...value, text: result.text };
        found.add(result.encoding);
      }
    } else if (isFormula(value) && typeof value.result === 'string') {
      // The formula would recompute legacy text (its literals are legacy too):
      // a Unicode font would garble it, so the cell stays as it is.
      const result = decode(value.result, cellFont?.name);
      if (result.changed && result.encoding !== 'unicode') {
        counts.formulas++;
        keepFont = true;
      }
    }
  }

  const font = keepFont ? null : unicodeFont(cellFont, options.font);
  if (font) {
    cell.style = { ...cell.style, font };
    counts.fonts++;
  }
  if (found.size > 0) counts.changed++;
  for (const encoding of found) counts[encoding]++;
}

/** Converts every sheet of a loaded workbook in place; returns the counts per sheet. */
export function convertWorkbook(workbook: ExcelJS.Workbook, options: ConvertOptions = {}): SheetCounts[] {
  const result: SheetCounts[] = [];
  workbook.eachSheet((sheet) => {
    const counts = emptyCounts(sheet.name);
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => convertCell(cell, options, counts));
    });
    result.push(counts);
  });
  return result;
}

/** "<dir>/<name>_unicode.xlsx" beside the input. */
export function defaultOutputPath(input: string): string {
  const parsed = path.parse(input);
  return path.join(parsed.dir, `${parsed.name}_unicode${parsed.ext || '.xlsx'}`);
}

function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino; // hard links, case-insensitive file systems
  } catch {
    return false;
  }
}

/** Reads and parses the input, turning every failure into a message the user can act on. */
async function loadWorkbook(input: string): Promise<ExcelJS.Workbook> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(input);
  } catch {
    throw new UserError(`Không tìm thấy tệp "${input}".`);
  }
  if (stat.isDirectory()) throw new UserError(`"${input}" là một thư mục, không phải tệp Excel (.xlsx).`);
  let data: Buffer;
  try {
    data = fs.readFileSync(input);
  } catch (err) {
    throw new UserError(`Không đọc được tệp "${input}": ${(err as Error).message}`);
  }
  if (data.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new UserError(
      `Tệp "${input}" không phải định dạng .xlsx: có thể là tệp Excel 97–2003 (.xls) hoặc tệp có đặt mật khẩu. ` +
        'Vui lòng mở tệp bằng Excel, bỏ mật khẩu nếu có và lưu lại dưới dạng .xlsx.',
    );
  }
  const notXlsx = `Tệp "${input}" không phải là bảng tính Excel (.xlsx) hợp lệ hoặc đã bị hỏng.`;
  if (!data.subarray(0, 2).equals(Buffer.from('PK'))) throw new UserError(notXlsx);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    throw new UserError(notXlsx);
  }
  return workbook;
}

/**
 * Converts `input` to Unicode and writes the result to `output` (default
 * `<name>_unicode.xlsx`). Refuses to write over the input, and over an existing
 * file unless `overwrite` is set.
 */
export async function convertFile(
  input: string,
  output?: string,
  options: ConvertOptions = {},
): Promise<ConvertReport> {
  const target = output ?? defaultOutputPath(input);
  if (sameFile(input, target)) {
    throw new UserError(
      `Tệp kết quả trùng với tệp gốc "${input}". Lệnh convert không bao giờ ghi đè tệp gốc: vui lòng chọn tên khác.`,
      2,
    );
  }
  const workbook = await loadWorkbook(input);
  const dir = path.dirname(path.resolve(target));
  if (!fs.existsSync(dir)) throw new UserError(`Không có thư mục "${path.dirname(target)}" để ghi tệp kết quả.`);
  if (fs.existsSync(target) && !options.overwrite) {
    throw new UserError(`Tệp "${target}" đã có. Vui lòng chọn tên khác hoặc dùng --force để ghi đè.`, 2);
  }

  const sheets = convertWorkbook(workbook, options);
  try {
    await writeFileAtomic(target, (temp) => workbook.xlsx.writeFile(temp));
  } catch (err) {
    throw new UserError(`Không ghi được tệp "${target}": ${(err as Error).message}`);
  }

  const total = emptyCounts('');
  for (const s of sheets) {
    for (const key of ['changed', 'tcvn3', 'vni', 'unicode', 'fonts', 'formulas'] as const) total[key] += s[key];
  }
  const { sheet: _sheet, ...totals } = total;
  return { input, output: target, sheets, total: totals };
}

/** Column titles of the report table. */
const COLUMNS: Array<[keyof Omit<SheetCounts, 'sheet'>, string]> = [
  ['tcvn3', 'TCVN3 (ABC)'],
  ['vni', 'VNI'],
  ['unicode', 'Unicode tổ hợp'],
  ['changed', 'Ô đã chuyển'],
  ['fonts', 'Ô đổi phông'],
];

/** The report as a Vietnamese text table, one row per sheet and a total row. */
export function formatReport(report: ConvertReport): string {
  const header = ['Trang tính', ...COLUMNS.map(([, title]) => title)];
  const rows = report.sheets.map((s) => [s.sheet, ...COLUMNS.map(([key]) => String(s[key]))]);
  rows.push(['Tổng cộng', ...COLUMNS.map(([key]) => String(report.total[key]))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  const out = [
    `Đã chuyển "${report.input}" sang Unicode, kết quả ghi vào "${report.output}".`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ];
  if (report.total.changed === 0) out.push('', 'Không có ô nào cần chuyển mã: nội dung đã là Unicode.');
  if (report.total.formulas > 0) {
    out.push(
      '',
      `Lưu ý: ${report.total.formulas} ô công thức cho kết quả bằng mã cũ; công thức và phông của các ô này được giữ nguyên, vui lòng kiểm tra lại.`,
    );
  }
  return out.join('\n');
}
