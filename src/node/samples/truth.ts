/**
 * The ground truth of a generated set, in the format of the shared samples'
 * truth.json, and the rules that decide each record's expected outcome:
 *
 * - identity = kind + subject + name (tone placement, case and spacing
 *   ignored) + year; the first record of an identity is `ok`, a later one from
 *   another file is `duplicate` (same award) or `conflict` (another award);
 * - a record without a catalogue award is `invalid` (and starts no identity);
 * - a nomination for Chiến sĩ thi đua cơ sở whose person has no registration
 *   for that title anywhere in the imported files carries the note
 *   `not_registered`; one that has is tagged `registered_then_nominated`.
 */
import type { RecordKind, Subject } from '../../core/contract';
import { AWARDS } from '../../core/awards';
import { matchKey } from '../../core/text';
import type { FileEncoding } from './text';

export type FileExpect = 'imported' | 'skipped' | 'failed';
export type RecordExpect = 'ok' | 'invalid' | 'duplicate' | 'conflict';

export interface TruthFile {
  file: string;
  expect: FileExpect;
  unit: string | null;
  kind: RecordKind | null;
  quirks: string[];
  sheet?: string;
  /** First header row, 1-based. */
  header_row?: number;
  encoding?: FileEncoding;
  copy_of?: string;
}

export interface TruthRef {
  file: string;
  sheet: string;
  row: number;
  award: string | null;
}

export interface TruthRecord {
  file: string;
  sheet: string;
  row: number;
  kind: RecordKind;
  subject: Subject;
  name: string;
  position: string | null;
  unit: string;
  award: string | null;
  year: number;
  expect: RecordExpect;
  notes?: string[];
  bait?: 'position';
  planted?: string[];
  ref?: TruthRef;
}

export interface Truth {
  generator: { name: string; seed: number; files: number };
  year: number;
  import_order: string;
  units: string[];
  files: TruthFile[];
  records: TruthRecord[];
}

export const IMPORT_ORDER = 'ascending file name (code-point order); every name starts with a two-digit receipt number';

const CATALOGUE = new Set(AWARDS.map((a) => a.name));
const CSTDCS = 'Chiến sĩ thi đua cơ sở';

/** The identity of a record's subject (see the module comment). */
export function identityKey(r: Pick<TruthRecord, 'kind' | 'subject' | 'name' | 'year'>): string {
  return `${r.kind}|${r.subject}|${matchKey(r.name)}|${r.year}`;
}

/**
 * Sets `expect`, `ref`, `notes` and the `registered_then_nominated` tag of
 * records given in import order (file, then row, then award within the row).
 */
export function resolveExpectations(records: TruthRecord[]): void {
  const firsts = new Map<string, TruthRecord>();
  for (const r of records) {
    delete r.ref;
    if (r.award === null || !CATALOGUE.has(r.award)) {
      r.expect = 'invalid';
      continue;
    }
    const key = identityKey(r);
    const first = firsts.get(key);
    if (!first) {
      firsts.set(key, r);
      r.expect = 'ok';
    } else if (first.file === r.file) {
      r.expect = 'ok'; // another award of the same row (or list)
    } else {
      r.expect = first.award === r.award ? 'duplicate' : 'conflict';
      r.ref = { file: first.file, sheet: first.sheet, row: first.row, award: first.award };
    }
  }
  const registered = new Set<string>();
  for (const r of records) {
    if (r.kind === 'registration' && r.award === CSTDCS) registered.add(identityKey({ ...r, kind: 'nomination' }));
  }
  for (const r of records) {
    if (r.kind !== 'nomination' || r.award !== CSTDCS || r.expect !== 'ok') continue;
    if (registered.has(identityKey(r))) {
      const planted = r.planted ?? [];
      if (!planted.includes('registered_then_nominated')) r.planted = [...planted, 'registered_then_nominated'];
    } else {
      r.notes = ['not_registered'];
    }
  }
}

/** Field order of the shared samples. */
function orderedRecord(r: TruthRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
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
    expect: r.expect,
  };
  if (r.notes) out.notes = r.notes;
  if (r.bait) out.bait = r.bait;
  if (r.planted && r.planted.length > 0) out.planted = r.planted;
  if (r.ref) out.ref = r.ref;
  return out;
}

function orderedFile(f: TruthFile): Record<string, unknown> {
  const out: Record<string, unknown> = {
    file: f.file,
    expect: f.expect,
    unit: f.unit,
    kind: f.kind,
    quirks: f.quirks,
  };
  if (f.sheet !== undefined) out.sheet = f.sheet;
  if (f.header_row !== undefined) out.header_row = f.header_row;
  if (f.encoding !== undefined) out.encoding = f.encoding;
  if (f.copy_of !== undefined) out.copy_of = f.copy_of;
  return out;
}

/** truth.json text, laid out like the shared samples: one file or record per line. */
export function formatTruth(truth: Truth): string {
  const lines: string[] = ['{'];
  lines.push(` "generator": ${JSON.stringify(truth.generator)},`);
  lines.push(` "year": ${truth.year},`);
  lines.push(` "import_order": ${JSON.stringify(truth.import_order)},`);
  lines.push(' "units": [');
  lines.push(truth.units.map((u) => `  ${JSON.stringify(u)}`).join(',\n'));
  lines.push(' ],');
  lines.push(' "files": [');
  lines.push(truth.files.map((f) => `  ${JSON.stringify(orderedFile(f))}`).join(',\n'));
  lines.push(' ],');
  lines.push(' "records": [');
  lines.push(truth.records.map((r) => `  ${JSON.stringify(orderedRecord(r))}`).join(',\n'));
  lines.push(' ]');
  lines.push('}');
  return lines.filter((l) => l !== '').join('\n') + '\n';
}
