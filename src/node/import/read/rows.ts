/**
 * The rows under the header: which are data, and the records they give.
 *
 * Skipped: blank rows, the column-number row ("(1) (2) (3)…"), repeated
 * header rows, totals rows ("Tổng cộng", "Cộng: 12 người"). Section rows set
 * the subject ("I. TẬP THỂ", "II. CÁ NHÂN") or the award ("1. Lao động tiên
 * tiến (05 cá nhân)") of the rows below. The signature block ("Người lập
 * biểu", "TM. UBND", "CHỦ TỊCH", a place-date line) ends the table.
 *
 * A data row gives one record per award: each non-empty award cell, each
 * ticked matrix column; without any, the section's award; else one record
 * with no award.
 */
import { stripDecorations } from '../../../core/awards/keys';
import type { Subject } from '../../../core/contract';
import { canonicalTone, cleanText, isAllCaps, titleCaseName } from '../../../core/text';
import type { DecisionRef, ExtractedRecord, ImportKind } from '../../../core/reconcile/types';
import { textOf, type Grid, type GridCell } from './grid';
import { awardOf, matchKey, memoize } from './memo';
import {
  headerRole,
  isAwardTitle,
  isColumnNumberRow,
  isHeaderRow,
  layoutAt,
  type AwardColumn,
  type Layout,
} from './header';
import { dateOfText, decisionNumberOfText, isDateLine, levelOfIssuer } from './title';
import {
  AWARD_WORDS,
  COLLECTIVE_PREFIXES,
  COLLECTIVE_WORDS,
  COUNT_WORDS,
  HEADER_RULES,
  NOT_TICKED,
  SECTION_FILLERS,
  SECTION_SUBJECTS,
  SIGNATURE_EXACT,
  SIGNATURE_PREFIX,
  TICKS,
  TOTALS_FOLLOWERS,
  TOTALS_WORDS,
  type ColumnRole,
} from './vocabulary';

const keys = (list: ReadonlyArray<string>): string[] => list.map((p) => matchKey(p));
const TOTALS = keys(TOTALS_WORDS).sort((a, b) => b.length - a.length);
const TOTALS_NEXT = keys(TOTALS_FOLLOWERS);
const COUNTS = keys(COUNT_WORDS);
const SIGN_EXACT = new Set(keys(SIGNATURE_EXACT));
const SIGN_PREFIX = keys(SIGNATURE_PREFIX);
const TICK_SET = new Set(keys(TICKS).concat(TICKS.filter((t) => matchKey(t) === '')));
// toLowerCase is toLocaleLowerCase('vi') for every code point (core/text/normalize.ts), and much faster.
const NOT_TICKED_SET = new Set(NOT_TICKED.map((t) => t.toLowerCase()));
const AWARD_WORD_KEYS = keys(AWARD_WORDS);
const FILLER_TOKENS = new Set(keys(SECTION_FILLERS).flatMap((k) => k.split(' ')));
const SUBJECTS = SECTION_SUBJECTS.map((s) => ({ subject: s.subject, words: keys(s.words) }));
const COLLECTIVE_START = keys(COLLECTIVE_PREFIXES).sort((a, b) => b.length - a.length);
const COLLECTIVE_INSIDE = keys(COLLECTIVE_WORDS);

/** Roman numerals, letters and numbers used to number sections and rows ("I", "II.", "A", "1", "2/"). */
const MARKER = /^\(?\s*(?:[IVXLC]{1,5}|[A-Za-zĐđ]|\d{1,3})\s*[.)/:-]?\s*\)?$/;
const NUMBER = /^\d{1,5}\s*[.)]?$/;

export interface SheetContext {
  file: string;
  sheet: string;
  kind: ImportKind;
  year: number | null;
}

export interface RowsResult {
  records: ExtractedRecord[];
  notes: string[];
  /** Rows the table spans (first data row .. last row looked at). */
  lastRow: number;
  /** Cells whose text was read into records (for the encoding count). */
  cells: GridCell[];
}

interface State {
  subject: Subject | null;
  award: string | null;
}

/** The cell at (row, col) if its master starts in this row. */
function ownAt(grid: Grid, row: number, col: number | undefined): GridCell | undefined {
  if (col === undefined) return undefined;
  const cell = grid.at(row, col);
  return cell && cell.row === row && cell.text.trim() !== '' ? cell : undefined;
}

/** The cell covering (row, col), also when merged down from a row above. */
function coverAt(grid: Grid, row: number, col: number | undefined): GridCell | undefined {
  if (col === undefined) return undefined;
  const cell = grid.at(row, col);
  return cell && cell.text.trim() !== '' ? cell : undefined;
}

function startsWithWord(key: string, phrase: string): boolean {
  return key === phrase || key.startsWith(phrase + ' ');
}

/** "Tổng cộng", "Cộng: 12 người", "Tổng số: 03 tập thể, 05 cá nhân". */
function _isTotalsText(text: string): boolean {
  const key = matchKey(text);
  for (const word of TOTALS) {
    if (!startsWithWord(key, word)) continue;
    const rest = key.slice(word.length).trim();
    if (rest === '' || /^\d/.test(rest) || TOTALS_NEXT.some((f) => startsWithWord(rest, f))) return true;
  }
  return isCountText(text);
}

/** "3 tập thể, 4 cá nhân", "12 người". */
function _isCountText(text: string): boolean {
  // The key starts with a digit only when the text's first letter or digit is one (cheap test first).
  const first = /[\p{L}\p{N}]/u.exec(text);
  if (!first || !/[0-9]/.test(first[0])) return false;
  const key = matchKey(text);
  if (!/^\d/.test(key)) return false;
  const parts = key.split(/\s*(\d+)\s*/).filter((p) => p !== '');
  // number, count word, number, count word… ("3 tập thể 4 cá nhân")
  if (parts.length < 2 || parts.length % 2 !== 0) return false;
  return parts.every((p, i) => (i % 2 === 0 ? /^\d+$/.test(p) : COUNTS.includes(p)));
}

/** A signature-block cell ("Người lập biểu", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", a place-date line). */
function _isSignatureText(text: string): boolean {
  const key = matchKey(text);
  if (!key) return false;
  if (SIGN_EXACT.has(key)) return true;
  if (isDateLine(text)) return true;
  const clean = cleanText(text);
  // "TM. UBND", "KT. CHỦ TỊCH", "Q. TRƯỞNG PHÒNG": an abbreviation with a dot.
  if (/^(TM|KT|TL|TUQ|Q|T\/M|K\/T)\s*[./]\s*\S/iu.test(clean)) return true;
  if (/^\(\s*(ký|đã ký)/iu.test(clean)) return true;
  return SIGN_PREFIX.filter((p) => p.length > 3).some((p) => startsWithWord(key, p));
}

export function isTick(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  return TICK_SET.has(matchKey(t)) || TICK_SET.has(t) || /^[✓✔☑√xX×]+$/u.test(t);
}

function isNotTicked(text: string): boolean {
  return NOT_TICKED_SET.has(text.trim().toLowerCase());
}

interface Section {
  subject?: Subject;
  award?: string | null;
}

/** Roman numerals, letters and numbers that number sections ("phần II", "mục a"). */
const LIST_TOKEN = /^(?:[ivxlc]{1,5}|[a-zđ]|\d+)$/;

/**
 * The subject a heading names when it is only a subject word among fillers
 * ("II. CÁ NHÂN", "B. Khen thưởng tập thể", "DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG").
 */
function subjectHeading(key: string): Subject | null {
  let rest = ` ${key} `;
  const found = new Set<Subject>();
  const words = SUBJECTS.flatMap((s) => s.words.map((w) => ({ subject: s.subject, w }))).sort(
    (a, b) => b.w.length - a.w.length,
  );
  for (const { subject, w } of words) {
    while (rest.includes(` ${w} `)) {
      found.add(subject);
      rest = rest.replace(` ${w} `, ' ');
    }
  }
  if (found.size !== 1) return null;
  const others = rest.trim().split(' ').filter(Boolean);
  return others.every((t) => FILLER_TOKENS.has(t) || LIST_TOKEN.test(t)) ? [...found][0] : null;
}

/** What a section row says: a subject ("II. CÁ NHÂN"), an award ("1. Lao động tiên tiến (05 cá nhân)"), both, or nothing. */
function _parseSection(text: string): Section | null {
  const stripped = stripDecorations(cleanText(text).replace(/^(phần|mục)\s+[IVXLC\d]+\s*[.:/)-]?\s*/iu, ''))
    .replace(/[:：]\s*\d+\s*$/, '')
    .replace(/\(\s*\d*\s*\)\s*$/, '')
    .trim();
  if (!stripped) return null;
  const key = matchKey(stripped);
  const m = awardOf(stripped);
  if (m.award) {
    // An award for both (a Giấy khen) takes the subject of its count when the heading has one ("(01 cá nhân)").
    const subject =
      m.award.subject === 'both' ? (subjectOfWords(key) ?? subjectOfWords(matchKey(text))) : m.award.subject;
    return { award: stripped, subject };
  }
  const subject = subjectHeading(key);
  if (subject) return { subject, award: null };
  const words = key.split(' ').length;
  if ((m.code === 'ambiguous' || m.code === 'partial') && m.candidates.length > 0 && words <= 12) {
    return { award: stripped, subject: subjectOfWords(key) };
  }
  const padded = ` ${key} `;
  if (AWARD_WORD_KEYS.some((w) => padded.includes(` ${w} `)) && words <= 16) {
    return { award: stripped, subject: subjectOfWords(key) };
  }
  return null;
}

function subjectOfWords(key: string): Subject | undefined {
  const padded = ` ${key} `;
  const hits = SUBJECTS.filter((s) => s.words.some((w) => padded.includes(` ${w} `)));
  return hits.length === 1 ? hits[0].subject : undefined;
}

/** True when a name looks like a collective ("Phòng Y tế", "Trường THCS …", "Hội Nông dân xã …"). */
function _looksCollective(name: string): boolean {
  const key = matchKey(name);
  if (!key) return false;
  if (COLLECTIVE_START.some((p) => startsWithWord(key, p))) return true;
  const padded = ` ${key} `;
  return key.split(' ').length >= 3 && COLLECTIVE_INSIDE.some((w) => padded.includes(` ${w} `));
}

/**
 * Normalises a name for storage (samples/README.md, "name"): NFC, white space
 * collapsed; a person's name in title case with new-style tone placement
 * ("NGUYỄN THỊ HOÀ" → "Nguyễn Thị Hòa"); a collective's name as written
 * ("Uỷ ban MTTQ xã" stays so: identity keys ignore tone placement anyway).
 */
export function normaliseName(raw: string, subject: Subject): string {
  return subject === 'individual' ? personName(raw) : cleanText(raw);
}

/** A person's name for storage (cached: the same people appear in many rows and files). */
const personName: (raw: string) => string = memoize((raw) => titleCaseName(newStyleTones(cleanText(raw))));

/**
 * An o/u followed by a toned a/e/y ("oà", "uỷ"): the only place where old and
 * new tone placement differ (see core/text's canonicalTone), in NFC text.
 */
const OLD_STYLE_PAIR = /[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ]/u;

/** canonicalTone, skipped (it is costly) for NFC text without any old-style pair. */
function newStyleTones(nfcText: string): string {
  return OLD_STYLE_PAIR.test(nfcText) ? canonicalTone(nfcText) : nfcText;
}

function cleanOrNull(text: string | undefined): string | null {
  if (text === undefined) return null;
  const clean = cleanText(text);
  return clean === '' ? null : clean;
}

const AWARD_SEPARATORS = /\s*(?:\n|;|\+|,|\s&\s|\svà\s)\s*/u;

/**
 * Splits a cell that names several awards ("LĐTT\nGiấy khen UBND huyện",
 * "LĐTT + GK huyện") into its awards, only when the whole text is no award
 * and every part is one.
 */
export function splitAwards(raw: string): string[] {
  const whole = cleanText(raw);
  if (awardOf(whole).award) return [whole];
  const parts = raw
    .split(AWARD_SEPARATORS)
    .map((p) => cleanText(p))
    .filter(Boolean);
  if (parts.length >= 2 && parts.every((p) => awardOf(p).award)) return parts;
  return [whole];
}

/** The award texts of a row, left to right, and the cells they came from. */
function rowAwards(
  grid: Grid,
  row: number,
  columns: AwardColumn[],
  notes: string[],
  ctx: SheetContext,
): Array<{ text: string; cell: GridCell }> {
  const out: Array<{ text: string; cell: GridCell }> = [];
  const seen = new Set<string>();
  const add = (text: string, cell: GridCell): void => {
    const key = matchKey(text);
    if (!key || seen.has(key)) return;
    seen.add(key);
    out.push({ text, cell });
  };
  for (const column of columns) {
    const cell = coverAt(grid, row, column.col);
    if (!cell) continue;
    const value = cleanText(cell.text);
    if (!value || isNotTicked(value)) continue;
    if (column.mode === 'matrix') {
      add(!isTick(value) && awardOf(value).award ? value : cleanText(column.header), cell);
    } else if (isTick(value)) {
      if (isAwardTitle(column.header)) add(cleanText(column.header), cell);
      else {
        notes.push(
          `Trang «${ctx.sheet}», ô ${address(row, column.col)}: có dấu «${value}» nhưng cột «${cleanText(column.header)}» ` +
            'không ghi tên danh hiệu; đã bỏ qua.',
        );
      }
    } else {
      for (const part of splitAwards(cell.text)) add(part, cell);
    }
  }
  return out;
}

/** "C12" from row 12, column 3. */
export function address(row: number, col: number): string {
  let letters = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/** The subject of a data row. See the order in the module comment of reader.ts. */
function subjectOf(name: string, awards: ReadonlyArray<string>, state: State, layout: Layout): Subject {
  if (state.subject) return state.subject;
  if (layout.hint === 'collective') return 'collective';
  if (looksCollective(name)) return 'collective';
  for (const text of awards) {
    const award = awardOf(text).award;
    if (award && award.subject !== 'both') return award.subject;
  }
  return 'individual';
}

/** A cell that is only a count or a number ("03", "(05)", "3 người") next to a section heading. */
function isCountCell(cell: GridCell): boolean {
  const t = cell.text.trim();
  return cell.numeric || /^\(?\s*\d+\s*\)?$/.test(t) || isCountText(t);
}

interface Columns {
  layout: Layout;
  nameCols: number[];
  awardColumns: AwardColumn[];
  awardCols: Set<number>;
}

function columnsOf(layout: Layout, registerAwards: boolean): Columns {
  const cols = layout.columns;
  const nameCols = [cols.name, cols.nameFamily, cols.nameGiven].filter((c): c is number => c !== undefined);
  // In a nomination list, a "Đã đăng ký" column is information, not an award (unless it is the only one).
  const nominated = layout.awards.filter((a) => !a.register);
  const awardColumns = registerAwards || nominated.length === 0 ? layout.awards : nominated;
  return { layout, nameCols, awardColumns, awardCols: new Set(awardColumns.map((a) => a.col)) };
}

/** Words one of which every name-column header phrase has ("họ và tên", "tên tập thể", "cá nhân, tập thể"…). */
const NAME_HEADER_WORDS = ['tên', 'tập'];
const NAME_HEADERS_ANCHORED = HEADER_RULES.filter((r) => r.role === 'name')
  .flatMap((r) => [...(r.exact ?? []), ...(r.prefix ?? []), ...(r.contains ?? [])])
  .every((p) => NAME_HEADER_WORDS.some((w) => matchKey(p).includes(w)));

/**
 * False when a text cannot be a name-column header (it has none of
 * NAME_HEADER_WORDS): a cheap test before headerRole on every data row's name.
 */
function mayNameHeader(text: string): boolean {
  if (!NAME_HEADERS_ANCHORED) return true;
  const lower = text.normalize('NFC').toLowerCase();
  return NAME_HEADER_WORDS.some((w) => lower.includes(w));
}

/** Reads the data rows of one table (and of further tables with their own header further down the sheet). */
export function readRows(grid: Grid, first: Layout, ctx: SheetContext, registerAwards: boolean): RowsResult {
  const records: ExtractedRecord[] = [];
  const notes: string[] = [];
  const cells: GridCell[] = [];
  let current = columnsOf(first, registerAwards);
  const state: State = { subject: null, award: null };
  let lastRow = first.bottom;
  /** The last data row's record, without its award. */
  let previous: Omit<ExtractedRecord, 'awardText'> | null = null;

  for (let row = first.bottom + 1; row <= grid.rowCount; row++) {
    const own = grid.own(row).filter((c) => c.text.trim() !== '');
    if (own.length === 0) continue;
    lastRow = row;
    if (isColumnNumberRow(grid, row)) continue;
    const { layout, nameCols, awardColumns, awardCols } = current;
    const cols = layout.columns;

    const sttCell = ownAt(grid, row, cols.stt);
    const sttIsNumber = Boolean(sttCell && (sttCell.numeric || NUMBER.test(sttCell.text.trim())));

    // Another table with its own header (e.g. collectives, then individuals with more columns).
    if (!sttIsNumber && isHeaderRow(grid, row)) {
      const next = layoutAt(grid, row);
      if (next.bottom >= row) {
        current = columnsOf(next, registerAwards);
        state.award = null;
        previous = null;
        row = next.bottom;
        lastRow = row;
        continue;
      }
    }

    const hasAwardValue = awardColumns.some((a) => {
      const c = ownAt(grid, row, a.col);
      return c !== undefined && awardOf(c.text).award !== null;
    });
    const awardCells = own.filter((c) => awardCols.has(c.col) && !isNotTicked(c.text));

    // Signature block: ends the table.
    if (!sttIsNumber && !hasAwardValue && own.some((c) => isSignatureText(c.text))) {
      const nameCell = nameCols.map((c) => ownAt(grid, row, c)).find(Boolean);
      const signature = own.find((c) => isSignatureText(c.text));
      if (!nameCell || nameCell === signature || !looksLikePersonRow(grid, row, layout)) {
        lastRow = row - 1;
        break;
      }
    }

    // Totals.
    const leading = own.slice(0, 3);
    if (!sttIsNumber && leading.some((c) => isTotalsText(c.text))) continue;
    if (sttIsNumber && own.length <= 2 && own.some((c) => c !== sttCell && isCountText(c.text))) continue;

    // Section rows: one text (besides a list marker in the STT column and counts).
    const texts = own.filter(
      (c) => !(c === sttCell && MARKER.test(c.text.trim()) && own.length > 1) && !(own.length > 1 && isCountCell(c)),
    );
    // A row under a name merged down from above continues that person or collective: never a section.
    const continued = nameCols.some((c) => {
      const cell = grid.at(row, c);
      return cell !== undefined && cell.row < row && cell.text.trim() !== '';
    });
    // Only award cells, no name: a further award of the person or collective on the row above.
    if (previous && awardCells.length > 0 && own.every((c) => awardCols.has(c.col))) {
      const awards = rowAwards(grid, row, awardColumns, notes, ctx);
      for (const a of awards) records.push({ ...previous, row, awardText: a.text });
      cells.push(...awards.map((a) => a.cell));
      if (awards.length) {
        notes.push(
          `Trang «${ctx.sheet}», dòng ${row}: chỉ có danh hiệu/hình thức khen thưởng, được hiểu là của «${previous.name}» ở dòng trên.`,
        );
      }
      continue;
    }
    if (texts.length === 1 && !continued) {
      const only = texts[0];
      const section = parseSection(only.text);
      if (section) {
        if (section.subject) {
          if (section.subject !== state.subject || !section.award) state.award = null;
          state.subject = section.subject;
        }
        if (section.award) state.award = section.award;
        else if (section.award === null) state.award = null;
        previous = null;
        continue;
      }
      const nameCol = cols.name ?? cols.nameFamily ?? 0;
      const inName = nameCols.includes(only.col) || (only.col < nameCol && only.col + only.cols - 1 >= nameCol);
      const wide = only.cols >= 3;
      const romanStt =
        sttCell !== undefined && sttCell !== only && /^[IVXLC]+\.?$|^[A-Za-z]\.?$/.test(sttCell.text.trim());
      const heading =
        wide ||
        !inName ||
        romanStt ||
        (cols.stt !== undefined && !sttIsNumber && (only.bold || isAllCaps(only.text)) && !looksCollective(only.text));
      if (heading) {
        notes.push(`Trang «${ctx.sheet}», dòng ${row}: bỏ qua dòng tiêu đề nhóm «${cleanText(only.text)}».`);
        continue;
      }
    }

    // Repeated header (a table continued on a new page).
    const nameCell0 = ownAt(grid, row, cols.name ?? cols.nameFamily);
    if (nameCell0 && mayNameHeader(nameCell0.text) && headerRole(nameCell0.text) === 'name') continue;

    // Data row. A name merged down over several rows names each of them when the row has its own award.
    const nameColumns = cols.name !== undefined ? [cols.name] : [cols.nameFamily, cols.nameGiven];
    let parts = nameColumns.map((c) => ownAt(grid, row, c)).filter((c): c is GridCell => c !== undefined);
    if (parts.length === 0 && awardCells.length > 0) {
      parts = nameColumns.map((c) => coverAt(grid, row, c)).filter((c): c is GridCell => c !== undefined);
    }
    const rawName = parts
      .map((c) => cleanText(textOf(c)))
      .join(' ')
      .trim();
    if (!rawName || !/\p{L}/u.test(rawName)) {
      const other = own.filter((c) => c !== sttCell && !awardCols.has(c.col));
      if (other.length > 0 || sttIsNumber) {
        notes.push(`Trang «${ctx.sheet}», dòng ${row}: có dữ liệu nhưng không có tên; đã bỏ qua.`);
      }
      continue;
    }
    if (grid.hidden(row)) notes.push(`Trang «${ctx.sheet}», dòng ${row} đang bị ẩn trong Excel; vẫn được đọc.`);

    const awards = rowAwards(grid, row, awardColumns, notes, ctx);
    const awardTexts = awards.map((a) => a.text);
    const subject = subjectOf(
      rawName,
      awardTexts.length ? awardTexts : state.award ? [state.award] : [],
      state,
      layout,
    );
    if (subject === 'individual' && awards.length === 0 && !isPlausiblePersonName(rawName)) {
      notes.push(`Trang «${ctx.sheet}», dòng ${row}: «${cleanText(rawName)}» không giống họ tên người; đã bỏ qua.`);
      continue;
    }
    const positionCell = coverAt(grid, row, cols.position);
    // The position cell as written (NFC, white space collapsed): "Chủ tịch Uỷ ban MTTQ" keeps its tone placement.
    const position = subject === 'collective' ? null : cleanOrNull(textOf(positionCell));
    const decision = ctx.kind === 'award' ? rowDecision(grid, row, cols) : null;
    const base = {
      file: ctx.file,
      sheet: ctx.sheet,
      row,
      kind: ctx.kind,
      subject,
      name: normaliseName(rawName, subject),
      position,
      year: ctx.year,
      achievement: cleanOrNull(coverAt(grid, row, cols.achievement)?.text),
      initiative: cleanOrNull(coverAt(grid, row, cols.initiative)?.text),
      rowUnitText: cleanOrNull(coverAt(grid, row, cols.unit)?.text),
      ...(decision ? { decision } : {}),
    };
    previous = base;
    cells.push(...parts, ...awards.map((a) => a.cell));
    if (positionCell) cells.push(positionCell);
    const list = awardTexts.length ? awardTexts : [state.award];
    for (const awardText of list) records.push({ ...base, awardText: awardText ?? null });
  }
  return { records, notes, lastRow, cells };
}

/**
 * An award list row's decision, from its "Số quyết định" / "Ngày quyết định" /
 * "Cấp quyết định" columns (a number cell may also hold the date:
 * "123/QĐ-UBND ngày 15/01/2022"); null when the list has none of them.
 */
function rowDecision(grid: Grid, row: number, cols: Layout['columns']): Partial<DecisionRef> | null {
  const numberText = cleanOrNull(coverAt(grid, row, cols.decisionNumber)?.text);
  const dateText = cleanOrNull(coverAt(grid, row, cols.decisionDate)?.text);
  const issuer = cleanOrNull(coverAt(grid, row, cols.issuer)?.text);
  if (!numberText && !dateText && !issuer) return null;
  const out: Partial<DecisionRef> = {};
  const number = numberText ? decisionNumberOfText(numberText, true) : null;
  if (number) out.number = number;
  const date = (dateText ? dateOfText(dateText) : null) ?? (numberText ? dateOfText(numberText) : null);
  if (date) out.date = date;
  if (issuer) {
    out.issuer = issuer;
    out.level = levelOfIssuer(issuer);
  }
  return out;
}

/**
 * A person's name: 1–7 words of letters (a nickname in brackets allowed), no
 * digits or sentence punctuation. Used to drop stray lines ("Danh sách này có
 * 12 người.") that sit in the name column without any award.
 */
export const isPlausiblePersonName: (raw: string) => boolean = memoize((raw) => _isPlausiblePersonName(raw));

function _isPlausiblePersonName(raw: string): boolean {
  const name = cleanText(raw)
    .replace(/\([^)]*\)/g, ' ')
    .trim();
  if (/[\d:;!?…]|\.\s*$/.test(name)) return false;
  const words = name.split(/\s+/).filter(Boolean);
  return words.length >= 1 && words.length <= 7 && words.every((w) => /^[\p{L}\p{M}'’.-]+$/u.test(w));
}

/** A row with text in the position, unit or achievement column besides the name. */
function looksLikePersonRow(grid: Grid, row: number, layout: Layout): boolean {
  const roles: ColumnRole[] = ['position', 'unit', 'achievement'];
  return roles.some((r) => ownAt(grid, row, layout.columns[r]) !== undefined);
}

/** "Tổng cộng", "Cộng: 12 người", "Tổng số: 03 tập thể, 05 cá nhân" (cached). */
export const isTotalsText: (text: string) => boolean = memoize((text) => _isTotalsText(text));

/** A signature-block cell (cached; see `_isSignatureText`). */
export const isSignatureText: (text: string) => boolean = memoize((text) => _isSignatureText(text));

/** What a section row says (cached; see `_parseSection`). */
export const parseSection: (text: string) => Section | null = memoize((text) => _parseSection(text));

/** True when a name looks like a collective (cached; see `_looksCollective`). */
export const looksCollective: (text: string) => boolean = memoize((text) => _looksCollective(text));

/** "3 tập thể, 4 cá nhân", "12 người" (cached). */
export const isCountText: (text: string) => boolean = memoize((text) => _isCountText(text));
