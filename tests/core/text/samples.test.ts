/**
 * The decoders against real-looking unit reports (../shared/samples): the
 * TCVN3 and VNI files must decode to the names and positions the ground truth
 * lists, and the Unicode files must come through untouched.
 *
 * The samples are not part of the project; without them this suite is skipped.
 * TDKT_SHARED may point to another copy of ../shared.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { decodeLegacy, matchKey, scoreSyllables, type DecodeResult } from '../../../src/core/text';
import { SAMPLE_REPORTS } from '../../support/shared';

const SAMPLES = SAMPLE_REPORTS;
const TRUTH = path.join(SAMPLES, 'truth.json');
const available = fs.existsSync(TRUTH);

interface TruthFile {
  file: string;
  expect: string;
  encoding?: 'unicode' | 'tcvn3' | 'vni';
}
interface TruthRecord {
  file: string;
  sheet: string;
  row: number;
  name: string;
  position: string | null;
}
interface Truth {
  files: TruthFile[];
  records: TruthRecord[];
}

/** One text cell (or rich-text run) with its decoding by font and by content alone. */
interface DecodedText {
  sheet: string;
  row: number;
  raw: string;
  byFont: DecodeResult;
  byContent: DecodeResult;
}

/** Reads every string and rich-text cell; each rich-text run is decoded with its own font. */
async function decodeWorkbook(file: string): Promise<DecodedText[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(SAMPLES, file));
  const out: DecodedText[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row, rowNumber) => {
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return; // the master cell holds the text
        const value = cell.value;
        const runs: Array<{ text: string; font?: string }> = [];
        if (typeof value === 'string') runs.push({ text: value, font: cell.font?.name });
        else if (value && typeof value === 'object' && 'richText' in value) {
          for (const run of value.richText) runs.push({ text: run.text, font: run.font?.name ?? cell.font?.name });
        }
        for (const run of runs) {
          out.push({
            sheet: sheet.name,
            row: rowNumber,
            raw: run.text,
            byFont: decodeLegacy(run.text, { font: run.font }),
            byContent: decodeLegacy(run.text),
          });
        }
      });
    });
  });
  return out;
}

/** Characters decoded Vietnamese text may contain: anything else is leftover mojibake. */
const CLEAN_CHAR = /[\x20-\x7e\n\r\t\u00a0“”‘’–—…•\p{Script=Latin}]/u;
const VIETNAMESE_OR_ASCII = /^[\x00-\x7fàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]$/i;

const truth: Truth = available ? JSON.parse(fs.readFileSync(TRUTH, 'utf8')) : { files: [], records: [] };
const legacyFiles = truth.files.filter(
  (f) => f.expect === 'imported' && (f.encoding === 'tcvn3' || f.encoding === 'vni'),
);
const unicodeFiles = truth.files.filter((f) => f.expect === 'imported' && f.encoding === 'unicode');

const describeSamples = available ? describe : describe.skip;

describeSamples(available ? 'sample reports' : `sample reports (skipped: ${SAMPLES} not found)`, () => {
  const decoded = new Map<string, DecodedText[]>();
  beforeAll(async () => {
    for (const f of [...legacyFiles, ...unicodeFiles]) decoded.set(f.file, await decodeWorkbook(f.file));
  });

  it('has TCVN3 and VNI files to check', () => {
    expect(legacyFiles.map((f) => f.encoding).sort()).toEqual(expect.arrayContaining(['tcvn3', 'vni']));
  });

  it('decodes every expected name and position of the legacy files, on its row', () => {
    let checked = 0;
    for (const record of truth.records) {
      if (!legacyFiles.some((f) => f.file === record.file)) continue;
      const rowText = (decoded.get(record.file) ?? [])
        .filter((t) => t.sheet === record.sheet && t.row === record.row)
        .map((t) => t.byFont.text)
        .join(' ');
      // Names may be in capitals (.VnTimeH) and positions may hold line breaks: compare keys.
      const key = ` ${matchKey(rowText)} `;
      expect({ record: `${record.file} row ${record.row}`, found: key.includes(` ${matchKey(record.name)} `) }).toEqual(
        {
          record: `${record.file} row ${record.row}`,
          found: true,
        },
      );
      if (record.position) expect(key).toContain(` ${matchKey(record.position)} `);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('finds each legacy file in the encoding the truth gives, and leaves no mojibake', () => {
    for (const f of legacyFiles) {
      const texts = decoded.get(f.file) ?? [];
      const changed = texts.filter((t) => t.byFont.changed);
      expect(changed.length).toBeGreaterThan(20);
      for (const t of changed) expect([t.raw, t.byFont.encoding]).toEqual([t.raw, f.encoding]);
      for (const t of texts) {
        const bad = [...t.byFont.text].filter((ch) => !CLEAN_CHAR.test(ch) || !VIETNAMESE_OR_ASCII.test(ch));
        expect([t.byFont.text, bad]).toEqual([t.byFont.text, []]);
      }
      const score = texts.reduce(
        (sum, t) => {
          const s = scoreSyllables(t.byFont.text);
          return { valid: sum.valid + s.valid, invalid: sum.invalid + s.invalid };
        },
        { valid: 0, invalid: 0 },
      );
      // Acronyms such as "LĐTT" are the only ill-formed words expected.
      expect(score.invalid / (score.valid + score.invalid)).toBeLessThan(0.05);
    }
  });

  it('mostly finds legacy text by content alone, when fonts are ignored', () => {
    for (const f of legacyFiles) {
      const changedByFont = (decoded.get(f.file) ?? []).filter((t) => t.byFont.changed);
      const agree = changedByFont.filter((t) => t.byContent.text.toLowerCase() === t.byFont.text.toLowerCase());
      // The rest are single ambiguous words ("Ghi chó" is valid Unicode too) or acronyms.
      expect(agree.length / changedByFont.length).toBeGreaterThan(0.9);
    }
  });

  it('leaves the Unicode files as they are (apart from NFC)', () => {
    expect(unicodeFiles.length).toBeGreaterThan(0);
    for (const f of unicodeFiles) {
      for (const t of decoded.get(f.file) ?? []) {
        for (const result of [t.byFont, t.byContent]) {
          expect([t.raw, result.encoding, result.text]).toEqual([t.raw, 'unicode', t.raw.normalize('NFC')]);
        }
      }
    }
  });
});
