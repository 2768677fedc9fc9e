/**
 * Writes a plain, styled .xlsx straight from rows: the parts of SpreadsheetML
 * (ECMA-376 part 1, §18) a table workbook needs (shared strings, number
 * formats, bold fonts, solid fills, wrapped headers, column widths, frozen
 * header rows, list validations), and nothing else.
 *
 * Why not exceljs, which reads and writes everything: loading its modules
 * and building its object model cost more than the import it serves (the
 * master of 1,000 reports took ~2 s to write with it, ~0.1 s this way; see
 * `npm run bench -- import`). Files written here are read back by exceljs,
 * LibreOffice and this project's reader in the tests.
 *
 * Text is always written as a shared string, never as a formula: a value
 * starting with "=" stays text in Excel.
 */
import { columnLetter } from '../../core/a1';
import { zip } from './zip';

export type XlsxValue = string | number | boolean | Date | null;

export interface XlsxStyle {
  /** A number format code ("@", "0", "0%", "dd/mm/yyyy"…); General when absent. */
  numFmt?: string;
  bold?: boolean;
  /** Solid fill colour, ARGB ("FFD9E7FD"). */
  fill?: string;
  wrap?: boolean;
  vertical?: 'top' | 'middle' | 'bottom';
}

export interface XlsxListValidation {
  /** 1-based column and rows. */
  column: number;
  fromRow: number;
  toRow: number;
  options: ReadonlyArray<string>;
  errorTitle: string;
  error: string;
}

export interface XlsxSheet {
  name: string;
  /** Width in characters and the style of the column (also given to its cells below the header). */
  columns: ReadonlyArray<{ width: number; style?: XlsxStyle }>;
  /** Row 1, frozen, each cell with its own style. */
  header: { values: ReadonlyArray<string>; styles: ReadonlyArray<XlsxStyle> };
  /** The rows under the header; a cell takes its column's style. */
  rows: ReadonlyArray<ReadonlyArray<XlsxValue>>;
  validations?: ReadonlyArray<XlsxListValidation>;
}

/** Number formats Excel knows by id (ECMA-376 §18.8.30); others are declared from 164 on. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '0%': 9, '@': 49 };

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Anything escapeText changes: markup characters, an "_xHHHH_"-like run, or a character XML cannot carry. */
const NEEDS_ESCAPE = /[&<>"_\u0000-\u0008\u000b-\u001f\ufffe\uffff]/;

/**
 * Text for a <t> element: control characters XML cannot carry (and CR, which
 * XML parsers turn into LF) become _xHHHH_ escapes (ECMA-376 §22.9.2.19), and
 * a literal "_xHHHH_" gets its underscore escaped, so readers give back exactly
 * the text.
 */
function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  const escaped = text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(
      /[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
    );
  return escapeXml(escaped);
}

/** Excel's serial day number of a moment, counted in UTC as exceljs does (1900 date system). */
function excelSerial(date: Date): number {
  return 25569 + date.getTime() / 86_400_000;
}

/** Fonts, fills, number formats and cell formats, each kept once. */
class StyleTable {
  private readonly formats = new Map<string, number>();
  private readonly fills: string[] = [];
  private readonly xfs = new Map<string, number>();
  private readonly xfXml: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];

  constructor() {
    this.xfs.set('', 0);
  }

  /** The cellXfs index of a style (0: General, no formatting). */
  index(style: XlsxStyle | undefined): number {
    if (!style) return 0;
    const key = JSON.stringify([style.numFmt, style.bold, style.fill, style.wrap, style.vertical]);
    const known = this.xfs.get(key);
    if (known !== undefined) return known;
    const numFmtId = style.numFmt === undefined ? 0 : this.formatId(style.numFmt);
    const fontId = style.bold ? 1 : 0;
    const fillId = style.fill === undefined ? 0 : this.fillId(style.fill);
    const alignment =
      style.wrap || style.vertical
        ? `<alignment${style.vertical ? ` vertical="${style.vertical === 'middle' ? 'center' : style.vertical}"` : ''}${style.wrap ? ' wrapText="1"' : ''}/>`
        : '';
    const applied =
      (numFmtId ? ' applyNumberFormat="1"' : '') +
      (fontId ? ' applyFont="1"' : '') +
      (fillId ? ' applyFill="1"' : '') +
      (alignment ? ' applyAlignment="1"' : '');
    const id = this.xfXml.length;
    const xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applied}`;
    this.xfXml.push(alignment ? `${xf}>${alignment}</xf>` : `${xf}/>`);
    this.xfs.set(key, id);
    return id;
  }

  private formatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = 164 + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  private fillId(argb: string): number {
    if (!/^[0-9A-Fa-f]{8}$/.test(argb)) throw new Error(`Fill colour "${argb}" is not ARGB`);
    let i = this.fills.indexOf(argb);
    if (i < 0) i = this.fills.push(argb) - 1;
    return i + 2; // 0 none, 1 gray125: both required first
  }

  xml(): string {
    const formats = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    const font = (bold: boolean) =>
      `<font>${bold ? '<b/>' : ''}<sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`;
    const fills = [
      '<fill><patternFill patternType="none"/></fill>',
      '<fill><patternFill patternType="gray125"/></fill>',
      ...this.fills.map(
        (argb) =>
          `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`,
      ),
    ];
    return (
      XML_HEADER +
      `<styleSheet xmlns="${MAIN_NS}">` +
      (formats.length ? `<numFmts count="${formats.length}">${formats.join('')}</numFmts>` : '') +
      `<fonts count="2">${font(false)}${font(true)}</fonts>` +
      `<fills count="${fills.length}">${fills.join('')}</fills>` +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfXml.length}">${this.xfXml.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

/** Shared strings, each kept once, in first-use order. */
class StringTable {
  private readonly index = new Map<string, number>();
  private readonly parts: string[] = [];
  private uses = 0;

  id(text: string): number {
    this.uses++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.parts.length;
      this.index.set(text, i);
      const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
      this.parts.push(`<si><t${space}>${escapeText(text)}</t></si>`);
    }
    return i;
  }

  xml(): string {
    return (
      XML_HEADER +
      `<sst xmlns="${MAIN_NS}" count="${this.uses}" uniqueCount="${this.parts.length}">${this.parts.join('')}</sst>`
    );
  }
}

function cellXml(ref: string, value: XlsxValue, style: number, strings: StringTable): string {
  const s = style ? ` s="${style}"` : '';
  if (value === null || value === '') return ''; // the column's style covers empty cells
  if (typeof value === 'string') return `<c r="${ref}"${s} t="s"><v>${strings.id(value)}</v></c>`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cell ${ref}: ${value} is not a number Excel can hold`);
    return `<c r="${ref}"${s}><v>${value}</v></c>`;
  }
  if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error(`Cell ${ref}: invalid date`);
    return `<c r="${ref}"${s}><v>${excelSerial(value)}</v></c>`;
  }
  throw new Error(`Cell ${ref}: cannot write a value of type ${typeof value}`);
}

function sheetXml(sheet: XlsxSheet, styles: StyleTable, strings: StringTable): string {
  const letters = sheet.columns.map((_, i) => columnLetter(i + 1));
  const columnStyles = sheet.columns.map((c) => styles.index(c.style));
  const cols = sheet.columns
    .map(
      (c, i) =>
        `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${columnStyles[i] ? ` style="${columnStyles[i]}"` : ''}/>`,
    )
    .join('');
  const rows: string[] = [];
  const headerCells = sheet.header.values.map((v, i) =>
    cellXml(`${letters[i]}1`, v, styles.index(sheet.header.styles[i]), strings),
  );
  rows.push(`<row r="1">${headerCells.join('')}</row>`);
  sheet.rows.forEach((row, r) => {
    const n = r + 2;
    let cells = '';
    for (let c = 0; c < row.length; c++) {
      if (c >= letters.length) throw new Error(`Sheet "${sheet.name}", row ${n}: more cells than columns`);
      cells += cellXml(`${letters[c]}${n}`, row[c], columnStyles[c], strings);
    }
    rows.push(`<row r="${n}">${cells}</row>`);
  });
  const last = `${letters[letters.length - 1] ?? 'A'}${sheet.rows.length + 1}`;
  const validations = (sheet.validations ?? []).map((v) => {
    const list = `"${v.options.join(',')}"`;
    // Excel rejects a list formula over 255 characters: the whole file would not open.
    if (list.length > 257) throw new Error(`Sheet "${sheet.name}": list of column ${v.column} is too long for Excel`);
    const col = columnLetter(v.column);
    return (
      `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="${escapeXml(v.errorTitle)}" ` +
      `error="${escapeXml(v.error)}" sqref="${col}${v.fromRow}:${col}${v.toRow}"><formula1>${escapeXml(list)}</formula1></dataValidation>`
    );
  });
  return (
    XML_HEADER +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<dimension ref="A1:${last}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${rows.join('')}</sheetData>` +
    (validations.length
      ? `<dataValidations count="${validations.length}">${validations.join('')}</dataValidations>`
      : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '</worksheet>'
  );
}

/** The .xlsx file of the sheets, in their order. */
export function writeXlsx(sheets: ReadonlyArray<XlsxSheet>, options: { creator?: string; when?: Date } = {}): Buffer {
  const styles = new StyleTable();
  const strings = new StringTable();
  const names = new Set<string>();
  for (const sheet of sheets) {
    // Excel's own rules for sheet names (31 characters, none of : \ / ? * [ ]), checked here so a bad name fails loudly.
    if (!sheet.name || sheet.name.length > 31 || /[:\\/?*[\]]/.test(sheet.name)) {
      throw new Error(`Sheet name "${sheet.name}" is not allowed by Excel`);
    }
    if (names.has(sheet.name.toLowerCase())) throw new Error(`Sheet name "${sheet.name}" is used twice`);
    names.add(sheet.name.toLowerCase());
  }
  const worksheets = sheets.map((s) => sheetXml(s, styles, strings));
  const when = options.when ?? new Date();
  const iso = when.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const text = (s: string) => Buffer.from(s, 'utf8');
  return zip(
    [
      {
        name: '[Content_Types].xml',
        data: text(
          XML_HEADER +
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
            '<Default Extension="xml" ContentType="application/xml"/>' +
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
            worksheets
              .map(
                (_, i) =>
                  `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
              )
              .join('') +
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
            '</Types>',
        ),
      },
      {
        name: '_rels/.rels',
        data: text(
          XML_HEADER +
            `<Relationships xmlns="${PKG_REL_NS}">` +
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
            '</Relationships>',
        ),
      },
      {
        name: 'docProps/core.xml',
        data: text(
          XML_HEADER +
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
            (options.creator ? `<dc:creator>${escapeXml(options.creator)}</dc:creator>` : '') +
            `<dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created>` +
            `<dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified>` +
            '</cp:coreProperties>',
        ),
      },
      {
        name: 'xl/workbook.xml',
        data: text(
          XML_HEADER +
            `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
            '<bookViews><workbookView/></bookViews><sheets>' +
            sheets
              .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
              .join('') +
            '</sheets></workbook>',
        ),
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: text(
          XML_HEADER +
            `<Relationships xmlns="${PKG_REL_NS}">` +
            sheets
              .map(
                (_, i) =>
                  `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
              )
              .join('') +
            `<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
            `<Relationship Id="rId${sheets.length + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
            '</Relationships>',
        ),
      },
      ...worksheets.map((xml, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: text(xml) })),
      // Written after the sheets: the sheets fill the style and string tables.
      { name: 'xl/styles.xml', data: text(styles.xml()) },
      { name: 'xl/sharedStrings.xml', data: text(strings.xml()) },
    ],
    when,
  );
}
