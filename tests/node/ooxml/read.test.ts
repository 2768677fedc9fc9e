/**
 * The lite .xlsx reader (src/node/ooxml/read.ts) against exceljs, the
 * reference: the grids built from both must be the same, cell by cell (text,
 * encoding, number, formula, bold, merge extent), with the same hidden rows,
 * sheet names and hidden sheets; and readReport must give the same
 * ExtractedFile with either engine. On the shared samples (when present), a
 * generated set, workbooks written by exceljs with the features units use,
 * and hand-made parts exceljs cannot write. What the lite reader leaves to
 * exceljs (hyperlinks, inline strings, ZIP64…) must make it step aside.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { crc32 } from 'zlib';
import { hongNguRegistry } from '../../../src/core/units';
import { buildGrid, buildLiteGrid, type Grid } from '../../../src/node/import/read/grid';
import { loadWorkbookLite, readZipDirectory, slideFormula } from '../../../src/node/ooxml/read';
import { readReport, ReportError } from '../../../src/node/import/read';
import { buildReports } from '../../../src/node/samples';
import { SAMPLE_REPORTS } from '../../support/shared';

const SAMPLES = SAMPLE_REPORTS;

/** Everything a grid says, as lines (cells of each row, the master each position points at, hidden rows). */
function dumpGrid(g: Grid): string[] {
  const out = [`${g.name}: ${g.rowCount} rows, ${g.colCount} columns`];
  for (let r = 1; r <= g.rowCount; r++) {
    const own = g.own(r);
    if (own.length > 0 && g.hidden(r)) out.push(`row ${r} hidden`);
    for (const c of own) out.push(JSON.stringify(c));
    for (let col = 1; col <= g.colCount; col++) {
      const at = g.at(r, col);
      if (at && (at.row !== r || at.col !== col)) out.push(`${r}:${col} → ${at.row}:${at.col}`);
    }
  }
  return out;
}

async function excelDump(bytes: Buffer): Promise<string[] | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    return null;
  }
  return wb.worksheets.flatMap((ws) => [
    `sheet ${ws.name} ${ws.state === 'hidden' || ws.state === 'veryHidden' ? 'hidden' : 'visible'} ${ws.actualRowCount === 0 ? 'empty' : 'content'}`,
    ...dumpGrid(buildGrid(ws)),
  ]);
}

function liteDump(bytes: Buffer): string[] | null {
  const wb = loadWorkbookLite(bytes);
  if (!wb) return null;
  return wb.worksheets.flatMap((ws) => [
    `sheet ${ws.name} ${ws.state === 'hidden' || ws.state === 'veryHidden' ? 'hidden' : 'visible'} ${ws.actualRowCount === 0 ? 'empty' : 'content'}`,
    ...dumpGrid(buildLiteGrid(ws)),
  ]);
}

async function expectSameGrids(bytes: Buffer, what: string): Promise<void> {
  const lite = liteDump(bytes);
  const excel = await excelDump(bytes);
  expect({ what, lite: lite !== null }).toEqual({ what, lite: true });
  expect({ what, grids: lite }).toEqual({ what, grids: excel });
}

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ── A minimal zip writer (stored entries) for hand-made parts ──────────────

function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** An .xlsx from hand-written parts: one worksheet per entry of `sheets` (name → sheetData and more). */
function handMade(options: {
  sheets: Array<{ name: string; xml: string; state?: string }>;
  sharedStrings?: string;
  styles?: string;
  workbookPr?: string;
}): Buffer {
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="xml" ContentType="application/xml"/></Types>',
    'xl/workbook.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<workbook ${NS} ${RNS}>${options.workbookPr ?? ''}<sheets>` +
      options.sheets
        .map(
          (s, i) =>
            `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
        )
        .join('') +
      '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      options.sheets
        .map(
          (_s, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('') +
      '</Relationships>',
  };
  options.sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] =
      `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS} ${RNS}>${s.xml}</worksheet>`;
  });
  if (options.sharedStrings) files['xl/sharedStrings.xml'] = `<sst ${NS}>${options.sharedStrings}</sst>`;
  if (options.styles) files['xl/styles.xml'] = `<styleSheet ${NS}>${options.styles}</styleSheet>`;
  return zip(files);
}

const STYLES =
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="&quot;Năm&quot;\\ 0"/></numFmts>' +
  '<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><name val=".VnTime"/></font>' +
  '<font><b val="0"/><name val="VNI-Times"/></font></fonts>' +
  '<cellXfs count="5"><xf numFmtId="0" fontId="0"/><xf numFmtId="0" fontId="1"/><xf numFmtId="164" fontId="0"/>' +
  '<xf numFmtId="14" fontId="2"/><xf numFmtId="165" fontId="0"/></cellXfs>';

describe('lite reader and exceljs give the same grids', () => {
  jest.setTimeout(120_000);

  (fs.existsSync(SAMPLES) ? it : it.skip)('on the shared sample reports', async () => {
    let read = 0;
    for (const name of fs.readdirSync(SAMPLES).filter((n) => n.endsWith('.xlsx'))) {
      const bytes = fs.readFileSync(path.join(SAMPLES, name));
      if ((await excelDump(bytes)) === null) continue; // broken on purpose
      await expectSameGrids(bytes, name);
      read++;
    }
    expect(read).toBeGreaterThanOrEqual(13);
  });

  it('on a generated set (every layout quirk, legacy encodings, formulas, merges)', async () => {
    const set = await buildReports({ seed: 5, count: 40, year: 2022, units: hongNguRegistry().all() });
    let read = 0;
    for (const file of set.files) {
      if ((await excelDump(file.bytes)) === null) continue;
      await expectSameGrids(file.bytes, file.name);
      read++;
    }
    expect(read).toBeGreaterThan(30);
  });

  it('on what exceljs writes: rich text, fonts, dates, booleans, errors, formulas, shared formulas, merges, hidden rows and sheets', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('DS');
      ws.getCell('A1').value = {
        richText: [
          { text: 'Hä ', font: { name: '.VnTime', bold: true } },
          { text: 'Néi', font: { bold: true } },
        ],
      };
      ws.getCell('A1').font = { name: '.VnTime' };
      ws.getCell('B1').value = 'Lª V¨n An';
      ws.getCell('B1').font = { name: '.VnTime', bold: true };
      ws.getCell('C1').value = new Date(Date.UTC(2022, 11, 5));
      ws.getCell('D1').value = true;
      ws.getCell('E1').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
      ws.getCell('F1').value = 12.5;
      ws.getCell('A2').value = 1;
      for (let r = 3; r <= 6; r++) ws.getCell(`A${r}`).value = { formula: `A${r - 1}+1`, result: r - 1 };
      ws.getCell('B3').value = { formula: 'A3*0', result: 0 }; // exceljs drops a result of 0
      ws.getCell('B4').value = { formula: 'Trưởng ấp' }; // no cached value: kept as typed
      ws.getCell('C3').value = { formula: 'TODAY()', result: new Date(Date.UTC(2023, 0, 2)) };
      ws.getCell('D3').value = 'x';
      ws.getCell('D4').value = { sharedFormula: 'A4', result: 3 } as ExcelJS.CellSharedFormulaValue;
      ws.getCell('C2').value = { formula: 'B1&"!"', result: 'Lª V¨n An!' };
      ws.getCell('C2').font = { name: '.VnTime' };
      ws.mergeCells('E2:F3');
      ws.getCell('E2').value = 'Gộp';
      ws.mergeCells('B6:B8');
      ws.getCell('B6').value = 'LĐTT';
      ws.mergeCells('C6:C7'); // an empty merged cell
      ws.getRow(5).hidden = true;
      ws.getCell('A9').value = '  \u00a0 ';
      ws.getCell('B9').value = 'Họ\r\nvà tên';
      const hidden = wb.addWorksheet('Cũ', { state: 'hidden' });
      hidden.getCell('A1').value = 'TH cũ';
      wb.addWorksheet('Trống');
      wb.addWorksheet('Ẩn trống', { state: 'veryHidden' });
    });
    await expectSameGrids(bytes, 'exceljs workbook');
  });

  it('on hand-made parts: escapes, entities, phonetic runs, str results, custom date formats, 1904 dates, s="0"', async () => {
    const shared =
      '<si><t>Nguy&#7877;n&#x20;V&#259;n A_x000D_B</t></si>' +
      '<si><r><rPr><b/><rFont val=".VnTime"/></rPr><t xml:space="preserve">Lª </t></r><r><t>V¨n</t></r><r><rPr><b val="0"/></rPr><t>!</t></r></si>' +
      '<si><t>Phòng</t><rPh sb="0" eb="1"><t>ふ</t></rPh><phoneticPr fontId="1"/></si>' +
      '<si><t>a &lt; b &amp; c</t></si>' +
      '<si/>' +
      '<si><t>L\u00aa V\u00a8n B\u00ecnh</t></si>';
    const sheet =
      '<sheetPr/><dimension ref="A1:F4"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>\r\n' +
      '<sheetData>\r\n' +
      '<row r="1" spans="1:6"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s" s="1"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
      '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s" s="1"><v>4</v></c><c r="F1" t="s" s="1"><v>5</v></c></row>\r\n' +
      '<row r="2" hidden="true"><c r="A2" s="2"><v>44900</v></c><c r="B2" s="3"><v>44900.5</v></c><c r="C2" s="4"><v>2022</v></c>' +
      '<c r="D2" t="str"><f>"&amp;amp;"&amp;"x"</f><v>&amp;amp;x</v></c><c r="E2" t="b"><v>0</v></c><c r="F2" t="e"><v>#REF!</v></c></row>\r\n' +
      '<row r="3"><c r="A3" s="0"><v>7</v></c><c r="B3"><f t="shared" ref="B3:B4" si="0">A3+$A$3+Sheet2!A3+SUM(A3:A4)</f><v>21</v></c>' +
      '<c r="C3" t="str"><v>&lt;i&gt;</v></c><c r="D3" s="2"><f>A2</f><v>0</v></c></row>\r\n' +
      '<row r="4"><c r="A4"><v>8</v></c><c r="B4"><f t="shared" si="0"/><v>24</v></c><c r="C4" s="1"/><c r="D4"><f>1/0</f><v>#DIV/0!</v></c></row>\r\n' +
      '</sheetData>\r\n<mergeCells count="1"><mergeCell ref="E3:F4"/></mergeCells><pageMargins left="0.7"/><!-- the end -->';
    for (const workbookPr of ['', '<workbookPr date1904="1"/>']) {
      const bytes = handMade({
        sheets: [
          { name: 'DS &amp;amp; KT', xml: sheet },
          { name: 'Ẩn', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>', state: 'hidden' },
        ],
        sharedStrings: shared,
        styles: STYLES,
        workbookPr,
      });
      await expectSameGrids(bytes, `hand-made ${workbookPr}`);
    }
  });

  it('steps aside for what it leaves to exceljs', async () => {
    const withLink = await workbookBytes((wb) => {
      wb.addWorksheet('DS').getCell('A1').value = { text: 'Trang', hyperlink: 'https://example.org' };
    });
    expect(loadWorkbookLite(withLink)).toBeNull();
    const inline = handMade({
      sheets: [
        {
          name: 'DS',
          xml: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Họ tên</t></is></c></row></sheetData>',
        },
      ],
    });
    expect(loadWorkbookLite(inline)).toBeNull();
    const noAddress = handMade({
      sheets: [{ name: 'DS', xml: '<sheetData><row r="1"><c><v>1</v></c></row></sheetData>' }],
    });
    expect(loadWorkbookLite(noAddress)).toBeNull();
    const prefixed = handMade({
      sheets: [{ name: 'DS', xml: '<x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData>' }],
    });
    expect(loadWorkbookLite(prefixed)).toBeNull();
    const overlapping = handMade({
      sheets: [
        { name: 'DS', xml: '<sheetData/><mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>' },
      ],
    });
    expect(loadWorkbookLite(overlapping)).toBeNull();
    const hugeMerge = handMade({
      sheets: [{ name: 'DS', xml: '<sheetData/><mergeCells><mergeCell ref="A1:Z5000"/></mergeCells>' }],
    });
    expect(loadWorkbookLite(hugeMerge, { maxMergeCells: 100_000, maxTotalMergeCells: 1_000_000 })).toBeNull();
    const cdata = handMade({
      sheets: [{ name: 'DS', xml: '<sheetData/>' }],
      sharedStrings: '<si><t><![CDATA[a < b]]></t></si>',
    });
    expect(loadWorkbookLite(cdata)).toBeNull(); // exceljs drops the text of CDATA sections
    const entity = handMade({
      sheets: [{ name: 'DS', xml: '<sheetData><row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row></sheetData>' }],
    });
    expect(loadWorkbookLite(entity)).toBeNull();
    expect(loadWorkbookLite(Buffer.from('not a zip'))).toBeNull();
  });

  it('reads the zip directory itself, and refuses what is unusual', () => {
    const bytes = handMade({ sheets: [{ name: 'DS', xml: '<sheetData/>' }] });
    expect(readZipDirectory(bytes).map((e) => e.name)).toEqual([
      '[Content_Types].xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(() => readZipDirectory(bytes.subarray(0, bytes.length - 30))).toThrow();
  });

  it('moves shared formulas as exceljs does', () => {
    expect(slideFormula('A3+$A$3+B$2+$C4+Sheet2!A3+SUM(A3:A4)', 'B3', 'B5')).toBe(
      'A5+$A$3+B$2+$C6+Sheet2!A5+SUM(A5:A6)',
    );
    expect(slideFormula('A1+1', 'A2', 'C2')).toBe('C1+1');
  });
});

describe('readReport gives the same ExtractedFile with either engine', () => {
  jest.setTimeout(120_000);
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-ooxml-'))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function both(file: string): Promise<[unknown, unknown]> {
    const run = async (engine: 'auto' | 'exceljs'): Promise<unknown> => {
      try {
        return await readReport(file, { engine });
      } catch (e) {
        if (!(e instanceof ReportError)) throw e;
        return { error: e.code, message: e.message };
      }
    };
    return [await run('auto'), await run('exceljs')];
  }

  it('on a generated set with broken files mixed in', async () => {
    const set = await buildReports({ seed: 9, count: 30, year: 2022, units: hongNguRegistry().all() });
    for (const file of set.files) {
      const target = path.join(dir, file.name);
      fs.writeFileSync(target, file.bytes);
      const [lite, excel] = await both(target);
      expect({ file: file.name, result: lite }).toEqual({ file: file.name, result: excel });
    }
  });

  (fs.existsSync(SAMPLES) ? it : it.skip)('on the shared samples', async () => {
    for (const name of fs.readdirSync(SAMPLES).filter((n) => n.endsWith('.xlsx'))) {
      const [lite, excel] = await both(path.join(SAMPLES, name));
      expect({ file: name, result: lite }).toEqual({ file: name, result: excel });
    }
  });
});
