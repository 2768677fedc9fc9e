/**
 * LibreOffice for tests that need a real spreadsheet engine: open an .xlsx
 * (recalculating its formulas) and save it again as .xlsx. A private profile
 * per call, as src/node/import/xls.ts does. `soffice` is null where
 * LibreOffice is not installed (CI installs it): such tests skip.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { findSoffice } from '../../src/node/import/xls';

export const soffice = findSoffice();

/** Saves `source` again through LibreOffice into `workDir`/out and returns the new file's path. */
export function resaveWithLibreOffice(source: string, workDir: string): string {
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed');
  const out = path.join(workDir, 'out');
  fs.mkdirSync(out, { recursive: true });
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=${pathToFileURL(path.join(workDir, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      out,
      source,
    ],
    { env: { ...process.env, HOME: workDir }, timeout: 120_000, stdio: 'pipe' },
  );
  return path.join(out, path.basename(source, path.extname(source)) + '.xlsx');
}
