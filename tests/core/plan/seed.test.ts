/**
 * The seed plan (Hồng Ngự district council, 2022), text extracted from a PDF.
 * It lives outside the repository; these tests run when it is present
 * (TDKT_SEEDS or ../shared/seeds next to the repository).
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { parsePlan } from '../../../src/core/plan';
import { expectItems, VIETNAMESE, type ItemExpectation } from './plan-helpers';

const SEEDS = process.env.TDKT_SEEDS ?? path.resolve(__dirname, '../../../../shared/seeds');
const SEED = path.join(SEEDS, 'ke-hoach-2022-hong-ngu.txt');
const describeSeed = existsSync(SEED) ? describe : describe.skip;

const CHAIR = 'Chủ tịch UBND Huyện/Chủ tịch Hội đồng';
const OFFICE = 'Phòng Nội vụ/Thường trực Hội đồng';
const YEAR = { start: '2022-01-01', due: ['2022-12-31'] };

const EXPECTED: ItemExpectation[] = [
  {
    id: '1.1',
    title: 'Tổ chức các phiên họp định kỳ, Hội nghị tổng kết phong trào thi đua yêu nước năm 2021',
    lead: CHAIR,
    advisory: OFFICE,
    executor: '',
    coordinators: [],
    kind: 'deadline',
    start: null,
    due: ['2022-02-28', '2022-06-30'],
    source: 'stated',
    text: 'tháng 02 và tháng 6 năm 2022',
  },
  {
    id: '1.2',
    title: 'Tổ chức các phiên họp Hội đồng không định kỳ',
    lead: CHAIR,
    advisory: OFFICE,
    kind: 'on-demand',
    due: [],
    source: 'inferred',
  },
  {
    id: '2',
    title: 'Phát động đẩy mạnh các phong trào thi đua yêu nước',
    lead: CHAIR,
    advisory: OFFICE,
    kind: 'ongoing',
    ...YEAR,
    source: 'default',
  },
  {
    id: '3',
    title: 'Chỉ đạo đẩy mạnh tuyên truyền các phong trào thi đua',
    lead: '',
    advisory: '',
    executor: 'Phòng Văn hoá – Thông tin',
    coordinators: [OFFICE],
    kind: 'ongoing',
    ...YEAR,
    source: 'default',
  },
  { id: '4', title: 'Chỉ đạo thực hiện tốt công tác khen thưởng', lead: CHAIR, advisory: '', kind: 'ongoing', ...YEAR },
  {
    id: '5.1',
    lead: '',
    advisory: OFFICE,
    kind: 'external',
    start: null,
    due: [],
    text: 'theo kế hoạch của Hội đồng Thi đua - Khen thưởng Tỉnh',
  },
  { id: '5.2', advisory: OFFICE, kind: 'deadline', due: ['2022-06-30'], text: 'Quý II, năm 2022' },
  {
    id: '5.3.a',
    lead: 'Phòng Nội vụ',
    coordinators: ['các thành viên Hội đồng'],
    kind: 'deadline',
    due: ['2022-06-30'],
  },
  {
    id: '5.3.b',
    lead: OFFICE,
    coordinators: [],
    target: '02 lớp',
    kind: 'deadline',
    due: ['2022-06-30'],
  },
  {
    id: '5.3.c',
    lead: 'Phòng Nội vụ',
    coordinators: ['các thành viên Hội đồng'],
    target: 'Mỗi Khối, Cụm thi đua chọn 05 đến 07 đơn vị',
    kind: 'deadline',
    due: ['2022-09-30'],
  },
  {
    id: '5.4.a',
    title: 'Khen thưởng tổng kết phong trào thi đua năm học 2021 – 2022',
    lead: CHAIR,
    advisory: OFFICE,
    kind: 'deadline',
    due: ['2022-09-30'],
  },
  {
    id: '5.4.b',
    title: 'Khen thưởng tổng kết công tác thi đua năm 2022',
    lead: CHAIR,
    advisory: OFFICE,
    kind: 'deadline',
    start: null,
    due: ['2022-06-30', '2022-12-31'],
  },
];

describeSeed('parsePlan on the seed plan (Hồng Ngự 2022)', () => {
  const text = existsSync(SEED) ? readFileSync(SEED, 'utf8') : '';
  const plan = parsePlan(text);

  it('reads the title and the year', () => {
    expect(plan.title).toBe('Kế hoạch hoạt động của Hội đồng Thi đua - Khen thưởng huyện Hồng Ngự năm 2022');
    expect(plan.year).toBe(2022);
  });

  it('finds exactly the 12 trackable items with their roles and due dates', () => {
    expect(plan.items).toHaveLength(12);
    expectItems(plan, EXPECTED);
  });

  it('keeps content and the titles of the parent headings', () => {
    const item = plan.items.find((i) => i.id === '5.3.c')!;
    expect(item.path).toHaveLength(2);
    expect(item.path[0]).toMatch(/^Tham mưu Chủ tịch Uỷ ban nhân dân Huyện .* năm 2022$/u);
    expect(item.path[1]).toMatch(/^Tổ chức thực hiện tập huấn nghiệp vụ .*Cụm, Khối thi đua Huyện$/u);
    expect(item.content).toMatch(/^Việc thực hiện các chủ trương.*công tác khen thưởng\.$/u);
    const two = plan.items.find((i) => i.id === '2')!;
    expect(two.content.split('\n')[0]).toBe('Tổ chức phát động phong trào thi đua yêu nước trong phạm vi toàn huyện.');
    expect(two.content).toContain('giai đoạn 2019 - 2025”.');
    // Page-break debris (a line starting with a space) is joined back into the sentence.
    expect(plan.items.find((i) => i.id === '4')!.content).toContain(
      'khen thưởng thành tích đột xuất; khen thưởng thông qua',
    );
    expect(plan.items.find((i) => i.id === '5.1')!.title).toBe(
      'Cử cán bộ, công chức, viên chức tham gia Hội thi tìm hiểu Luật Thi đua, Khen thưởng năm 2022 do Tỉnh tổ chức',
    );
  });

  it('asks every department, organisation and commune council for its own plan (section III.2)', () => {
    expect(plan.deliverables.map((d) => [d.id, d.unitKind, d.council, d.action])).toEqual([
      ['III.2:department', 'department', false, 'ban hành kế hoạch'],
      ['III.2:other', 'other', false, 'ban hành kế hoạch'],
      ['III.2:commune', 'commune', true, 'ban hành kế hoạch'],
      ['III.2:town', 'town', true, 'ban hành kế hoạch'],
    ]);
    for (const d of plan.deliverables) {
      expect(d.title).toBe('Ban hành Kế hoạch hoạt động năm 2022');
      expect(d.schedule).toBeNull();
    }
  });

  it('warns, in Vietnamese, about each item whose time was guessed', () => {
    expect(plan.warnings.map((w) => [w.code, w.itemId])).toEqual([
      ['schedule-inferred', '1.2'],
      ['schedule-defaulted', '2'],
      ['schedule-defaulted', '3'],
      ['schedule-defaulted', '4'],
    ]);
    for (const w of plan.warnings) expect(w.message).toMatch(VIETNAMESE);
    expect(plan.warnings[0].message).toContain('không định kỳ');
  });

  it('reads the same plan from NFD text with Windows line ends, a BOM and old-style tones', () => {
    const variant = '\ufeff' + text.replace(/Ủy/g, 'Uỷ').normalize('NFD').replace(/\n/g, '\r\n');
    const again = parsePlan(variant);
    const essentials = (p: typeof plan) =>
      p.items.map((i) => [i.id, i.lead, i.advisory, i.executor, i.coordinators, i.schedule.kind, i.schedule.due]);
    expect(essentials(again)).toEqual(essentials(plan));
  });
});
