/**
 * parsePlan on plans written in other ways than the seed (tests/fixtures/plans).
 */
import { parsePlan } from '../../../src/core/plan';
import { expectItems, fixture, VIETNAMESE } from './plan-helpers';

describe('a commune council plan for 2024, extracted from a PDF (xa-long-khanh-b-2024.txt)', () => {
  // "NHIỆM VỤ VÀ GIẢI PHÁP", "Đơn vị chủ trì:", "Thời gian:", lettered "a.", wrapped lines,
  // a page number "2" and the running header repeated at the page break, mid-sentence.
  const plan = parsePlan(fixture('xa-long-khanh-b-2024.txt'));
  const CHAIR = 'Chủ tịch UBND xã/Chủ tịch Hội đồng';

  it('reads the title below the header block and the year', () => {
    expect(plan.title).toBe('Kế hoạch hoạt động của Hội đồng Thi đua - Khen thưởng xã năm 2024');
    expect(plan.year).toBe(2024);
  });

  it('reads the items of section II with roles, inherited roles and schedules', () => {
    expectItems(plan, [
      {
        id: '1',
        title:
          'Tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm 2023 và phát động phong trào thi đua năm 2024',
        lead: CHAIR,
        advisory: 'Công chức Văn phòng - Thống kê (phụ trách thi đua, khen thưởng)',
        kind: 'deadline',
        start: null,
        due: ['2024-01-31'],
      },
      {
        id: '2.a',
        title: 'Phong trào thi đua “Chung sức xây dựng nông thôn mới nâng cao, nông thôn mới kiểu mẫu”',
        lead: 'Ban Quản lý xây dựng nông thôn mới xã',
        coordinators: ['Ủy ban Mặt trận Tổ quốc Việt Nam xã', 'Hội Nông dân xã', 'Ban Nhân dân các ấp'],
        kind: 'window',
        start: '2024-03-01',
        due: ['2024-11-30'],
      },
      {
        id: '2.b',
        lead: 'Văn phòng HĐND và UBND xã',
        kind: 'ongoing',
        start: '2024-01-01',
        due: ['2024-12-31'],
        source: 'stated',
      },
      {
        id: '3',
        lead: 'Thường trực Hội đồng',
        coordinators: ['Ủy ban Mặt trận Tổ quốc Việt Nam xã'],
        target: '03 ấp (Long Thạnh A, Long Thạnh B, Long Bình)',
        kind: 'window',
        start: '2024-07-01',
        due: ['2024-12-31'],
      },
      {
        id: '4',
        title:
          'Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2024 và đề ra phương hướng, nhiệm vụ 6 tháng cuối năm',
        lead: CHAIR,
        kind: 'deadline',
        due: ['2024-07-31'],
      },
      {
        id: '5.a',
        lead: 'Chủ tịch UBND xã',
        advisory: 'Công chức Văn phòng - Thống kê',
        kind: 'on-demand',
        due: [],
        text: 'khi có yêu cầu',
      },
      {
        id: '5.b',
        title: 'Khen thưởng tổng kết năm 2024',
        lead: 'Chủ tịch UBND xã',
        advisory: 'Công chức Văn phòng - Thống kê',
        kind: 'deadline',
        due: ['2024-12-31'],
      },
      {
        id: '6',
        lead: '',
        executor: 'Các thành viên Hội đồng',
        kind: 'external',
        due: [],
        text: 'theo kế hoạch của Cụm thi đua số 2',
      },
    ]);
  });

  it('keeps wrapped content in one paragraph and leaves the page debris out', () => {
    expect(plan.items.find((i) => i.id === '2.a')!.content).toBe(
      'Vận động Nhân dân tham gia hiến đất, đóng góp ngày công làm đường giao thông nông thôn; chỉnh trang nhà ở, hàng rào, cổng ngõ xanh - sạch - đẹp.',
    );
    const all = JSON.stringify(plan.items);
    expect(all).not.toContain('Kế hoạch hoạt động Hội đồng Thi đua - Khen thưởng xã Long Khánh B');
    expect(all).not.toMatch(/phương hướng, 2/u);
  });

  it('asks the commune’s branches, organisations and hamlets for their plans by 15/02/2024', () => {
    expect(plan.deliverables.map((d) => [d.id, d.unitKind, d.unitLabel, d.action])).toEqual([
      ['III.2:department', 'department', 'Phòng, ban, ngành', 'ban hành kế hoạch'],
      ['III.2:other', 'other', 'Tổ chức chính trị - xã hội', 'ban hành kế hoạch'],
      ['III.2:other#2', 'other', 'Ấp, khóm', 'ban hành kế hoạch'],
    ]);
    for (const d of plan.deliverables) {
      expect(d.schedule).toEqual({ kind: 'deadline', start: null, due: ['2024-02-15'], text: 'trước ngày 15/02/2024' });
      expect(d.title).toBe('Xây dựng kế hoạch thực hiện phong trào thi đua năm 2024, gửi về Thường trực Hội đồng');
    }
  });

  it('has nothing to warn about', () => {
    expect(plan.warnings).toEqual([]);
  });
});

describe('a department plan for 2023 with roles on one line (phong-giao-duc-2023.txt)', () => {
  // "CÁC HOẠT ĐỘNG TRỌNG TÂM", "•" and "+" bullets, labels in capitals, "a)" items, an unknown phrase.
  const plan = parsePlan(fixture('phong-giao-duc-2023.txt'));
  const PGD = 'Phòng Giáo dục và Đào tạo';

  it('reads title and year', () => {
    expect(plan.title).toBe('Kế hoạch tổ chức các phong trào thi đua của ngành Giáo dục năm 2023');
    expect(plan.year).toBe(2023);
  });

  it('reads the items', () => {
    expectItems(plan, [
      {
        id: '1',
        lead: PGD,
        coordinators: ['Công đoàn ngành Giáo dục', 'Huyện đoàn'],
        kind: 'deadline',
        due: ['2023-09-30'],
        text: 'tháng 9/2023',
      },
      {
        id: '2.a',
        title: 'Hội thi giáo viên dạy giỏi cấp huyện',
        lead: 'Tổ Chuyên môn Phòng Giáo dục và Đào tạo',
        target: 'mỗi trường cử 02 giáo viên',
        kind: 'window',
        start: '2023-07-01',
        due: ['2023-12-31'],
      },
      {
        id: '2.b',
        title: 'Hội thi “Giáo viên chủ nhiệm giỏi”',
        kind: 'window',
        start: '2023-11-01',
        due: ['2023-12-31'],
      },
      {
        id: '3',
        executor: 'Thanh tra Phòng Giáo dục và Đào tạo',
        kind: 'deadline',
        due: ['2023-03-31', '2023-06-30', '2023-09-30', '2023-12-31'],
        text: 'định kỳ hằng quý',
      },
      {
        id: '4',
        lead: PGD,
        coordinators: ['Công đoàn ngành Giáo dục'],
        kind: 'ongoing',
        due: [],
        text: 'sau khi kết thúc học kỳ I',
      },
      {
        id: '5',
        target: '02 bài',
        kind: 'deadline',
        due: Array.from({ length: 12 }, (_x, m) => monthEnd(2023, m + 1)),
      },
      { id: '6', kind: 'window', start: '2023-01-01', due: ['2023-06-30'] },
      { id: '7', kind: 'on-demand', due: [] },
      { id: '8', lead: PGD, kind: 'window', start: '2023-01-01', due: ['2023-12-31'], text: 'hằng năm' },
    ]);
  });

  it('keeps a phrase it does not understand and warns about it, naming the item', () => {
    expect(plan.warnings).toHaveLength(1);
    const [w] = plan.warnings;
    expect(w).toMatchObject({ code: 'unknown-time', itemId: '4', phrase: 'sau khi kết thúc học kỳ I' });
    expect(w.message).toContain('Mục 4');
    expect(w.message).toContain('“sau khi kết thúc học kỳ I”');
    expect(w.message).toMatch(VIETNAMESE);
  });

  it('asks each school for its plan within September', () => {
    expect(plan.deliverables).toHaveLength(1);
    expect(plan.deliverables[0]).toMatchObject({
      id: 'III.1:school',
      unitKind: 'school',
      action: 'ban hành kế hoạch',
      schedule: { kind: 'deadline', due: ['2023-09-30'] },
    });
  });
});

describe('a town plan without Roman numerals (thi-tran-thuong-thoi-tien-2023.txt)', () => {
  // Sections "1. MỤC ĐÍCH", "2. NỘI DUNG", "3. TỔ CHỨC THỰC HIỆN"; "Tiến độ:", "Thời hạn:",
  // roles written as a sentence, roles under a parent inherited by its lettered children.
  const plan = parsePlan(fixture('thi-tran-thuong-thoi-tien-2023.txt'));

  it('reads the items of section 2 with their printed numbers', () => {
    expect(plan.title).toBe('Kế hoạch công tác thi đua, khen thưởng năm 2023');
    expectItems(plan, [
      {
        id: '2.1',
        lead: 'Văn phòng HĐND và UBND thị trấn',
        coordinators: ['Công an thị trấn', 'Ban Chỉ huy Quân sự thị trấn'],
        kind: 'deadline',
        due: ['2023-01-31'],
      },
      { id: '2.2', lead: 'Chủ tịch UBND thị trấn', kind: 'deadline', due: ['2023-07-31'] },
      {
        id: '2.3.a',
        executor: 'Tổ kiểm tra của Hội đồng',
        coordinators: ['Ủy ban Mặt trận Tổ quốc Việt Nam thị trấn'],
        kind: 'deadline',
        due: ['2023-03-31', '2023-09-30'],
      },
      {
        id: '2.3.b',
        executor: 'Công chức Văn phòng - Thống kê',
        coordinators: ['Ủy ban Mặt trận Tổ quốc Việt Nam thị trấn'],
        kind: 'window',
        start: '2023-07-01',
        due: ['2023-12-31'],
      },
      {
        id: '2.4',
        title: 'Tổng kết công tác thi đua, khen thưởng năm 2023; xét khen thưởng theo thẩm quyền',
        lead: 'Chủ tịch UBND thị trấn',
        kind: 'deadline',
        due: ['2023-12-31'],
      },
      { id: '2.5', kind: 'deadline', due: ['2023-03-20'] },
    ]);
    expect(plan.items.find((i) => i.id === '2.3.a')!.path).toEqual(['Kiểm tra việc thực hiện các phong trào thi đua']);
  });

  it('asks schools for their reports by 30/11/2023', () => {
    expect(plan.deliverables.map((d) => [d.id, d.action, d.schedule?.due])).toEqual([
      ['3.1:school', 'gửi báo cáo', ['2023-11-30']],
    ]);
  });
});

describe('a district plan for 2025, one paragraph per line (hoi-dong-huyen-2025.txt)', () => {
  const plan = parsePlan(fixture('hoi-dong-huyen-2025.txt'));

  it('reads the items, with roles of 4 inherited down to 4.1.a', () => {
    expectItems(plan, [
      { id: '1.1', kind: 'deadline', due: ['2025-02-28', '2025-06-30'], advisory: 'Phòng Nội vụ/Thường trực Hội đồng' },
      { id: '1.2', kind: 'on-demand', due: [], source: 'stated' },
      {
        id: '2',
        lead: 'Chủ tịch UBND huyện',
        coordinators: ['Ủy ban Mặt trận Tổ quốc Việt Nam huyện', 'Liên đoàn Lao động huyện'],
        kind: 'deadline',
        due: ['2025-02-15'],
      },
      {
        id: '3',
        executor: 'Phòng Văn hóa và Thông tin',
        coordinators: ['Phòng Nội vụ', 'Đài Truyền thanh huyện'],
        kind: 'ongoing',
        start: '2025-01-01',
        due: ['2025-12-31'],
        source: 'default',
      },
      {
        id: '4.1.a',
        lead: 'Phòng Nội vụ',
        coordinators: ['các thành viên Hội đồng'],
        target: '02 lớp',
        kind: 'deadline',
        due: ['2025-06-30'],
      },
      { id: '4.1.b', lead: 'Phòng Nội vụ', kind: 'deadline', due: ['2025-09-30'] },
      {
        id: '4.2',
        lead: 'Phòng Nội vụ',
        target: 'Mỗi Cụm, Khối thi đua chọn 03 đơn vị',
        kind: 'window',
        start: '2025-07-01',
        due: ['2025-12-31'],
      },
      { id: '5.1', kind: 'deadline', due: ['2025-07-31'] },
      { id: '5.2', kind: 'deadline', due: ['2025-06-30', '2025-12-31'] },
      { id: '6', advisory: 'Phòng Nội vụ', kind: 'external', due: [] },
    ]);
  });

  it('tells the department from the commune councils in one sentence', () => {
    expect(plan.deliverables.map((d) => [d.unitKind, d.council, d.schedule?.due])).toEqual([
      ['department', false, ['2025-02-28']],
      ['commune', true, ['2025-02-28']],
      ['town', true, ['2025-02-28']],
    ]);
  });
});

describe('a district plan for 2023 extracted from a PDF, a blank line after every line (huyen-hong-ngu-2023.txt)', () => {
  const plan = parsePlan(fixture('huyen-hong-ngu-2023.txt'));
  const CHAIR = 'Chủ tịch UBND Huyện/Chủ tịch Hội đồng';
  const OFFICE = 'Phòng Nội vụ/Thường trực Hội đồng';

  it('reads the 12 items', () => {
    expect(plan.title).toBe('Kế hoạch hoạt động của Hội đồng Thi đua - Khen thưởng huyện Hồng Ngự năm 2023');
    expectItems(plan, [
      { id: '1.1', lead: CHAIR, advisory: OFFICE, kind: 'deadline', due: ['2023-01-31'] },
      { id: '1.2', kind: 'deadline', due: ['2023-07-31', '2023-12-31'] },
      { id: '1.3', advisory: '', kind: 'on-demand', due: [] },
      {
        id: '2',
        coordinators: ['Ủy ban Mặt trận Tổ quốc Việt Nam huyện', 'Liên đoàn Lao động huyện', 'Huyện đoàn'],
        kind: 'ongoing',
        start: '2023-01-01',
        due: ['2023-12-31'],
        source: 'stated',
      },
      {
        id: '3',
        executor: 'Phòng Văn hóa và Thông tin, Trung tâm Văn hóa - Thể thao và Truyền thanh huyện',
        coordinators: [OFFICE],
        kind: 'window',
        start: '2023-07-01',
        due: ['2023-12-31'],
      },
      {
        id: '4',
        lead: 'Phòng Nội vụ',
        coordinators: ['Trung tâm Chính trị huyện'],
        target: '03 lớp',
        kind: 'deadline',
        due: ['2023-06-30'],
      },
      { id: '5.1', lead: OFFICE, kind: 'deadline', due: ['2023-03-31'] },
      {
        id: '5.2',
        target: 'Mỗi Cụm, Khối thi đua chọn 03 đến 05 đơn vị',
        kind: 'window',
        start: '2023-07-01',
        due: ['2023-12-31'],
      },
      { id: '6.a', lead: CHAIR, advisory: OFFICE, kind: 'window', start: '2023-07-01', due: ['2023-07-20'] },
      { id: '6.b', lead: CHAIR, advisory: OFFICE, kind: 'deadline', due: ['2023-09-30'] },
      { id: '6.c', lead: CHAIR, kind: 'deadline', due: ['2023-12-31', '2024-01-31'] },
      { id: '7', advisory: OFFICE, kind: 'external', due: [] },
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('joins a line broken before "- 2023" and leaves the page number out', () => {
    expect(plan.items.find((i) => i.id === '6.b')!.content).toBe(
      'Hướng dẫn, thẩm định hồ sơ đề nghị khen thưởng tổng kết năm học 2022 - 2023 của ngành Giáo dục và Đào tạo.',
    );
    expect(plan.items.find((i) => i.id === '4')!.schedule.text).toBe('Quý II/2023');
  });

  it('reads the deliverable written across two lines', () => {
    expect(plan.deliverables.map((d) => [d.unitKind, d.council])).toEqual([
      ['department', false],
      ['other', false],
      ['commune', true],
      ['town', true],
    ]);
    expect(plan.deliverables[0].schedule?.due).toEqual(['2023-02-28']);
  });
});

describe('parsePlan: year, sections and warnings', () => {
  const body = ['II. NHIỆM VỤ', '1. Sơ kết', '- Thời gian: Quý II.', '2. Tổng kết', '- Thời gian: cuối năm.'].join(
    '\n',
  );

  it('takes the year from options when the title has none', () => {
    const plan = parsePlan(`KẾ HOẠCH\nHoạt động của Hội đồng\n${body}`, { year: 2026 });
    expect(plan.year).toBe(2026);
    expect(plan.items.map((i) => i.schedule.due)).toEqual([['2026-06-30'], ['2026-12-31']]);
    expect(plan.warnings).toEqual([]);
  });

  it('prefers the title’s year and warns when options say otherwise', () => {
    const plan = parsePlan(`KẾ HOẠCH\nHoạt động năm 2024\n${body}`, { year: 2026 });
    expect(plan.year).toBe(2024);
    expect(plan.items[0].schedule.due).toEqual(['2024-06-30']);
    expect(plan.warnings.map((w) => w.code)).toEqual(['year-mismatch']);
    expect(plan.warnings[0].message).toMatch(VIETNAMESE);
  });

  it('without any year, keeps the phrases and warns', () => {
    const plan = parsePlan(`KẾ HOẠCH\nHoạt động của Hội đồng\n${body}`);
    expect(plan.year).toBeNull();
    expect(plan.items.map((i) => i.schedule.due)).toEqual([[], []]);
    expect(plan.items.map((i) => i.schedule.text)).toEqual(['Quý II', 'cuối năm']);
    expect(plan.warnings.map((w) => [w.code, w.itemId])).toEqual([
      ['no-year', undefined],
      ['unknown-time', '1'],
      ['unknown-time', '2'],
    ]);
  });

  it('finds the tasks section by its words, not its number', () => {
    const text = [
      'KẾ HOẠCH năm 2024',
      'I. MỤC TIÊU',
      '1. Mục tiêu một',
      'II. CHỈ TIÊU',
      '1. Chỉ tiêu một',
      'III. NỘI DUNG VÀ GIẢI PHÁP',
      '1. Việc một',
      '2. Việc hai',
      'IV. TỔ CHỨC THỰC HIỆN',
      '1. Giao Phòng Nội vụ theo dõi.',
    ].join('\n');
    const plan = parsePlan(text);
    expect(plan.items.map((i) => [i.id, i.title])).toEqual([
      ['1', 'Việc một'],
      ['2', 'Việc hai'],
    ]);
    expect(plan.warnings.every((w) => w.code === 'schedule-defaulted')).toBe(true);
  });

  it('reads a plan with no sections at all, and says so', () => {
    const plan = parsePlan('Kế hoạch năm 2024\n1. Việc một\nThời gian: Quý I.\n2. Việc hai\nThời gian: Quý II.');
    expect(plan.items.map((i) => [i.id, i.schedule.due])).toEqual([
      ['1', ['2024-03-31']],
      ['2', ['2024-06-30']],
    ]);
    expect(plan.warnings.map((w) => w.code)).toContain('no-tasks-section');
  });

  it('reads roles and time written on the heading line itself', () => {
    const plan = parsePlan(
      [
        'KẾ HOẠCH năm 2024',
        'I. NỘI DUNG',
        '1. Tập huấn cho cán bộ (Chủ trì: Phòng Nội vụ; Thời gian: Quý II/2024)',
        '2. Sơ kết 6 tháng. Đơn vị thực hiện: Văn phòng. Thời hạn: tháng 7.',
      ].join('\n'),
    );
    expectItems(plan, [
      { id: '1', title: 'Tập huấn cho cán bộ', lead: 'Phòng Nội vụ', kind: 'deadline', due: ['2024-06-30'] },
      { id: '2', title: 'Sơ kết 6 tháng', executor: 'Văn phòng', kind: 'deadline', due: ['2024-07-31'] },
    ]);
  });

  it('numbers a repeated id apart and warns', () => {
    const plan = parsePlan('KẾ HOẠCH năm 2024\nI. NỘI DUNG\n1. Việc một\n2. Việc hai\n2. Việc hai lần nữa');
    expect(plan.items.map((i) => i.id)).toEqual(['1', '2', '2#2']);
    expect(plan.warnings.find((w) => w.code === 'duplicate-id')?.message).toMatch(VIETNAMESE);
  });

  it('every warning message is Vietnamese', () => {
    const inputs = [fixture('phong-giao-duc-2023.txt'), 'gì đó', `KẾ HOẠCH\n${body}`, ''];
    for (const input of inputs) {
      for (const w of parsePlan(input).warnings) expect(w.message).toMatch(VIETNAMESE);
    }
  });
});

function monthEnd(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${day}`;
}
