/**
 * The numbered structure of a plan, from text that was laid out for paper.
 *
 * Text pulled out of a PDF or typed into Word arrives with wrapped lines, page
 * numbers, a running header at each page break, stray spaces and blank lines.
 * This module:
 *  1. cleans the lines and drops page debris,
 *  2. finds the title block ("KẾ HOẠCH …"),
 *  3. re-joins wrapped lines into logical lines (blocks),
 *  4. builds the tree: Roman sections (I., II.), numbered nodes (1., 1.1.,
 *     5.3.) and lettered nodes (a), b.), with each node's body lines.
 * Which section holds the tasks, and what the lines mean, is decided by the
 * caller (parse.ts); this module only knows layout.
 */
import { isAllCaps, matchKey, nfc } from '../text';
import { hasBullet, isLabelOnly, startsWithLabel } from './roles';

// ---------------------------------------------------------------------------
// Data.

/** Lines that are page numbers: "2", "- 2 -", "Trang 2", "Trang 2/5", "2/5". */
export const PAGE_NUMBER_PATTERNS: readonly RegExp[] = [
  /^\d{1,3}$/u,
  /^[-–—]\s*\d{1,3}\s*[-–—]$/u,
  /^[-–—]?\s*trang\s+\d{1,3}(?:\s*(?:\/|trên)\s*\d{1,3})?\s*[-–—]?$/iu,
  /^\d{1,3}\s*\/\s*\d{1,3}$/u,
];

/** Lines made only of rule characters ("-----", "____", "* * *"). */
const RULE_LINE = /^[-–—_=*.·~\s]+$/u;

/** Where the body ends: the list of recipients and the signature block. */
export const CLOSING_STARTERS: readonly RegExp[] = [/^nơi nhận\s*:?/iu, /^(?:tm|kt|tl|q|tuq)\s*\.\s*\S/iu];

/** First words of the paragraph that follows a title ("Căn cứ …", "Thực hiện …"). */
export const PREAMBLE_STARTERS: readonly string[] = [
  'căn cứ',
  'thực hiện',
  'thi hành',
  'nhằm',
  'để',
  'theo',
  'triển khai',
  'trên cơ sở',
  'hội đồng thi đua',
];

/** Words after which a line starting with a number continues a sentence ("… Điều\n2. …"). */
export const NUMBER_PRECEDERS: readonly string[] = [
  'điều',
  'khoản',
  'mục',
  'điểm',
  'số',
  'tại',
  'tháng',
  'ngày',
  'lần',
  'phần',
  'chương',
  'phụ lục',
  'biểu',
  'mẫu',
];

/** Letters used to number sub-items, in order (Vietnamese alphabet without ă â ê ô ơ ư). */
export const ITEM_LETTERS = 'abcdđeghiklmnopqrstuvxy';

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

// ---------------------------------------------------------------------------
// Types.

export type MarkerKind = 'roman' | 'decimal' | 'letter';

export interface Marker {
  kind: MarkerKind;
  /** As written: "II.", "5.3.", "c)". */
  raw: string;
  /** Roman: ["II"]; decimal: ["5", "3"]; letter: ["c"]. */
  parts: string[];
  /** Roman value, last decimal part, or the letter's rank (a = 1). */
  value: number;
}

/** A logical line: a paragraph, heading or list entry with its wrapped lines joined. */
export interface Block {
  text: string;
  /** 1-based line number in the input. */
  line: number;
  marker: Marker | null;
  /** The text after the marker (the whole text when there is none). */
  rest: string;
}

export interface StructNode {
  marker: Marker;
  /** Numbering within the section, e.g. ["5", "3", "c"]. */
  path: string[];
  heading: string;
  line: number;
  body: Block[];
  children: StructNode[];
}

export interface StructSection {
  marker: Marker | null;
  heading: string;
  line: number;
  body: Block[];
  nodes: StructNode[];
}

export interface PlanStructure {
  /** The title lines joined ("KẾ HOẠCH Hoạt động … năm 2022"), or "" when none was found. */
  title: string;
  /** The first line of the text, for a plan whose title was not found. */
  firstLine: string;
  /** Lines above the title (issuing body, number, motto, place and date). */
  header: string[];
  /** Paragraphs between the title and the first section ("Căn cứ …"). */
  preamble: Block[];
  sections: StructSection[];
  /** From "Nơi nhận" on. */
  closing: Block[];
}

interface RawLine {
  text: string;
  line: number;
}

// ---------------------------------------------------------------------------
// Markers.

function romanValue(s: string): number | null {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i]];
    const next = ROMAN_VALUES[s[i + 1]] ?? 0;
    if (v === undefined) return null;
    total += v < next ? -v : v;
  }
  return total > 0 && total <= 40 ? total : null;
}

const ROMAN_RE = /^([IVXL]{1,6})\s*[.)/]\s*(?=\S)(.*)$/u;
const DECIMAL_RE = /^(\d{1,2}(?:\.\d{1,2}){0,4})(?:([.)/])\s*|\s+)(?=[^\d\s])(.*)$/u;
const LETTER_RE = new RegExp(`^([${ITEM_LETTERS}])\\s*([).\\/])\\s*(?=\\p{L}|["“(])(.*)$`, 'u');

/** The numbering marker a line opens with, if any. */
export function readMarker(line: string): { marker: Marker; rest: string } | null {
  return memo(markerCache, line, readMarkerUncached);
}

/**
 * Lines are looked at several times (debris, joining, title): remember the
 * answers during one parseStructure call (cleared at its start, so a benchmark
 * parsing the same text again measures the full work).
 */
const markerCache = new Map<string, { marker: Marker; rest: string } | null>();
const starterCache = new Map<string, boolean>();

function memo<T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T {
  const hit = cache.get(key);
  if (hit !== undefined || cache.has(key)) return hit as T;
  if (cache.size > 20_000) cache.clear();
  const value = compute(key);
  cache.set(key, value);
  return value;
}

function readMarkerUncached(line: string): { marker: Marker; rest: string } | null {
  let m = ROMAN_RE.exec(line);
  if (m) {
    const value = romanValue(m[1]);
    if (value !== null) {
      return {
        marker: { kind: 'roman', raw: line.slice(0, line.length - m[2].length).trim(), parts: [m[1]], value },
        rest: m[2],
      };
    }
  }
  m = DECIMAL_RE.exec(line);
  if (m) {
    const parts = m[1].split('.');
    const separator = m[2];
    if ((parts.length > 1 || separator) && parts.every((p) => Number(p) > 0)) {
      return {
        marker: {
          kind: 'decimal',
          raw: line.slice(0, line.length - m[3].length).trim(),
          parts: parts.map((p) => String(Number(p))),
          value: Number(parts[parts.length - 1]),
        },
        rest: m[3],
      };
    }
  }
  m = LETTER_RE.exec(line);
  if (m) {
    return {
      marker: {
        kind: 'letter',
        raw: line.slice(0, line.length - m[3].length).trim(),
        parts: [m[1]],
        value: ITEM_LETTERS.indexOf(m[1]) + 1,
      },
      rest: m[3],
    };
  }
  return null;
}

// ---------------------------------------------------------------------------
// Lines and debris.

/** Tidies the spaces inside a line: one space, none before , ; : . ) or after (. */
const UNTIDY = /\s\s|[\t\r\n\u00a0\u2007\u202f\u200b\ufeff]|^\s|\s$| [,;:.!?)\]”]|[([“] /;

export function tidy(text: string): string {
  if (!UNTIDY.test(text)) return text;
  return text
    .replace(/[\s\u00a0\u2007\u202f\u200b\ufeff]+/g, ' ')
    .trim()
    .replace(/ ([,;:.!?)\]”])/g, '$1')
    .replace(/([([“]) /g, '$1');
}

function isPageNumber(text: string): boolean {
  return PAGE_NUMBER_PATTERNS.some((re) => re.test(text));
}

function isClosing(text: string): boolean {
  return CLOSING_STARTERS.some((re) => re.test(text));
}

/** True when a line opens a new logical line by its form alone. */
function isStarter(text: string): boolean {
  return memo(starterCache, text, (t) => readMarker(t) !== null || hasBullet(t) || startsWithLabel(t) || isClosing(t));
}

/** Ends a sentence: ".", "!", "?", ":", "…", "./.", possibly followed by closing quotes or brackets. */
function isTerminal(text: string): boolean {
  return /[.!?:…]["”’)\]]*$/u.test(text);
}

function startsLower(text: string): boolean {
  return /^\p{Ll}/u.test(text);
}

/**
 * Drops page numbers, rule lines and running headers. A running header is a
 * short line, not numbered, that repeats and shows itself as debris: next to a
 * page number, cutting a sentence in two, or repeated three times or more. Its
 * first occurrence is kept when it is above the first section (it is usually
 * the title).
 */
function dropDebris(lines: RawLine[]): RawLine[] {
  const pageNumber = lines.map((l) => isPageNumber(l.text));
  const firstSection = lines.findIndex((l) => readMarker(l.text)?.marker.kind === 'roman');
  const byKey = new Map<string, number[]>();
  lines.forEach((l, i) => {
    if (pageNumber[i] || l.text.length > 120 || isStarter(l.text)) return;
    // Lines are already NFC with tidy spaces: lower case is key enough to see a line repeat.
    const key = l.text.toLowerCase();
    if (!key) return;
    byKey.set(key, [...(byKey.get(key) ?? []), i]);
  });
  const drop = new Set<number>();
  lines.forEach((l, i) => {
    if (pageNumber[i] || RULE_LINE.test(l.text)) drop.add(i);
  });
  const neighbour = (i: number, step: number): number => {
    let j = i + step;
    while (j >= 0 && j < lines.length && pageNumber[j]) j += step;
    return j;
  };
  for (const indices of byKey.values()) {
    if (indices.length < 2) continue;
    const debris = indices.some((i) => {
      const nearPage = pageNumber[i - 1] === true || pageNumber[i + 1] === true;
      const prev = neighbour(i, -1);
      const next = neighbour(i, 1);
      const cuts = prev >= 0 && next < lines.length && !isTerminal(lines[prev].text) && startsLower(lines[next].text);
      return nearPage || cuts;
    });
    if (!debris && indices.length < 3) continue;
    indices.forEach((i, n) => {
      if (n === 0 && (firstSection < 0 || i < firstSection)) return;
      drop.add(i);
    });
  }
  return lines.filter((_l, i) => !drop.has(i));
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

const NUMBER_PRECEDER_AT_END = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])(?:${NUMBER_PRECEDERS.map((w) => w.replace(/ /g, '\\s+')).join('|')})[\\s,:]*$`,
  'iu',
);

function endsWithNumberPreceder(text: string): boolean {
  return NUMBER_PRECEDER_AT_END.test(text);
}

/**
 * Whether `line` continues the logical line whose last physical line is `prev`
 * (the whole logical line so far is `sofar`). `fullWidth` is the length from
 * which a physical line is taken to run to the right margin (so it wrapped).
 */
function continues(prev: string, sofar: string, line: string, fullWidth: number): boolean {
  if (isStarter(line)) {
    if (readMarker(line)?.marker.kind === 'decimal' && !isTerminal(prev) && endsWithNumberPreceder(prev)) return true;
    if (/^[-–—]\s*[\p{Ll}\d]/u.test(line) && !isTerminal(prev) && !startsWithLabel(line)) return true;
    return false;
  }
  if (startsLower(line)) return true;
  if (isLabelOnly(sofar)) return true;
  if (/[,;\-–—/&+(“]$/u.test(prev)) return true;
  if (unbalanced(sofar)) return true;
  if (isTerminal(prev)) return false;
  if (/^[\d(“"]/u.test(line)) return true;
  if (isAllCaps(prev) && isAllCaps(line)) return true;
  return [...prev].length >= fullWidth;
}

function unbalanced(text: string): boolean {
  const open = (text.match(/\(/g) ?? []).length;
  const close = (text.match(/\)/g) ?? []).length;
  const quotesOpen = (text.match(/“/g) ?? []).length;
  const quotesClose = (text.match(/”/g) ?? []).length;
  return open > close || quotesOpen > quotesClose;
}

function joinLines(lines: RawLine[]): Block[] {
  const lengths = lines.map((l) => [...l.text].length).filter((n) => n >= 20);
  const fullWidth = Math.max(30, Math.floor(0.8 * percentile(lengths, 0.9)));
  const blocks: Array<{ text: string; line: number; last: string }> = [];
  for (const l of lines) {
    const current = blocks[blocks.length - 1];
    if (current && continues(current.last, current.text, l.text, fullWidth)) {
      // Both parts are tidy already: only the seam needs care.
      const glued = /\S[-/]$/u.test(current.last) || /[([“]$/u.test(current.text) || /^[,;:.!?)\]”]/u.test(l.text);
      current.text = current.text + (glued ? '' : ' ') + l.text;
      current.last = l.text;
    } else {
      blocks.push({ text: l.text, line: l.line, last: l.text });
    }
  }
  return blocks.map((b) => {
    const m = readMarker(b.text);
    return { text: b.text, line: b.line, marker: m ? m.marker : null, rest: m ? m.rest : b.text };
  });
}

// ---------------------------------------------------------------------------
// Title.

function findTitle(lines: RawLine[]): { start: number; end: number } | null {
  const limit = Math.min(lines.length, 25);
  const head: RawLine[] = [];
  for (let i = 0; i < limit && readMarker(lines[i].text)?.marker.kind !== 'roman'; i++) head.push(lines[i]);
  // "KẾ HOẠCH" in capitals, alone or opening the line; failing that, a first line "Kế hoạch …".
  let start = head.findIndex((l) => /^KẾ HOẠCH(?!\p{L})/u.test(l.text) && !isTerminal(l.text));
  if (start < 0 && head.length && matchKey(head[0].text).startsWith('kế hoạch') && !isTerminal(head[0].text)) start = 0;
  if (start < 0) return null;
  let end = start + 1;
  while (end < lines.length && end - start < 5) {
    const next = lines[end].text;
    const nextKey = matchKey(next);
    if (isStarter(next) || next.length > 150) break;
    if (PREAMBLE_STARTERS.some((w) => nextKey.startsWith(`${w} `)) && !startsLower(next)) break;
    if (isTerminal(lines[end - 1].text) && end > start + 1) break;
    end++;
  }
  return { start, end };
}

function titleText(lines: RawLine[]): string {
  return tidy(lines.map((l) => l.text).join(' '));
}

// ---------------------------------------------------------------------------
// The tree.

interface Frame {
  node: StructNode;
}

function isPrefix(a: string[], b: string[]): boolean {
  return a.length < b.length && a.every((p, i) => p === b[i]);
}

function buildSection(section: StructSection, blocks: Block[]): void {
  const stack: Frame[] = [];
  const top = (): StructNode | null => (stack.length ? stack[stack.length - 1].node : null);
  const attach = (node: StructNode, parent: StructNode | null): void => {
    (parent ? parent.children : section.nodes).push(node);
    stack.push({ node });
  };
  const sectionPrefix = section.marker?.kind === 'decimal' ? section.marker.parts : [];
  for (const b of blocks) {
    const marker = b.marker;
    if (!marker || marker.kind === 'roman') {
      (top()?.body ?? section.body).push(b);
      continue;
    }
    const node: StructNode = { marker, path: [], heading: b.rest, line: b.line, body: [], children: [] };
    if (marker.kind === 'letter') {
      const lastLetter = findLastIndex(stack, (f) => f.node.marker.kind === 'letter');
      if (lastLetter >= 0) stack.length = lastLetter;
      const parent = top();
      node.path = [...(parent?.path ?? sectionPrefix), marker.parts[0]];
      attach(node, parent);
      continue;
    }
    if (marker.parts.length > 1) {
      while (stack.length && !(top()!.marker.kind === 'decimal' && isPrefix(top()!.path, marker.parts))) stack.pop();
      node.path = [...marker.parts];
      attach(node, top());
      continue;
    }
    // A single number: a new top-level item, or a sub-item of the current lettered item.
    const lastLetter = findLastIndex(stack, (f) => f.node.marker.kind === 'letter');
    const tops = section.nodes.filter((n) => n.marker.kind === 'decimal');
    const nextTop = (tops.length ? tops[tops.length - 1].marker.value : 0) + 1;
    if (lastLetter >= 0 && marker.value !== nextTop) {
      const letter = stack[lastLetter].node;
      const numbered = letter.children.filter((c) => c.marker.kind === 'decimal');
      const expected = (numbered.length ? numbered[numbered.length - 1].marker.value : 0) + 1;
      if (marker.value === expected) {
        stack.length = lastLetter + 1;
        node.path = [...letter.path, marker.parts[0]];
        attach(node, letter);
        continue;
      }
    }
    stack.length = 0;
    node.path = [...marker.parts];
    attach(node, null);
  }
}

function findLastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}

/**
 * Reads the layout of a plan. Never throws: a text without any numbering gives
 * one unnamed section holding every paragraph.
 */
export function parseStructure(text: string): PlanStructure {
  markerCache.clear();
  starterCache.clear();
  const raw: RawLine[] = nfc(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((t, i) => ({ text: tidy(t), line: i + 1 }))
    .filter((l) => l.text !== '');
  const lines = dropDebris(raw);

  const title = findTitle(lines);
  const header = title ? lines.slice(0, title.start).map((l) => l.text) : [];
  const titleLines = title ? lines.slice(title.start, title.end) : [];
  const bodyLines = title ? lines.slice(title.end) : lines;
  const blocks = joinLines(bodyLines);

  // The body ends at "Nơi nhận" / the signature, or after a paragraph ending "./.".
  let end = blocks.findIndex((b) => isClosing(b.text));
  const stop = blocks.findIndex((b) => /\.\/\.$/u.test(b.text));
  if (stop >= 0 && (end < 0 || stop + 1 < end)) end = stop + 1;
  const body = end >= 0 ? blocks.slice(0, end) : blocks;
  const closing = end >= 0 ? blocks.slice(end) : [];

  // Sections: Roman headings; failing that, top-level numbers with an all-capitals heading.
  let isSection = (b: Block): boolean => b.marker?.kind === 'roman';
  if (!body.some(isSection)) {
    isSection = (b) =>
      b.marker?.kind === 'decimal' && b.marker.parts.length === 1 && isAllCaps(b.rest) && b.rest.length >= 4;
  }
  const preamble: Block[] = [];
  const sections: StructSection[] = [];
  let current: { section: StructSection; blocks: Block[] } | null = null;
  const groups: Array<{ section: StructSection; blocks: Block[] }> = [];
  for (const b of body) {
    if (isSection(b)) {
      current = { section: { marker: b.marker, heading: b.rest, line: b.line, body: [], nodes: [] }, blocks: [] };
      groups.push(current);
    } else if (current) current.blocks.push(b);
    else preamble.push(b);
  }
  if (groups.length === 0) {
    // No sections at all: the whole body is one section without a heading.
    groups.push({
      section: { marker: null, heading: '', line: body[0]?.line ?? 1, body: [], nodes: [] },
      blocks: body,
    });
    preamble.length = 0;
  }
  for (const g of groups) {
    buildSection(g.section, g.blocks);
    sections.push(g.section);
  }
  return {
    title: title ? titleText(titleLines) : '',
    firstLine: lines[0]?.text ?? '',
    header,
    preamble,
    sections,
    closing,
  };
}
