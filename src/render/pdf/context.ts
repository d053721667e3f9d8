// What every draw module gets: the pdfkit document, the book being drawn, the layout cursor,
// the named destinations and the glyph coverage of this one PDF.

import type { BookDoc } from '../../book/types.js';
import type { Flow } from './flow.js';
import type { GlyphCoverage } from './glyph-coverage.js';
import type { TextKit } from './inline-text.js';
import type { Destinations } from './links.js';

export interface RenderContext extends TextKit {
  pdf: PDFKit.PDFDocument;
  book: BookDoc;
  flow: Flow;
  dests: Destinations;
  glyphs: GlyphCoverage;
  /** Every section id of this book (a `#section` link may name one). */
  sectionIds: ReadonlySet<string>;
  /** Page index where each section's heading was drawn (for contents and bookmarks). */
  sectionPages: Map<string, number>;
}
