/**
 * Commander speaks English; our users read Vietnamese. This puts its help
 * titles, usage words and error messages into Vietnamese for the program and
 * (through inherited settings) every subcommand.
 */
import { Help, type Command } from 'commander';

const TITLES: Record<string, string> = {
  'Usage:': 'Cách dùng:',
  'Arguments:': 'Tham số:',
  'Options:': 'Tùy chọn:',
  'Global Options:': 'Tùy chọn chung:',
  'Commands:': 'Lệnh:',
};

const ERRORS: Array<[RegExp, string]> = [
  [/^error: unknown option '(.+)'.*$/m, "tùy chọn không hợp lệ '$1'"],
  [/^error: unknown command '(.+)'.*$/m, "không có lệnh '$1'"],
  [/^error: missing required argument '(.+)'.*$/m, "thiếu tham số bắt buộc '$1'"],
  [/^error: option '(.+)' argument missing.*$/m, "thiếu giá trị cho tùy chọn '$1'"],
  [/^error: required option '(.+)' not specified.*$/m, "chưa có tùy chọn bắt buộc '$1'"],
  [/^error: too many arguments.*$/m, 'thừa tham số'],
];

export function translateError(text: string): string {
  for (const [pattern, vi] of ERRORS) {
    if (pattern.test(text)) return `Lỗi: ${text.replace(pattern, vi).trim()}\n`;
  }
  return text.replace(/^error: /, 'Lỗi: ');
}

export function useVietnamese(program: Command): Command {
  return program
    .helpOption('-h, --help', 'Hiện hướng dẫn')
    .helpCommand('help [lệnh]', 'Hướng dẫn cho một lệnh')
    .configureHelp({
      styleTitle: (title: string) => TITLES[title] ?? title,
      commandUsage: (cmd: Command) =>
        Help.prototype.commandUsage
          .call(new Help(), cmd)
          .replace('[options]', '[tùy chọn]')
          .replace('[command]', '[lệnh]'),
      subcommandTerm: (cmd: Command) =>
        Help.prototype.subcommandTerm.call(new Help(), cmd).replace('[options]', '[tùy chọn]'),
      optionDescription: (option) =>
        Help.prototype.optionDescription.call(new Help(), option).replace(/\(default: /, '(mặc định: '),
      argumentDescription: (argument) =>
        Help.prototype.argumentDescription.call(new Help(), argument).replace(/\(default: /, '(mặc định: '),
    })
    .configureOutput({ outputError: (text, write) => write(translateError(text)) })
    .showHelpAfterError('(Gõ "npx tdkt --help" để xem hướng dẫn.)');
}
