/**
 * A unit report that cannot be read. The message is Vietnamese and names the
 * file (and the sheet, row and cell where known), so it can be shown as it is.
 */
import { UserError } from '../../errors';

export interface ReportErrorPlace {
  /** File name as shown to the user. */
  file: string;
  sheet?: string;
  row?: number;
  /** A1 address. */
  cell?: string;
  /** SHA-256 of the file bytes, when they could be read. */
  sha256?: string | null;
}

export type ReportErrorCode =
  | 'unreadable'
  | 'not_excel'
  | 'corrupt'
  | 'too_large'
  | 'zip_bomb'
  | 'encrypted'
  | 'no_worksheet'
  | 'merge_too_large'
  | 'empty'
  | 'no_table'
  | 'legacy_unavailable'
  | 'conversion_failed'
  | 'internal';

export class ReportError extends UserError {
  readonly file: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly cell?: string;
  sha256: string | null;

  constructor(
    readonly code: ReportErrorCode,
    message: string,
    place: ReportErrorPlace,
  ) {
    super(message);
    this.name = 'ReportError';
    this.file = place.file;
    this.sheet = place.sheet;
    this.row = place.row;
    this.cell = place.cell;
    this.sha256 = place.sha256 ?? null;
  }
}

/** «file», «file», trang «sheet», «file», trang «sheet», dòng 12, ô C12 — the place a message starts with. */
export function describePlace(place: ReportErrorPlace): string {
  let out = `Tệp «${place.file}»`;
  if (place.sheet !== undefined) out += `, trang «${place.sheet}»`;
  if (place.cell !== undefined) out += `, ô ${place.cell}`;
  else if (place.row !== undefined) out += `, dòng ${place.row}`;
  return out;
}
