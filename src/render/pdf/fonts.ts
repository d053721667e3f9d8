// The embedded fonts: DejaVu TTFs from the `dejavu-fonts-ttf` package, parsed once per process
// and handed to every document (pdfkit subsets them per PDF); their metrics for line breaking.

import * as fontkit from 'fontkit';
import { readFontFile } from '../../package-files.js';

/** serif: body text; sans: headings; cond: tables and labels (condensed sans); mono: code. */
export type Family = 'serif' | 'sans' | 'cond' | 'mono';
export type FontKey = `${Family}-${'r' | 'b' | 'i' | 'bi'}`;

const FILES: Record<Family, [string, string, string, string]> = {
  serif: ['DejaVuSerif', 'DejaVuSerif-Bold', 'DejaVuSerif-Italic', 'DejaVuSerif-BoldItalic'],
  sans: ['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSans-Oblique', 'DejaVuSans-BoldOblique'],
  cond: ['DejaVuSansCondensed', 'DejaVuSansCondensed-Bold', 'DejaVuSansCondensed-Oblique', 'DejaVuSansCondensed-BoldOblique'],
  mono: ['DejaVuSansMono', 'DejaVuSansMono-Bold', 'DejaVuSansMono-Oblique', 'DejaVuSansMono-BoldOblique'],
};
const VARIANTS = ['r', 'b', 'i', 'bi'] as const;

export function fontKey(family: Family, bold = false, italic = false): FontKey {
  return `${family}-${bold ? (italic ? 'bi' : 'b') : italic ? 'i' : 'r'}`;
}

const loaded = new Map<FontKey, fontkit.Font>();

/** The parsed font for a key (read from disk on first use only). */
export function loadFont(key: FontKey): fontkit.Font {
  let font = loaded.get(key);
  if (!font) {
    const [family, variant] = key.split('-') as [Family, (typeof VARIANTS)[number]];
    const file = FILES[family][VARIANTS.indexOf(variant)];
    font = fontkit.create(readFontFile(file));
    loaded.set(key, font);
  }
  return font;
}

/** pdfkit's shaped words per face, shared by all documents, emptied when it grows too large. */
interface ShapedWords {
  entries: Record<string, unknown>;
  size: number;
}

const shapedWords = new Map<FontKey, ShapedWords>();

/**
 * Bound on shaped words kept per face: the example needs a few thousand; books with thousands
 * of distinct ids would otherwise keep every id's glyph run alive (~1 KB each) to the end.
 */
const SHAPED_WORDS_LIMIT = 3_000;

/**
 * Register every face with a document under its key; pdfkit embeds only the faces drawn with.
 * pdfkit shapes each word once per document and face; the shaped runs depend on the face
 * alone, so all documents share one (bounded) cache per face — five books repeat most words.
 */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const family of Object.keys(FILES) as Family[]) {
    for (const variant of VARIANTS) {
      const key: FontKey = `${family}-${variant}`;
      // pdfkit accepts a parsed fontkit font (anything with `layout`); its types only list sources.
      doc.registerFont(key, loadFont(key) as unknown as PDFKit.Mixins.PDFFontSource);
      doc.font(key);
      shareShapedWords(key, (doc as unknown as { _font?: EmbeddedFontInternals })._font);
    }
  }
}

/** The parts of pdfkit's embedded font (private API) that the shared cache touches. */
interface EmbeddedFontInternals {
  layoutCache?: Record<string, unknown>;
  layoutRun?: (text: string, features?: unknown) => { features?: unknown };
}

function shareShapedWords(key: FontKey, embedded: EmbeddedFontInternals | undefined): void {
  if (!embedded?.layoutCache || typeof embedded.layoutRun !== 'function') return;
  let shared = shapedWords.get(key);
  if (!shared) shapedWords.set(key, (shared = { entries: embedded.layoutCache, size: 0 }));
  const words = shared;
  embedded.layoutCache = words.entries;
  // pdfkit calls layoutRun on a cache miss, then stores the run in `layoutCache`.
  const layoutRun = embedded.layoutRun.bind(embedded);
  embedded.layoutRun = (text, features) => {
    const run = layoutRun(text, features);
    // The run keeps fontkit's table of every OpenType feature it considered (~40 keys);
    // pdfkit only reads the glyphs and positions back.
    run.features = undefined;
    if (++words.size > SHAPED_WORDS_LIMIT) {
      words.entries = {};
      words.size = 1;
      embedded.layoutCache = words.entries;
    }
    return run;
  };
}

const advances = new Map<FontKey, Map<number, number>>();

/**
 * Advance width of `text` at size 1, from per-character advances cached for the process:
 * measuring is the hot path of line breaking, and shaping every word with fontkit costs ten
 * times more. pdfkit draws with kerning, which only ever tightens a word by a hair, so a
 * measured line never ends up wider than the width it was broken for.
 */
export function unitWidth(key: FontKey, text: string): number {
  let table = advances.get(key);
  if (!table) advances.set(key, (table = new Map()));
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    let advance = table.get(cp);
    if (advance === undefined) {
      const font = loadFont(key);
      advance = font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm;
      table.set(cp, advance);
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
