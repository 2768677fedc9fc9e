/**
 * What the tracking actions share: reading the plan with its log and the
 * reference sheets, and rewriting the plan's computed columns (status, %
 * done, next due date, days late, last update) from the log in one write.
 */
import type { Row } from '../core/contract';
import { todayIn } from '../core/dates';
import { COMPUTED_PLAN_COLUMNS, recomputePlan, type StatusOptions } from '../core/tracking';
import { councilSettings, referenceData, type CouncilSettings, type Reference } from './reference';
import type { SheetStore, SheetTable } from './sheet-store';

export interface TrackingData {
  plan: SheetTable;
  items: Row[];
  log: Row[];
  reference: Reference;
  settings: CouncilSettings;
  today: string;
}

/** Plan, log, units and settings, each read once (units and settings fresh, not from the cache). */
export function readTracking(store: SheetStore): TrackingData {
  const plan = store.read('plan');
  const log = store.read('progress').rows.map((r) => r.row);
  const reference = referenceData(store, { fresh: true });
  return {
    plan,
    items: plan.rows.map((r) => r.row),
    log,
    reference,
    settings: councilSettings(reference.settings),
    today: todayIn(store.timeZone),
  };
}

export function statusOptions(store: SheetStore, settings: CouncilSettings): StatusOptions {
  return { dueSoonDays: settings.reminderDays, timeZone: store.timeZone };
}

const same = (a: unknown, b: unknown) => (a ?? '') === (b ?? '');

/**
 * Recomputes every item's computed columns from the log and writes them in
 * one setValues when any changed. Returns how many items changed.
 */
export function recomputeComputedColumns(
  store: SheetStore,
  plan: SheetTable,
  log: ReadonlyArray<Row>,
  today: string,
  options: StatusOptions,
): number {
  if (plan.rows.length === 0) return 0;
  const fresh = recomputePlan(
    plan.rows.map((r) => r.row),
    log,
    today,
    options,
  );
  const changed = plan.rows.filter((r, i) => COMPUTED_PLAN_COLUMNS.some((k) => !same(r.row[k], fresh[i][k]))).length;
  if (changed === 0) return 0;
  store.writeColumns(
    plan,
    plan.rows.map((r, i) => ({ sheetRow: r.sheetRow, row: fresh[i] })),
    COMPUTED_PLAN_COLUMNS,
  );
  plan.rows.forEach((r, i) => (r.row = fresh[i]));
  return changed;
}
