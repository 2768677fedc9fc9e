/**
 * The tracking functions on the repository's real sample: the 2024 plan text
 * (examples/ke-hoach-mau-2024.txt) parsed by the plan parser, the sample units
 * (examples/units.csv), and a progress log as the progress form writes it.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import type { Row } from '../../../src/core/contract';
import { parsePlan, parseSchedule, planRows, parseDueList } from '../../../src/core/plan';
import { progressLogRow } from '../../../src/core/progress';
import {
  dashboard,
  itemsForUnit,
  planReminders,
  recomputePlan,
  responsibleUnitsOf,
  reviewReport,
  rollPlanToYear,
} from '../../../src/core/tracking';
import { ROOT, sampleRegistry, sampleUnitRows } from './helpers';

const plan = planRows(parsePlan(readFileSync(path.join(ROOT, 'examples/ke-hoach-mau-2024.txt'), 'utf8')));
const registry = sampleRegistry();
const units = sampleUnitRows();

/** A log row exactly as the progress sidebar records it. */
function logged(itemId: string, status: 'done' | 'in_progress' | 'paused', date: string, percent: number | null): Row {
  return progressLogRow(
    { year: 2024, itemId, unit: 'Phòng Nội vụ', status, percent, date, note: '', evidence: '' },
    `${date}T02:00:00.000Z`,
    'canbo@hongngu.example',
  );
}

const log = [
  logged('2', 'done', '2024-03-28', null),
  logged('4', 'in_progress', '2024-03-10', 60),
  logged('1.1', 'done', '2024-06-27', 100),
  logged('5.1', 'in_progress', '2024-06-15', 40),
];

const byId = (rows: Row[], id: string) => rows.find((r) => r.id === id)!;

describe('tracking the 2024 sample plan', () => {
  it('has the items the tests rely on', () => {
    expect(plan.map((r) => r.id)).toEqual(
      expect.arrayContaining(['1.1', '1.2', '2', '3', '4', '5.1', '5.2', '6.1', '6.2', '6.3.b', '6.3.c']),
    );
  });

  it('recomputes the plan columns as of 5 July 2024', () => {
    const rows = recomputePlan(plan, log, '2024-07-05');
    expect(byId(rows, '1.1')).toMatchObject({ status: 'in_progress', percent: 0.5, nextDue: '2024-12-31' });
    expect(byId(rows, '2')).toMatchObject({ status: 'done', percent: 1, nextDue: null, daysLate: null });
    expect(byId(rows, '4')).toMatchObject({
      status: 'in_progress',
      percent: 0.6,
      nextDue: '2024-03-15',
      daysLate: 112,
    });
    expect(byId(rows, '5.1')).toMatchObject({ percent: 0.4, nextDue: '2024-06-30', daysLate: 5 });
    expect(byId(rows, '5.2')).toMatchObject({ status: 'not_started', nextDue: '2024-12-31', daysLate: null });
    expect(byId(rows, '1.2')).toMatchObject({ nextDue: null, daysLate: null });
    expect(byId(rows, '6.3.c')).toMatchObject({ nextDue: null, daysLate: null });
    expect(byId(rows, '3')).toMatchObject({ nextDue: '2024-12-31', daysLate: null });
  });

  it('reads who answers for each item', () => {
    expect(responsibleUnitsOf(byId(plan, '1.1'), registry)).toEqual(['Phòng Nội vụ']);
    expect(responsibleUnitsOf(byId(plan, '4'), registry)).toHaveLength(22);
    expect(responsibleUnitsOf(byId(plan, '6.2'), registry)).toEqual(['Phòng Giáo dục và Đào tạo']);
    expect(itemsForUnit(plan, 'Xã Thường Lạc', registry).map((r) => r.id)).toEqual(['4']);
    expect(itemsForUnit(plan, 'Phòng Giáo dục và Đào tạo', registry).map((r) => r.id)).toEqual(['4', '6.2']);
  });

  it('reminds every unit of the late registration once, and the office of its July deadline', () => {
    const first = planReminders({ items: plan, log, units, sentLog: [], today: '2024-07-25', days: 7 });
    expect(first.skipped).toEqual([]);
    expect(first.digests).toHaveLength(22);
    const office = first.digests.find((d) => d.unit === 'Phòng Nội vụ')!;
    expect(office.to).toEqual(['noivu@hongngu.example']);
    expect(office.items.map((i) => [i.itemId, i.threshold])).toEqual([
      ['4', 'late'],
      ['5.1', 'late'],
      ['6.1', 'due-7'],
    ]);
    const commune = first.digests.find((d) => d.unit === 'Xã Long Khánh A')!;
    expect(commune.items.map((i) => i.itemId)).toEqual(['4']);
    expect(commune.body).toContain('đã quá hạn 132 ngày');
  });

  it('sums up the plan and writes the six-month review', () => {
    const d = dashboard(plan, log, units, '2024-07-05');
    expect(d.totals.items).toBe(plan.length);
    expect(d.byQuarter.reduce((n, q) => n + q.total, 0)).toBe(
      plan.reduce(
        (n, r) => n + (['on-demand', 'external'].includes(String(r.scheduleKind)) ? 0 : parseDueList(r.due).length),
        0,
      ),
    );
    const review = reviewReport(plan, log, { kind: 'six-month', year: 2024, today: '2024-07-05' });
    const done = review.sections.find((s) => s.key === 'done')!.rows.map((r) => r.id);
    expect(done).toEqual(['1.1', '2']);
    const late = review.sections.find((s) => s.key === 'late')!.rows.map((r) => r.id);
    expect(late).toEqual(['4', '5.1']);
  });

  it('rolls the plan into 2025 with time phrases that read as the shifted due dates', () => {
    const rolled = rollPlanToYear(plan, 2024, 2025);
    expect(rolled).toHaveLength(plan.length);
    for (const row of rolled) {
      const text = String(row.scheduleText ?? '');
      const reparsed = parseSchedule(text, 2025);
      if (reparsed.understood && reparsed.due.length > 0 && text !== '') {
        expect({ id: row.id, due: parseDueList(row.due) }).toEqual({ id: row.id, due: reparsed.due });
      }
    }
    expect(byId(rolled, '6.3.b')).toMatchObject({ due: '15/01/2026', status: 'not_started', percent: 0 });
  });
});
