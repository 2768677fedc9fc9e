import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { hostError } from './boundary';

/** A pushed Apps Script project read from disk (e.g. `dist/`). */
export interface Bundle {
  dir: string;
  /** .js/.gs files in push order, relative to `dir`. */
  scriptFiles: string[];
  /** Compiled once, run in a fresh context for every execution. */
  scripts: vm.Script[];
  /** .html files by name without extension, e.g. 'Sidebar' or 'ui/Dialog'. */
  html: Map<string, string>;
  manifest: { timeZone?: string; [key: string]: unknown } | undefined;
}

function walk(dir: string, prefix = ''): string[] {
  return fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return entry.name.startsWith('.') || entry.name === 'node_modules' ? [] : walk(dir, rel);
    return entry.isFile() ? [rel] : [];
  });
}

/** The nearest .clasp.json at or above `dir`. */
function findClaspJson(dir: string): { dir: string; filePushOrder: string[] } | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const file = path.join(d, '.clasp.json');
    if (fs.existsSync(file)) {
      const config = JSON.parse(fs.readFileSync(file, 'utf8')) as { filePushOrder?: string[] };
      return { dir: d, filePushOrder: config.filePushOrder ?? [] };
    }
    if (path.dirname(d) === d) return undefined;
  }
}

/**
 * Orders files like `clasp push`: files named in the push order first, in that order, then the others
 * alphabetically. The order is `explicit` (paths relative to `dir` or absolute) or else the `filePushOrder` of the
 * nearest .clasp.json (paths relative to that file's directory, as clasp resolves them from the project root).
 */
export function pushOrder(files: string[], dir: string, explicit?: string[]): string[] {
  const clasp = explicit ? undefined : findClaspJson(dir);
  const order = explicit
    ? explicit.map((p) => path.resolve(dir, p))
    : (clasp?.filePushOrder ?? []).map((p) => path.resolve(clasp?.dir ?? dir, p));
  const rank = (file: string): number => order.indexOf(path.resolve(dir, file));
  return [...files].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    if (ra < 0 && rb < 0) return a.localeCompare(b);
    if (ra < 0 || rb < 0) return ra < 0 ? 1 : -1;
    return ra - rb;
  });
}

export function readBundle(dir: string, explicitOrder?: string[]): Bundle {
  const files = walk(dir);
  const scriptFiles = pushOrder(
    files.filter((f) => /\.(js|gs)$/.test(f)),
    dir,
    explicitOrder,
  );
  const html = new Map(
    files.filter((f) => f.endsWith('.html')).map((f) => [f.slice(0, -5), fs.readFileSync(path.join(dir, f), 'utf8')]),
  );
  const manifestFile = path.join(dir, 'appsscript.json');
  const manifest = fs.existsSync(manifestFile)
    ? (JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Bundle['manifest'])
    : undefined;
  const scripts = scriptFiles.map((f) => {
    try {
      return new vm.Script(fs.readFileSync(path.join(dir, f), 'utf8'), { filename: path.join(dir, f) });
    } catch (error) {
      throw hostError(error); // a SyntaxError the test can recognise, with the file and line in its stack
    }
  });
  return { dir, scriptFiles, scripts, html, manifest };
}
