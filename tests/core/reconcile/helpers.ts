/** Synthetic reader output for reconciliation tests. */
import type { Row } from '../../../src/core/contract';
import type { BatchFile, ExtractedFile, ExtractedRecord, MasterRows } from '../../../src/core/reconcile';
import { UnitRegistry } from '../../../src/core/units';

export const UNITS_CSV = [
  'name,kind,cluster,aliases',
  'Phòng Y tế,department,Khối Văn hóa - Xã hội,Phòng Y tế huyện Hồng Ngự',
  'Phòng Giáo dục và Đào tạo,department,Khối Văn hóa - Xã hội,',
  'Xã Long Khánh A,commune,Cụm thi đua số 2,UBND xã Long Khánh A',
  'Xã Long Khánh B,commune,Cụm thi đua số 2,UBND xã Long Khánh B',
  'Thị trấn Thường Thới Tiền,town,Cụm thi đua số 1,UBND thị trấn Thường Thới Tiền',
].join('\n');

export function registry(): UnitRegistry {
  return UnitRegistry.fromCsv(UNITS_CSV);
}

export const NOW = '2023-01-15T08:30:00.000Z';

let shaCounter = 0;
export function fakeSha(): string {
  shaCounter++;
  return shaCounter.toString(16).padStart(64, '0');
}

export function rec(partial: Partial<ExtractedRecord> & { name: string }): ExtractedRecord {
  return {
    file: '',
    sheet: 'DS',
    row: 10,
    kind: 'nomination',
    subject: 'individual',
    position: 'Chuyên viên',
    awardText: 'Lao động tiên tiến',
    year: 2022,
    ...partial,
  };
}

export interface FileSpec {
  path: string;
  unitText?: string | null;
  kind?: 'nomination' | 'registration' | null;
  year?: number | null;
  sha256?: string;
  records: Array<Partial<ExtractedRecord> & { name: string }>;
}

/** A parsed file of the batch; every record gets the file's path, kind and sheet unless given. */
export function parsed(spec: FileSpec): BatchFile {
  const sha = spec.sha256 ?? fakeSha();
  const kind = spec.kind === undefined ? 'nomination' : spec.kind;
  const file: ExtractedFile = {
    file: spec.path,
    sha256: sha,
    kind,
    unitText: spec.unitText === undefined ? 'Phòng Y tế' : spec.unitText,
    unitSource: 'title',
    year: spec.year === undefined ? 2022 : spec.year,
    sheet: 'DS',
    headerRow: 8,
    encoding: 'unicode',
    records: spec.records.map((r) => rec({ kind: kind ?? 'nomination', ...r, file: spec.path })),
    notes: [],
  };
  return { path: spec.path, sha256: sha, file };
}

export function failed(path: string, message: string, sha256: string | null = fakeSha()): BatchFile {
  return { path, sha256, failure: { file: path, sha256, message } };
}

export function master(partial: Partial<Record<keyof MasterRows, Row[]>> = {}): {
  registrations: Row[];
  nominations: Row[];
  importLog: Row[];
  discrepancies: Row[];
} {
  return {
    registrations: partial.registrations ?? [],
    nominations: partial.nominations ?? [],
    importLog: partial.importLog ?? [],
    discrepancies: partial.discrepancies ?? [],
  };
}

/** A master row as an earlier import would have written it. */
export function masterRow(partial: Row): Row {
  return {
    year: 2022,
    unit: 'Phòng Y tế',
    subject: 'individual',
    name: 'Nguyễn Văn A',
    position: 'Chuyên viên',
    award: 'Lao động tiên tiến',
    sourceFile: '01_old.xlsx',
    sourceSheet: 'DS',
    sourceRow: 10,
    importedAt: '2023-01-01T00:00:00.000Z',
    ...partial,
  };
}
