/**
 * Server side of the progress sidebar: the form's data and the submission.
 * A submission takes the document lock, then reads the plan once, appends one
 * log row and rewrites one plan row: a bounded number of service calls
 * however long the log grows.
 */
import { PROGRESS_STATUS, SHEETS, type Row } from '../core/contract';
import { accessFor, type Access } from '../core/access';
import { todayIn } from '../core/dates';
import { applyProgress, progressLogRow, validateProgress, type ProgressInput } from '../core/progress';
import { UserFacingError } from './errors';
import { SheetStore } from './sheet-store';
import type { ProgressForm, ProgressItemView, SubmitResult } from './api-types';

const LOCK_WAIT_MS = 30_000;

/** How long a user's unit access is remembered (units and settings change rarely). */
const ACCESS_CACHE_SECONDS = 300;

function currentEmail(): string {
  return Session.getActiveUser().getEmail() || '';
}

/**
 * The user's access from the units and settings sheets, remembered in the
 * document cache for a few minutes so each submission does not re-read them.
 * A change of a unit's e-mail takes effect within ACCESS_CACHE_SECONDS.
 */
function userAccess(store: SheetStore): Access {
  const email = currentEmail();
  const cache = CacheService.getDocumentCache();
  const key = `access:${email.toLowerCase()}`;
  const hit = cache?.get(key);
  if (hit) return JSON.parse(hit) as Access;
  const units = store.read('units').rows.map((r) => r.row);
  const settings = store.read('settings').rows.map((r) => r.row);
  const access = accessFor(email, units, settings);
  cache?.put(key, JSON.stringify(access), ACCESS_CACHE_SECONDS);
  return access;
}

export function loadProgressForm(store: SheetStore): ProgressForm {
  const plan = store.read('plan').rows.map((r) => r.row);
  const access = userAccess(store);
  return {
    email: access.email,
    isOffice: access.isOffice,
    units: access.units,
    items: plan.map(toView),
    statuses: PROGRESS_STATUS.map((s) => ({ code: s.code, label: s.label })),
    today: todayIn(store.timeZone),
  };
}

function toView(row: Row): ProgressItemView {
  return {
    year: Number(row.year),
    id: String(row.id ?? ''),
    title: String(row.title ?? ''),
    status: String(row.status ?? 'not_started'),
    percent: typeof row.percent === 'number' ? row.percent : null,
    lead: String(row.lead ?? ''),
  };
}

export function recordProgress(store: SheetStore, input: ProgressInput): SubmitResult {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    throw new UserFacingError('Hệ thống đang bận ghi dữ liệu của người khác. Vui lòng gửi lại sau ít giây.');
  }
  try {
    const access = userAccess(store);
    const plan = store.read('plan');
    const today = todayIn(store.timeZone);
    const errors = validateProgress(input, {
      items: plan.rows.map((r) => r.row),
      allowedUnits: access.isOffice ? null : access.units,
      today,
    });
    if (errors.length > 0) throw new UserFacingError(errors.join('\n'));

    const logRow = progressLogRow(input, new Date().toISOString(), access.email);
    store.appendToSheet('progress', [logRow]);

    const target = plan.rows.find((r) => String(r.row.id) === input.itemId && Number(r.row.year) === input.year)!;
    const updated = applyProgress(target.row, logRow);
    store.update(plan, target.sheetRow, updated);
    // Apply the writes before the lock is released, so the next writer reads them.
    SpreadsheetApp.flush();
    return {
      message: `Đã ghi tiến độ công việc ${input.itemId} của ${input.unit}.`,
      item: toView(updated),
    };
  } finally {
    lock.releaseLock();
  }
}

export const PROGRESS_SIDEBAR_TITLE = `Cập nhật tiến độ – ${SHEETS.plan.name}`;
