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
