#!/usr/bin/env node
// Entry point: the bundled CLI (built by `npm install` / `npm run build` into dist/cli.cjs),
// run with a code cache of its compiled code (bin/run-bundle.js).
//
// CommonJS (bin/package.json), not an ES module like the rest of the package: Node then starts
// without its ES module loader, a few milliseconds of every run.
'use strict';

const { existsSync } = require('node:fs');
const { join } = require('node:path');

// Node 22.1+ keeps the compiled code of what it loads itself (pdfkit and the other packages the
// bundle requires) in its compile cache (in the system's temp folder; NODE_DISABLE_COMPILE_CACHE=1
// turns it off, and the bundle's code cache too). Node 20 has no such cache.
require('node:module').enableCompileCache?.();

const cli = join(__dirname, '..', 'dist', 'cli.cjs');
if (!existsSync(cli)) {
  process.stderr.write('masterplan: dist/cli.cjs is missing; run `npm run build` in the masterplan package first\n');
  process.exit(2);
}
require('./run-bundle.js').runBundle(cli);
