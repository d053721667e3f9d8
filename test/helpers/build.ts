// Building books from tests: run `masterplan build` in-process into a temp folder, and read a
// whole output folder back as bytes (to compare builds, or to prove one left it untouched).

import { cpSync, existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { REPO_ROOT, runCli, type CliResult } from './cli.js';

export const EXAMPLE = join(REPO_ROOT, 'examples', 'banggai');

/** What a build of the example leaves in it (README's first command): dist/, its versions, its lock. */
const BUILD_OUTPUT = /^(dist|\.dist\.[^/]*)(\/|$)/;

/** The example's sources copied to `to`, without what a build of it left there. */
export function copyExample(to: string): void {
  cpSync(EXAMPLE, to, { recursive: true, filter: (src) => !BUILD_OUTPUT.test(relative(EXAMPLE, src).split(sep).join('/')) });
}
/** 2024-03-01T12:00:00Z: a fixed build date for reproducible output. */
export const EPOCH = '1709294400';

export async function build(root: string, out: string, args: string[] = [], env: Record<string, string> = {}): Promise<CliResult> {
  return runCli(['build', root, '--out', out, '--format', 'html', ...args], {
    cwd: REPO_ROOT,
    env: { SOURCE_DATE_EPOCH: EPOCH, ...env },
  });
}

/**
 * Every file under `dir` (relative path → bytes), sorted; empty when `dir` does not exist. `dir`
 * itself may be a link (as OUT is); a link inside it is recorded as `-> target`, not followed.
 */
export function readTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (!existsSync(dir)) return out;
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.isSymbolicLink()) out.set(path, Buffer.from(`-> ${readlinkSync(join(dir, path))}`));
      else out.set(path, readFileSync(join(dir, path)));
    }
  };
  walk('');
  return out;
}

export const BOOK_FILES = ['buku-1.html', 'buku-2.html', 'buku-3.html', 'buku-4.html', 'masterplan.html', 'ringkasan.html'];
