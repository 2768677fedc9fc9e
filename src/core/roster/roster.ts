/**
 * The yearly inspection roster (kiểm tra phong trào thi đua): in each
 * emulation cluster or block, a few units are inspected.
 *
 * - How many: units not inspected last year are all taken, but no fewer than
 *   `min` and no more than `max` per cluster (every unit when the cluster has
 *   fewer than `min`). So a cluster of 9 with 8 fresh units gives 7; one with
 *   3 fresh units gives those 3 plus 2 inspected last year.
 * - Which: fresh units first, then units inspected last year, each group drawn
 *   in a seeded random order (mulberry32), so a seed always gives the same
 *   roster whatever order the units come in.
 * - Units without a cluster are not in any roster; units that no longer exist
 *   on `date` (merged away) are left out when a date is given.
 * - "Inspected last year" matches a unit's name or alias (case and tone
 *   placement ignored), and a unit whose predecessor (merged into it) was
 *   inspected when a registry is given.
 */
import type { CellValue } from '../contract';
import { cleanText, compareVi, matchKey } from '../text';
import { isValidAt, parseDate, type Unit, type UnitRegistry } from '../units';
import { mulberry32, shuffle } from '../random';

export interface RosterInput {
  readonly units: ReadonlyArray<Unit>;
  /** Names of the units inspected last year. */
  readonly lastYear: ReadonlyArray<string>;
  readonly seed: number;
  readonly min?: number;
  readonly max?: number;
  /** Leave out units that do not exist on this date (ISO or dd/mm/yyyy). */
  readonly date?: string;
  /** Lets a unit count as inspected when a unit merged into it was. */
  readonly registry?: UnitRegistry;
}

export interface RosterGroup {
  readonly cluster: string;
  /** Units to inspect, in Vietnamese order. */
  readonly units: string[];
}

function inspectedLastYear(unit: Unit, last: Set<string>, registry?: UnitRegistry): boolean {
  const names = [unit.name, ...unit.aliases];
  if (registry) names.push(...registry.lineage(unit.name));
  return names.some((n) => last.has(matchKey(n)));
}

export function pickInspectionRoster(input: RosterInput): RosterGroup[] {
  const min = input.min ?? 5;
  const max = input.max ?? 7;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min) {
    throw new RangeError(`Số đơn vị kiểm tra mỗi cụm không hợp lệ (tối thiểu ${min}, tối đa ${max}).`);
  }
  if (!Number.isFinite(input.seed)) throw new RangeError(`Hạt giống (seed) không hợp lệ: ${input.seed}.`);
  let date: string | undefined;
  if (input.date !== undefined) {
    date = parseDate(input.date);
    if (!date) throw new RangeError(`Ngày không hợp lệ: “${input.date}”.`);
  }
  const last = new Set(input.lastYear.map((n) => matchKey(n)));
  const clusters = new Map<string, Unit[]>();
  for (const unit of input.units) {
    if (!unit.cluster) continue;
    if (date !== undefined && !isValidAt(unit, date)) continue;
    const list = clusters.get(unit.cluster) ?? [];
    if (!list.some((u) => matchKey(u.name) === matchKey(unit.name))) list.push(unit);
    clusters.set(unit.cluster, list);
  }
  const random = mulberry32(Math.trunc(input.seed));
  const byName = (a: Unit, b: Unit) => compareVi(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return [...clusters.keys()].sort(compareVi).map((cluster) => {
    const units = (clusters.get(cluster) as Unit[]).slice().sort(byName);
    const fresh = units.filter((u) => !inspectedLastYear(u, last, input.registry));
    const seen = units.filter((u) => inspectedLastYear(u, last, input.registry));
    const count = Math.min(units.length, Math.max(min, Math.min(max, fresh.length)));
    const picked = [...shuffle(fresh, random), ...shuffle(seen, random)].slice(0, count);
    return { cluster, units: picked.map((u) => u.name).sort(compareVi) };
  });
}

export const ROSTER_HEADER: ReadonlyArray<string> = [
  'STT',
  'Cụm, khối thi đua',
  'Đơn vị được kiểm tra',
  'Đã kiểm tra năm trước',
  'Thời gian kiểm tra',
  'Ghi chú',
];

/**
 * The roster as sheet values the office can edit: a header row, then one row
 * per unit (the time and note columns left for the office to fill).
 */
export function rosterValues(
  roster: ReadonlyArray<RosterGroup>,
  options: { lastYear?: ReadonlyArray<string> } = {},
): CellValue[][] {
  const last = new Set((options.lastYear ?? []).map((n) => matchKey(n)));
  const rows: CellValue[][] = [[...ROSTER_HEADER]];
  let n = 0;
  for (const group of roster) {
    for (const unit of group.units) {
      rows.push([++n, group.cluster, unit, last.has(matchKey(unit)) ? 'Có' : 'Không', '', '']);
    }
  }
  return rows;
}

/** Reads back a roster sheet (header row first), after the office edited it. Blank rows are skipped. */
export function rosterFromValues(values: ReadonlyArray<ReadonlyArray<CellValue>>): RosterGroup[] {
  if (values.length === 0) return [];
  const header = values[0].map((h) => matchKey(String(h ?? '')));
  const col = (title: string) => header.indexOf(matchKey(title));
  const clusterCol = col(ROSTER_HEADER[1]);
  const unitCol = col(ROSTER_HEADER[2]);
  if (clusterCol < 0 || unitCol < 0) {
    throw new RangeError(`Trang danh sách kiểm tra thiếu cột “${ROSTER_HEADER[1]}” hoặc “${ROSTER_HEADER[2]}”.`);
  }
  const groups = new Map<string, string[]>();
  for (const line of values.slice(1)) {
    const cluster = cleanText(String(line[clusterCol] ?? ''));
    const unit = cleanText(String(line[unitCol] ?? ''));
    if (!cluster || !unit) continue;
    const list = groups.get(cluster) ?? [];
    list.push(unit);
    groups.set(cluster, list);
  }
  return [...groups].map(([cluster, units]) => ({ cluster, units }));
}
