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
import type { DecisionRef, ImportKind } from '../../../core/reconcile/types';
import { cleanText } from '../../../core/text';
import type { Grid } from './grid';
import { awardOf, foldKey, matchKey, memoize } from './memo';
import {
  AUTHORITY_ONLY,
  FILENAME_NOISE,
  IGNORED_TITLE_PREFIXES,
  ISSUER_LEVELS,
  ISSUER_TITLES,
  KIND_NAME_HINTS,
  KIND_NOISE,
  KIND_PATTERNS,
  MOTTO_PHRASES,
  NOT_AWARD_TITLE_WORDS,
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
export const isDateLine: (text: string) => boolean = memoize((text) => _isDateLine(text));

function _isDateLine(text: string): boolean {
  // toLowerCase is toLocaleLowerCase('vi') for every code point (core/text/normalize.ts), and much faster.
  const t = cleanText(text).toLowerCase();
  return /ngày\s*[\d.…_\s]*tháng\s*[\d.…_\s]*năm/u.test(t);
}

/**
 * The tests below run on every title line and line part, several times per
 * sheet (kind, year, sender), and title blocks repeat across files: cached.
 */
export const isMotto: (text: string) => boolean = memoize((text) => _isMotto(text));

function _isMotto(text: string): boolean {
  const key = matchKey(text);
  return MOTTO.some((m) => key.includes(m));
}

const isIgnored: (text: string) => boolean = memoize((text) => _isIgnored(text));

function _isIgnored(text: string): boolean {
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

const kindKey: (text: string) => string = memoize((text) => _kindKey(text));

function _kindKey(text: string): string {
  let padded = ` ${foldKey(text)} `;
  for (const n of NOISE_PHRASES) padded = padded.split(` ${n} `).join(' ');
  return padded;
}

/** The kind a phrase tier finds in a line: the single kind named, or the one named first. */
function kindInTier(padded: string, tier: (typeof KIND_TIERS)[number]): ImportKind | null {
  let first: { kind: ImportKind; at: number } | null = null;
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
): ImportKind | null {
  const padded = kindKey(text);
  for (const t of tiers) {
    const kind = kindInTier(padded, KIND_TIERS[t === 'strong' ? 0 : 1]);
    if (kind) return kind;
  }
  return null;
}

/** The kind named by the title lines: the first line (not a reference such as "(Kèm theo …)") that names one. */
export function kindOfTitle(lines: TitleLine[]): ImportKind | null {
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
export function kindOfName(name: string): ImportKind | null {
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
export const yearOfText: (text: string) => number | null = memoize((text) => _yearOfText(text));

function _yearOfText(text: string): number | null {
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

const unitLabelValue: (text: string) => string | null = memoize((text) => _unitLabelValue(text));

function _unitLabelValue(text: string): string | null {
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

const isDocumentTitle: (text: string) => boolean = memoize((text) => _isDocumentTitle(text));

function _isDocumentTitle(text: string): boolean {
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

// ── Decision (award lists) ────────────────────────────────────────────────

/** "123/QĐ-UBND" after "Quyết định số" (or "QĐ số", "số:"). */
const DECISION_NUMBER = /(?:quyết\s*định|qđ)\s*(?:số|sô|so)?\s*[:.]?\s*(\d[\p{L}\p{N}/.\-–_]*)/iu;
const BARE_NUMBER = /^\s*(?:số\s*[:.]?\s*)?(\d+\s*\/\s*[\p{L}\p{N}.\-–_/]+|\d+)\s*(?:[,;]|ngày|$)/iu;
const WORD_DATE = /ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*((?:19|20)\d{2})/iu;
const SLASH_DATE = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})(?!\d)/;
const ISO_DAY = /(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)/;

function isoOf(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The first date a text writes ("ngày 15 tháng 01 năm 2022", "15/01/2022", "2022-01-15"), as ISO. */
export function dateOfText(text: string): string | null {
  const t = cleanText(text);
  const w = WORD_DATE.exec(t);
  if (w) return isoOf(Number(w[3]), Number(w[2]), Number(w[1]));
  const iso = ISO_DAY.exec(t);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const n = SLASH_DATE.exec(t);
  if (n) return isoOf(Number(n[3]), Number(n[2]), Number(n[1]));
  return null;
}

/** A decision number in a text ("Quyết định số 123/QĐ-UBND", or a cell holding only "123/QĐ-UBND ngày …"). */
export function decisionNumberOfText(text: string, bare = false): string | null {
  const t = cleanText(text);
  const m = DECISION_NUMBER.exec(t) ?? (bare ? BARE_NUMBER.exec(t) : null);
  if (!m) return null;
  const n = m[1].replace(/\s+/g, '').replace(/[.,;:–-]+$/, '');
  return n === '' ? null : n;
}

const ISSUER_TITLE_KEYS = ISSUER_TITLES.map((t) => matchKey(t)).sort((a, b) => b.length - a.length);
const LEVEL_WORDS = ISSUER_LEVELS.flatMap((l) => l.words.map((w) => ({ level: l.level, key: matchKey(w) })));

/** The level of an issuer ("Chủ tịch UBND huyện Hồng Ngự" → district): the level word written first. */
export function levelOfIssuer(issuer: string): DecisionRef['level'] {
  const padded = ` ${matchKey(issuer)} `;
  let best: { level: DecisionRef['level']; at: number; len: number } | null = null;
  for (const { level, key } of LEVEL_WORDS) {
    const at = padded.indexOf(` ${key} `);
    if (at < 0) continue;
    if (!best || at < best.at || (at === best.at && key.length > best.len)) best = { level, at, len: key.length };
  }
  return best?.level ?? null;
}

/** The unit an issuer stands for: "Chủ tịch UBND xã Long Khánh A" → "UBND xã Long Khánh A". */
export function unitOfIssuer(issuer: string): string | null {
  const words = cleanText(issuer).split(' ');
  for (const title of ISSUER_TITLE_KEYS) {
    const n = title.split(' ').length;
    if (matchKey(words.slice(0, n).join(' ')) === title) {
      const rest = words.slice(n).join(' ').trim();
      return /\p{L}/u.test(rest) ? rest : null;
    }
  }
  return cleanText(issuer) || null;
}

/** The issuer of a decision reference: "… của Chủ tịch UBND huyện Hồng Ngự)" → "Chủ tịch UBND huyện Hồng Ngự". */
function issuerOfText(text: string): string | null {
  const m = /\bcủa\s+(.+?)\s*(?:\)|\.\/\.|$)/iu.exec(cleanText(text));
  if (!m) return null;
  const issuer = cleanText(m[1]).replace(/[.;,]+$/, '');
  return /\p{L}/u.test(issuer) ? issuer : null;
}

/** True for a title-block line that refers to the decision a list is attached to. */
function isDecisionReference(text: string): boolean {
  const t = cleanText(text);
  if (!DECISION_NUMBER.test(t)) return false;
  return /kèm\s*theo/iu.test(t) || /^\(?\s*(?:theo\s+)?(?:quyết\s*định|qđ)\s*(?:số|sô)/iu.test(t);
}

/**
 * The decision an award list is attached to, from its title block:
 * "(Kèm theo Quyết định số 123/QĐ-UBND ngày 15 tháng 01 năm 2022 của Chủ tịch
 * UBND huyện Hồng Ngự)". Null when no line refers to a decision.
 */
export function decisionOfLines(lines: TitleLine[]): DecisionRef | null {
  for (const line of lines) {
    const candidates = [line.text, ...line.parts];
    for (const text of candidates) {
      if (!isDecisionReference(text)) continue;
      const number = decisionNumberOfText(text);
      const issuer = issuerOfText(text);
      return { number, date: dateOfText(text), issuer, level: issuer ? levelOfIssuer(issuer) : null };
    }
  }
  return null;
}

/**
 * True when a title block makes a list attached to a decision a nomination or
 * registration all the same ("DANH SÁCH ĐỀ NGHỊ …" over "(Kèm theo Quyết định …)").
 */
export function namesOtherKind(lines: TitleLine[]): boolean {
  const words = NOT_AWARD_TITLE_WORDS.map((w) => foldKey(w));
  return lines.some((l) => {
    if (isIgnored(l.text) || isMotto(l.text) || isDecisionReference(l.text)) return false;
    const padded = kindKey(l.text);
    return words.some((w) => padded.includes(` ${w} `));
  });
}

const TITLE_AWARD_LEAD =
  /(?:được\s+tặng(?:\s+thưởng)?|được\s+công\s+nhận|được\s+khen\s+thưởng|đạt|tặng|công\s+nhận)\s+(?:danh\s+hiệu\s+)?(.+)$/iu;

/**
 * The award a title names for the whole list, when its rows do not
 * ("… được tặng danh hiệu Chiến sĩ thi đua cơ sở năm 2021", "Cá nhân đạt danh
 * hiệu “Lao động tiên tiến” năm 2022"): only a catalogue award.
 */
export function awardOfTitle(lines: TitleLine[]): string | null {
  for (const line of lines) {
    if (isDateLine(line.text) || isIgnored(line.text) || isMotto(line.text) || isDecisionReference(line.text)) continue;
    const m = TITLE_AWARD_LEAD.exec(line.text);
    if (!m) continue;
    const candidate = cleanText(
      m[1]
        .replace(/\s*(?:năm|trong\s+năm)\s*(?:học\s*)?(?:19|20)\d{2}.*$/iu, '')
        .replace(/[“”"'«»]/g, ' ')
        .replace(/[.,;:]+$/, ''),
    );
    if (candidate && awardOf(candidate).award) return candidate;
  }
  return null;
}
