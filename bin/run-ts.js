#!/usr/bin/env node
'use strict';
// `node bin/run-ts.js scripts/x.ts [args…]`: run one TypeScript script through ts-node.
const path = require('path');
require('./register-ts');
const script = process.argv[2];
if (!script) {
  console.error('Cách dùng: node bin/run-ts.js <tệp .ts> [tham số…]');
  process.exit(2);
}
process.argv.splice(1, 2, path.resolve(script));
require(path.resolve(script));
