'use strict';
// Lets Node run the project's TypeScript directly (ts-node). Type checking is the
// job of `npm run lint` (tsc --noEmit); here we only transpile, which keeps the
// CLI's start-up fast.
const path = require('path');

require('ts-node').register({
  project: path.join(__dirname, '..', 'tsconfig.json'),
  transpileOnly: true,
  compilerOptions: { module: 'commonjs' },
});
