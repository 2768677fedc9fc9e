/**
 * Reminder e-mails: items due within N days or late, grouped per responsible
 * unit into one digest each, each item sent once per threshold.
 *
 * Thresholds (ReminderThreshold), judged on the item's next open due date:
 * - `due-N` (N = the reminder days): the due date is 1 to N days ahead, i.e.
 *   the item has entered the N-day window;
 * - `due-0`: the due date is today;
 * - `late`: the due date has passed (never for ongoing items; see SCHEDULE_RULES).
 * Done and paused items, and items without due dates, are not reminded.
 *
 * "Once per item and threshold": a (unit, item, due date, threshold) found in
 * `sentLog` is not sent again. A missed run does not lose a reminder: an item
 * 3 days from its due date whose `due-7` was never sent gets it now. The due
 * date is part of the key, so an item that reopens for its next due date is
 * reminded again for that one.
 *
 * Units without a (valid) e-mail, and items whose responsible unit cannot be
 * read, are reported in `skipped` with the reason, in Vietnamese. `fitQuota`
 * then keeps the digests within MailApp's remaining daily quota.
 */
import { SHEETS, type Row } from '../contract';
import { formatViDate, isIsoDate } from '../dates';
import { matchKey } from '../text';
import { UnitRegistry, type Unit } from '../units';
import { resolveResponsible, responsibleText, type ResponsibleOptions } from './responsible';
import { DEFAULT_COUNCIL_NAME, DEFAULT_DUE_SOON_DAYS } from './rules';
import { computeItemStatus, groupLogById, type StatusOptions } from './status';

export type ReminderThreshold = `due-${number}` | 'late';

/** One item in a digest. */
export interface DigestItem {
  itemId: string;
  year: number | null;
  title: string;
  dueDate: string;
  threshold: ReminderThreshold;
  /** Days to the due date (0 today), or null when late. */
  daysLeft: number | null;
  /** Days since the due date when late, else null. */
  daysLate: number | null;
}

/** One e-mail to one unit. */
export interface ReminderDigest {
  unit: string;
  to: string[];
  subject: string;
  /** Plain text, Vietnamese. */
  body: string;
  /** The same as HTML, every value escaped. */
  htmlBody: string;
  items: DigestItem[];
}

export type SkipCode = 'no-email' | 'no-unit' | 'quota';

/** Reminders not sent, and why (Vietnamese). */
export interface SkippedReminder {
  unit: string | null;
  code: SkipCode;
  reason: string;
  items: DigestItem[];
  to?: string[];
}

/** What was sent: one record per unit, item and threshold, for the reminder log sheet. */
export interface ReminderRecord {
  /** ISO date-time of sending. */
  sentAt: string;
  unit: string;
  itemId: string;
  /** ISO date of the due date reminded about. */
  dueDate: string;
  threshold: string;
  /** Recipients, separated by "; ". */
  to: string;
}

export interface ReminderInput {
  items: ReadonlyArray<Row>;
  log: ReadonlyArray<Row>;
  /** Rows of the units sheet (name, kind, aliases, email…). */
  units: ReadonlyArray<Row>;
  /** Reminders sent before. */
  sentLog: ReadonlyArray<ReminderRecord>;
  /** Today's ISO date in the council's time zone. */
  today: string;
  /** Remind items due within this many days (settings «reminderDays»); default 7. */
  days?: number;
  /** Signed at the bottom of the e-mail (settings «councilName»). */
  councilName?: string;
  /** Link to the tracking spreadsheet, shown in the e-mail when given (http or https only). */
  sheetUrl?: string;
  /** The standing office's unit (see responsibleUnitsOf). */
  officeUnit?: string | null;
  timeZone?: string;
}

export interface ReminderPlan {
  digests: ReminderDigest[];
  skipped: SkippedReminder[];
}

/** The threshold an item has reached, or null when it is not to be reminded. */
export function thresholdFor(daysLeft: number, days: number, canBeLate: boolean): ReminderThreshold | null {
  if (daysLeft < 0) return canBeLate ? 'late' : null;
  if (daysLeft === 0) return 'due-0';
  if (daysLeft <= days) return `due-${days}`;
  return null;
}

/** The key that makes a reminder "already sent". */
export function reminderKey(unit: string, itemId: string, dueDate: string, threshold: string): string {
  return [matchKey(unit), String(itemId).trim(), dueDate, threshold].join('|');
}

const EMAIL = /^[^@\s;,<>"]+@[^@\s;,<>"]+\.[^@\s;,<>"]+$/;

/** The valid addresses in a unit's e-mail cell ("a@x.vn; b@x.vn"), lower case, each once. */
export function emailsOf(value: unknown): { valid: string[]; invalid: string[] } {
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const part of String(value ?? '').split(/[;,\s]+/)) {
    const e = part.trim().toLowerCase();
    if (!e) continue;
    if (EMAIL.test(e)) {
      if (!valid.includes(e)) valid.push(e);
    } else invalid.push(part.trim());
  }
  return { valid, invalid };
}

function yearOf(item: Row): number | null {
  const year = Number(item.year);
  return item.year !== null && item.year !== '' && Number.isInteger(year) && year > 0 ? year : null;
}

/** Most urgent first: late (longest late first), due today, then soonest due. */
function urgency(item: DigestItem): number {
  if (item.daysLate !== null) return -1_000_000 - item.daysLate;
  return item.daysLeft ?? 0;
}

/** The digests to send today, and what cannot be sent. See the module comment. */
export function planReminders(input: ReminderInput): ReminderPlan {
  const { today } = input;
  if (!isIsoDate(today)) throw new RangeError(`Ngày không hợp lệ: «${today}» (cần dạng yyyy-mm-dd).`);
  const days = input.days ?? DEFAULT_DUE_SOON_DAYS;
  const registry = UnitRegistry.fromRows(input.units);
  const sent = new Set(input.sentLog.map((r) => reminderKey(r.unit, r.itemId, r.dueDate, r.threshold)));
  const statusOptions: StatusOptions = { dueSoonDays: days, timeZone: input.timeZone };
  const responsibleOptions: ResponsibleOptions = { officeUnit: input.officeUnit, date: today };
  const byId = groupLogById(input.log);
  const unitByName = new Map(registry.all().map((u) => [u.name, u]));

  const perUnit = new Map<Unit, DigestItem[]>();
  const skipped: SkippedReminder[] = [];
  for (const item of input.items) {
    const s = computeItemStatus(item, byId.get(String(item.id ?? '').trim()) ?? [], today, statusOptions);
    if (s.state === 'done' || s.status === 'paused' || s.nextDue === null || s.daysLeft === null) continue;
    const threshold = thresholdFor(s.daysLeft, days, s.state === 'late');
    if (!threshold) continue;
    const entry: DigestItem = {
      itemId: String(item.id ?? '').trim(),
      year: yearOf(item),
      title: String(item.title ?? '').trim(),
      dueDate: s.nextDue,
      threshold,
      daysLeft: s.daysLeft >= 0 ? s.daysLeft : null,
      daysLate: s.daysLate,
    };
    const text = responsibleText(item);
    const { units } = resolveResponsible(text, registry, { ...responsibleOptions, year: Number(item.year) });
    if (units.length === 0) {
      skipped.push({
        unit: null,
        code: 'no-unit',
        reason: text
          ? `Công việc ${entry.itemId}: chưa xác định được đơn vị nào trong danh sách đơn vị ứng với «${text}»; vui lòng ghi rõ tên đơn vị ở cột «Đơn vị chịu trách nhiệm».`
          : `Công việc ${entry.itemId} chưa ghi đơn vị chịu trách nhiệm; vui lòng bổ sung ở cột «Đơn vị chịu trách nhiệm».`,
        items: [entry],
      });
      continue;
    }
    for (const name of units) {
      if (sent.has(reminderKey(name, entry.itemId, entry.dueDate, threshold))) continue;
      const unit = unitByName.get(name)!;
      const list = perUnit.get(unit) ?? [];
      list.push(entry);
      perUnit.set(unit, list);
    }
  }

  const digests: ReminderDigest[] = [];
  for (const unit of registry.all()) {
    const items = perUnit.get(unit);
    if (!items) continue;
    items.sort((a, b) => urgency(a) - urgency(b) || a.itemId.localeCompare(b.itemId, 'vi', { numeric: true }));
    const { valid, invalid } = emailsOf(unit.email);
    if (valid.length === 0) {
      skipped.push({
        unit: unit.name,
        code: 'no-email',
        reason:
          invalid.length > 0
            ? `Đơn vị «${unit.name}» có thư điện tử không hợp lệ («${invalid.join('; ')}»); vui lòng sửa ở trang «Đơn vị».`
            : `Đơn vị «${unit.name}» chưa có thư điện tử; vui lòng bổ sung ở trang «Đơn vị».`,
        items,
      });
      continue;
    }
    digests.push(composeDigest(unit.name, valid, items, input));
  }
  digests.sort((a, b) => urgency(a.items[0]) - urgency(b.items[0]));
  return { digests, skipped };
}

// ---------------------------------------------------------------------------
// The e-mail.

const GROUPS: ReadonlyArray<{ heading: string; test: (i: DigestItem) => boolean }> = [
  { heading: 'Các việc đã quá hạn', test: (i) => i.threshold === 'late' },
  { heading: 'Các việc đến hạn hôm nay', test: (i) => i.threshold === 'due-0' },
  { heading: 'Các việc sắp đến hạn', test: (i) => i.threshold !== 'late' && i.threshold !== 'due-0' },
];

function when(item: DigestItem): string {
  const due = `hạn hoàn thành ${formatViDate(item.dueDate)}`;
  if (item.daysLate !== null) return `${due}, đã quá hạn ${item.daysLate} ngày`;
  if (item.daysLeft === 0) return `${due}, đến hạn hôm nay`;
  return `${due}, còn ${item.daysLeft} ngày`;
}

function itemLine(item: DigestItem): string {
  const year = item.year !== null ? ` (kế hoạch năm ${item.year})` : '';
  return `Mã ${item.itemId}: ${item.title}${year} – ${when(item)}`;
}

function subjectOf(councilName: string, items: ReadonlyArray<DigestItem>): string {
  const late = items.filter((i) => i.threshold === 'late').length;
  const today = items.filter((i) => i.threshold === 'due-0').length;
  const soon = items.length - late - today;
  const parts = [
    late ? `${late} việc đã quá hạn` : '',
    today ? `${today} việc đến hạn hôm nay` : '',
    soon ? `${soon} việc sắp đến hạn` : '',
  ].filter(Boolean);
  return `[${councilName}] Nhắc việc: ${parts.join(', ')}`;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function composeDigest(unit: string, to: string[], items: DigestItem[], input: ReminderInput): ReminderDigest {
  const councilName = input.councilName?.trim() || DEFAULT_COUNCIL_NAME;
  const url = input.sheetUrl && /^https?:\/\/\S+$/i.test(input.sheetUrl.trim()) ? input.sheetUrl.trim() : null;
  const intro = `Thường trực ${councilName} trân trọng nhắc Quý đơn vị các nội dung công việc trong kế hoạch mà Quý đơn vị chịu trách nhiệm thực hiện:`;
  const request =
    'Đề nghị Quý đơn vị quan tâm, khẩn trương thực hiện và cập nhật tiến độ trên bảng tính theo dõi kế hoạch. ' +
    'Nếu công việc đã hoàn thành, xin vui lòng cập nhật trạng thái «Hoàn thành» kèm đường dẫn minh chứng để không nhận thư nhắc lại.';
  const footer = `Thư được gửi tự động ngày ${formatViDate(input.today)}.`;

  const lines: string[] = [`Kính gửi: ${unit},`, '', intro];
  const html: string[] = [`<p>Kính gửi: <b>${escapeHtml(unit)}</b>,</p>`, `<p>${escapeHtml(intro)}</p>`];
  for (const group of GROUPS) {
    const inGroup = items.filter(group.test);
    if (inGroup.length === 0) continue;
    lines.push('', `${group.heading}:`, ...inGroup.map((i) => `- ${itemLine(i)}`));
    html.push(
      `<p><b>${escapeHtml(group.heading)}:</b></p>`,
      `<ul>${inGroup.map((i) => `<li>${escapeHtml(itemLine(i))}</li>`).join('')}</ul>`,
    );
  }
  lines.push('', request);
  html.push(`<p>${escapeHtml(request)}</p>`);
  if (url) {
    lines.push(`Bảng tính theo dõi: ${url}`);
    html.push(`<p>Bảng tính theo dõi: <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`);
  }
  const signature = `Thường trực ${councilName}`;
  lines.push('', 'Trân trọng cảm ơn.', signature, '', footer);
  html.push(`<p>Trân trọng cảm ơn.<br>${escapeHtml(signature)}</p>`, `<p><i>${escapeHtml(footer)}</i></p>`);

  return { unit, to, subject: subjectOf(councilName, items), body: lines.join('\n'), htmlBody: html.join('\n'), items };
}

// ---------------------------------------------------------------------------
// Quota and records.

/**
 * Keeps the digests within the day's remaining e-mail quota
 * (MailApp.getRemainingDailyQuota(); each recipient counts 1). Digests are
 * taken in order (planReminders puts the most urgent first); one that does not
 * fit is skipped and the next, smaller ones are still tried. Skipped digests
 * are not recorded as sent, so the next run sends them.
 */
export function fitQuota(digests: ReadonlyArray<ReminderDigest>, remainingQuota: number): ReminderPlan {
  let left = Math.max(0, Math.floor(Number.isFinite(remainingQuota) ? remainingQuota : 0));
  const kept: ReminderDigest[] = [];
  const skipped: SkippedReminder[] = [];
  for (const d of digests) {
    if (d.to.length <= left) {
      kept.push(d);
      left -= d.to.length;
      continue;
    }
    skipped.push({
      unit: d.unit,
      code: 'quota',
      reason: `Đã hết hạn mức gửi thư trong ngày (cần ${d.to.length} lượt, còn ${left} lượt); thư nhắc «${d.unit}» sẽ được gửi ở lần chạy sau.`,
      items: d.items,
      to: d.to,
    });
  }
  return { digests: kept, skipped };
}

/** The records of a sent digest, one per item, to append to the reminder log. */
export function reminderRecords(digest: ReminderDigest, sentAt: string): ReminderRecord[] {
  return digest.items.map((i) => ({
    sentAt,
    unit: digest.unit,
    itemId: i.itemId,
    dueDate: i.dueDate,
    threshold: i.threshold,
    to: digest.to.join('; '),
  }));
}

/** The Vietnamese label of a threshold, as the reminder log sheet shows it. */
export function thresholdLabel(threshold: string): string {
  if (threshold === 'late') return 'Quá hạn';
  if (threshold === 'due-0') return 'Đến hạn hôm nay';
  const days = /^due-(\d+)$/.exec(threshold);
  return days ? `Trước hạn ${days[1]} ngày` : threshold;
}

/** A threshold from its code or its label (thresholdLabel); other text is kept as it is. */
export function thresholdOf(value: string): string {
  const t = value.trim();
  const key = matchKey(t);
  if (key === matchKey('Quá hạn')) return 'late';
  if (key === matchKey('Đến hạn hôm nay')) return 'due-0';
  const days = new RegExp(`^${matchKey('Trước hạn')} (\\d+) ${matchKey('ngày')}$`, 'u').exec(key);
  return days ? `due-${Number(days[1])}` : t;
}

/** A record as a row of the contract's reminder log sheet (SHEETS.reminders), the threshold by its label. */
export function reminderRecordRow(record: ReminderRecord): Row {
  return { ...record, threshold: thresholdLabel(record.threshold) };
}

/** A row of the reminder log sheet as a record, or null without a unit or item. */
export function reminderRecordFromRow(row: Row): ReminderRecord | null {
  const get = (key: keyof ReminderRecord) => String(row[key] ?? '').trim();
  if (!get('unit') || !get('itemId')) return null;
  return {
    sentAt: get('sentAt'),
    unit: get('unit'),
    itemId: get('itemId'),
    dueDate: isoDue(get('dueDate')),
    threshold: thresholdOf(get('threshold')),
    to: get('to'),
  };
}

const REMINDER_COLUMNS = SHEETS.reminders.columns.map((c) => c.key as keyof ReminderRecord);

function isoDue(due: string): string {
  return isIsoDate(due.slice(0, 10))
    ? due.slice(0, 10)
    : due.replace(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, (_m, d: string, m: string, y: string) => {
        return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
      });
}

/** A record as a sheet line, in the column order of SHEETS.reminders (the threshold by its label). */
export function reminderRecordValues(record: ReminderRecord): string[] {
  const row = reminderRecordRow(record);
  return REMINDER_COLUMNS.map((key) => String(row[key] ?? ''));
}

/**
 * Records from the reminder log sheet's values (header row first); columns are
 * found by header or key, rows without a unit or item are dropped. Date cells
 * (Sheets turns "2024-06-30" into a date) are read with `formatDate`, which
 * the caller gives for its time zone (in Apps Script: Utilities.formatDate
 * with the spreadsheet's zone); by default a date cell is taken as midnight
 * UTC, the way the core's stores write dates.
 */
export function reminderRecordsFromValues(
  values: ReadonlyArray<ReadonlyArray<unknown>>,
  formatDate: (d: Date) => string = (d) => d.toISOString(),
): ReminderRecord[] {
  if (values.length === 0) return [];
  const header = values[0].map((h) => matchKey(String(h ?? '')));
  const cols = SHEETS.reminders.columns.map((c) => {
    const i = header.indexOf(matchKey(c.header));
    return i >= 0 ? i : header.indexOf(matchKey(c.key));
  });
  const cell = (line: ReadonlyArray<unknown>, i: number): string => {
    if (i < 0) return '';
    const v = line[i];
    if (v instanceof Date) return formatDate(v);
    return String(v ?? '').trim();
  };
  const records: ReminderRecord[] = [];
  for (const line of values.slice(1)) {
    const row: Row = {};
    SHEETS.reminders.columns.forEach((c, n) => (row[c.key] = cell(line, cols[n])));
    const record = reminderRecordFromRow(row);
    if (record) records.push(record);
  }
  return records;
}
