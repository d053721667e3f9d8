// fontkit's shaping made cheaper (fontkit-speed.ts) must shape every word as fontkit does: the
// same glyphs and positions. Each face shapes the words of the example and a list of words that
// exercise ligatures, marks, fractions, other scripts and emoji, first with fontkit as it comes
// (each test file runs in its own module graph, so nothing is sped up yet), then sped up, with a
// fresh copy of the font so that nothing is remembered from the first pass.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { readFontFile } from '../../src/package-files.js';
import { BUILTIN_FAMILIES, EMOJI_FACE, type PackageFace } from '../../src/theme/font-catalog.js';
import { shapeSimpleWords, speedUpShaping, type KeptWord } from '../../src/render/pdf/fontkit-speed.js';

const FACES: PackageFace[] = [
  BUILTIN_FAMILIES['Source Serif 4'].r,
  BUILTIN_FAMILIES['Source Serif 4'].bi,
  BUILTIN_FAMILIES['Source Sans 3'].b,
  BUILTIN_FAMILIES['DejaVu Sans'].r,
  BUILTIN_FAMILIES['DejaVu Serif'].i,
  BUILTIN_FAMILIES['DejaVu Sans Mono'].r,
  EMOJI_FACE,
];

const TRICKY = [
  'office', 'ﬁnal', 'efflorescence', 'fjord', 'Th', 'AVAWAY', 'T.', 'Wa,', "L'Y", '—«»', '1/2', '3⁄4', '½',
  'naïve', 'Tōkyō', 'x̂y', 'ā̀', 'ẞß', 'İstanbul', 'ǅ', 'Ŋ', 'Ǻ', 'e\u0301\u0323', 'i\u0307', 'ﬃ', 'ﬄ', 'H₂O', 'x²',
  'Дом', 'Ελλάδα', 'مرحبا', 'שלום', 'नमस्ते', 'ไทย', '中文', '한국어', '👍🏽', '👨‍👩‍👧', '🇮🇩', '1️⃣', '\u00ad', 'a\u200db',
];

function exampleWords(): string[] {
  const words = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(md|ya?ml)$/.test(name)) for (const w of readFileSync(path, 'utf8').split(/\s+/)) if (w) words.add(w);
    }
  };
  walk(join(import.meta.dirname, '..', '..', 'examples', 'banggai'));
  return [...words];
}

type Layout = (text: string) => { glyphs: { id: number }[]; positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] };

/** Per face: the words shaped, one line each; `simple`: with `shapeSimpleWords`, counting the words fontkit still shaped. */
function shapeAll(words: string[], simple?: Map<PackageFace, number>): string[] {
  return FACES.map((face) => {
    const font = fontkit.create(readFontFile(face)) as unknown as { layout: Layout };
    if (simple) {
      const layout = font.layout;
      simple.set(face, 0);
      font.layout = function (this: unknown, text: string) {
        simple.set(face, simple.get(face)! + 1);
        return layout.call(this, text);
      };
      expect(shapeSimpleWords(font)).toBe(true);
    }
    return words
      .map((w) => {
        const run = font.layout(w);
        return `${run.glyphs.map((g) => g.id).join(',')}|${run.positions.map((p) => `${p.xAdvance}:${p.yAdvance}:${p.xOffset}:${p.yOffset}`).join(',')}`;
      })
      .join('\n');
  });
}

describe('shaping sped up', () => {
  it('shapes every word as fontkit does', () => {
    const words = [...exampleWords(), ...TRICKY];
    expect(words.length).toBeGreaterThan(1000);
    const before = shapeAll(words);
    const probe = fontkit.create(readFontFile(FACES[0]!)) as unknown as { _layoutEngine: { engine: { GSUBProcessor: { applyLookups: unknown } } } };
    const original = Object.getPrototypeOf(probe._layoutEngine.engine.GSUBProcessor).applyLookups;
    expect(speedUpShaping(probe)).toBe(true);
    // In effect: the processors' methods are the sped-up ones.
    expect(Object.getPrototypeOf(probe._layoutEngine.engine.GSUBProcessor).applyLookups).not.toBe(original);
    const after = shapeAll(words);
    FACES.forEach((face, i) => expect(after[i], face.path).toBe(before[i]));
    // And the simple words without fontkit's machinery: most words of the text faces.
    const byFontkit = new Map<PackageFace, number>();
    const simple = shapeAll(words, byFontkit);
    FACES.forEach((face, i) => expect(simple[i], face.path).toBe(before[i]));
    expect(byFontkit.get(FACES[0]!)).toBeLessThan(words.length / 2);
    expect(byFontkit.get(FACES[2]!)).toBeLessThan(words.length / 2);
  }, 60_000);

  it('does nothing to a font without OpenType layout tables', () => {
    expect(speedUpShaping({})).toBe(false);
    expect(speedUpShaping(null)).toBe(false);
  });
});

describe("pdfkit's layout and encode of an embedded font, replaced (fonts.ts)", () => {
  type Embedded = {
    layout(text: string, features?: unknown, onlyWidth?: boolean): { glyphs: { id: number }[] | null; positions: unknown[] | null; advanceWidth: number };
    encode(text: string): [string[], unknown[]];
  };
  const TEXTS = ['', ' ', 'kata', 'dua kata', 'akhir spasi ', '  dua spasi  di\tdalam\t', 'tab\tdan spasi', 'ﬁnal office 2024–2029, ½', 'Ω ≠ ∞ 👍 x̂'];

  async function embedded(key: 'serif-r' | 'sans-b'): Promise<{ font: Embedded; original: Embedded }> {
    const { registerFonts } = await import('../../src/render/pdf/fonts.js');
    const PDFDocument = (await import('pdfkit')).default;
    const pdf = new PDFDocument({ autoFirstPage: false });
    registerFonts(pdf);
    pdf.font(key);
    const font = (pdf as unknown as { _font: Embedded })._font;
    return { font, original: Object.getPrototypeOf(font) as Embedded };
  }

  it('lays out and encodes every text as pdfkit does', async () => {
    for (const key of ['serif-r', 'sans-b'] as const) {
      const a = await embedded(key);
      const b = await embedded(key);
      // The replacement is in place.
      expect(a.font.layout).not.toBe(a.original.layout);
      for (const text of TEXTS) {
        expect(a.font.layout(text), text).toEqual(a.original.layout.call(a.font, text));
        expect(a.font.layout(text, undefined, true), text).toEqual(a.original.layout.call(a.font, text, undefined, true));
        // Encoding adds glyphs to the document's subset: each way in its own document.
        expect(a.font.encode(text), text).toEqual(b.original.encode.call(b.font, text));
      }
    }
  });
});

describe('simple words kept between runs (the `kept` store of shapeSimpleWords)', () => {
  type Glyph = { id: number; codePoints: number[] };
  type Font = { layout: Layout; _glyphs: Record<number, Glyph> };
  type Kept = KeptWord;
  const store = (words = new Map<string, Kept>()) => ({
    words,
    asked: 0,
    get(text: string) {
      this.asked++;
      return words.get(text);
    },
    put(text: string, word: Kept) {
      words.set(text, word);
    },
  });
  /** The runs of `words` in order, and fontkit's glyph objects afterwards (id → code points, in the order made). */
  function shape(face: PackageFace, words: string[], kept?: ReturnType<typeof store>) {
    const font = fontkit.create(readFontFile(face)) as unknown as Font;
    expect(shapeSimpleWords(font, kept && (() => kept))).toBe(true);
    const runs = words.map((w) => {
      const run = font.layout(w);
      return `${run.glyphs.map((g) => g.id).join(',')}|${run.positions.map((p) => `${p.xAdvance}:${p.yAdvance}:${p.xOffset}:${p.yOffset}`).join(',')}`;
    });
    const glyphs = Object.entries(font._glyphs).map(([id, g]) => `${id}:${g.codePoints.join('+')}`);
    return { runs, glyphs, font };
  }

  it('draws every word and leaves every glyph object as shaping it would', () => {
    // Words that share glyphs through other code points (a no-break space, a soft hyphen, a
    // character the face lacks) come first, so that which code points a glyph object keeps shows.
    const words = ['a\u00a0b ', '\u00adx', '\u{10ffff}', ...exampleWords().slice(0, 1500), ...TRICKY, 'a b ', 'AVAWAY'];
    for (const face of FACES.slice(0, 3)) {
      const plain = shape(face, words);
      const first = store();
      const shaped = shape(face, words, first);
      expect(shaped.runs).toEqual(plain.runs);
      expect(shaped.glyphs).toEqual(plain.glyphs);
      // Most words of a text face are kept: the simple ones as their glyphs' ids and advances,
      // those shaped by fontkit (a ligature) as what it did; a word of another script's shaper is not.
      expect(first.words.size).toBeGreaterThan(words.length / 2);
      expect(Array.isArray(first.words.get('AVAWAY'))).toBe(true);
      if (face === FACES[0]) expect(first.words.get('office')).toMatchObject({ sub: expect.any(Array) });
      expect(first.words.has('مرحبا')).toBe(false);
      // The next run: every kept word is taken, nothing is kept again, the result is the same.
      const second = store(new Map(first.words));
      const before = new Map(second.words);
      const kept = shape(face, words, second);
      expect(kept.runs, face.path).toEqual(plain.runs);
      expect(kept.glyphs, face.path).toEqual(plain.glyphs);
      expect(second.words).toEqual(before);
    }
  }, 60_000);

  it('does not set up fontkit shaping for a face whose words are all kept', () => {
    const words = ['Rencana ', 'Induk ', 'Kota ', 'Cerdas ', '2024–2029, ', 'AVAWAY'];
    const first = store();
    shape(FACES[1]!, words, first);
    expect(first.words.size).toBe(words.length);
    const { font } = shape(FACES[1]!, words, store(new Map(first.words)));
    // fontkit makes its layout engine (and reads the GSUB and GPOS tables) on first use.
    expect(Object.getOwnPropertyDescriptor(font, '_layoutEngine')).toBeUndefined();
  });

  it('shapes a word again when what is kept does not fit the face', () => {
    const words = ['Kabupaten ', 'Banggai ', 'AVAWAY'];
    const plain = shape(FACES[0]!, words);
    const first = store();
    shape(FACES[0]!, words, first);
    // Other glyph ids, a glyph too many: neither is taken.
    const wrong = new Map([...first.words].map(([w, g], i) => [w, i === 0 ? (g as number[]).map((v, j) => (j % 2 === 0 ? v + 1 : v)) : [...(g as number[]), 3, 500]] as [string, Kept]));
    const again = shape(FACES[0]!, words, store(wrong));
    expect(again.runs).toEqual(plain.runs);
    expect(again.glyphs).toEqual(plain.glyphs);
  });
});

describe('font subsets kept between runs (fonts.ts keepSubsets)', () => {
  it("makes the glyph objects fontkit's encoding of the subset makes, in its order", async () => {
    const { makeSubsetGlyphs } = await import('../../src/render/pdf/fonts.js');
    type SubsetFont = { _glyphs: Record<number, { codePoints: number[] }>; glyphsForString(t: string): { id: number }[]; createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array; glyphs: number[] } };
    // Accented letters are composite glyphs in these faces: encoding adds their parts.
    const text = 'Ǻ ǻ é ñ ü Ŵ ŷ ǖ';
    for (const face of FACES.slice(0, 4)) {
      const state = (f: SubsetFont) => Object.entries(f._glyphs).map(([id, g]) => `${id}:${g.codePoints.join('+')}`);
      const a = fontkit.create(readFontFile(face)) as unknown as SubsetFont;
      const b = fontkit.create(readFontFile(face)) as unknown as SubsetFont;
      const subset = a.createSubset();
      for (const g of a.glyphsForString(text)) subset.includeGlyph(g.id);
      b.glyphsForString(text);
      const asked = subset.glyphs.slice();
      subset.encode();
      if (face === FACES[0]) expect(subset.glyphs.length, 'composite parts added').toBeGreaterThan(asked.length);
      makeSubsetGlyphs(b as unknown as Parameters<typeof makeSubsetGlyphs>[0], subset.glyphs);
      expect(state(b), face.path).toEqual(state(a));
    }
  });
});
