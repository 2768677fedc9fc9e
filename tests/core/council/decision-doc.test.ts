import type { Row } from '../../../src/core/contract';
import {
  dateLine,
  decisionDocument,
  decisionFromSession,
  decisionSubject,
  issuerParts,
  legalBases,
  type DocBlock,
} from '../../../src/core/council';

const info = {
  number: '15',
  date: '05/01/2025',
  signer: 'Nguyễn Văn Chủ',
  level: 'district' as const,
  issuer: 'Chủ tịch Ủy ban nhân dân huyện Hồng Ngự',
};

const passed = (name: string, award: string, over: Partial<Row> = {}): Row => ({
  year: 2024,
  unit: 'Phòng Y tế',
  subject: 'individual',
  name,
  position: 'Chuyên viên',
  award,
  reviewStatus: 'passed',
  ...over,
});

function paragraphs(blocks: DocBlock[]): string[] {
  return blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text);
}

describe('decision document', () => {
  it('splits the issuer into the signer’s office, the agency and the place', () => {
    expect(issuerParts('Chủ tịch Ủy ban nhân dân huyện Hồng Ngự')).toEqual({
      title: 'Chủ tịch',
      agency: 'Ủy ban nhân dân huyện Hồng Ngự',
      place: 'Hồng Ngự',
    });
    expect(issuerParts('Chủ tịch Ủy ban nhân dân xã Thường Phước').place).toBe('Thường Phước');
    expect(issuerParts('Chủ tịch Ủy ban nhân dân thị xã Hồng Ngự').place).toBe('Hồng Ngự');
    expect(issuerParts('Chủ tịch Ủy ban nhân dân cấp huyện')).toEqual({
      title: 'Chủ tịch',
      agency: 'Ủy ban nhân dân cấp huyện',
      place: null,
    });
  });

  it('writes the date line with the leading zeros of the administrative form', () => {
    expect(dateLine('2025-01-05', 'Hồng Ngự')).toBe('Hồng Ngự, ngày 05 tháng 01 năm 2025');
    expect(dateLine('2024-12-20', 'Hồng Ngự')).toBe('Hồng Ngự, ngày 20 tháng 12 năm 2024');
    expect(dateLine('2024-03-09', null)).toBe('Ngày 09 tháng 3 năm 2024');
  });

  it('cites the laws in force on the decision’s date, none issued later', () => {
    expect(legalBases('2024-12-20')).toEqual([
      'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022;',
      'Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ;',
    ]);
    expect(legalBases('2023-01-10')[0]).toMatch(/^Căn cứ Luật Thi đua, Khen thưởng số 15\/2003\/QH11/);
    expect(legalBases('2023-01-10').some((l) => l.includes('91/2017'))).toBe(true);
  });

  it('holds the heading block, the articles, the signature and the attached list', () => {
    const { decision, list } = decisionFromSession(info, [
      passed('Nguyễn Văn A', 'Lao động tiên tiến'),
      passed('Trần Thị B', 'Lao động tiên tiến', { position: null }),
      passed('Phòng Y tế', 'Tập thể lao động tiên tiến', { subject: 'collective', position: null }),
    ]);
    const doc = decisionDocument(decision, list, { councilName: 'Hội đồng Thi đua – Khen thưởng huyện Hồng Ngự' });
    expect(doc.title).toBe('Quyết định số 15/QĐ-UBND ngày 05/01/2025');
    const [heading] = doc.blocks;
    expect(heading).toEqual({
      kind: 'table',
      borders: false,
      headerRows: 0,
      cells: [
        [
          'ỦY BAN NHÂN DÂN HUYỆN HỒNG NGỰ\nSố: 15/QĐ-UBND',
          'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc',
        ],
        ['', 'Hồng Ngự, ngày 05 tháng 01 năm 2025'],
      ],
    });
    const text = paragraphs(doc.blocks);
    expect(text.slice(0, 3)).toEqual([
      'QUYẾT ĐỊNH',
      'Về việc công nhận danh hiệu thi đua năm 2024',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN HỒNG NGỰ',
    ]);
    expect(text).toContain('Xét đề nghị của Thường trực Hội đồng Thi đua – Khen thưởng huyện Hồng Ngự.');
    expect(text).toContain('QUYẾT ĐỊNH:');
    expect(text).toContain('Điều 1. Công nhận danh hiệu thi đua cho các cá nhân, tập thể sau (có danh sách kèm theo):');
    expect(text).toContain('- Công nhận danh hiệu “Lao động tiên tiến” năm 2024 cho 2 cá nhân;');
    expect(text).toContain('- Công nhận danh hiệu “Tập thể lao động tiên tiến” năm 2024 cho 1 tập thể.');
    expect(text.find((t) => t.startsWith('Điều 2.'))).toBe(
      'Điều 2. Các cá nhân, tập thể có tên tại Điều 1 được hưởng tiền thưởng theo quy định của pháp luật về thi đua, khen thưởng.',
    );
    expect(text.find((t) => t.startsWith('Điều 3.'))).toMatch(/chịu trách nhiệm thi hành Quyết định này\.\/\.$/);
    const signature = doc.blocks.find((b) => b.kind === 'table' && b.cells[0][0].startsWith('Nơi nhận'));
    expect(signature).toMatchObject({
      borders: false,
      cells: [[expect.any(String), 'CHỦ TỊCH\n\n\n\nNguyễn Văn Chủ']],
    });

    const pageBreak = doc.blocks.findIndex((b) => b.kind === 'pageBreak');
    expect(pageBreak).toBeGreaterThan(0);
    expect(paragraphs(doc.blocks.slice(pageBreak))).toEqual([
      'DANH SÁCH',
      'Cá nhân, tập thể được công nhận danh hiệu thi đua năm 2024',
      '(Kèm theo Quyết định số 15/QĐ-UBND ngày 05/01/2025 của Chủ tịch Ủy ban nhân dân huyện Hồng Ngự)',
    ]);
    expect(doc.blocks.at(-1)).toEqual({
      kind: 'table',
      borders: true,
      headerRows: 1,
      cells: [
        ['STT', 'Họ và tên / Tên tập thể', 'Chức vụ', 'Đơn vị', 'Danh hiệu / Hình thức'],
        ['1', 'Nguyễn Văn A', 'Chuyên viên', 'Phòng Y tế', 'Lao động tiên tiến'],
        ['2', 'Trần Thị B', '', 'Phòng Y tế', 'Lao động tiên tiến'],
        ['3', 'Phòng Y tế', '', 'Phòng Y tế', 'Tập thể lao động tiên tiến'],
      ],
    });
  });

  it('names one award in the subject and in Điều 1; keeps values as plain text', () => {
    const { decision, list } = decisionFromSession(info, [
      passed('=1+1', 'Giấy khen của Chủ tịch UBND huyện'),
      passed('<b>x</b>', 'Giấy khen của Chủ tịch UBND huyện', { unit: 'Xã $1 \\ A' }),
    ]);
    expect(decisionSubject(decision)).toBe('Về việc tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện năm 2024');
    const doc = decisionDocument(decision, list);
    expect(paragraphs(doc.blocks)).toContain(
      'Điều 1. Tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện cho 2 cá nhân đã có thành tích năm 2024 (có danh sách kèm theo).',
    );
    expect(paragraphs(doc.blocks)).toContain('Xét đề nghị của Thường trực Hội đồng Thi đua – Khen thưởng.');
    const table = doc.blocks.at(-1) as { cells: string[][] };
    expect(table.cells.slice(1).map((r) => [r[1], r[3]])).toEqual([
      ['=1+1', 'Phòng Y tế'],
      ['<b>x</b>', 'Xã $1 \\ A'],
    ]);
  });
});
