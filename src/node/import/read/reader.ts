/**
 * Reads one unit report (.xlsx; .xls and other spreadsheets through
 * LibreOffice) into an ExtractedFile: the records of its data table with the
 * words as the file has them, decoded to Unicode NFC.
 *
 * Steps: guard the bytes (guard.ts; the merged ranges are checked as the
 * sheets are read) → load in memory with the lite reader (src/node/ooxml/read.ts), or with
 * exceljs for what that leaves to it (after the guard's merge check; exceljs's
 * streaming reader drops merges) → for each visible, non-empty sheet: find the
 * header (header.ts), read the title block (title.ts) and the rows (rows.ts).
 *
 * Names (samples/README.md): people in title case with new-style tone
 * placement; collectives and positions as written (NFC, white space collapsed).
 *
 * Per record:
 * - subject: a section row ("I. TẬP THỂ") → a collective-only name header
 *   ("Tên tập thể") → the look of the name ("Phòng …", "Trường …", "Hội …") →
 *   the award's catalogue subject ("Tập thể LĐTT") → individual. A "Họ và
 *   tên" header is not evidence: units list their collectives under it.
 * - kind: the title ("BẢNG ĐĂNG KÝ THI ĐUA", "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG")
 *   → the header (a "Danh hiệu đăng ký" column) → the sheet name → the file name.
 * - year: the title ("NĂM 2022", "Thành tích năm 2022") → sheet name → file
 *   name → as a last resort the date line (a nomination dated in the first
 *   half of a year is for the year before).
 * - sending unit: the title block ("Đơn vị: …", the top-left lines, "… của
 *   UBND …" in a reference line) → a unit column when every row agrees → the
 *   file name.
 */
import type ExcelJS from 'exceljs';
import * as path from 'path';
import type {
  DecisionRef,
  ExtractedFile,
  ExtractedRecord,
  ImportKind,
  UnitSource,
} from '../../../core/reconcile/types';
import { cleanText, type TextEncoding } from '../../../core/text';
import { DEFAULT_LIMITS, checkMerges, inspectWorkbookBuffer, readWorkbookFile, type WorkbookLimits } from '../guard';
import { convertToXlsx, findSoffice, type ConvertOptions } from '../xls';
import { ReportError, describePlace } from './errors';
import { matchKey } from './memo';
import { buildGrid, buildLiteGrid, isEmptyGrid, type Grid, type GridCell } from './grid';
import { loadWorkbookLite, type LiteWorkbook } from '../../ooxml/read';
import { findLayout, type Layout } from './header';
import { readRows } from './rows';
import {
  awardOfTitle,
  dateOfLines,
  decisionOfLines,
  kindOfName,
  kindOfTitle,
  namesOtherKind,
  titleLines,
  unitFromFileName,
  unitFromLabel,
  unitFromReference,
  unitFromTopLeft,
  unitOfIssuer,
  yearOfName,
  yearOfTitle,
} from './title';

export interface ReadOptions {
  /** Guard limits (see guard.ts). */
  limits?: Partial<WorkbookLimits>;
  /** LibreOffice settings for .xls and other formats. */
  convert?: Omit<ConvertOptions, 'displayName' | 'sha256'>;
  /** Name used in messages (default: the file's base name). */
  displayName?: string;
  /**
   * How the workbook is loaded: 'auto' (default) reads it with the lite
   * reader (src/node/ooxml/read.ts) and falls back to exceljs for what that leaves to it;
   * 'exceljs' always uses exceljs (the reference the lite reader is tested against).
   */
  engine?: 'auto' | 'exceljs';
}

/** A worksheet to read, from either loader. */
interface SheetSource {
  name: string;
  hidden: boolean;
  /** True when it holds nothing (asked of hidden sheets only). */
  empty(): boolean;
  grid(): Grid;
}

function excelSheets(wb: ExcelJS.Workbook): SheetSource[] {
  return wb.worksheets.map((ws) => ({
    name: ws.name,
    hidden: ws.state === 'hidden' || ws.state === 'veryHidden',
    empty: () => ws.actualRowCount === 0,
    grid: () => buildGrid(ws),
  }));
}

function liteSheets(wb: LiteWorkbook): SheetSource[] {
  return wb.worksheets.map((ws) => ({
    name: ws.name,
    hidden: ws.state === 'hidden' || ws.state === 'veryHidden',
    empty: () => ws.actualRowCount === 0,
    grid: () => buildLiteGrid(ws),
  }));
}

interface SheetResult {
  name: string;
  layout: Layout;
  kind: ImportKind | null;
  kindFrom: string;
  year: number | null;
  yearFrom: string;
  unitText: string | null;
  records: ExtractedRecord[];
  notes: string[];
  cells: GridCell[];
  grid: Grid;
  /** An award list's decision (title block). */
  decision: DecisionRef | null;
}

const KIND_LABEL: Record<ImportKind, string> = {
  registration: 'bảng đăng ký thi đua',
  nomination: 'danh sách đề nghị khen thưởng',
  award: 'danh sách kèm theo quyết định khen thưởng',
};

/** The kind a header suggests: a registration column ("Danh hiệu đăng ký"), or a nomination one ("Hình thức khen thưởng đề nghị"). */
function kindOfHeader(layout: Layout): ImportKind | null {
  if (layout.columns.decisionNumber !== undefined || layout.columns.decisionDate !== undefined) return 'award';
  if (layout.awards.some((a) => a.register)) return 'registration';
  const nominationWords = ['đề nghị', 'khen thưởng', 'hình thức'].map((w) => matchKey(w));
  for (const a of layout.awards) {
    const label = ` ${matchKey(layout.labels.get(a.col) ?? a.header)} `;
    if (nominationWords.some((w) => label.includes(` ${w} `))) return 'nomination';
  }
  return null;
}

function readSheet(grid: Grid, file: string, fileName: string, notes: string[]): SheetResult | null {
  const layout = findLayout(grid);
  if (!layout) {
    notes.push(
      `Trang «${grid.name}» không có bảng danh sách (không thấy dòng tiêu đề có cột «Họ và tên» hoặc «Tên tập thể»); đã bỏ qua.`,
    );
    return null;
  }
  const lines = titleLines(grid, layout.top);
  let kind: ImportKind | null = kindOfTitle(lines);
  let kindFrom = 'tiêu đề';
  // A list attached to a decision ("(Kèm theo Quyết định số …)") is an award list, unless its title
  // names a nomination or registration ("DANH SÁCH ĐỀ NGHỊ …").
  const decision = decisionOfLines(lines);
  if (decision && kind !== 'award' && !namesOtherKind(lines)) kind = 'award';
  if (!kind) [kind, kindFrom] = [kindOfHeader(layout), 'dòng tiêu đề bảng'];
  if (!kind) [kind, kindFrom] = [kindOfName(grid.name), 'tên trang tính'];
  if (!kind) [kind, kindFrom] = [kindOfName(fileName), 'tên tệp'];

  let year = yearOfTitle(lines);
  let yearFrom = 'tiêu đề';
  if (!year) [year, yearFrom] = [yearOfName(grid.name), 'tên trang tính'];
  if (!year) [year, yearFrom] = [yearOfName(fileName), 'tên tệp'];
  if (!year && kind === 'award' && decision?.date) {
    // Decisions of the first half of a year commend the year before.
    const [y, m] = decision.date.split('-').map(Number);
    [year, yearFrom] = [m <= 6 ? y - 1 : y, 'ngày của quyết định'];
  }
  if (!year) {
    const date = dateOfLines(lines);
    if (date) {
      year = kind !== 'registration' && date.month <= 6 ? date.year - 1 : date.year;
      yearFrom = 'ngày ký văn bản';
    }
  }
  // An award list's reference line names the issuer, not a sender: its unit is the issuer's.
  const unitText =
    unitFromLabel(lines) ??
    unitFromTopLeft(lines) ??
    (kind === 'award' ? (decision?.issuer ? unitOfIssuer(decision.issuer) : null) : unitFromReference(lines));
  const sheetNotes: string[] = [];
  const rows = readRows(
    grid,
    layout,
    { file, sheet: grid.name, kind: kind ?? 'nomination', year },
    kind === 'registration',
  );
  sheetNotes.push(...rows.notes);
  if (kind === 'award') {
    // The award a title names ("… được tặng danh hiệu Chiến sĩ thi đua cơ sở năm 2021") for rows without one.
    const titleAward = rows.records.some((r) => !r.awardText) ? awardOfTitle(lines) : null;
    if (titleAward) {
      for (const r of rows.records) if (!r.awardText) r.awardText = titleAward;
      sheetNotes.push(`Danh hiệu, hình thức khen thưởng «${titleAward}» được lấy theo tiêu đề của danh sách.`);
    }
  }
  return {
    name: grid.name,
    layout,
    kind,
    kindFrom,
    year,
    yearFrom,
    unitText,
    records: rows.records,
    notes: sheetNotes,
    cells: rows.cells,
    grid,
    decision: kind === 'award' ? decision : null,
  };
}

/** The dominant encoding among cells with non-ASCII text (ties: Unicode). */
function dominantEncoding(cells: Iterable<GridCell>): TextEncoding | null {
  const counts: Record<TextEncoding, number> = { unicode: 0, tcvn3: 0, vni: 0 };
  let any = false;
  const seen = new Set<GridCell>();
  for (const cell of cells) {
    if (seen.has(cell)) continue;
    seen.add(cell);
    if (!cell.encoding || !/[^\x00-\x7f]/.test(cell.text)) continue;
    counts[cell.encoding]++;
    any = true;
  }
  if (!any) return null;
  let best: TextEncoding = 'unicode';
  for (const enc of ['tcvn3', 'vni'] as const) if (counts[enc] > counts[best]) best = enc;
  return best;
}

function* allCells(grid: Grid, from = 1, to = grid.rowCount): Generator<GridCell> {
  for (let r = from; r <= to; r++) yield* grid.own(r);
}

/** The unit column's value when every row that has one agrees. */
function unitFromColumn(records: ExtractedRecord[]): string | null {
  const values = records.map((r) => r.rowUnitText).filter((v): v is string => Boolean(v));
  if (values.length < 2 || values.length < records.length / 2) return null;
  const key = matchKey(values[0]);
  return values.every((v) => matchKey(v) === key) ? values[0] : null;
}

/** Drops a sheet whose records all repeat another sheet's (a summary and its parts, a copy of the list). */
function dropRepeatedSheets(sheets: SheetResult[], notes: string[]): SheetResult[] {
  const sig = (r: ExtractedRecord): string => `${matchKey(r.name)}|${matchKey(r.awardText ?? '')}`;
  const kept: SheetResult[] = [];
  const sorted = [...sheets].sort((a, b) => b.records.length - a.records.length);
  for (const sheet of sorted) {
    const container = kept.find((k) => {
      const keys = new Set(k.records.map(sig));
      return sheet.records.every((r) => keys.has(sig(r)));
    });
    if (container && sheet.records.length > 0) {
      notes.push(
        `Trang «${sheet.name}» lặp lại dữ liệu của trang «${container.name}»; chỉ đọc trang «${container.name}».`,
      );
      continue;
    }
    kept.push(sheet);
  }
  return sheets.filter((s) => kept.includes(s));
}

async function loadWorkbook(buffer: Buffer, displayName: string, sha256: string): Promise<ExcelJS.Workbook> {
  // Loaded only when a file needs it (the lite reader reads most files): a worker starts faster without it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Workbook } = require('exceljs') as typeof ExcelJS;
  const wb = new Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new ReportError(
      'corrupt',
      `${describePlace({ file: displayName })} bị hỏng, không đọc được nội dung bảng tính ` +
        `(${(e as Error)?.message ?? String(e)}). Xin đơn vị mở lại tệp bằng Excel, lưu lại rồi gửi lại.`,
      { file: displayName, sha256 },
    );
  }
  return wb;
}

/**
 * Reads a unit report. Throws a ReportError (Vietnamese, naming the file) when
 * the file cannot be read or holds no table.
 */
export async function readReport(file: string, options: ReadOptions = {}): Promise<ExtractedFile> {
  const displayName = options.displayName ?? path.basename(file);
  // The merged ranges are checked by the lite loader as it reads, or by checkMerges before exceljs.
  const read = await readWorkbookFile(file, options.limits, displayName, { merges: false });
  const sha256 = read.inspection.sha256;
  let buffer = read.buffer;
  const notes: string[] = [];
  try {
    if (read.inspection.format !== 'xlsx') {
      buffer = await convertToXlsx(file, read.inspection.format, { ...options.convert, displayName, sha256 });
      await inspectWorkbookBuffer(buffer, displayName, options.limits);
      notes.push(`Tệp được chuyển sang .xlsx bằng LibreOffice trước khi đọc.`);
    }
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    const lite = options.engine === 'exceljs' ? null : loadWorkbookLite(buffer, limits);
    if (lite) return extract(liteSheets(lite), file, displayName, sha256, notes);
    if (read.inspection.format === 'xlsx' && !read.inspection.mergesChecked) {
      await checkMerges(buffer, displayName, options.limits);
    }
    let wb: ExcelJS.Workbook;
    try {
      wb = await loadWorkbook(buffer, displayName, sha256);
    } catch (e) {
      // exceljs cannot read some valid workbooks (unusual parts, strict OOXML): let LibreOffice rewrite them.
      const soffice =
        options.convert?.sofficePath === undefined ? findSoffice(options.convert?.env) : options.convert.sofficePath;
      if (read.inspection.format !== 'xlsx' || !soffice) throw e;
      buffer = await convertToXlsx(file, 'xlsx', { ...options.convert, sofficePath: soffice, displayName, sha256 });
      wb = await loadWorkbook(buffer, displayName, sha256);
      notes.push('Tệp được LibreOffice lưu lại trước khi đọc (thư viện đọc Excel không mở được bản gốc).');
    }
    return extract(excelSheets(wb), file, displayName, sha256, notes);
  } catch (e) {
    if (e instanceof ReportError) {
      if (!e.sha256) e.sha256 = sha256;
      throw e;
    }
    // A defect of the reader must not stop a batch: the file fails with the reason.
    throw new ReportError(
      'internal',
      `${describePlace({ file: displayName })}: lỗi không mong muốn khi đọc nội dung (${(e as Error)?.message ?? String(e)}). ` +
        'Xin gửi tệp này cho người quản trị để kiểm tra.',
      { file: displayName, sha256 },
    );
  }
}

function extract(
  worksheets: SheetSource[],
  file: string,
  displayName: string,
  sha256: string,
  notes: string[],
): ExtractedFile {
  let sheets: SheetResult[] = [];
  let visibleWithContent = 0;
  const hiddenWithContent: string[] = [];
  for (const ws of worksheets) {
    if (ws.hidden) {
      const empty = ws.empty();
      notes.push(`Bỏ qua trang ẩn «${ws.name}»${empty ? ' (trống)' : ''}.`);
      if (!empty) hiddenWithContent.push(ws.name);
      continue;
    }
    const grid = ws.grid();
    if (isEmptyGrid(grid)) {
      notes.push(`Trang «${ws.name}» trống.`);
      continue;
    }
    visibleWithContent++;
    const result = readSheet(grid, file, displayName, notes);
    if (result) sheets.push(result);
  }

  if (sheets.length === 0) {
    const place = { file: displayName, sha256 };
    if (visibleWithContent === 0 && hiddenWithContent.length === 0) {
      throw new ReportError(
        'empty',
        `${describePlace(place)} không có dữ liệu: tất cả các trang tính đều trống. Xin đơn vị kiểm tra và gửi lại đúng tệp danh sách.`,
        place,
      );
    }
    const hiddenNote = hiddenWithContent.length
      ? ` (có trang đang bị ẩn: ${hiddenWithContent.map((n) => `«${n}»`).join(', ')}; xin bỏ ẩn nếu danh sách nằm ở đó)`
      : '';
    throw new ReportError(
      'no_table',
      `${describePlace(place)}: không tìm thấy bảng danh sách trong các trang tính${hiddenNote}. ` +
        'Bảng cần có dòng tiêu đề với cột «Họ và tên» (hoặc «Tên tập thể») và cột danh hiệu hoặc hình thức khen thưởng.',
      place,
    );
  }

  const withRecords = sheets.filter((s) => s.records.length > 0);
  if (withRecords.length > 1) sheets = dropRepeatedSheets(sheets, notes);
  const primary = sheets.find((s) => s.records.length > 0) ?? sheets[0];
  const records = sheets.flatMap((s) => s.records);
  for (const s of sheets) notes.push(...s.notes);
  if (records.length === 0) notes.push(`Trang «${primary.name}» có bảng nhưng không có dòng dữ liệu nào.`);

  // Kind.
  let kind = primary.kind ?? sheets.find((s) => s.kind)?.kind ?? null;
  if (!kind) {
    kind = 'nomination';
    notes.push(
      'Không xác định được đây là bảng đăng ký hay danh sách đề nghị; tạm coi là danh sách đề nghị khen thưởng.',
    );
    for (const r of records) r.kind = kind;
  } else if (primary.kindFrom !== 'tiêu đề') {
    notes.push(`Loại văn bản (${KIND_LABEL[kind]}) được xác định theo ${primary.kindFrom}.`);
  }

  // An award list's decision.
  const decision = kind === 'award' ? (primary.decision ?? sheets.find((s) => s.decision)?.decision ?? null) : null;
  if (kind === 'award' && !decision?.number && !records.some((r) => r.decision?.number)) {
    notes.push('Không đọc được số quyết định (dòng “Kèm theo Quyết định số … ngày … của …” ở phần tiêu đề).');
  }

  // Year.
  const year = primary.year ?? sheets.find((s) => s.year)?.year ?? null;
  if (year === null) notes.push('Không xác định được năm thành tích từ tiêu đề văn bản.');
  else if (primary.yearFrom !== 'tiêu đề') notes.push(`Năm ${year} được xác định theo ${primary.yearFrom}.`);
  for (const r of records) if (r.year === null) r.year = year;

  // Sending unit.
  let unitText: string | null = primary.unitText ?? sheets.find((s) => s.unitText)?.unitText ?? null;
  let unitSource: UnitSource | null = unitText ? 'title' : null;
  if (!unitText) {
    unitText = unitFromColumn(records);
    if (unitText) unitSource = 'column';
  }
  if (!unitText) {
    unitText = unitFromFileName(displayName);
    if (unitText) unitSource = 'filename';
  }
  if (unitSource && unitSource !== 'title') {
    notes.push(
      `Đơn vị gửi được xác định theo ${unitSource === 'column' ? 'cột đơn vị trong bảng' : 'tên tệp'}: «${unitText}».`,
    );
  }

  // Encoding: of the cells read into records, else of the whole sheet.
  const encoding = dominantEncoding(primary.cells) ?? dominantEncoding(allCells(primary.grid)) ?? 'unicode';
  if (encoding !== 'unicode') {
    notes.push(
      `Phông chữ cũ ${encoding === 'tcvn3' ? 'TCVN3 (.VnTime…)' : 'VNI (VNI-Times…)'} đã được chuyển sang Unicode.`,
    );
  }

  return {
    file,
    sha256,
    kind,
    unitText: unitText ? cleanText(unitText) : null,
    unitSource,
    year,
    sheet: primary.name,
    headerRow: primary.layout.top,
    encoding,
    records,
    ...(kind === 'award' ? { decision } : {}),
    notes,
  };
}
