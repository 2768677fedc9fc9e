/**
 * Plain-text tables for the terminal. Widths count characters of NFC text, so
 * Vietnamese letters (precomposed) line up; long cells are cut with "…".
 */
export interface TableColumn {
  header: string;
  align?: 'left' | 'right';
  /** Cut cells longer than this many characters. */
  max?: number;
}

function fit(text: string, max: number | undefined): string {
  const flat = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return max !== undefined && flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function textTable(columns: ReadonlyArray<TableColumn>, rows: ReadonlyArray<ReadonlyArray<unknown>>): string {
  const cells = rows.map((row) => columns.map((col, i) => fit(String(row[i] ?? ''), col.max)));
  const widths = columns.map((col, i) => Math.max(col.header.length, ...cells.map((r) => r[i].length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (columns[i].align === 'right' ? v.padStart(widths[i]) : v.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
