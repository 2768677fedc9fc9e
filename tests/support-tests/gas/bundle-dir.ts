/** Writes small Apps Script projects into temporary directories and loads them. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GasRuntime, LoadOptions, loadBundle } from '../../support/gas';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A project directory with these files (appsscript.json defaults to Asia/Ho_Chi_Minh, V8). */
export function projectDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gas-test-'));
  dirs.push(dir);
  const all = { 'appsscript.json': JSON.stringify({ timeZone: 'Asia/Ho_Chi_Minh', runtimeVersion: 'V8' }), ...files };
  for (const [name, content] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** Loads a project made of one Code.js (a string) or of several files. */
export function load(files: string | Record<string, string>, options?: LoadOptions): GasRuntime {
  return loadBundle(projectDir(typeof files === 'string' ? { 'Code.js': files } : files), options);
}

/** Runs `body` as the body of a global function in a fresh project and returns its result. */
export function run(body: string, options?: LoadOptions): { result: unknown; gas: GasRuntime } {
  const gas = load(`function test() {\n${body}\n}`, options);
  return { result: gas.call('test'), gas };
}
