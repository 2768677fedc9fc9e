/**
 * Reads a plan document into plain text for parsePlan: .txt (UTF-8 with or
 * without BOM, UTF-16 with BOM) and .docx.
 *
 * A .docx is converted with mammoth. Word's automatic numbering ("1.", "1.1.",
 * "a)" drawn by Word from numbering.xml) is not part of the paragraph text, and
 * mammoth keeps only the list depth, not the numbers. So the numbers are
 * rebuilt here the way Word draws them, from word/document.xml, numbering.xml
 * and styles.xml (read with node:zlib; jszip is only a dependency of mammoth,
 * not of this project), and put in front of each numbered paragraph through
 * mammoth's `transformDocument` hook. Paragraphs are matched between the two
 * readings by their text, in order.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { readZipParts } from './ooxml/read';
import mammoth from 'mammoth';
import { foldKey } from '../core/text';
import { UserError } from './errors';

const MESSAGES = {
  notFound: (name: string): string => `Không tìm thấy tệp “${name}”. Vui lòng kiểm tra lại đường dẫn.`,
  unsupported: (name: string): string =>
    `Chưa đọc được tệp “${name}”: chỉ hỗ trợ kế hoạch dạng văn bản (.txt) hoặc Word (.docx).`,
  pdf: (name: string): string =>
    `Chưa hỗ trợ đọc tệp PDF “${name}”. Vui lòng mở tệp bằng Word và lưu thành .docx, hoặc sao chép nội dung ra tệp .txt (UTF-8).`,
  oldWord: (name: string): string =>
    `Tệp “${name}” là định dạng Word cũ (.doc). Vui lòng mở bằng Word và lưu thành .docx.`,
  notUtf8: (name: string): string =>
    `Tệp “${name}” không phải văn bản Unicode (UTF-8 hoặc UTF-16). Vui lòng lưu lại tệp với bảng mã UTF-8.`,
  badDocx: (name: string): string => `Tệp “${name}” không phải tệp Word (.docx) hợp lệ hoặc đã bị hỏng.`,
};

/** Reads a plan (.txt or .docx) as text. Throws UserError (Vietnamese) for files it cannot read. */
export async function readPlanText(file: string): Promise<string> {
  const name = path.basename(file);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.pdf') throw new UserError(MESSAGES.pdf(name));
  if (ext === '.doc') throw new UserError(MESSAGES.oldWord(name));
  if (ext !== '.txt' && ext !== '.docx') throw new UserError(MESSAGES.unsupported(name));
  let buffer: Buffer;
  try {
    buffer = await fs.readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError(MESSAGES.notFound(name));
    throw err;
  }
  return ext === '.txt' ? decodeText(buffer, name) : readDocx(buffer, name);
}

// ---------------------------------------------------------------------------
// Plain text.

export function decodeText(buffer: Buffer, name = ''): string {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.subarray(2).toString('utf16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    const swapped = Buffer.from(buffer.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  const body = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? buffer.subarray(3) : buffer;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new UserError(MESSAGES.notUtf8(name));
  }
}

// ---------------------------------------------------------------------------
// XML (WordprocessingML is regular: elements, attributes, text, entities).

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
type XmlNode = XmlElement | string;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e] ?? all;
  });
}

function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#root', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const re =
    /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([^\s/>]+)([^>]*?)(\/?)>|([^<]+)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) top.children.push(m[1]);
    else if (m[6] !== undefined) top.children.push(decodeEntities(m[6]));
    else if (m[3] !== undefined) {
      if (m[2] === '/') {
        if (stack.length > 1) stack.pop();
        continue;
      }
      const attrs: Record<string, string> = {};
      for (const a of m[4].matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
        attrs[a[1]] = decodeEntities(a[2] ?? a[3]);
      const el: XmlElement = { name: m[3], attrs, children: [] };
      top.children.push(el);
      if (m[5] !== '/') stack.push(el);
    }
  }
  return root;
}

function elements(node: XmlElement, name?: string): XmlElement[] {
  return node.children.filter((c): c is XmlElement => typeof c !== 'string' && (!name || c.name === name));
}

function child(node: XmlElement | undefined, name: string): XmlElement | undefined {
  return node ? elements(node, name)[0] : undefined;
}

function descendants(node: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (n: XmlElement): void => {
    for (const c of elements(n)) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

function val(node: XmlElement | undefined): string | undefined {
  return node?.attrs['w:val'];
}

// ---------------------------------------------------------------------------
// Word numbering.

interface LevelDef {
  start: number;
  format: string;
  text: string;
  restart: number | null;
  legal: boolean;
  style: string | null;
}

interface NumDef {
  abstractId: string;
  starts: Map<number, number>;
  levels: Map<number, LevelDef>;
}

interface NumberingModel {
  abstracts: Map<string, { levels: Map<number, LevelDef>; styleLink: string | null }>;
  nums: Map<string, NumDef>;
  styles: Map<string, { numId: string | null; ilvl: number | null; basedOn: string | null }>;
}

function readLevel(lvl: XmlElement): LevelDef {
  const restart = val(child(lvl, 'w:lvlRestart'));
  return {
    start: Number(val(child(lvl, 'w:start')) ?? 1),
    format: val(child(lvl, 'w:numFmt')) ?? 'decimal',
    text: val(child(lvl, 'w:lvlText')) ?? '',
    restart: restart === undefined ? null : Number(restart),
    legal: child(lvl, 'w:isLgl') !== undefined && val(child(lvl, 'w:isLgl')) !== '0',
    style: val(child(lvl, 'w:pStyle')) ?? null,
  };
}

function readNumbering(numberingXml: XmlElement | null, stylesXml: XmlElement | null): NumberingModel {
  const model: NumberingModel = { abstracts: new Map(), nums: new Map(), styles: new Map() };
  if (stylesXml) {
    for (const s of descendants(stylesXml, 'w:style')) {
      const numPr = child(child(s, 'w:pPr'), 'w:numPr');
      const ilvl = val(child(numPr, 'w:ilvl'));
      model.styles.set(s.attrs['w:styleId'], {
        numId: val(child(numPr, 'w:numId')) ?? null,
        ilvl: ilvl === undefined ? null : Number(ilvl),
        basedOn: val(child(s, 'w:basedOn')) ?? null,
      });
    }
  }
  if (!numberingXml) return model;
  for (const a of descendants(numberingXml, 'w:abstractNum')) {
    const levels = new Map<number, LevelDef>();
    for (const lvl of elements(a, 'w:lvl')) levels.set(Number(lvl.attrs['w:ilvl'] ?? 0), readLevel(lvl));
    model.abstracts.set(a.attrs['w:abstractNumId'], { levels, styleLink: val(child(a, 'w:numStyleLink')) ?? null });
  }
  for (const n of descendants(numberingXml, 'w:num')) {
    const def: NumDef = { abstractId: val(child(n, 'w:abstractNumId')) ?? '', starts: new Map(), levels: new Map() };
    for (const o of elements(n, 'w:lvlOverride')) {
      const ilvl = Number(o.attrs['w:ilvl'] ?? 0);
      const start = val(child(o, 'w:startOverride'));
      if (start !== undefined) def.starts.set(ilvl, Number(start));
      const lvl = child(o, 'w:lvl');
      if (lvl) def.levels.set(ilvl, readLevel(lvl));
    }
    model.nums.set(n.attrs['w:numId'], def);
  }
  return model;
}

/** The abstract numbering a num uses, following one numStyleLink through styles.xml. */
function abstractOf(model: NumberingModel, numId: string): { id: string; levels: Map<number, LevelDef> } | null {
  const num = model.nums.get(numId);
  if (!num) return null;
  let abs = model.abstracts.get(num.abstractId);
  let id = num.abstractId;
  if (abs?.styleLink) {
    const linkedNum = model.styles.get(abs.styleLink)?.numId;
    const linked = linkedNum ? model.nums.get(linkedNum) : undefined;
    if (linked) {
      id = linked.abstractId;
      abs = model.abstracts.get(linked.abstractId);
    }
  }
  return abs ? { id, levels: abs.levels } : null;
}

function toRoman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ]; // prettier-ignore
  let out = '';
  let rest = n;
  for (const [value, numeral] of table) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}

function toLetters(n: number): string {
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** A counter drawn in a numbering format ("upperRoman" 2 → "II", "lowerLetter" 3 → "c"). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'upperRoman':
      return toRoman(n);
    case 'lowerRoman':
      return toRoman(n).toLowerCase();
    case 'upperLetter':
      return toLetters(n).toUpperCase();
    case 'lowerLetter':
      return toLetters(n);
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'none':
      return '';
    default:
      return String(n);
  }
}

interface DocParagraph {
  key: string;
  label: string | null;
}

/** Walks document.xml and draws the number of every numbered paragraph, as Word would. */
function numberParagraphs(document: XmlElement, model: NumberingModel): DocParagraph[] {
  const counters = new Map<string, Array<number | undefined>>();
  const out: DocParagraph[] = [];

  const styleNumbering = (styleId: string | null): { numId: string | null; ilvl: number | null } => {
    const seen = new Set<string>();
    for (let s = styleId; s && !seen.has(s);) {
      seen.add(s);
      const style = model.styles.get(s);
      if (!style) break;
      if (style.numId) return { numId: style.numId, ilvl: style.ilvl };
      s = style.basedOn;
    }
    return { numId: null, ilvl: null };
  };

  const labelOf = (p: XmlElement): string | null => {
    const pPr = child(p, 'w:pPr');
    const styleId = val(child(pPr, 'w:pStyle')) ?? null;
    const numPr = child(pPr, 'w:numPr');
    const fromStyle = styleNumbering(styleId);
    let numId = val(child(numPr, 'w:numId')) ?? fromStyle.numId;
    const ilvlText = val(child(numPr, 'w:ilvl'));
    let ilvl = ilvlText !== undefined ? Number(ilvlText) : fromStyle.ilvl;
    if (!numId && styleId) {
      // A level bound to the paragraph's style (w:lvl/w:pStyle).
      for (const [id, num] of model.nums) {
        const levels = model.abstracts.get(num.abstractId)?.levels;
        for (const [l, def] of levels ?? []) {
          if (def.style === styleId) {
            numId = id;
            ilvl = l;
          }
        }
        if (numId) break;
      }
    }
    if (!numId || numId === '0') return null;
    const num = model.nums.get(numId);
    const abs = abstractOf(model, numId);
    if (!num || !abs) return null;
    const level = ilvl ?? 0;
    const def = (l: number): LevelDef | undefined => num.levels.get(l) ?? abs.levels.get(l);
    const startOf = (l: number): number => num.starts.get(l) ?? def(l)?.start ?? 1;
    const current = def(level);
    if (!current) return null;
    // Numbers restarted by an override form their own list; others continue the abstract list.
    const listKey = num.starts.size > 0 || num.levels.size > 0 ? `num:${numId}` : `abs:${abs.id}`;
    const counts = counters.get(listKey) ?? [];
    counters.set(listKey, counts);
    const previous = counts[level];
    counts[level] = previous === undefined ? startOf(level) : previous + 1;
    for (let d = level + 1; d < 9; d++) {
      const r = def(d)?.restart;
      if (r === 0) continue;
      if (r === null || r === undefined || level + 1 <= r) counts[d] = undefined;
    }
    if (current.format === 'bullet') return '-';
    return current.text.replace(/%([1-9])/g, (_all, k: string) => {
      const l = Number(k) - 1;
      const n = counts[l] ?? startOf(l);
      return formatNumber(n, current.legal ? 'decimal' : (def(l)?.format ?? 'decimal'));
    });
  };

  const textOf = (p: XmlElement): string => {
    let text = '';
    const walk = (n: XmlElement): void => {
      for (const c of n.children) {
        if (typeof c === 'string') continue;
        switch (c.name) {
          case 'w:t':
            text += c.children.filter((x): x is string => typeof x === 'string').join('');
            break;
          case 'w:tab':
            text += '\t';
            break;
          case 'w:br':
          case 'w:cr':
            text += '\n';
            break;
          case 'w:noBreakHyphen':
            text += '-';
            break;
          case 'w:pPr':
          case 'w:rPr':
          case 'w:delText':
          case 'w:instrText':
          case 'w:del':
          case 'w:txbxContent':
          case 'mc:Fallback':
          case 'w:p':
            break;
          default:
            walk(c);
        }
      }
    };
    walk(p);
    return text;
  };

  const walkBody = (n: XmlElement): void => {
    for (const c of elements(n)) {
      if (c.name === 'w:p') {
        const label = labelOf(c);
        out.push({ key: foldKey(textOf(c)), label: label === null || label.trim() === '' ? null : label.trim() });
      } else if (c.name !== 'mc:Fallback' && c.name !== 'w:sectPr') {
        walkBody(c);
      }
    }
  };
  const body = descendants(document, 'w:body')[0];
  if (body) walkBody(body);
  return out;
}

// ---------------------------------------------------------------------------
// mammoth.

/** The parts of mammoth's document tree this module touches. */
interface MammothElement {
  type: string;
  value?: string;
  children?: MammothElement[];
  numbering?: { level: string; isOrdered: boolean } | null;
}

function mammothText(el: MammothElement): string {
  if (el.type === 'text') return el.value ?? '';
  if (el.type === 'tab') return '\t';
  if (el.type === 'break') return '\n';
  return (el.children ?? []).map(mammothText).join('');
}

function paragraphsOf(el: MammothElement): MammothElement[] {
  if (el.type === 'paragraph') return [el];
  return (el.children ?? []).flatMap(paragraphsOf);
}

/** How far ahead a paragraph is looked for when the two readings differ (text boxes, fields). */
const LOOKAHEAD = 40;

function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/?(?:p|h[1-6]|li|tr|td|th|table|thead|tbody|ol|ul|div|blockquote)(?:\s[^>]*)?>/gi, '\n')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

async function readDocx(buffer: Buffer, name: string): Promise<string> {
  let parts: Map<string, Buffer>;
  try {
    parts = readZipParts(buffer, ['word/document.xml', 'word/numbering.xml', 'word/styles.xml']);
  } catch {
    throw new UserError(MESSAGES.badDocx(name));
  }
  const documentXml = parts.get('word/document.xml');
  if (!documentXml) throw new UserError(MESSAGES.badDocx(name));
  const xml = (part: string): XmlElement | null => {
    const b = parts.get(part);
    return b ? parseXml(b.toString('utf8')) : null;
  };
  const model = readNumbering(xml('word/numbering.xml'), xml('word/styles.xml'));
  const numbered = numberParagraphs(parseXml(documentXml.toString('utf8')), model);

  const transformDocument = (document: MammothElement): MammothElement => {
    let cursor = 0;
    const fallback: number[] = [];
    for (const p of paragraphsOf(document)) {
      const key = foldKey(mammothText(p));
      let label: string | null = null;
      let found = false;
      for (let i = cursor; i < Math.min(numbered.length, cursor + LOOKAHEAD); i++) {
        if (numbered[i].key === key) {
          label = numbered[i].label;
          cursor = i + 1;
          found = true;
          break;
        }
      }
      if (!found && p.numbering) {
        // Not matched: number it from mammoth's list depth ("1.", "1.1.").
        const depth = Number(p.numbering.level);
        fallback.length = depth + 1;
        fallback[depth] = (fallback[depth] ?? 0) + 1;
        for (let d = 0; d < depth; d++) fallback[d] = fallback[d] ?? 1;
        label = p.numbering.isOrdered ? `${fallback.join('.')}.` : '-';
      }
      if (label) {
        p.children = [{ type: 'text', value: `${label} ` }, ...(p.children ?? [])];
        p.numbering = null;
      }
    }
    return document;
  };

  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer }, { transformDocument, ignoreEmptyParagraphs: true });
    html = result.value;
  } catch {
    throw new UserError(MESSAGES.badDocx(name));
  }
  return htmlToText(html);
}
