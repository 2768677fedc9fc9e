import {
  itemsForUnit,
  officeUnitOf,
  resolveResponsible,
  responsibleText,
  responsibleUnitsOf,
} from '../../../src/core/tracking';
import { hongNguRegistry, UnitRegistry } from '../../../src/core/units';
import { planItem, sampleRegistry } from './helpers';

const registry = sampleRegistry();
const all = registry.all();
const departments = all.filter((u) => u.kind === 'department').map((u) => u.name);
const communes = all.filter((u) => u.kind === 'commune').map((u) => u.name);
const town = all.filter((u) => u.kind === 'town').map((u) => u.name);
const read = (text: string, options = {}) => resolveResponsible(text, registry, options);

describe('resolveResponsible', () => {
  it('reads the council roles as the standing office', () => {
    expect(read('Phòng Nội vụ/Thường trực Hội đồng')).toEqual({ units: ['Phòng Nội vụ'], unmatched: [] });
    expect(read('Chủ tịch Hội đồng').units).toEqual(['Phòng Nội vụ']);
    expect(read('Chủ tịch UBND huyện/Chủ tịch Hội đồng; Phòng Nội vụ').units).toEqual(['Phòng Nội vụ']);
    expect(read('Thường trực Hội đồng Thi đua – Khen thưởng huyện').units).toEqual(['Phòng Nội vụ']);
  });

  it('uses the office the caller names', () => {
    const options = { officeUnit: 'Văn phòng HĐND và UBND huyện' };
    expect(read('Chủ tịch Hội đồng', options).units).toEqual(['Văn phòng HĐND và UBND huyện']);
    // "Phòng Nội vụ" is still that department when the registry has it.
    expect(read('Phòng Nội vụ', options).units).toEqual(['Phòng Nội vụ']);
  });

  it('reports a council role as unmatched when the registry has no office', () => {
    const noOffice = new UnitRegistry([{ name: 'Phòng Y tế', kind: 'department' }]);
    expect(resolveResponsible('Chủ tịch Hội đồng; Phòng Y tế', noOffice)).toEqual({
      units: ['Phòng Y tế'],
      unmatched: ['Chủ tịch Hội đồng'],
    });
  });

  it('maps "Phòng Nội vụ" to the office when the registry names the office otherwise', () => {
    const province = new UnitRegistry([
      { name: 'Sở Nội vụ', kind: 'department' },
      { name: 'Sở Y tế', kind: 'department' },
    ]);
    expect(resolveResponsible('Phòng Nội vụ', province).units).toEqual(['Sở Nội vụ']);
    expect(officeUnitOf(province)?.name).toBe('Sở Nội vụ');
  });

  it('expands "các phòng, ban, ngành" and "UBND các xã, thị trấn" to every unit of those kinds', () => {
    const r = read('Các phòng, ban, ngành huyện; UBND các xã, thị trấn');
    expect(r.unmatched).toEqual([]);
    expect([...r.units].sort()).toEqual([...departments, ...communes, ...town].sort());
    expect(departments.length).toBe(12);
    expect(communes.length + town.length).toBe(10);
  });

  it('reads the groups without a separator between them, and with old tone placement', () => {
    const r = read('Các phòng, ban, ngành và Uỷ ban nhân dân các xã, thị trấn');
    expect(r.units.length).toBe(22);
    expect(r.unmatched).toEqual([]);
  });

  it('"các xã" alone means communes, not the town', () => {
    expect([...read('UBND các xã').units].sort()).toEqual([...communes].sort());
    expect(read('Hội đồng thi đua – khen thưởng các xã, thị trấn').units.length).toBe(10);
  });

  it('splits lists on ";", "/", "," and "và" without cutting names that contain "và"', () => {
    expect(read('Phòng Tư pháp, Phòng Y tế và Phòng Văn hóa và Thông tin').units).toEqual([
      'Phòng Tư pháp',
      'Phòng Văn hóa và Thông tin',
      'Phòng Y tế',
    ]);
    expect(read('Phòng Giáo dục và Đào tạo').units).toEqual(['Phòng Giáo dục và Đào tạo']);
    expect(read('Văn phòng HĐND và UBND huyện').units).toEqual(['Văn phòng HĐND và UBND huyện']);
    expect(read('Phòng Y tế; Xã Long Khánh A/UBND xã Thường Lạc').units).toEqual([
      'Xã Thường Lạc',
      'Xã Long Khánh A',
      'Phòng Y tế',
    ]);
  });

  it('cuts blindly at commas only when a piece is a unit', () => {
    expect(read('P. Tư pháp, PYT').units).toEqual(['Phòng Tư pháp', 'Phòng Y tế']);
    expect(read('Tổ công tác, nhóm hỗ trợ')).toEqual({ units: [], unmatched: ['Tổ công tác, nhóm hỗ trợ'] });
    // A piece naming a unit found before still counts as a unit.
    expect(read('Phòng Y tế; P. Y tế, Tổ công tác')).toEqual({ units: ['Phòng Y tế'], unmatched: ['Tổ công tác'] });
  });

  it('reads a part of a unit as that unit', () => {
    expect(read('Thanh tra Phòng Giáo dục và Đào tạo').units).toEqual(['Phòng Giáo dục và Đào tạo']);
    expect(read('Tổ Chuyên môn Phòng Giáo dục và Đào tạo').units).toEqual(['Phòng Giáo dục và Đào tạo']);
  });

  it('reports what names no unit, and only that piece', () => {
    expect(read('Phòng Văn hóa và Thông tin, Trung tâm Văn hóa - Thể thao và Truyền thanh huyện')).toEqual({
      units: ['Phòng Văn hóa và Thông tin'],
      unmatched: ['Trung tâm Văn hóa - Thể thao và Truyền thanh huyện'],
    });
    expect(read('Các thành viên Hội đồng').unmatched).toEqual(['Các thành viên Hội đồng']);
    expect(read('')).toEqual({ units: [], unmatched: [] });
  });

  it('expands groups to the units existing in the item year (mergers of 1 July 2025)', () => {
    const hn = hongNguRegistry();
    const in2022 = resolveResponsible('các xã', hn, { year: 2022 }).units;
    expect(in2022).toHaveLength(9);
    expect(in2022).not.toContain('Xã Thường Phước');
    expect(resolveResponsible('các xã', hn, { year: 2026 }).units).toEqual(['Xã Thường Phước', 'Xã Long Khánh']);
    expect(resolveResponsible('các xã', hn, { date: '2025-07-01' }).units).toEqual([
      'Xã Thường Phước',
      'Xã Long Khánh',
    ]);
  });
});

describe('responsibleUnitsOf and itemsForUnit', () => {
  const items = [
    planItem('1.1', { responsibleUnits: 'Chủ tịch Hội đồng; Phòng Nội vụ/Thường trực Hội đồng' }),
    planItem('3', { responsibleUnits: 'Phòng Văn hóa và Thông tin' }),
    planItem('4', { responsibleUnits: 'Các phòng, ban, ngành huyện; UBND các xã, thị trấn' }),
    planItem('6.2', { responsibleUnits: '', lead: 'Phòng Giáo dục và Đào tạo', advisory: '', executor: '' }),
    planItem('7', { responsibleUnits: null, lead: '', executor: '' }),
  ];

  it('reads «Đơn vị chịu trách nhiệm», else executor, lead and advisory', () => {
    expect(responsibleText(items[3])).toBe('Phòng Giáo dục và Đào tạo');
    expect(responsibleUnitsOf(items[3], registry)).toEqual(['Phòng Giáo dục và Đào tạo']);
    expect(responsibleUnitsOf(items[4], registry)).toEqual([]);
    expect(
      responsibleText(planItem('x', { responsibleUnits: '', executor: 'Phòng Y tế', lead: 'Phòng Tư pháp' })),
    ).toBe('Phòng Y tế; Phòng Tư pháp');
  });

  it('lists the items a unit answers for, by name or alias', () => {
    expect(itemsForUnit(items, 'Phòng Nội vụ', registry).map((i) => i.id)).toEqual(['1.1', '4']);
    expect(itemsForUnit(items, 'PNV', registry).map((i) => i.id)).toEqual(['1.1', '4']);
    expect(itemsForUnit(items, 'Phòng VH&TT', registry).map((i) => i.id)).toEqual(['3', '4']);
    expect(itemsForUnit(items, 'Xã Thường Lạc', registry).map((i) => i.id)).toEqual(['4']);
    expect(itemsForUnit(items, 'Phòng Giáo dục và Đào tạo', registry).map((i) => i.id)).toEqual(['4', '6.2']);
    expect(itemsForUnit(items, 'Đơn vị không có', registry)).toEqual([]);
  });
});
