/**
 * The JSON import report (`tdkt import --report report.json`): the shape is
 * documented in src/core/reconcile/model.ts (ImportReport). Written
 * atomically, so a reader never sees half a report.
 */
import { writeFileAtomic } from '../atomic-write';
import type { ImportReport } from '../../core/reconcile';
import * as fs from 'fs';
import * as path from 'path';

/** The report as JSON text (2-space indent, final newline). */
export function reportJson(report: ImportReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** Writes the report atomically (temporary file, then rename), creating its folder if needed. */
export async function writeReport(file: string, report: ImportReport): Promise<void> {
  const body = reportJson(report);
  await fs.promises.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFileAtomic(file, (temp) => fs.promises.writeFile(temp, body, 'utf8'));
}

/** Per-file and per-outcome counts of a report, for summaries and exit codes. */
export interface ReportCounts {
  files: { imported: number; skipped: number; failed: number };
  outcomes: Record<ImportReport['records'][number]['outcome'], number>;
  records: number;
  problems: number;
}

export function countReport(report: ImportReport): ReportCounts {
  const counts: ReportCounts = {
    files: { imported: 0, skipped: 0, failed: 0 },
    outcomes: { added: 0, unchanged: 0, updated: 0, conflict: 0, duplicate: 0, invalid: 0 },
    records: report.records.length,
    problems: 0,
  };
  for (const f of report.files) counts.files[f.status]++;
  for (const r of report.records) {
    counts.outcomes[r.outcome]++;
    counts.problems += r.problems.length;
  }
  return counts;
}
