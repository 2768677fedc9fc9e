/**
 * Nominations in the BUILT add-in, offline: the server functions the sidebar
 * calls (checkNomination, submitNomination) and the «Kiểm tra điều kiện khen
 * thưởng» menu, on an empty workbook and on prepared ones, with bounded costs.
 */
import { bySeverity, checkNominationsIndexed, countBySeverity, findingsText } from '../../src/core/awards';
import { SHEETS, valuesToRows } from '../../src/core/contract';
import { UnitRegistry } from '../../src/core/units';
import type { GasRuntime } from '../support/gas';
import { loadAddin } from '../support/bundle';
import { unitRows } from './helpers';
import {
  addRows,
  councilWorkbook,
  MENU,
  nomination,
  objects,
  OFFICE,
  quotaCase,
  registration,
  sheetCalls,
  told,
} from './council-fixtures';

const COUNCIL_ITEMS = [
  ['Nhập đề nghị khen thưởng…', 'menuNominate'],
  ['Kiểm tra điều kiện khen thưởng', 'menuCheckNominations'],
  ['Biểu quyết của Hội đồng…', 'menuCouncilSession'],
  ['Lập quyết định khen thưởng…', 'menuMakeDecision'],
  ['In giấy khen…', 'menuPrintCertificates'],
  ['Lập danh sách kiểm tra…', 'menuInspectionRoster'],
] as const;

/** What the core finds over the workbook's sheets, as the «Kết quả kiểm tra» texts of each nomination. */
function coreFindings(runtime: GasRuntime) {
  const rows = (key: 'nominations' | 'registrations' | 'awardHistory') =>
    valuesToRows(key, runtime.spreadsheet.getSheetByName(SHEETS[key].name)!.getDataRange().getValues());
  const nominations = rows('nominations');
  const findings = checkNominationsIndexed({
    nominations,
    registrations: rows('registrations'),
    history: rows('awardHistory'),
    registry: UnitRegistry.fromRows(unitRows()),
    councilLevel: 'district',
  });
  return {
    texts: nominations.map((_, i) => findingsText(bySeverity(findings.filter((f) => f.index === i)))),
    counts: countBySeverity(findings),
  };
}

function input(over: Record<string, unknown> = {}) {
  return {
    subject: 'individual',
    name: 'Trần Thị Bình',
    position: 'Chuyên viên',
    unit: 'Phòng Y tế',
    award: 'cstdcs',
    year: 2024,
    commendationKind: 'regular',
    achievement: 'Hoàn thành xuất sắc nhiệm vụ năm 2024.',
    initiative: 'Sổ tay điện tử quản lý hồ sơ',
    initiativeRecognition: 'Quyết định số 5/QĐ-PYT ngày 01/11/2024',
    attachments: 'https://drive.google.com/file/d/abc',
    ...over,
  };
}

describe('council menu items', () => {
  it('are in the menu and each names a global of the bundle', () => {
    const runtime = loadAddin();
    runtime.call('onOpen');
    const menu = runtime.ui.menus.find((m) => m.title === MENU)!;
    const items = menu.items.filter((i): i is { caption: string; functionName: string } => 'caption' in i);
    for (const [caption, fn] of COUNCIL_ITEMS) {
      expect(items).toContainEqual({ caption, functionName: fn });
      expect(typeof runtime.global[fn]).toBe('function');
    }
  });

  it.each(COUNCIL_ITEMS)('«%s» on an empty workbook explains politely, without an uncaught error', (caption) => {
    const runtime = loadAddin({ user: OFFICE });
    runtime.call('onOpen');
    expect(() => runtime.clickMenu(MENU, caption)).not.toThrow();
    expect(runtime.ui.alerts).toHaveLength(1);
    const alert = runtime.ui.alerts[0];
    expect(alert.prompt).not.toMatch(/ngoài dự kiến|undefined|Error/);
    expect(alert.prompt).toMatch(/Vui lòng/);
    expect(runtime.ui.sidebars).toHaveLength(0);
    expect(runtime.ui.dialogs).toHaveLength(0);
  });
});

describe('entering a nomination (server side of the sidebar)', () => {
  it('appends one row «Đề nghị» with its findings, under the lock', () => {
    const runtime = councilWorkbook();
    addRows(runtime, 'registrations', [registration('Trần Thị Bình', 'Chiến sĩ thi đua cơ sở')]);
    addRows(runtime, 'nominations', [nomination('Trần Thị Bình', 'Lao động tiên tiến')]);
    runtime.calls.reset();
    const result = runtime.callFromPage('submitNomination', input()) as {
      message: string;
      row: number;
      findings: Array<{ severityLabel: string; message: string }>;
    };
    expect(result.row).toBe(3);
    expect(result.message).toMatch(/^Đã ghi đề nghị “Chiến sĩ thi đua cơ sở” năm 2024 cho Trần Thị Bình \(dòng 3\)\. /);
    expect(runtime.calls.count('Sheet.appendRow')).toBe(1);
    expect(runtime.calls.count('Lock.tryLock')).toBe(1);
    expect(runtime.calls.count('Lock.releaseLock')).toBe(1);
    expect(runtime.calls.count('SpreadsheetApp.flush')).toBe(1);
    const rows = objects(runtime, 'Đề nghị khen thưởng');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      Năm: 2024,
      'Đơn vị': 'Phòng Y tế',
      'Cá nhân/Tập thể': 'Cá nhân',
      'Họ và tên / Tên tập thể': 'Trần Thị Bình',
      'Danh hiệu, hình thức đề nghị': 'Chiến sĩ thi đua cơ sở',
      'Loại khen thưởng': 'Thường xuyên',
      'Sáng kiến': 'Sổ tay điện tử quản lý hồ sơ',
      'Hồ sơ đính kèm (đường dẫn)': 'https://drive.google.com/file/d/abc',
      'Trạng thái xét': 'Đề nghị',
    });
    // The findings column holds what the page was told, one line per finding.
    expect(rows[1]['Kết quả kiểm tra']).toBe(
      result.findings.map((f) => `[${f.severityLabel}] ${f.message}`).join('\n'),
    );
    expect(rows[1]['Thời điểm nhập']).toBeInstanceOf(Date);
  });

  it('fills «Kết quả kiểm tra» with what the sheets show (no LĐTT, not registered)', () => {
    const runtime = councilWorkbook();
    const check = runtime.callFromPage('checkNomination', input()) as {
      problems: unknown[];
      findings: Array<{ severity: string; severityLabel: string; message: string }>;
      duplicateRow: number | null;
    };
    expect(check.problems).toEqual([]);
    expect(check.duplicateRow).toBeNull();
    const messages = check.findings.map((f) => f.message);
    // Without LĐTT the same year and without a registration: both are found, the worst first.
    expect(messages.some((m) => /“Lao động tiên tiến” năm 2024/.test(m))).toBe(true);
    expect(messages.some((m) => /đăng ký thi đua năm 2024/.test(m))).toBe(true);
    const order = ['error', 'warning', 'document'];
    const ranks = check.findings.map((f) => order.indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(check.findings.every((f) => ['Lỗi', 'Cảnh báo', 'Cần bổ sung hồ sơ'].includes(f.severityLabel))).toBe(true);

    runtime.callFromPage('submitNomination', input());
    const findings = String(objects(runtime, 'Đề nghị khen thưởng')[0]['Kết quả kiểm tra']);
    expect(findings).toMatch(
      /^\[(Lỗi|Cảnh báo|Cần bổ sung hồ sơ)\] Ông \(bà\) Trần Thị Bình \(Phòng Y tế\) được đề nghị “Chiến sĩ thi đua cơ sở”/,
    );
    expect(findings.split('\n')).toHaveLength(check.findings.length);
  });

  it('keeps text as text: a formula-like or HTML name is stored as typed', () => {
    const runtime = councilWorkbook();
    const name = '=HYPERLINK("http://x";"<b>Bình</b>")';
    runtime.callFromPage('submitNomination', input({ name, award: 'ldtt', initiative: '', initiativeRecognition: '' }));
    const sheet = runtime.spreadsheet.getSheetByName('Đề nghị khen thưởng')!;
    expect(sheet.getDataRange().getFormulas().flat().filter(Boolean)).toEqual([]);
    // Stored as text (with the apostrophe that keeps Sheets from reading a formula when the cell is not plain text).
    expect(String(objects(runtime, 'Đề nghị khen thưởng')[0]['Họ và tên / Tên tập thể']).replace(/^'/, '')).toBe(name);
  });

  it('refuses what the form should not send, in Vietnamese, writing nothing', () => {
    const runtime = councilWorkbook();
    const bad = input({ name: '  ', award: 'ttldxs', year: 2031, attachments: 'drive/abc' });
    expect(() => runtime.callFromPage('submitNomination', bad)).toThrow(
      /Vui lòng nhập họ và tên\.\nNăm thành tích phải từ 2000 đến 2024\.\n“Tập thể lao động xuất sắc” dành cho tập thể; vui lòng chọn danh hiệu, hình thức phù hợp\.\nHồ sơ đính kèm phải là đường dẫn/,
    );
    const check = runtime.callFromPage('checkNomination', bad) as { problems: Array<{ field: string }> };
    expect(check.problems.map((p) => p.field)).toEqual(['name', 'year', 'award', 'attachments']);
    expect(objects(runtime, 'Đề nghị khen thưởng')).toEqual([]);
  });

  it('lets a unit’s staff nominate for their own unit only', () => {
    const runtime = councilWorkbook({ user: 'yte@hongngu.example' });
    expect(() => runtime.callFromPage('submitNomination', input({ unit: 'Phòng Nội vụ' }))).toThrow(
      'Tài khoản của anh/chị không được nhập đề nghị cho đơn vị «Phòng Nội vụ».',
    );
    runtime.callFromPage('submitNomination', input());
    expect(objects(runtime, 'Đề nghị khen thưởng')).toHaveLength(1);
    // Their sidebar offers their unit only.
    runtime.clickMenu(MENU, 'Nhập đề nghị khen thưởng…');
    const html = runtime.ui.sidebars.at(-1)!.getContent();
    expect(html).toContain('&quot;units&quot;:[&quot;Phòng Y tế&quot;]');
    expect(runtime.ui.sidebars.at(-1)!.getTitle()).toBe('Nhập đề nghị khen thưởng');
  });

  it('does not record the same nomination twice', () => {
    const runtime = councilWorkbook();
    runtime.callFromPage('submitNomination', input());
    const check = runtime.callFromPage('checkNomination', input({ name: 'TRẦN THỊ  BÌNH' })) as {
      duplicateRow: number;
    };
    expect(check.duplicateRow).toBe(2);
    expect(() => runtime.callFromPage('submitNomination', input({ name: 'Trần Thị Bình ' }))).toThrow(
      /đã có ở dòng 2 của trang «Đề nghị khen thưởng»/,
    );
    expect(objects(runtime, 'Đề nghị khen thưởng')).toHaveLength(1);
  });

  it('says the sheet is busy when another writer holds the lock, and writes nothing', () => {
    const runtime = councilWorkbook();
    runtime.lock.holdBy('someone-else', { kind: 'document' });
    expect(() => runtime.callFromPage('submitNomination', input())).toThrow(
      'Bảng tính đang bận ghi dữ liệu khác. Vui lòng gửi lại đề nghị sau ít giây.',
    );
    expect(objects(runtime, 'Đề nghị khen thưởng')).toEqual([]);
  });

  it('costs the same whatever the size of the sheets', () => {
    const small = councilWorkbook();
    small.calls.reset();
    small.callFromPage('submitNomination', input());
    const big = councilWorkbook();
    addRows(
      big,
      'nominations',
      Array.from({ length: 1500 }, (_, i) => nomination(`Người số ${i}`, 'LĐTT', { unit: 'Xã Long Thuận' })),
    );
    big.calls.reset();
    big.callFromPage('submitNomination', input());
    expect(sheetCalls(big)).toBe(sheetCalls(small));
    expect(sheetCalls(big)).toBeLessThan(20);
  });
});

describe('«Kiểm tra điều kiện khen thưởng»', () => {
  it('writes each row’s findings beside it: a CSTĐCS quota overrun shows on the three CSTĐCS rows', () => {
    const runtime = councilWorkbook();
    quotaCase(runtime);
    runtime.clickMenu(MENU, 'Kiểm tra điều kiện khen thưởng');
    const rows = objects(runtime, 'Đề nghị khen thưởng');
    const findings = rows.map((r) => String(r['Kết quả kiểm tra']));
    // The ten LĐTT are fine; each CSTĐCS row says the unit is over its 15% (1 of 10 LĐTT) by two.
    expect(findings.slice(0, 10)).toEqual(Array(10).fill(''));
    for (const [i, f] of findings.slice(10).entries()) {
      expect(f).toMatch(
        new RegExp(
          `^\\[[^\\]]+\\] Ông \\(bà\\) Nguyễn Văn ${'ABC'[i]} \\(Phòng Y tế\\) được đề nghị “Chiến sĩ thi đua cơ sở” năm 2024`,
        ),
      );
      expect(f).toMatch(/Phòng Y tế có 3 cá nhân được đề nghị/);
      expect(f).toMatch(/15% là 1,5 người, làm tròn xuống còn tối đa 1 người/);
      expect(f).toMatch(/rút bớt 2 người/);
    }
    // Exactly what the core finds over the same rows, row by row.
    const expected = coreFindings(runtime);
    expect(findings).toEqual(expected.texts);

    expect(runtime.ui.alerts).toHaveLength(1);
    const alert = runtime.ui.alerts[0];
    expect(alert.title).toBe('Kiểm tra điều kiện khen thưởng');
    expect(alert.prompt).toContain('Đã kiểm tra 13 đề nghị khen thưởng.');
    expect(alert.prompt).toContain(`• Lỗi: ${expected.counts.error}`);
    expect(alert.prompt).toContain(`• Cảnh báo: ${expected.counts.warning}`);
    expect(alert.prompt).toContain(`• Cần bổ sung hồ sơ: ${expected.counts.document}`);
    expect(expected.counts.error + expected.counts.warning + expected.counts.document).toBe(3);
    expect(alert.prompt).toContain('• Không có vấn đề: 10 đề nghị.');
    expect(alert.prompt).toMatch(
      /Các vấn đề gặp nhiều nhất:\n• Số cá nhân được công nhận “Chiến sĩ thi đua cơ sở” không quá 15%.*: 3/,
    );
    expect(alert.prompt).toContain('cột «Kết quả kiểm tra»');
    expect(runtime.calls.count('Sheet.activate')).toBe(1);
  });

  it('clears findings that no longer hold, and rewrites the column in one write', () => {
    const runtime = councilWorkbook();
    quotaCase(runtime);
    runtime.clickMenu(MENU, 'Kiểm tra điều kiện khen thưởng');
    // Two of the three withdrawn by the council: the third is within the quota.
    const sheet = runtime.spreadsheet.getSheetByName('Đề nghị khen thưởng')!;
    const statusCol = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[]).indexOf(
      'Trạng thái xét',
    );
    sheet.getRange(13, statusCol + 1, 2, 1).setValues([['Không đạt'], ['Không đạt']]);
    runtime.calls.reset();
    runtime.clickMenu(MENU, 'Kiểm tra điều kiện khen thưởng');
    expect(runtime.calls.count('Range.setValues')).toBe(1);
    const findings = objects(runtime, 'Đề nghị khen thưởng').map((r) => String(r['Kết quả kiểm tra']));
    expect(findings[10]).toBe('');
  });

  it('costs the same over 2,000 nominations as over 20', () => {
    const cost = (count: number) => {
      const runtime = councilWorkbook();
      addRows(
        runtime,
        'nominations',
        Array.from({ length: count }, (_, i) =>
          nomination(`Người số ${i}`, i % 10 === 0 ? 'CSTĐCS' : 'LĐTT', {
            unit: i % 2 ? 'Xã Long Thuận' : 'Phòng Y tế',
          }),
        ),
      );
      runtime.calls.reset();
      runtime.clickMenu(MENU, 'Kiểm tra điều kiện khen thưởng');
      expect(runtime.ui.alerts.at(-1)!.prompt).toContain(`Đã kiểm tra ${count.toLocaleString('vi-VN')} đề nghị`);
      return sheetCalls(runtime);
    };
    const small = cost(20);
    expect(cost(2000)).toBe(small);
    expect(small).toBeLessThan(30);
  });

  it('is the office’s: a unit’s staff is told so politely', () => {
    const runtime = councilWorkbook({ user: 'yte@hongngu.example' });
    quotaCase(runtime);
    runtime.clickMenu(MENU, 'Kiểm tra điều kiện khen thưởng');
    expect(told(runtime)).toMatch(/Chỉ Thường trực Hội đồng mới được kiểm tra điều kiện khen thưởng/);
    expect(objects(runtime, 'Đề nghị khen thưởng').every((r) => r['Kết quả kiểm tra'] === '')).toBe(true);
  });

  it('tells an office with no nominations what to do', () => {
    const runtime = councilWorkbook();
    runtime.clickMenu(MENU, 'Kiểm tra điều kiện khen thưởng');
    expect(told(runtime)).toMatch(/chưa có đề nghị nào để kiểm tra\. Vui lòng nhập đề nghị/);
  });
});
