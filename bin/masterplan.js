#!/usr/bin/env node
// Entry point: the bundled CLI (built by `npm install` / `npm run build` into dist/cli.cjs),
// run with a code cache of its compiled code (bin/run-bundle.js).
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import { runBundle } from './run-bundle.js';

// Node 22.1+ keeps the compiled code of what it loads itself (pdfkit and the other packages the
// bundle requires) in its compile cache (in the system's temp folder; NODE_DISABLE_COMPILE_CACHE=1
// turns it off, and the bundle's code cache too). Node 20 has no such cache.
module.enableCompileCache?.();

const cli = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('masterplan: dist/cli.cjs is missing; run `npm run build` in the masterplan package first\n');
  process.exit(2);
}
runBundle(cli);
