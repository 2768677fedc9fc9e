/**
 * Lays a planned report out as a workbook model: title block, title, header
 * rows, section rows, data rows, totals and signature, extra sheets; and says
 * which sheet row every record ended up in, with the name and position the
 * ground truth expects (derived from the text actually written, so the two
 * cannot drift apart).
 */
import { columnLetter } from '../../core/a1';
import { cleanText, canonicalTone, matchKey, titleCaseName } from '../../core/text';
import {
  AWARD_ORDER,
  awardName,
  isTitle,
  matrixLabel,
  sectionLabel,
  writeAward,
  type AwardId,
  type Place,
} from './awards';
import type { LayoutSpec } from './layout';
import type { NameBook, Person } from './people';
import type { AwardSlot, PlannedRow, ReportPlan } from './plan';
import type { Rng } from './prng';
import {
  FONTS,
  encodeAs,
  encodeCapsFont,
  lineBreak,
  nbsp,
  oldTone,
  shownAs,
  straySpaces,
  upper,
  type FileEncoding,
} from './text';
import { unitCellForms, unitTitleForms, type UnitInfo } from './units';
import { AUTHORS, RECIPIENTS } from './vocab';
import {
  newSheet,
  range,
  setCell,
  type CellModel,
  type CellValue,
  type FontModel,
  type SheetModel,
  type WorkbookModel,
} from './workbook';

export interface RenderContext {
  readonly year: number;
  readonly place: Place;
  /** This file's own generator. */
  readonly rng: Rng;
  /** For the signers' names (reserved, so they never collide with listed people). */
  readonly names: NameBook;
}

export interface RenderedRecord {
  readonly row: PlannedRow;
  readonly sheetRow: number;
  readonly award: AwardSlot;
  /**
   * The name as the ground truth holds it (samples/README.md): a person's in
   * title case with new-style tone placement, whatever was written (capitals,
   * NFD, legacy fonts, "Hoà"); a collective's as written (NFC, white space
   * collapsed, tone placement kept: a TCVN3 "Uỷ ban" stays "Uỷ ban").
   */
  readonly name: string;
  /** The position cell's full text as written (NFC, white space collapsed, tone placement kept); null for collectives. */
  readonly position: string | null;
}

export interface RenderedReport {
  readonly workbook: WorkbookModel;
  readonly sheet: string;
  /** First header row (1-based). */
  readonly headerRow: number;
  readonly quirks: Set<string>;
  readonly records: RenderedRecord[];
}

type ColumnRole =
  | 'stt'
  | 'name'
  | 'surname'
  | 'given'
  | 'male'
  | 'female'
  | 'position'
  | 'unit'
  | 'award'
  | 'title'
  | 'form'
  | 'tick'
  | 'achievement'
  | 'content'
  | 'note';

interface Column {
  readonly role: ColumnRole;
  readonly header: string;
  /** Label over a group of columns (second header row holds `header`). */
  readonly group: string | null;
  readonly award?: AwardId;
  readonly width: number;
}

interface TextOptions {
  /** 'title': title block, title lines and signature (their encoding may differ in mixed files). */
  area?: 'title' | 'body';
  /** A capitals line: TCVN3 files type it in lower case in .VnTimeH. */
  caps?: boolean;
  bold?: boolean;
  italic?: boolean;
  wrap?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  border?: boolean;
  size?: number;
}

const ROMAN_NUMBERS = ['I', 'II', 'III'];

/** Writes cells in the file's encodings and fonts. */
class CellWriter {
  constructor(
    private readonly sheet: SheetModel,
    private readonly spec: LayoutSpec,
    private readonly quirks: Set<string>,
  ) {}

  private encodingOf(o: TextOptions): FileEncoding {
    return o.area === 'title' ? this.spec.titleEncoding : this.spec.encoding;
  }

  private capsFont(o: TextOptions): boolean {
    return this.encodingOf(o) === 'tcvn3' && this.spec.capsFont && o.caps === true;
  }

  font(o: TextOptions, extra: Partial<FontModel> = {}): FontModel {
    const encoding = this.encodingOf(o);
    const name = this.capsFont(o) ? FONTS.tcvn3.caps : FONTS[encoding].body;
    const font: FontModel = { name, size: o.size ?? 12 };
    if (o.bold) font.bold = true;
    if (o.italic) font.italic = true;
    return { ...font, ...extra };
  }

  stored(text: string, o: TextOptions): string {
    if (this.capsFont(o)) {
      this.quirks.add('vntimeh_caps');
      return encodeCapsFont(text);
    }
    return encodeAs(this.encodingOf(o), text);
  }

  private cell(value: CellValue, font: FontModel, o: TextOptions): CellModel {
    const cell: CellModel = { value, font };
    if (o.horizontal) cell.horizontal = o.horizontal;
    if (o.wrap) cell.wrap = true;
    if (o.border) cell.border = true;
    return cell;
  }

  text(row: number, col: number, text: string, o: TextOptions = {}): void {
    setCell(this.sheet, row, col, this.cell(this.stored(text, o), this.font(o), o));
  }

  value(
    row: number,
    col: number,
    value: number | { formula: string; result: number | string },
    o: TextOptions = {},
  ): void {
    setCell(this.sheet, row, col, this.cell(value, this.font(o), o));
  }

  /** A rich-text cell: runs share the cell's font but differ in weight, slant or colour. */
  rich(row: number, col: number, runs: Array<{ text: string; font: Partial<FontModel> }>, o: TextOptions = {}): void {
    const richText = runs.map((r) => ({ text: this.stored(r.text, o), font: this.font(o, r.font) }));
    setCell(this.sheet, row, col, this.cell({ richText }, this.font(o), o));
  }

  /** An empty bordered cell, so that the table's grid is complete. */
  blank(row: number, col: number): void {
    setCell(this.sheet, row, col, { value: null, font: this.font({}), border: true });
  }

  merge(r1: number, c1: number, r2: number, c2: number): void {
    if (r1 === r2 && c1 === c2) return;
    this.sheet.merges.push(range(r1, c1, r2, c2));
  }
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** "Hồng Ngự, ngày 02 tháng 12 năm 2022". */
function dateLine(rng: Rng, where: string, date: Date): string {
  const padded = rng.chance(0.8);
  const d = date.getUTCDate();
  const m = date.getUTCMonth() + 1;
  const day = padded ? pad2(d) : String(d);
  const month = padded || m < 3 ? pad2(m) : String(m);
  return `${where}, ngày ${day} tháng ${month} năm ${date.getUTCFullYear()}`;
}

function vnDate(date: Date): string {
  return `${pad2(date.getUTCDate())}/${pad2(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

const TITLES: Record<'registration' | 'nomination', ReadonlyArray<ReadonlyArray<string>>> = {
  registration: [
    ['BẢNG ĐĂNG KÝ THI ĐUA NĂM {Y}'],
    ['ĐĂNG KÝ DANH HIỆU THI ĐUA NĂM {Y}'],
    ['DANH SÁCH ĐĂNG KÝ THI ĐUA', 'Năm {Y}'],
    ['BẢNG ĐĂNG KÝ DANH HIỆU THI ĐUA', 'Năm {Y}'],
    ['DANH SÁCH CÁ NHÂN, TẬP THỂ ĐĂNG KÝ THI ĐUA NĂM {Y}'],
  ],
  nomination: [
    ['DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM {Y}'],
    ['DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG', '(Thành tích công tác năm {Y})'],
    ['DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG', 'Thành tích năm {Y}'],
    ['DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG', 'Năm {Y}'],
    ['DANH SÁCH ĐỀ NGHỊ XÉT TẶNG DANH HIỆU THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG', '(Thành tích năm {Y})'],
    ['DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM {Y}', '(Thành tích công tác năm {Y})'],
  ],
};

const SHEET_NAMES: Record<'registration' | 'nomination', ReadonlyArray<string>> = {
  registration: ['DangKy{Y}', 'Sheet1', 'DK TD {Y}', 'Đăng ký', 'DK thi đua', 'Bang DK'],
  nomination: ['KT {Y}', 'DSKT', 'Danh sách', 'Tong hop', 'DS đề nghị', 'Sheet1', 'TTr KT {Y}'],
};

/** Document-number code of a unit: "KTHT", "YT", "UBND". */
function documentCode(info: UnitInfo): string {
  if (info.level) return 'UBND';
  if (info.initials) return info.initials.replace(/[&-]/g, '');
  return info.place
    .split(/\s+/)
    .filter((w) => !/^(và|-|–)$/.test(w))
    .map((w) => upper(w[0]))
    .join('');
}

/** Superior authority and signer lines of a unit. */
function signerTitles(rng: Rng, info: UnitInfo): string[] {
  switch (info.profile) {
    case 'local':
      return ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'];
    case 'inspection':
      return ['CHÁNH THANH TRA'];
    case 'office':
      return ['CHÁNH VĂN PHÒNG'];
    case 'school':
      return ['HIỆU TRƯỞNG'];
    case 'other':
      return ['THỦ TRƯỞNG ĐƠN VỊ'];
    default:
      return rng.chance(0.25) ? ['KT. TRƯỞNG PHÒNG', 'PHÓ TRƯỞNG PHÒNG'] : ['TRƯỞNG PHÒNG'];
  }
}

export function renderReport(plan: ReportPlan, ctx: RenderContext): RenderedReport {
  const { spec, unit, kind } = plan;
  const { rng, year, place } = ctx;
  const Y = String(year);
  const quirks = new Set<string>(['title_block']);
  if (spec.encoding === 'tcvn3') quirks.add('encoding_tcvn3');
  if (spec.encoding === 'vni') quirks.add('encoding_vni');
  if (spec.titleEncoding !== spec.encoding) quirks.add('mixed_encoding');

  const sheetName = rng.pick(SHEET_NAMES[kind]).replace('{Y}', Y);
  const sheet = newSheet(sheetName);
  sheet.landscape = rng.chance(0.6);
  const w = new CellWriter(sheet, spec, quirks);

  // ── Columns ───────────────────────────────────────────────────────────
  const synonymsUsed: boolean[] = [];
  const label = (standard: string, synonyms: string[]): string => {
    if (spec.headerSynonyms && rng.chance(0.5)) {
      synonymsUsed.push(true);
      return rng.pick(synonyms);
    }
    return standard;
  };
  const columns: Column[] = [];
  const add = (role: ColumnRole, header: string, width: number, group: string | null = null, award?: AwardId): void => {
    columns.push({ role, header, width, group, award });
  };
  add('stt', label('STT', ['Số TT', 'S\u00a0TT', 'TT']), 6);
  if (spec.splitName) {
    add('surname', label('Họ và tên đệm', ['Họ và chữ lót', 'Họ, tên đệm']), 20);
    add('given', 'Tên', 9);
  } else {
    add(
      'name',
      label('Họ và tên', [
        'Họ tên',
        'HỌ VÀ TÊN',
        'Họ và tên cá nhân/Tên tập thể',
        'Tên tập thể, cá nhân',
        'Họ và tên/Tên tập thể',
      ]),
      28,
    );
  }
  if (spec.birthYears) {
    add('male', 'Nam', 7, 'Năm sinh');
    add('female', 'Nữ', 7, 'Năm sinh');
  }
  if (spec.positionMode === 'position_unit') {
    add('position', label('Chức vụ - Đơn vị', ['Chức vụ, đơn vị công tác', 'Chức vụ, đơn vị']), 36);
  } else {
    add('position', label('Chức vụ', ['Chức danh', 'Chức vụ/Chức danh', 'Chức vụ, chức danh']), 30);
  }
  if (spec.unitColumn) add('unit', label('Đơn vị công tác', ['Đơn vị', 'Cơ quan, đơn vị', 'Nơi công tác']), 26);
  const usedAwards = new Set<AwardId>();
  for (const r of plan.rows) for (const a of r.awards) if (a.id) usedAwards.add(a.id);
  switch (spec.awardMode) {
    case 'column':
    case 'merged':
      if (kind === 'registration') {
        add(
          'award',
          label('Danh hiệu đăng ký', ['Đăng ký danh hiệu', 'Danh hiệu thi đua đăng ký', 'Danh hiệu thi đua']),
          24,
        );
      } else {
        add(
          'award',
          label('Hình thức khen thưởng đề nghị', [
            'Hình thức đề nghị khen thưởng',
            'Danh hiệu thi đua/Hình thức khen thưởng',
            'Đề nghị khen thưởng',
            'Hình thức khen thưởng',
          ]),
          26,
        );
      }
      break;
    case 'split': {
      const group = label('Hình thức đề nghị', ['Đề nghị khen thưởng', 'Hình thức khen thưởng đề nghị']);
      add('title', 'Danh hiệu thi đua', 20, group);
      add('form', 'Hình thức khen thưởng', 26, group);
      break;
    }
    case 'matrix': {
      const group = label('Danh hiệu đăng ký', ['DANH HIỆU ĐĂNG KÝ', 'Đăng ký danh hiệu thi đua']);
      const hasPeople = plan.rows.some((r) => r.entity.subject === 'individual');
      const hasCollectives = plan.rows.some((r) => r.entity.subject === 'collective');
      if (hasPeople) usedAwards.add('ldtt').add('cstdcs');
      if (hasCollectives) usedAwards.add('ttldtt');
      const order: AwardId[] = ['ldtt', 'cstdcs', 'cstd_tinh', 'ttldtt', 'ttldxs', 'co_tinh'];
      for (const id of order) {
        if (!usedAwards.has(id)) continue;
        const text = matrixLabel(rng, id);
        if (text !== awardName(id)) quirks.add('award_variants');
        add('tick', text, 11, group, id);
      }
      quirks.add('matrix_registration');
      break;
    }
    case 'sections':
      break;
  }
  if (spec.achievement) {
    add('achievement', label('Tóm tắt thành tích', ['Thành tích đạt được', 'Tóm tắt thành tích chủ yếu']), 34);
  }
  if (spec.content) add('content', label('Nội dung đăng ký', ['Nội dung, chỉ tiêu đăng ký']), 28);
  if (spec.note) add('note', 'Ghi chú', 14);
  if (spec.headerSynonyms && synonymsUsed.length === 0) {
    const i = columns.findIndex((c) => c.role === 'stt');
    columns[i] = { ...columns[i], header: 'Số TT' };
    synonymsUsed.push(true);
  }
  if (synonymsUsed.length > 0) quirks.add('header_synonyms');
  const ncols = columns.length;
  sheet.widths = columns.map((c) => c.width);
  const colOf = (role: ColumnRole): number => columns.findIndex((c) => c.role === role) + 1;
  const nameCol = spec.splitName ? colOf('surname') : colOf('name');

  // ── Title block ───────────────────────────────────────────────────────
  const T: TextOptions = { area: 'title' };
  const leftEnd = Math.max(2, Math.floor(ncols / 2));
  const blockMerged = rng.chance(0.7) && ncols > leftEnd;
  const leftCell = (r: number, text: string, o: TextOptions): void => {
    w.text(r, 1, text, { ...T, horizontal: 'center', ...o });
    if (blockMerged) w.merge(r, 1, r, leftEnd);
  };
  const rightCell = (r: number, text: string, o: TextOptions): void => {
    const c = Math.min(leftEnd + 1, ncols);
    w.text(r, c, text, { ...T, horizontal: 'center', ...o });
    if (blockMerged) w.merge(r, c, r, ncols);
  };
  const titleForms = unitTitleForms(unit);
  const withCouncil = titleForms.filter((t) => /^(UBND|ỦY BAN)/.test(t));
  const bare = titleForms.filter((t) => !/^(UBND|ỦY BAN)/.test(t));
  const district = upper(place.district);
  let r = 1;
  let unitLine: string;
  if (unit.level !== null && withCouncil.length > 0 && rng.chance(0.25)) {
    unitLine = rng.pick(withCouncil);
    leftCell(r, unitLine, { caps: true, bold: true });
  } else {
    const superior = unit.level
      ? rng.pick(['ỦY BAN NHÂN DÂN', `UBND HUYỆN ${district}`, 'UỶ BAN NHÂN DÂN'])
      : rng.pick([`UBND HUYỆN ${district}`, `ỦY BAN NHÂN DÂN HUYỆN ${district}`]);
    leftCell(r, superior, { caps: true });
    const fitting = unit.level && superior.startsWith('UBND HUYỆN') ? withCouncil : bare;
    unitLine = rng.pick(fitting.length > 0 ? fitting : titleForms);
    leftCell(r + 1, unitLine, { caps: true, bold: true });
  }
  if (unitLine !== unit.unit.name) quirks.add('unit_variant');
  rightCell(r, rng.chance(0.85) ? 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' : 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', {
    caps: true,
    bold: true,
  });
  rightCell(r + 1, 'Độc lập - Tự do - Hạnh phúc', { bold: true });
  const where = unit.level ? unit.place : place.district;
  const dated = dateLine(rng, where, plan.date);
  const type = kind === 'registration' ? rng.pick(['ĐK', 'KH']) : rng.pick(['DS', 'TTr']);
  const number = rng.chance(0.85) ? String(rng.int(5, 420)) : '      ';
  if (rng.chance(0.7)) leftCell(r + 2, `Số: ${number}/${type}-${documentCode(unit)}`, {});
  if (!spec.dateInSignature) rightCell(r + 2, dated, { italic: true });
  r += 3;
  if (rng.chance(0.5)) {
    leftCell(r, rng.pick(['-------', '______', '---o0o---']), {});
    rightCell(r, rng.pick(['---------------', '____________']), {});
    r++;
  }
  r++; // blank line

  // ── Title ─────────────────────────────────────────────────────────────
  const titleLines = rng.pick(TITLES[kind]).map((t) => t.replace('{Y}', Y));
  const titleLine = (text: string, o: TextOptions): void => {
    w.text(r, 1, text, { ...T, horizontal: spec.mergedTitle ? 'center' : undefined, ...o });
    if (spec.mergedTitle) w.merge(r, 1, r, ncols);
    r++;
  };
  titleLine(titleLines[0], { caps: true, bold: true, size: 14 });
  if (spec.mergedTitle) quirks.add('merged_title');
  for (const line of titleLines.slice(1)) titleLine(line, { italic: line.startsWith('(') });
  const cellUnit = rng.pick(unitCellForms(unit));
  if (rng.chance(0.4)) {
    const doc = kind === 'registration' ? 'Công văn' : 'Tờ trình';
    const code = kind === 'registration' ? documentCode(unit) : `TTr-${documentCode(unit)}`;
    titleLine(`(Kèm theo ${doc} số ${rng.int(3, 200)}/${code} ngày ${vnDate(plan.date)} của ${cellUnit})`, {
      italic: true,
    });
    if (cellUnit !== unit.unit.name) quirks.add('unit_variant');
  }
  if (rng.chance(0.3)) {
    titleLine(`Đơn vị: ${cellUnit}`, {});
    if (cellUnit !== unit.unit.name) quirks.add('unit_variant');
  }
  r += rng.int(0, 2);

  // ── Header ────────────────────────────────────────────────────────────
  const B: TextOptions = { area: 'body' };
  const headerRow = r;
  const twoRows = columns.some((c) => c.group !== null);
  const headerText = (text: string): string => {
    let out = text;
    if (spec.lineBreaks && out.length > 12 && rng.chance(0.25)) {
      out = lineBreak(rng, out);
      quirks.add('line_breaks');
    }
    if (spec.names.nbsp && rng.chance(0.15)) out = nbsp(rng, out);
    if (out.includes('\u00a0')) quirks.add('nbsp');
    return out;
  };
  const H: TextOptions = { ...B, bold: true, wrap: true, horizontal: 'center', border: true };
  const capsLine = (text: string): boolean => /[^\x00-\x7f]/.test(text) && upper(text) === text;
  for (let i = 0; i < ncols; i++) {
    const col = columns[i];
    const c = i + 1;
    if (!twoRows) {
      w.text(r, c, headerText(col.header), { ...H, caps: capsLine(col.header) });
      continue;
    }
    if (col.group === null) {
      w.text(r, c, headerText(col.header), { ...H, caps: capsLine(col.header) });
      w.blank(r + 1, c);
      w.merge(r, c, r + 1, c);
    } else {
      if (i === 0 || columns[i - 1].group !== col.group) {
        let end = i;
        while (end + 1 < ncols && columns[end + 1].group === col.group) end++;
        w.text(r, c, headerText(col.group), { ...H, caps: capsLine(col.group) });
        for (let k = c + 1; k <= end + 1; k++) w.blank(r, k);
        w.merge(r, c, r, end + 1);
      }
      w.text(r + 1, c, headerText(col.header), { ...H, caps: capsLine(col.header) });
    }
  }
  r += twoRows ? 2 : 1;
  if (twoRows) quirks.add('two_row_header').add('merged_header');
  if (spec.birthYears) quirks.add('birth_year_columns');
  if (spec.splitName) quirks.add('split_name_columns');
  if (spec.awardMode === 'split') quirks.add('split_award_columns');
  if (spec.unitColumn) quirks.add('unit_column');
  if (spec.positionMode === 'position_unit') quirks.add('position_unit_column');
  if (spec.columnNumbers) {
    for (let c = 1; c <= ncols; c++) {
      if (spec.columnNumbers === 'paren')
        w.text(r, c, `(${c})`, { ...B, italic: true, horizontal: 'center', border: true });
      else w.value(r, c, c, { ...B, italic: true, horizontal: 'center', border: true });
    }
    quirks.add('column_number_row');
    r++;
  }

  // ── Body ──────────────────────────────────────────────────────────────
  const records: RenderedRecord[] = [];
  const firstDataRow = r;
  const collectives = plan.rows.filter((x) => x.entity.subject === 'collective');
  const individuals = plan.rows.filter((x) => x.entity.subject === 'individual');
  const blocks = (spec.collectivesFirst ? [collectives, individuals] : [individuals, collectives]).filter(
    (b) => b.length > 0,
  );
  const awardRank = (x: PlannedRow): number => {
    const id = x.awards[0].id;
    return id === null ? AWARD_ORDER.length : AWARD_ORDER.indexOf(id);
  };
  const sortedBlocks =
    spec.awardMode === 'sections' || spec.awardMode === 'merged'
      ? blocks.map((b) => [...b].sort((a, c) => awardRank(a) - awardRank(c)))
      : blocks;
  const nameState = { first: true, firstPosition: true, firstCollective: true };
  // The written form of an award is chosen once per file and award, as a typist would.
  const written = new Map<AwardId, string>();
  const unitForm = cellUnit;
  let stt = 0;
  let prevSttRow = 0;
  let sectionNo = 0;
  let blankDone = false;
  let blankPending = false;
  let lastDataRow = r - 1;
  const allRows = sortedBlocks.flat();
  const lastRow = allRows[allRows.length - 1];
  const blankAfter = new Set<PlannedRow>();
  if (spec.blankRows) {
    blankAfter.add(allRows[0]);
    for (const x of allRows) if (rng.chance(0.08)) blankAfter.add(x);
  }

  const sectionRow = (text: string, caps: boolean, placement: 'merged' | 'first' | 'second'): void => {
    const c = placement === 'second' ? 2 : 1;
    w.text(r, c, text, { ...B, caps, bold: true, border: placement === 'merged' });
    if (placement === 'merged') w.merge(r, 1, r, ncols);
    r++;
  };

  for (let bi = 0; bi < sortedBlocks.length; bi++) {
    const block = sortedBlocks[bi];
    const collective = block[0].entity.subject === 'collective';
    if (spec.sttRestart && bi > 0) stt = 0;
    if (spec.subjectSections) {
      const roman = ROMAN_NUMBERS[bi];
      const word = collective ? 'TẬP THỂ' : 'CÁ NHÂN';
      const capsLabel = rng.chance(0.6);
      const text = capsLabel ? word : word[0] + word.slice(1).toLocaleLowerCase('vi');
      if (spec.subjectSections === 'split') {
        w.text(r, 1, roman, { ...B, caps: true, bold: true, horizontal: 'center' });
        w.text(r, 2, text, { ...B, caps: capsLabel, bold: true });
        r++;
      } else {
        const numbered = rng.chance(0.85) ? `${roman}. ${text}` : `${'AB'[bi]}. ${text}`;
        sectionRow(numbered, capsLabel, spec.subjectSections);
      }
      quirks.add('subject_sections');
    }
    // Award groups (sections) or merged runs.
    let i = 0;
    if (spec.subjectSections && rng.chance(0.6)) sectionNo = 0;
    while (i < block.length) {
      const id = block[i].awards[0].id;
      let end = i;
      while (end + 1 < block.length && block[end + 1].awards.length === 1 && block[end + 1].awards[0].id === id && id)
        end++;
      if (block[i].awards.length !== 1 || !id) end = i;
      if (spec.awardMode === 'sections' && id) {
        sectionNo++;
        const text = sectionLabel(rng, kind, id, sectionNo, end - i + 1, collective, place);
        if (!text.includes(awardName(id))) quirks.add('award_variants');
        sectionRow(text, false, rng.chance(0.6) ? 'merged' : rng.pick(['first', 'second'] as const));
        quirks.add('award_sections');
      }
      const mergeRun = spec.awardMode === 'merged' && id !== null && end > i;
      const runStart = r;
      for (let k = i; k <= end; k++) {
        const x = block[k];
        stt++;
        const sttValue: number | { formula: string; result: number } =
          spec.sttFormulas && prevSttRow > 0 && stt > 1 ? { formula: `A${prevSttRow}+1`, result: stt } : stt;
        if (typeof sttValue !== 'number') quirks.add('stt_formulas');
        prevSttRow = r;
        writeDataRow(x, sttValue, mergeRun && k > i);
        if (blankAfter.has(x)) blankPending = true;
        if (blankPending && (k === end || !mergeRun) && x !== lastRow) {
          r++;
          blankDone = true;
          blankPending = false;
        }
      }
      if (mergeRun) {
        const c = colOf('award');
        w.merge(runStart, c, runStart + (end - i), c);
        quirks.add('merged_award_cells');
      }
      i = end + 1;
    }
  }
  if (blankDone) quirks.add('blank_rows');

  function writeDataRow(
    x: PlannedRow,
    sttValue: number | { formula: string; result: number },
    underMerge: boolean,
  ): void {
    const D: TextOptions = { ...B, border: true };
    const entity = x.entity;
    const person = entity.subject === 'individual' ? (entity as Person) : null;
    // Name.
    let truthName: string;
    if (person) {
      const parts = styleName(person);
      const written = parts.join(' ');
      truthName = titleCaseName(canonicalTone(cleanText(written)));
      if (truthName !== person.name) throw new Error(`render: name "${written}" does not give "${person.name}"`);
      const nameOpts: TextOptions = { ...D, caps: spec.namesInCapsFont };
      if (spec.namesInCapsFont) quirks.add('all_caps_names');
      if (spec.splitName) {
        w.text(r, colOf('surname'), parts[0], nameOpts);
        if (spec.names.rich && (nameState.first || rng.chance(0.35))) {
          w.rich(r, colOf('given'), [{ text: parts[1], font: { bold: true, italic: rng.chance(0.5) } }], nameOpts);
          quirks.add('rich_text');
        } else {
          w.text(r, colOf('given'), parts[1], nameOpts);
        }
      } else if (spec.names.rich && (nameState.first || rng.chance(0.35))) {
        const cut = parts[0].length + 1;
        const color = rng.chance(0.4) ? { color: 'FFC00000' } : {};
        w.rich(
          r,
          nameCol,
          [
            { text: written.slice(0, cut), font: { bold: rng.chance(0.5) } },
            { text: written.slice(cut), font: { bold: true, italic: rng.chance(0.6), ...color } },
          ],
          nameOpts,
        );
        quirks.add('rich_text');
      } else {
        w.text(r, nameCol, written, nameOpts);
      }
      nameState.first = false;
    } else {
      let written = entity.name;
      if (spec.names.nfd && rng.chance(0.5)) written = written.normalize('NFD');
      if (spec.names.nbsp && rng.chance(0.2)) {
        written = nbsp(rng, written);
        quirks.add('nbsp');
      }
      if (spec.names.spaces && rng.chance(0.2)) {
        written = straySpaces(rng, written);
        quirks.add('leading_trailing_spaces');
      }
      if (spec.lineBreaks && written.length > 20 && (nameState.firstCollective || rng.chance(0.15))) {
        written = lineBreak(rng, written);
        quirks.add('line_breaks');
      }
      nameState.firstCollective = false;
      truthName = cleanText(shownAs(spec.encoding, written));
      if (matchKey(truthName) !== matchKey(entity.name)) {
        throw new Error(`render: collective "${written}" does not give "${entity.name}"`);
      }
      w.text(r, nameCol, written, { ...D, wrap: written.includes('\n') });
      if (spec.splitName) w.blank(r, colOf('given'));
    }
    // STT.
    w.value(r, 1, sttValue, { ...D, horizontal: 'center' });
    // Birth years.
    if (spec.birthYears) {
      for (const role of ['male', 'female'] as const) {
        const c = colOf(role);
        const mine = person && (person.gender === 'male') === (role === 'male');
        if (mine && person) {
          if (rng.chance(0.85)) w.value(r, c, person.birthYear, { ...D, horizontal: 'center' });
          else w.text(r, c, String(person.birthYear), { ...D, horizontal: 'center' });
        } else w.blank(r, c);
      }
    }
    // Position and unit.
    let truthPosition: string | null = null;
    const workplace = person?.position.workplace ?? null;
    if (person) {
      const { role } = person.position;
      let text: string;
      if (spec.positionMode === 'position_unit') {
        text = role + rng.pick([', ', ' - ', ' – ']) + (workplace ?? unitForm);
      } else if (spec.unitColumn) {
        text = role;
      } else {
        text = workplace ? `${role} ${workplace}` : role;
      }
      if (x.bait) {
        text = x.bait + text;
        quirks.add('formula_bait');
      }
      const words = text.split(' ').length;
      if (spec.lineBreaks && words >= 3 && (nameState.firstPosition || rng.chance(0.3))) {
        text = lineBreak(rng, text);
        quirks.add('line_breaks');
      }
      nameState.firstPosition = false;
      if (spec.names.nfd && rng.chance(0.5)) text = text.normalize('NFD');
      if (spec.names.nbsp && rng.chance(0.15)) {
        text = nbsp(rng, text);
        quirks.add('nbsp');
      }
      if (spec.names.spaces && rng.chance(0.15)) {
        text = straySpaces(rng, text);
        quirks.add('leading_trailing_spaces');
      }
      truthPosition = cleanText(shownAs(spec.encoding, text));
      const c = colOf('position');
      if (spec.names.rich && rng.chance(0.1)) {
        w.rich(r, c, [{ text, font: { italic: true } }], { ...D, wrap: true });
        quirks.add('rich_text');
      } else {
        w.text(r, c, text, { ...D, wrap: text.includes('\n') || text.length > 30 });
      }
      if (spec.positionMode === 'position_unit' && !workplace && unitForm !== unit.unit.name)
        quirks.add('unit_variant');
    } else {
      w.blank(r, colOf('position'));
    }
    if (spec.unitColumn) {
      const c = colOf('unit');
      const text = workplace ?? (person || rng.chance(0.5) ? unitForm : '');
      if (text) w.text(r, c, text, { ...D, wrap: text.length > 24 });
      else w.blank(r, c);
      if (text && !workplace && text !== unit.unit.name) quirks.add('unit_variant');
    }
    // Awards.
    if (spec.awardMode === 'column' || spec.awardMode === 'merged' || spec.awardMode === 'split') {
      for (const slot of x.awards) {
        if (slot.id && writtenAward(slot.id) !== awardName(slot.id)) quirks.add('award_variants');
      }
    }
    const orderedSlots: AwardSlot[] = [];
    switch (spec.awardMode) {
      case 'column':
      case 'merged': {
        const c = colOf('award');
        const slot = x.awards[0];
        if (!underMerge) {
          const text = slot.unknown ?? (slot.id ? writtenAward(slot.id) : '');
          if (text) w.text(r, c, text, { ...D, wrap: true });
          else w.blank(r, c);
        }
        orderedSlots.push(slot);
        break;
      }
      case 'split': {
        const titleSlot = x.awards.find((a) => a.id !== null && isTitle(a.id));
        const formSlot = x.awards.find((a) => a !== titleSlot && (a.unknown || (a.id !== null && !isTitle(a.id))));
        const tc = colOf('title');
        const fc = colOf('form');
        if (titleSlot?.id) w.text(r, tc, writtenAward(titleSlot.id), { ...D, wrap: true });
        else w.blank(r, tc);
        if (formSlot) w.text(r, fc, formSlot.unknown ?? writtenAward(formSlot.id as AwardId), { ...D, wrap: true });
        else w.blank(r, fc);
        if (titleSlot) orderedSlots.push(titleSlot);
        if (formSlot) orderedSlots.push(formSlot);
        if (!titleSlot && !formSlot) orderedSlots.push(x.awards[0]);
        break;
      }
      case 'matrix': {
        for (const col of columns) {
          if (col.role !== 'tick') continue;
          const c = columns.indexOf(col) + 1;
          const slot = x.awards.find((a) => a.id === col.award);
          if (slot) {
            w.text(r, c, rng.pick(['X', 'x', 'X ', 'X']), { ...D, horizontal: 'center' });
            orderedSlots.push(slot);
          } else w.blank(r, c);
        }
        if (orderedSlots.length === 0) orderedSlots.push(x.awards[0]);
        break;
      }
      case 'sections':
        orderedSlots.push(x.awards[0]);
        break;
    }
    // Other columns.
    const fill = (role: ColumnRole, text: string): void => {
      const c = colOf(role);
      if (c === 0) return;
      if (text) w.text(r, c, text, { ...D, wrap: true });
      else w.blank(r, c);
    };
    const yearsText = (t: string): string =>
      t
        .replace('{year}', String(year))
        .replace('{prev}', String(year - 1))
        .replace('{old}', String(year - 2));
    fill('achievement', yearsText(x.achievement));
    fill('content', x.content);
    fill('note', yearsText(x.note));

    for (const slot of orderedSlots) {
      records.push({ row: x, sheetRow: r, award: slot, name: truthName, position: truthPosition });
    }
    lastDataRow = r;
    r++;
  }

  function styleName(person: Person): [string, string] {
    let parts: [string, string] = [person.surnamePart, person.givenName];
    const first = nameState.first;
    if (spec.names.oldTone) {
      const changed = parts.map(oldTone) as [string, string];
      if (changed.join(' ') !== parts.join(' ')) quirks.add('old_tone_placement');
      parts = changed;
    }
    if (spec.names.allCaps) {
      parts = parts.map(upper) as [string, string];
      quirks.add('all_caps_names');
    }
    if (spec.names.nfd && (first || rng.chance(0.8))) {
      parts = parts.map((p) => p.normalize('NFD')) as [string, string];
      if (parts.join('') !== parts.join('').normalize('NFC')) quirks.add('nfd_names');
    }
    if (spec.names.nbsp && (first || rng.chance(0.3))) {
      parts = [nbsp(rng, parts[0]), parts[1]];
      quirks.add('nbsp');
    }
    if (spec.names.spaces && (first || rng.chance(0.3))) {
      parts = rng.chance(0.5) ? [straySpaces(rng, parts[0]), parts[1]] : [parts[0], ' ' + parts[1] + ' '];
      quirks.add('leading_trailing_spaces');
    }
    return parts;
  }

  function writtenAward(id: AwardId): string {
    let text = written.get(id);
    if (text === undefined) {
      text = writeAward(rng, id, place, spec.awardVariants, spec.encoding !== 'tcvn3');
      written.set(id, text);
    }
    return text;
  }

  // ── Totals ────────────────────────────────────────────────────────────
  if (spec.totals) {
    const nc = collectives.length;
    const ni = individuals.length;
    const counted = `${pad2(nc)} tập thể, ${pad2(ni)} cá nhân`;
    const bold: TextOptions = { ...B, bold: true };
    if (spec.totals === 'text') {
      w.text(r, nameCol, rng.chance(0.5) ? `Tổng cộng: ${counted}` : `Tổng số: ${nc + ni} (${counted})`, bold);
    } else if (spec.totals === 'split') {
      w.text(r, 1, rng.pick(['Cộng', 'Tổng cộng']), bold);
      w.text(r, nameCol, `${nc} tập thể, ${ni} cá nhân`, bold);
    } else {
      let filled = 0;
      for (let k = firstDataRow; k <= lastDataRow; k++) {
        const v = sheet.rows.get(k)?.get(nameCol)?.value;
        if (v !== undefined && v !== null && v !== '') filled++;
      }
      const L = columnLetter(nameCol);
      w.text(r, 1, 'Tổng cộng', bold);
      w.value(r, nameCol, { formula: `COUNTA(${L}${firstDataRow}:${L}${lastDataRow})`, result: filled }, bold);
    }
    quirks.add('totals_row');
    r++;
  }

  // ── Signature ─────────────────────────────────────────────────────────
  if (spec.signature || spec.dateInSignature) {
    r += rng.int(1, 2);
    const S: TextOptions = { area: 'title', horizontal: 'center' };
    const rightCol = Math.min(Math.max(leftEnd + 1, Math.ceil(ncols * 0.6)), ncols);
    if (spec.dateInSignature) {
      w.text(r, rightCol, dated, { ...S, italic: true });
      r++;
    }
    if (spec.signature) {
      const titles = signerTitles(rng, unit);
      const recipients = rng.chance(0.2);
      if (recipients) {
        w.text(r, 1, 'Nơi nhận:', { area: 'title', bold: true, italic: true, size: 11 });
        RECIPIENTS.forEach((line, k) => w.text(r + 1 + k, 1, line, { area: 'title', size: 11 }));
      } else {
        const maker = rng.chance(0.5) ? 'NGƯỜI LẬP BIỂU' : 'Người lập biểu';
        w.text(r, 2, maker, { ...S, caps: maker === upper(maker), bold: true });
      }
      titles.forEach((t, k) => w.text(r + k, rightCol, t, { ...S, caps: true, bold: true }));
      let k = titles.length;
      if (rng.chance(0.4)) {
        w.text(r + k, rightCol, rng.pick(['(Ký tên, đóng dấu)', '(Ký, ghi rõ họ tên)']), { ...S, italic: true });
        k++;
      }
      const gap = Math.max(k, recipients ? RECIPIENTS.length + 1 : 0) + rng.int(3, 4);
      const signer = ctx.names.fresh();
      w.text(r + gap, rightCol, signer.name, { ...S, bold: true });
      if (!recipients) {
        const maker2 = ctx.names.fresh();
        w.text(r + gap, 2, maker2.name, { ...S, bold: true });
      }
      quirks.add('signature_block');
      r += gap + 1;
    }
  }
  if (plan.date.getUTCFullYear() > year) quirks.add('date_next_year');

  // ── Other sheets ──────────────────────────────────────────────────────
  const sheets: SheetModel[] = [];
  const taken = new Set<string>([sheetName]);
  const freeName = (names: string[]): string => {
    const name = names.find((n) => !taken.has(n)) ?? `Sheet${taken.size + 1}`;
    taken.add(name);
    return name;
  };
  if (spec.emptySheetFirst) {
    sheets.push(newSheet(freeName(['Sheet1', 'Sheet2', 'Sheet3'])));
    quirks.add('empty_sheet');
  }
  sheets.push(sheet);
  const active = sheets.length - 1;
  if (spec.hiddenSheet) {
    const hidden = newSheet(freeName(['TH_cu', 'DM', 'Sheet2', 'DS cu', 'Bản cũ']), 'hidden');
    const hw = new CellWriter(hidden, spec, quirks);
    if (spec.hiddenSheet === 'lists') {
      AWARD_ORDER.forEach((id, k) => hw.text(k + 1, 1, awardName(id), B));
      const roles = [...new Set(individuals.map((x) => (x.entity as Person).position.role))].slice(0, 6);
      roles.forEach((role, k) => hw.text(k + 1, 3, role, B));
      hw.text(1, 5, 'Số liệu cũ', B);
      const old = rng.int(100, 900);
      hw.value(2, 5, old, B);
      hw.value(3, 5, { formula: 'E2*2', result: old * 2 }, B);
    } else {
      hw.text(1, 1, 'STT', B);
      hw.text(1, 2, 'Họ và tên', B);
      hw.text(1, 3, 'Danh hiệu', B);
      individuals.slice(0, rng.int(2, 5)).forEach((x, k) => {
        hw.value(k + 2, 1, k + 1, B);
        hw.text(k + 2, 2, (x.entity as Person).name, B);
        hw.text(k + 2, 3, awardName(rng.pick(['ldtt', 'gk_huyen'] as AwardId[])) + ` năm ${year - 1}`, B);
      });
    }
    sheets.push(hidden);
    quirks.add('hidden_sheet');
  }
  if (spec.extraEmptySheet) {
    sheets.push(newSheet(freeName(['Sheet2', 'Sheet3', 'Sheet4'])));
    quirks.add('empty_sheet');
  }
  if (sheets.length > 1) quirks.add('multi_sheet');

  const minute = rng.int(0, 59);
  const date = new Date(
    Date.UTC(plan.date.getUTCFullYear(), plan.date.getUTCMonth(), plan.date.getUTCDate(), 8, minute, 0),
  );
  return {
    workbook: { sheets, activeSheet: active, date, author: rng.pick(AUTHORS) },
    sheet: sheetName,
    headerRow,
    quirks,
    records,
  };
}
