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

class FaceWords implements FaceStore {
  private digest: string | undefined;
  private file: string | undefined;
  private known: Map<string, KeptWord> | undefined;
  /** The words this run drew, kept or shaped: first in the file. */
  private readonly used = new Map<string, KeptWord>();
  private shaped = false;

  constructor(
    private readonly folder: CacheFolder,
    private readonly libraries: string,
    private readonly bytes: Uint8Array,
  ) {}

  get(text: string): KeptWord | undefined {
    const glyphs = this.load().get(text);
    if (glyphs) this.note(text, glyphs);
    return glyphs;
  }

  put(text: string, glyphs: KeptWord): void {
    this.load();
    if (this.note(text, glyphs)) this.shaped = true;
  }

  /** A word of this run, for the file: at most WORDS_PER_FACE (a run with more keeps its first). */
  private note(text: string, glyphs: KeptWord): boolean {
    if (this.used.size >= WORDS_PER_FACE && !this.used.has(text)) return false;
    this.used.set(text, glyphs);
    return true;
  }

  private subsets: Map<string, KeptSubset> | undefined;
  private readonly usedSubsets = new Map<string, KeptSubset>();
  private encoded = false;

  subset(glyphs: readonly number[]): KeptSubset | undefined {
    const key = glyphs.join(',');
    const kept = this.loadSubsets().get(key);
    if (kept) this.usedSubsets.set(key, kept);
    return kept;
  }

  keepSubset(glyphs: readonly number[], kept: KeptSubset): void {
    this.loadSubsets();
    this.usedSubsets.set(glyphs.join(','), kept);
    this.encoded = true;
  }

  save(): void {
    this.saveSubsets();
    if (!this.shaped || !this.file) return;
    const words: Record<string, KeptWord> = Object.create(null) as Record<string, KeptWord>;
    let n = 0;
    for (const list of [this.used, this.known ?? new Map<string, KeptWord>()]) {
      for (const [text, glyphs] of list) {
        if (n >= WORDS_PER_FACE) break;
        if (text in words) continue;
        words[text] = glyphs;
        n++;
      }
    }
    writeCacheFile(this.file, JSON.stringify({ words }));
  }

  private saveSubsets(): void {
    if (!this.encoded) return;
    const subsets: Record<string, { glyphs: number[]; bytes: string }> = Object.create(null) as Record<string, { glyphs: number[]; bytes: string }>;
    let n = 0;
    for (const list of [this.usedSubsets, this.subsets ?? new Map<string, KeptSubset>()]) {
      for (const [key, kept] of list) {
        if (n >= SUBSETS_PER_FACE) break;
        if (key in subsets) continue;
        subsets[key] = { glyphs: kept.glyphs, bytes: Buffer.from(kept.bytes).toString('base64') };
        n++;
      }
    }
    writeCacheFile(this.fileOf('subsets'), JSON.stringify({ subsets }));
  }

  /** The face's file of subsets, read when the first subset is asked for. */
  private loadSubsets(): Map<string, KeptSubset> {
    if (this.subsets) return this.subsets;
    this.subsets = new Map();
    const saved = readCacheJson(this.fileOf('subsets')) as { subsets?: unknown } | undefined;
    const subsets = saved && typeof saved === 'object' ? saved.subsets : undefined;
    if (subsets && typeof subsets === 'object' && !Array.isArray(subsets)) {
      for (const [key, value] of Object.entries(subsets as Record<string, unknown>)) {
        const { glyphs, bytes } = (value ?? {}) as { glyphs?: unknown; bytes?: unknown };
        if (!/^\d+(,\d+)*$/.test(key) || typeof bytes !== 'string' || !Array.isArray(glyphs) || !glyphs.every((g) => Number.isInteger(g) && g >= 0)) continue;
        this.subsets.set(key, { glyphs: glyphs as number[], bytes: Buffer.from(bytes, 'base64') });
      }
    }
    return this.subsets;
  }

  /** A file of this face: its name holds the digest of the face's bytes (hashed once, when first needed). */
  private fileOf(kind: 'words' | 'subsets'): string {
    this.digest ??= createHash('sha256').update(this.libraries).update('\0').update(this.bytes).digest('hex');
    return join(this.folder.dir, `${this.folder.bundle}-${kind}-${this.digest.slice(0, 16)}.json`);
  }

  /** The face's file of words is found and read on the first word asked for. */
  private load(): Map<string, KeptWord> {
    if (this.known) return this.known;
    this.file = this.fileOf('words');
    this.known = new Map();
    const saved = readCacheJson(this.file) as { words?: unknown } | undefined;
    const words = saved && typeof saved === 'object' ? saved.words : undefined;
    if (words && typeof words === 'object' && !Array.isArray(words)) {
      for (const [text, glyphs] of Object.entries(words as Record<string, unknown>)) if (validGlyphs(glyphs)) this.known.set(text, glyphs);
    }
    return this.known;
  }
}

/** A word's entry as JSON gives it: an array or an object (fontkit-speed.ts checks it whole before use). */
function validGlyphs(word: unknown): word is KeptWord {
  return word !== null && typeof word === 'object';
}
