/**
 * Reconciliation alone on the sample corpus: feeding truth.json's records as if
 * a perfect reader had extracted them must give truth's outcomes and notes.
 * (The reader is scored separately by the end-to-end test.) Skipped without the samples.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { compareFileNames, reconcile, type BatchFile, type ExtractedRecord } from '../../../src/core/reconcile';
import { UnitRegistry } from '../../../src/core/units';
import { SAMPLE_REPORTS } from '../../support/shared';

const SAMPLES = SAMPLE_REPORTS;
const HAVE = fs.existsSync(path.join(SAMPLES, 'truth.json'));

interface Truth {
  files: Array<{ file: string; expect: string; unit: string | null; kind: 'nomination' | 'registration' | null }>;
  records: Array<{
    file: string;
    sheet: string;
    row: number;
    kind: 'nomination' | 'registration';
    subject: 'individual' | 'collective';
    name: string;
    position: string | null;
    unit: string;
    award: string | null;
    year: number;
    expect: 'ok' | 'invalid' | 'duplicate' | 'conflict';
    notes?: string[];
  }>;
}

(HAVE ? describe : describe.skip)('reconcile replays the sample truth', () => {
  it('gives every record its expected outcome and not_registered note', () => {
    const truth = JSON.parse(fs.readFileSync(path.join(SAMPLES, 'truth.json'), 'utf8')) as Truth;
    const registry = UnitRegistry.fromCsv(fs.readFileSync(path.join(SAMPLES, 'units.csv'), 'utf8'));
    const names = truth.files.map((f) => f.file).sort(compareFileNames);
    const batch: BatchFile[] = names.map((name) => {
      const t = truth.files.find((f) => f.file === name)!;
      const sha = createHash('sha256')
        .update(fs.readFileSync(path.join(SAMPLES, name)))
        .digest('hex');
      if (t.expect === 'failed')
        return { path: name, sha256: sha, failure: { file: name, sha256: sha, message: 'Hỏng.' } };
      // The skipped copy has the same bytes as its original, so it gets the same records.
      const source = truth.files.find(
        (f) => f.file !== name && f.unit === t.unit && f.kind === t.kind && t.expect === 'skipped',
      );
      const records: ExtractedRecord[] = truth.records
        .filter((r) => r.file === (source ? source.file : name))
        .map((r) => ({ ...r, file: name, awardText: r.award }));
      return {
        path: name,
        sha256: sha,
        file: {
          file: name,
          sha256: sha,
          kind: t.kind,
          unitText: t.unit,
          unitSource: 'title',
          year: 2022,
          sheet: records[0]?.sheet ?? null,
          headerRow: null,
          encoding: 'unicode',
          records,
          notes: [],
        },
      };
    });
    const result = reconcile(registry, { registrations: [], nominations: [], importLog: [] }, batch, {
      importedAt: '2023-01-01T00:00:00.000Z',
    });
    expect(result.files.map((f) => [f.path, f.status, f.unit, f.kind])).toEqual(
      names.map((n) => {
        const t = truth.files.find((f) => f.file === n)!;
        return [n, t.expect, t.unit, t.kind];
      }),
    );
    const want = { ok: 'added', invalid: 'invalid', duplicate: 'duplicate', conflict: 'conflict' };
    expect(
      result.records.map((r) => [
        r.file,
        r.row,
        r.name,
        r.award,
        r.outcome,
        r.problems.some((p) => p.code === 'not_registered'),
      ]),
    ).toEqual(
      truth.records.map((t) => [
        t.file,
        t.row,
        t.name,
        t.award,
        want[t.expect],
        (t.notes ?? []).includes('not_registered'),
      ]),
    );
  });
});
