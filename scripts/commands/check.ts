/**
 * `npx tdkt check --into <master.xlsx> [--report check.json] [--dry-run] [--year N] [--level …]`:
 * checks every nomination against the rulebook of its year. The work is done
 * in src/node/check.ts.
 *
 * Exit code: 0 when no finding is an error, 1 when some is, 2 for a usage error.
 */
import * as fs from 'fs';
import type { Command } from 'commander';
import { UserError } from '../../src/node/errors';
import type { CouncilLevel } from '../../src/core/awards';

interface CheckFlags {
  into?: string;
  report?: string;
  dryRun?: boolean;
  year?: string;
  level?: string;
  roundUp?: boolean;
}

export function register(program: Command): void {
  program
    .command('check')
    .description(
      'Kiểm tra điều kiện khen thưởng của các đề nghị trong bảng tính chính theo quy định của năm thành tích: ' +
        'danh hiệu tiên quyết, tỷ lệ, số năm liên tục, đăng ký thi đua, sáng kiến, thẩm quyền; ghi kết quả vào cột «Kết quả kiểm tra».',
    )
    .option('--into <master.xlsx>', 'bảng tính chính cần kiểm tra')
    .option('--report <check.json>', 'ghi danh sách kết quả kiểm tra ra tệp JSON')
    .option('--dry-run', 'chạy thử: kiểm tra và báo cáo, không ghi vào bảng tính chính')
    .option('--year <năm>', 'chỉ kiểm tra các đề nghị của năm thành tích này')
    .option('--level <cấp>', 'cấp của Hội đồng: province, district hoặc commune (mặc định: theo trang «Cài đặt»)')
    .option('--round-up', 'tính tỷ lệ tối đa làm tròn theo quy tắc từ 0,5 lên 1 (mặc định: làm tròn xuống)')
    .action(async (flags: CheckFlags) => {
      const { COUNCIL_LEVELS, formatCheckSummary, runCheck } = await import('../../src/node/check');
      if (!flags.into) {
        throw new UserError('Vui lòng chỉ ra bảng tính chính bằng --into, ví dụ: npx tdkt check --into master.xlsx', 2);
      }
      const year = flags.year === undefined ? undefined : Number(flags.year);
      if (year !== undefined && !(Number.isInteger(year) && year > 1900 && year < 3000)) {
        throw new UserError(`Năm «${flags.year}» không hợp lệ.`, 2);
      }
      if (flags.level !== undefined && !(COUNCIL_LEVELS as ReadonlyArray<string>).includes(flags.level)) {
        throw new UserError(`Cấp Hội đồng «${flags.level}» không hợp lệ; hãy dùng province, district hoặc commune.`, 2);
      }
      if (flags.report && fs.existsSync(flags.report) && fs.statSync(flags.report).isDirectory()) {
        throw new UserError(
          `«${flags.report}» là một thư mục; vui lòng chỉ ra tên tệp, ví dụ: --report ${flags.report.replace(/[\\/]+$/, '')}/kiem-tra.json`,
          2,
        );
      }
      const run = await runCheck({
        into: flags.into,
        report: flags.report,
        dryRun: flags.dryRun,
        year,
        level: flags.level as CouncilLevel | undefined,
        quotaRounding: flags.roundUp ? 'half_up' : 'floor',
      });
      console.log(formatCheckSummary(run));
      process.exitCode = run.findings.some((f) => f.severity === 'error') ? 1 : 0;
    });
}
