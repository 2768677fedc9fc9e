/**
 * Server side of the progress sidebar: the form's data and the submission.
 *
 * A staff member sees the items their unit answers for (the «Đơn vị chịu
 * trách nhiệm» text read against the units sheet); the standing office sees
 * every item and reports for any unit.
 *
 * A submission takes the document lock, reads the plan once, appends one log
 * row and rewrites the item's computed columns: nine Spreadsheet calls
 * however long the log grows (getActiveSpreadsheet; getSheetByName and
 * getSheetValues for the plan and for the log; appendRow; getRange and
 * setValues for the item; flush). The item's new status comes from its
 * stored columns plus the new report (advanceItemStatus); in the few cases
 * where the rules look at earlier reports by date, the log call reads the
 * whole log instead of its header only: the same number of calls, more data.
 * Units and settings come from the document cache (see reference.ts).
 */
import { PROGRESS_STATUS, SHEETS, type Row } from '../core/contract';
import { accessFor, type Access } from '../core/access';
import { todayIn } from '../core/dates';
import { progressLogRow, validateProgress, type ProgressInput } from '../core/progress';
import { matchKey } from '../core/text';
import {
  advanceItemStatus,
  COMPUTED_PLAN_COLUMNS,
  computeItemStatus,
  responsibleUnitsOf,
  type ComputedState,
} from '../core/tracking';
import { UnitRegistry } from '../core/units';
import { UserFacingError } from './errors';
import { councilSettings, referenceData, type Reference } from './reference';
import { SheetStore } from './sheet-store';
import type { ProgressForm, ProgressItemView, SubmitResult } from './api-types';

const LOCK_WAIT_MS = 30_000;

function currentEmail(): string {
  return Session.getActiveUser().getEmail() || '';
}

function userAccess(reference: Reference): Access {
  return accessFor(currentEmail(), reference.units, reference.settings);
}

/**
 * The units of the user's that answer for an item, named as the user's units
 * are (so the page can compare them as they are); all the responsible units
 * for the office.
 */
function responsibleFor(item: Row, registry: UnitRegistry, access: Access, today: string): string[] {
  const units = responsibleUnitsOf(item, registry, { date: today });
  if (access.isOffice) return units;
  const responsible = new Set(units.map((u) => matchKey(u)));
  return access.units.filter((u) => responsible.has(matchKey(u)));
}

export function loadProgressForm(store: SheetStore): ProgressForm {
  const plan = store.read('plan').rows.map((r) => r.row);
  const reference = referenceData(store);
  const access = userAccess(reference);
  const registry = UnitRegistry.fromRows(reference.units);
  const today = todayIn(store.timeZone);
  const items: ProgressItemView[] = [];
  for (const row of plan) {
    const units = responsibleFor(row, registry, access, today);
    if (access.isOffice || units.length > 0) items.push(toView(row, units));
  }
  return {
    email: access.email,
    isOffice: access.isOffice,
    units: access.units,
    items,
    planItems: plan.length,
    statuses: PROGRESS_STATUS.map((s) => ({ code: s.code, label: s.label })),
    today,
  };
}

function toView(row: Row, units: string[]): ProgressItemView {
  return {
    year: Number(row.year),
    id: String(row.id ?? ''),
    title: String(row.title ?? ''),
    status: String(row.status ?? 'not_started'),
    percent: typeof row.percent === 'number' ? row.percent : null,
    lead: String(row.lead ?? ''),
    nextDue: typeof row.nextDue === 'string' ? row.nextDue : null,
    units,
  };
}

export function recordProgress(store: SheetStore, input: ProgressInput): SubmitResult {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    throw new UserFacingError('Hệ thống đang bận ghi dữ liệu của người khác. Vui lòng gửi lại sau ít giây.');
  }
  try {
    const reference = referenceData(store);
    const access = userAccess(reference);
    const plan = store.read('plan');
    const today = todayIn(store.timeZone);
    const errors = validateProgress(input, {
      items: plan.rows.map((r) => r.row),
      allowedUnits: access.isOffice ? null : access.units,
      today,
    });
    if (errors.length > 0) throw new UserFacingError(errors.join('\n'));
    const target = plan.rows.find((r) => String(r.row.id) === input.itemId && Number(r.row.year) === input.year)!;
    const registry = UnitRegistry.fromRows(reference.units);
    if (
      !access.isOffice &&
      !responsibleFor(target.row, registry, access, today).some((u) => matchKey(u) === matchKey(input.unit))
    ) {
      throw new UserFacingError(
        `Đơn vị «${input.unit}» không phải đơn vị chịu trách nhiệm công việc mã «${input.itemId}». ` +
          'Vui lòng chọn một công việc của đơn vị, hoặc liên hệ Thường trực Hội đồng nếu cần giao thêm.',
      );
    }

    const logRow = progressLogRow(input, new Date().toISOString(), access.email);
    const options = { dueSoonDays: councilSettings(reference.settings).reminderDays, timeZone: store.timeZone };
    const advanced = advanceItemStatus(target.row, logRow, today, options);
    // One call either way: the header only, or the whole log when the rules need the item's earlier reports.
    const log = advanced ? store.readHeader('progress') : store.read('progress');
    store.requireColumns(log, ['loggedAt', 'itemId', 'unit', 'status']);
    store.requireColumns(plan, COMPUTED_PLAN_COLUMNS);
    store.appendRow(log, logRow);
    const state: ComputedState =
      advanced ?? computeItemStatus(target.row, [...log.rows.map((r) => r.row), logRow], today, options);

    const updated: Row = { ...target.row };
    for (const key of COMPUTED_PLAN_COLUMNS) updated[key] = state[key];
    store.writeColumns(plan, [{ sheetRow: target.sheetRow, row: updated }], COMPUTED_PLAN_COLUMNS);
    // Apply the writes before the lock is released, so the next writer reads them.
    SpreadsheetApp.flush();
    return {
      message: `Đã ghi tiến độ công việc ${input.itemId} của ${input.unit}.`,
      item: toView(updated, responsibleFor(updated, registry, access, today)),
    };
  } finally {
    lock.releaseLock();
  }
}

export const PROGRESS_SIDEBAR_TITLE = `Cập nhật tiến độ – ${SHEETS.plan.name}`;
