import {
  attachmentLinks,
  awardChoices,
  awardCriteria,
  isLocalCheck,
  localFindings,
  nominationIdentity,
  nominationRow,
  validateNomination,
  type NominationInput,
} from '../../src/core/nomination';

const TODAY = '2024-12-20';

function input(over: Partial<NominationInput> = {}): NominationInput {
  return {
    subject: 'individual',
    name: 'Trần Thị Bình',
    position: 'Chuyên viên',
    unit: 'Phòng Y tế',
    award: 'cstdcs',
    year: 2024,
    commendationKind: 'regular',
    achievement: '',
    initiative: 'Sổ tay điện tử',
    initiativeRecognition: 'QĐ 5/QĐ-PYT',
    attachments: '',
    ...over,
  };
}

describe('award choices', () => {
  it('offers the awards of the subject that are still conferred that year, titles first', () => {
    const individual = awardChoices('individual', 2024).map((c) => c.id);
    expect(individual.slice(0, 4)).toEqual(['ldtt', 'cstdcs', 'cstd_tinh', 'cstd_toanquoc']);
    expect(individual).toContain('bk_tinh');
    expect(individual).not.toContain('ttldxs');
    expect(awardChoices('collective', 2024).map((c) => c.id)).toContain('ttldxs');
    expect(awardChoices('individual', 2025).map((c) => c.id)).toContain('gk_huyen');
    expect(awardChoices('individual', 2026).map((c) => c.id)).not.toContain('gk_huyen');
  });

  it('names the year’s rulebook and what it asks, without vote and reward rules', () => {
    const old = awardCriteria(2022, 'cstdcs');
    expect(old.book).toMatch(/^Luật Thi đua, Khen thưởng năm 2003/);
    expect(awardCriteria(2024, 'cstdcs').book).toMatch(/^Luật Thi đua, khen thưởng năm 2022/);
    expect(old.criteria).toContain('Phải đạt danh hiệu “Lao động tiên tiến” trong năm xét tặng.');
    expect(old.criteria.some((c) => /bỏ phiếu|phiếu đồng ý|lương cơ sở/.test(c))).toBe(false);
  });
});

describe('validateNomination', () => {
  const ctx = { allowedUnits: null, today: TODAY };

  it('accepts a complete nomination', () => {
    expect(validateNomination(input(), ctx)).toEqual([]);
  });

  it('says what is wrong, field by field, in Vietnamese', () => {
    const problems = validateNomination(
      input({
        name: ' – ',
        unit: '',
        year: 2025,
        award: 'ttldxs',
        commendationKind: 'x' as never,
        initiative: '',
        attachments: 'https://drive.google.com/a ftp://x',
      }),
      ctx,
    );
    expect(problems).toEqual([
      { field: 'name', message: 'Vui lòng nhập họ và tên.' },
      { field: 'unit', message: 'Vui lòng chọn đơn vị đề nghị.' },
      { field: 'year', message: 'Năm thành tích phải từ 2000 đến 2024.' },
      {
        field: 'award',
        message: '“Tập thể lao động xuất sắc” dành cho tập thể; vui lòng chọn danh hiệu, hình thức phù hợp.',
      },
      { field: 'commendationKind', message: 'Vui lòng chọn loại khen thưởng.' },
      { field: 'initiative', message: 'Đã ghi quyết định công nhận sáng kiến: vui lòng ghi cả tên sáng kiến.' },
      {
        field: 'attachments',
        message:
          'Hồ sơ đính kèm phải là đường dẫn bắt đầu bằng http:// hoặc https:// (mỗi dòng một đường dẫn); chưa đúng: «ftp://x».',
      },
    ]);
  });

  it('keeps a unit’s staff to their units and flags awards no longer conferred', () => {
    expect(validateNomination(input({ unit: 'Phòng Nội vụ' }), { allowedUnits: ['Phòng Y tế'], today: TODAY })).toEqual(
      [{ field: 'unit', message: 'Tài khoản của anh/chị không được nhập đề nghị cho đơn vị «Phòng Nội vụ».' }],
    );
    expect(validateNomination(input({ unit: 'phòng y  tế' }), { allowedUnits: ['Phòng Y tế'], today: TODAY })).toEqual(
      [],
    );
    expect(
      validateNomination(input({ award: 'gk_huyen', year: 2026 }), { allowedUnits: null, today: '2026-03-01' }),
    ).toEqual([
      {
        field: 'award',
        message:
          '“Giấy khen của Chủ tịch Ủy ban nhân dân huyện” không còn được xét tặng cho thành tích năm 2026 (áp dụng đến năm 2025).',
      },
    ]);
  });
});

describe('the row and the checks', () => {
  it('makes a nominations row: official award name, status «Đề nghị», initiatives and links joined', () => {
    const row = nominationRow(
      input({ initiative: 'Sáng kiến A\n\n  Sáng kiến B ', attachments: 'https://a.example/1, https://a.example/2' }),
      '2024-12-20T02:00:00.000Z',
    );
    expect(row).toMatchObject({
      year: 2024,
      subject: 'individual',
      award: 'Chiến sĩ thi đua cơ sở',
      reviewStatus: 'proposed',
      initiative: 'Sáng kiến A; Sáng kiến B',
      attachments: 'https://a.example/1\nhttps://a.example/2',
      importedAt: '2024-12-20T02:00:00.000Z',
    });
    expect(nominationRow(input({ subject: 'collective', award: 'ttldtt' }), '').position).toBeNull();
    expect(attachmentLinks(' a\nb;c ')).toEqual(['a', 'b', 'c']);
  });

  it('knows a nomination again whatever the case and spacing', () => {
    const a = nominationRow(input(), '');
    expect(nominationIdentity({ ...a, name: 'TRẦN  THỊ BÌNH ' })).toBe(nominationIdentity(a));
    expect(nominationIdentity({ ...a, year: 2023 })).not.toBe(nominationIdentity(a));
  });

  it('shows at once what the nomination alone tells', () => {
    const missing = localFindings(input({ initiative: '', initiativeRecognition: '' }), 'district', TODAY);
    expect(missing.map((f) => f.rule)).toEqual(['cstdcs.initiative']);
    const unrecognised = localFindings(input({ initiativeRecognition: '' }), 'district', TODAY);
    expect(unrecognised.map((f) => [f.rule, f.severity])).toEqual([['cstdcs.initiative', 'document']]);
    expect(localFindings(input(), 'district', TODAY)).toEqual([]);
    const province = localFindings(
      input({ award: 'bk_tinh', initiative: '', initiativeRecognition: '' }),
      'district',
      TODAY,
    );
    expect(province.map((f) => f.rule)).toContain('issuer.level');
    expect(province.every((f) => isLocalCheck(f.rule))).toBe(true);
    expect(localFindings(input({ name: '' }), 'district', TODAY)).toEqual([]);
    expect(isLocalCheck('cstdcs.quota')).toBe(false);
    expect(isLocalCheck('registration')).toBe(false);
  });
});
