import { reviewReport, reviewValues, REVIEW_HEADER, type ReviewReport } from '../../../src/core/tracking';
import { planItem, report } from './helpers';

const items = [
  planItem('2', { title: 'Ban hành kế hoạch', due: '31/03/2024' }),
  planItem('1.1', { title: 'Họp Hội đồng', due: '30/06/2024; 31/12/2024' }),
  planItem('5.1', { title: 'Tập huấn', due: '31/05/2024', responsibleUnits: 'Phòng Văn hóa và Thông tin' }),
  planItem('5.2', { title: 'Kiểm tra', scheduleKind: 'window', start: '2024-07-01', due: '31/12/2024' }),
  planItem('6.1', { title: 'Hội nghị sơ kết', due: '31/07/2024' }),
  planItem('6.2', { title: 'Khảo sát', due: '30/04/2024' }),
  planItem('3', { title: 'Tuyên truyền', scheduleKind: 'ongoing', due: '31/12/2024' }),
  planItem('1.2', { title: 'Họp bất thường', scheduleKind: 'on-demand' }),
  planItem('2', { year: 2023, title: 'Năm trước', due: '31/03/2023' }),
];

const log = [
  report('2', 'in_progress', '2024-02-10', { percent: 0.5, note: 'Đang dự thảo', evidence: 'https://x.vn/du-thao' }),
  report('2', 'done', '2024-03-25', { note: 'Đã ban hành', evidence: 'https://x.vn/kh-01' }),
  report('1.1', 'done', '2024-06-28', { evidence: 'https://x.vn/bien-ban-6' }),
  report('5.1', 'in_progress', '2024-05-10', { percent: 0.3, note: 'Chờ kinh phí' }),
  report('6.2', 'paused', '2024-04-15', { note: 'Tạm dừng theo chỉ đạo' }),
  report('3', 'in_progress', '2024-03-01', { percent: 0.4 }),
  report('1.2', 'done', '2024-05-05', { evidence: 'https://x.vn/hop' }),
  // Dated after 30 June: not in the six-month review.
  report('6.1', 'done', '2024-07-05'),
  report('1.1', 'done', '2024-12-20', { evidence: 'https://x.vn/bien-ban-12' }),
];

const ids = (r: ReviewReport, key: string) => r.sections.find((s) => s.key === key)!.rows.map((row) => row.id);

describe('reviewReport: six-month', () => {
  const r = reviewReport(items, log, { kind: 'six-month', year: 2024, today: '2024-07-10' });

  it('titles the report and its period', () => {
    expect(r.title).toBe(
      'Báo cáo sơ kết 6 tháng đầu năm 2024 thực hiện kế hoạch hoạt động của Hội đồng Thi đua – Khen thưởng',
    );
    expect(r.period).toEqual({ start: '2024-01-01', end: '2024-06-30' });
    expect(r.asOf).toBe('2024-06-30');
    expect(r.sections.map((s) => s.heading)).toEqual([
      'I. Các nội dung đã hoàn thành',
      'II. Các nội dung chậm tiến độ, quá hạn',
      'III. Các nội dung đang thực hiện',
      'IV. Các nội dung chưa triển khai',
      'V. Các nội dung tạm dừng',
      'VI. Nhiệm vụ trọng tâm 6 tháng cuối năm',
    ]);
  });

  it('sorts the items of the year into sections as of 30 June', () => {
    expect(ids(r, 'done')).toEqual(['2', '1.1', '1.2']);
    expect(ids(r, 'late')).toEqual(['5.1']);
    expect(ids(r, 'inProgress')).toEqual(['3']);
    expect(ids(r, 'notStarted')).toEqual([]);
    expect(ids(r, 'paused')).toEqual(['6.2']);
    // 1.1 was done for June and is due again in December; 6.1 is done only on 5 July.
    expect(ids(r, 'nextHalf')).toEqual(['1.1', '5.2', '6.1']);
  });

  it('gives each row its responsible units, status, percent, due dates, last note and evidence', () => {
    const done = r.sections[0].rows;
    expect(done[0]).toEqual({
      id: '2',
      title: 'Ban hành kế hoạch',
      responsible: 'Phòng Nội vụ',
      status: 'Hoàn thành',
      percent: 1,
      dueDates: '31/03/2024 (hoàn thành 25/03/2024)',
      lastNote: 'Đã ban hành',
      evidence: ['https://x.vn/du-thao', 'https://x.vn/kh-01'],
    });
    expect(done[1]).toMatchObject({
      status: 'Đang thực hiện',
      percent: 0.5,
      dueDates: '30/06/2024 (hoàn thành 28/06/2024); 31/12/2024',
      evidence: ['https://x.vn/bien-ban-6'],
    });
    expect(r.sections[1].rows[0]).toMatchObject({
      responsible: 'Phòng Văn hóa và Thông tin',
      percent: 0.3,
      lastNote: 'Chờ kinh phí',
    });
  });

  it('judges as of today when written before the period ends', () => {
    const early = reviewReport(items, log, { kind: 'six-month', year: 2024, today: '2024-06-10' });
    expect(early.asOf).toBe('2024-06-10');
    expect(ids(early, 'done')).toEqual(['2', '1.2']);
    expect(ids(early, 'inProgress')).toEqual(['3']);
    expect(ids(early, 'late')).toEqual(['5.1']);
    expect(ids(early, 'notStarted')).toEqual(['1.1']);
  });
});

describe('reviewReport: annual', () => {
  const r = reviewReport(items, log, { kind: 'annual', year: 2024, today: '2025-01-12', councilName: 'HĐ TĐKT huyện' });

  it('titles the report and covers the year', () => {
    expect(r.title).toBe('Báo cáo tổng kết năm 2024 thực hiện kế hoạch hoạt động của HĐ TĐKT huyện');
    expect(r.period).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(r.asOf).toBe('2024-12-31');
    expect(r.sections.map((s) => s.key)).toEqual(['done', 'late', 'inProgress', 'notStarted', 'paused']);
  });

  it('lists what was done in the year, what is late and what goes on', () => {
    expect(ids(r, 'done')).toEqual(['2', '1.1', '6.1', '1.2']);
    // Written after the year: the window ending on 31 December and not done is late.
    expect(ids(r, 'late')).toEqual(['5.1', '5.2']);
    expect(ids(r, 'inProgress')).toEqual(['3']);
    expect(ids(r, 'notStarted')).toEqual([]);
    expect(ids(r, 'paused')).toEqual(['6.2']);
    const meeting = r.sections[0].rows.find((row) => row.id === '1.1')!;
    expect(meeting.status).toBe('Hoàn thành');
    expect(meeting.evidence).toEqual(['https://x.vn/bien-ban-6', 'https://x.vn/bien-ban-12']);
  });

  it('lists an item done for the year and due again next year once, as done', () => {
    const spanning = [planItem('6.c', { due: '31/12/2024; 31/01/2025' })];
    const done = [report('6.c', 'done', '2024-12-28')];
    const annual = reviewReport(spanning, done, { kind: 'annual', year: 2024, today: '2025-01-05' });
    expect(annual.sections.map((s) => [s.key, s.rows.length]).filter(([, n]) => n)).toEqual([['done', 1]]);
  });

  it('does not call late what is due on the last day while that day is today', () => {
    const onTheDay = reviewReport(items, log, { kind: 'annual', year: 2024, today: '2024-12-31' });
    expect(ids(onTheDay, 'late')).toEqual(['5.1']);
    expect(ids(onTheDay, 'notStarted')).toEqual(['5.2']);
  });

  it('rejects an invalid day or year', () => {
    expect(() => reviewReport(items, log, { kind: 'annual', year: 2024, today: '31/12/2024' })).toThrow(RangeError);
    expect(() => reviewReport(items, log, { kind: 'annual', year: 0, today: '2024-12-31' })).toThrow(RangeError);
  });
});

describe('reviewValues', () => {
  const r = reviewReport(items, log, { kind: 'six-month', year: 2024, today: '2024-07-10' });
  const values = reviewValues(r);

  it('writes title, period, then per section its heading, header and rows, one width throughout', () => {
    expect(values.every((row) => row.length === REVIEW_HEADER.length)).toBe(true);
    expect(values[0][0]).toBe(r.title);
    expect(values[1][0]).toBe('Thời gian: từ ngày 01/01/2024 đến ngày 30/06/2024 (số liệu tính đến ngày 30/06/2024)');
    const at = values.findIndex((row) => row[0] === 'I. Các nội dung đã hoàn thành');
    expect(values[at - 1].every((v) => v === '')).toBe(true);
    expect(values[at + 1]).toEqual([...REVIEW_HEADER]);
    expect(values[at + 2]).toEqual([
      1,
      '2',
      'Ban hành kế hoạch',
      'Phòng Nội vụ',
      'Hoàn thành',
      1,
      '31/03/2024 (hoàn thành 25/03/2024)',
      'Đã ban hành',
      'https://x.vn/du-thao\nhttps://x.vn/kh-01',
    ]);
  });

  it('says so when a section has nothing', () => {
    const at = values.findIndex((row) => row[0] === 'IV. Các nội dung chưa triển khai');
    expect(values[at + 2]).toEqual(['', '', 'Không có nội dung nào.', '', '', '', '', '', '']);
  });
});
