// The embedded fonts: the theme's text and heading families (by default Source Serif 4 and
// Source Sans 3) and DejaVu for code and for the characters those lack, parsed once per process
// and handed to every document (pdfkit subsets them per PDF); their metrics for line breaking.
//
// Draw code names faces by role (`serif-b`: bold text face); `useTheme` says, per document,
// which face each role is. Documents are drawn one after another in a process, so the faces of
// the document being drawn are the ones in use; caches are kept per face, not per role.

import * as fontkit from 'fontkit';
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { readFontFile } from '../../package-files.js';
import { BUILTIN_FAMILIES, EMOJI_FACE, VARIANTS, faceFileName, type Variant } from '../../theme/font-catalog.js';
import { DEFAULT_THEME, type FaceSource, type Theme } from '../../theme/theme.js';
import { shapeSimpleWords, speedUpShaping, type KeptWords } from './fontkit-speed.js';
export type { KeptWord, KeptWords } from './fontkit-speed.js';

/** serif: body text; sans: headings, labels and tables; mono: code (the roles a style names). */
export type Family = 'serif' | 'sans' | 'mono';
/**
 * Roles that only fallback uses: DejaVu Sans and Serif, for characters the theme's faces lack;
 * Noto Emoji (`emoji-r` only) for the emoji none of them has.
 */
type FallbackFamily = 'dvsans' | 'dvserif' | 'emoji';
export type FontKey = `${Family | FallbackFamily}-${Variant}`;

export function fontKey(family: Family, bold = false, italic = false): FontKey {
  return `${family}-${bold ? (italic ? 'bi' : 'b') : italic ? 'i' : 'r'}`;
}

/** The emoji face: drawn with only for the characters no other face has. */
export const EMOJI: FontKey = 'emoji-r';

/** The faces of the document being drawn, by role. */
let roles = new Map<FontKey, { id: string; source: FaceSource }>();
/** The advances of each role's face in the document being drawn (see `unitWidth`), found again when the roles change. */
const roleAdvances = new Map<FontKey, Advances>();
setRoles(DEFAULT_THEME);

function faceId(source: FaceSource): string {
  return source.kind === 'package' ? faceFileName(source.face) : `file:${source.hash}`;
}

function setRoles(theme: Theme): void {
  const next = new Map<FontKey, { id: string; source: FaceSource }>();
  const put = (family: Family | FallbackFamily, faces: Record<Variant, FaceSource>) => {
    for (const v of VARIANTS) next.set(`${family}-${v}`, { id: faceId(faces[v]), source: faces[v] });
  };
  const pkg = (name: keyof typeof BUILTIN_FAMILIES) =>
    Object.fromEntries(VARIANTS.map((v) => [v, { kind: 'package', face: BUILTIN_FAMILIES[name][v] }])) as Record<Variant, FaceSource>;
  put('serif', theme.fonts.body.faces);
  put('sans', theme.fonts.headings.faces);
  put('mono', pkg('DejaVu Sans Mono'));
  put('dvsans', pkg('DejaVu Sans'));
  put('dvserif', pkg('DejaVu Serif'));
  next.set(EMOJI, { id: faceFileName(EMOJI_FACE), source: { kind: 'package', face: EMOJI_FACE } });
  roles = next;
  roleAdvances.clear();
}

/** Makes the theme's faces the ones the roles stand for (called when a document is created). */
export function useTheme(theme: Theme): void {
  setRoles(theme);
}

const loaded = new Map<string, fontkit.Font>();
let shapingSpedUp = false;

/**
 * Where the shaped words of each face are kept between runs (publish/word-cache.ts hands
 * one over for a build; without one, every word is shaped in every run). `face` is asked once
 * per face and store, with the face's file, and may look its words up only when first asked.
 */
export interface WordStore {
  face(bytes: Uint8Array): FaceStore | undefined;
}

/** A face's font subset as fontkit encoded it: the glyphs it ended with (composite glyphs' parts added) and its bytes. */
export interface KeptSubset {
  glyphs: number[];
  bytes: Uint8Array;
}

/** What is kept of one face between runs: its shaped words, and its subsets by the glyphs they were asked for. */
export interface FaceStore extends KeptWords {
  subset(glyphs: readonly number[]): KeptSubset | undefined;
  keepSubset(glyphs: readonly number[], kept: KeptSubset): void;
}

let wordStore: WordStore | undefined;
/** What the store keeps of each face, by face id (asked for once per face and store). */
const faceStores = new Map<string, FaceStore | undefined>();
/** The bytes of each face parsed, by face id (what the store keys a face by). */
const faceBytes = new Map<string, Uint8Array>();

/** The store of the words shaped in earlier runs, for the documents drawn from now on. */
export function useWordStore(store: WordStore | undefined): void {
  wordStore = store;
  faceStores.clear();
}

function faceStore(id: string): FaceStore | undefined {
  const bytes = faceBytes.get(id);
  if (!wordStore || !bytes) return undefined;
  if (!faceStores.has(id)) faceStores.set(id, wordStore.face(bytes));
  return faceStores.get(id);
}

function face(key: FontKey): { id: string; source: FaceSource } {
  return roles.get(key)!;
}

/** The parsed font for a role (read and parsed on first use of its face only). */
export function loadFont(key: FontKey): fontkit.Font {
  const { id, source } = face(key);
  let font = loaded.get(id);
  if (!font) {
    const bytes = source.kind === 'package' ? readFontFile(source.face) : Buffer.from(source.bytes);
    font = fontkit.create(bytes) as fontkit.Font;
    loaded.set(id, font);
    faceBytes.set(id, bytes);
    // fontkit's shaping classes are shared by all fonts: the first font with OpenType layout
    // tables makes them cheaper for every font.
    if (!shapingSpedUp) shapingSpedUp = speedUpShaping(font);
    shapeSimpleWords(font, () => faceStore(id));
  }
  return font;
}

/**
 * pdfkit's shaped words per face, shared by all documents: two generations. Words are shaped
 * into `current`; when it is full it becomes `old` and a new `current` starts, and a word found
 * in `old` moves back into `current` without being shaped again. The words a book uses over and
 * over (labels, Pokja names, common words) stay; words seen once (ids, numbers) leave after two
 * generations. At most twice the limit is kept.
 */
interface ShapedWords {
  current: Record<string, unknown>;
  old: Record<string, unknown>;
  /** Words put into `current` (shaped or moved back from `old`). */
  size: number;
}

const shapedWords = new Map<string, ShapedWords>();

/**
 * Bound on shaped words in a generation per face: the example needs a few thousand; books with
 * thousands of distinct ids would otherwise keep every id's glyph run alive (~1 KB each) to the end.
 */
export const SHAPED_WORDS_LIMIT = 3_000;

/**
 * Makes every face a document may draw with available under its role's key (`pdf.font('serif-b')`):
 * a face is read, parsed and registered with the document when first drawn with, so a document
 * spends nothing on the faces it never uses (most books draw with six or seven of the twenty
 * roles), and pdfkit embeds only the faces drawn with. pdfkit shapes each word once per document
 * and face; the shaped runs depend on the face alone, so all documents share one (bounded) cache
 * per face — five books repeat most words.
 */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  const internals = doc as unknown as { _registeredFonts?: Record<string, unknown>; _font?: EmbeddedFontInternals };
  const font = doc.font;
  doc.font = function (this: PDFKit.PDFDocument, src: unknown, ...rest: unknown[]) {
    const key = typeof src === 'string' && roles.has(src as FontKey) ? (src as FontKey) : undefined;
    // pdfkit accepts a parsed fontkit font (anything with `layout`); its types only list sources.
    if (key && !internals._registeredFonts?.[key]) this.registerFont(key, loadFont(key) as unknown as PDFKit.Mixins.PDFFontSource);
    const result = (font as (...args: unknown[]) => PDFKit.PDFDocument).call(this, src, ...rest);
    const embedded = internals._font;
    if (key && embedded && !sharing.has(embedded)) {
      sharing.add(embedded);
      shareShapedWords(face(key).id, embedded);
      joinWordsFaster(embedded);
      keepSubsets(embedded, face(key).id);
    }
    return result;
  } as PDFKit.PDFDocument['font'];
}

/** Embedded fonts (pdfkit's, one per face and document) already sharing the shaped words. */
const sharing = new WeakSet<object>();

/** The roles a document may draw with (the emoji face only for characters no other face has). */
export function fontRoles(): FontKey[] {
  return [...roles.keys()].filter((key) => key !== EMOJI);
}

/** The parts of pdfkit's embedded font (private API) that the shared cache touches. */
interface EmbeddedFontInternals {
  layoutCache?: Record<string, unknown>;
  layoutRun?: (text: string, features?: unknown) => { features?: unknown };
  layoutCached?: (text: string) => ShapedRun;
  layout?: (text: string, features?: unknown, onlyWidth?: boolean) => { glyphs: unknown[] | null; positions: unknown[] | null; advanceWidth: number };
  encode?: (text: string, features?: unknown) => [string[], unknown[]];
  subset?: { includeGlyph(id: number): number; encode?: () => Uint8Array; glyphs?: number[] };
  widths?: (number | undefined)[];
  unicode?: (number[] | undefined)[];
  scale?: number;
}

/** Four hex digits per glyph id of a subset, as pdfkit writes them in a text operator. */
const HEX: string[] = [];

/**
 * pdfkit's `layout` and `encode` of an embedded font, doing the same with less work: pdfkit
 * shapes a text word by word (each word with the spaces after it, from its cache) and joined the
 * words' glyphs with `concat`, a new array per word; here they are appended. `encode` writes the
 * same hex digits per glyph, from a table.
 */
function joinWordsFaster(embedded: EmbeddedFontInternals | undefined): void {
  if (!embedded || typeof embedded.layout !== 'function' || typeof embedded.encode !== 'function' || typeof embedded.layoutCached !== 'function' || typeof embedded.layoutRun !== 'function') return;
  const layout = embedded.layout.bind(embedded);
  embedded.layout = function (this: EmbeddedFontInternals, text, features, onlyWidth) {
    if (features) return layout(text, features, onlyWidth);
    const glyphs: unknown[] | null = onlyWidth ? null : [];
    const positions: unknown[] | null = onlyWidth ? null : [];
    let advanceWidth = 0;
    let last = 0;
    const n = text.length;
    for (let index = 0; index <= n; index++) {
      // A word ends after a space or a tab, and at the end of the text.
      const ends = index === n ? last < index : text.charCodeAt(index) === 32 || text.charCodeAt(index) === 9;
      if (!ends) continue;
      const run = this.layoutCached!(text.slice(last, index + 1));
      if (glyphs && positions) {
        for (const g of run.glyphs) glyphs.push(g);
        for (const p of run.positions) positions.push(p);
      }
      advanceWidth += run.advanceWidth;
      last = index + 1;
    }
    return { glyphs, positions, advanceWidth };
  };
  embedded.encode = function (this: EmbeddedFontInternals, text, features) {
    const { glyphs, positions } = this.layout!(text, features) as { glyphs: ShapedRun['glyphs']; positions: unknown[] };
    const res: string[] = [];
    const widths = this.widths!;
    const unicode = this.unicode!;
    for (let i = 0; i < glyphs.length; i++) {
      const glyph = glyphs[i]!;
      const gid = this.subset!.includeGlyph(glyph.id);
      res.push(HEX[gid] ?? (HEX[gid] = `0000${gid.toString(16)}`.slice(-4)));
      if (widths[gid] == null) widths[gid] = glyph.advanceWidth * this.scale!;
      if (unicode[gid] == null) unicode[gid] = glyph.codePoints;
    }
    return [res, positions];
  };
}

/**
 * The face's subset, encoded at the document's end, taken from the store when a run before
 * encoded the same glyphs; otherwise encoded by fontkit and kept. fontkit's encoding makes the
 * glyph object of each glyph of the subset that has none yet (the parts of composite glyphs,
 * with no code points): a kept subset makes them too, in the same order, so that what later
 * documents draw with those glyphs stays the same.
 */
function keepSubsets(embedded: EmbeddedFontInternals, id: string): void {
  const subset = embedded.subset as { encode?: () => Uint8Array; glyphs?: unknown } | undefined;
  if (!subset || typeof subset.encode !== 'function' || !Array.isArray(subset.glyphs)) return;
  const encode = subset.encode.bind(subset);
  const glyphs = subset.glyphs as number[];
  subset.encode = () => {
    const store = faceStore(id);
    const font = loaded.get(id);
    if (!store || !font) return encode();
    const asked = glyphs.slice();
    const kept = store.subset(asked);
    if (kept) {
      makeSubsetGlyphs(font, kept.glyphs);
      return kept.bytes;
    }
    const bytes = encode();
    store.keepSubset(asked, { glyphs: glyphs.slice(), bytes });
    return bytes;
  };
}

/** The glyph objects fontkit's encoding of a subset with these glyphs (in its final order) makes. */
export function makeSubsetGlyphs(font: fontkit.Font, glyphs: readonly number[]): void {
  for (const g of glyphs) (font as unknown as { getGlyph(id: number): unknown }).getGlyph(g);
}

function shareShapedWords(id: string, embedded: EmbeddedFontInternals | undefined): void {
  if (!embedded?.layoutCache || typeof embedded.layoutRun !== 'function') return;
  let shared = shapedWords.get(id);
  if (!shared) shapedWords.set(id, (shared = { current: embedded.layoutCache, old: Object.create(null) as Record<string, unknown>, size: 0 }));
  const words = shared;
  embedded.layoutCache = words.current;
  // pdfkit looks a word up in `layoutCache`; on a miss it calls layoutRun and stores the run it
  // returns in `layoutCache` (read again after the call). Runs with OpenType features asked for
  // are never cached by pdfkit (this renderer asks for none).
  const layoutRun = embedded.layoutRun.bind(embedded);
  embedded.layoutRun = (text, features) => {
    if (features !== undefined) return layoutRun(text, features);
    // A document of this face that registered before the last new generation still holds the
    // older object: it looks in the current one from now on.
    if (embedded.layoutCache !== words.current) {
      embedded.layoutCache = words.current;
      const run = words.current[text] as { features?: unknown } | undefined;
      if (run) return run;
    }
    let run = words.old[text] as { features?: unknown } | undefined;
    if (!run && exchange && absorbShapedWords()) {
      // Another thread may have shaped it meanwhile.
      const shared = (words.current[text] ?? words.old[text]) as { features?: unknown } | undefined;
      if (shared) {
        embedded.layoutCache = words.current;
        return shared;
      }
    }
    if (!run) {
      run = layoutRun(text);
      // The run keeps fontkit's table of every OpenType feature it considered (~40 keys);
      // pdfkit only reads the glyphs and positions back.
      run.features = undefined;
      if (exchange) publishShapedWord(id, text, run as unknown as ShapedRun);
    }
    if (++words.size > SHAPED_WORDS_LIMIT) newGeneration(words);
    embedded.layoutCache = words.current;
    return run;
  };
}

function newGeneration(words: ShapedWords): void {
  words.old = words.current;
  words.current = Object.create(null) as Record<string, unknown>;
  words.size = 1;
}

/** What pdfkit reads back of a shaped run (fontkit's GlyphRun, positions scaled by pdfkit). */
interface ShapedRun {
  glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[];
  advanceWidth: number;
}

/** A shaped word as plain data, for the other threads rendering PDFs (see `shareShapedWordsWith`). */
export interface ShapedWordMessage {
  face: string;
  text: string;
  /** Per glyph: id, advance (font units), then the code points it stands for. */
  glyphs: [number, number, number[]][];
  /** Per glyph, as pdfkit scaled them: xAdvance, yAdvance, xOffset, yOffset, advanceWidth. */
  positions: number[];
  advanceWidth: number;
}

let exchange: MessagePort[] | undefined;

/**
 * Shares this thread's shaped words with the other threads rendering PDFs, through `ports`
 * (one per other thread): each word shaped here is sent to them, and the words they shaped are
 * taken in before a word is shaped here. Shaping depends on the face and the word alone, so a
 * run shaped in another thread is the one this thread would have made (the same bytes); it
 * only saves the work, which is the largest first-time cost of a thread. With several ports
 * (the main thread), a word from one is passed on to the others.
 */
export function shareShapedWordsWith(ports: MessagePort[]): void {
  for (const port of exchange ?? []) port.removeAllListeners('message');
  exchange = ports.length > 0 ? ports : undefined;
  for (const port of ports) {
    // While this thread waits (between books, or done before the others), the words are taken
    // in as they come, so that none pile up in the port; the port keeps no thread alive.
    port.on('message', (m: ShapedWordMessage) => takeIn(m, port));
    port.unref();
  }
}

function publishShapedWord(face: string, text: string, run: ShapedRun): void {
  const glyphs: ShapedWordMessage['glyphs'] = run.glyphs.map((g) => [g.id, g.advanceWidth, g.codePoints]);
  const positions: number[] = [];
  for (const p of run.positions) positions.push(p.xAdvance, p.yAdvance, p.xOffset, p.yOffset, p.advanceWidth);
  const message: ShapedWordMessage = { face, text, glyphs, positions, advanceWidth: run.advanceWidth };
  for (const port of exchange ?? []) port.postMessage(message);
}

let lastAbsorbed = 0;

/**
 * Takes in the words the other threads have sent so far (without waiting); at most every
 * millisecond, so that a thread shaping many new words does not look at the ports for each. False
 * when it did not look.
 */
function absorbShapedWords(): boolean {
  const now = performance.now();
  if (now - lastAbsorbed < 1) return false;
  lastAbsorbed = now;
  for (const port of exchange ?? []) {
    for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) takeIn(received.message as ShapedWordMessage, port);
  }
  return true;
}

function takeIn(m: ShapedWordMessage, from: MessagePort): void {
  let words = shapedWords.get(m.face);
  // A face no document of this thread has used yet: kept for the first that does.
  if (!words) shapedWords.set(m.face, (words = { current: Object.create(null) as Record<string, unknown>, old: Object.create(null) as Record<string, unknown>, size: 0 }));
  if (words.current[m.text] || words.old[m.text]) return;
  const run: ShapedRun = {
    glyphs: m.glyphs.map(([id, advanceWidth, codePoints]) => ({ id, advanceWidth, codePoints })),
    positions: [],
    advanceWidth: m.advanceWidth,
  };
  for (let i = 0; i < m.positions.length; i += 5) {
    const [xAdvance, yAdvance, xOffset, yOffset, advanceWidth] = m.positions.slice(i, i + 5) as [number, number, number, number, number];
    run.positions.push({ xAdvance, yAdvance, xOffset, yOffset, advanceWidth });
  }
  words.current[m.text] = run;
  if (++words.size > SHAPED_WORDS_LIMIT) newGeneration(words);
  if (exchange && exchange.length > 1) relay(m, from);
}

function relay(m: ShapedWordMessage, from: MessagePort): void {
  for (const port of exchange ?? []) if (port !== from) port.postMessage(m);
}

/** Per-character advances of a face at size 1: the first code points in an array (NaN: not yet looked up), the others in a map. */
interface Advances {
  low: Float64Array;
  high: Map<number, number>;
}

/** Code points below this (Latin, Greek, Cyrillic, punctuation, arrows, symbols) have a place in `low`. */
const LOW = 0x2800;
const advances = new Map<string, Advances>();

function advancesOf(key: FontKey): Advances {
  let table = roleAdvances.get(key);
  if (!table) {
    const id = face(key).id;
    table = advances.get(id);
    if (!table) advances.set(id, (table = { low: new Float64Array(LOW).fill(NaN), high: new Map() }));
    roleAdvances.set(key, table);
  }
  return table;
}

/**
 * Advance width of `text` at size 1, from per-character advances cached for the process:
 * measuring is the hot path of line breaking, and shaping every word with fontkit costs ten
 * times more. pdfkit draws with kerning, which only ever tightens a word by a hair, so a
 * measured line never ends up wider than the width it was broken for.
 */
export function unitWidth(key: FontKey, text: string): number {
  const table = advancesOf(key);
  const low = table.low;
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    let advance = cp < LOW ? low[cp]! : table.high.get(cp);
    if (advance === undefined || advance !== advance) {
      const font = loadFont(key);
      advance = font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm;
      if (cp < LOW) low[cp] = advance;
      else table.high.set(cp, advance);
    }
    width += advance;
  }
  return width;
}

/** Ascent and descent of a face as fractions of the font size (for baselines). */
export function verticalMetrics(key: FontKey): { ascent: number; descent: number } {
  const font = loadFont(key);
  return { ascent: font.ascent / font.unitsPerEm, descent: -font.descent / font.unitsPerEm };
}
