/**
 * Scores an import report (the JSON `tdkt import --report` writes, or
 * toImportReport's value) against a truth.json in the format of the shared
 * samples (../shared/samples/README.md), field by field. Used by the
 * end-to-end tests on the shared samples and on generated sets.
 *
 * - files: the count; per truth file its status, unit and kind;
 * - records, paired by file, sheet and row (two awards on one row are paired
 *   by award, then in order): found, kind, subject, name, position, unit,
 *   award (an empty award is also accepted for an out-of-catalogue award
 *   expected invalid), year, outcome (ok → added, invalid, duplicate,
 *   conflict), and the `not_registered` problem where the truth has the note;
 * - no extras: records the truth does not have (e.g. rows of a skipped copy).
 */
import * as path from 'path';

export interface TruthFile {
  file: string;
  expect: 'imported' | 'skipped' | 'failed';
  unit: string | null;
  kind: string | null;
}

export interface TruthRecord {
  file: string;
  sheet: string;
  row: number;
  kind: string;
  subject: string;
  name: string;
  position: string | null;
  unit: string;
  award: string | null;
  year: number;
  expect: 'ok' | 'invalid' | 'duplicate' | 'conflict';
  notes?: string[];
}

export interface TruthSet {
  files: ReadonlyArray<TruthFile>;
  records: ReadonlyArray<TruthRecord>;
}

export interface ReportFile {
  path: string;
  status: string;
  unit: string | null;
  kind: string | null;
  message: string;
}

export interface ReportRecord {
  file: string;
  sheet: string;
  row: number;
  kind: string;
  subject: string;
  name: string;
  position: string | null;
  unit: string | null;
  award: string | null;
  year: number | null;
  outcome: string;
  problems: ReadonlyArray<{ code: string; message: string }>;
}

export interface ReportSet {
  files: ReadonlyArray<ReportFile>;
  records: ReadonlyArray<ReportRecord>;
}

/** The report outcome each truth `expect` stands for (a first import: ok → added). */
export const OUTCOME: Record<TruthRecord['expect'], string> = {
  ok: 'added',
  invalid: 'invalid',
  duplicate: 'duplicate',
  conflict: 'conflict',
};

const base = (p: string): string => path.basename(p).normalize('NFC');

/** Per field: how many were right out of how many, and what was wrong. */
export class Score {
  readonly fields = new Map<string, { ok: number; total: number; misses: string[] }>();

  add(field: string, ok: boolean, what: string): void {
    const s = this.fields.get(field) ?? { ok: 0, total: 0, misses: [] };
    s.total++;
    if (ok) s.ok++;
    else s.misses.push(what);
    this.fields.set(field, s);
  }

  /** A printable table; at most `shown` misses per field. */
  table(shown = 10): string {
    const lines = ['field                     score'];
    for (const [field, s] of this.fields) {
      const pct = s.total ? ((100 * s.ok) / s.total).toFixed(1) : '100.0';
      lines.push(`${field.padEnd(24)} ${String(s.ok).padStart(5)}/${String(s.total).padEnd(5)} ${pct.padStart(5)}%`);
      for (const m of s.misses.slice(0, shown)) lines.push(`    ✗ ${m}`);
      if (s.misses.length > shown) lines.push(`    … và ${s.misses.length - shown} lỗi khác`);
    }
    return lines.join('\n');
  }

  misses(): string[] {
    return [...this.fields].flatMap(([field, s]) => s.misses.map((m) => `${field}: ${m}`));
  }
}

/** Scores a report against the truth (see the module comment). */
export function scoreReport(report: ReportSet, truth: TruthSet): Score {
  const score = new Score();
  const files = new Map(report.files.map((f) => [base(f.path), f]));
  score.add(
    'files: count',
    report.files.length === truth.files.length,
    `${report.files.length} tệp, cần ${truth.files.length}`,
  );
  for (const t of truth.files) {
    const f = files.get(t.file.normalize('NFC'));
    score.add('files: status', f?.status === t.expect, `${t.file}: ${f?.status} ≠ ${t.expect}`);
    score.add('files: unit', (f?.unit ?? null) === t.unit, `${t.file}: ${f?.unit} ≠ ${t.unit}`);
    score.add('files: kind', (f?.kind ?? null) === t.kind, `${t.file}: ${f?.kind} ≠ ${t.kind}`);
  }

  // Pair records by file, sheet and row; two awards on one row are paired by award, then in order.
  const groups = new Map<string, ReportRecord[]>();
  const keyOf = (file: string, sheet: string, row: number): string => `${base(file)}|${sheet}|${row}`;
  for (const r of report.records) {
    const k = keyOf(r.file, r.sheet, r.row);
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  for (const t of truth.records) {
    const where = `${t.file} «${t.sheet}» dòng ${t.row} (${t.name}, ${t.award})`;
    const group = groups.get(keyOf(t.file, t.sheet, t.row)) ?? [];
    let i = group.findIndex((r) => r.award === t.award);
    if (i < 0) i = 0;
    const r = group.splice(i, 1)[0];
    score.add('records: found', r !== undefined, where);
    if (!r) continue;
    score.add('records: kind', r.kind === t.kind, `${where}: ${r.kind}`);
    score.add('records: subject', r.subject === t.subject, `${where}: ${r.subject}`);
    score.add('records: name', r.name === t.name, `${where}: “${r.name}”`);
    score.add('records: position', (r.position ?? null) === t.position, `${where}: “${r.position}” ≠ “${t.position}”`);
    score.add('records: unit', r.unit === t.unit, `${where}: ${r.unit}`);
    const awardOk = r.award === t.award || (t.expect === 'invalid' && t.award !== null && (r.award ?? '') === '');
    score.add('records: award', awardOk, `${where}: ${r.award}`);
    score.add('records: year', r.year === t.year, `${where}: ${r.year}`);
    score.add('records: outcome', r.outcome === OUTCOME[t.expect], `${where}: ${r.outcome} ≠ ${OUTCOME[t.expect]}`);
    const wantNote = (t.notes ?? []).includes('not_registered');
    const hasNote = r.problems.some((p) => p.code === 'not_registered');
    score.add(
      'records: not_registered',
      wantNote === hasNote,
      `${where}: ${hasNote ? 'thừa' : 'thiếu'} not_registered`,
    );
  }
  const extra = [...groups.values()].flat();
  score.add(
    'records: no extras',
    extra.length === 0,
    extra.map((r) => `${base(r.file)} «${r.sheet}» dòng ${r.row} ${r.name}`).join('; '),
  );
  return score;
}
