// What js-yaml read from each worksheet, kept between runs of the bundled CLI: reading the
// example's 95 KB of YAML takes js-yaml 17–35 ms in a run that has not warmed up (a sixth of a
// `validate`), JSON.parse of the same data well under one.
//
// Keyed by the SHA-256 of the YAML text itself (not by file name or modification time), so a
// changed file is always read again, and by the bundle (bin/run-bundle.js hands over its cache
// folder and the bundle's hash: another build of masterplan, another js-yaml, starts afresh).
// Only what js-yaml read without trouble is kept, and only data that JSON gives back the same
// (no NaN, no infinities, no -0, no shared nodes); a file with a problem always goes the full
// way. One file per masterplan folder, holding what its last run read, written (atomically)
// only when that changed; the files of the 32 folders written last are kept. Only in the bundled CLI: the sources (tests) and the single
// executable run without it, and so does everything when the cache folder is unusable.

import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createHash } from '../digest.js';

/** How many masterplan folders keep their file (the ones written last); others are removed. */
export const KEPT_FOLDERS = 32;

/** Set by bin/run-bundle.js before the bundle runs: its cache folder and the bundle's key. */
const HANDOVER = Symbol.for('masterplan.cache');

interface Handover {
  dir: string;
  bundle: string;
}

function handover(): Handover | undefined {
  const h = (globalThis as Record<symbol, unknown>)[HANDOVER];
  if (h === null || typeof h !== 'object') return undefined;
  const { dir, bundle } = h as Partial<Handover>;
  return typeof dir === 'string' && typeof bundle === 'string' ? { dir, bundle } : undefined;
}

export class ParseCache {
  private readonly used = new Map<string, string>();
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly known: Map<string, string>,
  ) {}

  /** The cache of the masterplan at `root`, or undefined when there is none to use. */
  static open(root: string): ParseCache | undefined {
    const h = handover();
    if (!h) return undefined;
    const file = join(h.dir, `${h.bundle}-data-${createHash('sha256').update(root).digest('hex').slice(0, 16)}.json`);
    const known = new Map<string, string>();
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      if (saved && typeof saved === 'object' && !Array.isArray(saved)) {
        for (const [k, v] of Object.entries(saved)) if (/^[0-9a-f]{64}$/.test(k) && typeof v === 'string') known.set(k, v);
      }
    } catch {
      // none yet, or damaged: made again at the end of this run
    }
    return new ParseCache(file, known);
  }

  /** What js-yaml read from this text before, as a fresh copy; `found: false` when unknown. */
  get(yaml: string): { found: true; data: unknown; key: string } | { found: false; key: string } {
    const key = createHash('sha256').update(yaml).digest('hex');
    const json = this.known.get(key);
    if (json === undefined) return { found: false, key };
    try {
      const data = JSON.parse(json) as unknown;
      this.used.set(key, json);
      return { found: true, data, key };
    } catch {
      return { found: false, key };
    }
  }

  /** Keeps what js-yaml read from the text with this key, when JSON gives it back the same. */
  put(key: string, data: unknown): void {
    if (!jsonSafe(data)) return;
    this.used.set(key, JSON.stringify(data));
    this.changed = true;
  }

  /** Writes what this run read, if that differs from what was there. Never fails. */
  save(): void {
    if (!this.changed && this.used.size === this.known.size) return;
    const tmp = `${this.file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(join(this.file, '..'), { recursive: true, mode: 0o700 });
      writeFileSync(tmp, JSON.stringify(Object.fromEntries([...this.used].sort(([a], [b]) => (a < b ? -1 : 1)))), { mode: 0o600 });
      renameSync(tmp, this.file);
    } catch {
      // an unwritable folder: the next run reads the files again
      return;
    }
    removeOldest(dirname(this.file), basename(this.file).replace(/-data-.*$/, '-data-'));
  }
}

/** Removes the files of all but the KEPT_FOLDERS masterplan folders written last (test runs make many). */
function removeOldest(dir: string, prefix: string): void {
  try {
    const files = readdirSync(dir)
      .filter((f) => f.startsWith(prefix) && /-data-[0-9a-f]{16}\.json$/.test(f))
      .map((f) => ({ path: join(dir, f), mtime: statSync(join(dir, f)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime);
    for (const f of files.slice(KEPT_FOLDERS)) unlinkSync(f.path);
  } catch {
    // removed by another run at the same time, or not ours to remove
  }
}

/** Whether JSON.stringify → JSON.parse gives this data back exactly (js-yaml's core schema). */
export function jsonSafe(data: unknown, depth = 0): boolean {
  if (depth > 1000) return false;
  if (data === null || typeof data === 'string' || typeof data === 'boolean') return true;
  if (typeof data === 'number') return Number.isFinite(data) && !Object.is(data, -0);
  if (Array.isArray(data)) return data.every((x) => jsonSafe(x, depth + 1));
  if (typeof data === 'object' && Object.getPrototypeOf(data) === Object.prototype) {
    return Object.values(data as Record<string, unknown>).every((x) => jsonSafe(x, depth + 1));
  }
  return false;
}
