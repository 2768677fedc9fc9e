/** The command's output pieces: the progress bar and the Vietnamese summary. */
import type { ImportReport } from '../../../src/core/reconcile';
import { createProgressBar, ellipsize, renderBar } from '../../../src/node/import/progress-bar';
import { formatSummary } from '../../../src/node/import/summary';
import { countReport } from '../../../src/node/import/report';

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  return { isTTY, columns: 60, chunks, write: (c: string) => chunks.push(c) };
}

describe('progress bar', () => {
  it('draws nothing when stderr is not a terminal', () => {
    const stream = fakeStream(false);
    const bar = createProgressBar(stream);
    bar.update(1, 2, 'Đang đọc báo cáo…');
    bar.stop();
    expect(stream.chunks).toEqual([]);
  });

  it('redraws one line in place on a terminal, throttled, and clears it', () => {
    const stream = fakeStream(true);
    let t = 0;
    const bar = createProgressBar(stream, { width: 10, intervalMs: 100, now: () => t });
    bar.update(0, 4, 'Đang đọc báo cáo…');
    t = 50;
    bar.update(1, 4, 'Đang đọc báo cáo…'); // too soon: skipped
    t = 200;
    bar.update(2, 4, 'Đang đọc báo cáo…');
    t = 210;
    bar.update(4, 4, 'Xong'); // the last frame is always drawn
    bar.stop();
    expect(stream.chunks).toHaveLength(4);
    expect(stream.chunks[1]).toBe('\r\x1b[2K' + renderBar(2, 4, 10, 'Đang đọc báo cáo…'));
    expect(stream.chunks[1]).toContain('[█████░░░░░] 2/4  50%');
    expect(stream.chunks[3]).toBe('\r\x1b[2K');
    for (const c of stream.chunks) expect([...c.replace('\r\x1b[2K', '')].length).toBeLessThanOrEqual(59);
  });

  it('keeps the bar whole and shortens the label to the terminal width', () => {
    const stream = { ...fakeStream(true), columns: 50 };
    const bar = createProgressBar(stream, { width: 10 });
    bar.update(3, 16, 'Đang đọc báo cáo… 08_Danh sách đề nghị khen thưởng - Thường Thới Hậu A.xlsx');
    const line = stream.chunks[0].replace('\r\x1b[2K', '');
    expect(line.startsWith(renderBar(3, 16, 10) + ' Đang đọc')).toBe(true);
    expect(line).toContain('…');
    expect([...line].length).toBe(49);
  });

  it('ellipsize keeps both ends', () => {
    expect(ellipsize('08_Danh sách đề nghị khen thưởng.xlsx', 15)).toBe('08_Danh…ng.xlsx');
    expect(ellipsize('ngắn', 15)).toBe('ngắn');
  });
});

describe('summary', () => {
  const report: ImportReport = {
    files: [
      {
        path: 'r/01_a.xlsx',
        status: 'imported',
        unit: 'Phòng Y tế',
        kind: 'registration',
        message: 'Đã nhập 2 bản ghi.',
      },
      { path: 'r/02_b.xlsx', status: 'failed', unit: null, kind: null, message: 'Tệp «02_b.xlsx» bị hỏng.' },
      {
        path: 'r/03_c.xlsx',
        status: 'skipped',
        unit: 'Phòng Y tế',
        kind: 'registration',
        message: 'Giống hệt «01_a.xlsx».',
      },
    ],
    records: [rec('added', []), rec('invalid', [{ code: 'missing_award', message: 'Thiếu danh hiệu.' }])],
  };
  function rec(
    outcome: ImportReport['records'][number]['outcome'],
    problems: Array<{ code: string; message: string }>,
  ) {
    return {
      file: 'r/01_a.xlsx',
      sheet: 'DS',
      row: 10,
      kind: 'registration' as const,
      subject: 'individual' as const,
      name: 'A B',
      position: null,
      unit: 'Phòng Y tế',
      award: null,
      year: 2022,
      outcome,
      problems,
    };
  }

  it('counts files and outcomes', () => {
    expect(countReport(report)).toEqual({
      files: { imported: 1, skipped: 1, failed: 1 },
      outcomes: { added: 1, unchanged: 0, updated: 0, conflict: 0, duplicate: 0, invalid: 1 },
      records: 2,
      problems: 1,
    });
  });

  it('prints a table per file and the totals, in Vietnamese', () => {
    const text = formatSummary(report, { master: 'master.xlsx', reportFile: 'bao-cao.json' });
    const lines = text.split('\n');
    expect(lines).toContain('KẾT QUẢ NHẬP BÁO CÁO');
    const header = lines.find((l) => l.startsWith('STT'))!;
    expect(header).toMatch(/^STT\s+Tệp\s+Đơn vị\s+Loại\s+Số bản ghi\s+Vấn đề\s+Kết quả$/);
    expect(lines.find((l) => l.includes('01_a.xlsx'))).toMatch(
      /1\s+01_a\.xlsx\s+Phòng Y tế\s+Đăng ký TĐ\s+2\s+1\s+Đã nhập$/,
    );
    expect(lines.find((l) => l.startsWith('  2'))).toMatch(/02_b\.xlsx\s+—\s+—\s+0\s+1\s+Lỗi$/);
    expect(text).toContain('Tệp: 3 (1 đã nhập, 1 bỏ qua, 1 lỗi).');
    expect(text).toContain(
      'Bản ghi: 2 (1 mới, 0 không đổi, 0 cập nhật, 0 trùng, 0 mâu thuẫn, 1 không hợp lệ); 1 vấn đề.',
    );
    expect(text).toContain('• 02_b.xlsx: Tệp «02_b.xlsx» bị hỏng.');
    expect(text).toContain('Đã ghi vào bảng tính chính «master.xlsx»');
    expect(text).toContain('Báo cáo chi tiết (JSON): bao-cao.json');
    expect(formatSummary(report, { master: 'm.xlsx', dryRun: true })).toContain('Chạy thử (--dry-run)');
  });
});
