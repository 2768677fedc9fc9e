/**
 * The Vietnamese summary printed at the end of `tdkt import`: one line per
 * file (đơn vị, loại, số bản ghi, vấn đề, kết quả), the totals by outcome,
 * and what happened to the master.
 */
import * as path from 'path';
import type { ImportReport, Outcome } from '../../core/reconcile';
import { countReport } from './report';
import { ellipsize } from './progress-bar';

const STATUS_LABEL = { imported: 'Đã nhập', skipped: 'Bỏ qua (đã nhập trước)', failed: 'Lỗi' } as const;
const KIND_LABEL = { nomination: 'Đề nghị KT', registration: 'Đăng ký TĐ', award: 'QĐ khen thưởng' } as const;
export const OUTCOME_LABEL: Record<Outcome, string> = {
  added: 'mới',
  unchanged: 'không đổi',
  updated: 'cập nhật',
  duplicate: 'trùng',
  conflict: 'mâu thuẫn',
  invalid: 'không hợp lệ',
};

export interface SummaryOptions {
  /** The master's label (file name). */
  master: string;
  dryRun?: boolean;
  /** Where the JSON report was written, if anywhere. */
  reportFile?: string;
  /** Longest file name shown in the table. */
  maxNameWidth?: number;
}

function width(text: string): number {
  return [...text].length;
}

function pad(text: string, n: number, right = false): string {
  const gap = ' '.repeat(Math.max(0, n - width(text)));
  return right ? gap + text : text + gap;
}

/** A plain-text table: header, rule, rows; numeric columns right-aligned. */
export function table(header: string[], rows: string[][], numeric: ReadonlySet<number> = new Set()): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i], numeric.has(i)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function formatSummary(report: ImportReport, options: SummaryOptions): string {
  const maxName = options.maxNameWidth ?? 44;
  const perFile = new Map<string, { records: number; problems: number }>();
  for (const r of report.records) {
    const c = perFile.get(r.file) ?? { records: 0, problems: 0 };
    c.records++;
    c.problems += r.problems.length;
    perFile.set(r.file, c);
  }
  const rows = report.files.map((f, i) => {
    const c = perFile.get(f.path) ?? { records: 0, problems: f.status === 'failed' ? 1 : 0 };
    return [
      String(i + 1),
      ellipsize(path.basename(f.path), maxName),
      f.unit ?? '—',
      f.kind ? KIND_LABEL[f.kind] : '—',
      String(c.records),
      String(c.problems),
      STATUS_LABEL[f.status],
    ];
  });
  const counts = countReport(report);
  const lines: string[] = [];
  lines.push('KẾT QUẢ NHẬP BÁO CÁO');
  lines.push('');
  lines.push(table(['STT', 'Tệp', 'Đơn vị', 'Loại', 'Số bản ghi', 'Vấn đề', 'Kết quả'], rows, new Set([0, 4, 5])));
  lines.push('');
  lines.push(
    `Tệp: ${report.files.length} (${counts.files.imported} đã nhập, ${counts.files.skipped} bỏ qua, ${counts.files.failed} lỗi).`,
  );
  const outcomes = (Object.keys(OUTCOME_LABEL) as Outcome[]).map((o) => `${counts.outcomes[o]} ${OUTCOME_LABEL[o]}`);
  lines.push(`Bản ghi: ${counts.records} (${outcomes.join(', ')}); ${counts.problems} vấn đề.`);

  const failed = report.files.filter((f) => f.status === 'failed');
  if (failed.length) {
    lines.push('');
    lines.push('Các tệp không đọc được:');
    for (const f of failed) lines.push(`  • ${path.basename(f.path)}: ${f.message}`);
  }
  const skipped = report.files.filter((f) => f.status === 'skipped');
  if (skipped.length) {
    lines.push('');
    lines.push('Các tệp bỏ qua:');
    for (const f of skipped) lines.push(`  • ${path.basename(f.path)}: ${f.message}`);
  }
  lines.push('');
  if (options.dryRun) {
    lines.push(`Chạy thử (--dry-run): chưa ghi gì vào bảng tính chính «${options.master}».`);
  } else {
    lines.push(
      `Đã ghi vào bảng tính chính «${options.master}». Các vấn đề cần xử lý được ghi trong trang «Sai lệch cần xử lý».`,
    );
  }
  if (options.reportFile) lines.push(`Báo cáo chi tiết (JSON): ${options.reportFile}`);
  return lines.join('\n');
}
