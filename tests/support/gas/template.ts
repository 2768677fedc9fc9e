/**
 * HtmlTemplate compilation. A template becomes one JavaScript function run in the bundle's context:
 * - `<? code ?>` is copied as statements (so loops and ifs can span several scriptlets);
 * - `<?= expr ?>` prints the value escaped for its context: HTML-escaped (& < > " ') in markup and attributes,
 *   or as a JSON literal (with < > & escaped) inside a <script> element, as Apps Script's contextual escaping does;
 * - `<?!= expr ?>` prints String(value) unescaped.
 * null and undefined print nothing. The template's own properties (template.foo = 1) are in scope through
 * `with`, and the bundle's globals through the context, so scriptlets can call global functions like include().
 * `output` is in scope too, with append(text) and appendUntrusted(text).
 */

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function escapeScript(value: unknown): string {
  const json = JSON.stringify(value) ?? 'undefined';
  return json
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The `output` object the generated code writes to. */
export class TemplateOutput {
  content = '';
  append(text: unknown): this {
    this.content += text === null || text === undefined ? '' : String(text);
    return this;
  }
  appendUntrusted(text: unknown): this {
    return this.append(text === null || text === undefined ? '' : escapeHtml(String(text)));
  }
  getContent(): string {
    return this.content;
  }
  /** Used by generated code for `<?= ?>`. */
  _print(value: unknown, inScript: boolean): void {
    if (value === null || value === undefined) return;
    this.content += inScript ? escapeScript(value) : escapeHtml(String(value));
  }
}

/** Whether the text after `html` is inside a <script> element, given whether `html` started inside one. */
function inScriptAfter(html: string, wasInScript: boolean): boolean {
  const lower = html.toLowerCase();
  const open = lower.lastIndexOf('<script');
  const close = lower.lastIndexOf('</script');
  return open === -1 && close === -1 ? wasInScript : open > close;
}

/** The source of `(function (__data, output) { … })` for a template. */
export function compileTemplate(source: string): string {
  let body = '';
  let inScript = false;
  let last = 0;
  for (const m of source.matchAll(/<\?(!=|=)?([\s\S]*?)\?>/g)) {
    const text = source.slice(last, m.index);
    if (text) body += `output.append(${JSON.stringify(text)});\n`;
    inScript = inScriptAfter(text, inScript);
    const code = m[2].trim().replace(/;+$/, '');
    if (m[1] === '=') body += `output._print((${code}), ${inScript});\n`;
    else if (m[1] === '!=') body += `output.append((${code}));\n`;
    else body += `${m[2]}\n`;
    last = (m.index ?? 0) + m[0].length;
  }
  if (last < source.length) body += `output.append(${JSON.stringify(source.slice(last))});\n`;
  return `(function (__data, output) {\nwith (__data) {\n${body}}\n})`;
}
