/**
 * `npm run build`: bundles the add-in into the folder clasp pushes (.clasp.json
 * rootDir): one Code.js whose exports are top-level function declarations,
 * one self-contained .html file per page, and appsscript.json.
 */
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const GAS_ENTRY = path.join(ROOT, 'src/gas/index.ts');
const PAGES_DIR = path.join(ROOT, 'src/gas/ui/pages');
const BUNDLE_GLOBAL = '__tdkt';
/** Apps Script's V8 runs ES2019+ reliably; newer syntax is lowered. */
const TARGET = 'es2019';

/** Page folder name → HTML file name used by HtmlService (without .html). */
const PAGE_FILES: Record<string, string> = {
  progress: 'ProgressSidebar',
  'plan-load': 'PlanLoadDialog',
  link: 'LinkDialog',
  nomination: 'NominationSidebar',
  council: 'CouncilDialog',
  certificates: 'CertificatesDialog',
};

export function rootDir(): string {
  const clasp = JSON.parse(fs.readFileSync(path.join(ROOT, '.clasp.json'), 'utf8')) as { rootDir?: string };
  return path.resolve(ROOT, clasp.rootDir ?? 'dist');
}

/** The names index.ts exports: each becomes a global function. */
async function exportedNames(): Promise<string[]> {
  const result = await esbuild.build({
    entryPoints: [GAS_ENTRY],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    target: TARGET,
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0];
  return output.exports.slice().sort();
}

async function buildServer(outDir: string): Promise<string[]> {
  const names = await exportedNames();
  const wrappers = names
    .map((name) => `function ${name}() {\n  return ${BUNDLE_GLOBAL}.${name}.apply(this, arguments);\n}`)
    .join('\n');
  await esbuild.build({
    entryPoints: [GAS_ENTRY],
    bundle: true,
    format: 'iife',
    globalName: BUNDLE_GLOBAL,
    target: TARGET,
    platform: 'neutral',
    charset: 'utf8',
    legalComments: 'none',
    banner: { js: '// tdkt – built by `npm run build` from src/gas. Do not edit: changes are overwritten.' },
    footer: { js: `\n// Globals for menus, triggers and google.script.run.\n${wrappers}\n` },
    outfile: path.join(outDir, 'Code.js'),
    logLevel: 'warning',
  });
  return names;
}

/**
 * A page is page.html with its CSS and script inlined: HtmlService serves one
 * file. The bundled script must not contain scriptlet markers or a closing
 * script tag, or the template would break.
 */
async function buildPage(folder: string, outDir: string): Promise<string> {
  const dir = path.join(PAGES_DIR, folder);
  const script = await esbuild.build({
    entryPoints: [path.join(dir, 'main.ts')],
    bundle: true,
    format: 'iife',
    target: TARGET,
    platform: 'browser',
    charset: 'utf8',
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  let js = script.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  if (/<\?|\?>/.test(js)) {
    // Split the markers so HtmlService does not read them as scriptlets.
    js = js.replace(/<\?/g, '<"+"?').replace(/\?>/g, '?"+">');
    if (/<\?|\?>/.test(js)) throw new Error(`${folder}: script contains "<?" or "?>" outside strings`);
  }
  let html = fs.readFileSync(path.join(dir, 'page.html'), 'utf8');
  html = html.replace(/\/\* inline: (\S+) \*\//g, (_m, file: string) => {
    if (file === 'main.ts') return js;
    return fs.readFileSync(path.join(dir, file), 'utf8');
  });
  const name = PAGE_FILES[folder] ?? folder;
  fs.writeFileSync(path.join(outDir, `${name}.html`), html);
  return name;
}

export async function buildGas(outDir = rootDir()): Promise<{ outDir: string; globals: string[]; pages: string[] }> {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const globals = await buildServer(outDir);
  const pages: string[] = [];
  for (const folder of fs.readdirSync(PAGES_DIR).sort()) {
    if (fs.existsSync(path.join(PAGES_DIR, folder, 'page.html'))) pages.push(await buildPage(folder, outDir));
  }
  fs.copyFileSync(path.join(ROOT, 'appsscript.json'), path.join(outDir, 'appsscript.json'));
  return { outDir, globals, pages };
}

if (path.resolve(process.argv[1] ?? '') === __filename) {
  buildGas()
    .then(({ outDir, globals, pages }) => {
      console.log(
        `Đã đóng gói add-in vào ${path.relative(ROOT, outDir)}/: Code.js (${globals.length} hàm), ${pages.map((p) => p + '.html').join(', ')}, appsscript.json`,
      );
    })
    .catch((err: unknown) => {
      console.error('Đóng gói add-in thất bại:', err instanceof Error ? err.message : err);
      process.exitCode = 1;
    });
}
