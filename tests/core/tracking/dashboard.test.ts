import { columnLetter, dashboard, dashboardValues, UNASSIGNED_UNIT } from '../../../src/core/tracking';
import { planItem, report, sampleUnitRows } from './helpers';

const TODAY = '2024-07-10';
const units = sampleUnitRows();

const items = [
  // Q1, done on time.
  planItem('2', { due: '31/03/2024', responsibleUnits: 'Phòng Nội vụ' }),
  // Q2 and Q4: June settled, December open.
  planItem('1.1', { due: '30/06/2024; 31/12/2024', responsibleUnits: 'Thường trực Hội đồng' }),
  // Q2, late.
  planItem('5.1', { due: '30/06/2024', responsibleUnits: 'Phòng Văn hóa và Thông tin' }),
  // Q3, due soon (5 days).
  planItem('6.1', { due: '15/07/2024', responsibleUnits: 'Phòng Văn hóa và Thông tin; Phòng Nội vụ' }),
  // Q2, paused: not late.
  planItem('6.2', { due: '15/05/2024', responsibleUnits: 'Phòng Y tế' }),
  // Ongoing: Q4, never late.
  planItem('3', { scheduleKind: 'ongoing', due: '31/12/2024', responsibleUnits: 'Phòng Y tế' }),
  // On demand: no quarter.
  planItem('1.2', { scheduleKind: 'on-demand', responsibleUnits: 'Chủ tịch Hội đồng' }),
  // Due next year: counted in Q4; nobody responsible.
  planItem('6.3.b', { due: '15/01/2025', responsibleUnits: '' }),
  // Another year: left out.
  planItem('2', { year: 2023, due: '31/03/2023' }),
];

const log = [
  report('2', 'done', '2024-03-20'),
  report('1.1', 'done', '2024-06-25'),
  report('5.1', 'in_progress', '2024-06-01', { percent: 0.5 }),
  report('6.2', 'paused', '2024-04-01'),
  report('3', 'in_progress', '2024-02-01', { percent: 0.5 }),
];

describe('dashboard', () => {
  const d = dashboard(items, log, units, TODAY);

  it('sums up the year of today by default, as of today', () => {
    expect(d.year).toBe(2024);
    expect(d.asOf).toBe(TODAY);
    expect(d.title).toBe('Tổng hợp tình hình thực hiện kế hoạch năm 2024 của Hội đồng Thi đua – Khen thưởng');
    expect(d.totals.items).toBe(8);
  });

  it('counts items by status, with every Vietnamese label present', () => {
    expect(d.byStatus).toEqual([
      { label: 'Chưa bắt đầu', count: 3 },
      { label: 'Đang thực hiện', count: 3 },
      { label: 'Hoàn thành', count: 1 },
      { label: 'Tạm dừng', count: 1 },
    ]);
  });

  it('counts items by state', () => {
    expect(d.byState).toEqual([
      { label: 'Hoàn thành', count: 1 },
      { label: 'Trễ hạn', count: 1 },
      { label: 'Sắp đến hạn', count: 1 },
      { label: 'Trong hạn', count: 3 },
      { label: 'Không tính hạn', count: 2 },
    ]);
    expect(d.totals).toEqual({
      items: 8,
      done: 1,
      late: 1,
      dueSoon: 1,
      onTrack: 3,
      noDeadline: 2,
      paused: 1,
      doneRate: 0.125,
    });
  });

  it('counts due dates by quarter: multi-due items in each quarter, next-year dates in Quý IV', () => {
    expect(d.byQuarter).toEqual([
      { quarter: 'Quý I', total: 1, done: 1, late: 0 },
      { quarter: 'Quý II', total: 3, done: 1, late: 1 },
      { quarter: 'Quý III', total: 1, done: 0, late: 0 },
      { quarter: 'Quý IV', total: 3, done: 0, late: 0 },
    ]);
  });

  it('counts items per responsible unit, in registry order, then the items no unit answers for', () => {
    expect(d.byUnit).toEqual([
      { unit: 'Phòng Nội vụ', total: 4, done: 1, late: 0, dueSoon: 1 },
      { unit: 'Phòng Văn hóa và Thông tin', total: 2, done: 0, late: 1, dueSoon: 1 },
      { unit: 'Phòng Y tế', total: 2, done: 0, late: 0, dueSoon: 0 },
      { unit: UNASSIGNED_UNIT, total: 1, done: 0, late: 0, dueSoon: 0 },
    ]);
  });

  it('takes the latest plan year when today has no items, or the year asked for', () => {
    expect(dashboard(items, log, units, '2026-01-05').year).toBe(2024);
    const y2023 = dashboard(items, log, units, TODAY, { year: 2023 });
    expect(y2023.totals.items).toBe(1);
    expect(y2023.byQuarter[0]).toEqual({ quarter: 'Quý I', total: 1, done: 0, late: 1 });
  });

  it('is empty but complete without items', () => {
    const empty = dashboard([], [], units, TODAY);
    expect(empty.totals.doneRate).toBe(0);
    expect(empty.byQuarter.map((q) => q.total)).toEqual([0, 0, 0, 0]);
    expect(empty.byUnit).toEqual([]);
  });
});

describe('dashboardValues', () => {
  const d = dashboard(items, log, units, TODAY);
  const { values, tables } = dashboardValues(d);

  it('gives rows of one width, starting with the title and the day', () => {
    const width = values[0].length;
    expect(width).toBe(5);
    expect(values.every((r) => r.length === width)).toBe(true);
    expect(values[0][0]).toBe(d.title);
    expect(values[1][0]).toBe('Số liệu tính đến ngày 10/07/2024');
  });

  it('says where each table sits: header row first, then one row per entry', () => {
    const cell = (row: number, col: number) => values[row - 1][col - 1];
    expect(Object.keys(tables)).toEqual(['totals', 'byStatus', 'byState', 'byQuarter', 'byUnit']);
    const q = tables.byQuarter;
    expect(cell(q.row - 1, 1)).toBe('4. Theo quý (số lượt đến hạn)');
    expect([cell(q.row, 1), cell(q.row, 2), cell(q.row, 3), cell(q.row, 4)]).toEqual([
      'Quý',
      'Tổng số',
      'Hoàn thành',
      'Trễ hạn',
    ]);
    expect(q.numRows).toBe(5);
    expect(q.numColumns).toBe(4);
    expect(cell(q.row + 2, 1)).toBe('Quý II');
    expect(cell(q.row + 2, 2)).toBe(3);
    expect(q.a1).toBe(`A${q.row}:D${q.row + 4}`);

    const u = tables.byUnit;
    expect(cell(u.row, 1)).toBe('Đơn vị');
    expect(cell(u.row + u.numRows - 1, 1)).toBe(UNASSIGNED_UNIT);
    expect(u.row + u.numRows - 1).toBe(values.length);
    expect(u.a1).toBe(`A${u.row}:E${u.row + u.numRows - 1}`);

    const s = tables.byStatus;
    expect(cell(s.row + 1, 1)).toBe('Chưa bắt đầu');
    expect(cell(s.row + 1, 2)).toBe(3);
    expect(cell(tables.totals.row + 7, 1)).toBe('Tỷ lệ hoàn thành');
    expect(cell(tables.totals.row + 7, 2)).toBe(0.125);
  });

  it('leaves a blank row before each table title', () => {
    for (const t of Object.values(tables)) expect(values[t.row - 3].every((v) => v === '')).toBe(true);
  });

  it('names columns in A1 notation', () => {
    expect(columnLetter(1)).toBe('A');
    expect(columnLetter(26)).toBe('Z');
    expect(columnLetter(27)).toBe('AA');
    expect(columnLetter(703)).toBe('AAA');
  });
});
