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
  /**
   * The printed page label of a named destination in another book's PDF (`buku-3.pdf`), when
   * that book was rendered before this one; undefined otherwise (the note then names the book only).
   */
  otherPage?: (file: string, anchor: string) => string | undefined;
  /**
   * Images whose PDF object is still being written: pdfkit decodes a PNG with an alpha channel
   * asynchronously. The renderer waits for them between sections, so that the objects land in
   * the file at the same place in every build (byte-identical output).
   */
  pendingImages?: Promise<void>[];
  /** The numbered figures of the Markdown text being drawn, in image order (see drawImage). */
  figures?: import('../../book/types.js').Figure[];
}

/** Draw an image through pdfkit and remember when its object is complete (see `pendingImages`). */
export function placeImage(ctx: RenderContext, abs: string, x: number, y: number, options: { width: number; height: number }): void {
  const pdf = ctx.pdf as unknown as {
    openImage(src: string): { obj?: unknown; finalize?: (...a: unknown[]) => unknown };
    image(img: unknown, x: number, y: number, o: object): void;
  };
  // pdfkit keeps one image object per path: only the first use embeds (and finalizes) it.
  const image = pdf.openImage(abs);
  const finalize = image.finalize;
  if (typeof finalize === 'function' && !image.obj) {
    (ctx.pendingImages ??= []).push(
      new Promise<void>((resolve) => {
        image.finalize = function (this: unknown, ...args: unknown[]) {
          const result = finalize.apply(this, args);
          resolve();
          return result;
        };
      }),
    );
  }
  pdf.image(image, x, y, options);
}

/**
 * Width and height of an image pdfkit can open (it keeps the opened image for `placeImage`);
 * undefined for one it cannot read — the validate step reports bad paths, the page does without.
 */
export function imageSize(ctx: RenderContext, abs: string): { width: number; height: number } | undefined {
  try {
    const image = (ctx.pdf as unknown as { openImage(src: string): { width: number; height: number } }).openImage(abs);
    return { width: image.width, height: image.height };
  } catch {
    return undefined;
  }
}

/** Wait until every image drawn so far is written. */
export async function imagesWritten(ctx: RenderContext): Promise<void> {
  const pending = ctx.pendingImages ?? [];
  ctx.pendingImages = [];
  await Promise.all(pending);
}
