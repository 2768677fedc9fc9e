/**
 * Logging progress on a plan item: validating what a staff member submits and
 * turning it into a log row and the item's new computed columns. Pure; the
 * add-in's server function wraps it in a lock and one read / one write.
 */
import { PROGRESS_STATUS, type ProgressStatus, type Row } from './contract';
import { isIsoDate } from './dates';
import { matchKey } from './text';

/** What the progress form sends (dates as ISO strings: google.script.run cannot carry Date). */
export interface ProgressInput {
  year: number;
  itemId: string;
  unit: string;
  status: ProgressStatus;
  percent: number | null;
  date: string | null;
  note: string;
  evidence: string;
}

export interface ProgressContext {
  /** The plan's rows (contract keys). */
  items: Row[];
  /** Units the user may report for; null means any unit (the standing office). */
  allowedUnits: string[] | null;
  /** Today's ISO date in the council's time zone. */
  today: string;
}

/** Every problem with a submission, in Vietnamese, empty when it is fine. */
export function validateProgress(input: ProgressInput, ctx: ProgressContext): string[] {
  const errors: string[] = [];
  const item = ctx.items.find((r) => String(r.id) === String(input.itemId) && Number(r.year) === Number(input.year));
  if (!input.itemId) errors.push('Vui lòng chọn nội dung công việc.');
  else if (!item) errors.push(`Không tìm thấy công việc mã «${input.itemId}» của năm ${input.year} trong kế hoạch.`);
  if (!input.unit) errors.push('Vui lòng chọn đơn vị báo cáo.');
  else if (ctx.allowedUnits && !ctx.allowedUnits.some((u) => matchKey(u) === matchKey(input.unit))) {
    errors.push(`Tài khoản của anh/chị không được cập nhật tiến độ cho đơn vị «${input.unit}».`);
  }
  if (!PROGRESS_STATUS.some((s) => s.code === input.status)) errors.push('Vui lòng chọn trạng thái hợp lệ.');
  if (input.percent !== null) {
    if (!Number.isFinite(input.percent) || input.percent < 0 || input.percent > 100) {
      errors.push('Tỷ lệ hoàn thành phải là số từ 0 đến 100.');
    }
  }
  if (input.status === 'done' && input.percent !== null && input.percent < 100) {
    errors.push('Công việc đã hoàn thành thì tỷ lệ hoàn thành phải là 100%.');
  }
  if (input.date !== null && input.date !== '') {
    if (!isIsoDate(input.date)) errors.push('Ngày thực hiện không hợp lệ.');
    else if (input.date > ctx.today) errors.push('Ngày thực hiện không được sau ngày hôm nay.');
  }
  if (input.evidence && !/^https?:\/\/\S+$/i.test(input.evidence.trim())) {
    errors.push('Minh chứng phải là một đường dẫn bắt đầu bằng http:// hoặc https://.');
  }
  if ((input.note ?? '').length > 5000) errors.push('Ghi chú quá dài (tối đa 5.000 ký tự).');
  return errors;
}

/** The percent a status implies when the user left it empty. */
function effectivePercent(input: ProgressInput): number | null {
  if (input.percent !== null) return input.percent;
  if (input.status === 'done') return 100;
  if (input.status === 'not_started') return 0;
  return null;
}

/** The progress-log row for a valid submission. */
export function progressLogRow(input: ProgressInput, loggedAt: string, user: string): Row {
  const percent = effectivePercent(input);
  return {
    loggedAt,
    year: input.year,
    itemId: input.itemId,
    unit: input.unit.trim(),
    status: input.status,
    percent: percent === null ? null : percent / 100,
    date: input.date || null,
    note: input.note.trim(),
    evidence: input.evidence.trim(),
    user,
  };
}

/** The plan item after a submission: status, percent and last update follow the latest log entry. */
export function applyProgress(item: Row, logRow: Row): Row {
  return {
    ...item,
    status: logRow.status,
    percent: logRow.percent ?? item.percent,
    lastUpdate: logRow.loggedAt,
  };
}
