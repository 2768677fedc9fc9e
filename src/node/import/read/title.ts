/**
 * The title block above the table: who sent the report, what it is
 * (registration or nomination) and for which year.
 *
 *   ỦY BAN NHÂN DÂN HUYỆN …          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 *   PHÒNG Y TẾ                        Độc lập - Tự do - Hạnh phúc
 *   Số: 42/ĐK-YT                      Hồng Ngự, ngày 06 tháng 02 năm 2022
 *              BẢNG ĐĂNG KÝ THI ĐUA NĂM 2022
 *              Đơn vị: …
 *
 * The year comes from the title ("NĂM 2022", "Thành tích năm 2022", "năm học
 * 2021-2022" → 2022), never from the date line: nominations are often dated
 * January of the next year.
 */
import type { RecordKind } from '../../../core/contract';
import { cleanText } from '../../../core/text';
import type { Grid } from './grid';
import { foldKey, matchKey } from './memo';
import {
  AUTHORITY_ONLY,
  FILENAME_NOISE,
  IGNORED_TITLE_PREFIXES,
  KIND_NAME_HINTS,
  KIND_NOISE,
  KIND_PATTERNS,
  MOTTO_PHRASES,
  PLACE_LEVELS,
  UNIT_LABELS,
} from './vocabulary';

export interface TitleLine {
  row: number;
  col: number;
  /** The cell's text, white space and line breaks collapsed. */
  text: string;
  /** The cell's lines ("UBND HUYỆN HỒNG NGỰ\nPHÒNG Y TẾ" in one cell is two). */
  parts: string[];
}

const MOTTO = MOTTO_PHRASES.map((p) => matchKey(p));
const IGNORED = IGNORED_TITLE_PREFIXES.map((p) => matchKey(p));
const AUTHORITY = AUTHORITY_ONLY.map((p) => matchKey(p));
const LEVELS = PLACE_LEVELS.map((p) => matchKey(p));
const UNIT_LABEL_KEYS = UNIT_LABELS.map((p) => matchKey(p)).sort((a, b) => b.length - a.length);

/** "…, ngày 06 tháng 02 năm 2022", "ngày … tháng … năm 20…". */
const DATE_PHRASE = /ngày\s*[\d.…_\s]*\s*tháng\s*[\d.…_\s]*\s*năm\s*[\d.…_\s]*/giu;
const NUMERIC_DATE = /\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}\b/g;

/** True for a place-date line ("Hồng Ngự, ngày 05 tháng 11 năm 2022", "…, ngày … tháng … năm …"). */
export function isDateLine(text: string): boolean {
  const t = cleanText(text).toLocaleLowerCase('vi');
  return /ngày\s*[\d.…_\s]*tháng\s*[\d.…_\s]*năm/u.test(t);
}

export function isMotto(text: string): boolean {
  const key = matchKey(text);
  return MOTTO.some((m) => key.includes(m));
}

function isIgnored(text: string): boolean {
  const key = matchKey(text);
  // Rules and ornaments: "-------", "____", "---o0o---", "***".
  if (!/\p{L}/u.test(key) || /^[\s\-_=~*.•·–—oO0]+$/u.test(text)) return true;
  return IGNORED.some((p) => key === p || key.startsWith(p + ' '));
}

/** Text lines of the rows above the header, one per cell, top to bottom and left to right. */
export function titleLines(grid: Grid, headerTop: number): TitleLine[] {
  const lines: TitleLine[] = [];
  for (let r = 1; r < headerTop; r++) {
    for (const cell of grid.own(r)) {
      const text = cleanText(cell.text);
      const parts = cleanText(cell.text, { lineBreaks: false })
        .split('\n')
        .filter((p) => p !== '');
      if (text) lines.push({ row: r, col: cell.col, text, parts });
    }
  }
  return lines;
}

// ── Kind ──────────────────────────────────────────────────────────────────

const KIND_TIERS = (['strong', 'weak'] as const).map((tier) =>
  KIND_PATTERNS.map((k) => ({ kind: k.kind, phrases: k[tier].map((p) => foldKey(p)) })),
);
const NOISE_PHRASES = KIND_NOISE.map((p) => foldKey(p)).sort((a, b) => b.length - a.length);

function kindKey(text: string): string {
  let padded = ` ${foldKey(text)} `;
  for (const n of NOISE_PHRASES) padded = padded.split(` ${n} `).join(' ');
  return padded;
}

/** The kind a phrase tier finds in a line: the single kind named, or the one named first. */
function kindInTier(padded: string, tier: (typeof KIND_TIERS)[number]): RecordKind | null {
  let first: { kind: RecordKind; at: number } | null = null;
  for (const { kind, phrases } of tier) {
    for (const p of phrases) {
      const at = padded.indexOf(` ${p} `);
      if (at >= 0 && (!first || at < first.at)) first = { kind, at };
    }
  }
  return first?.kind ?? null;
}

/** The kind a line of text names (strong phrases first), if any. */
export function kindOfText(
  text: string,
  tiers: ReadonlyArray<'strong' | 'weak'> = ['strong', 'weak'],
): RecordKind | null {
  const padded = kindKey(text);
  for (const t of tiers) {
    const kind = kindInTier(padded, KIND_TIERS[t === 'strong' ? 0 : 1]);
    if (kind) return kind;
  }
  return null;
}

/** The kind named by the title lines: the first line (not a reference such as "(Kèm theo …)") that names one. */
export function kindOfTitle(lines: TitleLine[]): RecordKind | null {
  const main = lines.filter((l) => !isIgnored(l.text) && !isMotto(l.text) && !isDateLine(l.text));
  const primary = main.filter((l) => !/^\(/.test(l.text) && !/^kèm theo/i.test(l.text));
  for (const tier of ['strong', 'weak'] as const) {
    for (const group of [primary, main]) {
      for (const line of group) {
        const kind = kindOfText(line.text, [tier]);
        if (kind) return kind;
      }
    }
  }
  return null;
}

/** A kind hinted by a sheet or file name ("DangKy2022", "DSKT nam 2022", "TTr KT 2022"). */
export function kindOfName(name: string): RecordKind | null {
  const folded = foldKey(name.replace(/\.[a-z0-9]+$/i, ''));
  const tokens = folded.split(/[\s\d]+/).filter(Boolean);
  const compact = folded.replace(/[\s\d]+/g, '');
  const spaced = kindOfText(folded);
  if (spaced) return spaced;
  for (const { kind, tokens: hints } of KIND_NAME_HINTS) {
    if (hints.some((h) => tokens.includes(h))) return kind;
  }
  for (const { kind, tokens: hints } of KIND_NAME_HINTS) {
    if (hints.some((h) => h.length >= 5 && compact.includes(h))) return kind;
  }
  return null;
}

// ── Year ──────────────────────────────────────────────────────────────────

const YEAR_AFTER_NAM = /năm\s*(?:học\s*)?(?:công\s+tác\s*)?:?\s*((?:19|20)\d{2})(?:\s*[-–—/]\s*((?:19|20)\d{2}))?/iu;
const BARE_YEAR = /^\(?\s*(?:năm\s*)?((?:19|20)\d{2})\s*\)?$/iu;
const ANY_YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/;

/** The year a title line names, ignoring dates in it. */
export function yearOfText(text: string): number | null {
  const t = cleanText(text).replace(DATE_PHRASE, ' ').replace(NUMERIC_DATE, ' ');
  const m = YEAR_AFTER_NAM.exec(t);
  if (m) return Number(m[2] ?? m[1]);
  const bare = BARE_YEAR.exec(t.trim());
  if (bare) return Number(bare[1]);
  return null;
}

/** The year of the title lines (the first that names one), not from date lines or reference numbers. */
export function yearOfTitle(lines: TitleLine[]): number | null {
  const usable = lines.filter((l) => !isDateLine(l.text) && !isIgnored(l.text) && !isMotto(l.text));
  const primary = usable.filter((l) => !/^\(?\s*kèm theo/i.test(l.text));
  for (const group of [primary, usable]) {
    for (const line of group) {
      const year = yearOfText(line.text);
      if (year) return year;
    }
  }
  return null;
}

/** A year in a sheet or file name ("DangKy2022", "DSKT nam 2022"). */
export function yearOfName(name: string): number | null {
  const m = ANY_YEAR.exec(name.replace(/\.[a-z0-9]+$/i, ''));
  return m ? Number(m[1]) : null;
}

/** The date line's year and month, for a last-resort guess. */
export function dateOfLines(lines: TitleLine[]): { year: number; month: number } | null {
  for (const line of lines) {
    if (!isDateLine(line.text)) continue;
    const m = /tháng\s*(\d{1,2})\s*năm\s*((?:19|20)\d{2})/iu.exec(cleanText(line.text));
    if (m) return { month: Number(m[1]), year: Number(m[2]) };
  }
  return null;
}

// ── Sending unit ──────────────────────────────────────────────────────────

function unitLabelValue(text: string): string | null {
  const m = /^([^:：]{2,40})[:：]\s*(.+)$/u.exec(text);
  if (!m) return null;
  const label = matchKey(m[1]);
  if (!UNIT_LABEL_KEYS.includes(label)) return null;
  const value = cleanText(m[2]).replace(/[.;,]+$/, '');
  return /\p{L}/u.test(value) ? value : null;
}

/** An explicit "Đơn vị: …" line. */
export function unitFromLabel(lines: TitleLine[]): string | null {
  for (const line of lines) {
    const value = unitLabelValue(line.text);
    if (value) return value;
  }
  return null;
}

/**
 * The top-left block: the lines left of the national motto (or, without a
 * motto, the first cell of each row) above the document title. Its last line
 * is the sender ("PHÒNG Y TẾ" under "ỦY BAN NHÂN DÂN HUYỆN …"); a generic
 * "ỦY BAN NHÂN DÂN" is joined with the place under it ("XÃ PHÚ THUẬN B").
 */
export function unitFromTopLeft(lines: TitleLine[]): string | null {
  const motto = lines.filter((l) => isMotto(l.text));
  const mottoCol = motto.length ? Math.min(...motto.map((l) => l.col)) : null;
  const mottoRows = new Set(motto.map((l) => l.row));
  // The document title: the first line that names a kind (or starts a list).
  const titleRow = lines.find(
    (l) =>
      (mottoCol === null || l.col < mottoCol || !mottoRows.has(l.row)) && !isMotto(l.text) && isDocumentTitle(l.text),
  )?.row;
  const block: string[] = [];
  const seenRows = new Set<number>();
  for (const line of lines) {
    if (titleRow !== undefined && line.row >= titleRow) break;
    if (mottoCol !== null ? line.col >= mottoCol : seenRows.has(line.row)) continue;
    seenRows.add(line.row);
    for (const part of line.parts) {
      if (isMotto(part) || isDateLine(part) || isIgnored(part) || unitLabelValue(part)) continue;
      block.push(part);
    }
  }
  if (block.length === 0) return null;
  const last = block[block.length - 1];
  const lastKey = matchKey(last);
  if (block.length >= 2) {
    const prev = block[block.length - 2];
    if (AUTHORITY.includes(matchKey(prev)) && LEVELS.some((l) => lastKey === l || lastKey.startsWith(l + ' '))) {
      return `${prev} ${last}`;
    }
  }
  return last;
}

function isDocumentTitle(text: string): boolean {
  const key = foldKey(text);
  return kindOfText(text) !== null || /^(danh sach|bang|to trinh|bao cao|ket qua)\b/.test(key);
}

/** "(Kèm theo Tờ trình số 140/TTr-UBND ngày … của UBND TT Thường Thới Tiền)" → "UBND TT Thường Thới Tiền". */
export function unitFromReference(lines: TitleLine[]): string | null {
  for (const line of lines) {
    if (!/kèm theo/i.test(line.text)) continue;
    const m = /\bcủa\s+(.+?)\)?\s*$/iu.exec(line.text);
    if (m && /\p{L}/u.test(m[1])) return cleanText(m[1]);
  }
  return null;
}

const NOISE = FILENAME_NOISE.map((p) => foldKey(p)).sort((a, b) => b.length - a.length);

/**
 * The sender as the file name suggests it: the name without the receipt
 * number, the extension, years, copy markers and document words
 * ("01_Bang DK thi dua PYT.xlsx" → "PYT", "13_Long_Khanh_A - DSKT nam 2022.xlsx" → "Long Khanh A").
 */
export function unitFromFileName(fileName: string): string | null {
  let stem = fileName.replace(/\.[A-Za-z0-9]+$/, '');
  stem = stem.replace(/^\s*\d{1,4}\s*[_\-. ]\s*/, '');
  stem = stem.replace(/\(\s*\d+\s*\)/g, ' ');
  stem = stem.replace(/[_]+/g, ' ');
  const parts = stem
    .split(/\s+[-–—]\s+|\s*[,;+]\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  const cleaned = parts
    .map((part) => {
      let words = part.split(/\s+/).filter((w) => !/^\d+$/.test(w) && !/^(19|20)\d{2}$/.test(w));
      let changed = true;
      while (changed && words.length) {
        changed = false;
        for (const noise of NOISE) {
          const n = noise.split(' ');
          const head = words.slice(0, n.length).map((w) => foldKey(w));
          if (head.length === n.length && head.every((w, i) => w === n[i])) {
            words = words.slice(n.length);
            changed = true;
            break;
          }
          const tail = words.slice(-n.length).map((w) => foldKey(w));
          if (words.length >= n.length && tail.every((w, i) => w === n[i])) {
            words = words.slice(0, -n.length);
            changed = true;
            break;
          }
        }
        words = words.filter((w) => !/^(19|20)\d{2}$/.test(w));
      }
      return words.join(' ');
    })
    .filter((p) => /\p{L}/u.test(p));
  if (cleaned.length === 0) return null;
  // The part that is not a document word; when several remain, the last (after "DSKT - …").
  return cleaned[cleaned.length - 1];
}
