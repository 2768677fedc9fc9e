import { splitFields, splitLead, splitUnits } from '../../../src/core/plan';
import { findQuantity, proseRoles, startsWithLabel } from '../../../src/core/plan/roles';

describe('splitFields', () => {
  it.each([
    ['- Chủ trì: Chủ tịch UBND Huyện/Chủ tịch Hội đồng.', 'lead', 'Chủ tịch UBND Huyện/Chủ tịch Hội đồng.'],
    ['Đơn vị chủ trì: Phòng Nội vụ', 'lead', 'Phòng Nội vụ'],
    ['+ CƠ QUAN CHỦ TRÌ : Phòng Nội vụ', 'lead', 'Phòng Nội vụ'],
    ['• Cơ quan tham mưu: Phòng Nội vụ/Thường trực Hội đồng', 'advisory', 'Phòng Nội vụ/Thường trực Hội đồng'],
    ['- Đơn vị tham mưu: Văn phòng', 'advisory', 'Văn phòng'],
    ['- Cơ quan thực hiện: Phòng Văn hoá – Thông tin.', 'executor', 'Phòng Văn hoá – Thông tin.'],
    ['- Đơn vị thực hiện: Tổ kiểm tra', 'executor', 'Tổ kiểm tra'],
    ['- Cơ quan phối hợp: Phòng Nội vụ', 'coordinators', 'Phòng Nội vụ'],
    ['- Đơn vị phối hợp: Hội Nông dân xã', 'coordinators', 'Hội Nông dân xã'],
    [
      '- Đối tượng: Mỗi Khối, Cụm thi đua chọn 05 đến 07 đơn vị.',
      'target',
      'Mỗi Khối, Cụm thi đua chọn 05 đến 07 đơn vị.',
    ],
    ['- Thời gian thực hiện: Quý II/2022.', 'time', 'Quý II/2022.'],
    ['Thời gian: tháng 7/2024', 'time', 'tháng 7/2024'],
    ['- Thời hạn: cuối năm', 'time', 'cuối năm'],
    ['Tiến độ: tháng 01/2023.', 'time', 'tháng 01/2023.'],
    ['- thời gian thực hiện: Quý II', 'time', 'Quý II'],
    ['- Nội dung: Tập huấn; dự kiến 02 lớp.', 'content', 'Tập huấn; dự kiến 02 lớp.'],
  ])('%s', (line, key, value) => {
    const split = splitFields(line);
    expect(split.free).toBe('');
    expect(split.fields).toEqual([expect.objectContaining({ key, value })]);
    expect(startsWithLabel(line)).toBe(true);
  });

  it('reads several roles written on one line', () => {
    const split = splitFields(
      '• Chủ trì: Phòng Giáo dục và Đào tạo; Phối hợp: Công đoàn ngành, Huyện đoàn; Thời gian: tháng 9/2023.',
    );
    expect(split.fields.map((f) => [f.key, f.value])).toEqual([
      ['lead', 'Phòng Giáo dục và Đào tạo'],
      ['coordinators', 'Công đoàn ngành, Huyện đoàn'],
      ['time', 'tháng 9/2023.'],
    ]);
  });

  it('reads a label after the end of a sentence, and the text before it', () => {
    const split = splitFields('Tổ chức tập huấn cho cán bộ. Thời gian: Quý II/2024.');
    expect(split.free).toBe('Tổ chức tập huấn cho cán bộ.');
    expect(split.fields).toEqual([expect.objectContaining({ key: 'time', value: 'Quý II/2024.' })]);
  });

  it('reads roles in brackets after a heading', () => {
    const split = splitFields('Tập huấn cho cán bộ (Chủ trì: Phòng Nội vụ; Thời gian: Quý II/2024)');
    expect(split.free).toBe('Tập huấn cho cán bộ');
    expect(split.fields.map((f) => [f.key, f.value])).toEqual([
      ['lead', 'Phòng Nội vụ'],
      ['time', 'Quý II/2024'],
    ]);
  });

  it('does not take words inside a sentence for a label', () => {
    for (const line of [
      'Thảo luận, cho ý kiến về những nội dung công việc của Hội đồng (khi cần thiết).',
      'dự kiến tổ chức 02 lớp tập huấn: 01 lớp dành cho cán bộ',
      'Phối hợp với các phòng, ban, ngành và các xã, thị trấn đẩy mạnh phong trào',
      'Hướng dẫn các nội dung: đăng ký thi đua, khen thưởng.',
    ]) {
      expect(splitFields(line).fields).toEqual([]);
      expect(startsWithLabel(line)).toBe(false);
    }
  });
});

describe('splitLead', () => {
  it.each([
    ['Phòng Nội vụ phối hợp với các thành viên Hội đồng.', 'Phòng Nội vụ', ['các thành viên Hội đồng']],
    ['Chủ tịch UBND Huyện/Chủ tịch Hội đồng.', 'Chủ tịch UBND Huyện/Chủ tịch Hội đồng', []],
    [
      'Phòng Giáo dục và Đào tạo phối hợp với Công đoàn ngành Giáo dục',
      'Phòng Giáo dục và Đào tạo',
      ['Công đoàn ngành Giáo dục'],
    ],
    [
      'Phòng Nội vụ chủ trì, phối hợp Phòng Tư pháp và Thanh tra huyện',
      'Phòng Nội vụ',
      ['Phòng Tư pháp', 'Thanh tra huyện'],
    ],
  ])('%s', (value, lead, coordinators) => {
    expect(splitLead(value)).toEqual({ lead, coordinators });
  });
});

describe('splitUnits', () => {
  it.each([
    ['Phòng Nội vụ/Thường trực Hội đồng', ['Phòng Nội vụ/Thường trực Hội đồng']],
    [
      'Phòng Nội vụ, Phòng Tư pháp và Ủy ban Mặt trận Tổ quốc huyện.',
      ['Phòng Nội vụ', 'Phòng Tư pháp', 'Ủy ban Mặt trận Tổ quốc huyện'],
    ],
    ['Phòng Giáo dục và Đào tạo', ['Phòng Giáo dục và Đào tạo']],
    ['Phòng Lao động – Thương binh và Xã hội', ['Phòng Lao động – Thương binh và Xã hội']],
    ['Văn phòng HĐND và UBND huyện', ['Văn phòng HĐND và UBND huyện']],
    ['các phòng, ban, ngành và các xã, thị trấn', ['các phòng, ban, ngành', 'các xã, thị trấn']],
    ['Công an xã; Ban Chỉ huy Quân sự xã', ['Công an xã', 'Ban Chỉ huy Quân sự xã']],
  ])('%s', (value, units) => {
    expect(splitUnits(value)).toEqual(units);
  });
});

describe('proseRoles', () => {
  it('reads "X chủ trì, phối hợp với Y thực hiện"', () => {
    expect(
      proseRoles(
        'Văn phòng HĐND và UBND thị trấn chủ trì, phối hợp với Công an thị trấn và Ban Chỉ huy Quân sự thị trấn thực hiện.',
      ),
    ).toEqual({
      lead: 'Văn phòng HĐND và UBND thị trấn',
      coordinators: ['Công an thị trấn', 'Ban Chỉ huy Quân sự thị trấn'],
    });
  });

  it('ignores sentences that do not open with a unit', () => {
    expect(proseRoles('Tổ chức phát động phong trào thi đua yêu nước trong phạm vi toàn huyện.')).toBeNull();
    expect(proseRoles('Đẩy mạnh công tác chủ trì và phối hợp.')).toBeNull();
  });
});

describe('findQuantity', () => {
  it.each([
    ['dự kiến tổ chức 02 lớp tập huấn: 01 lớp dành cho cán bộ', '02 lớp'],
    ['Mỗi Khối, Cụm thi đua chọn 05 đến 07 đơn vị.', '05 đến 07 đơn vị'],
    ['mỗi tháng đăng ít nhất 02 bài', '02 bài'],
  ])('%s', (text, quantity) => {
    expect(findQuantity(text)).toBe(quantity);
  });

  it('does not take years, dates or anniversaries for quantities', () => {
    expect(findQuantity('kỷ niệm 74 năm Ngày Bác Hồ ra Lời kêu gọi thi đua; giai đoạn 2020 - 2025')).toBeNull();
    expect(findQuantity('Chỉ thị 05-CT/TW ngày 15/5/2016')).toBeNull();
  });
});
