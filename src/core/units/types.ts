import type { UnitKind } from '../contract';

export type { UnitKind };

/**
 * A unit of the council: a department, a commune or town, a school… It keeps
 * its history: a unit that was merged away has `validTo` and `mergedInto`, so
 * achievements recorded under the old name still count for the new unit.
 */
export interface Unit {
  /** Canonical name, as it is written in decisions ("Xã Thường Phước 1"). */
  readonly name: string;
  readonly kind: UnitKind;
  /** Emulation cluster or block ("Cụm thi đua số 1", "Khối Kinh tế"), or null. */
  readonly cluster: string | null;
  /** Other names the unit goes by in files; each matches exactly. */
  readonly aliases: ReadonlyArray<string>;
  readonly email: string | null;
  /** First day the unit exists under this name (ISO date), or null when unknown / always. */
  readonly validFrom: string | null;
  /** Last day the unit exists under this name (ISO date), or null while it exists. */
  readonly validTo: string | null;
  /** Canonical name of the unit it was merged into, or null. */
  readonly mergedInto: string | null;
}

/** What a registry is built from: only the name is required. */
export interface UnitInput {
  name: string;
  kind?: UnitKind | string | null;
  cluster?: string | null;
  aliases?: ReadonlyArray<string> | string | null;
  email?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  mergedInto?: string | null;
}

export type UnitIssueCode =
  | 'missing_name'
  | 'duplicate_name'
  | 'unknown_kind'
  | 'missing_kind'
  | 'invalid_date'
  | 'invalid_period'
  | 'unknown_successor'
  | 'merge_cycle'
  | 'merged_without_end'
  | 'alias_conflict';

/** A problem found while building a registry; the message is for people (Vietnamese). */
export interface UnitIssue {
  readonly code: UnitIssueCode;
  readonly message: string;
  /** The unit concerned, when known. */
  readonly unit?: string;
  /** 1-based line of the CSV file (or data row number), when known. */
  readonly line?: number;
}

/** Thrown when unit data cannot be read at all (no header, no name column…). */
export class UnitDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnitDataError';
  }
}
