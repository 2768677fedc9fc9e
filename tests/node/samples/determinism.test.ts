import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { hongNguRegistry } from '../../../src/core/units';
import { buildReports, generateReports } from '../../../src/node/samples';
import { setZipTimes } from '../../../src/node/samples/workbook';
import { loadWorkbook, rowTexts } from './support';

const units = hongNguRegistry().all();

test('the same seed gives byte-identical files and truth', async () => {
  const a = await buildReports({ seed: 42, count: 40, year: 2022, units });
  // Let the clock move on: zip entries must not carry the time of writing.
  await new Promise((resolve) => setTimeout(resolve, 2100));
  const b = await buildReports({ seed: 42, count: 40, year: 2022, units });
  expect(b.truthJson).toBe(a.truthJson);
  expect(b.files.map((f) => f.name)).toEqual(a.files.map((f) => f.name));
  a.files.forEach((file, i) => expect(b.files[i].bytes.equals(file.bytes)).toBe(true));
}, 30_000);

test('the same seed gives the same cell contents, written to different folders', async () => {
  const dirs = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-det-')));
  try {
    const sets = await Promise.all(
      dirs.map((outDir) => generateReports({ seed: 3, count: 12, year: 2022, units, outDir })),
    );
    expect(fs.readFileSync(path.join(dirs[0], 'truth.json'), 'utf8')).toBe(
      fs.readFileSync(path.join(dirs[1], 'truth.json'), 'utf8'),
    );
    for (const file of sets[0].truth.files.filter((f) => f.expect === 'imported')) {
      const [x, y] = await Promise.all(dirs.map((d) => loadWorkbook(fs.readFileSync(path.join(d, file.file)))));
      const wsx = x.getWorksheet(file.sheet as string);
      const wsy = y.getWorksheet(file.sheet as string);
      expect(wsx?.rowCount).toBe(wsy?.rowCount);
      for (let r = 1; r <= (wsx?.rowCount ?? 0); r++) {
        expect([...rowTexts(wsy!, r)]).toEqual([...rowTexts(wsx!, r)]);
      }
    }
  } finally {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  }
});

test('another seed gives another set', async () => {
  const a = await buildReports({ seed: 1, count: 10, year: 2022, units });
  const b = await buildReports({ seed: 2, count: 10, year: 2022, units });
  expect(b.truthJson).not.toBe(a.truthJson);
});

test('the truth is laid out like the shared samples: one file or record per line', async () => {
  const { truthJson, truth } = await buildReports({ seed: 9, count: 16, year: 2022, units });
  const lines = truthJson.split('\n');
  expect(lines[0]).toBe('{');
  expect(lines[1]).toBe(' "generator": {"name":"tdkt-samples","seed":9,"files":16},');
  expect(lines).toContain(' "files": [');
  expect(lines).toContain(' "records": [');
  const recordLines = lines.filter((l) => l.startsWith('  {"file":') && l.includes('"subject":'));
  expect(recordLines).toHaveLength(truth.records.length);
  expect(JSON.parse(truthJson)).toEqual(JSON.parse(JSON.stringify(truth)));
  // Field order of the samples.
  const first = JSON.parse(recordLines[0].replace(/,$/, ''));
  expect(Object.keys(first).slice(0, 11)).toEqual([
    'file',
    'sheet',
    'row',
    'kind',
    'subject',
    'name',
    'position',
    'unit',
    'award',
    'year',
    'expect',
  ]);
});

test('setZipTimes stamps every entry of a zip with the given time', async () => {
  const { files } = await buildReports({
    seed: 5,
    count: 3,
    year: 2022,
    units,
    mix: { copies: 0, truncated: 0, notZip: 0, empty: 0 },
  });
  const bytes = Buffer.from(files[0].bytes);
  setZipTimes(bytes, new Date(Date.UTC(2021, 5, 7, 9, 30, 0)));
  const time = (9 << 11) | (30 << 5);
  const day = ((2021 - 1980) << 9) | (6 << 5) | 7;
  let entries = 0;
  for (let i = 0; i + 4 <= bytes.length; i++) {
    if (bytes.readUInt32LE(i) === 0x02014b50) {
      expect([bytes.readUInt16LE(i + 12), bytes.readUInt16LE(i + 14)]).toEqual([time, day]);
      entries++;
    }
  }
  expect(entries).toBeGreaterThan(5);
  await expect(loadWorkbook(bytes)).resolves.toBeDefined();
});
