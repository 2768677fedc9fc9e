import {
  computeItemStatus,
  dayOfLogTime,
  dueDatesOf,
  percentOf,
  recomputePlan,
  SCHEDULE_RULES,
} from '../../../src/core/tracking';
import { SHEETS } from '../../../src/core/contract';
import { planItem, report } from './helpers';

const single = planItem('5.1', { due: '30/06/2024' });
const twice = planItem('1.1', { due: '30/06/2024; 31/12/2024', scheduleText: 'tháng 6 và tháng 12 năm 2024' });

describe('computeItemStatus: a single deadline', () => {
  it('is due soon on the due date itself, with 0 days left and not late', () => {
    const s = computeItemStatus(single, [], '2024-06-30');
    expect(s).toMatchObject({ state: 'due-soon', nextDue: '2024-06-30', daysLeft: 0, daysLate: null });
    expect(s.status).toBe('not_started');
    expect(s.percent).toBe(0);
  });

  it('is due soon exactly N days before, on track N + 1 days before', () => {
    expect(computeItemStatus(single, [], '2024-06-23').state).toBe('due-soon');
    expect(computeItemStatus(single, [], '2024-06-23').daysLeft).toBe(7);
    expect(computeItemStatus(single, [], '2024-06-22').state).toBe('on-track');
    expect(computeItemStatus(single, [], '2024-06-27', { dueSoonDays: 3 }).state).toBe('due-soon');
    expect(computeItemStatus(single, [], '2024-06-26', { dueSoonDays: 3 }).state).toBe('on-track');
  });

  it('is late by 1 day the day after the due date, counting calendar days', () => {
    expect(computeItemStatus(single, [], '2024-07-01')).toMatchObject({ state: 'late', daysLate: 1, daysLeft: -1 });
    // Across a month end and a leap day: 28/02/2024 → 01/03/2024 is 2 days.
    const feb = planItem('2', { due: '28/02/2024' });
    expect(computeItemStatus(feb, [], '2024-03-01').daysLate).toBe(2);
  });

  it('is done when a done report arrives, on time or late', () => {
    const onTime = computeItemStatus(single, [report('5.1', 'done', '2024-06-20')], '2024-08-01');
    expect(onTime).toMatchObject({ status: 'done', percent: 1, state: 'done', nextDue: null, daysLate: null });
    const late = computeItemStatus(single, [report('5.1', 'done', '2024-07-05')], '2024-08-01');
    expect(late.state).toBe('done');
    expect(late.dues).toEqual([{ date: '2024-06-30', settledOn: '2024-07-05' }]);
  });

  it('follows the latest report: a later non-done report reopens the item', () => {
    const log = [report('5.1', 'done', '2024-06-20'), report('5.1', 'in_progress', '2024-07-02', { percent: 0.8 })];
    const s = computeItemStatus(single, log, '2024-07-03');
    expect(s).toMatchObject({ status: 'in_progress', percent: 0.8, state: 'late', daysLate: 3 });
  });

  it('takes status and percent of the latest report while open', () => {
    const log = [
      report('5.1', 'in_progress', '2024-05-02', { percent: 0.3 }),
      report('5.1', 'in_progress', '2024-05-20', { percent: 0.6 }),
    ];
    const s = computeItemStatus(single, log, '2024-05-21');
    expect(s).toMatchObject({ status: 'in_progress', percent: 0.6, state: 'on-track' });
    expect(s.lastUpdate).toBe(log[1].loggedAt);
  });

  it('keeps the last known percent when the latest report gives none', () => {
    const log = [
      report('5.1', 'in_progress', '2024-05-02', { percent: 0.4 }),
      report('5.1', 'in_progress', '2024-05-09', { percent: null }),
    ];
    expect(computeItemStatus(single, log, '2024-05-10').percent).toBe(0.4);
  });

  it('ignores reports of other items, of other years, dated after today or with an unknown status', () => {
    const log = [
      report('5.2', 'done', '2024-06-01'),
      report('5.1', 'done', '2024-06-01', { year: 2023 }),
      report('5.1', 'done', '2024-06-25'),
      report('5.1', 'finished', '2024-06-02'),
    ];
    const s = computeItemStatus(single, log, '2024-06-24');
    expect(s.state).toBe('due-soon');
    expect(s.lastUpdate).toBeNull();
  });

  it('counts a report without a year for the item of any year', () => {
    const s = computeItemStatus(single, [report('5.1', 'done', '2024-06-01', { year: null })], '2024-06-02');
    expect(s.state).toBe('done');
  });

  it('reads the schedule kind by its Vietnamese label', () => {
    const item = planItem('x', { scheduleKind: 'Có hạn', due: '30/06/2024' });
    expect(computeItemStatus(item, [], '2024-07-02').state).toBe('late');
  });

  it('rejects a day that is not an ISO date', () => {
    expect(() => computeItemStatus(single, [], '30/06/2024')).toThrow(RangeError);
  });
});

describe('computeItemStatus: windows', () => {
  const window = planItem('5.2', {
    scheduleKind: 'window',
    scheduleText: 'Quý III - Quý IV/2024',
    start: '2024-07-01',
    due: '31/12/2024',
  });

  it('is not late before the window, nor inside it, nor on its last day', () => {
    expect(computeItemStatus(window, [], '2024-05-01').state).toBe('on-track');
    expect(computeItemStatus(window, [], '2024-10-01').state).toBe('on-track');
    expect(computeItemStatus(window, [], '2024-12-31')).toMatchObject({ state: 'due-soon', daysLate: null });
  });

  it('is due soon within N days of its end and late after it', () => {
    expect(computeItemStatus(window, [], '2024-12-24').state).toBe('due-soon');
    expect(computeItemStatus(window, [], '2025-01-02')).toMatchObject({ state: 'late', daysLate: 2 });
  });

  it('a short window starting soon is already due soon', () => {
    const short = planItem('6.2', { scheduleKind: 'window', start: '2024-07-01', due: '05/07/2024' });
    expect(computeItemStatus(short, [], '2024-06-29').state).toBe('due-soon');
  });
});

describe('computeItemStatus: several due dates (reopening)', () => {
  it('settles the first due date and reopens for the next', () => {
    const log = [report('1.1', 'done', '2024-06-25')];
    const s = computeItemStatus(twice, log, '2024-07-05');
    expect(s).toMatchObject({ status: 'in_progress', percent: 0.5, nextDue: '2024-12-31', state: 'on-track' });
    expect(s.dues).toEqual([
      { date: '2024-06-30', settledOn: '2024-06-25' },
      { date: '2024-12-31', settledOn: null },
    ]);
  });

  it('is done after a done report for the last due date', () => {
    const log = [report('1.1', 'done', '2024-06-25'), report('1.1', 'done', '2024-12-20')];
    expect(computeItemStatus(twice, log, '2025-01-10')).toMatchObject({ status: 'done', state: 'done', percent: 1 });
  });

  it('counts progress of the current period in the percent', () => {
    const log = [report('1.1', 'done', '2024-06-25'), report('1.1', 'in_progress', '2024-10-01', { percent: 0.4 })];
    expect(computeItemStatus(twice, log, '2024-10-02')).toMatchObject({ status: 'in_progress', percent: 0.7 });
  });

  it('a second done report dated on or before the settled due date is a repeat, not the next period', () => {
    const log = [report('1.1', 'done', '2024-06-20'), report('1.1', 'done', '2024-06-28')];
    const s = computeItemStatus(twice, log, '2024-07-01');
    expect(s.state).not.toBe('done');
    expect(s.nextDue).toBe('2024-12-31');
    expect(s.dues[0].settledOn).toBe('2024-06-20');
  });

  it('a late done report settles the earliest open due date', () => {
    const log = [report('1.1', 'done', '2024-07-05')];
    const s = computeItemStatus(twice, log, '2024-07-06');
    expect(s.dues[0].settledOn).toBe('2024-07-05');
    expect(s.nextDue).toBe('2024-12-31');
    expect(s.state).toBe('on-track');
  });

  it('is late for the first due date while it is open, even if the next one is far', () => {
    const s = computeItemStatus(twice, [report('1.1', 'in_progress', '2024-06-10', { percent: 0.5 })], '2024-07-04');
    expect(s).toMatchObject({ state: 'late', nextDue: '2024-06-30', daysLate: 4, percent: 0.25 });
  });

  it('a non-done report dated on or before the settled due date is a correction that reopens it', () => {
    const log = [
      report('1.1', 'done', '2024-06-20'),
      report('1.1', 'in_progress', '2024-06-22', { percent: 0.9, loggedAt: '2024-06-23T03:00:00.000Z' }),
    ];
    const s = computeItemStatus(twice, log, '2024-07-02');
    expect(s).toMatchObject({ nextDue: '2024-06-30', state: 'late', daysLate: 2, status: 'in_progress' });
  });

  it('takes the day of a report logged without a date in Hồ Chí Minh City time', () => {
    // 16:00 UTC on 30/06 is 23:00 on 30/06 in UTC+7: a repeat for the June due date.
    const before = [
      report('1.1', 'done', '2024-06-20'),
      report('1.1', 'done', null, { loggedAt: '2024-06-30T16:00:00Z' }),
    ];
    expect(computeItemStatus(twice, before, '2025-01-05').state).toBe('late');
    // 18:00 UTC on 30/06 is 01:00 on 01/07: it settles the December due date.
    const after = [
      report('1.1', 'done', '2024-06-20'),
      report('1.1', 'done', null, { loggedAt: '2024-06-30T18:00:00Z' }),
    ];
    expect(computeItemStatus(twice, after, '2025-01-05').state).toBe('done');
  });

  it('reads due dates in any order and once each', () => {
    expect(dueDatesOf(planItem('z', { due: '31/12/2024; 30/06/2024; 2024-06-30' }))).toEqual([
      '2024-06-30',
      '2024-12-31',
    ]);
  });
});

describe('computeItemStatus: paused, on-demand, external, ongoing', () => {
  it('a paused item is not late and has no deadline running', () => {
    const s = computeItemStatus(single, [report('5.1', 'paused', '2024-06-01')], '2024-08-15');
    expect(s).toMatchObject({ status: 'paused', state: 'no-deadline', daysLate: null, nextDue: '2024-06-30' });
  });

  it('a paused item resumed is late again', () => {
    const log = [report('5.1', 'paused', '2024-06-01'), report('5.1', 'in_progress', '2024-08-01', { percent: 0.5 })];
    expect(computeItemStatus(single, log, '2024-08-15')).toMatchObject({ state: 'late', daysLate: 46 });
  });

  it('an on-demand item is never late, whatever its due column says', () => {
    const item = planItem('1.2', { scheduleKind: 'on-demand', scheduleText: 'khi có yêu cầu', due: '31/01/2024' });
    expect(dueDatesOf(item)).toEqual([]);
    expect(computeItemStatus(item, [], '2030-01-01')).toMatchObject({ state: 'no-deadline', nextDue: null });
    const s = computeItemStatus(item, [report('1.2', 'in_progress', '2024-03-01', { percent: 0.2 })], '2030-01-01');
    expect(s).toMatchObject({ state: 'no-deadline', status: 'in_progress', percent: 0.2 });
  });

  it('an on-demand or external item is done when its latest report says done', () => {
    const item = planItem('6.3.c', { scheduleKind: 'external' });
    expect(computeItemStatus(item, [report('6.3.c', 'done', '2024-09-01')], '2024-09-02').state).toBe('done');
    const reopened = [report('6.3.c', 'done', '2024-09-01'), report('6.3.c', 'in_progress', '2024-10-01')];
    expect(computeItemStatus(item, reopened, '2024-10-02').state).toBe('no-deadline');
  });

  it('an ongoing item is due at the end of its year and never late', () => {
    const item = planItem('3', { scheduleKind: 'ongoing', scheduleText: 'thường xuyên', start: '2024-01-01', due: '' });
    expect(dueDatesOf(item)).toEqual(['2024-12-31']);
    expect(computeItemStatus(item, [], '2024-12-26').state).toBe('due-soon');
    expect(computeItemStatus(item, [], '2025-03-01')).toMatchObject({ state: 'on-track', daysLate: null });
    expect(computeItemStatus(item, [report('3', 'done', '2024-12-30')], '2025-03-01').state).toBe('done');
    expect(SCHEDULE_RULES.ongoing.canBeLate).toBe(false);
  });

  it('a deadline item without a readable due date has no deadline', () => {
    expect(computeItemStatus(planItem('9', { due: 'chưa rõ' }), [], '2024-06-01').state).toBe('no-deadline');
  });
});

describe('reading cells', () => {
  it('reads percents as fractions', () => {
    expect(percentOf(0.6)).toBe(0.6);
    expect(percentOf(60)).toBe(0.6);
    expect(percentOf('60%')).toBe(0.6);
    expect(percentOf('0,5')).toBe(0.5);
    expect(percentOf(150)).toBe(1);
    expect(percentOf('')).toBeNull();
    expect(percentOf('nhiều')).toBeNull();
  });

  it('reads a log time as a day in the council time zone', () => {
    expect(dayOfLogTime('2024-03-10T20:00:00.000Z')).toBe('2024-03-11');
    expect(dayOfLogTime('2024-03-10T16:59:59Z')).toBe('2024-03-10');
    expect(dayOfLogTime('2024-03-10 20:00')).toBe('2024-03-10');
    expect(dayOfLogTime('2024-03-10T20:00:00+07:00')).toBe('2024-03-10');
    expect(dayOfLogTime('10/03/2024')).toBe('2024-03-10');
    expect(dayOfLogTime('')).toBeNull();
  });

  it('gives the right day on both sides of midnight, in zones a quarter-hour off the hour too', () => {
    // Days are remembered per UTC quarter-hour: each side of a local midnight is its own quarter-hour.
    for (let i = 0; i < 2; i++) {
      expect(dayOfLogTime('2024-03-10T16:59:59.999Z')).toBe('2024-03-10');
      expect(dayOfLogTime('2024-03-10T17:00:00.000Z')).toBe('2024-03-11');
      expect(dayOfLogTime('2024-03-10T18:14:59Z', 'Asia/Kathmandu')).toBe('2024-03-10');
      expect(dayOfLogTime('2024-03-10T18:15:00Z', 'Asia/Kathmandu')).toBe('2024-03-11');
      expect(dayOfLogTime('2024-03-10T04:59:59Z', 'America/New_York')).toBe('2024-03-09');
      expect(dayOfLogTime('2024-03-10T05:00:00Z', 'America/New_York')).toBe('2024-03-10');
    }
    // Before 1980 (Saigon was UTC+8 in 1970) every instant is asked of Intl.
    expect(dayOfLogTime('1970-01-01T15:59:00Z')).toBe('1970-01-01');
    expect(dayOfLogTime('1970-01-01T16:00:00Z')).toBe('1970-01-02');
  });
});

describe('recomputePlan', () => {
  it('fills the computed columns from the log and keeps every other column', () => {
    const items = [
      planItem('5.1', { due: '30/06/2024', content: 'Tập huấn', status: 'done', percent: 1 }),
      planItem('1.1', { due: '30/06/2024; 31/12/2024' }),
      planItem('3', { scheduleKind: 'ongoing' }),
    ];
    const log = [
      report('1.1', 'done', '2024-06-25'),
      report('3', 'in_progress', '2024-02-01', { percent: 0.25 }),
      report('1.1', 'in_progress', '2024-08-01', { percent: 0.2 }),
    ];
    const rows = recomputePlan(items, log, '2024-08-02');
    expect(rows[0]).toMatchObject({
      content: 'Tập huấn',
      status: 'not_started',
      percent: 0,
      nextDue: '2024-06-30',
      daysLate: 33,
      lastUpdate: null,
    });
    expect(rows[1]).toMatchObject({
      status: 'in_progress',
      percent: 0.6,
      nextDue: '2024-12-31',
      daysLate: null,
      lastUpdate: log[2].loggedAt,
    });
    expect(rows[2]).toMatchObject({ status: 'in_progress', percent: 0.25, nextDue: '2024-12-31', daysLate: null });
    expect(items[0].status).toBe('done'); // input not mutated
  });

  it('writes only columns the contract marks as computed', () => {
    const computed = SHEETS.plan.columns.filter((c) => c.computed).map((c) => c.key);
    const before = planItem('5.1', { due: '30/06/2024' });
    const after = recomputePlan([before], [], '2024-07-01')[0];
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    expect(changed.length).toBeGreaterThan(0);
    for (const k of changed) expect(computed).toContain(k);
  });
});
