/**
 * bin/register-fast.js, the TypeScript loader of `npx tdkt` and of the
 * import's workers: esbuild transpiling with the output cached by path and
 * content (an edited file is transpiled again), ts-node when asked
 * (TDKT_TS_LOADER=ts-node), and no cache when TDKT_TS_CACHE=0.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');
const REGISTER = path.join(ROOT, 'bin', 'register-fast.js');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'tdkt-ts');

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-register-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function node(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

const cached = (): string[] => (fs.existsSync(CACHE) ? fs.readdirSync(CACHE) : []);

test('runs TypeScript, caches the output by content, and transpiles an edited file again', () => {
  const file = path.join(dir, 'hello.ts');
  const stamp = `${process.pid}-${Date.now()}`;
  const source = (greeting: string): string =>
    `enum Tone { Old = 'hoà', New = 'hòa' }\n` +
    `const who: string = ${JSON.stringify(stamp)};\n` +
    `export function hello(): string { return \`${greeting} \${Tone.New} \${who}\`; }\n` +
    `console.log(hello());\n`;
  /** Cache entries of this test's file (its output holds the stamp). */
  const mine = (): string[] =>
    cached().filter((name) => fs.readFileSync(path.join(CACHE, name), 'utf8').includes(stamp));
  try {
    fs.writeFileSync(file, source('xin chào'));
    const first = node(['-r', REGISTER, file]);
    expect(first).toMatchObject({ code: 0, stdout: `xin chào hòa ${stamp}\n` });
    const entries = mine();
    expect(entries).toHaveLength(1);
    const again = node(['-r', REGISTER, file]);
    expect(again.stdout).toBe(first.stdout);
    expect(mine()).toEqual(entries); // read from the cache
    fs.writeFileSync(file, source('tạm biệt'));
    expect(node(['-r', REGISTER, file]).stdout).toBe(`tạm biệt hòa ${stamp}\n`);
    expect(mine()).toHaveLength(2);
    expect(node(['-r', REGISTER, file], { TDKT_TS_CACHE: '0' }).stdout).toBe(`tạm biệt hòa ${stamp}\n`);
  } finally {
    // Leave the cache as it was.
    for (const name of mine()) fs.rmSync(path.join(CACHE, name), { force: true });
  }
});

test('npx tdkt starts with either loader', () => {
  for (const env of [{}, { TDKT_TS_LOADER: 'ts-node' }] as Array<Record<string, string>>) {
    const res = node([path.join(ROOT, 'bin', 'tdkt.js'), '--help'], env);
    expect({ env, code: res.code, stderr: res.stderr }).toEqual({ env, code: 0, stderr: '' });
    expect(res.stdout).toContain('import');
  }
});

test('loads a TypeScript module through import(), as the lazily loaded commands do', () => {
  const lazy = path.join(dir, 'lazy.ts');
  const main = path.join(dir, 'main.ts');
  fs.writeFileSync(lazy, `export const word: string = 'nạp sau';\n`);
  fs.writeFileSync(main, `void import('./lazy').then((m) => console.log(m.word));\n`);
  for (const env of [{ TDKT_TS_CACHE: '0' }, { TDKT_TS_LOADER: 'ts-node' }] as Array<Record<string, string>>) {
    const res = node(['-r', REGISTER, main], env);
    expect({ env, code: res.code, stdout: res.stdout, stderr: res.stderr }).toEqual({
      env,
      code: 0,
      stdout: 'nạp sau\n',
      stderr: '',
    });
  }
});
