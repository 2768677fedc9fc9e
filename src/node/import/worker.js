'use strict';
/* eslint-disable @typescript-eslint/no-require-imports */
// Entry of a worker thread of the parse pool (parse-pool.ts). A worker starts
// with a fresh module system, so when the sources are TypeScript it must be
// taught to load .ts files before it loads the worker module:
// - 'auto' (default): bin/register-fast.js, as the CLI: esbuild transpile-only
//   with the output cached in node_modules/.cache/tdkt-ts (start-up is then
//   mostly loading the reader's modules), or ts-node when esbuild is missing;
// - 'ts-node': ts-node exactly as the scripts do (bin/register-ts.js,
//   transpile only). Start-up ≈ 2–3 s per worker.
// Workers are reused from file to file, so this is paid once per worker.
const path = require('path');
const { workerData } = require('worker_threads');

const BIN = path.join(__dirname, '..', '..', '..', 'bin');

let target;
try {
  target = require.resolve('./worker-thread'); // compiled JavaScript, or .ts already registered
} catch {
  const loader = (workerData && workerData.loader) || 'auto';
  require(path.join(BIN, loader === 'ts-node' ? 'register-ts.js' : 'register-fast.js'));
  target = require.resolve('./worker-thread');
}
require(target);
