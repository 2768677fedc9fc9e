import { SHEETS, type Row } from '../../../src/core/contract';
import {
  emailsOf,
  fitQuota,
  planReminders,
  reminderRecords,
  reminderRecordsFromValues,
  reminderRecordValues,
  thresholdFor,
  thresholdLabel,
  thresholdOf,
  type ReminderDigest,
  type ReminderInput,
  type ReminderRecord,
} from '../../../src/core/tracking';
import { planItem, report, sampleUnitRows } from './helpers';

const TODAY = '2024-06-23';

/** Units of the sample file; Phòng Y tế has no e-mail, Phòng Tư pháp a broken one, Phòng Nội vụ two. */
function units(): Row[] {
  return sampleUnitRows().map((u) => {
    if (u.name === 'Phòng Y tế') return { ...u, email: null };
    if (u.name === 'Phòng Tư pháp') return { ...u, email: 'tuphap(at)hongngu' };
    if (u.name === 'Phòng Nội vụ') return { ...u, email: 'noivu@hongngu.example; Thuongtruc@HongNgu.example' };
    return u;
  });
}

function input(items: Row[], over: Partial<ReminderInput> = {}): ReminderInput {
  return { items, log: [], units: units(), sentLog: [], today: TODAY, days: 7, ...over };
}

const inSevenDays = planItem('5.1', { title: 'Tổ chức tập huấn nghiệp vụ', due: '30/06/2024' });
const inEightDays = planItem('5.2', { due: '01/07/2024' });
const dueToday = planItem('2', { title: 'Ban hành kế hoạch', due: '23/06/2024' });
const lateOneDay = planItem('4', { title: 'Đăng ký thi đua', due: '22/06/2024' });

describe('thresholdFor', () => {
  it('names the threshold an item has reached', () => {
    expect(thresholdFor(8, 7, true)).toBeNull();
    expect(thresholdFor(7, 7, true)).toBe('due-7');
    expect(thresholdFor(1, 7, true)).toBe('due-7');
    expect(thresholdFor(0, 7, true)).toBe('due-0');
    expect(thresholdFor(-1, 7, true)).toBe('late');
    expect(thresholdFor(-1, 7, false)).toBeNull();
    expect(thresholdFor(3, 3, true)).toBe('due-3');
  });
});

describe('planReminders', () => {
  it('reminds items due in exactly N days, due today and late by one day, not N + 1 days ahead', () => {
    const { digests } = planReminders(input([inSevenDays, inEightDays, dueToday, lateOneDay]));
    expect(digests).toHaveLength(1);
    const d = digests[0];
    expect(d.unit).toBe('Phòng Nội vụ');
    expect(d.to).toEqual(['noivu@hongngu.example', 'thuongtruc@hongngu.example']);
    expect(d.items.map((i) => [i.itemId, i.threshold, i.dueDate])).toEqual([
      ['4', 'late', '2024-06-22'],
      ['2', 'due-0', '2024-06-23'],
      ['5.1', 'due-7', '2024-06-30'],
    ]);
    expect(d.items[0]).toMatchObject({ daysLate: 1, daysLeft: null });
    expect(d.items[2]).toMatchObject({ daysLate: null, daysLeft: 7 });
  });

  it('writes a polite Vietnamese e-mail listing id, title, due date and days late or left', () => {
    const [d] = planReminders(
      input([inSevenDays, dueToday, lateOneDay], { councilName: 'Hội đồng TĐKT huyện' }),
    ).digests;
    expect(d.subject).toBe(
      '[Hội đồng TĐKT huyện] Nhắc việc: 1 việc đã quá hạn, 1 việc đến hạn hôm nay, 1 việc sắp đến hạn',
    );
    expect(d.body).toContain('Kính gửi: Phòng Nội vụ,');
    expect(d.body).toContain('Thường trực Hội đồng TĐKT huyện trân trọng nhắc Quý đơn vị');
    expect(d.body).toContain(
      '- Mã 4: Đăng ký thi đua (kế hoạch năm 2024) – hạn hoàn thành 22/06/2024, đã quá hạn 1 ngày',
    );
    expect(d.body).toContain(
      '- Mã 2: Ban hành kế hoạch (kế hoạch năm 2024) – hạn hoàn thành 23/06/2024, đến hạn hôm nay',
    );
    expect(d.body).toContain(
      '- Mã 5.1: Tổ chức tập huấn nghiệp vụ (kế hoạch năm 2024) – hạn hoàn thành 30/06/2024, còn 7 ngày',
    );
    expect(d.body.indexOf('Các việc đã quá hạn:')).toBeLessThan(d.body.indexOf('Các việc sắp đến hạn:'));
    expect(d.body).toContain('Trân trọng cảm ơn.\nThường trực Hội đồng TĐKT huyện\n');
    expect(d.body).toContain('trong kế hoạch mà Quý đơn vị chịu trách nhiệm thực hiện:');
    expect(d.body).toContain('Thư được gửi tự động ngày 23/06/2024.');
  });

  it('escapes every value in the HTML body and links only http(s) sheet addresses', () => {
    const evil = planItem('9', { title: '<script>alert("x")</script> & co', due: '25/06/2024' });
    const [d] = planReminders(
      input([evil], { sheetUrl: 'https://docs.google.com/spreadsheets/d/abc?x=1&y=2' }),
    ).digests;
    expect(d.htmlBody).not.toContain('<script>');
    expect(d.htmlBody).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(d.htmlBody).toContain('href="https://docs.google.com/spreadsheets/d/abc?x=1&amp;y=2"');
    expect(d.body).toContain('<script>alert("x")</script> & co'); // plain text stays as typed
    const [bad] = planReminders(input([evil], { sheetUrl: 'javascript:alert(1)' })).digests;
    expect(bad.htmlBody).not.toContain('javascript:');
    expect(bad.body).not.toContain('javascript:');
  });

  it('groups per responsible unit: one digest per unit, an item in each of its units', () => {
    const shared = planItem('4', { responsibleUnits: 'Phòng Nội vụ; Phòng Văn hóa và Thông tin', due: '25/06/2024' });
    const culture = planItem('3', { responsibleUnits: 'Phòng VH&TT', due: '26/06/2024' });
    const { digests } = planReminders(input([shared, culture, inSevenDays]));
    expect(digests.map((d) => [d.unit, d.items.map((i) => i.itemId)])).toEqual([
      ['Phòng Nội vụ', ['4', '5.1']],
      ['Phòng Văn hóa và Thông tin', ['4', '3']],
    ]);
  });

  it('sends a digest to every commune for "UBND các xã, thị trấn"', () => {
    const item = planItem('4', { responsibleUnits: 'UBND các xã, thị trấn', due: '25/06/2024' });
    const { digests } = planReminders(input([item]));
    expect(digests).toHaveLength(10);
    expect(digests.every((d) => d.to.length === 1 && d.items[0].itemId === '4')).toBe(true);
  });

  it('does not send an item, unit, due date and threshold already in the sent log', () => {
    const first = planReminders(input([inSevenDays, lateOneDay]));
    const sentLog = first.digests.flatMap((d) => reminderRecords(d, '2024-06-23T01:00:00.000Z'));
    expect(sentLog).toHaveLength(2);
    const again = planReminders(input([inSevenDays, lateOneDay], { sentLog }));
    expect(again.digests).toEqual([]);
    expect(again.skipped).toEqual([]);
    // Later the item reaches its next threshold: that one is sent, once.
    const dueDay = planReminders(input([inSevenDays, lateOneDay], { sentLog, today: '2024-06-30' }));
    expect(dueDay.digests[0].items.map((i) => [i.itemId, i.threshold])).toEqual([['5.1', 'due-0']]);
  });

  it('still sends a missed "entered the window" reminder later in the window', () => {
    const { digests } = planReminders(input([inSevenDays], { today: '2024-06-27' }));
    expect(digests[0].items[0]).toMatchObject({ threshold: 'due-7', daysLeft: 3 });
  });

  it('matches the sent log by unit key, whatever its spelling', () => {
    const sentLog: ReminderRecord[] = [
      { sentAt: 'x', unit: 'PHÒNG NỘI VỤ', itemId: '5.1', dueDate: '2024-06-30', threshold: 'due-7', to: '' },
    ];
    expect(planReminders(input([inSevenDays], { sentLog })).digests).toEqual([]);
  });

  it('reminds a multi-due item again for its next due date after it reopens', () => {
    const item = planItem('1.1', { due: '30/06/2024; 31/12/2024' });
    const log = [report('1.1', 'done', '2024-06-26')];
    const sentLog: ReminderRecord[] = [
      { sentAt: 'x', unit: 'Phòng Nội vụ', itemId: '1.1', dueDate: '2024-06-30', threshold: 'due-7', to: '' },
    ];
    expect(planReminders(input([item], { log, sentLog, today: '2024-06-27' })).digests).toEqual([]);
    const dec = planReminders(input([item], { log, sentLog, today: '2024-12-24' })).digests;
    expect(dec[0].items[0]).toMatchObject({ itemId: '1.1', dueDate: '2024-12-31', threshold: 'due-7' });
  });

  it('does not remind done, paused, on-demand or external items; ongoing ones only at year end, never late', () => {
    const done = planItem('a', { due: '25/06/2024' });
    const paused = planItem('b', { due: '20/06/2024' });
    const onDemand = planItem('c', { scheduleKind: 'on-demand', due: '' });
    const external = planItem('d', { scheduleKind: 'external', due: '' });
    const ongoing = planItem('e', { scheduleKind: 'ongoing', due: '31/12/2024' });
    const log = [report('a', 'done', '2024-06-20'), report('b', 'paused', '2024-06-01')];
    const items = [done, paused, onDemand, external, ongoing];
    expect(planReminders(input(items, { log })).digests).toEqual([]);
    const yearEnd = planReminders(input(items, { log, today: '2024-12-31' })).digests;
    expect(yearEnd[0].items.map((i) => [i.itemId, i.threshold])).toEqual([['e', 'due-0']]);
    expect(planReminders(input(items, { log, today: '2025-01-05' })).digests).toEqual([]);
  });

  it('reports units without a usable e-mail in skipped, with the reason', () => {
    const health = planItem('7', { responsibleUnits: 'Phòng Y tế', due: '25/06/2024' });
    const justice = planItem('8', { responsibleUnits: 'Phòng Tư pháp', due: '25/06/2024' });
    const { digests, skipped } = planReminders(input([health, justice, inSevenDays]));
    expect(digests.map((d) => d.unit)).toEqual(['Phòng Nội vụ']);
    expect(skipped).toEqual([
      expect.objectContaining({
        unit: 'Phòng Tư pháp',
        code: 'no-email',
        reason:
          'Đơn vị «Phòng Tư pháp» có thư điện tử không hợp lệ («tuphap(at)hongngu»); vui lòng sửa ở trang «Đơn vị».',
      }),
      expect.objectContaining({
        unit: 'Phòng Y tế',
        code: 'no-email',
        reason: 'Đơn vị «Phòng Y tế» chưa có thư điện tử; vui lòng bổ sung ở trang «Đơn vị».',
      }),
    ]);
    expect(skipped[1].items.map((i) => i.itemId)).toEqual(['7']);
  });

  it('reports items whose responsible unit cannot be read', () => {
    const nobody = planItem('5.2', { responsibleUnits: '', due: '25/06/2024' });
    const unknown = planItem('6', { responsibleUnits: 'Tổ kiểm tra của Hội đồng', due: '25/06/2024' });
    const { digests, skipped } = planReminders(input([nobody, unknown]));
    expect(digests).toEqual([]);
    expect(skipped.map((s) => [s.code, s.unit, s.reason])).toEqual([
      [
        'no-unit',
        null,
        'Công việc 5.2 chưa ghi đơn vị chịu trách nhiệm; vui lòng bổ sung ở cột «Đơn vị chịu trách nhiệm».',
      ],
      [
        'no-unit',
        null,
        'Công việc 6: chưa xác định được đơn vị nào trong danh sách đơn vị ứng với «Tổ kiểm tra của Hội đồng»; vui lòng ghi rõ tên đơn vị ở cột «Đơn vị chịu trách nhiệm».',
      ],
    ]);
  });

  it('puts digests with late items first', () => {
    const culture = planItem('3', { responsibleUnits: 'Phòng Văn hóa và Thông tin', due: '10/06/2024' });
    const { digests } = planReminders(input([inSevenDays, culture]));
    expect(digests.map((d) => d.unit)).toEqual(['Phòng Văn hóa và Thông tin', 'Phòng Nội vụ']);
  });
});

describe('fitQuota', () => {
  const digest = (unit: string, to: string[]): ReminderDigest => ({
    unit,
    to,
    subject: 's',
    body: 'b',
    htmlBody: 'h',
    items: [
      {
        itemId: '1',
        year: 2024,
        title: 't',
        dueDate: '2024-06-30',
        threshold: 'due-7',
        daysLeft: 7,
        daysLate: null,
      },
    ],
  });
  const a = digest('A', ['a@x.vn']);
  const b = digest('B', ['b1@x.vn', 'b2@x.vn']);
  const c = digest('C', ['c@x.vn']);

  it('counts each recipient and keeps what fits, in order, trying smaller digests after one that does not fit', () => {
    const { digests, skipped } = fitQuota([a, b, c], 2);
    expect(digests.map((d) => d.unit)).toEqual(['A', 'C']);
    expect(skipped).toEqual([
      expect.objectContaining({
        unit: 'B',
        code: 'quota',
        to: ['b1@x.vn', 'b2@x.vn'],
        reason: 'Đã hết hạn mức gửi thư trong ngày (cần 2 lượt, còn 1 lượt); thư nhắc «B» sẽ được gửi ở lần chạy sau.',
      }),
    ]);
  });

  it('keeps everything within an exact quota and nothing with none left', () => {
    expect(fitQuota([a, b, c], 4).digests).toHaveLength(3);
    expect(fitQuota([a, b, c], 3).digests.map((d) => d.unit)).toEqual(['A', 'B']);
    const none = fitQuota([a, b, c], 0);
    expect(none.digests).toEqual([]);
    expect(none.skipped.map((s) => s.unit)).toEqual(['A', 'B', 'C']);
    expect(fitQuota([a], -5).digests).toEqual([]);
  });
});

describe('reminder records', () => {
  it('records each item sent and reads the records back from sheet values', () => {
    const [d] = planReminders(input([inSevenDays, lateOneDay])).digests;
    const records = reminderRecords(d, '2024-06-23T01:00:00.000Z');
    expect(records).toEqual([
      {
        sentAt: '2024-06-23T01:00:00.000Z',
        unit: 'Phòng Nội vụ',
        itemId: '4',
        dueDate: '2024-06-22',
        threshold: 'late',
        to: 'noivu@hongngu.example; thuongtruc@hongngu.example',
      },
      expect.objectContaining({ itemId: '5.1', dueDate: '2024-06-30', threshold: 'due-7' }),
    ]);
    const header = SHEETS.reminders.columns.map((c) => c.header);
    const values: unknown[][] = [header, ...records.map(reminderRecordValues)];
    expect(reminderRecordsFromValues(values)).toEqual(records);
  });

  it('reads date cells and dd/mm/yyyy due dates, and skips rows without unit or item', () => {
    const values: unknown[][] = [
      ['Mốc nhắc', 'Đơn vị', 'Mã công việc', 'Hạn hoàn thành', 'Thời điểm gửi', 'Người nhận'],
      ['late', 'Phòng Nội vụ', '4', new Date(Date.UTC(2024, 5, 22)), new Date(Date.UTC(2024, 5, 23, 1)), 'a@x.vn'],
      ['due-7', 'Phòng Nội vụ', '5.1', '30/06/2024', '', ''],
      ['due-7', '', '5.1', '30/06/2024', '', ''],
    ];
    const records = reminderRecordsFromValues(values, (d) => d.toISOString().slice(0, 10));
    expect(records.map((r) => [r.itemId, r.dueDate, r.threshold, r.sentAt])).toEqual([
      ['4', '2024-06-22', 'late', '2024-06-23'],
      ['5.1', '2024-06-30', 'due-7', ''],
    ]);
  });

  it('shows thresholds in Vietnamese in the log sheet and reads labels and codes back', () => {
    expect(['late', 'due-0', 'due-7'].map(thresholdLabel)).toEqual(['Quá hạn', 'Đến hạn hôm nay', 'Trước hạn 7 ngày']);
    for (const code of ['late', 'due-0', 'due-7', 'due-14']) expect(thresholdOf(thresholdLabel(code))).toBe(code);
    expect(thresholdOf('  TRƯỚC HẠN 3 NGÀY ')).toBe('due-3');
    expect(thresholdOf('due-3')).toBe('due-3');
    expect(SHEETS.reminders.name).toBe('Nhật ký nhắc việc');
  });

  it('reads e-mail cells', () => {
    expect(emailsOf('A@x.vn; b@x.vn, a@x.vn')).toEqual({ valid: ['a@x.vn', 'b@x.vn'], invalid: [] });
    expect(emailsOf('khong co')).toEqual({ valid: [], invalid: ['khong', 'co'] });
    expect(emailsOf(null)).toEqual({ valid: [], invalid: [] });
  });
});
