import { importFindings, unreadableFiles, type ImportCheckInput } from '../../../src/core/awards';
import type { Row } from '../../../src/core/contract';
import { hongNguRegistry } from '../../../src/core/units';

const registry = hongNguRegistry();
const DIR = '/thu-muc/bao-cao';

function log(file: string, unit: string | null, kind: string | null, status = 'imported'): Row {
  return { file: `${DIR}/${file}`, status, unit, kind, records: 1, problems: 0, message: '' };
}
function gap(file: string, row: number | null, name: string | null, code: string, what: string, extra: Row = {}): Row {
  return {
    file: `${DIR}/${file}`,
    sheet: row === null ? null : 'DS',
    row,
    name,
    code,
    what,
    why: 'Lý do của lần nhập.',
    suggestion: 'Cách xử lý của lần nhập.',
    resolved: 'no',
    ...extra,
  };
}
function nom(name: string, unit: string, award: string, file: string, row: number, year = 2022): Row {
  return {
    year,
    unit,
    subject: 'individual',
    name,
    award,
    reviewStatus: 'proposed',
    sourceFile: `${DIR}/${file}`,
    sourceSheet: 'DS',
    sourceRow: row,
  };
}

const importLog = [
  log('03_KTHT.xlsx', 'Phòng Kinh tế và Hạ tầng', 'nomination'),
  log('12_DK KTHT.xlsx', 'Phòng Kinh tế và Hạ tầng', 'registration'),
  log('13_LKA.xlsx', 'Xã Long Khánh A', 'nomination'),
  log('14_YTe.xlsx', 'Phòng Y tế', 'nomination'),
  log('02_hong.xlsx', null, null, 'failed'),
];
const nominations = [
  nom(
    'Huỳnh Thị Diễm Thùy',
    'Phòng Kinh tế và Hạ tầng',
    'Giấy khen của Chủ tịch Ủy ban nhân dân huyện',
    '03_KTHT.xlsx',
    23,
  ),
  nom('Ngô Ngọc Lộc', 'Xã Long Khánh A', 'Lao động tiên tiến', '13_LKA.xlsx', 14),
  nom('Võ Thị Mỹ Ý', 'Phòng Y tế', 'Lao động tiên tiến', '14_YTe.xlsx', 15),
];

function run(discrepancies: Row[], extra: Partial<ImportCheckInput> = {}) {
  return importFindings({ discrepancies, importLog, nominations, registry, ...extra });
}

describe('importFindings: rows the import kept out of the master', () => {
  it('a missing award and an award not in the catalogue are errors, with the file’s unit and year', () => {
    const findings = run([
      gap(
        '14_YTe.xlsx',
        21,
        'Phan Thị Hồng Mai',
        'unknown_award',
        '“Giấy khen của Giám đốc Sở” đề nghị cho “Phan Thị Hồng Mai” không có trong danh mục.',
      ),
      gap('14_YTe.xlsx', 22, 'Nguyễn Thị Bích', 'missing_award', 'Chưa ghi danh hiệu cho “Nguyễn Thị Bích”.'),
    ]);
    expect(findings.map((f) => [f.rule, f.severity, f.name, f.award, f.unit, f.year, f.row, f.index])).toEqual([
      ['award.catalogue', 'error', 'Phan Thị Hồng Mai', 'Giấy khen của Giám đốc Sở', 'Phòng Y tế', 2022, 21, null],
      ['award.missing', 'error', 'Nguyễn Thị Bích', '', 'Phòng Y tế', 2022, 22, null],
    ]);
    expect(findings[0].file).toBe(`${DIR}/14_YTe.xlsx`);
    expect(findings[0].article).toMatch(/Luật Thi đua, Khen thưởng số 15\/2003\/QH11/);
    expect(findings[0].message).toMatch(
      /không có trong danh mục\. Lý do của lần nhập\. Cách xử lý: Cách xử lý của lần nhập\./,
    );
  });

  it('a conflict is an error on the row kept out and a warning on the nomination it contradicts', () => {
    const findings = run([
      gap(
        '13_LKA.xlsx',
        17,
        'Huỳnh Thị Diễm Thùy',
        'conflict',
        '“Huỳnh Thị Diễm Thùy” (năm 2022) được đề nghị “Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh”, nhưng tệp «03_KTHT.xlsx» đã đề nghị “Giấy khen của Chủ tịch Ủy ban nhân dân huyện”.',
      ),
    ]);
    expect(findings.map((f) => [f.rule, f.severity, f.award, f.unit, f.index])).toEqual([
      ['record.conflict', 'error', 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', 'Xã Long Khánh A', null],
      ['record.conflict', 'warning', 'Giấy khen của Chủ tịch Ủy ban nhân dân huyện', 'Phòng Kinh tế và Hạ tầng', 0],
    ]);
    expect(findings[1]).toMatchObject({ file: `${DIR}/03_KTHT.xlsx`, row: 23, year: 2022 });
    expect(findings[1].message).toMatch(
      /tệp «13_LKA\.xlsx», trang «DS», dòng 17 của Xã Long Khánh A lại đề nghị “Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh”/,
    );
    expect(findings[1].message).toMatch(/liên hệ “Phòng Kinh tế và Hạ tầng” và “Xã Long Khánh A” để thống nhất/);
  });

  it('takes the year from the problem’s text when the file left no row in the master; matches the other side by year', () => {
    const findings = run([
      gap(
        '15_khac.xlsx',
        9,
        'Huỳnh Thị Diễm Thùy',
        'conflict',
        '“Huỳnh Thị Diễm Thùy” (năm 2021) được đề nghị “Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh”.',
      ),
    ]);
    expect(findings.map((f) => [f.rule, f.severity, f.year, f.unit])).toEqual([['record.conflict', 'error', 2021, '']]);
  });

  it('a duplicate from another file is a warning', () => {
    const [f] = run([
      gap(
        '13_LKA.xlsx',
        30,
        'Võ Thị Mỹ Ý',
        'duplicate',
        '“Võ Thị Mỹ Ý” đã được đề nghị “Lao động tiên tiến” ở tệp «14_YTe.xlsx».',
      ),
    ]);
    expect(f).toMatchObject({
      rule: 'record.duplicate',
      severity: 'warning',
      award: 'Lao động tiên tiến',
      index: null,
    });
  });

  it('leaves out notes on imported rows, file problems, registration files and resolved rows', () => {
    expect(
      run([
        gap('13_LKA.xlsx', 14, 'Ngô Ngọc Lộc', 'not_registered', '…'),
        gap('13_LKA.xlsx', 14, 'Ngô Ngọc Lộc', 'award_interpreted', '…'),
        gap('02_hong.xlsx', null, null, 'unreadable_file', 'Không đọc được tệp «02_hong.xlsx».'),
        gap('12_DK KTHT.xlsx', 9, 'Trần Văn A', 'missing_award', 'Chưa ghi danh hiệu.'),
        gap('14_YTe.xlsx', 30, 'Lý Văn B', 'missing_award', 'Chưa ghi danh hiệu.', { resolved: 'yes' }),
        gap('14_YTe.xlsx', 31, 'Lý Văn C', 'missing_award', 'Chưa ghi danh hiệu.', { resolved: 'Có' }),
      ]),
    ).toEqual([]);
  });

  it('drops an invalid row once the nominations sheet holds the person for that unit and year', () => {
    const findings = run([gap('14_YTe.xlsx', 40, 'VÕ THỊ MỸ Ý', 'missing_award', 'Chưa ghi danh hiệu.')]);
    expect(findings).toEqual([]);
  });

  it('keeps only the asked year; falls back to a plain message when the row has no text', () => {
    const rows = [gap('14_YTe.xlsx', 21, 'Phan Thị Hồng Mai', 'missing_award', '')];
    expect(run(rows, { year: 2023 })).toEqual([]);
    const [f] = run(rows, { year: 2022 });
    expect(f.message).toMatch(/^Dòng đề nghị chưa ghi danh hiệu thi đua hoặc hình thức khen thưởng\. Xin xem/);
  });

  it('lists unreadable files for the summary', () => {
    const lines = unreadableFiles([
      gap('02_hong.xlsx', null, null, 'unreadable_file', 'Không đọc được tệp «02_hong.xlsx».', {
        why: 'Tệp «02_hong.xlsx» bị hỏng.',
      }),
      gap('05_trong.xlsx', null, null, 'unreadable_file', 'x', { resolved: 'yes' }),
    ]);
    expect(lines).toEqual(['Tệp «02_hong.xlsx» bị hỏng. Các dòng của tệp «02_hong.xlsx» chưa được kiểm tra.']);
  });
});
