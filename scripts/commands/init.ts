/** `npx tdkt init <master.xlsx> [--plan …] [--units …] [--year N] [--force]`. */
import type { Command } from 'commander';
import { UserError } from '../../src/node/errors';

export function register(program: Command): void {
  program
    .command('init')
    .description(
      'Tạo bảng tính chính (.xlsx) với đủ các trang như Google Trang tính của Hội đồng, nạp kế hoạch và danh sách đơn vị.',
    )
    .argument('<master.xlsx>', 'tệp bảng tính chính cần tạo')
    .option('--plan <tệp>', 'văn bản kế hoạch (.txt, .docx) để nạp các nội dung công việc')
    .option(
      '--units <units.csv>',
      'danh sách đơn vị (CSV: name,kind,cluster,aliases); mặc định dùng danh sách mẫu có sẵn',
    )
    .option('--year <năm>', 'năm theo dõi (mặc định: năm ghi trong kế hoạch)')
    .option('-f, --force', 'tạo lại khi tệp đã có (bản cũ được sao lưu thành <tệp>.bak-<thời điểm>)')
    .action(async (file: string, flags: { plan?: string; units?: string; year?: string; force?: boolean }) => {
      const year = flags.year === undefined ? undefined : Number(flags.year);
      if (year !== undefined && !(Number.isInteger(year) && year > 1900 && year < 3000)) {
        throw new UserError(`Năm «${flags.year}» không hợp lệ.`, 2);
      }
      const { initMaster } = await import('../../src/node/init-master');
      const summary = await initMaster(file, { plan: flags.plan, units: flags.units, year, force: flags.force });
      if (summary.backup) console.log(`Đã sao lưu bảng tính cũ vào «${summary.backup}».`);
      console.log(`Đã tạo bảng tính chính «${summary.file}».`);
      console.log(`  • Đơn vị: ${summary.units} (từ ${summary.unitsSource})`);
      if (summary.plan) {
        console.log(`  • Kế hoạch năm ${summary.year}: ${summary.plan.items.length} nội dung công việc`);
        for (const w of summary.plan.warnings) console.log(`    – ${w.message}`);
      }
      for (const issue of summary.unitIssues) console.log(`  • Lưu ý về danh sách đơn vị: ${issue}`);
    });
}
