/**
 * `npx tdkt import <tệp hoặc thư mục…> --into <master.xlsx> [--report r.json] [--dry-run]`:
 * imports the units' Excel reports into the master. The work is done in
 * src/node/import/pipeline.ts; this file reads the arguments, shows progress
 * and prints the summary.
 *
 * Exit code: 0 when every file was imported or skipped, 1 when some file
 * failed, 2 for a usage error (missing --into, no inputs, a path that does not exist).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Command } from 'commander';
import { UserError } from '../../src/node/errors';
import { googleSheetId } from '../../src/node/master-store';
import type { ImportPhase } from '../../src/node/import/pipeline';

interface ImportFlags {
  into?: string;
  report?: string;
  dryRun?: boolean;
}

const PHASE_LABEL: Record<ImportPhase, string> = {
  scan: 'Đang tìm tệp…',
  'read-master': 'Đang đọc bảng tính chính…',
  hash: 'Đang kiểm tra tệp đã nhập…',
  parse: 'Đang đọc báo cáo…',
  reconcile: 'Đang đối chiếu…',
  write: 'Đang ghi bảng tính chính…',
  done: 'Xong',
};

export function register(program: Command): void {
  program
    .command('import')
    .description(
      'Nhập báo cáo Excel (đăng ký thi đua, đề nghị khen thưởng) của các đơn vị vào bảng tính chính: ' +
        'đối chiếu đơn vị, danh hiệu; phát hiện trùng lặp, mâu thuẫn, thiếu sót. Danh sách kèm quyết định khen thưởng ' +
        'các năm trước được ghi vào «Lịch sử khen thưởng». Tệp gốc không bị thay đổi.',
    )
    .argument('[tệp...]', 'các tệp .xlsx, .xlsm, .xls hoặc thư mục chứa chúng (tìm cả trong thư mục con)')
    .option(
      '--into <master.xlsx>',
      'bảng tính chính: tệp .xlsx (tạo bằng: npx tdkt init <master.xlsx> --units units.csv) hoặc địa chỉ Google Trang tính ' +
        '(https://docs.google.com/spreadsheets/d/…; cần GOOGLE_APPLICATION_CREDENTIALS của tài khoản dịch vụ được chia sẻ quyền sửa)',
    )
    .option('--report <report.json>', 'ghi báo cáo chi tiết từng bản ghi ra tệp JSON')
    .option('--dry-run', 'chạy thử: đối chiếu và báo cáo, không ghi gì vào bảng tính chính')
    .action(async (inputs: string[], flags: ImportFlags) => {
      if (!flags.into) {
        throw new UserError(
          'Vui lòng chỉ ra bảng tính chính bằng --into, ví dụ: npx tdkt import baocao/ --into master.xlsx',
          2,
        );
      }
      if (inputs.length === 0) {
        throw new UserError(
          'Vui lòng chỉ ra các tệp báo cáo hoặc thư mục cần nhập, ví dụ: npx tdkt import baocao/ --into master.xlsx',
          2,
        );
      }
      const isGoogleSheet = googleSheetId(flags.into) !== null;
      if (!isGoogleSheet && !fs.existsSync(flags.into)) {
        throw new UserError(
          `Không tìm thấy bảng tính chính «${flags.into}». Vui lòng tạo bằng lệnh: npx tdkt init ${flags.into} --units units.csv`,
          2,
        );
      }
      if (flags.report && fs.existsSync(flags.report) && fs.statSync(flags.report).isDirectory()) {
        throw new UserError(
          `«${flags.report}» là một thư mục; vui lòng chỉ ra tên tệp báo cáo, ví dụ: --report ${flags.report.replace(/[\\/]+$/, '')}/bao-cao.json`,
          2,
        );
      }
      // Loaded when the command runs: `tdkt --help` and the other commands start without the importer.
      const [{ masterStoreFor }, { runImport }, { writeReport }, { formatSummary }, { createProgressBar }] =
        await Promise.all([
          import('../../src/node/master-store'),
          import('../../src/node/import/pipeline'),
          import('../../src/node/import/report'),
          import('../../src/node/import/summary'),
          import('../../src/node/import/progress-bar'),
        ]);
      const store = await masterStoreFor(flags.into);
      const bar = createProgressBar(process.stderr);
      let run;
      try {
        run = await runImport({
          inputs,
          store,
          dryRun: flags.dryRun,
          exclude: [flags.into, ...(flags.report ? [flags.report] : [])],
          onProgress: (p) =>
            bar.update(p.done, p.total, PHASE_LABEL[p.phase] + (p.file ? ` ${path.basename(p.file)}` : '')),
        });
      } finally {
        bar.stop();
      }
      if (flags.report) await writeReport(flags.report, run.report);
      console.log(formatSummary(run.report, { master: store.label, dryRun: flags.dryRun, reportFile: flags.report }));
      if (run.report.files.some((f) => f.status === 'failed')) process.exitCode = 1;
    });
}
