// The shaping of the words drawn with each font face, kept between runs of the bundled CLI:
// shaping a word (its glyphs, then the pair kerning of the face's GPOS table) is the largest
// first-time cost of a PDF build, about a fifth of the example's, and the words of a masterplan
// change little from one build to the next.
//
// Simple words (fontkit-speed.ts: Latin letters, digits and punctuation, one glyph per character,
// kerning alone) are kept as the glyph ids and advances they were shaped to; words fontkit shaped
// (ligatures, symbols) as a replay of the glyph objects it asked for, when the default shaper did
// it. A kept word is drawn with the face's own glyph objects, made in the order shaping makes
// them, so a PDF drawn with kept words is the same, byte for byte, as one drawn without
// (test/pdf/fontkit-speed.test.ts, test/build/run-caches.test.ts). One file per face, keyed by the
// face's bytes and by the versions of fontkit and pdfkit (in the bundle's cache folder, whose
// files start with the bundle's key); it holds the words of the last run first, then older ones,
// at most WORDS_PER_FACE, and is written (atomically) only when a word was shaped anew. Beside
// it, the face's font subsets as fontkit encoded them (encoding a subset reads and rewrites every
// glyph of it), by the glyphs a book asked for: a file per face, at most SUBSETS_PER_FACE.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createHash } from '../digest.js';
import type { FaceStore, KeptSubset, KeptWord, WordStore } from '../render/pdf/fonts.js';
import { cacheFolder, readCacheJson, writeCacheFile, type CacheFolder } from '../run-cache.js';

/** Words kept per face: the example draws about 2,000 with its text face. */
export const WORDS_PER_FACE = 12_000;
/** Font subsets kept per face (one per book that drew with it: the example has six books). */
export const SUBSETS_PER_FACE = 24;

export interface WordCache extends WordStore {
  /** Writes the file of each face that shaped new words. Never fails. */
  save(): void;
}

/** The cache of the bundled CLI, or undefined when there is none (the sources, the executable, `MASTERPLAN_CACHE=off`). */
export function openWordCache(folder: CacheFolder | undefined = cacheFolder()): WordCache | undefined {
  if (!folder) return undefined;
  const libraries = libraryVersions();
  if (!libraries) return undefined;
  const faces: FaceWords[] = [];
  return {
    face(bytes) {
      const face = new FaceWords(folder, libraries, bytes);
      faces.push(face);
      return face;
    },
    save() {
      for (const face of faces) face.save();
    },
  };
}

/** fontkit's and pdfkit's versions: shaping, and the positions pdfkit keeps, are theirs. */
function libraryVersions(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    return ['fontkit', 'pdfkit']
      .map((name) => {
        // fontkit/dist/main.cjs, pdfkit/js/pdfkit.js: the package's file is one folder up.
        const pkg = JSON.parse(readFileSync(join(dirname(require.resolve(name)), '..', 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
        if (pkg.name !== name || typeof pkg.version !== 'string') throw new Error(`${name}: no version`);
        return `${name}@${pkg.version}`;
      })
      .join(' ');
  } catch {
    return undefined;
  }
}

/** What is kept of one face: its words and its subsets, each in a file of its own. */
class FaceWords implements FaceStore {
  private digest: string | undefined;
  private readonly words = new KeptFile<KeptWord>(() => this.fileOf('words'), 'words', WORDS_PER_FACE, (word) =>
    // An array or an object: fontkit-speed.ts checks it whole before use.
    word !== null && typeof word === 'object' ? (word as KeptWord) : undefined,
  );
  private readonly subsets = new KeptFile<KeptSubset>(() => this.fileOf('subsets'), 'subsets', SUBSETS_PER_FACE, decodeSubset, (kept) => ({
    glyphs: kept.glyphs,
    bytes: Buffer.from(kept.bytes).toString('base64'),
  }));

  constructor(
    private readonly folder: CacheFolder,
    private readonly libraries: string,
    private readonly bytes: Uint8Array,
  ) {}

  get(text: string): KeptWord | undefined {
    return this.words.get(text);
  }

  put(text: string, word: KeptWord): void {
    this.words.put(text, word);
  }

  subset(glyphs: readonly number[]): KeptSubset | undefined {
    return this.subsets.get(glyphs.join(','));
  }

  keepSubset(glyphs: readonly number[], kept: KeptSubset): void {
    this.subsets.put(glyphs.join(','), kept);
  }

  save(): void {
    this.subsets.save();
    this.words.save();
  }

  /** A file of this face: its name holds the digest of the face's bytes (hashed once, when first needed). */
  private fileOf(kind: 'words' | 'subsets'): string {
    this.digest ??= createHash('sha256').update(this.libraries).update('\0').update(this.bytes).digest('hex');
    return join(this.folder.dir, `${this.folder.bundle}-${kind}-${this.digest.slice(0, 16)}.json`);
  }
}

/**
 * One file of a face's cache, `{ <field>: { key: entry } }`: read on the first entry asked for,
 * written (the entries this run used first, then older ones, at most `limit`) only when this run
 * added one.
 */
class KeptFile<T> {
  private known: Map<string, T> | undefined;
  /** The entries this run used, kept or added: first in the file, at most `limit` (a run with more keeps its first). */
  private readonly used = new Map<string, T>();
  private added = false;

  constructor(
    private readonly file: () => string,
    private readonly field: string,
    private readonly limit: number,
    private readonly decode: (value: unknown, key: string) => T | undefined,
    private readonly encode: (entry: T) => unknown = (entry) => entry,
  ) {}

  get(key: string): T | undefined {
    const entry = this.load().get(key);
    if (entry !== undefined) this.note(key, entry);
    return entry;
  }

  put(key: string, entry: T): void {
    this.load();
    if (this.note(key, entry)) this.added = true;
  }

  save(): void {
    if (!this.added) return;
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    let n = 0;
    for (const list of [this.used, this.known ?? new Map<string, T>()]) {
      for (const [key, entry] of list) {
        if (n >= this.limit) break;
        if (key in out) continue;
        out[key] = this.encode(entry);
        n++;
      }
    }
    writeCacheFile(this.file(), JSON.stringify({ [this.field]: out }));
  }

  private note(key: string, entry: T): boolean {
    if (this.used.size >= this.limit && !this.used.has(key)) return false;
    this.used.set(key, entry);
    return true;
  }

  private load(): Map<string, T> {
    if (this.known) return this.known;
    this.known = new Map();
    const saved = readCacheJson(this.file()) as Record<string, unknown> | undefined;
    const entries = saved && typeof saved === 'object' ? saved[this.field] : undefined;
    if (entries && typeof entries === 'object' && !Array.isArray(entries)) {
      for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
        const entry = this.decode(value, key);
        if (entry !== undefined) this.known.set(key, entry);
      }
    }
    return this.known;
  }
}

/** A subset's entry as JSON gives it, keyed by the glyphs asked for: its glyphs and its bytes (base64). */
function decodeSubset(value: unknown, key: string): KeptSubset | undefined {
  const { glyphs, bytes } = (value ?? {}) as { glyphs?: unknown; bytes?: unknown };
  if (!/^\d+(,\d+)*$/.test(key) || typeof bytes !== 'string' || !Array.isArray(glyphs) || !glyphs.every((g) => Number.isInteger(g) && g >= 0)) return undefined;
  return { glyphs: glyphs as number[], bytes: Buffer.from(bytes, 'base64') };
}
