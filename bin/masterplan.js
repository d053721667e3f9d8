#!/usr/bin/env node
// Entry point: the bundled CLI (built by `npm install` / `npm run build` into dist/cli.js).
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// Node 22.1+ keeps the compiled code of the bundle in its compile cache (in the system's temp
// folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off): about a tenth of a `validate` run's CPU
// time. Node 20 has no such cache and runs as before.
module.enableCompileCache?.();

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('masterplan: dist/cli.js is missing; run `npm run build` in the masterplan package first\n');
  process.exit(2);
}
await import(cli);
