'use strict';
/* eslint-disable @typescript-eslint/no-require-imports */
// Entry of a worker thread of the parse pool (parse-pool.ts). A worker starts
// with a fresh module system, so when the sources are TypeScript it must be
// taught to load .ts files before it loads the worker module:
// - 'ts-node': register ts-node exactly as the CLI does (bin/register-ts.js,
//   transpile only). Start-up ≈ 2–3 s per worker: loading TypeScript and
//   transpiling the reader's ~30 modules one by one.
// - 'auto' (default): the same transpile-only semantics with esbuild (already
//   the project's bundler; tsconfig has isolatedModules, so per-file
//   transpiling is safe) when it is installed — start-up ≈ 0.7 s — else ts-node.
// Workers are reused from file to file, so this is paid once per worker.
const fs = require('fs');
const path = require('path');
const { workerData } = require('worker_threads');

function registerTsNode() {
  require(path.join(__dirname, '..', '..', '..', 'bin', 'register-ts.js'));
}

function registerEsbuild() {
  let esbuild;
  try {
    esbuild = require('esbuild');
  } catch {
    return false;
  }
  require.extensions['.ts'] = (module, filename) => {
    const source = fs.readFileSync(filename, 'utf8');
    const { code } = esbuild.transformSync(source, {
      loader: 'ts',
      format: 'cjs',
      target: 'node20',
      sourcefile: filename,
      sourcemap: 'inline',
    });
    module._compile(code, filename);
  };
  return true;
}

let target;
try {
  target = require.resolve('./worker-thread'); // compiled JavaScript, or .ts already registered
} catch {
  const loader = (workerData && workerData.loader) || 'auto';
  if (loader === 'ts-node' || !registerEsbuild()) registerTsNode();
  target = require.resolve('./worker-thread');
}
require(target);
