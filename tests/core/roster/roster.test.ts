import {
  mulberry32,
  pickInspectionRoster,
  ROSTER_HEADER,
  rosterFromValues,
  rosterValues,
  shuffle,
} from '../../../src/core/roster';
import { hongNguRegistry, UnitRegistry, type Unit } from '../../../src/core/units';

function units(cluster: string, prefix: string, n: number): Unit[] {
  return new UnitRegistry(
    Array.from({ length: n }, (_, i) => ({
      name: `${prefix} ${String(i + 1).padStart(2, '0')}`,
      kind: 'school',
      cluster,
    })),
  ).all();
}

const big = units('Khối Giáo dục', 'Trường', 12); // nobody inspected last year
const mixed = units('Cụm thi đua số 3', 'Xã', 10);
const small = units('Khối Nội chính', 'Phòng', 3);
const all = [...big, ...mixed, ...small];
const lastYear = ['Xã 01', 'Xã 02', 'Xã 03', 'Xã 04', 'Xã 05', 'Xã 06'];

describe('mulberry32', () => {
  it('is deterministic and spreads over [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.filter((x) => x < 0.5).length).toBeGreaterThan(400);
    expect(shuffle([1, 2, 3, 4, 5], mulberry32(1)).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('pickInspectionRoster', () => {
  it('takes 5 to 7 units per cluster, all of a smaller one, clusters in Vietnamese order', () => {
    const roster = pickInspectionRoster({ units: all, lastYear, seed: 2024 });
    expect(roster.map((g) => g.cluster)).toEqual(['Cụm thi đua số 3', 'Khối Giáo dục', 'Khối Nội chính']);
    const [cum, school, inner] = roster;
    expect(school.units).toHaveLength(7); // 12 fresh units → the maximum
    expect(inner.units).toEqual(['Phòng 01', 'Phòng 02', 'Phòng 03']);
    // 4 fresh communes → at least 5: the 4 fresh ones and 1 inspected last year.
    expect(cum.units).toHaveLength(5);
    expect(cum.units).toEqual(expect.arrayContaining(['Xã 07', 'Xã 08', 'Xã 09', 'Xã 10']));
    expect(cum.units.filter((u) => lastYear.includes(u))).toHaveLength(1);
  });

  it('prefers units not inspected last year (name or alias, any tone placement)', () => {
    const cluster = units('Cụm A', 'Đơn vị', 9);
    const roster = pickInspectionRoster({
      units: cluster,
      lastYear: ['ĐƠN VỊ 01', 'Đơn vị 02'],
      seed: 7,
    });
    expect(roster[0].units).toHaveLength(7);
    expect(roster[0].units).not.toContain('Đơn vị 01');
    expect(roster[0].units).not.toContain('Đơn vị 02');
  });

  it('is deterministic for a seed, whatever the input order, and the seed matters', () => {
    const a = pickInspectionRoster({ units: all, lastYear, seed: 99 });
    const b = pickInspectionRoster({ units: [...all].reverse(), lastYear, seed: 99 });
    expect(b).toEqual(a);
    const picks = new Set(
      [1, 2, 3, 4, 5, 6].map((seed) => pickInspectionRoster({ units: all, lastYear, seed })[1].units.join('|')),
    );
    expect(picks.size).toBeGreaterThan(1);
  });

  it('honours min and max, and rejects bad bounds', () => {
    const roster = pickInspectionRoster({ units: big, lastYear: [], seed: 1, min: 2, max: 3 });
    expect(roster[0].units).toHaveLength(3);
    expect(() => pickInspectionRoster({ units: big, lastYear: [], seed: 1, min: 6, max: 5 })).toThrow(RangeError);
  });

  it('leaves out merged-away units on a date, and counts a predecessor’s inspection with a registry', () => {
    const registry = hongNguRegistry();
    const after = pickInspectionRoster({ units: registry.all(), lastYear: [], seed: 3, date: '2025-07-01' });
    // District departments and merged communes ended on 30/6/2025; the new communes have no cluster yet.
    expect(after).toEqual([]);
    const before = pickInspectionRoster({ units: registry.all(), lastYear: [], seed: 3, date: '2024-06-01' });
    expect(before.map((g) => [g.cluster, g.units.length])).toEqual([
      ['Cụm thi đua số 1', 5],
      ['Cụm thi đua số 2', 5],
      ['Khối Kinh tế', 3],
      ['Khối Tổng hợp', 5],
      ['Khối Văn hóa - Xã hội', 4],
    ]);
    const merged = new UnitRegistry([
      { name: 'Xã Mới', kind: 'commune', cluster: 'Cụm X' },
      { name: 'Xã Cũ', kind: 'commune', validTo: '2025-06-30', mergedInto: 'Xã Mới' },
      ...Array.from({ length: 6 }, (_, i) => ({ name: `Xã Khác ${i + 1}`, kind: 'commune', cluster: 'Cụm X' })),
    ]);
    const roster = pickInspectionRoster({
      units: merged.all(),
      lastYear: ['Xã Cũ'],
      seed: 5,
      min: 3,
      max: 6,
      registry: merged,
    });
    expect(roster[0].units).toHaveLength(6);
    expect(roster[0].units).not.toContain('Xã Mới');
  });
});

describe('roster sheet values', () => {
  it('gives a header and one editable row per unit, and reads an edited sheet back', () => {
    const roster = pickInspectionRoster({ units: all, lastYear, seed: 2024 });
    const values = rosterValues(roster, { lastYear });
    expect(values[0]).toEqual([...ROSTER_HEADER]);
    expect(values).toHaveLength(1 + 5 + 7 + 3);
    const row = values.find((r) => lastYear.includes(String(r[2])))!;
    expect(row[3]).toBe('Có');
    expect(values[1]).toEqual([1, 'Cụm thi đua số 3', roster[0].units[0], expect.any(String), '', '']);
    // The office swaps one unit and deletes another; blank rows are ignored.
    const edited = values.map((r) => [...r]);
    edited[1][2] = 'Xã 09 (thay)';
    edited[2] = ['', '', '', '', '', ''];
    const back = rosterFromValues(edited);
    expect(back[0].units[0]).toBe('Xã 09 (thay)');
    expect(back[0].units).toHaveLength(4);
    expect(back.map((g) => g.cluster)).toEqual(roster.map((g) => g.cluster));
    expect(() => rosterFromValues([['STT', 'Đơn vị']])).toThrow(/thiếu cột/);
  });
});
