// PDF books drawn directly from the book layout with pdfkit (no HTML, no browser, no LaTeX):
// cover, reserved contents pages, the sections, then contents, running headers and footers
// and bookmarks once every page number is known.

import type { BookDoc } from '../../book/types.js';
import { contentsSections, drawContents, layoutContents } from './contents.js';
import { imagesWritten, type RenderContext } from './context.js';
import { drawCover } from './cover.js';
import PDFDocument from 'pdfkit';
import { createDocument } from './document.js';
import { fontRoles, registerFonts } from './fonts.js';
export { shareShapedWordsWith, useWordStore } from './fonts.js';
import { drawSection } from './draw-section.js';
import { Flow } from './flow.js';
import { GlyphCoverage, type MissingGlyph } from './glyph-coverage.js';
import { Destinations } from './links.js';
import { buildOutline } from './outline.js';
import { collectOutput, OutputBytes, PageContents } from './output.js';
import { flowLines } from './draw-paragraph.js';
import { layoutLines, linesHeight, style } from './inline-text.js';
import { drawPageFrames, pageLabel } from './page-frame.js';
import { Tagger, type StructElement } from './tags.js';
import { COLOR, TYPE } from './theme.js';
import type { Section } from '../../book/types.js';

export type { MissingGlyph } from './glyph-coverage.js';

export interface PdfOptions {
  /** Called per chapter and when the file is done (the build command shows it on a TTY). */
  onProgress?: (msg: string) => void;
  /**
   * Page labels of the named destinations of the books already rendered, by PDF file name
   * (`buku-3.pdf`): a link into one of them says the page ("Buku III, hlm. 12").
   */
  otherBooks?: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

export interface PdfReport {
  pdf: Uint8Array;
  pages: number;
  /** Characters no embedded font can draw (they show as a box); the caller warns about them. */
  missingGlyphs: MissingGlyph[];
  /** Internal links whose destination was never drawn (a renderer bug; expected empty). */
  danglingLinks: string[];
  /** Every named destination with the label of its page, for the notes of links from other books. */
  destinationPages: Map<string, string>;
}

export async function renderPdfWithReport(doc: BookDoc, opts: PdfOptions = {}): Promise<PdfReport> {
  const pdf = createDocument(doc);
  const pageContents = new PageContents(pdf);
  const output = new OutputBytes();
  collectOutput(pdf, output);
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });

  const sectionIds = new Set<string>();
  const collect = (list: BookDoc['sections']) => list.forEach((s) => (sectionIds.add(s.id), collect(s.children)));
  collect(doc.front);
  collect(doc.sections);
  const glyphs = new GlyphCoverage();
  const tags = new Tagger(pdf, doc.langTag);
  const flow = new Flow(pdf, (page) => (tags.leavePage(), pageContents.seal(page)));
  const otherBooks = opts.otherBooks;
  const ctx: RenderContext = {
    pdf,
    book: doc,
    flow,
    dests: new Destinations(() => flow.page),
    glyphs,
    sectionIds,
    sectionPages: new Map(),
    otherPage: otherBooks ? (file, anchor) => otherBooks.get(file)?.get(anchor) : undefined,
  };

  drawCover(ctx);
  await imagesWritten(ctx);
  // Front matter: foreword, team (and, in the masterplan, the commitment page).
  for (const section of doc.front) drawSection(ctx, section, () => undefined);
  await imagesWritten(ctx);
  ctx.flow.y = ctx.flow.bottom;
  const toc = layoutContents(ctx, contentsSections([...doc.front, ...doc.sections]));
  // The lists are drawn last, into reserved pages; their elements take their place in the
  // structure tree (the reading order) now.
  const tocTag = toc.pages ? tags.create('TOC') : undefined;
  const contentsFirst = ctx.flow.page + 1;
  for (let i = 0; i < toc.pages; i++) ctx.flow.newPage();
  ctx.flow.y = ctx.flow.bottom;
  // The list of tables: the numbered tables, drawn into reserved pages like the contents.
  const tableEntries: Section[] = doc.tables.map((t) => ({ id: t.id, title: t.title, level: 1, newPage: false, blocks: [], children: [], toc: true }));
  const lot = layoutContents(ctx, tableEntries, doc.labels.listOfTables, true);
  const lotTag = lot.pages ? tags.create('TOC') : undefined;
  const lotFirst = ctx.flow.page + 1;
  for (let i = 0; i < lot.pages; i++) ctx.flow.newPage();
  ctx.flow.y = ctx.flow.bottom;
  const figureEntries: Section[] = doc.figures.map((f) => ({ id: f.id, title: f.title, level: 1, newPage: false, blocks: [], children: [], toc: true }));
  const lof = layoutContents(ctx, figureEntries, doc.labels.listOfFigures, true);
  const lofTag = lof.pages ? tags.create('TOC') : undefined;
  const lofFirst = ctx.flow.page + 1;
  for (let i = 0; i < lof.pages; i++) ctx.flow.newPage();
  // The body starts on a fresh page, numbered 1 (a book without a body is its front matter alone).
  if (doc.sections.length > 0) ctx.flow.newPage();
  const bodyStart = doc.sections.length > 0 ? ctx.flow.page : ctx.flow.page + 1;

  for (const section of doc.sections) {
    drawSection(ctx, section, (s) => {
      if (s.toc && s.level <= 2) opts.onProgress?.(`${doc.file}.pdf: ${s.title}`);
    });
    // Let the written objects reach `output` (and progress reach the terminal) between chapters.
    await imagesWritten(ctx);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  // The colophon: the one place in the text that names the tool (the metadata names it too).
  // Never a page of its own: on the last page, closer to the text when space is short, or left
  // out when the last page is full.
  if (doc.sections.length > 0) {
    const colophon = layoutLines(ctx, [{ text: doc.labels.generatedBy, style: style(TYPE.small, { color: COLOR.muted }) }], ctx.flow.body.width);
    const height = linesHeight(colophon);
    if (ctx.flow.atTop || ctx.flow.room >= height) {
      ctx.flow.gap(Math.min(24, Math.max(0, ctx.flow.room - height)));
      flowLines(ctx, colophon, ctx.flow.body);
    }
  }

  glyphs.where = '';
  const label = (index: number) => pageLabel(index, bodyStart);
  const inList = (el: StructElement | undefined, draw: () => void) => (el ? tags.inside(el, 'TOC', draw) : draw());
  inList(tocTag, () => drawContents(ctx, toc, contentsFirst, label));
  inList(lotTag, () => drawContents(ctx, lot, lotFirst, label));
  inList(lofTag, () => drawContents(ctx, lof, lofFirst, label));
  drawPageFrames(ctx, {
    lists: [
      { first: contentsFirst, count: toc.pages, title: doc.labels.contents },
      { first: lotFirst, count: lot.pages, title: doc.labels.listOfTables },
      { first: lofFirst, count: lof.pages, title: doc.labels.listOfFigures },
    ],
    bodyStart,
  });
  await imagesWritten(ctx);
  buildOutline(pdf, [...doc.front, ...doc.sections], ctx.sectionPages, toc.pages ? { title: doc.labels.contents, page: contentsFirst } : undefined);
  setPageLabels(pdf, bodyStart);

  const pages = pdf.bufferedPageRange().count;
  tags.finish();
  pdf.end();
  await ended;
  opts.onProgress?.(`${doc.file}.pdf: ${pages}`);
  return {
    pdf: output.bytes(),
    pages,
    missingGlyphs: glyphs.report(),
    danglingLinks: ctx.dests.dangling(),
    destinationPages: ctx.dests.pageLabels(label),
  };
}

/**
 * Read the fonts and their layout tables before the first book: a worker thread does it while
 * the main thread checks the project. A throwaway document with the fonts registered shapes a
 * word in each face (fontkit decodes a face's tables on first use); nothing of it is written.
 */
export function warmUpFonts(): void {
  const pdf = new PDFDocument({ autoFirstPage: false });
  registerFonts(pdf);
  for (const key of fontRoles()) pdf.font(key).widthOfString('Ringkasan 2024');
}

/** /PageLabels: front matter (cover included) in lower-case roman numerals, the body from 1. */
function setPageLabels(pdf: PDFKit.PDFDocument, bodyStart: number): void {
  const root = (pdf as unknown as { _root?: { data: Record<string, unknown> } })._root;
  if (!root) return;
  root.data.PageLabels = { Nums: bodyStart > 0 ? [0, { S: 'r' }, bodyStart, { S: 'D', St: 1 }] : [0, { S: 'D', St: 1 }] };
}
