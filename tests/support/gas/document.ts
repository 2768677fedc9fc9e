/**
 * A minimal DocumentApp (opt-in: `documentApp: true`). What it models, from the Apps Script reference:
 *
 * - A body holds paragraphs (with a heading, an alignment and attributes), list items, tables of text cells and
 *   page breaks (a page break sits in a paragraph of its own, as `Body.appendPageBreak()` makes it).
 * - `Element.copy()` "returns a detached, deep copy of the current element … The new element doesn't have a
 *   parent"; appending an element that still has a parent throws "Element must be detached.".
 * - `replaceText(searchPattern, replacement)` takes the pattern as a string and reads it as an RE2 regular
 *   expression, "independently matched against each text block" (here: a paragraph's text, a table cell's text).
 *   Syntax RE2 lacks (lookaround, backreferences) is refused. The reference says nothing of how "$" and "\" in the
 *   *replacement* are read (as a Java matcher would, or literally), so this fake refuses replacements holding either
 *   rather than guess: code under test must not depend on it (use findText + Text.deleteText/insertText).
 * - `findText(searchPattern, from?)` gives a RangeElement over a Text element (getStartOffset,
 *   getEndOffsetInclusive); Text.deleteText / insertText edit it literally.
 *
 * Not modelled: text runs and their styles inside a paragraph, inline images, headers and footers, table rows and
 * cells as elements, and the fact that Docs only shows a script's edits to others after saveAndClose.
 */
import { GasObject, SERVICE } from './boundary';
import { GasEnum, enumName, isEnumOf, makeEnum } from './enums';
import { GasError, badArguments } from './errors';

export const ParagraphHeading = makeEnum('ParagraphHeading', [
  'NORMAL',
  'HEADING1',
  'HEADING2',
  'HEADING3',
  'HEADING4',
  'HEADING5',
  'HEADING6',
  'TITLE',
  'SUBTITLE',
]);
export const ElementType = makeEnum('ElementType', [
  'BODY_SECTION',
  'PARAGRAPH',
  'TABLE',
  'TABLE_ROW',
  'TABLE_CELL',
  'LIST_ITEM',
  'TEXT',
  'PAGE_BREAK',
]);
export const HorizontalAlignment = makeEnum('HorizontalAlignment', ['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY']);
export const Attribute = makeEnum('Attribute', [
  'BOLD',
  'ITALIC',
  'UNDERLINE',
  'FONT_SIZE',
  'FONT_FAMILY',
  'HORIZONTAL_ALIGNMENT',
  'BORDER_WIDTH',
]);

const MISSING = 'Document is missing (perhaps it was deleted, or you don\u2019t have read access?)';

/** `runtime.documents`: the Google Docs of this runtime. */
export class DocumentStore {
  /** Documents the bundle made (DocumentApp.create, File.makeCopy), by creation order. */
  readonly created: FakeDocument[] = [];
  /** Documents that existed before the run (put there by the test with `$add`, e.g. a template). */
  readonly existing: FakeDocument[] = [];
  #next = 1;
  $newId(): string {
    return `fake-doc-${this.#next++}`;
  }
  /** Test side: a document the user can open (owned or shared), filled by `build`. */
  $add(name: string, build?: (body: FakeBody) => void, id = this.$newId()): FakeDocument {
    const doc = new FakeDocument(id, name);
    build?.(doc.$body);
    this.existing.push(doc);
    return doc;
  }
  $find(id: string): FakeDocument | undefined {
    return [...this.existing, ...this.created].find((d) => d.$id === id);
  }
  $all(): FakeDocument[] {
    return [...this.existing, ...this.created];
  }
}

// ── Regular expressions and text blocks ─────────────────────────────────────────

/** Lookaround and backreferences: JavaScript has them, RE2 does not. An escaped backslash before a digit is fine. */
const NOT_RE2 = /\(\?<?[=!]|(?:^|[^\\])(?:\\\\)*\\[1-9]/;

/** An RE2 pattern given as a string, as a global JavaScript RegExp (the syntax both share). */
export function re2Pattern(method: string, pattern: unknown): RegExp {
  if (typeof pattern !== 'string') throw badArguments(method, [pattern]);
  if (NOT_RE2.test(pattern)) throw new GasError(`Invalid regular expression pattern ${pattern}`);
  try {
    return new RegExp(pattern, 'g');
  } catch {
    throw new GasError(`Invalid regular expression pattern ${pattern}`);
  }
}

/** One text block: a paragraph's text or a table cell's, read and written through its element. */
interface TextBlock {
  readonly owner: FakeElement;
  /** Which block of the owner ('' for a paragraph, 'row,col' for a table cell). */
  readonly key: string;
  get(): string;
  set(value: string): void;
}

export class FakeText extends GasObject {
  readonly [SERVICE] = 'Text';
  constructor(readonly $block: TextBlock) {
    super();
  }
  getType(): GasEnum {
    return ElementType.TEXT;
  }
  getText(): string {
    return this.$block.get();
  }
  setText(text: string): this {
    this.$block.set(String(text));
    return this;
  }
  getParent(): FakeElement {
    return this.$block.owner;
  }
  asText(): this {
    return this;
  }
  /** Deletes the characters from startOffset to endOffsetInclusive. */
  deleteText(startOffset: number, endOffsetInclusive: number): this {
    const text = this.$block.get();
    if (
      !Number.isInteger(startOffset) ||
      !Number.isInteger(endOffsetInclusive) ||
      startOffset < 0 ||
      endOffsetInclusive < startOffset ||
      endOffsetInclusive >= text.length
    ) {
      throw new GasError('Index out of bounds.');
    }
    this.$block.set(text.slice(0, startOffset) + text.slice(endOffsetInclusive + 1));
    return this;
  }
  /** Inserts text at offset, literally. */
  insertText(offset: number, text: string): this {
    const current = this.$block.get();
    if (typeof text !== 'string') throw badArguments('DocumentApp.Text.insertText', [offset, text]);
    if (!Number.isInteger(offset) || offset < 0 || offset > current.length) throw new GasError('Index out of bounds.');
    this.$block.set(current.slice(0, offset) + text + current.slice(offset));
    return this;
  }
  replaceText(searchPattern: string, replacement: string): this {
    replaceInBlocks([this.$block], searchPattern, replacement);
    return this;
  }
}

export class FakeRangeElement extends GasObject {
  readonly [SERVICE] = 'RangeElement';
  constructor(
    readonly $text: FakeText,
    readonly $start: number,
    readonly $end: number,
  ) {
    super();
  }
  getElement(): FakeText {
    return this.$text;
  }
  getStartOffset(): number {
    return this.$start;
  }
  getEndOffsetInclusive(): number {
    return this.$end;
  }
  isPartial(): boolean {
    return true;
  }
}

function replaceInBlocks(blocks: TextBlock[], searchPattern: string, replacement: string): void {
  const re = re2Pattern('DocumentApp.Element.replaceText', searchPattern);
  if (typeof replacement !== 'string')
    throw badArguments('DocumentApp.Element.replaceText', [searchPattern, replacement]);
  if (/[$\\]/.test(replacement)) {
    throw new Error(
      'Offline runtime: how replaceText reads "$" and "\\" in a replacement is not documented, so this fake does not guess. Insert such values with findText and Text.insertText.',
    );
  }
  for (const block of blocks) {
    const before = block.get();
    const after = before.replace(re, () => replacement);
    if (after !== before) block.set(after);
  }
}

function findInBlocks(
  blocks: TextBlock[],
  searchPattern: string,
  from?: FakeRangeElement | null,
): FakeRangeElement | null {
  const re = re2Pattern('DocumentApp.Element.findText', searchPattern);
  let index = 0;
  let after = -1;
  if (from) {
    const at = blocks.findIndex((b) => b.owner === from.$text.$block.owner && b.key === from.$text.$block.key);
    if (at < 0) return null;
    index = at;
    after = from.$end;
  }
  for (; index < blocks.length; index++) {
    const text = blocks[index].get();
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (m.index > after) return new FakeRangeElement(new FakeText(blocks[index]), m.index, m.index + m[0].length - 1);
    }
    after = -1;
  }
  return null;
}

// ── Elements ────────────────────────────────────────────────────────────────────

type Container = FakeBody | FakeParagraph;

export abstract class FakeElement extends GasObject {
  /** The container holding this element; null when detached (a copy, or removed). */
  $parent: Container | null = null;
  abstract getType(): GasEnum;
  abstract getText(): string;
  /** A detached deep copy. */
  abstract $copy(): FakeElement;
  abstract $blocks(): TextBlock[];

  copy(): FakeElement {
    return this.$copy();
  }
  getParent(): Container | null {
    return this.$parent;
  }
  removeFromParent(): this {
    if (this.$parent instanceof FakeBody) this.$parent.$remove(this);
    this.$parent = null;
    return this;
  }
  #cast<T>(type: GasEnum, name: string): T {
    if (this.getType() !== type) throw new GasError(`Cannot cast ${enumName(this.getType())} to ${name}.`);
    return this as unknown as T;
  }
  asParagraph(): FakeParagraph {
    return this.#cast(ElementType.PARAGRAPH, 'Paragraph');
  }
  asListItem(): FakeListItem {
    return this.#cast(ElementType.LIST_ITEM, 'ListItem');
  }
  asTable(): FakeTable {
    return this.#cast(ElementType.TABLE, 'Table');
  }
  replaceText(searchPattern: string, replacement: string): this {
    replaceInBlocks(this.$blocks(), searchPattern, replacement);
    return this;
  }
  findText(searchPattern: string, from?: FakeRangeElement | null): FakeRangeElement | null {
    return findInBlocks(this.$blocks(), searchPattern, from);
  }
}

export class FakePageBreak extends FakeElement {
  readonly [SERVICE] = 'PageBreak';
  getType(): GasEnum {
    return ElementType.PAGE_BREAK;
  }
  getText(): string {
    return '';
  }
  $copy(): FakePageBreak {
    return new FakePageBreak();
  }
  $blocks(): TextBlock[] {
    return [];
  }
}

function attributesOf(value: unknown, method: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw badArguments(method, [value]);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!(key in Attribute)) throw new GasError(`Unknown attribute ${key}.`);
    out[key] = v instanceof GasEnum ? v.name() : v;
  }
  return out;
}

export class FakeParagraph extends FakeElement {
  readonly [SERVICE]: string = 'Paragraph';
  $heading = 'NORMAL';
  $alignment: string | null = null;
  $attributes: Record<string, unknown> = {};
  /** The page break this paragraph holds (Body.appendPageBreak makes such a paragraph). */
  $pageBreak: FakePageBreak | null = null;
  readonly #block: TextBlock;
  constructor(public $text: string) {
    super();
    this.#block = { owner: this, key: '', get: () => this.$text, set: (v) => (this.$text = v) };
  }
  getType(): GasEnum {
    return ElementType.PARAGRAPH;
  }
  getText(): string {
    return this.$text;
  }
  setText(text: string): this {
    this.$text = String(text);
    return this;
  }
  getHeading(): GasEnum {
    return ParagraphHeading[this.$heading as keyof typeof ParagraphHeading];
  }
  setHeading(heading: GasEnum): this {
    if (!isEnumOf(heading, 'ParagraphHeading')) throw badArguments('DocumentApp.Paragraph.setHeading', [heading]);
    this.$heading = enumName(heading);
    return this;
  }
  getAlignment(): GasEnum | null {
    return this.$alignment ? HorizontalAlignment[this.$alignment as keyof typeof HorizontalAlignment] : null;
  }
  setAlignment(alignment: GasEnum): this {
    if (!isEnumOf(alignment, 'HorizontalAlignment'))
      throw badArguments('DocumentApp.Paragraph.setAlignment', [alignment]);
    this.$alignment = enumName(alignment);
    return this;
  }
  getAttributes(): Record<string, unknown> {
    return { ...this.$attributes };
  }
  setAttributes(attributes: Record<string, unknown>): this {
    const set = attributesOf(attributes, 'DocumentApp.Paragraph.setAttributes');
    if (set.HORIZONTAL_ALIGNMENT !== undefined) this.$alignment = String(set.HORIZONTAL_ALIGNMENT);
    this.$attributes = { ...this.$attributes, ...set };
    return this;
  }
  editAsText(): FakeText {
    return new FakeText(this.#block);
  }
  $blocks(): TextBlock[] {
    return [this.#block];
  }
  $copy(): FakeParagraph {
    return this.$copyInto(new FakeParagraph(this.$text));
  }
  protected $copyInto<T extends FakeParagraph>(copy: T): T {
    copy.$heading = this.$heading;
    copy.$alignment = this.$alignment;
    copy.$attributes = { ...this.$attributes };
    if (this.$pageBreak) {
      copy.$pageBreak = this.$pageBreak.$copy();
      copy.$pageBreak.$parent = copy;
    }
    return copy;
  }
}

export class FakeListItem extends FakeParagraph {
  override readonly [SERVICE] = 'ListItem';
  override getType(): GasEnum {
    return ElementType.LIST_ITEM;
  }
  override $copy(): FakeListItem {
    return this.$copyInto(new FakeListItem(this.$text));
  }
}

export class FakeTable extends FakeElement {
  readonly [SERVICE] = 'Table';
  $borderWidth: number | null = null;
  constructor(readonly $cells: string[][]) {
    super();
  }
  getType(): GasEnum {
    return ElementType.TABLE;
  }
  getNumRows(): number {
    return this.$cells.length;
  }
  getText(): string {
    return this.$cells.map((r) => r.join('\t')).join('\n');
  }
  getBorderWidth(): number | null {
    return this.$borderWidth;
  }
  setBorderWidth(width: number): this {
    if (typeof width !== 'number' || width < 0) throw badArguments('DocumentApp.Table.setBorderWidth', [width]);
    this.$borderWidth = width;
    return this;
  }
  $blocks(): TextBlock[] {
    return this.$cells.flatMap((row, r) =>
      row.map((_, c) => ({
        owner: this,
        key: `${r},${c}`,
        get: () => this.$cells[r][c],
        set: (v: string) => (this.$cells[r][c] = v),
      })),
    );
  }
  $copy(): FakeTable {
    const copy = new FakeTable(this.$cells.map((r) => [...r]));
    copy.$borderWidth = this.$borderWidth;
    return copy;
  }
}

export class FakeBody extends GasObject {
  readonly [SERVICE] = 'Body';
  readonly $elements: FakeElement[] = [];

  #attach<T extends FakeElement>(element: T): T {
    if (element.$parent) throw new GasError('Element must be detached.');
    element.$parent = this;
    this.$elements.push(element);
    return element;
  }
  $remove(element: FakeElement): void {
    const at = this.$elements.indexOf(element);
    if (at >= 0) this.$elements.splice(at, 1);
  }
  getType(): GasEnum {
    return ElementType.BODY_SECTION;
  }
  getNumChildren(): number {
    return this.$elements.length;
  }
  getChild(childIndex: number): FakeElement {
    if (!Number.isInteger(childIndex) || childIndex < 0 || childIndex >= this.$elements.length) {
      throw new GasError(
        `Child index (${childIndex}) must be less than the number of child elements (${this.$elements.length}).`,
      );
    }
    return this.$elements[childIndex];
  }
  /** appendParagraph(text) or appendParagraph(paragraph): a paragraph given must be detached. */
  appendParagraph(textOrParagraph: string | FakeParagraph): FakeParagraph {
    if (typeof textOrParagraph === 'string') return this.#attach(new FakeParagraph(textOrParagraph));
    if (textOrParagraph instanceof FakeParagraph && !(textOrParagraph instanceof FakeListItem))
      return this.#attach(textOrParagraph);
    throw badArguments('DocumentApp.Body.appendParagraph', [textOrParagraph]);
  }
  appendListItem(textOrItem: string | FakeListItem): FakeListItem {
    if (typeof textOrItem === 'string') return this.#attach(new FakeListItem(textOrItem));
    if (textOrItem instanceof FakeListItem) return this.#attach(textOrItem);
    throw badArguments('DocumentApp.Body.appendListItem', [textOrItem]);
  }
  /** appendTable(cells) (every cell a string, as in Apps Script), appendTable(table) or appendTable(). */
  appendTable(cellsOrTable?: unknown[][] | FakeTable): FakeTable {
    if (cellsOrTable instanceof FakeTable) return this.#attach(cellsOrTable);
    const rows = cellsOrTable ?? [];
    if (!Array.isArray(rows) || !rows.every((r) => Array.isArray(r) && r.every((c) => typeof c === 'string')))
      throw badArguments('DocumentApp.Body.appendTable', [cellsOrTable]);
    return this.#attach(new FakeTable(rows.map((r) => [...(r as string[])])));
  }
  /** A page break, in a new paragraph at the end of the body. */
  appendPageBreak(): FakePageBreak {
    const paragraph = this.#attach(new FakeParagraph(''));
    const pageBreak = new FakePageBreak();
    pageBreak.$parent = paragraph;
    paragraph.$pageBreak = pageBreak;
    return pageBreak;
  }
  getParagraphs(): FakeParagraph[] {
    return this.$elements.filter((e): e is FakeParagraph => e instanceof FakeParagraph);
  }
  getTables(): FakeTable[] {
    return this.$elements.filter((e): e is FakeTable => e instanceof FakeTable);
  }
  getText(): string {
    return this.$elements.map((e) => e.getText()).join('\n');
  }
  replaceText(searchPattern: string, replacement: string): this {
    replaceInBlocks(
      this.$elements.flatMap((e) => e.$blocks()),
      searchPattern,
      replacement,
    );
    return this;
  }
  findText(searchPattern: string, from?: FakeRangeElement | null): FakeRangeElement | null {
    return findInBlocks(
      this.$elements.flatMap((e) => e.$blocks()),
      searchPattern,
      from,
    );
  }
  /** Test side: the text of each page (elements between page breaks), elements joined by "\n". */
  $pages(): string[] {
    const pages: FakeElement[][] = [[]];
    for (const e of this.$elements) {
      if (e instanceof FakeParagraph && e.$pageBreak) pages.push([]);
      else pages[pages.length - 1].push(e);
    }
    return pages.map((p) => p.map((e) => e.getText()).join('\n'));
  }
  /** Test side: a detached deep copy of every element, for a copy of the document. */
  $copyInto(target: FakeBody): void {
    for (const e of this.$elements) target.#attach(e.$copy());
  }
}

export class FakeDocument extends GasObject {
  readonly [SERVICE] = 'Document';
  readonly $body = new FakeBody();
  $closed = false;
  constructor(
    readonly $id: string,
    public $name: string,
  ) {
    super();
  }
  getId(): string {
    return this.$id;
  }
  getName(): string {
    return this.$name;
  }
  setName(name: string): this {
    if (typeof name !== 'string') throw badArguments('DocumentApp.Document.setName', [name]);
    this.$name = name;
    return this;
  }
  getUrl(): string {
    return `https://docs.google.com/document/d/${this.$id}/edit`;
  }
  getBody(): FakeBody {
    return this.$body;
  }
  saveAndClose(): void {
    this.$closed = true;
  }
}

/**
 * DocumentApp, only when a test asks for it (`loadBundle(dir, { documentApp: true })`): create(), and
 * openById/openByUrl of the documents in the runtime's DocumentStore (made here, or added by the test).
 */
export class FakeDocumentApp extends GasObject {
  readonly [SERVICE] = 'DocumentApp';
  readonly ParagraphHeading = ParagraphHeading;
  readonly ElementType = ElementType;
  readonly HorizontalAlignment = HorizontalAlignment;
  readonly Attribute = Attribute;
  constructor(readonly $store: DocumentStore) {
    super();
  }
  create(name: string): FakeDocument {
    if (typeof name !== 'string' || name.trim() === '') throw badArguments('DocumentApp.create', [name]);
    const doc = new FakeDocument(this.$store.$newId(), name);
    this.$store.created.push(doc);
    return doc;
  }
  openById(id: string): FakeDocument {
    const doc = this.$store.$find(String(id));
    if (!doc) throw new GasError(MISSING);
    return doc;
  }
  openByUrl(url: string): FakeDocument {
    const doc = this.$store.$all().find((d) => String(url).includes(d.$id));
    if (!doc) throw new GasError(MISSING);
    return doc;
  }
}
