/**
 * Writes that can race (two people, or a person and the morning trigger) run
 * under the document lock: tryLock, the work, flush, release. flush applies
 * the writes before the next holder reads.
 */
import { UserFacingError } from './errors';

export const LOCK_WAIT_MS = 30_000;

export const BUSY_MESSAGE = 'Bảng tính đang bận ghi dữ liệu khác. Vui lòng thử lại sau ít giây.';

export function withDocumentLock<T>(work: () => T, busyMessage = BUSY_MESSAGE): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new UserFacingError(busyMessage);
  try {
    const result = work();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
