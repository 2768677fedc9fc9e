'use strict';
// Lets Node run the project's TypeScript directly, fast: each .ts file is
// transpiled on its own by esbuild (already the project's bundler; tsconfig
// has isolatedModules, so per-file transpiling is safe; transpile only, as
// bin/register-ts.js: type checking is `npm run lint`'s job), and the output
// is kept in node_modules/.cache/tdkt-ts/, keyed by the file's path and
// content, so a later start compiles nothing. Used by bin/tdkt.js and the
// import's worker threads; scripts keep ts-node (bin/run-ts.js).
//
// Without esbuild installed it falls back to ts-node (bin/register-ts.js).
// TDKT_TS_LOADER=ts-node forces ts-node; TDKT_TS_CACHE=0 turns the cache off.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
// import() becomes require(), as tsc makes it for CommonJS: Node's own import()
// would go to the ES module loader, which cannot load a .ts file by its bare path.
const OPTIONS = {
  loader: 'ts',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  supported: { 'dynamic-import': false },
};

function cacheDir() {
  if (process.env.TDKT_TS_CACHE === '0') return null;
  const dir = path.join(ROOT, 'node_modules', '.cache', 'tdkt-ts');
  try {
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  } catch {
    return null; // read-only install: transpile every time
  }
}

function registerEsbuild() {
  let version;
  try {
    version = require('esbuild/package.json').version;
  } catch {
    return false;
  }
  let esbuild = null; // loaded on the first cache miss only
  const dir = cacheDir();
  const salt = `${version}|${JSON.stringify(OPTIONS)}|`;
  require.extensions['.ts'] = (module, filename) => {
    const source = fs.readFileSync(filename, 'utf8');
    const key =
      dir &&
      crypto
        .createHash('sha1')
        .update(salt + filename + '\0' + source)
        .digest('hex');
    const cached = key && path.join(dir, `${key}.js`);
    let code = null;
    if (cached) {
      try {
        code = fs.readFileSync(cached, 'utf8');
      } catch {
        code = null;
      }
    }
    if (code === null) {
      esbuild = esbuild || require('esbuild');
      code = esbuild.transformSync(source, { ...OPTIONS, sourcefile: filename }).code;
      if (cached) {
        // Written beside, then renamed: a worker starting at the same time never reads half a file.
        const temp = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        try {
          fs.writeFileSync(temp, code);
          fs.renameSync(temp, cached);
        } catch {
          fs.rmSync(temp, { force: true });
        }
      }
    }
    module._compile(code, filename);
  };
  return true;
}

function register() {
  if (require.extensions['.ts']) return; // already registered (ts-node, jest…)
  if (process.env.TDKT_TS_LOADER === 'ts-node' || !registerEsbuild()) require('./register-ts');
}

register();
module.exports = { register };
