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

import { basename, dirname, join } from 'node:path';
import { createHash } from '../digest.js';
import { cacheFolder, readCacheJson, removeOldest, writeCacheFile } from '../run-cache.js';

/** How many masterplan folders keep their file (the ones written last); others are removed. */
export const KEPT_FOLDERS = 32;

export class ParseCache {
  private readonly used = new Map<string, string>();
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly known: Map<string, string>,
    private readonly kind: CacheKind,
  ) {}

  /**
   * The cache of the masterplan at `root`, or undefined when there is none to use. `kind`: what
   * js-yaml read (`data`), or the Markdown trees of the texts (`markdown`, markdown/parse.ts).
   */
  static open(root: string, kind: CacheKind = 'data'): ParseCache | undefined {
    const h = cacheFolder();
    if (!h) return undefined;
    const file = join(h.dir, `${h.bundle}-${kind}-${createHash('sha256').update(root).digest('hex').slice(0, 16)}.json`);
    const known = new Map<string, string>();
    // None yet, or damaged: made again at the end of this run.
    const saved = readCacheJson(file);
    if (saved && typeof saved === 'object' && !Array.isArray(saved)) {
      for (const [k, v] of Object.entries(saved)) if (/^[0-9a-f]{64}$/.test(k) && typeof v === 'string') known.set(k, v);
    }
    return new ParseCache(file, known, kind);
  }

  /** What was read from this text before, as a fresh copy; `found: false` when unknown. */
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

  /**
   * Keeps what was read from the text with this key, when JSON gives it back the same (a
   * Markdown tree's fields left undefined, its dropped positions, come back absent).
   */
  put(key: string, data: unknown): void {
    if (!jsonSafe(data, 0, this.kind === 'markdown')) return;
    this.used.set(key, JSON.stringify(data));
    this.changed = true;
  }

  /** The cache as a store of values by their text (markdown/parse.ts's TreeStore). */
  byText<T>(): { get(text: string): T | undefined; put(text: string, value: T): void } {
    // The key of a text looked up and not found, for the value read from it next.
    const missed = new Map<string, string>();
    return {
      get: (text) => {
        const r = this.get(text);
        if (r.found) return r.data as T;
        missed.set(text, r.key);
        return undefined;
      },
      put: (text, value) => {
        const key = missed.get(text) ?? createHash('sha256').update(text).digest('hex');
        missed.delete(text);
        this.put(key, value);
      },
    };
  }

  /** Writes what this run read, if that differs from what was there. Never fails. */
  save(): void {
    if (!this.changed && this.used.size === this.known.size) return;
    // An unwritable folder: the next run reads the files again.
    if (!writeCacheFile(this.file, JSON.stringify(Object.fromEntries([...this.used].sort(([a], [b]) => (a < b ? -1 : 1)))))) return;
    removeOldest(dirname(this.file), basename(this.file).replace(/-(?:data|markdown)-[^-]*$/, `-${this.kind}-`), KEPT_FOLDERS);
  }
}

export type CacheKind = 'data' | 'markdown';

/**
 * Whether JSON.stringify → JSON.parse gives this data back exactly (js-yaml's core schema);
 * `absent`: an object's field that is undefined counts as one left out (JSON drops it).
 */
export function jsonSafe(data: unknown, depth = 0, absent = false): boolean {
  if (depth > 1000) return false;
  if (data === null || typeof data === 'string' || typeof data === 'boolean') return true;
  if (typeof data === 'number') return Number.isFinite(data) && !Object.is(data, -0);
  if (Array.isArray(data)) return data.every((x) => jsonSafe(x, depth + 1, absent));
  if (typeof data === 'object' && Object.getPrototypeOf(data) === Object.prototype) {
    return Object.values(data as Record<string, unknown>).every((x) => (absent && x === undefined) || jsonSafe(x, depth + 1, absent));
  }
  return false;
}
