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
export const ElementType = makeEnum('ElementType', ['BODY_SECTION', 'PARAGRAPH', 'TABLE', 'LIST_ITEM', 'TEXT']);

/** `runtime.documents`: the Google Docs this runtime made, by creation order. */
export class DocumentStore {
  readonly created: FakeDocument[] = [];
  #next = 1;
  $newId(): string {
    return `fake-doc-${this.#next++}`;
  }
}

export class FakeParagraph extends GasObject {
  readonly [SERVICE] = 'Paragraph';
  $heading = 'NORMAL';
  constructor(public $text: string) {
    super();
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
  getType(): GasEnum {
    return ElementType.PARAGRAPH;
  }
}

export class FakeTable extends GasObject {
  readonly [SERVICE] = 'Table';
  constructor(readonly $cells: string[][]) {
    super();
  }
  getNumRows(): number {
    return this.$cells.length;
  }
  getText(): string {
    return this.$cells.map((r) => r.join('\t')).join('\n');
  }
  getType(): GasEnum {
    return ElementType.TABLE;
  }
}

export class FakeBody extends GasObject {
  readonly [SERVICE] = 'Body';
  readonly $elements: Array<FakeParagraph | FakeTable> = [];
  appendParagraph(text: string): FakeParagraph {
    if (typeof text !== 'string') throw badArguments('DocumentApp.Body.appendParagraph', [text]);
    const p = new FakeParagraph(text);
    this.$elements.push(p);
    return p;
  }
  /** appendTable(cells): every cell must be a string, as in Apps Script. */
  appendTable(cells?: unknown[][]): FakeTable {
    const rows = cells ?? [];
    if (!Array.isArray(rows) || !rows.every((r) => Array.isArray(r) && r.every((c) => typeof c === 'string')))
      throw badArguments('DocumentApp.Body.appendTable', [cells]);
    const table = new FakeTable(rows.map((r) => [...(r as string[])]));
    this.$elements.push(table);
    return table;
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
 * DocumentApp, only when a test asks for it (`loadBundle(dir, { documentApp: true })`): create() and
 * openById/openByUrl of documents made here, bodies of paragraphs (with headings) and tables of strings. Nothing is
 * shared: a created document is private to its user, as DocumentApp.create makes it.
 */
export class FakeDocumentApp extends GasObject {
  readonly [SERVICE] = 'DocumentApp';
  readonly ParagraphHeading = ParagraphHeading;
  readonly ElementType = ElementType;
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
    const doc = this.$store.created.find((d) => d.$id === id);
    if (!doc) throw new GasError('Document is missing (perhaps it was deleted, or you don\u2019t have read access?)');
    return doc;
  }
  openByUrl(url: string): FakeDocument {
    const doc = this.$store.created.find((d) => String(url).includes(d.$id));
    if (!doc) throw new GasError('Document is missing (perhaps it was deleted, or you don\u2019t have read access?)');
    return doc;
  }
}
