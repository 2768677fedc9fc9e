import { tdkt } from './run-cli';

describe('tdkt --help', () => {
  it('prints Vietnamese help listing every command', () => {
    const { code, stdout } = tdkt(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Cách dùng: tdkt [tùy chọn] [lệnh]');
    for (const command of ['init', 'plan', 'import', 'convert'])
      expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(stdout).not.toMatch(/Usage:|Options:|Commands:|display help/);
  });

  it('answers a wrong option in Vietnamese with exit code 2', () => {
    const { code, stderr } = tdkt(['plan', 'parse', 'x.txt', '--bogus']);
    expect(code).toBe(2);
    expect(stderr).toContain("Lỗi: tùy chọn không hợp lệ '--bogus'");
  });
});
