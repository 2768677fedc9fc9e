import { applyProgress, progressLogRow, validateProgress, type ProgressInput } from '../../src/core/progress';
import { accessFor } from '../../src/core/access';

const items = [
  { year: 2022, id: '1.1', title: 'Họp Hội đồng', status: 'not_started', percent: null },
  { year: 2022, id: '5.3.c', title: 'Kiểm tra', status: 'in_progress', percent: 0.2 },
];
const ctx = { items, allowedUnits: ['Phòng Y tế'], today: '2022-07-01' };
const good: ProgressInput = {
  year: 2022,
  itemId: '5.3.c',
  unit: 'Phòng Y tế',
  status: 'in_progress',
  percent: 60,
  date: '2022-06-30',
  note: ' Đã kiểm tra 3 xã ',
  evidence: 'https://drive.google.com/x',
};

describe('progress', () => {
  it('accepts a valid submission', () => {
    expect(validateProgress(good, ctx)).toEqual([]);
  });

  it('explains every problem in Vietnamese', () => {
    const errors = validateProgress(
      {
        ...good,
        itemId: '9.9',
        unit: 'Phòng Nội vụ',
        status: 'finished' as never,
        percent: 120,
        date: '2022-07-02',
        evidence: 'javascript:alert(1)',
      },
      ctx,
    );
    expect(errors).toEqual([
      'Không tìm thấy công việc mã «9.9» của năm 2022 trong kế hoạch.',
      'Tài khoản của anh/chị không được cập nhật tiến độ cho đơn vị «Phòng Nội vụ».',
      'Vui lòng chọn trạng thái hợp lệ.',
      'Tỷ lệ hoàn thành phải là số từ 0 đến 100.',
      'Ngày thực hiện không được sau ngày hôm nay.',
      'Minh chứng phải là một đường dẫn bắt đầu bằng http:// hoặc https://.',
    ]);
    expect(validateProgress({ ...good, status: 'done', percent: 80 }, ctx)).toEqual([
      'Công việc đã hoàn thành thì tỷ lệ hoàn thành phải là 100%.',
    ]);
  });

  it('lets the office report for any unit, and matches units regardless of tone placement', () => {
    expect(validateProgress({ ...good, unit: 'Phòng Nội vụ' }, { ...ctx, allowedUnits: null })).toEqual([]);
    expect(
      validateProgress(
        { ...good, unit: 'Phòng Văn hoá và Thông tin' },
        { ...ctx, allowedUnits: ['Phòng Văn hóa và Thông tin'] },
      ),
    ).toEqual([]);
  });

  it('builds the log row and the item update', () => {
    const row = progressLogRow({ ...good, status: 'done', percent: null }, '2022-07-01T02:00:00.000Z', 'a@x.vn');
    expect(row).toMatchObject({
      itemId: '5.3.c',
      status: 'done',
      percent: 1,
      note: 'Đã kiểm tra 3 xã',
      user: 'a@x.vn',
    });
    const item = applyProgress(items[1], row);
    expect(item).toMatchObject({ id: '5.3.c', status: 'done', percent: 1, lastUpdate: '2022-07-01T02:00:00.000Z' });
  });
});

describe('access', () => {
  const units = [
    { name: 'Phòng Y tế', email: 'yte@hongngu.vn; ketoan@hongngu.vn' },
    { name: 'Xã Long Thuận', email: 'longthuan@hongngu.vn' },
  ];
  it('gives a unit user their own units only', () => {
    const settings = [{ key: 'officeEmails', value: 'noivu@hongngu.vn' }];
    expect(accessFor('KeToan@hongngu.vn', units, settings)).toEqual({
      email: 'ketoan@hongngu.vn',
      isOffice: false,
      units: ['Phòng Y tế'],
    });
    expect(accessFor('noivu@hongngu.vn', units, settings).units).toEqual(['Phòng Y tế', 'Xã Long Thuận']);
    expect(accessFor('stranger@gmail.com', units, settings).units).toEqual([]);
  });
  it('treats everyone as the office until an office e-mail is set', () => {
    expect(accessFor('stranger@gmail.com', units, []).isOffice).toBe(true);
  });
});
