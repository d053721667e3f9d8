// PDF books drawn directly from the book layout with pdfkit (no HTML, no browser, no LaTeX):
// cover, reserved contents pages, the sections, then contents, running headers and footers
// and bookmarks once every page number is known.

import type { BookDoc } from '../../book/types.js';
import { contentsSections, drawContents, layoutContents } from './contents.js';
import type { RenderContext } from './context.js';
import { drawCover } from './cover.js';
import { createDocument } from './document.js';
import { drawSection } from './draw-section.js';
import { Flow } from './flow.js';
import { GlyphCoverage, type MissingGlyph } from './glyph-coverage.js';
import { Destinations } from './links.js';
import { buildOutline } from './outline.js';
import { OutputBytes, PageContents } from './output.js';
import { drawPageFrames } from './page-frame.js';

export type { MissingGlyph } from './glyph-coverage.js';

export interface PdfOptions {
  /** Called per chapter and when the file is done (the build command shows it on a TTY). */
  onProgress?: (msg: string) => void;
}

export interface PdfReport {
  pdf: Uint8Array;
  pages: number;
  /** Characters no embedded font can draw (they show as a box); the caller warns about them. */
  missingGlyphs: MissingGlyph[];
  /** Internal links whose destination was never drawn (a renderer bug; expected empty). */
  danglingLinks: string[];
}

export async function renderPdf(doc: BookDoc, opts: PdfOptions = {}): Promise<Uint8Array> {
  return (await renderPdfWithReport(doc, opts)).pdf;
}

export async function renderPdfWithReport(doc: BookDoc, opts: PdfOptions = {}): Promise<PdfReport> {
  const pdf = createDocument(doc);
  const pageContents = new PageContents(pdf);
  const output = new OutputBytes();
  pdf.on('data', (chunk: Uint8Array) => output.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });

  const sectionIds = new Set<string>();
  const collect = (list: BookDoc['sections']) => list.forEach((s) => (sectionIds.add(s.id), collect(s.children)));
  collect(doc.sections);
  const glyphs = new GlyphCoverage();
  const ctx: RenderContext = {
    pdf,
    book: doc,
    flow: new Flow(pdf, (page) => pageContents.seal(page)),
    dests: new Destinations(),
    glyphs,
    sectionIds,
    sectionPages: new Map(),
  };

  drawCover(ctx);
  const toc = layoutContents(ctx, contentsSections(doc.sections));
  const contentsFirst = ctx.flow.page + 1;
  for (let i = 0; i < toc.pages; i++) ctx.flow.newPage();
  ctx.flow.y = ctx.flow.bottom; // reserved: the body starts on the next page

  for (const section of doc.sections) {
    drawSection(ctx, section, (s) => {
      if (s.toc && s.level <= 2) opts.onProgress?.(`${doc.file}.pdf: ${s.title}`);
    });
    // Let the written objects reach `output` (and progress reach the terminal) between chapters.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  glyphs.where = '';
  drawContents(ctx, toc, contentsFirst);
  drawPageFrames(ctx, { first: contentsFirst, count: toc.pages });
  buildOutline(pdf, doc.sections, ctx.sectionPages, toc.pages ? { title: doc.labels.contents, page: contentsFirst } : undefined);

  const pages = pdf.bufferedPageRange().count;
  pdf.end();
  await ended;
  opts.onProgress?.(`${doc.file}.pdf: ${pages}`);
  return { pdf: output.bytes(), pages, missingGlyphs: glyphs.report(), danglingLinks: ctx.dests.dangling() };
}
