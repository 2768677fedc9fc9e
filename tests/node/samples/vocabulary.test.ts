import { matchAward, type AwardId } from '../../../src/core/awards';
import {
  canonicalTone,
  decodeTcvn3,
  decodeVni,
  encodeTcvn3,
  encodeVni,
  titleCaseName,
  toUnicode,
} from '../../../src/core/text';
import { hongNguRegistry, matchUnit, type UnitRegistry } from '../../../src/core/units';
import {
  UNKNOWN_AWARDS,
  Rng,
  describeUnits,
  matrixLabels,
  mulberry32,
  sectionLabel,
  unitCellForms,
  unitTitleForms,
  writtenForms,
} from '../../../src/node/samples';
import { initialsOf } from '../../../src/node/samples/units';
import { encodeCapsFont, oldTone, shownAs, typeableTcvn3 } from '../../../src/node/samples/text';
import { GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE, MIDDLE_NAMES_FEMALE } from '../../../src/node/samples/vocab';
import { examplesRegistry } from './support';

const place = { district: 'Hồng Ngự', province: 'Đồng Tháp' };
const IDS: AwardId[] = ['ldtt', 'cstdcs', 'cstd_tinh', 'ttldtt', 'ttldxs', 'co_tinh', 'gk_huyen', 'bk_tinh'];

test('mulberry32 is deterministic and uniform enough', () => {
  const a = mulberry32(2024);
  const b = mulberry32(2024);
  const xs = Array.from({ length: 1000 }, () => a());
  expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
  expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
  const rng = new Rng(1);
  expect(rng.fork('x').float()).toBe(new Rng(1).fork('x').float());
  expect(rng.fork('x').float()).not.toBe(rng.fork('y').float());
});

test('every written form of an award names that award and no other', () => {
  for (const id of IDS) {
    for (const text of [...writtenForms(id, place), ...matrixLabels(id)]) {
      const m = matchAward(text);
      expect({ text, award: m.award?.id }).toEqual({ text, award: id });
    }
  }
});

test('section rows name their award, in both kinds of list', () => {
  const rng = new Rng(7);
  for (const kind of ['registration', 'nomination'] as const) {
    for (const id of IDS) {
      for (let i = 0; i < 40; i++) {
        const text = sectionLabel(rng, kind, id, rng.int(1, 6), rng.int(1, 12), rng.chance(0.5), place);
        expect({ text, award: matchAward(text).award?.id }).toEqual({ text, award: id });
        if (kind === 'registration') expect(text).not.toMatch(/Đề nghị/);
      }
    }
  }
});

test('awards outside the catalogue are not matched', () => {
  for (const text of UNKNOWN_AWARDS) {
    const m = matchAward(text);
    expect({ text, award: m.award }).toEqual({ text, award: null });
    expect(m.code).toBe('not_in_catalogue');
  }
});

function checkUnits(registry: UnitRegistry): void {
  const infos = describeUnits(
    registry.all().filter((u) => u.validTo === null || u.validTo >= '2022-01-01'),
    new Rng(1),
  );
  for (const info of infos) {
    for (const text of unitCellForms(info)) {
      expect({ text, unit: matchUnit(registry, text).unit?.name }).toEqual({ text, unit: info.unit.name });
      // Cells in .VnTime: what the TCVN3 version decodes to names the same unit.
      expect(matchUnit(registry, shownAs('tcvn3', text)).unit?.name).toBe(info.unit.name);
    }
    for (const text of unitTitleForms(info)) {
      expect({ text, unit: matchUnit(registry, text).unit?.name }).toEqual({ text, unit: info.unit.name });
      // Title lines in .VnTimeH: typed in lower case, decoded in capitals.
      const decoded = toUnicode(encodeCapsFont(text), { font: '.VnTimeH' });
      expect(decoded).toBe(text);
      expect(matchUnit(registry, decoded).unit?.name).toBe(info.unit.name);
    }
  }
}

test('every way the generator writes a unit names that unit (Hồng Ngự registry)', () => {
  checkUnits(hongNguRegistry());
});

test('every way the generator writes a unit names that unit (examples/units.csv)', () => {
  checkUnits(examplesRegistry());
});

test('collectives and hamlets are unique across units', () => {
  const infos = describeUnits(hongNguRegistry().all(), new Rng(3));
  const all = infos.flatMap((i) => i.collectives);
  expect(new Set(all).size).toBe(all.length);
});

test('department initials are written the usual way', () => {
  expect(initialsOf('Kinh tế và Hạ tầng')).toBe('KT&HT');
  expect(initialsOf('Lao động – Thương binh và Xã hội')).toBe('LĐ-TB&XH');
  expect(initialsOf('Tài chính - Kế hoạch')).toBe('TC-KH');
  expect(initialsOf('Nông nghiệp và Phát triển nông thôn')).toBe('NN&PTNT');
  expect(initialsOf('Y tế')).toBeNull();
});

test('old tone placement is undone by the core canonical form', () => {
  expect(oldTone('Hòa Thủy Ủy ban Thùy')).toBe('Hoà Thuỷ Uỷ ban Thuỳ');
  expect(oldTone('Hoàng Quý Toàn')).toBe('Hoàng Quý Toàn');
  for (const name of [...GIVEN_NAMES_MALE, ...GIVEN_NAMES_FEMALE, ...MIDDLE_NAMES_FEMALE]) {
    expect(canonicalTone(oldTone(name))).toBe(name);
  }
});

test('legacy encodings round-trip the generated text', () => {
  const names = ['Nguyễn Thị Ngọc Ngân', 'Trương Công An', 'Huỳnh Thị Bích Út', 'Đặng Kim Hằng'];
  for (const name of names) {
    expect(decodeVni(encodeVni(name))).toBe(name);
    // TCVN3 loses the case of accented capitals; names are title-cased again.
    expect(titleCaseName(decodeTcvn3(encodeTcvn3(name)))).toBe(name);
  }
  expect(typeableTcvn3('Chủ tịch Ủy ban MTTQ')).toBe('Chủ tịch Uỷ ban MTTQ');
  expect(shownAs('tcvn3', 'Ấp Long Hòa')).toBe('ấp Long Hòa');
  expect(encodeTcvn3(typeableTcvn3('Ủy ban nhân dân'))).toBe('Uû ban nh©n d©n');
});
