/**
 * Turning a reconciliation into the master's new content and into the JSON
 * report. Pure: the pipeline reads the master, reconciles, applies, and writes
 * the result once.
 */
import type { Row } from '../contract';
import type { ImportReport, ReconcileResult } from './model';

/** The books a reconciliation changes; any other sheet of the master passes through untouched. */
export interface MasterBooks {
  registrations: Row[];
  nominations: Row[];
  discrepancies: Row[];
  importLog: Row[];
  /** The award history: award lists of past decisions add rows to it. */
  awardHistory?: Row[];
}

/**
 * The master with the reconciliation applied: updated rows replaced in place,
 * new rows appended (registrations, nominations, award history, discrepancies, import log).
 * The input is not modified.
 */
export function applyReconciliation<T extends MasterBooks>(master: T, result: ReconcileResult): T {
  const book = (rows: Row[], changes: ReconcileResult['registrations']): Row[] => {
    const next = rows.slice();
    for (const { index, row } of changes.updated) next[index] = row;
    return next.concat(changes.added);
  };
  const history = result.awardHistory?.added ?? [];
  return {
    ...master,
    ...(history.length ? { awardHistory: (master.awardHistory ?? []).concat(history) } : {}),
    registrations: book(master.registrations, result.registrations),
    nominations: book(master.nominations, result.nominations),
    discrepancies: master.discrepancies.concat(result.discrepancies),
    importLog: master.importLog.concat(result.importLog),
  };
}

/** True when applying the reconciliation changes the registrations, nominations or award history. */
export function changesBooks(result: ReconcileResult): boolean {
  return (
    result.registrations.added.length +
      result.registrations.updated.length +
      result.nominations.added.length +
      result.nominations.updated.length +
      (result.awardHistory?.added.length ?? 0) >
    0
  );
}

/** The JSON report: exactly the documented fields, nothing internal. */
export function toImportReport(result: ReconcileResult): ImportReport {
  return {
    files: result.files.map((f) => ({
      path: f.path,
      status: f.status,
      unit: f.unit,
      kind: f.kind,
      message: f.message,
    })),
    records: result.records.map((r) => ({
      file: r.file,
      sheet: r.sheet,
      row: r.row,
      kind: r.kind,
      subject: r.subject,
      name: r.name,
      position: r.position,
      unit: r.unit,
      award: r.award,
      year: r.year,
      outcome: r.outcome,
      problems: r.problems.map((p) => ({ code: p.code, message: p.message })),
    })),
  };
}
