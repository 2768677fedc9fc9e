/**
 * The built add-in (`npm run build` → .clasp.json rootDir), loaded as clasp
 * would push it into the offline Apps Script runtime. `npm test` builds first
 * (pretest), so tests always exercise the shipped bundle.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadBundle } from './gas';

export const ROOT = path.resolve(__dirname, '../..');

export function distDir(): string {
  const clasp = JSON.parse(fs.readFileSync(path.join(ROOT, '.clasp.json'), 'utf8')) as { rootDir: string };
  const dir = path.resolve(ROOT, clasp.rootDir);
  if (!fs.existsSync(path.join(dir, 'Code.js'))) {
    throw new Error(`${dir}/Code.js is missing: run "npm run build" (npm test does it first).`);
  }
  return dir;
}

export function loadAddin(options: Parameters<typeof loadBundle>[1] = {}): ReturnType<typeof loadBundle> {
  return loadBundle(distDir(), options);
}
