/**
 * `npx tdkt …`: the command-line entry. Thin: it parses arguments and hands
 * over to src/node. Every command lives in its own file under commands/.
 */
import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands';
import { useVietnamese } from './cli-vi';
import { UserError } from '../src/node/errors';

const program = new Command();
program
  .name('tdkt')
  .description(
    'Công cụ của Hội đồng Thi đua – Khen thưởng: nhập, đối chiếu báo cáo Excel của các đơn vị và quản lý bảng tính chính.',
  )
  .exitOverride();
useVietnamese(program);

registerCommands(program);

async function main(): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage mistakes with 2.
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    if (err instanceof UserError) {
      console.error(`Lỗi: ${err.message}`);
      process.exitCode = err.exitCode;
      return;
    }
    console.error('Lỗi không mong đợi:', err);
    process.exitCode = 1;
  }
}

void main();
