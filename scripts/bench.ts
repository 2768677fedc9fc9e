/**
 * `npm run bench`: measures what matters and prints each figure with its
 * ratio to a floor measured in the same run, so numbers compare across
 * machines. Sections live in scripts/bench/.
 */
import type { BenchSection } from './bench/types';

type SectionLoader = () => Promise<BenchSection>;

/** Each section is loaded lazily so one missing or failing section does not hide the others. */
const SECTIONS: Array<[string, SectionLoader]> = [
  ['text', async () => (await import('./bench/text')).benchText()],
  ['plan', async () => (await import('./bench/plan')).benchPlan()],
  ['gas', async () => (await import('./bench/gas')).benchGas()],
  ['import', async () => (await import('./bench/import')).benchImport()],
];

function format(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('vi-VN') : n.toLocaleString('vi-VN', { maximumFractionDigits: 3 });
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  let failed = 0;
  for (const [name, load] of SECTIONS) {
    if (only.length > 0 && !only.includes(name)) continue;
    try {
      const section = await load();
      console.log(`\n## ${section.title}`);
      for (const row of section.rows) {
        const ratio = row.ratio === undefined ? '' : `  (tỷ lệ ${format(row.ratio)})`;
        const note = row.note ? `  – ${row.note}` : '';
        console.log(`  ${row.name}: ${format(row.value)} ${row.unit}${ratio}${note}`);
      }
    } catch (err) {
      failed++;
      console.error(`\n## ${name}: lỗi khi đo – ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  process.exitCode = failed > 0 ? 1 : 0;
}

void main();
