// fontkit's OpenType shaping (GSUB and GPOS) made cheaper without changing what it computes.
// Shaping the distinct words of the books is the largest single cost of a build's first PDF, and
// most of it is fontkit looking for work that is not there: every lookup of every feature is tried
// at every glyph of a word, coverage and class tables are searched linearly, and the feature
// table of the font's script is rebuilt for each word. Three changes to fontkit's processors
// (private API of fontkit 2; each applied only where the method it wraps exists):
//   - a lookup none of whose subtables covers any glyph of the word (as the word is when the
//     lookup's turn comes) is passed over: every subtable fontkit can apply begins by looking the
//     current glyph up in its first coverage table and does nothing when it is not there, so
//     passing over it changes nothing. A lookup with a subtable of a type not known here is always
//     tried (fontkit then does what it always does, even if that is to fail);
//   - coverage and class look-ups through a table per coverage or class definition, built on first
//     use: the same index, or class, as fontkit's linear search (first match wins);
//   - the script and feature table chosen for a script, language and direction are remembered
//     (fontkit rebuilt the same table for each word), and the lookups of a list of features are
//     collected once per feature table.
// The shaped words are the same glyphs and positions (test/pdf/fontkit-speed.test.ts shapes the
// example's words both ways; the example's PDFs are byte-identical).

interface Coverage {
  version: number;
  glyphs?: ArrayLike<number>;
  rangeRecords?: ArrayLike<{ start: number; end: number; startCoverageIndex: number }>;
}

interface ClassDef {
  version: number;
  startGlyph?: number;
  classValueArray?: ArrayLike<number>;
  classRangeRecord?: ArrayLike<{ start: number; end: number; class: number }>;
}

interface SubTable {
  version?: number;
  coverage?: Coverage;
  coverages?: Coverage[];
  inputCoverage?: Coverage[];
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
  lookupType?: number;
  extension?: SubTable;
}

interface Lookup {
  lookupType: number;
  subTables: SubTable[];
}

interface LookupEntry {
  feature: string;
  index: number;
  lookup: Lookup;
}

interface Processor {
  font: FontTables;
  table?: { scriptList?: unknown };
  script?: unknown;
  scriptTag: string;
  language?: unknown;
  languageTag?: unknown;
  direction?: unknown;
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  features: Record<string, unknown>;
  coverageIndex(coverage: Coverage, glyph?: number): number;
  getClassID(glyph: number, classDef: ClassDef): number;
  selectScript(script?: string, language?: string, direction?: string): string;
  lookupsForFeatures(userFeatures?: string[], exclude?: number[]): LookupEntry[];
  applyLookups(lookups: Iterable<LookupEntry>, glyphs: { id: number }[], positions?: unknown): void;
  glyphIterator: { cur: { id: number } | null; index: number; peekIndex(count?: number): number };
  applyPositionValue?(sequenceIndex: number, value: PositionValue): void;
}

interface FontTables {
  _variationProcessor?: unknown;
  GDEF?: { itemVariationStore?: unknown } | null;
}

interface PositionValue {
  xAdvance?: number | null;
  yAdvance?: number | null;
  xPlacement?: number | null;
  yPlacement?: number | null;
}

const NOT_COVERED = -1;

/** Per coverage table: glyph id → coverage index (NOT_COVERED when absent). */
const coverageTables = new WeakMap<Coverage, Int32Array>();

function coverageTable(coverage: Coverage): Int32Array {
  let table = coverageTables.get(coverage);
  if (table) return table;
  let max = -1;
  if (coverage.version === 1 && coverage.glyphs) for (let i = 0; i < coverage.glyphs.length; i++) max = Math.max(max, coverage.glyphs[i]!);
  if (coverage.version === 2 && coverage.rangeRecords) for (let i = 0; i < coverage.rangeRecords.length; i++) max = Math.max(max, coverage.rangeRecords[i]!.end);
  table = new Int32Array(max + 1).fill(NOT_COVERED);
  if (coverage.version === 1 && coverage.glyphs) {
    // `indexOf`: the first position of a glyph listed twice.
    for (let i = 0; i < coverage.glyphs.length; i++) {
      const glyph = coverage.glyphs[i]!;
      if (table[glyph] === NOT_COVERED) table[glyph] = i;
    }
  }
  if (coverage.version === 2 && coverage.rangeRecords) {
    // The first range that holds the glyph.
    for (let r = 0; r < coverage.rangeRecords.length; r++) {
      const range = coverage.rangeRecords[r]!;
      for (let glyph = Math.max(range.start, 0); glyph <= range.end; glyph++) {
        if (table[glyph] === NOT_COVERED) table[glyph] = range.startCoverageIndex + glyph - range.start;
      }
    }
  }
  coverageTables.set(coverage, table);
  return table;
}

/** Per format-2 class definition: glyph id → class (0 when in no range). */
const classTables = new WeakMap<ClassDef, Int32Array>();

function classTable(classDef: ClassDef): Int32Array {
  let table = classTables.get(classDef);
  if (table) return table;
  const ranges = classDef.classRangeRecord ?? [];
  let max = -1;
  for (let r = 0; r < ranges.length; r++) max = Math.max(max, ranges[r]!.end);
  table = new Int32Array(max + 1);
  const set = new Uint8Array(max + 1);
  for (let r = 0; r < ranges.length; r++) {
    const range = ranges[r]!;
    for (let glyph = Math.max(range.start, 0); glyph <= range.end; glyph++) {
      if (set[glyph]) continue;
      set[glyph] = 1;
      table[glyph] = range.class;
    }
  }
  classTables.set(classDef, table);
  return table;
}

/**
 * The coverage tables that decide whether a subtable can apply at a glyph (the current glyph
 * must be in one of them), or undefined when that is not known for its type.
 */
function firstCoverages(kind: 'GSUB' | 'GPOS', lookupType: number, table: SubTable, out: Coverage[]): boolean {
  const extension = kind === 'GSUB' ? 7 : 9;
  if (lookupType === extension) return !!table.extension && typeof table.lookupType === 'number' && firstCoverages(kind, table.lookupType, table.extension, out);
  const context = kind === 'GSUB' ? 5 : 7;
  const chaining = kind === 'GSUB' ? 6 : 8;
  let coverage: Coverage | undefined;
  if (lookupType === context || lookupType === chaining) {
    if (table.version === 1 || table.version === 2) coverage = table.coverage;
    else if (table.version === 3) coverage = lookupType === context ? table.coverages?.[0] : table.inputCoverage?.[0];
  } else if (kind === 'GSUB' && lookupType >= 1 && lookupType <= 4) coverage = table.coverage;
  else if (kind === 'GPOS' && lookupType >= 1 && lookupType <= 3) coverage = table.coverage;
  else if (kind === 'GPOS' && (lookupType === 4 || lookupType === 5)) coverage = table.markCoverage;
  else if (kind === 'GPOS' && lookupType === 6) coverage = table.mark1Coverage;
  if (!coverage || (coverage.version !== 1 && coverage.version !== 2)) return false;
  out.push(coverage);
  return true;
}

/** Per lookup: the union of its subtables' first coverages (glyph id → 1), or null if unknown. */
const lookupGlyphs = new WeakMap<Lookup, Uint8Array | null>();

function glyphsOf(kind: 'GSUB' | 'GPOS', lookup: Lookup): Uint8Array | null {
  const known = lookupGlyphs.get(lookup);
  if (known !== undefined) return known;
  const coverages: Coverage[] = [];
  let all = Array.isArray(lookup.subTables);
  if (all) for (const table of lookup.subTables) all &&= !!table && firstCoverages(kind, lookup.lookupType, table, coverages);
  let glyphs: Uint8Array | null = null;
  if (all) {
    const tables = coverages.map(coverageTable);
    glyphs = new Uint8Array(Math.max(0, ...tables.map((t) => t.length)));
    for (const t of tables) for (let g = 0; g < t.length; g++) if (t[g] !== NOT_COVERED) glyphs[g] = 1;
  }
  lookupGlyphs.set(lookup, glyphs);
  return glyphs;
}

/** The lookups that may change something, each looked at when its turn comes. */
function* applicable(kind: 'GSUB' | 'GPOS', lookups: Iterable<LookupEntry>, glyphs: { id: number }[]): Generator<LookupEntry> {
  for (const entry of lookups) {
    const covered = glyphsOf(kind, entry.lookup);
    if (covered === null) {
      yield entry;
      continue;
    }
    // `glyphs` is the array the lookups before this one changed in place.
    for (let i = 0; i < glyphs.length; i++) {
      if (covered[glyphs[i]!.id] === 1) {
        yield entry;
        break;
      }
    }
  }
}

const patched = new WeakSet<object>();

/**
 * Makes the shaping of `font` (and of every other font, since fontkit's processors share their
 * classes) cheaper. True when done (the font has OpenType layout tables); harmless to call again.
 */
export function speedUpShaping(font: unknown): boolean {
  let engine: { GSUBProcessor?: Processor | null; GPOSProcessor?: Processor | null } | undefined;
  try {
    engine = (font as { _layoutEngine?: { engine?: typeof engine } })._layoutEngine?.engine;
  } catch {
    return false;
  }
  if (!engine) return false;
  let done = false;
  for (const [kind, processor] of [
    ['GSUB', engine.GSUBProcessor],
    ['GPOS', engine.GPOSProcessor],
  ] as const) {
    if (!processor) continue;
    done = true;
    const own = Object.getPrototypeOf(processor) as Processor;
    const base = Object.getPrototypeOf(own) as Processor;
    if (!patched.has(base)) {
      patched.add(base);
      patchBase(base);
    }
    if (!patched.has(own)) {
      patched.add(own);
      patchLookups(own, kind);
      if (kind === 'GPOS') patchPositionValue(own);
    }
  }
  return done;
}

function patchBase(base: Processor): void {
  if (typeof base.coverageIndex === 'function') {
    base.coverageIndex = function (this: Processor, coverage, glyph) {
      if (glyph == null) glyph = this.glyphIterator.cur!.id;
      if (coverage.version !== 1 && coverage.version !== 2) return NOT_COVERED;
      const table = coverageTable(coverage);
      return glyph >= 0 && glyph < table.length ? table[glyph]! : NOT_COVERED;
    };
  }
  const getClassID = base.getClassID;
  if (typeof getClassID === 'function') {
    base.getClassID = function (this: Processor, glyph, classDef) {
      if (classDef.version !== 2) return getClassID.call(this, glyph, classDef);
      const table = classTable(classDef);
      return glyph >= 0 && glyph < table.length ? table[glyph]! : 0;
    };
  }
  const selectScript = base.selectScript;
  if (typeof selectScript === 'function') {
    const chosen = new WeakMap<Processor, Map<string, ScriptChoice>>();
    base.selectScript = function (this: Processor, script, language, direction) {
      const key = `${script}\u0000${language}\u0000${direction}`;
      let choices = chosen.get(this);
      const known = choices?.get(key);
      if (known) {
        Object.assign(this, known);
        return known.scriptTag;
      }
      const tag = selectScript.call(this, script, language, direction);
      // What fontkit chose depends on the question alone, unless it found no script at all (then
      // it kept what it had): remembered only when the font has the script or a default one.
      if (hasScript(this, script)) {
        if (!choices) chosen.set(this, (choices = new Map()));
        choices.set(key, { script: this.script, scriptTag: this.scriptTag, language: this.language, languageTag: this.languageTag, direction: this.direction, features: this.features });
      }
      return tag;
    };
  }
  const lookupsForFeatures = base.lookupsForFeatures;
  if (typeof lookupsForFeatures === 'function') {
    const collected = new WeakMap<object, Map<string, LookupEntry[]>>();
    base.lookupsForFeatures = function (this: Processor, userFeatures = [], exclude) {
      if (exclude !== undefined) return lookupsForFeatures.call(this, userFeatures, exclude);
      let byList = collected.get(this.features);
      if (!byList) collected.set(this.features, (byList = new Map()));
      const key = userFeatures.join(' ');
      let lookups = byList.get(key);
      if (!lookups) byList.set(key, (lookups = lookupsForFeatures.call(this, userFeatures)));
      // A copy: callers may change the list they get.
      return lookups.slice();
    };
  }
}

function patchLookups(proto: Processor, kind: 'GSUB' | 'GPOS'): void {
  // Both processors inherit applyLookups; each gets its own wrapper, which knows its lookup types.
  const applyLookups = proto.applyLookups;
  if (typeof applyLookups !== 'function') return;
  proto.applyLookups = function (this: Processor, lookups, glyphs, positions) {
    return applyLookups.call(this, applicable(kind, lookups, glyphs), glyphs, positions);
  };
}

/** The state fontkit's `selectScript` sets. */
interface ScriptChoice {
  script: unknown;
  scriptTag: string;
  language: unknown;
  languageTag: unknown;
  direction: unknown;
  features: Record<string, unknown>;
}

/** fontkit's `findScript` would find the script, or one of the scripts it falls back to. */
function hasScript(processor: Processor, script: string | undefined): boolean {
  const list = processor.table?.scriptList;
  if (!Array.isArray(list)) return false;
  return list.some((entry: { tag?: unknown }) => entry.tag === script || entry.tag === 'DFLT' || entry.tag === 'dflt' || entry.tag === 'latn');
}

/** Whether fontkit adds variation deltas to the font's positions (variable fonts only). */
const varies = new WeakMap<FontTables, boolean>();

function patchPositionValue(proto: Processor): void {
  const applyPositionValue = proto.applyPositionValue;
  if (typeof applyPositionValue !== 'function') return;
  // fontkit looks up the font's variation processor and GDEF table for every adjustment; for a
  // font without variations only the four additions remain.
  proto.applyPositionValue = function (this: Processor, sequenceIndex, value) {
    let variable = varies.get(this.font);
    if (variable === undefined) varies.set(this.font, (variable = !!(this.font._variationProcessor && this.font.GDEF && this.font.GDEF.itemVariationStore)));
    if (variable) return applyPositionValue.call(this, sequenceIndex, value);
    const position = this.positions[sequenceIndex === 0 ? this.glyphIterator.index : this.glyphIterator.peekIndex(sequenceIndex)]!;
    if (value.xAdvance != null) position.xAdvance += value.xAdvance;
    if (value.yAdvance != null) position.yAdvance += value.yAdvance;
    if (value.xPlacement != null) position.xOffset += value.xPlacement;
    if (value.yPlacement != null) position.yOffset += value.yPlacement;
  };
}

// ---------------------------------------------------------------------------------------------
// Words of Latin letters, digits and common punctuation: shaped without fontkit's machinery when
// what it would do comes down to one glyph per character and pair kerning. For such a word
// fontkit picks the script (Latin if it has a Latin letter, "unknown" otherwise) and the lookups
// of the default features; when none of the substitution lookups covers a glyph of the word, and
// every positioning lookup that covers one is pair positioning (kerning) over glyphs none of
// which is a mark or ligature, the run is the characters' glyphs with their advances plus the
// pair adjustments, applied lookup by lookup and glyph by glyph as fontkit applies them. Any
// other word (and any word of a font that does not fit: a variable font, an AAT font, kerning
// from the old `kern` table) is shaped by fontkit.

/** Latin letters of Basic Latin, Latin-1 and Latin Extended-A. */
const isLatinLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x17f && c !== 0xd7 && c !== 0xf7);
/** Characters of script Common allowed in a simple word (no default ignorables, no fraction slash). */
const isSimpleCommon = (c: number) =>
  (c >= 0x20 && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e) || (c >= 0xa0 && c <= 0xbf && c !== 0xaa && c !== 0xad && c !== 0xb5 && c !== 0xba) || c === 0xd7 || c === 0xf7 || c === 0x2013 || c === 0x2014 || c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d || c === 0x2026;

/**
 * The features of fontkit's default shaper, in its order (one stage): the variation and
 * left-to-right features, the fraction features (given to no glyph of a word without U+2044),
 * then the common and horizontal ones.
 */
const STAGE = ['rvrn', 'ltra', 'ltrm', 'frac', 'numr', 'dnom', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'];
const LOCAL_FEATURES = new Set(['frac', 'numr', 'dnom']);

interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

interface PairSubTable extends SubTable {
  pairSets?: { get(i: number): { secondGlyph: number; value1: PositionValue; value2: PositionValue }[] };
  classDef1?: ClassDef;
  classDef2?: ClassDef;
  classRecords?: { get(i: number): { get(j: number): { value1: PositionValue; value2: PositionValue } } };
}

interface SimpleFont {
  layout: (...args: unknown[]) => unknown;
  glyphsForString(text: string): Glyph[];
  glyphForCodePoint(codePoint: number): Glyph;
  getGlyph(id: number, codePoints?: number[]): Glyph;
  _layoutEngine?: { engine?: { GSUBProcessor?: Processor | null; GPOSProcessor?: Processor | null; setup?: unknown } };
  GDEF?: { glyphClassDef?: ClassDef } | null;
  _variationProcessor?: unknown;
  kern?: unknown;
}

/** A shaped run as fontkit's GlyphRun gives it to pdfkit (the total advance computed as there). */
class SimpleRun {
  features: unknown = {};
  constructor(
    readonly glyphs: Glyph[],
    readonly positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[],
  ) {}
  get advanceWidth(): number {
    let width = 0;
    for (const position of this.positions) width += position.xAdvance;
    return width;
  }
}

/** Per font and script tag: the lookups that matter, or null when the font does not fit. */
type Plan = { gsub: LookupEntry[]; gpos: LookupEntry[]; gposProcessor: Processor } | null;

/**
 * Words of one face shaped in earlier runs (publish/word-cache.ts). A simple word: the id and
 * the advance (font units, kerning included) of each glyph, in order. A word fontkit shaped
 * (ligatures, symbols): a `ShapedWord`, how to make its glyphs as fontkit made them.
 */
export interface KeptWords {
  get(text: string): KeptWord | undefined;
  put(text: string, word: KeptWord): void;
}

export type KeptWord = readonly number[] | ShapedWord;

/**
 * A word fontkit shaped, as a replay of what it did: the glyphs of its characters (`in`, their
 * ids), then — when the face substitutes glyphs — each glyph after substitution (`sub`: its id
 * and the characters whose code points it stands for, by their index), the glyphs hidden as
 * default ignorables (`hide`, drawn as the space) and the positions (`pos`: x and y advance, x
 * and y offset per glyph, font units).
 */
export interface ShapedWord {
  in: number[];
  sub: [number, number[]][];
  hide: number[];
  pos: number[];
}

/**
 * Shapes the simple words of `font` (see above) without fontkit's shaping machinery; the
 * others, and every call with arguments besides the text, go to fontkit. True when installed.
 * `kept`: the words of this face kept between runs, if any: a word found there is not shaped
 * again, and a word shaped here is kept for the next run.
 */
export function shapeSimpleWords(font: unknown, kept?: () => KeptWords | undefined): boolean {
  const f = font as SimpleFont | null;
  if (!f || typeof f.layout !== 'function' || typeof f.glyphsForString !== 'function' || typeof f.glyphForCodePoint !== 'function') return false;
  const layout = f.layout;
  // Set up on the first word (a face may be registered without shaping one).
  let setUp: ReturnType<typeof simpleShaper> | undefined;
  let probed = false;
  f.layout = function (this: SimpleFont, ...args: unknown[]) {
    const text = args[0];
    if (args.length <= 2 && args[1] === undefined && typeof text === 'string' && text.length > 0) {
      const words = kept?.();
      if (!probed) {
        probed = true;
        // What the set-up's two probes (fontkit shaping "a" and "1") leave in fontkit's glyph
        // objects, made now whether or not the set-up runs: fontkit gives each glyph object
        // the code points it was first reached with, and pdfkit writes those into the PDF's
        // text map, so the glyph objects must come about in the same order with or without
        // the kept words.
        if (words) for (const c of [0x61, 0x20, 0x31, 0x20]) f.glyphForCodePoint(c);
      }
      const known = words?.get(text);
      const restored = known && (isSimpleWord(known) ? restore(f, text, known) : replay(f, text, known));
      if (restored) return restored;
      if (setUp === undefined) setUp = simpleShaper(f, layout);
      const run = setUp?.shape(text);
      if (run) {
        if (words) keep(words, text, run);
        return run;
      }
      // A word fontkit shapes: kept as what fontkit did, when that can be done again exactly.
      if (words && setUp) return record(f, () => layout.apply(this, args) as FontkitRun, text, words, setUp.shaper);
    }
    return layout.apply(this, args);
  };
  return true;
}

const isSimpleWord = (word: KeptWord): word is readonly number[] => Array.isArray(word);

/** What pdfkit reads of fontkit's GlyphRun (and how the engine shaped it). */
interface FontkitRun {
  glyphs: Glyph[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  direction?: string;
}

/**
 * Shapes a word with fontkit, noting the glyph objects it asks for: the word is kept when they
 * are what a replay makes (`replay`) — its characters' glyphs, one glyph per glyph after
 * substitution, standing for the code points of consecutive characters (or none: a glyph a
 * substitution added), and the space — for the default shaper (Latin, symbols, emoji; other
 * scripts' shapers make glyphs of their own), in a face whose GDEF table classes the glyphs
 * (without it fontkit judges marks by the code points of glyph objects, which depend on what
 * was shaped before). Everything else is left to be shaped in every run.
 */
function record(f: SimpleFont, shape: () => FontkitRun, text: string, words: KeptWords, defaultShaper: unknown): FontkitRun {
  const asked: { id: number; chars: readonly number[] }[] = [];
  const own = Object.prototype.hasOwnProperty.call(f, 'getGlyph');
  const getGlyph = f.getGlyph;
  f.getGlyph = function (this: SimpleFont, id: number, chars?: number[]) {
    asked.push({ id, chars: chars ?? [] });
    return getGlyph.call(this, id, chars);
  };
  let run: FontkitRun;
  try {
    run = shape();
  } finally {
    if (own) f.getGlyph = getGlyph;
    else delete (f as { getGlyph?: unknown }).getGlyph;
  }
  const word = shapedWord(f, text, run, asked, defaultShaper);
  if (word) words.put(text, word);
  return run;
}

function shapedWord(f: SimpleFont, text: string, run: FontkitRun, asked: { id: number; chars: readonly number[] }[], defaultShaper: unknown): ShapedWord | undefined {
  let engine: { shaper?: unknown; GSUBProcessor?: unknown } | undefined;
  try {
    engine = f._layoutEngine?.engine as typeof engine;
  } catch {
    return undefined;
  }
  if (!engine || engine.shaper !== defaultShaper || run.direction !== 'ltr' || !f.GDEF?.glyphClassDef) return undefined;
  // The characters' glyphs (made already: no glyph object comes about here), each standing for
  // its own character.
  const inputs = f.glyphsForString(text);
  const chars = [...text].map((c) => c.codePointAt(0)!);
  if (inputs.length !== chars.length || inputs.some((g, i) => g.codePoints.length !== 1 || g.codePoints[0] !== chars[i])) return undefined;
  const n = run.glyphs.length;
  const substitutes = engine.GSUBProcessor ? n : 0;
  if (asked.length !== inputs.length + substitutes + 1) return undefined;
  if (inputs.some((g, i) => asked[i]!.id !== g.id)) return undefined;
  const space = f.glyphForCodePoint(0x20);
  const last = asked[asked.length - 1]!;
  if (last.id !== space.id || last.chars.length !== 1 || last.chars[0] !== 0x20) return undefined;
  const sub: [number, number[]][] = [];
  let next = 0;
  for (let j = 0; j < substitutes; j++) {
    const { id, chars: cps } = asked[inputs.length + j]!;
    const from: number[] = [];
    let k = 0;
    while (k < cps.length) {
      const g = inputs[next];
      if (!g || g.codePoints[0] !== cps[k]) return undefined;
      from.push(next++);
      k++;
    }
    sub.push([id, from]);
  }
  if (run.positions.length !== n || (!substitutes && n !== inputs.length)) return undefined;
  const made = substitutes ? sub.map(([id]) => id) : inputs.map((g) => g.id);
  const hide: number[] = [];
  const pos: number[] = [];
  for (let j = 0; j < n; j++) {
    const g = run.glyphs[j]!;
    if (g === space && made[j] !== space.id) hide.push(j);
    else if (g.id !== made[j]) return undefined;
    const p = run.positions[j]!;
    for (const v of [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]) {
      if (!Number.isFinite(v) || Object.is(v, -0)) return undefined;
      pos.push(v);
    }
  }
  return { in: inputs.map((g) => g.id), sub, hide, pos };
}

/**
 * A kept fontkit word made again: the same calls for glyph objects, in the same order, as
 * fontkit's shaping makes (so each object comes about with the code points it would have), and
 * the kept positions. Undefined, before any glyph object is asked for beyond the characters',
 * when the word does not fit the face.
 */
function replay(f: SimpleFont, text: string, word: ShapedWord): SimpleRun | undefined {
  if (!validShapedWord(word)) return undefined;
  const inputs = f.glyphsForString(text);
  if (inputs.length !== word.in.length || inputs.some((g, i) => g.id !== word.in[i])) return undefined;
  const n = word.pos.length / 4;
  const numGlyphs = (f as { numGlyphs?: unknown }).numGlyphs;
  if (typeof numGlyphs !== 'number' || word.sub.some(([id, from]) => id >= numGlyphs || from.some((i) => i >= inputs.length))) return undefined;
  const made = word.sub.length ? word.sub.map(([id, from]) => f.getGlyph(id, from.flatMap((i) => inputs[i]!.codePoints))) : inputs.slice();
  const space = f.glyphForCodePoint(0x20);
  for (const j of word.hide) made[j] = space;
  const positions: SimpleRun['positions'][number][] = [];
  for (let j = 0; j < n; j++) positions.push({ xAdvance: word.pos[4 * j]!, yAdvance: word.pos[4 * j + 1]!, xOffset: word.pos[4 * j + 2]!, yOffset: word.pos[4 * j + 3]! });
  return new SimpleRun(made, positions);
}

const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The shape of a kept fontkit word, checked before anything is made of it. */
function validShapedWord(w: ShapedWord): boolean {
  if (!w || typeof w !== 'object' || !Array.isArray(w.in) || !Array.isArray(w.sub) || !Array.isArray(w.hide) || !Array.isArray(w.pos)) return false;
  if (w.pos.length % 4 !== 0 || !w.pos.every((v) => typeof v === 'number' && Number.isFinite(v))) return false;
  const n = w.pos.length / 4;
  if (!w.in.every(isIndex) || (w.sub.length ? w.sub.length !== n : w.in.length !== n)) return false;
  if (!w.sub.every((e) => Array.isArray(e) && e.length === 2 && isIndex(e[0]) && Array.isArray(e[1]) && e[1].every(isIndex))) return false;
  return w.hide.every((j) => isIndex(j) && j < n);
}

/** A kept word as shapeSimply would give it: the same glyph objects, the kept advances. */
function restore(f: SimpleFont, text: string, kept: readonly number[]): SimpleRun | undefined {
  if (!kept.every((v) => typeof v === 'number' && Number.isFinite(v))) return undefined;
  const glyphs = f.glyphsForString(text);
  if (glyphs.length !== text.length || kept.length !== 2 * glyphs.length) return undefined;
  const positions: SimpleRun['positions'][number][] = [];
  for (let i = 0; i < glyphs.length; i++) {
    if (glyphs[i]!.id !== kept[2 * i]) return undefined;
    positions.push({ xAdvance: kept[2 * i + 1]!, yAdvance: 0, xOffset: 0, yOffset: 0 });
  }
  return new SimpleRun(glyphs, positions);
}

/** Keeps a word shaped by shapeSimply, when its positions are advances alone (as restore makes them). */
function keep(words: KeptWords, text: string, run: SimpleRun): void {
  const data: number[] = [];
  for (let i = 0; i < run.glyphs.length; i++) {
    const p = run.positions[i]!;
    if (!Object.is(p.yAdvance, 0) || !Object.is(p.xOffset, 0) || !Object.is(p.yOffset, 0) || !Number.isFinite(p.xAdvance) || Object.is(p.xAdvance, -0)) return;
    data.push(run.glyphs[i]!.id, p.xAdvance);
  }
  words.put(text, data);
}

/**
 * The shaper of simple words for `font`, or null when the font does not fit; with fontkit's
 * default shaper (the one it chose for Latin), for `record`.
 */
function simpleShaper(f: SimpleFont, layout: SimpleFont['layout']): { shape: (text: string) => SimpleRun | undefined; shaper: unknown } | null {
  let engine: NonNullable<SimpleFont['_layoutEngine']>['engine'];
  try {
    engine = f._layoutEngine?.engine;
  } catch {
    return null;
  }
  // OpenType layout (not AAT), with positioning; fonts without GPOS position marks otherwise.
  if (!engine || typeof engine.setup !== 'function' || !engine.GPOSProcessor || f._variationProcessor) return null;
  if (!speedUpShaping(f)) return null;
  // The script tags fontkit detects for a word with a Latin letter and for one without.
  const latin = layout.call(f, 'a') as { script?: string; language?: unknown; direction?: string };
  const common = layout.call(f, '1') as { script?: string; language?: unknown; direction?: string };
  if (typeof latin.script !== 'string' || typeof common.script !== 'string') return null;
  if (latin.direction !== 'ltr' || common.direction !== 'ltr' || latin.language !== null || common.language !== null) return null;
  const shaper = (engine as { shaper?: unknown }).shaper;
  const plans = new Map<string, Plan>();
  return {
    shape: (text) => {
      const script = simpleScript(text, latin.script!, common.script!);
      if (script === undefined) return undefined;
      let plan = plans.get(script);
      if (plan === undefined) plans.set(script, (plan = makePlan(f, engine!, script)));
      return plan ? shapeSimply(f, plan, text) : undefined;
    },
    shaper,
  };
}

/** The script tag fontkit would detect, or undefined when the text is not a simple word. */
function simpleScript(text: string, latin: string, common: string): string | undefined {
  let letter = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isLatinLetter(c)) letter = true;
    else if (!isSimpleCommon(c)) return undefined;
  }
  return letter ? latin : common;
}

function makePlan(font: SimpleFont, engine: NonNullable<NonNullable<SimpleFont['_layoutEngine']>['engine']>, script: string): Plan {
  const gposProcessor = engine.GPOSProcessor!;
  // As fontkit's setup does for each word: positioning first, then substitution.
  gposProcessor.selectScript(script, null as unknown as undefined, 'ltr');
  engine.GSUBProcessor?.selectScript(script, null as unknown as undefined, 'ltr');
  // Kerning from the old table would be added when GPOS has no `kern` feature for the script.
  if (!gposProcessor.features.kern && font.kern) return null;
  const global = (entries: LookupEntry[]) => entries.filter((e) => !LOCAL_FEATURES.has(e.feature));
  const gsub = engine.GSUBProcessor ? global(engine.GSUBProcessor.lookupsForFeatures(STAGE)) : [];
  const gpos = global(gposProcessor.lookupsForFeatures(STAGE));
  for (const e of gsub) if (glyphsOf('GSUB', e.lookup) === null) return null;
  for (const e of gpos) if (glyphsOf('GPOS', e.lookup) === null) return null;
  return { gsub, gpos, gposProcessor };
}

const covers = (covered: Uint8Array, glyphs: Glyph[]) => glyphs.some((g) => covered[g.id] === 1);

/** The pair subtables of a lookup (through extensions), or undefined if it has others. */
function pairTables(lookup: Lookup): PairSubTable[] | undefined {
  const tables: PairSubTable[] = [];
  for (const t of lookup.subTables) {
    const table = lookup.lookupType === 9 ? t.extension : t;
    const type = lookup.lookupType === 9 ? t.lookupType : lookup.lookupType;
    if (type !== 2 || !table || (table.version !== 1 && table.version !== 2)) return undefined;
    tables.push(table as PairSubTable);
  }
  return tables;
}

function shapeSimply(font: SimpleFont, plan: NonNullable<Plan>, text: string): SimpleRun | undefined {
  const glyphs = font.glyphsForString(text);
  if (glyphs.length !== text.length) return undefined;
  const processor = plan.gposProcessor;
  const classDef = font.GDEF?.glyphClassDef;
  if (classDef) {
    for (const g of glyphs) {
      const c = processor.getClassID(g.id, classDef);
      if (c === 2 || c === 3) return undefined;
    }
  }
  const ids = glyphs.map((g) => g.id);
  for (const e of plan.gsub) if (covers(glyphsOf('GSUB', e.lookup)!, glyphs) && mayApply('GSUB', e.lookup, ids, processor)) return undefined;
  const positions = glyphs.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
  for (const e of plan.gpos) {
    if (!covers(glyphsOf('GPOS', e.lookup)!, glyphs)) continue;
    const tables = pairTables(e.lookup);
    if (!tables && !mayApply('GPOS', e.lookup, ids, processor)) continue;
    const flags = (e.lookup as { flags?: { flags?: { ignoreBaseGlyphs?: boolean } } }).flags?.flags;
    if (!tables || flags?.ignoreBaseGlyphs) return undefined;
    // No glyph is skipped (none is a mark or ligature, base glyphs are not ignored): each glyph
    // and the next, the first subtable that applies.
    for (let i = 0; i + 1 < glyphs.length; i++) {
      for (const table of tables) {
        const index = processor.coverageIndex(table.coverage!, glyphs[i]!.id);
        if (index === -1) continue;
        let pair: { value1: PositionValue; value2: PositionValue } | undefined;
        if (table.version === 1) {
          const next = glyphs[i + 1]!.id;
          pair = table.pairSets!.get(index).find((p) => p.secondGlyph === next);
          if (!pair) continue;
        } else {
          const class1 = processor.getClassID(glyphs[i]!.id, table.classDef1!);
          const class2 = processor.getClassID(glyphs[i + 1]!.id, table.classDef2!);
          pair = table.classRecords!.get(class1).get(class2);
        }
        add(positions[i]!, pair.value1);
        add(positions[i + 1]!, pair.value2);
        break;
      }
    }
  }
  return new SimpleRun(glyphs, positions);
}

function add(position: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }, value: PositionValue): void {
  if (value.xAdvance != null) position.xAdvance += value.xAdvance;
  if (value.yAdvance != null) position.yAdvance += value.yAdvance;
  if (value.xPlacement != null) position.xOffset += value.xPlacement;
  if (value.yPlacement != null) position.yOffset += value.yPlacement;
}

interface ContextTable extends SubTable {
  ligatureSets?: { get(i: number): { components: number[] }[] };
  // chaining, format 1 / 2 / 3
  chainRuleSets?: ({ backtrack: number[]; input: number[]; lookahead: number[] }[] | undefined)[];
  chainClassSet?: ({ backtrack: number[]; input: number[]; lookahead: number[] }[] | undefined)[];
  backtrackClassDef?: ClassDef;
  inputClassDef?: ClassDef;
  lookaheadClassDef?: ClassDef;
  backtrackCoverage?: Coverage[];
  lookaheadCoverage?: Coverage[];
  backtrackGlyphCount?: number;
  inputGlyphCount?: number;
  // context, format 1 / 2 / 3
  ruleSets?: ({ input: number[] }[] | undefined)[];
  classSet?: ({ classes: number[] }[] | undefined)[];
  classDef?: ClassDef;
}

/**
 * Whether a lookup may change something at some glyph of `ids` (a word none of whose glyphs a
 * lookup skips: no marks, no ligatures, base glyphs not ignored). False only when, at every
 * glyph, each subtable fails the way fontkit's would: not covered, no ligature whose components
 * follow, no context rule whose sequences match (matched as fontkit matches them: a sequence
 * that starts `n` glyphs back runs forward from there). Any other subtable: true.
 */
function mayApply(kind: 'GSUB' | 'GPOS', lookup: Lookup, ids: number[], p: Processor): boolean {
  const flags = (lookup as { flags?: { flags?: { ignoreBaseGlyphs?: boolean } } }).flags?.flags;
  if (flags?.ignoreBaseGlyphs) return true;
  const extension = kind === 'GSUB' ? 7 : 9;
  const context = kind === 'GSUB' ? 5 : 7;
  const chaining = kind === 'GSUB' ? 6 : 8;
  const at = (i: number) => (i >= 0 && i < ids.length ? ids[i]! : -1);
  /** The glyphs from `from` on are `seq` (by `same`); fails off either end of the word. */
  const runs = <T>(from: number, seq: ArrayLike<T>, same: (item: T, glyph: number) => boolean) => {
    for (let k = 0; k < seq.length; k++) {
      const g = at(from + k);
      if (g === -1 || !same(seq[k]!, g)) return false;
    }
    return true;
  };
  const byId = (id: number, g: number) => id === g;
  const byCoverage = (c: Coverage, g: number) => p.coverageIndex(c, g) >= 0;
  // Where fontkit would fail (a missing table of a broken font), say it may apply: fontkit shapes.
  let unsure = false;
  const byClass = (def: ClassDef | undefined) => (cls: number, g: number) => (def ? p.getClassID(g, def) === cls : ((unsure = true), false));
  for (const sub of lookup.subTables) {
    const type = lookup.lookupType === extension ? sub.lookupType : lookup.lookupType;
    const t = (lookup.lookupType === extension ? sub.extension : sub) as ContextTable | undefined;
    if (!t || typeof type !== 'number') return true;
    for (let i = 0; i < ids.length; i++) {
      const g = ids[i]!;
      if (kind === 'GSUB' && type === 4) {
        const index = t.coverage ? p.coverageIndex(t.coverage, g) : -1;
        if (index === -1) continue;
        for (const ligature of t.ligatureSets!.get(index)) if (runs(i + 1, ligature.components, byId)) return true;
      } else if (type === chaining) {
        if (t.version === 3) {
          const n = t.backtrackGlyphCount ?? t.backtrackCoverage!.length;
          if (runs(i - n, t.backtrackCoverage!, byCoverage) && runs(i, t.inputCoverage!, byCoverage) && runs(i + (t.inputGlyphCount ?? t.inputCoverage!.length), t.lookaheadCoverage!, byCoverage)) return true;
          continue;
        }
        if (!t.coverage || p.coverageIndex(t.coverage, g) === -1) continue;
        if (t.version === 1) {
          const rules = t.chainRuleSets?.[p.coverageIndex(t.coverage, g)];
          if (!rules) return true;
          for (const r of rules) if (runs(i - r.backtrack.length, r.backtrack, byId) && runs(i + 1, r.input, byId) && runs(i + 1 + r.input.length, r.lookahead, byId)) return true;
        } else if (t.version === 2) {
          const rules = t.chainClassSet![p.getClassID(g, t.inputClassDef!)] ?? [];
          for (const r of rules) {
            if (runs(i - r.backtrack.length, r.backtrack, byClass(t.backtrackClassDef)) && runs(i + 1, r.input, byClass(t.inputClassDef)) && runs(i + 1 + r.input.length, r.lookahead, byClass(t.lookaheadClassDef))) return true;
          }
        } else return true;
      } else if (type === context) {
        if (t.version === 3) {
          if (runs(i, t.coverages!, byCoverage)) return true;
          continue;
        }
        if (!t.coverage || p.coverageIndex(t.coverage, g) === -1) continue;
        if (t.version === 1) {
          const rules = t.ruleSets?.[p.coverageIndex(t.coverage, g)];
          if (!rules) return true;
          for (const r of rules) if (runs(i + 1, r.input, byId)) return true;
        } else if (t.version === 2) {
          const rules = t.classDef ? t.classSet?.[p.getClassID(g, t.classDef)] : undefined;
          if (!rules) return true;
          for (const r of rules) if (runs(i + 1, r.classes, byClass(t.classDef))) return true;
        } else return true;
      } else {
        // Any other type applies wherever its first coverage holds the glyph.
        const first: Coverage[] = [];
        if (!firstCoverages(kind, type, t, first)) return true;
        if (first.some((c) => p.coverageIndex(c, g) >= 0)) return true;
      }
    }
  }
  return unsure;
}
