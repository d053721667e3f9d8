// The shaped words shared by all documents of a process (fonts.ts): a word is shaped by fontkit
// once, in any document; the cache is bounded, and words still in use survive its turnover.
import PDFDocument from 'pdfkit';
import { describe, expect, it, vi } from 'vitest';
import { loadFont, registerFonts, SHAPED_WORDS_LIMIT } from '../../src/render/pdf/fonts.js';

function document(): PDFKit.PDFDocument {
  const pdf = new PDFDocument({ autoFirstPage: false });
  registerFonts(pdf);
  return pdf.font('serif-r');
}

describe('shaped words cache', () => {
  const font = loadFont('serif-r');
  const layout = vi.spyOn(font, 'layout');
  /** How many times fontkit shapes while `pdf` measures `word`. */
  const shapes = (pdf: PDFKit.PDFDocument, word: string) => {
    layout.mockClear();
    pdf.widthOfString(word);
    return layout.mock.calls.length;
  };

  it('shapes a word once for all documents', () => {
    const first = document();
    expect(shapes(first, 'Zebrakata')).toBe(1);
    expect(shapes(first, 'Zebrakata')).toBe(0);
    expect(shapes(document(), 'Zebrakata')).toBe(0);
  });

  it('keeps the words still in use when it is full, and forgets the others', () => {
    const pdf = document();
    expect(shapes(pdf, 'Kuda-laut')).toBe(1);
    // One generation of other words, then the word again: not shaped again.
    for (let i = 0; i < SHAPED_WORDS_LIMIT; i++) pdf.widthOfString(`kata${i}`);
    expect(shapes(pdf, 'Kuda-laut')).toBe(0);
    // A document opened before the turnover finds the words of the new generation too.
    const later = document();
    for (let i = 0; i < SHAPED_WORDS_LIMIT; i++) later.widthOfString(`lain${i}`);
    expect(shapes(pdf, 'lain7')).toBe(0);
    expect(shapes(later, 'Kuda-laut')).toBe(0);
    // Two generations without a word: it is gone (the cache stays bounded).
    for (let i = 0; i < 2 * SHAPED_WORDS_LIMIT; i++) later.widthOfString(`isi${i}`);
    expect(shapes(later, 'kata5')).toBe(1);
    expect(shapes(later, 'Kuda-laut')).toBe(1);
  });
});

describe('faces registered with a document on first use', () => {
  const registered = (pdf: PDFKit.PDFDocument) => Object.keys((pdf as unknown as { _registeredFonts: Record<string, unknown> })._registeredFonts).sort();

  it('registers a face when it is first drawn with, and shares its shaped words', () => {
    const pdf = new PDFDocument({ autoFirstPage: false });
    registerFonts(pdf);
    expect(registered(pdf)).toEqual([]);
    pdf.font('sans-b');
    expect(registered(pdf)).toEqual(['sans-b']);
    pdf.font('emoji-r').font('serif-r').font('sans-b');
    expect(registered(pdf)).toEqual(['emoji-r', 'sans-b', 'serif-r']);
    // The face's words are the shared ones: a word shaped in one document is not shaped in the next.
    const other = new PDFDocument({ autoFirstPage: false });
    registerFonts(other);
    const font = loadFont('sans-b');
    const layout = vi.spyOn(font, 'layout');
    pdf.font('sans-b').widthOfString('Pendaftaran');
    const shaped = layout.mock.calls.length;
    other.font('sans-b').widthOfString('Pendaftaran');
    expect(layout.mock.calls.length).toBe(shaped);
    layout.mockRestore();
    // Anything else still goes to pdfkit as it is.
    expect(() => pdf.font('Helvetica')).not.toThrow();
    expect(registered(pdf)).toEqual(['emoji-r', 'sans-b', 'serif-r']);
  });
});
