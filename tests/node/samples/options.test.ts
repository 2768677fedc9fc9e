import { matchKey } from '../../../src/core/text';
import { hongNguRegistry, UnitRegistry } from '../../../src/core/units';
import { buildReports } from '../../../src/node/samples';
import { loadWorkbook } from './support';

const units = hongNguRegistry().all();

test('tiny sets: one to three files, no hostile files below eight', async () => {
  for (const count of [1, 2, 3]) {
    const set = await buildReports({ seed: count, count, year: 2022, units });
    expect(set.files).toHaveLength(count);
    expect(set.truth.files.every((f) => f.expect === 'imported')).toBe(true);
    expect(set.truth.import_order).toContain('two-digit');
  }
});

test('the mix option sets the number of hostile files', async () => {
  const set = await buildReports({
    seed: 4,
    count: 20,
    year: 2022,
    units,
    mix: { copies: 3, truncated: 2, notZip: 0, empty: 1, nominationShare: 1 },
  });
  const quirks = set.truth.files.map((f) => f.quirks[0]);
  expect(quirks.filter((q) => q === 'byte_identical_copy')).toHaveLength(3);
  expect(quirks.filter((q) => q === 'truncated_zip')).toHaveLength(2);
  expect(quirks.filter((q) => q === 'not_a_zip')).toHaveLength(0);
  expect(quirks.filter((q) => q === 'empty_workbook')).toHaveLength(1);
  const readable = set.truth.files.filter((f) => f.expect === 'imported');
  expect(readable).toHaveLength(14);
  expect(readable.every((f) => f.kind === 'nomination')).toBe(true);
});

test('a year after the district level ended: only the units of that year, no district Giấy khen', async () => {
  const set = await buildReports({ seed: 8, count: 12, year: 2026, units });
  expect(set.truth.units).toEqual(['Xã Thường Phước', 'Xã Long Khánh']);
  expect(set.truth.records.some((r) => r.award === 'Giấy khen của Chủ tịch Ủy ban nhân dân huyện')).toBe(false);
  expect(set.truth.records.every((r) => r.year === 2026)).toBe(true);
});

test('any registry: departments only, another district and province', async () => {
  const registry = UnitRegistry.fromCsv(
    'name,kind,cluster,aliases\nPhòng Văn hóa và Thông tin,department,,\nPhòng Giáo dục và Đào tạo,department,,\nTrường THCS Tân Hòa,school,,\n',
  );
  const set = await buildReports({
    seed: 5,
    count: 30,
    year: 2023,
    units: registry.all(),
    place: { district: 'Tân Hồng', province: 'Đồng Tháp' },
  });
  expect(new Set(set.truth.files.filter((f) => f.unit).map((f) => f.unit))).toEqual(
    new Set(['Phòng Văn hóa và Thông tin', 'Phòng Giáo dục và Đào tạo', 'Trường THCS Tân Hòa']),
  );
  const names = set.truth.records.filter((r) => r.subject === 'individual').map((r) => matchKey(r.name));
  expect(names.length).toBeGreaterThan(50);
  const first = set.files.find((f) => set.truth.files.find((t) => t.file === f.name)?.expect === 'imported');
  const wb = await loadWorkbook(first!.bytes);
  expect(wb.worksheets.length).toBeGreaterThan(0);
});

test('rejects impossible options', async () => {
  await expect(buildReports({ seed: 1, count: 0, year: 2022, units })).rejects.toThrow(RangeError);
  await expect(buildReports({ seed: 1, count: 5, year: 1990, units: [] })).rejects.toThrow(RangeError);
});
