/**
 * Scores the reader against the ground truth of the shared sample reports
 * (../shared/samples/reports/truth.json), field by field, and prints the
 * scores. The samples are the minimum: every field must score 100%.
 *
 * What is compared (reading only; outcomes such as duplicate/conflict belong
 * to reconciliation):
 * - files: failed or not; kind, sheet, header row, encoding; the sending unit
 *   (the unit text must match the truth's unit through the registry in units.csv);
 * - records, matched by file, sheet, row and award: kind, subject, name,
 *   position, award (the text must match the truth's canonical award through
 *   matchAward, or be the literal out-of-catalogue text; an empty award is also
 *   accepted there), year; plus records missing and records extra;
 * - a byte-identical copy ("skipped") must read exactly like its original.
 */
import * as fs from 'fs';
import * as path from 'path';
import { matchAward } from '../../../src/core/awards';
import { UnitRegistry, matchUnit } from '../../../src/core/units';
import type { ExtractedFile, ExtractedRecord } from '../../../src/core/reconcile/types';
import { readReport, ReportError } from '../../../src/node/import/read';
import { SAMPLE_REPORTS } from '../../support/shared';
import type { TruthFile as ScoredTruthFile, TruthRecord } from './score';

const DIR = SAMPLE_REPORTS;
const TRUTH = path.join(DIR, 'truth.json');
const available = fs.existsSync(TRUTH);

/** A truth file with what only the reader is scored on (see ../shared/samples/README.md). */
interface TruthFile extends ScoredTruthFile {
  sheet?: string;
  header_row?: number;
  encoding?: string;
  copy_of?: string;
}

type Score = { ok: number; total: number; misses: string[] };

function awardMatches(record: ExtractedRecord, truth: string | null): boolean {
  if (truth === null) return record.awardText === null;
  if (record.awardText === null) {
    // Accepted only for an award in no catalogue (the scorer's rule).
    return matchAward(truth).award === null;
  }
  const found = matchAward(record.awardText, { subject: record.subject, year: record.year ?? undefined });
  if (found.award) return found.award.name === truth;
  return record.awardText === truth;
}

(available ? describe : describe.skip)('reader against the sample ground truth', () => {
  if (!available) {
    it.skip(`samples absent (${TRUTH}): nothing to score`, () => undefined);
    return;
  }
  const truth = JSON.parse(fs.readFileSync(TRUTH, 'utf8')) as { files: TruthFile[]; records: TruthRecord[] };
  const registry = UnitRegistry.fromCsv(fs.readFileSync(path.join(DIR, 'units.csv'), 'utf8'));
  const read = new Map<string, ExtractedFile | ReportError>();
  const timings: Array<[string, number]> = [];

  beforeAll(async () => {
    for (const f of truth.files) {
      const started = process.hrtime.bigint();
      try {
        read.set(f.file, await readReport(path.join(DIR, f.file)));
      } catch (e) {
        if (!(e instanceof ReportError)) throw e;
        read.set(f.file, e);
      }
      timings.push([f.file, Number(process.hrtime.bigint() - started) / 1e6]);
    }
  }, 120_000);

  it('scores 100% on every field', () => {
    const fields = [
      'failed',
      'file.kind',
      'file.sheet',
      'file.header_row',
      'file.encoding',
      'file.unit',
      'copy',
      'rec.found',
      'rec.kind',
      'rec.subject',
      'rec.name',
      'rec.position',
      'rec.award',
      'rec.year',
      'rec.extra',
    ];
    const scores = new Map<string, Score>(fields.map((f) => [f, { ok: 0, total: 0, misses: [] }]));
    const score = (field: string, ok: boolean, miss: string): void => {
      const s = scores.get(field)!;
      s.total++;
      if (ok) s.ok++;
      else s.misses.push(miss);
    };

    for (const f of truth.files) {
      const got = read.get(f.file)!;
      const failed = got instanceof ReportError;
      score('failed', failed === (f.expect === 'failed'), `${f.file}: ${failed ? (got as Error).message : 'read'}`);
      if (failed) {
        // The message names the file.
        expect((got as ReportError).message).toContain(`«${f.file}»`);
        continue;
      }
      const file = got as ExtractedFile;
      if (f.expect === 'skipped' && f.copy_of) {
        const original = read.get(f.copy_of) as ExtractedFile;
        const strip = (x: ExtractedFile): unknown => x.records.map((r) => ({ ...r, file: '' }));
        score(
          'copy',
          file.sha256 === original.sha256 && JSON.stringify(strip(file)) === JSON.stringify(strip(original)),
          f.file,
        );
        continue;
      }
      if (f.expect !== 'imported') continue;
      score('file.kind', file.kind === f.kind, `${f.file}: ${file.kind} ≠ ${f.kind}`);
      score('file.sheet', file.sheet === f.sheet, `${f.file}: ${file.sheet} ≠ ${f.sheet}`);
      score('file.header_row', file.headerRow === f.header_row, `${f.file}: ${file.headerRow} ≠ ${f.header_row}`);
      score('file.encoding', file.encoding === f.encoding, `${f.file}: ${file.encoding} ≠ ${f.encoding}`);
      const unit = file.unitText ? matchUnit(registry, file.unitText).unit?.name : undefined;
      score('file.unit', unit === f.unit, `${f.file}: «${file.unitText}» → ${unit} ≠ ${f.unit}`);

      const expected = truth.records.filter((r) => r.file === f.file);
      const pool = file.records.filter((r) => path.basename(r.file) === f.file);
      const used = new Set<ExtractedRecord>();
      for (const t of expected) {
        const where = `${f.file} ${t.sheet}!${t.row} ${t.name}`;
        const candidates = pool.filter((r) => !used.has(r) && r.sheet === t.sheet && r.row === t.row);
        const rec = candidates.find((r) => awardMatches(r, t.award)) ?? candidates[0];
        score('rec.found', rec !== undefined, where);
        if (!rec) continue;
        used.add(rec);
        score('rec.kind', rec.kind === t.kind, `${where}: ${rec.kind}`);
        score('rec.subject', rec.subject === t.subject, `${where}: ${rec.subject}`);
        score('rec.name', rec.name === t.name, `${where}: «${rec.name}»`);
        score('rec.position', rec.position === t.position, `${where}: «${rec.position}» ≠ «${t.position}»`);
        score('rec.award', awardMatches(rec, t.award), `${where}: «${rec.awardText}» ≠ «${t.award}»`);
        score('rec.year', rec.year === t.year, `${where}: ${rec.year}`);
      }
      for (const r of pool) {
        score(
          'rec.extra',
          used.has(r),
          `${f.file} ${r.sheet}!${r.row} «${r.name}» «${r.awardText}» (not in the truth)`,
        );
      }
    }

    const lines = ['Reader scores on the samples (ok/total):'];
    for (const [field, s] of scores) {
      const pct = s.total ? ((100 * s.ok) / s.total).toFixed(1) : '—';
      lines.push(`  ${field.padEnd(16)} ${String(s.ok).padStart(4)}/${String(s.total).padEnd(4)} ${pct}%`);
      for (const miss of s.misses.slice(0, 8)) lines.push(`      ✗ ${miss}`);
    }
    lines.push('Time per file (ms):');
    for (const [file, ms] of timings) lines.push(`  ${ms.toFixed(0).padStart(5)}  ${file}`);
    console.log(lines.join('\n'));

    for (const [field, s] of scores) {
      expect({ field, misses: s.misses }).toEqual({ field, misses: [] });
    }
    expect(scores.get('rec.found')!.total).toBe(truth.records.length);
  });
});
