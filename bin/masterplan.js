#!/usr/bin/env node
// Entry point: the bundled CLI (built by `npm install` / `npm run build` into dist/cli.js).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('masterplan: dist/cli.js is missing; run `npm run build` in the masterplan package first\n');
  process.exit(2);
}
await import(cli);
