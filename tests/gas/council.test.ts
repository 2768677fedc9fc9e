/**
 * The council's work in the BUILT add-in, offline: recording a session
 * (minutes and review statuses), the decision (attached list and award
 * history, idempotent; and its Google Doc where DocumentApp exists). The
 * certificates are in certificates.test.ts.
 */
import { isDate, type GasRuntime } from '../support/gas';
import { addRows, councilWorkbook, MENU, nomination, objects, quotaCase, sheetCalls, told } from './council-fixtures';
import { setSetting } from './helpers';

interface Boot {
  councilName: string;
  today: string;
  years: number[];
  defaultYear: number | null;
  nominations: Array<{ key: string; name: string; award: string; year: number; findingErrors: number }>;
}

/** The JSON a page boots from, read back from its data-boot attribute. */
function bootOf(html: string): Boot {
  const raw = /data-boot="([^"]*)"/.exec(html)![1];
  const text = raw
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return JSON.parse(text) as Boot;
}

function openSession(runtime: GasRuntime): Boot {
  runtime.clickMenu(MENU, 'Biểu quyết của Hội đồng…');
  expect(runtime.ui.alerts).toEqual([]);
  const dialog = runtime.ui.dialogs.at(-1)!;
  expect(dialog).toMatchObject({ title: 'Biểu quyết của Hội đồng', modal: true });
  return bootOf(dialog.output.getContent());
}

/** Quota case plus a province Bằng khen (no vote rule of its own) and a CSTĐ cấp tỉnh (90% of all members). */
function sessionCase(runtime: GasRuntime): void {
  quotaCase(runtime);
  addRows(runtime, 'nominations', [
    nomination('Phạm Thị Hoa', 'Bằng khen của Chủ tịch UBND tỉnh'),
    nomination('Võ Văn Giỏi', 'Chiến sĩ thi đua cấp tỉnh'),
  ]);
}

function ballots(boot: Boot, votes: Record<string, [number | null, number | null, number?]>) {
  return boot.nominations.map((n) => {
    const v = votes[`${n.name}|${n.award}`] ?? [null, null];
    return { key: n.key, agree: v[0], disagree: v[1], absentWritten: v[2] ?? null };
  });
}

const LDTT = 'Lao động tiên tiến';
const CSTDCS = 'Chiến sĩ thi đua cơ sở';

function standardVotes(): Record<string, [number | null, number | null, number?]> {
  const votes: Record<string, [number | null, number | null, number?]> = {};
  for (const p of 'ABCDEFGHIJ') votes[`Nguyễn Văn ${p}|${LDTT}`] = [12, 0];
  votes[`Nguyễn Văn A|${CSTDCS}`] = [9, 3];
  votes[`Nguyễn Văn B|${CSTDCS}`] = [8, 4];
  votes['Phạm Thị Hoa|Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh'] = [10, 2];
  votes['Võ Văn Giỏi|Chiến sĩ thi đua cấp tỉnh'] = [12, 0, 1];
  return votes;
}

function statuses(runtime: GasRuntime): Record<string, string> {
  return Object.fromEntries(
    objects(runtime, 'Đề nghị khen thưởng').map((r) => [
      `${r['Họ và tên / Tên tập thể']}|${r['Danh hiệu, hình thức đề nghị']}`,
      String(r['Trạng thái xét']),
    ]),
  );
}

function recordStandardSession(runtime: GasRuntime) {
  const boot = openSession(runtime);
  return runtime.callFromPage('recordCouncilSession', {
    meeting: { date: '2024-12-20', membersTotal: 15, membersPresent: 12 },
    ballots: ballots(boot, standardVotes()),
  }) as { message: string; sheetName: string; passed: number; rejected: number; noQuorum: number };
}

describe('«Biểu quyết của Hội đồng…»', () => {
  it('opens the dialog with the nominations awaiting a vote', () => {
    const runtime = councilWorkbook();
    sessionCase(runtime);
    const boot = openSession(runtime);
    expect(boot).toMatchObject({ councilName: 'Hội đồng Thi đua – Khen thưởng', today: '2024-12-20', years: [2024] });
    expect(boot.defaultYear).toBe(2024);
    expect(boot.nominations).toHaveLength(15);
    expect(boot.nominations[13]).toMatchObject({
      name: 'Phạm Thị Hoa',
      award: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
    });
  });

  it('writes the minutes in one setValues and sets «Đạt» / «Không đạt», under the lock', () => {
    const runtime = councilWorkbook();
    sessionCase(runtime);
    const boot = openSession(runtime);
    runtime.calls.reset();
    const result = runtime.callFromPage('recordCouncilSession', {
      meeting: { date: '2024-12-20', membersTotal: 15, membersPresent: 12 },
      ballots: ballots(boot, standardVotes()),
    }) as { message: string; sheetName: string; passed: number; rejected: number; noQuorum: number };
    expect(result).toMatchObject({
      sheetName: 'Biên bản họp Hội đồng 20-12-2024',
      passed: 12,
      rejected: 2,
      noQuorum: 0,
    });
    expect(result.message).toBe(
      'Đã ghi biên bản họp ngày 20/12/2024 vào trang «Biên bản họp Hội đồng 20-12-2024»: 14 đề nghị được biểu quyết (Đạt: 12; Không đạt: 2). Trạng thái xét trên trang «Đề nghị khen thưởng» đã được cập nhật.',
    );
    // One write for the minutes, one for the statuses.
    expect(runtime.calls.count('Range.setValues')).toBe(2);
    expect(runtime.calls.count('Lock.tryLock')).toBe(1);
    expect(runtime.calls.count('SpreadsheetApp.flush')).toBe(1);

    const s = statuses(runtime);
    for (const p of 'ABCDEFGHIJ') expect(s[`Nguyễn Văn ${p}|${LDTT}`]).toBe('Đạt');
    expect(s[`Nguyễn Văn A|${CSTDCS}`]).toBe('Đạt');
    expect(s[`Nguyễn Văn B|${CSTDCS}`]).toBe('Không đạt');
    // Not voted in this session: unchanged.
    expect(s[`Nguyễn Văn C|${CSTDCS}`]).toBe('Đề nghị');
    // A form with no vote rule in the book: the council's general rule (70% of those present).
    expect(s['Phạm Thị Hoa|Bằng khen của Chủ tịch UBND tỉnh']).toBe('Đạt');
    // CSTĐ cấp tỉnh: 12 at the meeting + 1 in writing = 13 of 15 members, under 90%.
    expect(s['Võ Văn Giỏi|Chiến sĩ thi đua cấp tỉnh']).toBe('Không đạt');

    const minutes = runtime.spreadsheet.getSheetByName('Biên bản họp Hội đồng 20-12-2024')!;
    const values = minutes.getDataRange().getValues();
    expect(values[0][0]).toBe('BIÊN BẢN HỌP HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG');
    expect(values[1][0]).toBe('Ngày họp: 20/12/2024. Thành viên có mặt: 12/15.');
    const headerRow = values.findIndex((r: unknown[]) => r[0] === 'STT');
    expect(values[headerRow]).toEqual([
      'STT',
      'Họ tên',
      'Đơn vị',
      'Danh hiệu',
      'Tán thành',
      'Không tán thành',
      'Tỷ lệ',
      'Kết quả',
      'Diễn giải',
    ]);
    const rules = values.slice(2, headerRow).map((r: unknown[]) => String(r[0]));
    expect(rules.some((r: string) => r.startsWith('Căn cứ biểu quyết: Hội đồng họp khi có ít nhất 2/3'))).toBe(true);
    expect(rules.some((r: string) => /không có quy định biểu quyết riêng: áp dụng quy chế chung/.test(r))).toBe(true);
    const table = values.slice(headerRow + 1, headerRow + 15);
    expect(table[10].slice(0, 8)).toEqual([11, 'Nguyễn Văn A', 'Phòng Y tế', CSTDCS, 9, 3, 0.75, 'Đạt']);
    expect(table[11].slice(0, 8)).toEqual([12, 'Nguyễn Văn B', 'Phòng Y tế', CSTDCS, 8, 4, 8 / 12, 'Không đạt']);
    expect(table[13].slice(0, 8)).toEqual([
      14,
      'Võ Văn Giỏi',
      'Phòng Y tế',
      'Chiến sĩ thi đua cấp tỉnh',
      13,
      0,
      13 / 15,
      'Không đạt',
    ]);
    expect(String(table[13][8])).toMatch(
      /13\/15 thành viên Hội đồng tán thành \(12 phiếu tại cuộc họp và 1 ý kiến bằng văn bản/,
    );
    expect(values[headerRow + 16][0]).toBe('Tổng cộng: 14 đề nghị được biểu quyết; đạt 12, không đạt 2.');
    expect(minutes.getRange(headerRow + 1, 1).getFontWeight()).toBe('bold');
    expect(minutes.getRange(headerRow + 2, 7).getNumberFormat()).toBe('0.00%');
    expect(minutes.$cell(headerRow + 2, 2)?.border).toMatchObject({ top: true, left: true, bottom: true, right: true });
  });

  it('keeps the statuses when the meeting lacks its quorum, and says so', () => {
    const runtime = councilWorkbook();
    sessionCase(runtime);
    const boot = openSession(runtime);
    const result = runtime.callFromPage('recordCouncilSession', {
      meeting: { date: '2024-12-20', membersTotal: 15, membersPresent: 9 },
      ballots: ballots(boot, { [`Nguyễn Văn D|${LDTT}`]: [9, 0], 'Võ Văn Giỏi|Chiến sĩ thi đua cấp tỉnh': [8, 1, 5] }),
    }) as { message: string; noQuorum: number; rejected: number };
    expect(result.noQuorum).toBe(1);
    // CSTĐ cấp tỉnh has no quorum rule: counted over all members, 8 + 5 written = 13 of 15 is under 90%.
    expect(result.rejected).toBe(1);
    expect(result.message).toContain('chưa đủ số thành viên dự họp để biểu quyết: 1 (giữ nguyên trạng thái)');
    expect(statuses(runtime)[`Nguyễn Văn D|${LDTT}`]).toBe('Đề nghị');
    const minutes = runtime.spreadsheet.getSheetByName('Biên bản họp Hội đồng 20-12-2024')!.getDataRange().getValues();
    expect(minutes.some((r: unknown[]) => r[7] === 'Không đủ số thành viên dự họp')).toBe(true);
  });

  it('refuses impossible ballots in Vietnamese and writes nothing', () => {
    const runtime = councilWorkbook();
    sessionCase(runtime);
    const boot = openSession(runtime);
    const sheets = runtime.spreadsheet.getSheets().length;
    expect(() =>
      runtime.callFromPage('recordCouncilSession', {
        meeting: { date: '2024-12-20', membersTotal: 15, membersPresent: 12 },
        ballots: ballots(boot, { [`Nguyễn Văn A|${LDTT}`]: [10, 5] }),
      }),
    ).toThrow('“Nguyễn Văn A”: Số phiếu tán thành và không tán thành (15) vượt số thành viên có mặt (12).');
    expect(() =>
      runtime.callFromPage('recordCouncilSession', {
        meeting: { date: '2024-12-21', membersTotal: 15, membersPresent: 16 },
        ballots: [],
      }),
    ).toThrow(
      'Ngày họp không được sau ngày hôm nay.\nSố thành viên có mặt (16) không được lớn hơn tổng số thành viên (15).',
    );
    expect(() =>
      runtime.callFromPage('recordCouncilSession', {
        meeting: { date: '2024-12-20', membersTotal: 15, membersPresent: 12 },
        ballots: ballots(boot, {}),
      }),
    ).toThrow('Chưa nhập số phiếu biểu quyết cho đề nghị nào. Vui lòng nhập số phiếu rồi ghi lại.');
    expect(runtime.spreadsheet.getSheets().length).toBe(sheets);
    expect(Object.values(statuses(runtime)).every((v) => v === 'Đề nghị')).toBe(true);
  });

  it('notices when the sheet changed under the dialog', () => {
    const runtime = councilWorkbook();
    sessionCase(runtime);
    const boot = openSession(runtime);
    // Someone renames a person meanwhile.
    const sheet = runtime.spreadsheet.getSheetByName('Đề nghị khen thưởng')!;
    sheet.getRange(2, 4).setValue('Nguyễn Văn Á');
    expect(() =>
      runtime.callFromPage('recordCouncilSession', {
        meeting: { date: '2024-12-20', membersTotal: 15, membersPresent: 12 },
        ballots: ballots(boot, standardVotes()),
      }),
    ).toThrow('Danh sách đề nghị trên trang tính đã thay đổi từ khi mở hộp thoại. Vui lòng đóng hộp thoại và mở lại.');
  });

  it('finds rows that moved, and names a second session of the same day apart', () => {
    const runtime = councilWorkbook();
    sessionCase(runtime);
    const boot = openSession(runtime);
    // A row inserted above the list: every nomination moves down one row.
    const sheet = runtime.spreadsheet.getSheetByName('Đề nghị khen thưởng')!;
    sheet.insertRowBefore(2);
    runtime.callFromPage('recordCouncilSession', {
      meeting: { date: '2024-12-20', membersTotal: 15, membersPresent: 12 },
      ballots: ballots(boot, { [`Nguyễn Văn C|${CSTDCS}`]: [12, 0] }),
    });
    expect(statuses(runtime)[`Nguyễn Văn C|${CSTDCS}`]).toBe('Đạt');
    const second = recordStandardSession(runtime);
    expect(second.sheetName).toBe('Biên bản họp Hội đồng 20-12-2024 (2)');
  });

  it('costs the same with 2,000 nominations awaiting as with 15', () => {
    const cost = (extra: number) => {
      const runtime = councilWorkbook();
      sessionCase(runtime);
      addRows(
        runtime,
        'nominations',
        Array.from({ length: extra }, (_, i) => nomination(`Người số ${i}`, LDTT, { unit: 'Xã Long Thuận' })),
      );
      const boot = openSession(runtime);
      runtime.calls.reset();
      runtime.callFromPage('recordCouncilSession', {
        meeting: { date: '2024-12-20', membersTotal: 15, membersPresent: 12 },
        ballots: ballots(boot, standardVotes()),
      });
      return sheetCalls(runtime);
    };
    const small = cost(0);
    expect(cost(2000)).toBe(small);
    expect(small).toBeLessThan(45);
  });

  it('is the office’s, and says when nothing awaits a vote', () => {
    const staff = councilWorkbook({ user: 'yte@hongngu.example' });
    sessionCase(staff);
    staff.clickMenu(MENU, 'Biểu quyết của Hội đồng…');
    expect(told(staff)).toMatch(/Chỉ Thường trực Hội đồng mới được ghi kết quả biểu quyết/);
    expect(staff.ui.dialogs).toHaveLength(0);

    const office = councilWorkbook();
    office.clickMenu(MENU, 'Biểu quyết của Hội đồng…');
    expect(told(office)).toMatch(/Không có đề nghị nào đang chờ Hội đồng biểu quyết/);
  });
});

describe('«Lập quyết định khen thưởng…»', () => {
  function decide(runtime: GasRuntime, number: string, date = '20/12/2024', signer = 'Nguyễn Văn Chủ'): string {
    runtime.ui.respondWith({ text: number }, { text: date }, { text: signer });
    runtime.ui.alerts.length = 0;
    runtime.clickMenu(MENU, 'Lập quyết định khen thưởng…');
    expect(runtime.ui.alerts).toHaveLength(1);
    return runtime.ui.alerts[0].prompt;
  }

  function decided(): GasRuntime {
    const runtime = councilWorkbook();
    setSetting(runtime, 'decisionIssuer', 'Chủ tịch Ủy ban nhân dân huyện Hồng Ngự');
    sessionCase(runtime);
    recordStandardSession(runtime);
    return runtime;
  }

  it('writes the attached list, formatted, and the award history', () => {
    const runtime = decided();
    const message = decide(runtime, '15');
    expect(message).toBe(
      [
        'Đã lập danh sách kèm Quyết định số 15/QĐ-UBND ngày 20/12/2024 trên trang «DS kèm QĐ 15-QĐ-UBND»: 11 cá nhân, 0 tập thể.',
        'Đã ghi 11 khen thưởng vào trang «Lịch sử khen thưởng».',
        '1 đề nghị chưa đưa vào danh sách:',
        '• “Phạm Thị Hoa”: “Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh” không thuộc thẩm quyền quyết định của cấp này; cần trình cấp trên.',
      ].join('\n'),
    );
    expect(runtime.ui.prompts.map((p) => p.prompt)).toEqual([
      'Có 12 đề nghị «Đạt». Nhập số quyết định (ví dụ: 15 hoặc 15/QĐ-UBND).',
      'Nhập ngày quyết định (dd/mm/yyyy). Để trống để chọn hôm nay (20/12/2024).',
      'Nhập họ và tên người ký quyết định.',
    ]);
    const sheet = runtime.spreadsheet.getSheetByName('DS kèm QĐ 15-QĐ-UBND')!;
    const values = sheet.getDataRange().getValues();
    expect(values.slice(0, 3).map((r: unknown[]) => r[0])).toEqual([
      'DANH SÁCH',
      'Cá nhân được công nhận danh hiệu thi đua năm 2024',
      '(Kèm theo Quyết định số 15/QĐ-UBND ngày 20/12/2024 của Chủ tịch Ủy ban nhân dân huyện Hồng Ngự)',
    ]);
    expect(values[4]).toEqual([
      'STT',
      'Họ và tên / Tên tập thể',
      'Chức vụ',
      'Đơn vị',
      'Danh hiệu, hình thức khen thưởng',
      'Năm',
    ]);
    expect(values[5]).toEqual([1, 'Nguyễn Văn A', 'Chuyên viên', 'Phòng Y tế', LDTT, 2024]);
    expect(values[15]).toEqual([11, 'Nguyễn Văn A', 'Chuyên viên', 'Phòng Y tế', CSTDCS, 2024]);
    expect(values[17].slice(3, 5)).toEqual(['Ngày quyết định', expect.anything()]);
    expect(isDate(values[17][4])).toBe(true);
    expect(sheet.getRange(18, 5).getDisplayValue()).toBe('20/12/2024');
    expect(values[18].slice(3, 5)).toEqual(['Người ký', 'Nguyễn Văn Chủ']);
    expect(sheet.getRange(5, 1).getFontWeight()).toBe('bold');
    expect(sheet.getRange(1, 1).getFontWeight()).toBe('bold');
    for (const [r, c] of [
      [5, 1],
      [10, 3],
      [16, 6],
    ]) {
      expect(sheet.$cell(r, c)?.border).toMatchObject({ top: true, left: true, bottom: true, right: true });
    }
    expect(sheet.$cell(17, 1)?.border).toBeUndefined();

    const history = objects(runtime, 'Lịch sử khen thưởng');
    expect(history).toHaveLength(11);
    expect(history[10]).toMatchObject({
      Năm: 2024,
      'Họ và tên / Tên tập thể': 'Nguyễn Văn A',
      'Danh hiệu, hình thức': CSTDCS,
      'Số quyết định': '15/QĐ-UBND',
      'Cấp quyết định': 'Chủ tịch Ủy ban nhân dân huyện Hồng Ngự',
      'Sáng kiến đã dùng': 'Sáng kiến số 1 về quản lý hồ sơ',
    });
    expect(isDate(history[10]['Ngày quyết định'])).toBe(true);
  });

  it('is idempotent: a second run adds nothing to the history, a new number lists nothing twice', () => {
    const runtime = decided();
    decide(runtime, '15');
    const again = decide(runtime, '15/QĐ-UBND');
    expect(again).toContain('Trang «Lịch sử khen thưởng» đã có đủ các khen thưởng này; không ghi thêm.');
    expect(objects(runtime, 'Lịch sử khen thưởng')).toHaveLength(11);
    expect(runtime.spreadsheet.getSheetByName('DS kèm QĐ 15-QĐ-UBND')!.getLastRow()).toBe(19);

    const other = decide(runtime, '16');
    expect(other).toBe(
      [
        'Không có đề nghị mới thuộc thẩm quyền quyết định của cấp này để lập quyết định.',
        '11 đề nghị «Đạt» đã có trong quyết định khen thưởng trước.',
        '• “Phạm Thị Hoa”: “Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh” không thuộc thẩm quyền quyết định của cấp này; cần trình cấp trên.',
      ].join('\n'),
    );
    expect(runtime.spreadsheet.getSheetByName('DS kèm QĐ 16-QĐ-UBND')).toBeNull();
    expect(objects(runtime, 'Lịch sử khen thưởng')).toHaveLength(11);
  });

  it('asks again politely for a bad date, and stops quietly on Cancel', () => {
    const runtime = decided();
    expect(decide(runtime, '15', '31/02/2024')).toBe(
      'Ngày quyết định «31/02/2024» không hợp lệ; vui lòng ghi dạng dd/mm/yyyy.',
    );
    runtime.ui.alerts.length = 0;
    runtime.ui.respondWith({ text: '15' }, 'CANCEL');
    runtime.clickMenu(MENU, 'Lập quyết định khen thưởng…');
    expect(runtime.ui.alerts).toEqual([]);
    expect(runtime.ui.toasts.filter((t) => t.title === 'Lập quyết định khen thưởng')).toEqual([]);
    expect(objects(runtime, 'Lịch sử khen thưởng')).toHaveLength(0);
  });

  it('says what to do before any nomination passed', () => {
    const runtime = councilWorkbook();
    quotaCase(runtime);
    runtime.clickMenu(MENU, 'Lập quyết định khen thưởng…');
    expect(told(runtime)).toMatch(/Chưa có đề nghị nào được Hội đồng biểu quyết «Đạt»/);
    expect(runtime.ui.prompts).toEqual([]);
  });

  it('costs the same for 1,000 more passed nominations, bar growing the sheet', () => {
    const cost = (extra: number) => {
      const runtime = decided();
      addRows(
        runtime,
        'nominations',
        Array.from({ length: extra }, (_, i) =>
          nomination(`Người số ${i}`, LDTT, { unit: 'Xã Long Thuận', reviewStatus: 'passed' }),
        ),
      );
      runtime.calls.reset();
      decide(runtime, '15');
      return sheetCalls(runtime);
    };
    const small = cost(0);
    // A few more calls only to grow the list's and the history's sheets past their first 1,000 rows.
    expect(cost(1000) - small).toBeLessThanOrEqual(3);
    expect(small).toBeLessThan(60);
  });

  describe('as a Google Doc, where DocumentApp exists', () => {
    function decidedWithDocs(): GasRuntime {
      const runtime = councilWorkbook({ documentApp: true });
      setSetting(runtime, 'decisionIssuer', 'Chủ tịch Ủy ban nhân dân huyện Hồng Ngự');
      setSetting(runtime, 'councilName', 'Hội đồng Thi đua – Khen thưởng huyện Hồng Ngự');
      sessionCase(runtime);
      recordStandardSession(runtime);
      return runtime;
    }

    it('writes the decision in the administrative form, with the list, and gives its link', () => {
      const runtime = decidedWithDocs();
      runtime.calls.reset();
      const message = decide(runtime, '15');
      const [doc] = runtime.documents.created;
      expect(doc.getName()).toBe('Quyết định số 15/QĐ-UBND ngày 20/12/2024');
      expect(doc.$closed).toBe(true);
      expect(message.split('\n').at(-1)).toBe(
        `Đã lập văn bản Quyết định trên Google Tài liệu (trong Drive của anh/chị): ${doc.getUrl()}`,
      );
      // The sheet is made as before.
      expect(message.startsWith('Đã lập danh sách kèm Quyết định số 15/QĐ-UBND ngày 20/12/2024')).toBe(true);

      const body = doc.$body;
      const [heading, signature, list] = body.getTables();
      expect(heading.$cells).toEqual([
        [
          'ỦY BAN NHÂN DÂN HUYỆN HỒNG NGỰ\nSố: 15/QĐ-UBND',
          'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc',
        ],
        ['', 'Hồng Ngự, ngày 20 tháng 12 năm 2024'],
      ]);
      expect(heading.$borderWidth).toBe(0);
      expect(signature.$cells[0][1]).toBe('CHỦ TỊCH\n\n\n\nNguyễn Văn Chủ');
      const paragraphs = body.getParagraphs();
      const title = paragraphs.find((p) => p.getText() === 'QUYẾT ĐỊNH')!;
      expect([title.$alignment, title.$attributes.BOLD]).toEqual(['CENTER', true]);
      const texts = paragraphs.map((p) => p.getText());
      expect(texts).toContain('Về việc công nhận danh hiệu thi đua năm 2024');
      expect(texts).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN HỒNG NGỰ');
      expect(texts).toContain('Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022;');
      expect(texts).toContain('Xét đề nghị của Thường trực Hội đồng Thi đua – Khen thưởng huyện Hồng Ngự.');
      expect(texts).toContain('- Công nhận danh hiệu “Lao động tiên tiến” năm 2024 cho 10 cá nhân;');
      expect(texts).toContain('- Công nhận danh hiệu “Chiến sĩ thi đua cơ sở” năm 2024 cho 1 cá nhân.');
      expect(texts.some((t) => t.startsWith('Điều 2.'))).toBe(true);
      expect(texts.some((t) => t.startsWith('Điều 3.'))).toBe(true);

      // The attached list on its own page.
      const pages = body.$pages();
      expect(pages).toHaveLength(2);
      expect(pages[1].split('\n').slice(0, 3)).toEqual([
        'DANH SÁCH',
        'Cá nhân được công nhận danh hiệu thi đua năm 2024',
        '(Kèm theo Quyết định số 15/QĐ-UBND ngày 20/12/2024 của Chủ tịch Ủy ban nhân dân huyện Hồng Ngự)',
      ]);
      expect(list.$cells[0]).toEqual(['STT', 'Họ và tên / Tên tập thể', 'Chức vụ', 'Đơn vị', 'Danh hiệu / Hình thức']);
      expect(list.$cells).toHaveLength(12);
      expect(list.$cells[1]).toEqual(['1', 'Nguyễn Văn A', 'Chuyên viên', 'Phòng Y tế', LDTT]);
      expect(list.$cells[11]).toEqual(['11', 'Nguyễn Văn A', 'Chuyên viên', 'Phòng Y tế', CSTDCS]);
      // Made after the lock was released: others need not wait for Docs.
      const calls = runtime.calls.sequence;
      expect(calls.indexOf('DocumentApp.create')).toBeGreaterThan(calls.lastIndexOf('Lock.releaseLock'));
      expect(runtime.calls.count('Lock.tryLock')).toBe(1);
    });

    it('keeps names as text in the Doc, and still makes the sheet when Docs fails', () => {
      const runtime = councilWorkbook({ documentApp: true });
      addRows(runtime, 'nominations', [
        nomination("'=1+1", LDTT, { reviewStatus: 'passed' }),
        nomination('<b>x</b>', LDTT, { reviewStatus: 'passed', unit: 'Xã Long Thuận' }),
      ]);
      decide(runtime, '16');
      const [doc] = runtime.documents.created;
      const list = doc.$body.getTables().at(-1)!;
      expect(list.$cells.slice(1).map((r) => r[1])).toEqual(['=1+1', '<b>x</b>']);

      // Docs refusing (quota, outage): the sheet and history are written; the message says what to do.
      const failing = councilWorkbook({ documentApp: true });
      addRows(failing, 'nominations', [nomination('Trần Thị Bình', LDTT, { reviewStatus: 'passed' })]);
      const create = failing.documents.created;
      Object.defineProperty(create, 'push', {
        value: () => {
          throw new Error('Service Documents failed while accessing document.');
        },
      });
      const message = decide(failing, '17');
      expect(message.split('\n').at(-1)).toBe(
        'Chưa lập được văn bản Quyết định trên Google Tài liệu (Service Documents failed while accessing document.). Danh sách trên trang tính đã được lập đầy đủ; anh/chị có thể chọn lại menu «Lập quyết định khen thưởng…» với cùng số quyết định để lập lại văn bản.',
      );
      expect(failing.spreadsheet.getSheetByName('DS kèm QĐ 17-QĐ-UBND')).not.toBeNull();
      expect(objects(failing, 'Lịch sử khen thưởng')).toHaveLength(1);
    });

    it('without DocumentApp, only the sheet is made, as before', () => {
      const runtime = decided();
      const message = decide(runtime, '15');
      expect(message).not.toMatch(/Google Tài liệu/);
      expect(runtime.documents.created).toEqual([]);
    });
  });
});
