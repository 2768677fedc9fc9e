/**
 * What reconciliation takes and gives: the batch of files (parsed, failed or
 * not read because their content was imported before), the master's current
 * rows, and per file and per record the outcome, the problems and the rows
 * to write. Also the shape of the JSON import report.
 */
import type { Row, Subject } from '../contract';
import type { AwardId } from '../awards';
import type { Problem } from './problems';
import type { DecisionRef, ExtractedFile, ExtractedRecord, FailedFile, ImportKind } from './types';

export type Outcome = 'added' | 'unchanged' | 'updated' | 'conflict' | 'duplicate' | 'invalid';
export type FileStatus = 'imported' | 'skipped' | 'failed';

export const OUTCOMES: ReadonlyArray<Outcome> = ['added', 'unchanged', 'updated', 'conflict', 'duplicate', 'invalid'];

/** One input file of the batch, in receipt order (ascending file name). */
export interface BatchFile {
  /** Path as the user gave it (relative stays relative). */
  path: string;
  /** SHA-256 of the bytes (hex), or null when the file could not even be read. */
  sha256: string | null;
  /** What the reader extracted, when it could read the file. */
  file?: ExtractedFile | null;
  /** Why the reader could not read it. */
  failure?: FailedFile | null;
}

/** The master rows reconciliation needs (contract rows; other sheets are left alone). */
export interface MasterRows {
  readonly registrations: ReadonlyArray<Row>;
  readonly nominations: ReadonlyArray<Row>;
  readonly importLog: ReadonlyArray<Row>;
  readonly discrepancies?: ReadonlyArray<Row>;
  /** The award history (decided awards), which award lists are reconciled with. */
  readonly awardHistory?: ReadonlyArray<Row>;
}

export interface ReconcileOptions {
  /** ISO date-time stamped on every written row. */
  importedAt: string;
}

/** A record of the report (its fields as the JSON report has them), with what the apply step needs. */
export interface ReconciledRecord extends Omit<ReportRecord, 'problems'> {
  problems: Problem[];
  /** The catalogue award, when matched. */
  awardId: AwardId | null;
  /** What the reader gave. */
  source: ExtractedRecord;
  /** An award record's decision (row columns, else the file's title block). */
  decision?: DecisionRef;
}

export interface ReconciledFile {
  path: string;
  sha256: string | null;
  status: FileStatus;
  unit: string | null;
  kind: ImportKind | null;
  /** Vietnamese: what happened to the file. */
  message: string;
  /** Records reported for this file and the problems among them. */
  records: number;
  problems: number;
  /** For a skipped file: the earlier file with the same content. */
  copyOf?: string;
}

/** Rows to add to one book (registrations or nominations) and rows to replace, by index in the master. */
export interface BookChanges {
  added: Row[];
  updated: Array<{ index: number; row: Row }>;
}

export interface ReconcileResult {
  files: ReconciledFile[];
  records: ReconciledRecord[];
  registrations: BookChanges;
  nominations: BookChanges;
  /** Rows to add to the award history (award lists of past decisions; history rows are never rewritten). */
  awardHistory: { added: Row[] };
  /** New rows for the discrepancies sheet. */
  discrepancies: Row[];
  /** New rows for the import log, one per file. */
  importLog: Row[];
}

/**
 * The JSON report of an import (`--report`). `kind` is "registration",
 * "nomination" or "award" (a list attached to a past decision, reconciled
 * into the award history).
 */
export interface ImportReport {
  files: ReportFile[];
  records: ReportRecord[];
}

export interface ReportFile {
  path: string;
  status: FileStatus;
  unit: string | null;
  kind: ImportKind | null;
  message: string;
}

export interface ReportRecord {
  /** Path of the file as given. */
  file: string;
  sheet: string;
  /** 1-based row in the source sheet. */
  row: number;
  kind: ImportKind;
  subject: Subject;
  name: string;
  position: string | null;
  /** Canonical name of the sending unit, or null when it could not be matched. */
  unit: string | null;
  /** Official catalogue name; the verbatim text when not in the catalogue or unclear; null when missing. */
  award: string | null;
  year: number | null;
  outcome: Outcome;
  problems: Array<{ code: string; message: string }>;
}
