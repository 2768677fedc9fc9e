/**
 * `npx tdkt decision --into <master.xlsx> --number <số> --date <dd/mm/yyyy> --signer <người ký>
 *   [--award <tên>] [--year N] [--issuer …] --out <list.xlsx>`:
 * the nominations the council passed ("Đạt") become the decision's attached
 * list and rows of the award history. The work is done in
 * src/node/decision-export.ts. Running it twice adds no history row twice.
 *
 * Exit code: 0 on success, 1 when nothing can be decided, 2 for a usage error.
 */
import type { Command } from 'commander';
import { UserError } from '../../src/node/errors';

interface DecisionFlags {
  into?: string;
  number?: string;
  date?: string;
  signer?: string;
  award?: string;
  year?: string;
  issuer?: string;
  level?: string;
  out?: string;
  dryRun?: boolean;
}

const EXAMPLE =
  'npx tdkt decision --into master.xlsx --number 123 --date 15/01/2023 --signer "Nguyễn Văn A" --out ds-khen-thuong.xlsx';

export function register(program: Command): void {
  program
    .command('decision')
    .description(
      'Lập danh sách kèm theo Quyết định khen thưởng từ các đề nghị đã được Hội đồng xét «Đạt» và ghi vào lịch sử khen thưởng ' +
        '(chạy lại không ghi trùng).',
    )
    .option('--into <master.xlsx>', 'bảng tính chính')
    .option('--number <số>', 'số Quyết định, ví dụ 123 hoặc 123/QĐ-UBND')
    .option('--date <dd/mm/yyyy>', 'ngày ký Quyết định')
    .option('--signer <người ký>', 'họ tên người ký Quyết định')
    .option('--award <tên>', 'chỉ lập cho một danh hiệu, hình thức (ví dụ: "Lao động tiên tiến")')
    .option('--year <năm>', 'năm thành tích (bắt buộc khi các đề nghị «Đạt» thuộc nhiều năm)')
    .option('--issuer <cấp>', 'người có thẩm quyền, ví dụ "Chủ tịch Ủy ban nhân dân huyện Hồng Ngự"')
    .option('--level <cấp>', 'cấp quyết định: province, district hoặc commune (mặc định: theo trang «Cài đặt»)')
    .option('--out <list.xlsx>', 'tệp danh sách kèm theo Quyết định cần tạo')
    .option('--dry-run', 'chạy thử: không ghi tệp danh sách, không ghi bảng tính chính')
    .action(async (flags: DecisionFlags) => {
      const missing = (['into', 'number', 'date', 'signer', 'out'] as const).filter((k) => !flags[k]);
      if (missing.length) {
        throw new UserError(`Thiếu ${missing.map((k) => `--${k}`).join(', ')}. Ví dụ: ${EXAMPLE}`, 2);
      }
      const year = flags.year === undefined ? undefined : Number(flags.year);
      if (year !== undefined && !(Number.isInteger(year) && year > 1900 && year < 3000)) {
        throw new UserError(`Năm «${flags.year}» không hợp lệ.`, 2);
      }
      const { formatDecisionSummary, runDecision } = await import('../../src/node/decision-export');
      const run = await runDecision({
        into: flags.into as string,
        number: flags.number as string,
        date: flags.date as string,
        signer: flags.signer as string,
        out: flags.out as string,
        award: flags.award,
        year,
        issuer: flags.issuer,
        level: flags.level,
        dryRun: flags.dryRun,
      });
      console.log(formatDecisionSummary(run, flags.dryRun));
    });
}
