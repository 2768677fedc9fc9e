import { parseStructure, type StructNode } from '../../../src/core/plan';
import { readMarker } from '../../../src/core/plan/structure';

function ids(nodes: StructNode[]): string[] {
  return nodes.flatMap((n) => [n.path.join('.'), ...ids(n.children)]);
}

describe('readMarker', () => {
  it.each([
    ['I. MỤC ĐÍCH, YÊU CẦU', 'roman', ['I'], 'MỤC ĐÍCH, YÊU CẦU'],
    ['IV/ TỔ CHỨC THỰC HIỆN', 'roman', ['IV'], 'TỔ CHỨC THỰC HIỆN'],
    ['1. Tổ chức hội nghị', 'decimal', ['1'], 'Tổ chức hội nghị'],
    ['5.3. Tổ chức tập huấn', 'decimal', ['5', '3'], 'Tổ chức tập huấn'],
    ['2.5 Tổ chức các hoạt động', 'decimal', ['2', '5'], 'Tổ chức các hoạt động'],
    ['1.2.3. Ba cấp', 'decimal', ['1', '2', '3'], 'Ba cấp'],
    ['3/ Kiểm tra', 'decimal', ['3'], 'Kiểm tra'],
    ['1.Tổ chức (không có dấu cách)', 'decimal', ['1'], 'Tổ chức (không có dấu cách)'],
    ['a) Xây dựng kế hoạch', 'letter', ['a'], 'Xây dựng kế hoạch'],
    ['b. Khen thưởng', 'letter', ['b'], 'Khen thưởng'],
    ['đ) Mục đ', 'letter', ['đ'], 'Mục đ'],
  ])('%s', (line, kind, parts, rest) => {
    const m = readMarker(line);
    expect(m?.marker.kind).toBe(kind);
    expect(m?.marker.parts).toEqual(parts);
    expect(m?.rest).toBe(rest);
  });

  it.each([
    '2022 – 2023.',
    '74 năm Ngày Bác Hồ ra Lời kêu gọi thi đua',
    '15/5/2016 của Bộ Chính trị',
    '05 đến 07 đơn vị',
    '0.5 ngày',
    'Khen thưởng',
    'f) không phải chữ cái đánh số tiếng Việt',
  ])('no marker: %s', (line) => {
    expect(readMarker(line)).toBeNull();
  });
});

describe('parseStructure', () => {
  it('re-joins wrapped lines and ignores blank lines and stray spaces', () => {
    const text = [
      'KẾ HOẠCH',
      'Hoạt động năm 2024',
      'II. NỘI DUNG',
      '',
      '1. Tổ chức các phiên họp của Hội đồng, Hội nghị tổng kết phong trào thi   ',
      '',
      '   đua yêu nước năm 2023',
      ' - Nội dung: Đánh giá kết quả tổ chức các phong trào thi đua và thực hiện công ',
      'tác khen thưởng trong toàn huyện .',
    ].join('\n');
    const s = parseStructure(text);
    const node = s.sections[0].nodes[0];
    expect(node.heading).toBe(
      'Tổ chức các phiên họp của Hội đồng, Hội nghị tổng kết phong trào thi đua yêu nước năm 2023',
    );
    expect(node.body.map((b) => b.text)).toEqual([
      '- Nội dung: Đánh giá kết quả tổ chức các phong trào thi đua và thực hiện công tác khen thưởng trong toàn huyện.',
    ]);
  });

  it('joins a wrapped line that starts with a capital when the line above ran to the margin', () => {
    const long = 'a) Xây dựng Kế hoạch tập huấn và kiểm tra, giám sát của Hội đồng TĐ - KT';
    const text = [
      'I. NỘI DUNG',
      '1. Một dòng đủ dài để làm chuẩn cho lề phải của văn bản này, không hơn không kém.',
      long,
      'Huyện về việc tổ chức triển khai phong trào thi đua yêu nước.',
      '2. Chỉ đạo đẩy mạnh tuyên truyền các phong trào thi đua',
      'Đẩy mạnh công tác tuyên truyền tư tưởng thi đua yêu nước của Chủ tịch Hồ',
      'Chí Minh về thi đua, khen thưởng.',
    ].join('\n');
    const [section] = parseStructure(text).sections;
    const [one, two] = section.nodes;
    expect(one.children[0].heading).toBe(
      'Xây dựng Kế hoạch tập huấn và kiểm tra, giám sát của Hội đồng TĐ - KT Huyện về việc tổ chức triển khai phong trào thi đua yêu nước.',
    );
    // A short heading is not joined with the paragraph below it.
    expect(two.heading).toBe('Chỉ đạo đẩy mạnh tuyên truyền các phong trào thi đua');
    expect(two.body.map((b) => b.text)).toEqual([
      'Đẩy mạnh công tác tuyên truyền tư tưởng thi đua yêu nước của Chủ tịch Hồ Chí Minh về thi đua, khen thưởng.',
    ]);
  });

  it('joins a label with its value on the next line', () => {
    const text = [
      'I. NỘI DUNG',
      '1. Việc một',
      '- Thời gian thực hiện:',
      'Quý II/2022.',
      '- Chủ trì:',
      'Phòng Nội vụ.',
    ].join('\n');
    expect(parseStructure(text).sections[0].nodes[0].body.map((b) => b.text)).toEqual([
      '- Thời gian thực hiện: Quý II/2022.',
      '- Chủ trì: Phòng Nội vụ.',
    ]);
  });

  it('drops page numbers and a running header repeated at a page break', () => {
    const header = 'Kế hoạch hoạt động của Hội đồng Thi đua - Khen thưởng xã năm 2024';
    const text = [
      header,
      'KẾ HOẠCH',
      'Hoạt động năm 2024',
      'I. NỘI DUNG',
      '1. Sơ kết công tác thi đua 6 tháng đầu năm và đề ra phương hướng,',
      '2',
      header,
      'nhiệm vụ 6 tháng cuối năm',
      '- Trang 3 -',
      '2. Tổng kết',
      'Trang 4/5',
      header,
      '3. Khen thưởng',
    ].join('\n');
    const s = parseStructure(text);
    expect(s.header).toEqual([header]);
    expect(s.sections[0].nodes.map((n) => n.heading)).toEqual([
      'Sơ kết công tác thi đua 6 tháng đầu năm và đề ra phương hướng, nhiệm vụ 6 tháng cuối năm',
      'Tổng kết',
      'Khen thưởng',
    ]);
    expect(s.sections[0].nodes.flatMap((n) => n.body)).toEqual([]);
  });

  it('keeps a line that repeats as content when nothing marks it as debris', () => {
    const text = ['I. NỘI DUNG', '1. Việc một', 'Phòng Nội vụ theo dõi.', '2. Việc hai', 'Phòng Nội vụ theo dõi.'].join(
      '\n',
    );
    const nodes = parseStructure(text).sections[0].nodes;
    expect(nodes.map((n) => n.body.map((b) => b.text))).toEqual([
      ['Phòng Nội vụ theo dõi.'],
      ['Phòng Nội vụ theo dõi.'],
    ]);
  });

  it('builds the tree of numbered and lettered headings', () => {
    const text = [
      'I. MỤC ĐÍCH',
      '1. Một',
      'II. NỘI DUNG',
      '1. Họp',
      '1.1. Họp định kỳ',
      '1.2. Họp bất thường',
      '2. Phát động',
      '3. Tập huấn',
      'a) Lớp một',
      '1. Phần một của lớp một',
      '2. Phần hai của lớp một',
      'b) Lớp hai',
      '4. Khen thưởng',
      '4.1. Năm học',
      'a. Học kỳ I',
      'b. Học kỳ II',
      '4.2. Năm',
      'III. TỔ CHỨC THỰC HIỆN',
      '1. Giao',
    ].join('\n');
    const s = parseStructure(text);
    expect(s.sections.map((x) => x.heading)).toEqual(['MỤC ĐÍCH', 'NỘI DUNG', 'TỔ CHỨC THỰC HIỆN']);
    expect(ids(s.sections[1].nodes)).toEqual([
      '1',
      '1.1',
      '1.2',
      '2',
      '3',
      '3.a',
      '3.a.1',
      '3.a.2',
      '3.b',
      '4',
      '4.1',
      '4.1.a',
      '4.1.b',
      '4.2',
    ]);
    expect(ids(s.sections[2].nodes)).toEqual(['1']);
  });

  it('uses top-level numbers with capitalised headings as sections when there are no Roman numerals', () => {
    const text = ['1. MỤC ĐÍCH, YÊU CẦU', '1.1. Một', '2. NỘI DUNG', '2.1. Hai', '2.2. Ba', 'a. Bốn'].join('\n');
    const s = parseStructure(text);
    expect(s.sections.map((x) => x.heading)).toEqual(['MỤC ĐÍCH, YÊU CẦU', 'NỘI DUNG']);
    expect(ids(s.sections[1].nodes)).toEqual(['2.1', '2.2', '2.2.a']);
  });

  it('ends the body at "Nơi nhận" or after "./."', () => {
    const text = [
      'I. NỘI DUNG',
      '1. Việc',
      'Nội dung việc./.',
      'Nơi nhận:',
      '- Lưu: VT.',
      'TM. HỘI ĐỒNG',
      'CHỦ TỊCH',
    ].join('\n');
    const s = parseStructure(text);
    expect(s.sections[0].nodes[0].body.map((b) => b.text)).toEqual(['Nội dung việc./.']);
    expect(s.closing.map((b) => b.text)[0]).toBe('Nơi nhận:');
  });

  it('finds the title below the issuing body and above the preamble', () => {
    const text = [
      'UBND HUYỆN HỒNG NGỰ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'KẾ HOẠCH',
      'Hoạt động của Hội đồng',
      'huyện năm 2022',
      'Căn cứ Quyết định số 588/QĐ-UBND của Ủy ban',
      'nhân dân Huyện.',
      'I. NỘI DUNG',
    ].join('\n');
    const s = parseStructure(text);
    expect(s.title).toBe('KẾ HOẠCH Hoạt động của Hội đồng huyện năm 2022');
    expect(s.header).toEqual(['UBND HUYỆN HỒNG NGỰ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    expect(s.preamble.map((b) => b.text)).toEqual(['Căn cứ Quyết định số 588/QĐ-UBND của Ủy ban nhân dân Huyện.']);
  });

  it('never throws and gives one section when there is no numbering', () => {
    const s = parseStructure('Một đoạn văn.\nHai đoạn văn.');
    expect(s.sections).toHaveLength(1);
    expect(s.sections[0].marker).toBeNull();
    expect(parseStructure('').sections).toHaveLength(1);
  });
});
