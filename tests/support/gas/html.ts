import { GasObject, SERVICE } from './boundary';
import { GasEnum, enumName, makeEnum } from './enums';
import { GasError } from './errors';
import { TemplateOutput, compileTemplate, escapeHtml } from './template';

export const SandboxMode = makeEnum('SandboxMode', ['EMULATED', 'IFRAME', 'NATIVE', 'NONE']);
export const XFrameOptionsMode = makeEnum('XFrameOptionsMode', ['ALLOWALL', 'DEFAULT']);

/** Compiles code in the bundle's current context (provided by the runtime). */
export type Compile = (code: string, filename: string) => unknown;

/** HtmlOutput: the page shown by showSidebar/showModalDialog. Tests read it with getContent(), getTitle(), … */
export class FakeHtmlOutput extends GasObject {
  readonly [SERVICE] = 'HtmlOutput';
  #content: string;
  #title = '';
  #width: number | null = null;
  #height: number | null = null;
  #sandboxMode: string = 'IFRAME';
  #xFrameOptionsMode: string = 'DEFAULT';
  #faviconUrl: string | null = null;
  readonly #metaTags: { name: string; content: string }[] = [];

  constructor(
    content = '',
    readonly $compile?: Compile,
  ) {
    super();
    this.#content = content;
  }

  getContent(): string {
    return this.#content;
  }
  setContent(content: string): this {
    this.#content = String(content ?? '');
    return this;
  }
  append(addedContent: string): this {
    this.#content += String(addedContent ?? '');
    return this;
  }
  appendUntrusted(addedContent: string): this {
    return this.append(escapeHtml(String(addedContent ?? '')));
  }
  clear(): this {
    this.#content = '';
    return this;
  }
  getTitle(): string {
    return this.#title;
  }
  setTitle(title: string): this {
    this.#title = String(title);
    return this;
  }
  getWidth(): number | null {
    return this.#width;
  }
  setWidth(width: number): this {
    this.#width = width;
    return this;
  }
  getHeight(): number | null {
    return this.#height;
  }
  setHeight(height: number): this {
    this.#height = height;
    return this;
  }
  setSandboxMode(mode: GasEnum): this {
    this.#sandboxMode = enumName(mode);
    return this;
  }
  setXFrameOptionsMode(mode: GasEnum): this {
    this.#xFrameOptionsMode = enumName(mode);
    return this;
  }
  addMetaTag(name: string, content: string): this {
    this.#metaTags.push({ name: String(name), content: String(content) });
    return this;
  }
  getMetaTags(): { getName(): string; getContent(): string }[] {
    return this.#metaTags.map((t) => ({ getName: () => t.name, getContent: () => t.content }));
  }
  getFaviconUrl(): string | null {
    return this.#faviconUrl;
  }
  setFaviconUrl(iconUrl: string): this {
    this.#faviconUrl = String(iconUrl);
    return this;
  }
  asTemplate(): FakeHtmlTemplate {
    if (!this.$compile) throw new GasError('asTemplate() needs a runtime.');
    return new FakeHtmlTemplate(this.#content, 'HtmlOutput', this.$compile);
  }
  /** Host-only: the settings that have no getter in Apps Script. */
  get $settings(): { sandboxMode: string; xFrameOptionsMode: string; metaTags: { name: string; content: string }[] } {
    return {
      sandboxMode: this.#sandboxMode,
      xFrameOptionsMode: this.#xFrameOptionsMode,
      metaTags: [...this.#metaTags],
    };
  }
}

/** HtmlTemplate: assign properties (template.rows = …), then evaluate(). See template.ts for the syntax. */
export class FakeHtmlTemplate extends GasObject {
  readonly [SERVICE] = 'HtmlTemplate';
  readonly #source: string;
  readonly #name: string;
  readonly #compile: Compile;

  constructor(source: string, name: string, compile: Compile) {
    super();
    this.#source = source;
    this.#name = name;
    this.#compile = compile;
  }

  getRawContent(): string {
    return this.#source;
  }
  getCode(): string {
    return compileTemplate(this.#source);
  }
  evaluate(): FakeHtmlOutput {
    const render = this.#compile(this.getCode(), `${this.#name}.html`) as (
      data: object,
      output: TemplateOutput,
    ) => void;
    const output = new TemplateOutput();
    render(Object.assign(Object.create(null) as object, this), output);
    return new FakeHtmlOutput(output.content, this.#compile);
  }
}

/** HtmlService over the bundle's .html files, named by path without extension ('Sidebar', 'ui/Dialog'). */
export class FakeHtmlService extends GasObject {
  readonly [SERVICE] = 'HtmlService';
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(
    readonly $files: ReadonlyMap<string, string>,
    readonly $compile: Compile,
  ) {
    super();
  }

  #file(filename: string): string {
    const name = String(filename).replace(/\.html$/, '');
    const content = this.$files.get(name);
    if (content === undefined) throw new GasError(`No HTML file named ${name} was found.`);
    return content;
  }
  createHtmlOutput(html?: string | { getDataAsString(): string }): FakeHtmlOutput {
    const content =
      html === undefined || html === null ? '' : typeof html === 'object' ? html.getDataAsString() : String(html);
    return new FakeHtmlOutput(content, this.$compile);
  }
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    return new FakeHtmlOutput(this.#file(filename), this.$compile);
  }
  createTemplate(html: string): FakeHtmlTemplate {
    return new FakeHtmlTemplate(String(html), 'template', this.$compile);
  }
  createTemplateFromFile(filename: string): FakeHtmlTemplate {
    return new FakeHtmlTemplate(this.#file(filename), String(filename).replace(/\.html$/, ''), this.$compile);
  }
  getUserAgent(): string {
    return 'Mozilla/5.0 (fake Apps Script runtime)';
  }
}
