// The installed package's own folder (where templates/ lives), found by walking up from this
// module: src/render/html/ under vitest and tsx, dist/ in the bundled CLI.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readName(manifest) === 'masterplan') return (cached = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the masterplan package folder (package.json named "masterplan")');
    dir = parent;
  }
}

function readName(file: string): unknown {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name;
  } catch {
    return undefined;
  }
}
