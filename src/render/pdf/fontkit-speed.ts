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
