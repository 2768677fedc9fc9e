/**
 * Generates the example unit reports (registration and nomination lists of
 * 2024, with their truth.json) into examples/reports/, from the units of
 * examples/units.csv. Nothing binary is kept in the repository: `npm start`
 * (or anyone) calls `makeExamples` to make them on the spot.
 *
 *   node bin/run-ts.js scripts/make-examples.ts [--out examples/reports] [--count 24] [--seed 2024]
 */
import * as fs from 'fs';
import * as path from 'path';
import { UnitRegistry } from '../src/core/units';
import { buildDecisionList, generateReports, type DecisionList, type GeneratedSet } from '../src/node/samples';

export const EXAMPLES_DIR = path.resolve(__dirname, '..', 'examples');
export const EXAMPLE_YEAR = 2024;

export interface MakeExamplesOptions {
  count?: number;
  seed?: number;
  /** Unit registry (CSV); default examples/units.csv. */
  unitsCsv?: string;
}

/**
 * Writes the example reports into `outDir` (default examples/reports). Files
 * listed in a truth.json already there (an earlier run) are removed first, so
 * a smaller run leaves no stale reports behind; other files are left alone.
 */
export async function makeExamples(
  outDir: string = path.join(EXAMPLES_DIR, 'reports'),
  options: MakeExamplesOptions = {},
): Promise<GeneratedSet> {
  const unitsCsv = options.unitsCsv ?? path.join(EXAMPLES_DIR, 'units.csv');
  const registry = UnitRegistry.fromCsv(fs.readFileSync(unitsCsv, 'utf8'));
  removePrevious(outDir);
  return generateReports({
    seed: options.seed ?? 2024,
    count: options.count ?? 24,
    year: EXAMPLE_YEAR,
    units: registry.all(),
    outDir,
    writeUnits: false,
  });
}

function removePrevious(outDir: string): void {
  const truthPath = path.join(outDir, 'truth.json');
  if (!fs.existsSync(truthPath)) return;
  let listed: string[] = [];
  try {
    const truth = JSON.parse(fs.readFileSync(truthPath, 'utf8')) as { files?: Array<{ file?: unknown }> };
    listed = (truth.files ?? []).map((f) => f.file).filter((f): f is string => typeof f === 'string');
  } catch {
    return; // not ours: leave the folder as it is
  }
  for (const name of listed) {
    if (path.basename(name) !== name) continue; // never outside the folder
    fs.rmSync(path.join(outDir, name), { force: true });
  }
  fs.rmSync(truthPath, { force: true });
}

/** The achievement years of the example past decisions (the two before the examples' year). */
export const DECISION_YEARS = [EXAMPLE_YEAR - 2, EXAMPLE_YEAR - 1];

/**
 * Writes the lists attached to the council's past decisions (one per year of
 * DECISION_YEARS) into `outDir` (default examples/decisions): `tdkt import`
 * puts them into the award history, which the consecutive-year checks read.
 * Only these files are replaced; other files are left alone.
 */
export async function makeDecisionExamples(
  outDir: string = path.join(EXAMPLES_DIR, 'decisions'),
  options: Pick<MakeExamplesOptions, 'unitsCsv'> = {},
): Promise<DecisionList[]> {
  const unitsCsv = options.unitsCsv ?? path.join(EXAMPLES_DIR, 'units.csv');
  const units = UnitRegistry.fromCsv(fs.readFileSync(unitsCsv, 'utf8')).all();
  fs.mkdirSync(outDir, { recursive: true });
  const lists: DecisionList[] = [];
  for (const year of DECISION_YEARS) {
    const list = await buildDecisionList({ seed: year, year, units, count: 14 });
    fs.writeFileSync(path.join(outDir, list.name), list.bytes);
    lists.push(list);
  }
  return lists;
}

function parseArgs(argv: string[]): { out?: string; count?: number; seed?: number } {
  const out: { out?: string; count?: number; seed?: number } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`Thiếu giá trị sau ${arg}.`);
      return v;
    };
    const integer = (): number => {
      const v = value();
      if (!/^\d+$/.test(v)) throw new Error(`${arg} cần một số nguyên dương, nhận được “${v}”.`);
      return Number(v);
    };
    if (arg === '--out') out.out = value();
    else if (arg === '--count') out.count = integer();
    else if (arg === '--seed') out.seed = integer();
    else
      throw new Error(
        `Không hiểu tham số “${arg}”. Cách dùng: make-examples [--out thư-mục] [--count 24] [--seed 2024]`,
      );
  }
  if (out.count === 0) throw new Error('--count phải lớn hơn 0.');
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const set = await makeExamples(args.out ? path.resolve(args.out) : undefined, { count: args.count, seed: args.seed });
  const counts = { imported: 0, skipped: 0, failed: 0 };
  for (const f of set.truth.files) counts[f.expect]++;
  console.log(
    `Đã tạo ${set.files.length} tệp báo cáo mẫu năm ${EXAMPLE_YEAR} trong ${set.outDir} ` +
      `(${counts.imported} đọc được, ${counts.skipped} bản trùng, ${counts.failed} tệp hỏng; ` +
      `${set.truth.records.length} dòng khen thưởng) trong ${((Date.now() - started) / 1000).toFixed(1)} giây.`,
  );
}

// Run as a script (node bin/run-ts.js scripts/make-examples.ts …), not when imported by `npm start`.
if (path.resolve(process.argv[1] ?? '') === __filename) {
  main().catch((err: unknown) => {
    console.error(`Lỗi: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
