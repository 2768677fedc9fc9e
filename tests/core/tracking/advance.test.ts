/**
 * advanceItemStatus (one new report applied to the plan row's stored columns)
 * against computeItemStatus (the whole log): whenever it answers, it answers
 * the same; and for reports sent on time it always answers.
 */
import type { Row } from '../../../src/core/contract';
import { addDays } from '../../../src/core/dates';
import { advanceItemStatus, computeItemStatus, recomputePlan } from '../../../src/core/tracking';
import { planItem } from './helpers';

const ITEMS: Row[] = [
  planItem('1', { due: '30/06/2024' }),
  planItem('2', { due: '31/03/2024; 30/06/2024; 30/09/2024; 31/12/2024' }),
  planItem('3', { due: '30/06/2024; 31/12/2024', scheduleKind: 'window' }),
  planItem('4', { scheduleKind: 'ongoing', due: '' }),
  planItem('5', { scheduleKind: 'on-demand', due: '' }),
  planItem('6', { scheduleKind: 'external', due: '' }),
];

/** A small deterministic random source (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES = ['not_started', 'in_progress', 'done', 'paused'];
const COMPUTED = ['status', 'percent', 'nextDue', 'daysLate', 'lastUpdate'] as const;

function stored(item: Row, log: Row[], today: string): Row {
  return recomputePlan([item], log, today)[0];
}

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)];
}

describe('advanceItemStatus', () => {
  it('agrees with the whole log whenever it answers (random histories)', () => {
    let answered = 0;
    let asked = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const rnd = random(seed);
      const item = pick(rnd, ITEMS);
      const log: Row[] = [];
      let today = '2024-01-02';
      let seconds = 0;
      for (let step = 0; step < 14; step++) {
        const before = stored(item, log, today);
        today = addDays(today, Math.floor(rnd() * 40));
        if (today > '2025-02-28') break;
        const status = pick(rnd, STATUSES);
        const backdated = rnd() < 0.3 ? addDays(today, -Math.floor(rnd() * 45)) : today;
        const date = rnd() < 0.2 ? null : backdated < '2024-01-01' ? '2024-01-01' : backdated;
        const percent = status === 'done' ? (rnd() < 0.5 ? 1 : null) : rnd() < 0.6 ? Math.round(rnd() * 10) / 10 : null;
        seconds += 1 + Math.floor(rnd() * 100);
        const entry: Row = {
          loggedAt: new Date(Date.parse(`${today}T02:00:00.000Z`) + seconds * 1000).toISOString(),
          year: 2024,
          itemId: item.id,
          unit: 'Phòng Nội vụ',
          status,
          percent,
          date,
        };
        log.push(entry);
        const advanced = advanceItemStatus(before, entry, today);
        const full = computeItemStatus(item, log, today);
        asked++;
        if (advanced === null) continue;
        answered++;
        for (const key of COMPUTED) expect([seed, step, key, advanced[key]]).toEqual([seed, step, key, full[key]]);
        expect(advanced.state).toBe(full.state);
      }
    }
    // Random histories are full of back-dated corrections; still most reports need no log.
    expect(answered / asked).toBeGreaterThan(0.6);
  });

  it('always answers for reports sent on their day, done on time', () => {
    const item = ITEMS[1];
    const log: Row[] = [];
    const reports: Array<[string, string, number | null]> = [
      ['2024-02-10', 'in_progress', 0.4],
      ['2024-03-29', 'done', 1],
      ['2024-05-02', 'in_progress', null],
      ['2024-06-20', 'in_progress', 0.7],
      ['2024-06-30', 'done', null],
      ['2024-07-01', 'paused', null],
      ['2024-08-01', 'in_progress', 0.2],
    ];
    let previous = '2024-01-01';
    for (const [day, status, percent] of reports) {
      const entry: Row = { loggedAt: `${day}T03:00:00.000Z`, year: 2024, itemId: '2', status, percent, date: day };
      const before = stored(item, log, previous);
      log.push(entry);
      const advanced = advanceItemStatus(before, entry, day);
      expect(advanced).not.toBeNull();
      expect(advanced).toMatchObject(
        Object.fromEntries(COMPUTED.map((k) => [k, computeItemStatus(item, log, day)[k]])),
      );
      previous = day;
    }
    expect(stored(item, log, '2024-08-01')).toMatchObject({ status: 'in_progress', percent: 0.55 });
  });

  it('asks for the log when the stored columns do not fit the item', () => {
    const item = ITEMS[0];
    const entry: Row = { loggedAt: '2024-05-01T03:00:00.000Z', itemId: '1', status: 'in_progress', percent: 0.5 };
    // «Hạn kế tiếp» is not one of the item's due dates (the plan was edited since).
    expect(
      advanceItemStatus({ ...item, nextDue: '2024-05-31', lastUpdate: '2024-04-01T03:00:00Z' }, entry, '2024-05-01'),
    ).toBeNull();
    // A report logged before the stored last update.
    expect(
      advanceItemStatus({ ...item, nextDue: '2024-06-30', lastUpdate: '2024-06-01T03:00:00Z' }, entry, '2024-05-01'),
    ).toBeNull();
    // A late done report whose next period may already have reports.
    const late = {
      ...ITEMS[2],
      nextDue: '2024-06-30',
      lastUpdate: '2024-07-05T03:00:00Z',
      status: 'in_progress',
      percent: 0.25,
    };
    const done: Row = { loggedAt: '2024-07-10T03:00:00.000Z', itemId: '3', status: 'done', date: '2024-07-10' };
    expect(advanceItemStatus(late, done, '2024-07-10')).toBeNull();
    // Without reports the stored columns are plain.
    expect(advanceItemStatus(item, entry, '2024-05-01')).toMatchObject({
      status: 'in_progress',
      percent: 0.5,
      nextDue: '2024-06-30',
    });
  });
});
