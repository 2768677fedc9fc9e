import type ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { matchAward } from '../../../src/core/awards';
import { canonicalTone, cleanText, matchKey, titleCaseName } from '../../../src/core/text';
import { hongNguRegistry, UnitRegistry } from '../../../src/core/units';
import { QUIRKS, generateReports, type GeneratedSet, type TruthRecord } from '../../../src/node/samples';
import { cellText, isEmptyWorksheet, loadWorkbook, rowTexts } from './support';

const COUNT = 200;
let dir: string;
let set: GeneratedSet;
let elapsed: number;
const books = new Map<string, ExcelJS.Workbook>();
const loadErrors = new Map<string, unknown>();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-samples-'));
  const started = Date.now();
  set = await generateReports({ seed: 11, count: COUNT, year: 2022, units: hongNguRegistry().all(), outDir: dir });
  elapsed = Date.now() - started;
  for (const file of set.truth.files) {
    try {
      books.set(file.file, await loadWorkbook(fs.readFileSync(path.join(dir, file.file))));
    } catch (err) {
      loadErrors.set(file.file, err);
    }
  }
}, 120_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const recordsOf = (file: string): TruthRecord[] => set.truth.records.filter((r) => r.file === file);
const person = (name: string): string => titleCaseName(canonicalTone(cleanText(name)));

test(`generating ${COUNT} files takes less than 20 s`, () => {
  expect(set.files).toHaveLength(COUNT);
  expect(elapsed).toBeLessThan(20_000);
});

test('writes the files in import order with receipt numbers, truth.json and units.csv', () => {
  const names = set.truth.files.map((f) => f.file);
  expect(names).toEqual(set.files.map((f) => f.name));
  expect([...names].sort()).toEqual(names); // code-point order is import order
  names.forEach((name, i) => expect(name.startsWith(String(i + 1).padStart(3, '0') + '_')).toBe(true));
  for (const name of names) expect(fs.existsSync(path.join(dir, name))).toBe(true);
  const written = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8'));
  expect(written).toEqual(JSON.parse(set.truthJson));
  expect(written.year).toBe(2022);
  // Units of 2022 only: the communes created by the 2025 mergers are left out.
  expect(written.units).toHaveLength(22);
  expect(written.units).not.toContain('Xã Thường Phước');
  const registry = UnitRegistry.fromCsv(fs.readFileSync(path.join(dir, 'units.csv'), 'utf8'));
  expect(registry.all().map((u) => u.name)).toEqual(written.units);
});

test('every quirk appears in the set', () => {
  const seen = new Set(set.truth.files.flatMap((f) => f.quirks));
  expect(QUIRKS.filter((q) => !seen.has(q))).toEqual([]);
  expect([...seen].filter((q) => !(QUIRKS as string[]).includes(q))).toEqual([]);
});

test('every file opens in exceljs except the planted broken ones', () => {
  for (const file of set.truth.files) {
    const broken = file.quirks.includes('truncated_zip') || file.quirks.includes('not_a_zip');
    if (broken) {
      expect(loadErrors.has(file.file)).toBe(true);
      expect(file.expect).toBe('failed');
      continue;
    }
    expect(loadErrors.get(file.file)).toBeUndefined();
    const wb = books.get(file.file) as ExcelJS.Workbook;
    if (file.quirks.includes('empty_workbook')) {
      expect(file).toMatchObject({ expect: 'failed', unit: null, kind: null });
      wb.eachSheet((ws) => expect(isEmptyWorksheet(ws)).toBe(true));
      continue;
    }
    expect(['imported', 'skipped']).toContain(file.expect);
  }
  const failed = set.truth.files.filter((f) => f.expect === 'failed');
  for (const q of ['truncated_zip', 'not_a_zip', 'empty_workbook']) {
    expect(failed.some((f) => f.quirks.includes(q))).toBe(true);
  }
});

test('byte-identical copies come after their original and are skipped', () => {
  const copies = set.truth.files.filter((f) => f.expect === 'skipped');
  expect(copies.length).toBeGreaterThan(0);
  const names = set.truth.files.map((f) => f.file);
  for (const copy of copies) {
    expect(copy.quirks).toEqual(['byte_identical_copy']);
    const original = set.truth.files.find((f) => f.file === copy.copy_of);
    expect(original?.expect).toBe('imported');
    expect(names.indexOf(copy.file)).toBeGreaterThan(names.indexOf(copy.copy_of as string));
    expect(copy).toMatchObject({ unit: original?.unit, kind: original?.kind });
    const a = fs.readFileSync(path.join(dir, copy.file));
    const b = fs.readFileSync(path.join(dir, copy.copy_of as string));
    expect(a.equals(b)).toBe(true);
    expect(recordsOf(copy.file)).toEqual([]);
  }
});

test('the data sheet is the only visible sheet with content, and its header row starts with STT', () => {
  for (const file of set.truth.files.filter((f) => f.expect === 'imported')) {
    const wb = books.get(file.file) as ExcelJS.Workbook;
    const ws = wb.getWorksheet(file.sheet as string) as ExcelJS.Worksheet;
    expect(ws).toBeDefined();
    expect(ws.state).toBe('visible');
    wb.eachSheet((other) => {
      if (other !== ws && other.state === 'visible') expect(isEmptyWorksheet(other)).toBe(true);
    });
    if (file.quirks.includes('hidden_sheet')) expect(wb.worksheets.some((s) => s.state === 'hidden')).toBe(true);
    const first = cleanText(rowTexts(ws, file.header_row as number).get(1) ?? '');
    expect(first).toMatch(/^(STT|Số TT|S TT|TT)$/);
    expect(recordsOf(file.file).length).toBeGreaterThan(0);
  }
});

/** The award a data row gets: from its own cells, a ticked column's header, or the section row above. */
function awardsAround(ws: ExcelJS.Worksheet, headerRow: number, row: number): Set<string> {
  const found = new Set<string>();
  const add = (text: string): void => {
    const m = matchAward(text);
    if (m.award) found.add(m.award.name);
  };
  const texts = rowTexts(ws, row);
  for (const text of texts.values()) add(text);
  for (const [col, text] of texts) {
    if (/^x$/i.test(text.trim())) {
      add(cellText(ws.getCell(headerRow + 1, col)));
      add(cellText(ws.getCell(headerRow, col)));
    }
  }
  // The nearest section row above: one text, in the first columns or merged across.
  for (let r = row - 1; r > headerRow; r--) {
    const above = rowTexts(ws, r);
    const distinct = new Set(above.values());
    if (distinct.size === 1 && [...above.keys()][0] <= 2) {
      const text = [...distinct][0];
      if (matchAward(text).award) {
        add(text);
        break;
      }
    }
  }
  return found;
}

test('every record points to a row holding its name, position and award', () => {
  let checked = 0;
  for (const file of set.truth.files.filter((f) => f.expect === 'imported')) {
    const ws = (books.get(file.file) as ExcelJS.Workbook).getWorksheet(file.sheet as string) as ExcelJS.Worksheet;
    for (const rec of recordsOf(file.file)) {
      const where = `${file.file} row ${rec.row} (${rec.name})`;
      expect(rec.row).toBeGreaterThan(file.header_row as number);
      const texts = rowTexts(ws, rec.row);
      const cols = [...texts.keys()];
      const values = [...texts.values()].map((t) => cleanText(t));
      if (rec.subject === 'individual') {
        const single = values.some((v) => person(v) === rec.name);
        const split = cols.some((c) => texts.has(c + 1) && person(`${texts.get(c)} ${texts.get(c + 1)}`) === rec.name);
        if (!single && !split) throw new Error(`${where}: name not found in ${JSON.stringify(values)}`);
        if (rec.position === null) throw new Error(`${where}: an individual without a position`);
        if (!values.includes(rec.position)) throw new Error(`${where}: position "${rec.position}" not in row`);
      } else {
        expect(rec.position).toBeNull();
        if (!values.includes(rec.name)) throw new Error(`${where}: collective not in ${JSON.stringify(values)}`);
      }
      if (rec.award === null) {
        expect(rec.expect).toBe('invalid');
        const hits = [...texts.values()].filter((t) => matchAward(t).award !== null);
        if (hits.length > 0) throw new Error(`${where}: missing award, yet the row names ${hits.join(', ')}`);
      } else if (matchAward(rec.award).award === null) {
        expect(rec.expect).toBe('invalid');
        if (!values.includes(rec.award)) throw new Error(`${where}: unknown award "${rec.award}" not written`);
      } else {
        const found = awardsAround(ws, file.header_row as number, rec.row);
        if (!found.has(rec.award)) throw new Error(`${where}: award ${rec.award} not found (${[...found].join(', ')})`);
      }
      expect(rec.unit).toBe(file.unit);
      expect(rec.kind).toBe(file.kind);
      expect(rec.year).toBe(2022);
      checked++;
    }
  }
  expect(checked).toBe(set.truth.records.length);
});

test('the title of every readable report states the year; nominations dated the next year say so', () => {
  for (const file of set.truth.files.filter((f) => f.expect === 'imported')) {
    const ws = (books.get(file.file) as ExcelJS.Workbook).getWorksheet(file.sheet as string) as ExcelJS.Worksheet;
    const title: string[] = [];
    for (let r = 1; r < (file.header_row as number); r++) title.push(...rowTexts(ws, r).values());
    const text = cleanText(title.join(' | '));
    expect(text).toMatch(/(NĂM|[Nn]ăm) 2022/);
    expect(text).toMatch(file.kind === 'registration' ? /ĐĂNG KÝ/ : /ĐỀ NGHỊ/);
    if (file.quirks.includes('date_next_year')) {
      const all: string[] = [];
      ws.eachRow((row, r) => all.push(...rowTexts(ws, r).values()));
      expect(all.join(' ')).toMatch(/năm 2023|\/2023/);
    }
  }
});

test('duplicates and conflicts follow the identity rules', () => {
  const firsts = new Map<string, TruthRecord>();
  for (const r of set.truth.records) {
    const key = `${r.kind}|${r.subject}|${matchKey(r.name)}|${r.year}`;
    if (r.expect === 'invalid') {
      expect(r.award === null || matchAward(r.award).award === null).toBe(true);
      continue;
    }
    const first = firsts.get(key);
    if (!first) {
      firsts.set(key, r);
      expect(r.expect).toBe('ok');
      expect(r.ref).toBeUndefined();
      continue;
    }
    if (first.file === r.file) {
      expect(r.expect).toBe('ok');
      expect(r.row).toBe(first.row); // several awards of one row
      continue;
    }
    const expected = first.award === r.award ? 'duplicate' : 'conflict';
    expect(r.expect).toBe(expected);
    expect(r.ref).toEqual({ file: first.file, sheet: first.sheet, row: first.row, award: first.award });
    expect(r.planted).toContain(expected);
    expect(first.planted).toContain(`${expected}_first`);
  }
  const expects = new Set(set.truth.records.map((r) => r.expect));
  expect([...expects].sort()).toEqual(['conflict', 'duplicate', 'invalid', 'ok']);
});

test('names are unique across the set except the planted repeats', () => {
  const files = new Map<string, Set<string>>();
  for (const r of set.truth.records) {
    const key = `${r.kind}|${r.subject}|${matchKey(r.name)}`;
    const seen = files.get(key) ?? new Set();
    if (seen.size > 0 && !seen.has(r.file))
      expect(r.planted?.some((p) => p === 'duplicate' || p === 'conflict')).toBe(true);
    seen.add(r.file);
    files.set(key, seen);
  }
  for (const seen of files.values()) expect(seen.size).toBeLessThanOrEqual(2);
  // Rows planted as invalid are people listed nowhere else.
  const count = new Map<string, number>();
  for (const r of set.truth.records) count.set(matchKey(r.name), (count.get(matchKey(r.name)) ?? 0) + 1);
  for (const r of set.truth.records.filter((x) => x.expect === 'invalid')) expect(count.get(matchKey(r.name))).toBe(1);
});

test('CSTĐCS nominations carry not_registered exactly when no registration for it exists', () => {
  const CSTDCS = 'Chiến sĩ thi đua cơ sở';
  const registered = new Set(
    set.truth.records
      .filter((r) => r.kind === 'registration' && r.award === CSTDCS)
      .map((r) => `${r.subject}|${matchKey(r.name)}`),
  );
  let withNote = 0;
  let tagged = 0;
  for (const r of set.truth.records.filter((x) => x.kind === 'nomination' && x.award === CSTDCS)) {
    const has = registered.has(`${r.subject}|${matchKey(r.name)}`);
    expect(r.notes?.includes('not_registered') ?? false).toBe(!has);
    expect(r.planted?.includes('registered_then_nominated') ?? false).toBe(has);
    if (has) tagged++;
    else withNote++;
  }
  expect(withNote).toBeGreaterThan(0);
  expect(tagged).toBeGreaterThan(0);
  for (const r of set.truth.records.filter((x) => x.notes)) expect(r.award).toBe(CSTDCS);
});

test('formula-looking positions are text cells and marked as bait', () => {
  const baits = set.truth.records.filter((r) => r.bait);
  expect(baits.length).toBeGreaterThan(0);
  for (const r of baits) {
    expect(r.bait).toBe('position');
    expect(r.position).toMatch(/^[=+@]/);
    expect(r.planted).toContain('formula_bait');
    const ws = (books.get(r.file) as ExcelJS.Workbook).getWorksheet(r.sheet) as ExcelJS.Worksheet;
    let asText = false;
    ws.getRow(r.row).eachCell((cell) => {
      if (cleanText(cellText(cell)) === r.position)
        asText = typeof cell.value === 'string' || 'richText' in Object(cell.value);
    });
    expect(asText).toBe(true);
  }
});

test('legacy files decode to the truth: encodings and fonts as recorded', () => {
  for (const file of set.truth.files.filter((f) => f.expect === 'imported')) {
    const ws = (books.get(file.file) as ExcelJS.Workbook).getWorksheet(file.sheet as string) as ExcelJS.Worksheet;
    const fonts = new Set<string>();
    const first = recordsOf(file.file)[0];
    ws.getRow(first.row).eachCell((cell) => fonts.add(cell.font?.name ?? ''));
    if (file.encoding === 'tcvn3') expect([...fonts].every((f) => f.startsWith('.Vn'))).toBe(true);
    if (file.encoding === 'vni') expect([...fonts]).toEqual(['VNI-Times']);
    if (file.encoding === 'unicode') expect([...fonts]).toEqual(['Times New Roman']);
    if (file.quirks.includes('vntimeh_caps')) {
      let h = false;
      ws.eachRow((row) => row.eachCell((cell) => (h ||= cell.font?.name === '.VnTimeH')));
      expect(h).toBe(true);
    }
  }
});
