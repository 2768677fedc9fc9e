/**
 * `npx tdkt convert [in] [out]`: TCVN3 / VNI → Unicode, for a workbook or, with
 * --text, for a piece of text. The work is done in src/node/convert.ts and
 * src/core/text; this file only reads the arguments.
 */
import type { Command } from 'commander';
import type { LegacyEncoding } from '../../src/core/text';
import { UserError } from '../../src/node/errors';

interface ConvertFlags {
  text?: string;
  encoding: string;
  font?: string;
  force?: boolean;
}

const ENCODINGS = ['auto', 'tcvn3', 'vni'];

export function register(program: Command): void {
  program
    .command('convert')
    .description(
      'Chuyển chữ mã TCVN3 (ABC, phông .VnTime…) và VNI (phông VNI-Times…) sang Unicode: cả một bảng tính .xlsx hoặc một đoạn chữ (--text).',
    )
    .argument('[in]', 'tệp .xlsx cần chuyển (tệp gốc không bị thay đổi)')
    .argument('[out]', 'tệp kết quả (mặc định: <tên tệp>_unicode.xlsx, cùng thư mục)')
    .option('--text <chữ>', 'chuyển một đoạn chữ và in kết quả, thay vì một tệp')
    .option('--encoding <mã>', 'bảng mã nguồn: tcvn3, vni, hoặc auto (nhận theo phông và nội dung từng ô)', 'auto')
    .option(
      '--font <phông>',
      'với tệp: phông Unicode cho các ô đang dùng phông cũ (mặc định: Times New Roman hoặc Arial theo phông cũ); ' +
        'với --text: phông của đoạn chữ (ví dụ .VnTimeH để in hoa)',
    )
    .option('-f, --force', 'ghi đè tệp kết quả nếu đã có')
    .action(async (input: string | undefined, output: string | undefined, flags: ConvertFlags) => {
      if (!ENCODINGS.includes(flags.encoding)) {
        throw new UserError(`Bảng mã "${flags.encoding}" không hợp lệ; vui lòng chọn tcvn3, vni hoặc auto.`, 2);
      }
      const encoding = flags.encoding as 'auto' | LegacyEncoding;
      if (flags.text !== undefined) {
        if (input !== undefined) {
          throw new UserError('Vui lòng dùng --text hoặc chỉ ra tệp cần chuyển, không dùng cả hai cùng lúc.', 2);
        }
        const { toUnicode } = await import('../../src/core/text');
        console.log(toUnicode(flags.text, { font: flags.font, encoding }));
        return;
      }
      if (input === undefined) {
        throw new UserError(
          'Vui lòng chỉ ra tệp .xlsx cần chuyển, hoặc dùng --text "<chữ>" để chuyển một đoạn chữ.',
          2,
        );
      }
      const { convertFile, formatReport } = await import('../../src/node/convert');
      const report = await convertFile(input, output, { encoding, font: flags.font, overwrite: flags.force });
      console.log(formatReport(report));
    });
}
