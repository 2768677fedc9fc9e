/**
 * Logging progress in the offline runtime: the staff member's items, the
 * service-call bound with a 10,000-row log, the plan row against a full
 * recomputation, and twenty people submitting at once.
 */
import { computeItemStatus } from '../../src/core/tracking';
import type { ProgressForm } from '../../src/gas/api-types';
import type { GasRuntime } from '../support/gas';
import {
  addLogRows,
  fullWorkbook,
  OFFICE,
  progress,
  setSetting,
  sheetObjects,
  spreadsheetCalls,
  unitRows,
  usersOf,
  writeUnits,
} from './helpers';

const PLAN = 'Kế hoạch';
const LOG = 'Nhật ký tiến độ';
const COMPUTED = ['Trạng thái', '% hoàn thành', 'Hạn kế tiếp', 'Số ngày trễ', 'Cập nhật lần cuối'];

function planRow(runtime: GasRuntime, id: string): Record<string, unknown> {
  return sheetObjects(runtime, PLAN).find((r) => r['Mã'] === id)!;
}

function computed(runtime: GasRuntime): unknown[][] {
  return sheetObjects(runtime, PLAN).map((r) => COMPUTED.map((h) => r[h]));
}

describe('the progress form', () => {
  it('offers a staff member only the items of their unit; the office sees every item', () => {
    const office = fullWorkbook();
    const staff = fullWorkbook({ user: 'giaoduc@hongngu.example', spreadsheet: office.spreadsheet });
    const form = staff.callFromPage('getProgressForm') as ProgressForm;
    expect(form).toMatchObject({ isOffice: false, units: ['Phòng Giáo dục và Đào tạo'], planItems: 12 });
    // 4: "các phòng, ban, ngành huyện"; 6.2: Phòng Giáo dục và Đào tạo.
    expect(form.items.map((i) => i.id)).toEqual(['4', '6.2']);
    expect(form.items[1]).toMatchObject({ units: ['Phòng Giáo dục và Đào tạo'], nextDue: '2024-08-15' });
    expect((office.callFromPage('getProgressForm') as ProgressForm).items).toHaveLength(12);
  });

  it('refuses a report on an item the unit does not answer for, in Vietnamese', () => {
    const office = fullWorkbook();
    const staff = fullWorkbook({ user: 'giaoduc@hongngu.example', spreadsheet: office.spreadsheet });
    const before = office.spreadsheet.getSheetByName(LOG)!.getLastRow();
    expect(() =>
      staff.callFromPage('submitProgress', progress('5.1', 'done', 100, null, 'Phòng Giáo dục và Đào tạo')),
    ).toThrow('Đơn vị «Phòng Giáo dục và Đào tạo» không phải đơn vị chịu trách nhiệm công việc mã «5.1».');
    expect(() => staff.callFromPage('submitProgress', progress('6.2', 'done', 100, null, 'Phòng Y tế'))).toThrow(
      'không được cập nhật tiến độ cho đơn vị «Phòng Y tế»',
    );
    expect(office.spreadsheet.getSheetByName(LOG)!.getLastRow()).toBe(before);
    staff.callFromPage('submitProgress', progress('6.2', 'in_progress', 40, null, 'Phòng Giáo dục và Đào tạo'));
    expect(planRow(office, '6.2')).toMatchObject({ 'Trạng thái': 'Đang thực hiện', '% hoàn thành': 0.4 });
  });
});

describe('a change to the units sheet', () => {
  it('reaches the progress form and submissions at once, through the same cache as the dashboard', () => {
    const office = fullWorkbook();
    const newcomer = fullWorkbook({ user: 'yte.moi@hongngu.example', spreadsheet: office.spreadsheet });
    const before = newcomer.callFromPage('getProgressForm') as ProgressForm; // units and settings are cached
    expect(before).toMatchObject({ isOffice: false, units: [], items: [] });
    expect(() => newcomer.callFromPage('submitProgress', progress('4', 'in_progress', 70, null, 'Phòng Y tế'))).toThrow(
      'không được cập nhật tiến độ cho đơn vị «Phòng Y tế»',
    );

    // The office gives Phòng Y tế the newcomer's address by hand: the change trigger (installed by the office's
    // setup, run as the office) clears the cache; the dashboard refreshes it from the sheets.
    writeUnits(office, unitRows({ 'Phòng Y tế': { email: 'yte.moi@hongngu.example' } }));
    office.clickMenu('Thi đua – Khen thưởng', 'Bảng tổng hợp');
    newcomer.calls.reset();
    newcomer.callFromPage('submitProgress', progress('4', 'in_progress', 70, null, 'Phòng Y tế'));
    expect(spreadsheetCalls(newcomer)).toBe(9); // from the cache the dashboard filled
    expect(planRow(office, '4')).toMatchObject({ '% hoàn thành': 0.7 });
    expect(newcomer.callFromPage('getProgressForm')).toMatchObject({ units: ['Phòng Y tế'] });
  });

  it('made by someone other than the trigger’s owner is seen too', () => {
    const office = fullWorkbook();
    const colleague = fullWorkbook({ user: 'thuongtruc@hongngu.example', spreadsheet: office.spreadsheet });
    expect(colleague.callFromPage('getProgressForm')).toMatchObject({ isOffice: false }); // cached
    expect(colleague.triggers).toHaveLength(0);
    // The colleague's own edit runs the office's change trigger, as the office.
    setSetting(colleague, 'officeEmails', `${OFFICE}; thuongtruc@hongngu.example`);
    expect(colleague.callFromPage('getProgressForm')).toMatchObject({ isOffice: true });
  });
});

describe('logging progress with 10,000 rows in the log', () => {
  function bigWorkbook(): GasRuntime {
    const runtime = fullWorkbook();
    addLogRows(runtime, 10_000, ['3', '5.2', '6.3.c']);
    runtime.call('menuSetupWorkbook'); // the items of the long log get their computed columns
    runtime.callFromPage('getProgressForm'); // units and settings are in the cache now
    return runtime;
  }

  it('costs 9 Spreadsheet calls, whether the item needs its earlier reports or not', () => {
    const runtime = bigWorkbook();
    const cost = (input: ReturnType<typeof progress>) => {
      runtime.calls.reset();
      runtime.callFromPage('submitProgress', input);
      return spreadsheetCalls(runtime);
    };
    // From the plan row alone: an on-time report.
    expect(cost(progress('5.2', 'in_progress', 30, null))).toBe(9);
    // Needs the log: item 4 is done after its due date (15/03), so earlier reports may count for later.
    expect(cost(progress('4', 'done', 100, null, 'Phòng Y tế'))).toBe(9);
    expect(runtime.calls.byName()).toMatchObject({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheetByName': 2,
      'Sheet.getSheetValues': 2,
      'Sheet.appendRow': 1,
      'Sheet.getRange': 1,
      'Range.setValues': 1,
      'SpreadsheetApp.flush': 1,
    });
    expect(planRow(runtime, '4')).toMatchObject({ 'Trạng thái': 'Hoàn thành', '% hoàn thành': 1, 'Số ngày trễ': '' });
  });

  it('costs the same with 10 rows as with 10,000, and 4 more when units and settings are not cached', () => {
    const small = fullWorkbook();
    small.callFromPage('getProgressForm');
    small.calls.reset();
    small.callFromPage('submitProgress', progress('5.2', 'in_progress', 30, null));
    expect(spreadsheetCalls(small)).toBe(9);

    small.caches.document.removeAll(['tdkt:reference:v1']);
    small.calls.reset();
    small.callFromPage('submitProgress', progress('5.2', 'in_progress', 35, null));
    expect(spreadsheetCalls(small)).toBe(13);
  });

  it('leaves the plan row as a full recomputation from the log would', () => {
    const runtime = bigWorkbook();
    const reports = [
      progress('1.1', 'in_progress', 20, '2024-06-24'),
      progress('1.1', 'not_started', null, '2024-06-10'), // reopens June: a correction
      progress('1.1', 'done', 100, null),
      progress('6.1', 'in_progress', 70, null),
      progress('6.1', 'paused', null, null),
      progress('3', 'in_progress', null, null, 'Phòng Văn hóa và Thông tin'),
      progress('6.3.c', 'done', 100, null),
      progress('4', 'in_progress', 90, '2024-03-01', 'Phòng Y tế'),
    ];
    for (const input of reports) runtime.callFromPage('submitProgress', input);
    const after = computed(runtime);
    runtime.call('menuSetupWorkbook');
    expect(computed(runtime)).toEqual(after);
    expect(runtime.ui.toasts.at(-1)!.message).not.toContain('Đã cập nhật trạng thái');
    expect(planRow(runtime, '6.1')).toMatchObject({ 'Trạng thái': 'Tạm dừng', '% hoàn thành': 0.7 });
  });
});

describe('twenty people submitting at once', () => {
  it('loses nothing: every submission is logged exactly once and the plan row shows the last', () => {
    const office = fullWorkbook();
    const units = unitRows()
      .filter((u) => u.email !== OFFICE)
      .slice(0, 20);
    const users = usersOf(20, office.spreadsheet, (i) => String(units[i].email));
    const log = office.spreadsheet.getSheetByName(LOG)!;
    const before = log.getLastRow();
    const input = (i: number) => progress('4', 'in_progress', 10 + i, null, String(units[i].name));
    const busy: number[] = [];
    const submit = (i: number) => {
      try {
        users[i].callFromPage('submitProgress', input(i));
      } catch (err) {
        expect((err as Error).message).toBe(
          'Hệ thống đang bận ghi dữ liệu của người khác. Vui lòng gửi lại sau ít giây.',
        );
        busy.push(i);
      }
    };

    // While user i is writing (inside the lock), user i + 1 submits: it waits, then is told to send again.
    const appendRow = log.appendRow.bind(log);
    let cutIn: number | null = null;
    log.appendRow = (row: unknown[]) => {
      if (cutIn !== null) {
        const j = cutIn;
        cutIn = null;
        submit(j);
      }
      return appendRow(row as never);
    };

    for (let i = 0; i < 20; i++) {
      if (busy.includes(i)) continue;
      if (i % 4 === 1) users[i].lock.holdBy('nightly import', { kind: 'document', forMs: 8_000 }); // waits, then writes
      if (i % 4 === 2) users[i].lock.holdBy('stuck import', { kind: 'document' }); // never lets go
      if (i % 4 === 3 && i + 1 < 20) cutIn = i + 1;
      submit(i);
      if (i % 4 === 2) users[i].lock.release('document');
    }
    expect(busy.length).toBeGreaterThanOrEqual(8);
    // The page shows the message; people send again.
    const retries = [...busy];
    busy.length = 0;
    for (const i of retries) submit(i);
    expect(busy).toEqual([]);

    const entries = sheetObjects(office, LOG).slice(before - 1);
    expect(entries).toHaveLength(20);
    expect(entries.map((e) => e['Người cập nhật']).sort()).toEqual(users.map((u) => u.user).sort());
    const last = entries[entries.length - 1];
    const times = entries.map((e) => (e['Thời điểm ghi'] as Date).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(planRow(office, '4')).toMatchObject({
      'Trạng thái': 'Đang thực hiện',
      '% hoàn thành': last['% hoàn thành'],
      'Cập nhật lần cuối': last['Thời điểm ghi'],
    });
    // The same as the whole log says.
    const plan = planRow(office, '4');
    const rows = sheetObjects(office, LOG).map((e) => ({
      loggedAt: (e['Thời điểm ghi'] as Date).toISOString(),
      itemId: String(e['Mã công việc']),
      year: 2024,
      status: 'in_progress',
      percent: e['% hoàn thành'] as number,
      date: null,
    }));
    const item = { year: 2024, id: '4', due: '15/03/2024', scheduleKind: 'deadline' };
    expect(plan['% hoàn thành']).toBe(
      computeItemStatus(
        item,
        rows.filter((r) => r.itemId === '4'),
        '2024-06-25',
      ).percent,
    );
  });
});
