/** Temp masters, fake report files and a fake reader for the pipeline and CLI tests. */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { ExtractedFile, ExtractedRecord } from '../../../src/core/reconcile';
import { UnitRegistry } from '../../../src/core/units';
import type { MasterStore } from '../../../src/node/master-store';
import { XlsxMasterStore } from '../../../src/node/master-store';
import type { ParseFunction, ParseResult } from '../../../src/node/import/pipeline';
import { emptyMaster, writeMaster, type MasterData } from '../../../src/node/xlsx-store';

export const UNITS_CSV = [
  'name,kind,cluster,aliases',
  'Phòng Y tế,department,Khối Văn hóa - Xã hội,Phòng Y tế huyện Hồng Ngự',
  'Phòng Giáo dục và Đào tạo,department,Khối Văn hóa - Xã hội,',
  'Xã Long Khánh A,commune,Cụm thi đua số 2,UBND xã Long Khánh A',
].join('\n');

export async function createMaster(file: string, withUnits = true, fill?: (data: MasterData) => void): Promise<void> {
  const data = emptyMaster();
  if (withUnits) data.units = UnitRegistry.fromCsv(UNITS_CSV).toRows();
  fill?.(data);
  await writeMaster(file, data);
}

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** What the fake reader returns for a file, keyed by base name. */
export interface FakeReport {
  unitText: string | null;
  kind: 'nomination' | 'registration';
  records: Array<Partial<ExtractedRecord> & { name: string }>;
}

/**
 * Writes a stand-in report file (its bytes only need to be unique unless
 * `content` says otherwise); the fake reader knows what it "contains".
 */
export function writeReportFile(dir: string, name: string, content?: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content ?? `report ${name}`);
  return file;
}

/** A reader that knows each file's content by base name; unknown names fail like a broken file. */
export function fakeParse(reports: Record<string, FakeReport>, calls: string[][] = []): ParseFunction {
  return async (paths, options) => {
    calls.push([...paths]);
    const out: ParseResult[] = [];
    paths.forEach((p, i) => {
      const spec = reports[path.basename(p)];
      const sha = sha256(p);
      if (!spec) {
        out.push({
          path: p,
          ok: false,
          failure: { file: p, sha256: sha, message: `Tệp «${path.basename(p)}» không phải tệp Excel hợp lệ.` },
        });
      } else {
        const file: ExtractedFile = {
          file: p,
          sha256: sha,
          kind: spec.kind,
          unitText: spec.unitText,
          unitSource: 'title',
          year: 2022,
          sheet: 'DS',
          headerRow: 8,
          encoding: 'unicode',
          records: spec.records.map((r, k) => ({
            file: p,
            sheet: 'DS',
            row: 10 + k,
            kind: spec.kind,
            subject: 'individual',
            position: 'Chuyên viên',
            awardText: 'Lao động tiên tiến',
            year: 2022,
            ...r,
          })),
          notes: [],
        };
        out.push({ path: p, ok: true, file });
      }
      options.onProgress?.(i + 1, paths.length, p);
    });
    return out;
  };
}

/** A store that counts its writes. */
export class CountingStore implements MasterStore {
  writes = 0;
  reads = 0;
  private readonly inner: XlsxMasterStore;
  constructor(readonly file: string) {
    this.inner = new XlsxMasterStore(file);
  }
  get label(): string {
    return this.file;
  }
  read(): Promise<MasterData> {
    this.reads++;
    return this.inner.read();
  }
  write(data: MasterData): Promise<void> {
    this.writes++;
    return this.inner.write(data);
  }
}
