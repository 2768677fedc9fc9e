/**
 * Benchmark section "plan": parsePlan on a seed-sized plan (a district plan
 * extracted from a PDF: 12 items, ~220 lines with blank lines and a page
 * number, tests/fixtures/plans/huyen-hong-ngu-2023.txt), against the floor of
 * splitting the same text into lines and normalising each to NFC, measured in
 * the same run.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { parsePlan } from '../../src/core/plan';
import { medianMs } from './timing';
import type { BenchSection } from './types';

const FIXTURE = path.resolve(__dirname, '../../tests/fixtures/plans/huyen-hong-ngu-2023.txt');
/** Each timed run parses the plan this many times, so one run lasts long enough to time. */
const REPEAT = 20;
const RUNS = 31;

export async function benchPlan(): Promise<BenchSection> {
  const text = readFileSync(FIXTURE, 'utf8');
  const lines = text.split('\n').length;
  let sink = 0; // keeps the work observable so it is not optimised away
  const floorMs =
    medianMs(
      () => {
        for (let r = 0; r < REPEAT; r++)
          for (const line of text.split(/\r\n?|\n/)) sink += line.normalize('NFC').length;
      },
      RUNS,
      3,
    ) / REPEAT;
  let items = 0;
  const parseMs =
    medianMs(
      () => {
        for (let r = 0; r < REPEAT; r++) {
          const plan = parsePlan(text);
          items = plan.items.length;
          sink += items;
        }
      },
      RUNS,
      3,
    ) / REPEAT;
  if (sink < 0) throw new Error('unreachable');

  return {
    title: `Đọc kế hoạch: parsePlan trên một kế hoạch cỡ bản mẫu (${lines} dòng, ${items} việc)`,
    rows: [
      { name: 'Sàn: tách dòng và chuẩn hóa NFC', value: floorMs, unit: 'ms' },
      {
        name: 'parsePlan (trung vị)',
        value: parseMs,
        unit: 'ms',
        ratio: parseMs / floorMs,
        note: 'tỷ lệ = thời gian parsePlan / thời gian của sàn (số lần chậm hơn sàn)',
      },
    ],
  };
}

// Run alone: `node bin/run-ts.js scripts/bench/plan.ts` (run-ts puts the script's path in argv[1]).
if (process.argv[1] === __filename) {
  void benchPlan().then((section) => {
    console.log(section.title);
    for (const row of section.rows) {
      const ratio = row.ratio === undefined ? '' : ` (tỷ lệ ${row.ratio.toFixed(1)})`;
      console.log(`  ${row.name}: ${row.value.toFixed(4)} ${row.unit}${ratio}`);
    }
  });
}
