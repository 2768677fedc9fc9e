/**
 * The grammar of Vietnamese time phrases in plans ("Thời gian thực hiện: …").
 *
 * A phrase is read in two steps. A scanner cuts the text into tokens using the
 * tables below (dates, months, quarters, parts of a year, recurrences,
 * categories such as "khi cần thiết", and connectors "và", "đến", "từ",
 * "trước"); words it does not know are kept. The tokens are then combined:
 * a year written once at the end ("tháng 02 và tháng 6 năm 2022", "Quý III -
 * Quý IV/2023") applies to every period before it, "A đến B" / "A - B" is a
 * window, "A và B" gives two due dates, "trước ngày X" a deadline.
 *
 * The phrase tables are data: a new wording is a new row, not a new branch.
 */
import type { ScheduleKind } from '../contract';
import { nfc } from '../text';
import { lowerCanonical } from './fold';
import {
  addDays,
  isValidDate,
  isoDate,
  monthEnd,
  monthPeriod,
  quarterPeriod,
  yearPeriod,
  type Period,
} from './calendar';

export interface Schedule {
  kind: ScheduleKind;
  /** Due dates (ISO), ascending. Empty when the phrase names none (on demand, external, unknown). */
  due: string[];
  /** First day of a window (ISO), or null. */
  start: string | null;
  /** The original words. */
  text: string;
}

export interface ParsedSchedule extends Schedule {
  /** True when every word of the phrase was understood and the dates are complete. */
  understood: boolean;
  /** Words that were not understood (empty when understood). */
  unparsed: string;
}

// ---------------------------------------------------------------------------
// Data: the phrases.

/** Phrases meaning "whenever needed": no date can be given. */
export const ON_DEMAND_PHRASES: readonly string[] = [
  'khi cần thiết',
  'khi có yêu cầu',
  'theo yêu cầu',
  'không định kỳ',
  'đột xuất',
  'khi có chỉ đạo',
  'khi có phát sinh',
  'khi phát sinh',
  'tùy theo tình hình thực tế',
  'tùy theo tình hình',
  'tùy tình hình',
];

/**
 * Phrases that are read as a time only where a time is stated, never guessed
 * from a title or a paragraph: "khen thưởng thành tích đột xuất" names a kind
 * of award, "đúng theo yêu cầu" means "as required".
 */
export const NOT_INFERRED_PHRASES: readonly string[] = ['đột xuất', 'theo yêu cầu'];
const NOT_INFERRED = new Set(NOT_INFERRED_PHRASES);

/** Phrases meaning "all year round". */
export const ONGOING_PHRASES: readonly string[] = ['thường xuyên', 'liên tục', 'quanh năm', 'suốt năm', 'cả năm'];

/** Heads of phrases that defer to someone else's calendar; the rest of the text names whose. */
export const EXTERNAL_HEADS: readonly string[] = [
  'theo kế hoạch',
  'theo hướng dẫn',
  'theo lịch',
  'theo thông báo',
  'theo chỉ đạo',
  'theo văn bản',
  'theo công văn',
  'theo giấy mời',
  'theo giấy triệu tập',
  'theo quyết định',
  'theo thời gian',
  'theo tiến độ',
];

/** Recurrences within the plan's year: each gives one due date per period. */
export const RECURRENCES: ReadonlyArray<{ pattern: string; every: Recurrence }> = [
  { pattern: '(?:định kỳ )?(?:hằng|hàng|mỗi) tháng', every: 'month' },
  { pattern: '(?:định kỳ )?(?:hằng|hàng|mỗi) quý', every: 'quarter' },
  { pattern: 'định kỳ (?:hằng |hàng |mỗi )?(?:6|sáu) tháng(?: (?:một|1) lần)?', every: 'half' },
  { pattern: '(?:6|sáu) tháng (?:một|1) lần', every: 'half' },
];

/**
 * Parts of a year. `window` parts are spans of work ("6 tháng đầu năm": the
 * whole first half); the others are points to finish by ("cuối năm").
 */
export const YEAR_PARTS: ReadonlyArray<{
  pattern: string;
  from: [number, number];
  to: [number, number];
  window: boolean;
}> = [
  { pattern: '(?:6|sáu) tháng đầu năm', from: [1, 1], to: [6, 30], window: true },
  { pattern: '(?:6|sáu) tháng cuối năm', from: [7, 1], to: [12, 31], window: true },
  { pattern: '(?:định kỳ )?(?:hằng|hàng|mỗi) năm', from: [1, 1], to: [12, 31], window: true },
  { pattern: 'trong năm', from: [1, 1], to: [12, 31], window: true },
  { pattern: 'cuối năm', from: [12, 1], to: [12, 31], window: false },
  { pattern: 'giữa năm', from: [6, 1], to: [6, 30], window: false },
  { pattern: 'đầu năm', from: [1, 1], to: [3, 31], window: true },
];

/** Connectors between periods. */
export const CONNECTORS: ReadonlyArray<{ words: readonly string[]; type: ConnectorType }> = [
  { words: ['và', 'hoặc', ',', ';', '+', '&'], type: 'and' },
  { words: ['kể từ', 'bắt đầu từ', 'từ'], type: 'from' },
  { words: ['đến hết', 'đến', 'tới', 'cho đến', '-', '→'], type: 'range' },
  {
    words: ['chậm nhất là', 'chậm nhất', 'muộn nhất', 'hạn chót', 'hạn cuối', 'không quá', 'trước'],
    type: 'before',
  },
];

/** Words that carry no date information in a time phrase. */
export const FILLER_WORDS: readonly string[] = [
  'dự kiến',
  'thời gian',
  'thời hạn',
  'thực hiện',
  'tổ chức',
  'hoàn thành',
  'triển khai',
  'khoảng',
  'vào',
  'trong',
  'xong',
  'cuối',
  'các',
  'ngày',
  'là',
  'hết',
  'năm',
  'đợt',
];

// ---------------------------------------------------------------------------
// Tokens.

type Recurrence = 'month' | 'quarter' | 'half';
type ConnectorType = 'and' | 'from' | 'range' | 'before';

interface Atom {
  unit: 'date' | 'month' | 'quarter' | 'part';
  year: number | null;
  explicitYear: boolean;
  month?: number;
  day?: number;
  quarter?: number;
  part?: { from: [number, number]; to: [number, number]; window: boolean };
}

type TokenData =
  | { type: 'atom'; atom: Atom }
  | { type: 'year'; year: number }
  | { type: 'recur'; every: Recurrence; year: number | null }
  | { type: 'category'; kind: 'on-demand' | 'ongoing' | 'external' }
  | { type: ConnectorType }
  | { type: 'elliptic'; value: number; roman: boolean; year: number | null }
  | { type: 'filler' }
  | { type: 'word' };

type Token = TokenData & { from: number; to: number };

interface Rule {
  re: RegExp;
  read: (m: RegExpExecArray) => TokenData | null;
}

const END = '(?![\\p{L}\\p{N}])';
const ROMAN_QUARTER: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function phrase(text: string): string {
  return text
    .split(' ')
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('\\s+');
}

function sticky(source: string): RegExp {
  return new RegExp(source.replace(/ /g, '\\s+'), 'yu');
}

function year4(s: string | undefined): number | null {
  if (!s) return null;
  if (s.length === 2) return 2000 + Number(s);
  return Number(s);
}

function atom(a: Omit<Atom, 'explicitYear'>): TokenData {
  return { type: 'atom', atom: { ...a, explicitYear: a.year !== null } };
}

function phraseRule(words: readonly string[], read: () => TokenData): Rule {
  const alternatives = [...words].sort((a, b) => b.length - a.length).map(phrase);
  return { re: new RegExp(`(?:${alternatives.join('|')})${END}`, 'yu'), read };
}

const RULES: readonly Rule[] = [
  phraseRule(ON_DEMAND_PHRASES, () => ({ type: 'category', kind: 'on-demand' })),
  {
    // An external calendar swallows the rest of the phrase: it names whose plan.
    re: new RegExp(`(?:${EXTERNAL_HEADS.map(phrase).join('|')})${END}[^]*`, 'yu'),
    read: () => ({ type: 'category', kind: 'external' }),
  },
  ...RECURRENCES.map((r): Rule => ({
    re: sticky(`${r.pattern}(?: năm (\\d{4}))?${END}`),
    read: (m) => ({ type: 'recur', every: r.every, year: year4(m[1]) }),
  })),
  ...YEAR_PARTS.map((p): Rule => ({
    re: sticky(`${p.pattern}(?: (\\d{4}))?${END}`),
    read: (m) => atom({ unit: 'part', year: year4(m[1]), part: { from: p.from, to: p.to, window: p.window } }),
  })),
  phraseRule(ONGOING_PHRASES, () => ({ type: 'category', kind: 'ongoing' })),
  {
    // ngày 15 tháng 02 năm 2023 / 15 tháng 02
    re: sticky(`(?:ngày )?(\\d{1,2}) tháng (\\d{1,2})(?: năm (\\d{4}))?${END}`),
    read: (m) => atom({ unit: 'date', day: Number(m[1]), month: Number(m[2]), year: year4(m[3]) }),
  },
  {
    // 15/02/2023, 15.02.2023, 15-02-2023, 15/02/23
    re: /(?:ngày\s+)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?!\d)/uy,
    read: (m) => atom({ unit: 'date', day: Number(m[1]), month: Number(m[2]), year: year4(m[3]) }),
  },
  {
    // tháng 02/2023, tháng 6
    re: sticky(`tháng (\\d{1,2})(?:\\s*[/.-]\\s*(\\d{4}))?(?![\\p{L}\\d])`),
    read: (m) => atom({ unit: 'month', month: Number(m[1]), year: year4(m[2]) }),
  },
  {
    // 02/2023 (month and year without "tháng")
    re: /(\d{1,2})\s*\/\s*(\d{4})(?!\d)/uy,
    read: (m) => atom({ unit: 'month', month: Number(m[1]), year: year4(m[2]) }),
  },
  {
    // 15/02 (year from the context)
    re: /(?:ngày\s+)?(\d{1,2})\/(\d{1,2})(?![/\d])/uy,
    read: (m) => atom({ unit: 'date', day: Number(m[1]), month: Number(m[2]), year: null }),
  },
  {
    // Quý II/2022, quý 3, Q4
    re: sticky(`(?:quý (iv|iii|ii|i|[1-4])|q([1-4]))(?:\\s*[/.-]\\s*(\\d{4}))?${END}`),
    read: (m) => atom({ unit: 'quarter', quarter: quarterNumber(m[1] ?? m[2]), year: year4(m[3]) }),
  },
  { re: sticky(`năm (\\d{4})${END}`), read: (m) => ({ type: 'year', year: Number(m[1]) }) },
  { re: /((?:19|20)\d{2})(?![\p{L}\p{N}])/uy, read: (m) => ({ type: 'year', year: Number(m[1]) }) },
  {
    // "tháng 6 và 7", "Quý II và IV": a bare number or numeral that borrows its unit from before.
    re: /(iv|iii|ii|i|\d{1,2})(?:\s*\/\s*(\d{4}))?(?![\p{L}\p{N}])/uy,
    read: (m) => ({
      type: 'elliptic',
      value: /\d/.test(m[1]) ? Number(m[1]) : ROMAN_QUARTER[m[1]],
      roman: !/\d/.test(m[1]),
      year: year4(m[2]),
    }),
  },
  ...CONNECTORS.map((c) => connectorRule(c.words, c.type)),
  phraseRule(FILLER_WORDS, () => ({ type: 'filler' })),
];

function connectorRule(words: readonly string[], type: ConnectorType): Rule {
  const alternatives = [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => (/\p{L}/u.test(w) ? `${phrase(w)}${END}` : phrase(w)));
  return { re: new RegExp(`(?:${alternatives.join('|')})`, 'yu'), read: () => ({ type }) };
}

/**
 * All rules as one sticky expression, tried in table order at each position
 * (one scan instead of one per rule). Each rule is wrapped in a group; its own
 * groups follow, so a rule's reader gets its usual match array.
 */
const SCANNER_GROUPS: Array<{ at: number; size: number }> = [];
for (let i = 0, at = 1; i < RULES.length; i++) {
  const size = new RegExp(`${RULES[i].re.source}|`, 'u').exec('')!.length; // the wrapper plus the rule's groups
  SCANNER_GROUPS.push({ at, size });
  at += size;
}
const SCANNER = new RegExp(RULES.map((r) => `(${r.re.source})`).join('|'), 'yu');

function quarterNumber(s: string): number {
  return ROMAN_QUARTER[s] ?? Number(s);
}

/**
 * The text the scanner reads: NFC, new-style tone placement, lower case, one
 * kind of dash. Every step keeps the length, so positions point into nfc(text).
 */
function scannerText(original: string): string {
  const lowered = lowerCanonical(original).replace(/[\u2010-\u2015\u2212]/g, '-');
  return lowered.length === original.length ? lowered : original.toLowerCase();
}

const SKIP = /[\s.:()[\]"'“”‘’!?…]+/uy;
const WORD = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/uy;

function tokenize(lower: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < lower.length) {
    SKIP.lastIndex = pos;
    if (SKIP.exec(lower)) {
      pos = SKIP.lastIndex;
      continue;
    }
    SCANNER.lastIndex = pos;
    const m = SCANNER.exec(lower);
    if (m && m[0].length > 0) {
      const i = SCANNER_GROUPS.findIndex((g) => m[g.at] !== undefined);
      const g = SCANNER_GROUPS[i];
      const data = RULES[i].read(m.slice(g.at, g.at + g.size) as unknown as RegExpExecArray);
      if (data) {
        tokens.push({ ...data, from: pos, to: pos + m[0].length } as Token);
        pos += m[0].length;
        continue;
      }
    }
    WORD.lastIndex = pos;
    const w = WORD.exec(lower);
    const end = w ? pos + w[0].length : pos + 1;
    tokens.push({ type: 'word', from: pos, to: end });
    pos = end;
  }
  return tokens;
}

// ---------------------------------------------------------------------------
// Combining the tokens.

function atomPeriod(a: Atom, year: number): Period | null {
  switch (a.unit) {
    case 'date':
      return isValidDate(year, a.month!, a.day!)
        ? { start: isoDate(year, a.month!, a.day!), end: isoDate(year, a.month!, a.day!) }
        : null;
    case 'month':
      return a.month! >= 1 && a.month! <= 12 ? monthPeriod(year, a.month!) : null;
    case 'quarter':
      return a.quarter! >= 1 && a.quarter! <= 4 ? quarterPeriod(year, a.quarter!) : null;
    case 'part':
      return { start: isoDate(year, ...a.part!.from), end: isoDate(year, ...a.part!.to) };
  }
}

function recurrenceDue(every: Recurrence, year: number): string[] {
  const months =
    every === 'month' ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : every === 'quarter' ? [3, 6, 9, 12] : [6, 12];
  return months.map((m) => monthEnd(year, m));
}

interface Entry {
  start: string;
  end: string;
  /** A span of work (window) rather than a point to finish by. */
  span: boolean;
}

/** Turns "tháng 6 và 7" / "Quý II và IV" into full atoms, using the unit of the atom before. */
function resolveElliptic(tokens: Token[], words: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'elliptic') continue;
    let j = i - 1;
    while (j >= 0 && (tokens[j].type === 'and' || tokens[j].type === 'range' || tokens[j].type === 'filler')) j--;
    const prev = j >= 0 ? tokens[j] : null;
    const base = prev && prev.type === 'atom' ? prev.atom : null;
    let replacement: TokenData | null = null;
    if (base?.unit === 'month' && !t.roman && t.value >= 1 && t.value <= 12) {
      replacement = atom({ unit: 'month', month: t.value, year: t.year });
    } else if (base?.unit === 'quarter' && t.value >= 1 && t.value <= 4) {
      replacement = atom({ unit: 'quarter', quarter: t.value, year: t.year });
    }
    if (replacement) tokens[i] = { ...replacement, from: t.from, to: t.to } as Token;
    else {
      tokens[i] = { type: 'word', from: t.from, to: t.to };
      words.push(tokens[i]);
    }
  }
}

/** "…, năm 2022" after a period without a year qualifies it; otherwise it is the whole year. */
function applyYearQualifiers(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    if (t.type !== 'year') {
      out.push(t);
      continue;
    }
    let j = out.length - 1;
    while (j >= 0 && (out[j].type === 'and' || out[j].type === 'filler')) j--;
    const prev = j >= 0 ? out[j] : null;
    if (prev && prev.type === 'atom' && !prev.atom.explicitYear) {
      prev.atom.year = t.year;
      prev.atom.explicitYear = true;
      prev.to = t.to;
      continue;
    }
    if (prev && prev.type === 'recur' && prev.year === null) {
      prev.year = t.year;
      prev.to = t.to;
      continue;
    }
    if (prev && prev.type === 'category' && prev.kind === 'ongoing') {
      out.push({ type: 'year', year: t.year, from: t.from, to: t.to });
      continue;
    }
    out.push({
      type: 'atom',
      atom: { unit: 'part', year: t.year, explicitYear: true, part: { from: [1, 1], to: [12, 31], window: true } },
      from: t.from,
      to: t.to,
    });
  }
  return out;
}

/** A period without a year takes the next year written after it, else the one before, else the plan's. */
function propagateYears(tokens: Token[], fallback: number | null): boolean {
  const atoms = tokens.filter((t): t is Token & { type: 'atom' } => t.type === 'atom').map((t) => t.atom);
  let complete = true;
  atoms.forEach((a, i) => {
    if (a.year !== null) return;
    const next = atoms.slice(i + 1).find((b) => b.explicitYear);
    const prev = [...atoms.slice(0, i)].reverse().find((b) => b.explicitYear);
    a.year = next?.year ?? prev?.year ?? fallback;
    if (a.year === null) complete = false;
  });
  return complete;
}

function buildEntries(tokens: Token[], invalid: Token[]): Entry[] {
  const entries: Entry[] = [];
  let from = false;
  let before = false;
  let dangling = false; // "đến ngày X" with nothing before
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'from') from = true;
    else if (t.type === 'before') before = true;
    else if (t.type === 'range') dangling = true;
    else if (t.type === 'and') {
      from = before = dangling = false;
    }
    if (t.type !== 'atom') continue;
    const a = t.atom;
    const p = atomPeriod(a, a.year!);
    if (!p) {
      invalid.push(t);
      continue;
    }
    // Look ahead for "… đến / - <atom>".
    let k = i + 1;
    while (k < tokens.length && tokens[k].type === 'filler') k++;
    if (k < tokens.length && tokens[k].type === 'range') {
      let n = k + 1;
      while (n < tokens.length && (tokens[n].type === 'filler' || tokens[n].type === 'before')) n++;
      const nt = n < tokens.length ? tokens[n] : null;
      if (nt && nt.type === 'atom') {
        const q = atomPeriod(nt.atom, nt.atom.year!);
        if (!q) {
          invalid.push(nt);
          i = n;
          continue;
        }
        let start = p.start;
        if (start > q.end && !a.explicitYear) start = atomPeriod(a, a.year! - 1)!.start;
        entries.push({ start, end: q.end, span: true });
        i = n;
        from = before = dangling = false;
        continue;
      }
    }
    if (from) {
      entries.push({ start: p.start, end: yearPeriod(Number(p.start.slice(0, 4))).end, span: true });
    } else if (before) {
      entries.push({ start: p.start, end: a.unit === 'date' ? p.end : addDays(p.start, -1), span: false });
    } else if (dangling) {
      entries.push({ start: p.start, end: p.end, span: false });
    } else {
      entries.push({ start: p.start, end: p.end, span: a.unit === 'part' && a.part!.window });
    }
    from = before = dangling = false;
  }
  return entries;
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort();
}

/**
 * Reads a time phrase. `year` is the plan's year, used where the phrase gives
 * none. Words that are not understood are reported in `unparsed` and make
 * `understood` false; whatever was understood still shapes the schedule.
 */
export function parseSchedule(text: string, year: number | null): ParsedSchedule {
  const original = nfc(text).replace(/\s+/g, ' ').trim();
  const cleanOriginal = original.replace(/[\s.;,:]+$/u, '');
  const lower = scannerText(original);
  const tokens = tokenize(lower);
  const words = tokens.filter((t) => t.type === 'word');
  resolveElliptic(tokens, words);
  const qualified = applyYearQualifiers(tokens.filter((t) => t.type !== 'word'));
  const yearsComplete = propagateYears(qualified, year);
  const invalid: Token[] = [];
  const entries = yearsComplete ? buildEntries(qualified, invalid) : [];
  const recurrences = qualified.filter((t): t is Token & { type: 'recur' } => t.type === 'recur');
  const categories = qualified.filter((t): t is Token & { type: 'category' } => t.type === 'category');
  const ongoingYear = qualified.find((t): t is Token & { type: 'year' } => t.type === 'year')?.year ?? year;

  const unparsed = [...words, ...invalid]
    .sort((a, b) => a.from - b.from)
    .map((w) => original.slice(w.from, w.to))
    .join(' ')
    .trim();
  let result: Schedule;
  if (entries.length > 0 || recurrences.length > 0) {
    const recurDue = recurrences.flatMap((r) => {
      const y = r.year ?? year;
      return y === null ? [] : recurrenceDue(r.every, y);
    });
    const spans = entries.filter((e) => e.span);
    const due = unique([...entries.map((e) => e.end), ...recurDue]);
    if (spans.length > 0 && spans.length === entries.length && recurDue.length === 0) {
      result = { kind: 'window', start: unique(spans.map((e) => e.start))[0], due, text: cleanOriginal };
    } else {
      result = { kind: 'deadline', start: null, due, text: cleanOriginal };
    }
  } else if (categories.length > 0) {
    const kind = categories[0].kind;
    if (kind === 'ongoing' && ongoingYear !== null) {
      const y = yearPeriod(ongoingYear);
      result = { kind, start: y.start, due: [y.end], text: cleanOriginal };
    } else {
      result = { kind, start: null, due: [], text: cleanOriginal };
    }
  } else {
    result = { kind: 'ongoing', start: null, due: [], text: cleanOriginal };
  }
  const recognised = entries.length > 0 || recurrences.length > 0 || categories.length > 0;
  const understood =
    recognised &&
    words.length === 0 &&
    invalid.length === 0 &&
    (yearsComplete || !qualified.some((t) => t.type === 'atom')) &&
    (recurrences.length === 0 || recurrences.every((r) => r.year !== null || year !== null));
  return { ...result, understood, unparsed };
}

/** The schedule an item gets when nothing is stated: all of the plan's year. */
export function defaultSchedule(year: number | null): Schedule {
  if (year === null) return { kind: 'ongoing', start: null, due: [], text: '' };
  const y = yearPeriod(year);
  return { kind: 'ongoing', start: y.start, due: [y.end], text: '' };
}

/** Words without which a text holds no rhythm phrase (checked before the full scan). */
const CATEGORY_HINTS: readonly string[] = [
  'khi ',
  'định kỳ',
  'đột xuất',
  'theo yêu cầu',
  'thường xuyên',
  'liên tục',
  'quanh năm',
  'suốt năm',
  'cả năm',
  'hằng',
  'hàng',
  'mỗi',
  'tùy',
  'tuỳ',
  '6 tháng',
  'sáu tháng',
];

export interface FoundSchedule {
  schedule: ParsedSchedule;
  /** The words found, as written. */
  phrase: string;
}

/**
 * Finds a time phrase inside free text (a title, a sentence).
 *
 * - `category`: only phrases that describe a rhythm without dates ("không định
 *   kỳ", "khi cần thiết", "thường xuyên", "hằng quý"), safe to read from a
 *   title or a content paragraph, where dates usually cite other documents.
 * - `deadline`: a dated phrase introduced by "trước", "chậm nhất", "từ", or a
 *   date, month or quarter ("trước ngày 15/02/2024", "trong Quý I"); a bare
 *   "năm 2022" is not a deadline.
 */
export function findSchedule(text: string, year: number | null, mode: 'category' | 'deadline'): FoundSchedule | null {
  const original = nfc(text);
  const lower = original.toLowerCase();
  // Scan only windows that open at a word able to start a phrase: most of a paragraph holds no time.
  const anchors = new RegExp(mode === 'deadline' ? DEADLINE_ANCHOR.source : CATEGORY_ANCHOR.source, 'gu');
  for (let m = anchors.exec(lower); m; m = anchors.exec(lower)) {
    const from = mode === 'category' ? wordsBefore(lower, m.index, 2) : m.index;
    const to = endOfWord(lower, Math.min(lower.length, m.index + WINDOW));
    const found = firstRun(original.slice(from, to), year, mode);
    if (found) return found;
    anchors.lastIndex = Math.max(anchors.lastIndex, to);
  }
  return null;
}

/** Longest time phrase looked for inside a text, in characters. */
const WINDOW = 120;

const DEADLINE_ANCHOR =
  /(?<![\p{L}\p{N}])(?:trước|chậm|muộn|hạn|không quá|kể từ|bắt đầu|từ|quý|q[1-4]|tháng|ngày|cuối|giữa|đầu|sáu|\d)/u;
const CATEGORY_ANCHOR = new RegExp(CATEGORY_HINTS.map((h) => h.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'u');

/** The start of the word `count` words before `index`. */
function wordsBefore(text: string, index: number, count: number): number {
  let i = index;
  for (let n = 0; n < count && i > 0; n++) {
    i--;
    while (i > 0 && /\s/u.test(text[i])) i--;
    while (i > 0 && !/\s/u.test(text[i - 1])) i--;
  }
  return i;
}

function endOfWord(text: string, index: number): number {
  let i = index;
  while (i < text.length && !/\s/u.test(text[i])) i++;
  return i;
}

function firstRun(original: string, year: number | null, mode: 'category' | 'deadline'): FoundSchedule | null {
  const lower = scannerText(original);
  const tokens = tokenize(lower);
  const startsRun = (t: Token, next: Token | undefined): boolean => {
    if (mode === 'category') {
      if (t.type === 'recur') return true;
      const words = lower.slice(t.from, t.to).replace(/\s+/g, ' ');
      return t.type === 'category' && t.kind !== 'external' && !NOT_INFERRED.has(words);
    }
    if (t.type === 'before' || t.type === 'from') return next?.type === 'atom';
    return t.type === 'atom' && t.atom.unit !== 'part';
  };
  for (let i = 0; i < tokens.length; i++) {
    if (!startsRun(tokens[i], tokens[i + 1])) continue;
    let j = i;
    if (mode === 'deadline') {
      while (
        j + 1 < tokens.length &&
        ['atom', 'year', 'and', 'range', 'elliptic', 'before'].includes(tokens[j + 1].type) &&
        !(tokens[j + 1].type === 'and' && tokens[j + 2]?.type !== 'atom')
      ) {
        j++;
      }
    }
    const found = original.slice(tokens[i].from, tokens[j].to);
    return { schedule: parseSchedule(found, year), phrase: found };
  }
  return null;
}
