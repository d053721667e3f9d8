// Writes a build's files all at once: into a fresh folder next to OUT, which then takes OUT's
// place by rename. A build that fails half-way leaves the previous output exactly as it was.

import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';

export interface OutputFiles {
  /** Relative path (`/` separators) → content. */
  write: Map<string, string | Uint8Array>;
  /** Relative path → absolute source file to copy (images). */
  copy: Map<string, string>;
}

export function writeOutput(out: string, files: OutputFiles): void {
  const parent = dirname(out);
  mkdirSync(parent, { recursive: true });
  // Named by process id (not mkdtemp: that folder would keep mode 0700 once it becomes OUT).
  const stage = join(parent, `.${basename(out)}.new-${process.pid}`);
  rmSync(stage, { recursive: true, force: true });
  rmSync(`${stage}.old`, { recursive: true, force: true });
  mkdirSync(stage);
  try {
    for (const [rel, data] of files.write) writeFileSync(place(stage, rel), data);
    for (const [rel, from] of files.copy) copyFileSync(from, place(stage, rel));
  } catch (e) {
    rmSync(stage, { recursive: true, force: true });
    throw e;
  }
  swap(stage, out);
}

/** Moves `stage` to `out`; the old `out` is moved aside first and put back if that fails. */
function swap(stage: string, out: string): void {
  let old: string | undefined;
  try {
    if (existsSync(out)) {
      old = `${stage}.old`;
      renameSync(out, old);
    }
    renameSync(stage, out);
  } catch (e) {
    if (old !== undefined && !existsSync(out)) renameSync(old, out);
    rmSync(stage, { recursive: true, force: true });
    throw e;
  }
  if (old !== undefined) rmSync(old, { recursive: true, force: true });
}

/** The absolute path for a relative output path, its folder created; never outside `dir`. */
function place(dir: string, rel: string): string {
  const norm = posix.normalize(rel);
  if (norm.startsWith('../') || norm === '..' || posix.isAbsolute(norm)) throw new Error(`output path outside the output folder: ${rel}`);
  const abs = join(dir, ...norm.split('/'));
  mkdirSync(dirname(abs), { recursive: true });
  return abs;
}
