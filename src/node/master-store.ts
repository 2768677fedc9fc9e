/**
 * Where the master lives: a local .xlsx file (the default) or a Google Sheet
 * through the Sheets API. Both hold the same contract sheets and are read
 * whole and written whole, so the import and check pipelines do not care which.
 */
import type { MasterData } from './xlsx-store';
import { readMaster, writeMaster } from './xlsx-store';

export interface MasterStore {
  /** A human-readable place, for messages ("master.xlsx", "Google Sheet 1AbC…"). */
  readonly label: string;
  read(): Promise<MasterData>;
  /** Replaces the master's content; never leaves it half-written. */
  write(data: MasterData): Promise<void>;
}

export class XlsxMasterStore implements MasterStore {
  constructor(readonly file: string) {}
  get label(): string {
    return this.file;
  }
  read(): Promise<MasterData> {
    return readMaster(this.file);
  }
  write(data: MasterData): Promise<void> {
    return writeMaster(this.file, data);
  }
}

/** The spreadsheet id in a Google Sheets address or a "gsheet:<id>" target, else null. */
export function googleSheetId(target: string): string | null {
  const url = /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([A-Za-z0-9_-]{20,})/.exec(target);
  if (url) return url[1];
  const prefixed = /^gsheet:([A-Za-z0-9_-]{20,})$/.exec(target);
  return prefixed ? prefixed[1] : null;
}

/**
 * The store for an `--into` target: a Google Sheet (its address, or gsheet:<id>;
 * credentials from GOOGLE_APPLICATION_CREDENTIALS) or a local .xlsx file.
 * googleapis is loaded only when a Google Sheet is the target (it takes ~2 s).
 */
export async function masterStoreFor(target: string): Promise<MasterStore> {
  const id = googleSheetId(target);
  if (!id) return new XlsxMasterStore(target);
  const { SheetsApiMasterStore, authFromEnvironment } = await import('./sheets-api-store');
  return new SheetsApiMasterStore({ spreadsheetId: id, auth: authFromEnvironment() });
}
