/**
 * A minimal DriveApp (opt-in: `driveApp: true`), backed by the runtime's DocumentStore for Google Docs and by a
 * DriveStore for other files. What it models, from the Apps Script reference:
 *
 * - `DriveApp.getFileById(id)`: a file the user can open; else the "No item with the given ID" exception.
 * - `File.makeCopy(name)` "creates a copy of the file and names it with the name provided" and returns the new
 *   File: for a Google Doc, a new document with a deep copy of the body (what makeCopy keeps beyond the body, page
 *   setup, headers, images, is not modelled).
 * - `File.getAs(contentType)`: a Blob "converted to the specified content type", named with the extension put in
 *   place of the part after the last period ("ShoppingList.12.25.2014" → "ShoppingList.12.25.pdf"). For a Doc,
 *   'application/pdf' and 'text/markdown'. The PDF is a stand-in: "%PDF-" then the document's text (one line per
 *   element, a form feed per page break), for tests to read.
 * - `DriveApp.createFile(blob)` / `createFile(name, content, mimeType?)`: a new file in the user's Drive.
 */
import { GasObject, SERVICE } from './boundary';
import { FakeDocument, type DocumentStore } from './document';
import { GasError, badArguments } from './errors';

export const GOOGLE_DOC = 'application/vnd.google-apps.document';
const NOT_FOUND =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

export class FakeBlob extends GasObject {
  readonly [SERVICE] = 'Blob';
  constructor(
    public $name: string | null,
    readonly $contentType: string,
    readonly $data: Buffer,
  ) {
    super();
  }
  getName(): string | null {
    return this.$name;
  }
  setName(name: string): this {
    if (typeof name !== 'string') throw badArguments('Blob.setName', [name]);
    this.$name = name;
    return this;
  }
  getContentType(): string {
    return this.$contentType;
  }
  /** Java bytes: -128…127. */
  getBytes(): number[] {
    return [...this.$data].map((b) => (b > 127 ? b - 256 : b));
  }
  getDataAsString(): string {
    return this.$data.toString('utf8');
  }
  copyBlob(): FakeBlob {
    return new FakeBlob(this.$name, this.$contentType, Buffer.from(this.$data));
  }
}

/** `runtime.drive`: files other than Google Docs (PDFs and the like) the bundle made. */
export class DriveStore {
  readonly created: FakeFile[] = [];
  #next = 1;
  $newId(): string {
    return `fake-file-${this.#next++}`;
  }
}

/** "name.ext" → "name.<extension>": the part after the last period is taken as an extension and replaced. */
function withExtension(name: string, extension: string): string {
  const dot = name.lastIndexOf('.');
  return `${dot > 0 ? name.slice(0, dot) : name}.${extension}`;
}

export class FakeFile extends GasObject {
  readonly [SERVICE] = 'File';
  constructor(
    readonly $documents: DocumentStore,
    readonly $drive: DriveStore,
    /** A Google Doc, or a stored blob. */
    readonly $content: { doc: FakeDocument } | { id: string; blob: FakeBlob },
  ) {
    super();
  }
  getId(): string {
    return 'doc' in this.$content ? this.$content.doc.$id : this.$content.id;
  }
  getName(): string {
    return 'doc' in this.$content ? this.$content.doc.$name : (this.$content.blob.$name ?? '');
  }
  setName(name: string): this {
    if (typeof name !== 'string') throw badArguments('DriveApp.File.setName', [name]);
    if ('doc' in this.$content) this.$content.doc.$name = name;
    else this.$content.blob.$name = name;
    return this;
  }
  getMimeType(): string {
    return 'doc' in this.$content ? GOOGLE_DOC : this.$content.blob.$contentType;
  }
  getUrl(): string {
    return 'doc' in this.$content
      ? `https://docs.google.com/document/d/${this.getId()}/edit?usp=drivesdk`
      : `https://drive.google.com/file/d/${this.getId()}/view?usp=drivesdk`;
  }
  makeCopy(name?: string): FakeFile {
    if (name !== undefined && typeof name !== 'string') throw badArguments('DriveApp.File.makeCopy', [name]);
    if ('doc' in this.$content) {
      const source = this.$content.doc;
      const copy = new FakeDocument(this.$documents.$newId(), name ?? `Copy of ${source.$name}`);
      source.$body.$copyInto(copy.$body);
      this.$documents.created.push(copy);
      return new FakeFile(this.$documents, this.$drive, { doc: copy });
    }
    const blob = this.$content.blob.copyBlob();
    blob.$name = name ?? `Copy of ${blob.$name ?? ''}`;
    const file = new FakeFile(this.$documents, this.$drive, { id: this.$drive.$newId(), blob });
    this.$drive.created.push(file);
    return file;
  }
  getBlob(): FakeBlob {
    if ('doc' in this.$content) return this.getAs('application/pdf');
    return this.$content.blob.copyBlob();
  }
  getAs(contentType: string): FakeBlob {
    if (typeof contentType !== 'string') throw badArguments('DriveApp.File.getAs', [contentType]);
    if (!('doc' in this.$content)) {
      if (contentType === this.$content.blob.$contentType) return this.$content.blob.copyBlob();
      throw new GasError(`Converting from ${this.$content.blob.$contentType} to ${contentType} is not supported.`);
    }
    const body = this.$content.doc.$body;
    if (contentType === 'application/pdf') {
      const text = body.$pages().join('\f');
      return new FakeBlob(withExtension(this.getName(), 'pdf'), contentType, Buffer.from(`%PDF-1.4\n${text}`));
    }
    if (contentType === 'text/markdown') {
      return new FakeBlob(withExtension(this.getName(), 'md'), contentType, Buffer.from(body.getText()));
    }
    throw new GasError(`Converting from ${GOOGLE_DOC} to ${contentType} is not supported.`);
  }
}

export class FakeDriveApp extends GasObject {
  readonly [SERVICE] = 'DriveApp';
  constructor(
    readonly $documents: DocumentStore,
    readonly $drive: DriveStore,
  ) {
    super();
  }
  getFileById(id: string): FakeFile {
    if (typeof id !== 'string') throw badArguments('DriveApp.getFileById', [id]);
    const doc = this.$documents.$find(id);
    if (doc) return new FakeFile(this.$documents, this.$drive, { doc });
    const file = this.$drive.created.find((f) => f.getId() === id);
    if (file) return file;
    throw new GasError(NOT_FOUND);
  }
  /** createFile(blob) or createFile(name, content, mimeType = 'text/plain'). */
  createFile(blobOrName: FakeBlob | string, content?: string, mimeType?: string): FakeFile {
    let blob: FakeBlob;
    if (blobOrName instanceof FakeBlob && content === undefined) blob = blobOrName.copyBlob();
    else if (typeof blobOrName === 'string' && typeof content === 'string')
      blob = new FakeBlob(blobOrName, mimeType ?? 'text/plain', Buffer.from(content));
    else throw badArguments('DriveApp.createFile', [blobOrName, content, mimeType]);
    if (!blob.$name) blob.$name = 'Untitled';
    const file = new FakeFile(this.$documents, this.$drive, { id: this.$drive.$newId(), blob });
    this.$drive.created.push(file);
    return file;
  }
}
