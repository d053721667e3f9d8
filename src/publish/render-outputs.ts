// BookDocs → the files of one build: HTML pages (+ index and images) and, when asked, PDFs.
// Nothing is written here; write-output.ts puts the result in place all at once.

import type { BookDoc } from '../book/types.js';
import { markdownOf } from '../book/markdown-of.js';
import { forgetMarkdown } from '../markdown/parse.js';
import { forgetSanitized, renderBook, renderIndex, siteFiles, startBook, type RenderedBook, type Template } from '../render/html/index.js';
import { fontFiles } from './font-files.js';
import type { PdfRenderer, PdfResult } from './pdf-renderer.js';
import type { OutputFiles } from './write-output.js';
import { pdfRenderOrder, pdfWaitsFor } from './pdf-order.js';

export interface RenderRequest {
  html: boolean;
  /** The PDF renderer, when PDFs are wanted and available. */
  pdf?: PdfRenderer;
  template: Template;
  /** Every id the project knows (records and Pokja): lets the PDF renderer use worker threads. */
  ids?: readonly string[];
  onProgress?: (msg: string) => void;
  /** Told about characters a PDF could not draw: output file and what is missing. */
  onMissingGlyphs?: (file: string, missing: PdfResult['missingGlyphs']) => void;
}

export async function renderOutputs(docs: readonly BookDoc[], req: RenderRequest): Promise<OutputFiles> {
  const files: OutputFiles = { write: new Map(), copy: new Map() };
  if (req.html) {
    const books = renderHtmlBooks(docs, req);
    for (const book of books) {
      files.write.set(book.file, book.html);
      for (const [to, from] of book.assets) files.copy.set(to, from);
    }
    files.write.set('index.html', renderIndex(docs, { template: req.template, books: docs, pdf: req.pdf !== undefined }));
    // The search index and the script of the search box and the filters.
    for (const [file, text] of siteFiles(docs)) files.write.set(file, text);
    // The theme's faces, which the pages' @font-face rules load.
    if (docs.length > 0) for (const [file, bytes] of fontFiles(docs[0].theme)) files.write.set(file, bytes);
  }
  if (req.pdf) {
    const results = renderPdfs(docs, req.pdf, req);
    // Every render is started (or queued) before the first is awaited: a failed one is reported
    // once all are settled, and none is left running.
    const settled = await Promise.allSettled(docs.map((d) => results.get(d.file)!));
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    docs.forEach((doc, i) => {
      const result = (settled[i] as PromiseFulfilledResult<PdfResult>).value;
      const file = `${doc.file}.pdf`;
      if (result.missingGlyphs.length > 0) req.onMissingGlyphs?.(file, result.missingGlyphs);
      files.write.set(file, result.pdf);
    });
  }
  return files;
}

/** Each book's PDF, rendered once the books it waits for (pdf-order.ts) are done. */
function renderPdfs(docs: readonly BookDoc[], render: PdfRenderer, req: RenderRequest): Map<string, Promise<PdfResult>> {
  const results = new Map<string, Promise<PdfResult>>();
  for (const doc of pdfRenderOrder(docs)) {
    const waits = pdfWaitsFor(doc, docs);
    const before = waits.map((file) => results.get(file)!);
    results.set(
      doc.file,
      Promise.all(before).then((done) => {
        const otherBooks = new Map(waits.map((file, i) => [`${file}.pdf`, done[i].destinationPages]));
        return render(doc, { onProgress: req.onProgress, otherBooks, ids: req.ids });
      }),
    );
  }
  return results;
}

/**
 * Renders every book's HTML, interleaving the combined masterplan with the stage books: after
 * Buku N, the masterplan's part for Buku N, and then the Markdown of that stage is no longer
 * needed by any book and its cached trees are dropped. Large masterplans then never hold the
 * trees of all four stages at once.
 */
function renderHtmlBooks(docs: readonly BookDoc[], req: RenderRequest): RenderedBook[] {
  const opts = { template: req.template, books: docs };
  const combined = docs.find((d) => d.kind === 'masterplan');
  const whole = combined ? startBook(combined, opts) : undefined;
  const done = new Set<number>();
  const rendered: RenderedBook[] = [];
  for (const doc of docs) {
    if (doc === combined) continue;
    req.onProgress?.(`${doc.file}.html`);
    rendered.push(renderBook(doc, opts));
    if (!combined || !whole) continue;
    const part = combined.sections.findIndex((s) => s.id === doc.file);
    if (part === -1) continue;
    whole.section(part);
    done.add(part);
    const texts = markdownOf([doc.sections, [combined.sections[part]]].flat());
    forgetSanitized(texts);
    forgetMarkdown(texts);
  }
  if (combined && whole) {
    req.onProgress?.(`${combined.file}.html`);
    combined.sections.forEach((_, i) => done.has(i) || whole.section(i));
    rendered.push(whole.finish());
  }
  const order = docs.map((d) => `${d.file}.html`);
  return rendered.sort((a, b) => order.indexOf(a.file) - order.indexOf(b.file));
}
