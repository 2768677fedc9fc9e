/**
 * Daily reminders in the offline runtime: the trigger (on/off, never two),
 * mails sent once per item and threshold however often it runs, the e-mail
 * quota, units without e-mail, and no UI in the trigger's execution.
 */
import type { GasRuntime } from '../support/gas';
import { fullWorkbook, OFFICE, sheetObjects, unitRows } from './helpers';

const DAY = 24 * 3600 * 1000;
const LOG = 'Nhật ký nhắc việc';

/** The user's daily triggers (setup also installs a change trigger, reference.ts). */
const daily = (runtime: GasRuntime) => runtime.triggers.filter((t) => t.getHandlerFunction() === 'dailyTracking');

describe('the daily reminder trigger', () => {
  it('is turned on once and off again, whatever the clicks', () => {
    const runtime = fullWorkbook();
    runtime.clickMenu('Thi đua – Khen thưởng', 'Nhắc việc', 'Bật nhắc việc hằng ngày');
    runtime.clickMenu('Thi đua – Khen thưởng', 'Nhắc việc', 'Bật nhắc việc hằng ngày');
    expect(daily(runtime)).toHaveLength(1);
    const [trigger] = daily(runtime);
    expect(trigger.getHandlerFunction()).toBe('dailyTracking');
    expect(trigger.$record.schedule).toEqual({ everyDays: 1, atHour: 7, timeZone: 'Asia/Ho_Chi_Minh' });
    expect(runtime.ui.alerts.map((a) => a.prompt)).toEqual([
      expect.stringContaining('Đã bật nhắc việc hằng ngày'),
      expect.stringContaining('Nhắc việc hằng ngày đã được bật'),
    ]);

    // A colleague cannot add a second one, nor remove the first.
    const colleague = fullWorkbook({ user: 'thuongtruc@hongngu.example', spreadsheet: runtime.spreadsheet });
    colleague.clickMenu('Thi đua – Khen thưởng', 'Nhắc việc', 'Bật nhắc việc hằng ngày');
    expect(colleague.ui.alerts.at(-1)!.prompt).toContain(`đã được tài khoản ${OFFICE} bật`);
    colleague.clickMenu('Thi đua – Khen thưởng', 'Nhắc việc', 'Tắt nhắc việc hằng ngày');
    expect(colleague.ui.toasts.at(-1)!.message).toContain(`do tài khoản ${OFFICE} bật; chỉ tài khoản đó tắt được`);
    expect(daily(colleague)).toHaveLength(0);
    expect(daily(runtime)).toHaveLength(1);

    runtime.clickMenu('Thi đua – Khen thưởng', 'Nhắc việc', 'Tắt nhắc việc hằng ngày');
    runtime.clickMenu('Thi đua – Khen thưởng', 'Nhắc việc', 'Tắt nhắc việc hằng ngày');
    expect(daily(runtime)).toHaveLength(0);
    expect(runtime.ui.toasts.slice(-2).map((t) => t.message)).toEqual([
      'Đã tắt nhắc việc hằng ngày.',
      'Nhắc việc hằng ngày chưa được bật.',
    ]);
    // Now the colleague may turn it on.
    colleague.clickMenu('Thi đua – Khen thưởng', 'Nhắc việc', 'Bật nhắc việc hằng ngày');
    expect(daily(colleague)).toHaveLength(1);
  });

  it('sends each reminder once, however often it runs, and recomputes the plan without any UI', () => {
    const runtime = fullWorkbook();
    runtime.clickMenu('Thi đua – Khen thưởng', 'Nhắc việc', 'Bật nhắc việc hằng ngày');
    runtime.ui.alerts.length = 0;
    runtime.ui.toasts.length = 0;
    expect(runtime.fireTimeTriggers()).toEqual(['dailyTracking']);
    const sent = runtime.mail.sent.length;
    // Item 4 (due 15/03, late) is every department's and commune's; 5.1 (due 30/06) is Phòng Nội vụ's.
    expect(sent).toBe(unitRows().length);
    const noivu = runtime.mail.sent.find((m) => m.to === OFFICE)!;
    expect(noivu.subject).toBe('[Hội đồng Thi đua – Khen thưởng] Nhắc việc: 1 việc đã quá hạn, 1 việc sắp đến hạn');
    expect(noivu.body).toContain('Mã 5.1: Tập huấn nghiệp vụ thi đua, khen thưởng');
    expect(noivu.body).toContain('hạn hoàn thành 30/06/2024, còn 5 ngày');
    expect(noivu.htmlBody).toContain('<ul><li>');
    const log = sheetObjects(runtime, LOG);
    expect(log).toHaveLength(sent + 1);
    expect(log.find((r) => r['Mã công việc'] === '5.1')).toMatchObject({
      'Đơn vị': 'Phòng Nội vụ',
      'Mốc nhắc': 'Trước hạn 7 ngày',
      'Hạn hoàn thành': new Date('2024-06-30T00:00:00Z'),
      'Người nhận': OFFICE,
    });

    // Again the same day, and the next day: nothing new to send.
    runtime.fireTimeTriggers();
    runtime.clock.advance(DAY);
    runtime.fireTimeTriggers();
    expect(runtime.mail.sent).toHaveLength(sent);
    expect(sheetObjects(runtime, LOG)).toHaveLength(sent + 1);
    expect(runtime.ui.alerts).toEqual([]);
    expect(runtime.ui.toasts).toEqual([]);
    expect(runtime.logs.map((l) => l.message).join('\n')).toContain('Hôm nay không có thư nhắc việc nào cần gửi thêm.');
    // The morning run recomputed «Số ngày trễ» of the late item (102 days on 25/06, 103 on 26/06).
    expect(sheetObjects(runtime, 'Kế hoạch').find((r) => r['Mã'] === '4')!['Số ngày trễ']).toBe(103);

    // On the due date, 5.1 reaches its next threshold and is reminded again, once.
    runtime.clock.advance(4 * DAY);
    runtime.fireTimeTriggers();
    runtime.fireTimeTriggers();
    expect(runtime.mail.sent.slice(sent).map((m) => [m.to, m.subject])).toEqual([
      [OFFICE, '[Hội đồng Thi đua – Khen thưởng] Nhắc việc: 1 việc đến hạn hôm nay'],
    ]);
  });

  it('keeps within the day’s e-mail quota and reports the rest; sends it on a later run', () => {
    const runtime = fullWorkbook({ mailQuota: 1 });
    runtime.clickMenu('Thi đua – Khen thưởng', 'Nhắc việc', 'Gửi nhắc việc ngay');
    expect(runtime.mail.sent).toHaveLength(1);
    const alert = runtime.ui.alerts.at(-1)!;
    expect(alert.title).toBe('Gửi nhắc việc ngay');
    expect(alert.prompt).toMatch(/^Đã gửi 1 thư nhắc việc \(\d+ lượt nhắc\)\. Chưa gửi được 21 trường hợp:/);
    expect(alert.prompt).toContain('Đã hết hạn mức gửi thư trong ngày (cần 1 lượt, còn 0 lượt)');
    expect(alert.prompt).toContain('… và 6 trường hợp khác.');
    const first = runtime.mail.sent[0].to;

    // The next day the quota is back: the others get theirs, the first unit nothing twice.
    runtime.mail.remainingQuota = 100;
    runtime.clock.advance(DAY);
    runtime.clickMenu('Thi đua – Khen thưởng', 'Nhắc việc', 'Gửi nhắc việc ngay');
    expect(runtime.mail.sent).toHaveLength(unitRows().length);
    expect(runtime.mail.sent.filter((m) => m.to === first)).toHaveLength(1);
  });

  it('reports units without an e-mail and sends the others', () => {
    const units = unitRows({
      'Phòng Y tế': { email: null },
      'Phòng Tư pháp': { email: 'tu phap at hongngu' },
    });
    const runtime = fullWorkbook({ units });
    runtime.clickMenu('Thi đua – Khen thưởng', 'Nhắc việc', 'Gửi nhắc việc ngay');
    const alert = runtime.ui.alerts.at(-1)!.prompt;
    expect(alert).toContain('Đơn vị «Phòng Y tế» chưa có thư điện tử; vui lòng bổ sung ở trang «Đơn vị».');
    expect(alert).toContain('Đơn vị «Phòng Tư pháp» có thư điện tử không hợp lệ');
    expect(runtime.mail.sent).toHaveLength(units.length - 2);
    // Not sent, so not logged: once the e-mail is filled in, the unit gets its reminder.
    expect(sheetObjects(runtime, LOG).some((r) => r['Đơn vị'] === 'Phòng Y tế')).toBe(false);
  });

  it('is skipped, with a log line, on a workbook that is not set up', () => {
    const runtime = fullWorkbook();
    runtime.clickMenu('Thi đua – Khen thưởng', 'Nhắc việc', 'Bật nhắc việc hằng ngày');
    runtime.spreadsheet.deleteSheet(runtime.spreadsheet.getSheetByName('Nhật ký tiến độ')!);
    expect(() => runtime.fireTimeTriggers()).not.toThrow();
    expect(runtime.logs.map((l) => l.message).join('\n')).toContain(
      'Nhắc việc hằng ngày không chạy: Bảng tính chưa có trang «Nhật ký tiến độ»',
    );
    expect(runtime.mail.sent).toEqual([]);
  });
});
