/**
 * Reminder e-mails. Each responsible unit gets one digest of its items due
 * within «reminderDays» days or late (core/tracking planReminders), each item
 * once per threshold: what was sent is appended to «Nhật ký nhắc việc» in one
 * write, and what is there is never sent again. The digests are kept within
 * MailApp's remaining daily quota (fitQuota); the rest go on the next run.
 *
 * «Bật nhắc việc hằng ngày» installs one time-driven trigger (every day at 7
 * in Hồ Chí Minh City) running `dailyTracking`, which also recomputes the
 * plan's computed columns and the «Tổng hợp» sheet when it exists. Triggers
 * belong to the user who made them, so the document properties remember who
 * turned reminders on: a colleague turning them on again does not add a second
 * trigger. The trigger runs without UI: what could not be sent is logged and
 * kept for «Gửi nhắc việc ngay» and the menu to show.
 */
import { type Row } from '../core/contract';
import {
  fitQuota,
  planReminders,
  reminderRecordFromRow,
  reminderRecordRow,
  reminderRecords,
  type ReminderRecord,
  type SkippedReminder,
} from '../core/tracking';
import type { SheetStore } from './sheet-store';
import type { TrackingData } from './tracking';

export const DAILY_HANDLER = 'dailyTracking';
const DAILY_HOUR = 7;
const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const OWNER_KEY = 'tdkt.reminders.owner';
const LAST_RUN_KEY = 'tdkt.reminders.lastRun';
/** At most this many reasons are listed in a message; the rest are counted. */
const MAX_LISTED = 15;

export interface ReminderRun {
  /** E-mails sent (one per unit). */
  mails: number;
  /** Items reminded (one per unit, item and threshold). */
  reminders: number;
  /** What was not sent, and why (Vietnamese). */
  problems: string[];
  message: string;
}

function currentEmail(): string {
  return (Session.getEffectiveUser().getEmail() || Session.getActiveUser().getEmail() || '').toLowerCase();
}

function ownTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === DAILY_HANDLER);
}

/** Installs the daily trigger unless it is on already; never two. Returns the message for the user. */
export function enableDailyReminders(): string {
  const properties = PropertiesService.getDocumentProperties();
  const me = currentEmail();
  const mine = ownTriggers();
  // A second trigger of one's own (from an older version or a double click) is dropped.
  mine.slice(1).forEach((t) => ScriptApp.deleteTrigger(t));
  if (mine.length > 0) {
    properties.setProperty(OWNER_KEY, me);
    return `Nhắc việc hằng ngày đã được bật (gửi lúc ${DAILY_HOUR} giờ sáng mỗi ngày).${lastRunNote()}`;
  }
  const owner = properties.getProperty(OWNER_KEY);
  if (owner && owner !== me) {
    return (
      `Nhắc việc hằng ngày đã được tài khoản ${owner} bật; không cần bật thêm. ` +
      `Nếu cần chuyển sang tài khoản của anh/chị, đề nghị tài khoản ${owner} chọn «Tắt nhắc việc hằng ngày» trước.`
    );
  }
  ScriptApp.newTrigger(DAILY_HANDLER).timeBased().everyDays(1).atHour(DAILY_HOUR).inTimezone(TIME_ZONE).create();
  properties.setProperty(OWNER_KEY, me);
  return (
    `Đã bật nhắc việc hằng ngày: mỗi sáng khoảng ${DAILY_HOUR} giờ, các đơn vị nhận thư nhắc các việc sắp đến hạn ` +
    'hoặc quá hạn (thư gửi từ tài khoản của anh/chị).'
  );
}

/** Removes this user's daily trigger. Returns the message for the user. */
export function disableDailyReminders(): string {
  const properties = PropertiesService.getDocumentProperties();
  const me = currentEmail();
  const mine = ownTriggers();
  mine.forEach((t) => ScriptApp.deleteTrigger(t));
  const owner = properties.getProperty(OWNER_KEY);
  if (mine.length > 0 || owner === me) {
    properties.deleteProperty(OWNER_KEY);
    return mine.length > 0 ? 'Đã tắt nhắc việc hằng ngày.' : 'Nhắc việc hằng ngày chưa được bật.';
  }
  if (owner) {
    return `Nhắc việc hằng ngày do tài khoản ${owner} bật; chỉ tài khoản đó tắt được. Vui lòng liên hệ người đó.`;
  }
  return 'Nhắc việc hằng ngày chưa được bật.';
}

function lastRunNote(): string {
  const last = PropertiesService.getDocumentProperties().getProperty(LAST_RUN_KEY);
  if (!last) return '';
  try {
    const { day, message } = JSON.parse(last) as { day: string; message: string };
    return `\nLần chạy gần nhất (${day}): ${message}`;
  } catch {
    return '';
  }
}

function describe(skipped: SkippedReminder): string {
  return skipped.reason;
}

/**
 * Sends today's reminders from data already read, and appends what was sent
 * to the reminder log in one write. The caller holds the document lock, so two
 * runs never send the same reminder.
 */
export function sendReminders(store: SheetStore, data: TrackingData): ReminderRun {
  const logTable = store.read('reminders');
  store.requireColumns(logTable, ['unit', 'itemId', 'dueDate', 'threshold']);
  const sentLog = logTable.rows.map((r) => reminderRecordFromRow(r.row)).filter((r): r is ReminderRecord => r !== null);
  const plan = planReminders({
    items: data.items,
    log: data.log,
    units: data.reference.units,
    sentLog,
    today: data.today,
    days: data.settings.reminderDays,
    councilName: data.settings.councilName,
    sheetUrl: store.spreadsheet.getUrl(),
    timeZone: store.timeZone,
  });
  const fitted = fitQuota(plan.digests, MailApp.getRemainingDailyQuota());
  const problems = [...plan.skipped, ...fitted.skipped].map(describe);
  const records: Row[] = [];
  let mails = 0;
  for (const digest of fitted.digests) {
    try {
      MailApp.sendEmail({
        to: digest.to.join(','),
        subject: digest.subject,
        body: digest.body,
        htmlBody: digest.htmlBody,
        name: data.settings.councilName,
      });
    } catch (err) {
      problems.push(
        `Không gửi được thư nhắc tới «${digest.unit}»: ${err instanceof Error ? err.message : String(err)}`,
      );
      continue;
    }
    mails++;
    records.push(...reminderRecords(digest, new Date().toISOString()).map(reminderRecordRow));
  }
  store.appendRows(logTable, records);

  const message = runMessage(mails, records.length, problems);
  PropertiesService.getDocumentProperties().setProperty(
    LAST_RUN_KEY,
    JSON.stringify({ day: data.today, message: message.split('\n')[0] }),
  );
  return { mails, reminders: records.length, problems, message };
}

function runMessage(mails: number, reminders: number, problems: string[]): string {
  const head =
    mails > 0
      ? `Đã gửi ${mails} thư nhắc việc (${reminders} lượt nhắc).`
      : 'Hôm nay không có thư nhắc việc nào cần gửi thêm.';
  if (problems.length === 0) return head;
  const listed = problems.slice(0, MAX_LISTED).map((p) => `- ${p}`);
  if (problems.length > MAX_LISTED) listed.push(`- … và ${problems.length - MAX_LISTED} trường hợp khác.`);
  return `${head} Chưa gửi được ${problems.length} trường hợp:\n${listed.join('\n')}`;
}
