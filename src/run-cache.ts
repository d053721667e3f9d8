// The folder of the caches kept between runs of the bundled CLI, and how their files are
// written. bin/run-bundle.js hands over the folder and the bundle's key before the bundle runs
// (never in the tests of the sources or in the single executable: they run without caches).
// Every cache file's name starts with the bundle's key, so that another build of masterplan
// starts afresh; bin/run-bundle.js removes the files of other builds (CACHE_NAME there).
//   - load/parse-cache.ts: what js-yaml read, per masterplan folder;
//   - markdown/tree-cache.ts: the Markdown trees of a masterplan folder's texts;
//   - publish/word-cache.ts: the shaping of the words drawn with each font face, its subsets.

import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Set by bin/run-bundle.js before the bundle runs: its cache folder and the bundle's key. */
const HANDOVER = Symbol.for('masterplan.cache');

export interface CacheFolder {
  dir: string;
  /** `masterplan-<hash>`: the start of every cache file's name of this bundle. */
  bundle: string;
}

export function cacheFolder(): CacheFolder | undefined {
  const h = (globalThis as Record<symbol, unknown>)[HANDOVER];
  if (h === null || typeof h !== 'object') return undefined;
  const { dir, bundle } = h as Partial<CacheFolder>;
  return typeof dir === 'string' && typeof bundle === 'string' ? { dir, bundle } : undefined;
}

/** A cache file's JSON, or undefined when there is none yet or it is damaged. */
export function readCacheJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Writes a cache file atomically (a temporary file renamed over it); false when it could not. */
export function writeCacheFile(file: string, text: string): boolean {
  const tmp = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
    writeFileSync(tmp, text, { mode: 0o600 });
    renameSync(tmp, file);
    return true;
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
    return false;
  }
}

/**
 * Keeps the `kept` files written last among those named `<prefix><16 hex digits>.json` (one per
 * masterplan folder: test runs make many), and removes the others.
 */
export function removeOldest(dir: string, prefix: string, kept: number): void {
  try {
    const files = readdirSync(dir)
      .filter((f) => f.startsWith(prefix) && /^[0-9a-f]{16}\.json$/.test(f.slice(prefix.length)))
      .map((f) => ({ path: join(dir, f), mtime: statSync(join(dir, f)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime);
    for (const f of files.slice(kept)) unlinkSync(f.path);
  } catch {
    // removed by another run at the same time, or not ours to remove
  }
}
