/**
 * What the Excel reader extracts from a unit's report, before any matching:
 * the words as the file has them (decoded to Unicode NFC), with where they
 * came from. Reconciliation turns these into master rows and outcomes.
 */
import type { ReportKind, Subject } from '../contract';
import type { Level } from '../awards';
import type { TextEncoding } from '../text';

/**
 * What a file holds: a registration list, a nomination list, or the list
 * attached to a commendation decision ("award": past decisions, which go to
 * the award history instead of the nominations).
 */
export type ImportKind = ReportKind;

/** The decision an award list is attached to, as read from its title block or columns. */
export interface DecisionRef {
  /** "123/QĐ-UBND", as written. */
  number: string | null;
  /** ISO date (yyyy-mm-dd). */
  date: string | null;
  /** Who decided, as written ("Chủ tịch UBND huyện Hồng Ngự"). */
  issuer: string | null;
  /** The level of that authority, when the issuer names one. */
  level: Level | null;
}

/** Where the sending unit was read from, in order of trust. */
export type UnitSource = 'column' | 'title' | 'filename';

export interface ExtractedRecord {
  file: string;
  sheet: string;
  /** 1-based row in the source sheet. */
  row: number;
  kind: ImportKind;
  subject: Subject;
  /** Name as normalised for storage: NFC, spaces collapsed, people in title case. */
  name: string;
  position: string | null;
  /** The award as written in the file (cell, section row, merged cell or matrix column), null when none. */
  awardText: string | null;
  year: number | null;
  /** Optional details some nomination lists carry. */
  achievement?: string | null;
  initiative?: string | null;
  /** The unit named on this row (e.g. an "Đơn vị" column), when the file has one. */
  rowUnitText?: string | null;
  /**
   * Where each field was read, as A1 addresses ("C12") or a column letter, when
   * the reader knows it; problem messages then name the cell to fix.
   */
  cells?: Partial<Record<'name' | 'position' | 'award' | 'year', string>>;
  /** An award list's row-level decision (a "Số quyết định" / "Ngày quyết định" column), overriding the file's. */
  decision?: Partial<DecisionRef> | null;
}

export interface ExtractedFile {
  /** Path as given on the command line (reports use it as the record's `file`). */
  file: string;
  sha256: string;
  kind: ImportKind | null;
  /** The unit that sent the file, as written, and where it was found. */
  unitText: string | null;
  unitSource: UnitSource | null;
  year: number | null;
  sheet: string | null;
  /** 1-based row of the (last) header row. */
  headerRow: number | null;
  encoding: TextEncoding;
  records: ExtractedRecord[];
  /** For an award list: the decision it is attached to (title block). */
  decision?: DecisionRef | null;
  /** Things the reader noticed (Vietnamese), e.g. "bỏ qua trang ẩn «Sheet2»". */
  notes: string[];
}

/** A file the reader could not read, with a Vietnamese message naming file, sheet, row and cell where known. */
export interface FailedFile {
  file: string;
  sha256: string | null;
  message: string;
}
