// Where a build may write. The output folder is replaced as a whole, so it must never be a
// folder that holds the masterplan itself, its worksheets, or files the build did not write.

import { existsSync, lstatSync, readdirSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export type OutProblem =
  | { problem: 'is-root' }
  | { problem: 'contains-root' }
  | { problem: 'inside-pokja' }
  | { problem: 'not-directory' }
  | { problem: 'foreign'; name: string };

/** Top-level names a build writes; anything else in an existing OUT is someone else's. */
const OWN_FILE = /^(index|masterplan|ringkasan|buku-[1-9])\.(html|pdf)$/;
const OWN_DIRS = new Set(['assets']);

export function checkOutDir(out: string, root: string): OutProblem | undefined {
  const realOut = realish(out);
  const realRoot = realish(root);
  if (realOut === realRoot) return { problem: 'is-root' };
  if (inside(realRoot, realOut)) return { problem: 'contains-root' };
  const pokja = join(realRoot, 'pokja');
  if (realOut === pokja || inside(realOut, pokja)) return { problem: 'inside-pokja' };
  if (!existsSync(out)) return undefined;
  if (!lstatSync(out).isDirectory()) return { problem: 'not-directory' };
  for (const entry of readdirSync(out, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const own = entry.isDirectory() ? OWN_DIRS.has(entry.name) : entry.isFile() && OWN_FILE.test(entry.name);
    if (!own) return { problem: 'foreign', name: entry.name };
  }
  return undefined;
}

/** `child` is strictly inside `parent`. */
function inside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel !== '' && rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel);
}

/** The real path of `p`, or of its nearest existing ancestor joined with the rest. */
function realish(p: string): string {
  const abs = resolve(p);
  if (existsSync(abs)) return realpathSync(abs);
  const parent = dirname(abs);
  return parent === abs ? abs : join(realish(parent), basename(abs));
}
