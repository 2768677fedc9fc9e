/** One section of `npm run bench`'s report. */
export interface BenchSection {
  title: string;
  rows: Array<{ name: string; value: number; unit: string; ratio?: number; note?: string }>;
}
