/** `npx tdkt plan parse <file> [--json]`: a plan document read into trackable items. */
import type { Command } from 'commander';
import { UserError } from '../../src/node/errors';

export function register(program: Command): void {
  const plan = program.command('plan').description('Làm việc với kế hoạch hoạt động của Hội đồng.');
  plan
    .command('parse')
    .description('Đọc kế hoạch (.txt, .docx) và liệt kê các nội dung công việc cần theo dõi.')
    .argument('<tệp>', 'văn bản kế hoạch: .txt hoặc .docx')
    .option('--json', 'in ra mảng JSON các nội dung công việc')
    .option('--year <năm>', 'năm của kế hoạch, khi tiêu đề không ghi rõ')
    .action(async (file: string, flags: { json?: boolean; year?: string }) => {
      const year = flags.year === undefined ? undefined : Number(flags.year);
      if (year !== undefined && !(Number.isInteger(year) && year > 1900 && year < 3000)) {
        throw new UserError(`Năm «${flags.year}» không hợp lệ.`, 2);
      }
      // Loaded here, not at start-up: `tdkt --help` and the other commands do not need the plan reader.
      const { printPlan } = await import('./plan-output');
      await printPlan(file, year, flags.json === true);
    });
}
