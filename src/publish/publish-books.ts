// The back half of the pipeline, one path for `build` and `serve`: the checked model → the book
// layout (src/book) → the files of the books: HTML pages, index, the site's scripts, the theme's
// fonts and the images they show, and PDFs when asked. Nothing is written here; write-output.ts
// puts a build's files in place all at once, serve keeps them in memory.
//
// Given the previous result, only the books whose layout changed are drawn again (the preview
// after a save). What a book's HTML depends on beyond its own layout — the template, the other
// books' names in the navigation, where each id is shown, the images' files — is compared too;
// when one of those changed, every book is drawn.

import { createHash } from '../digest.js';
import { buildBooks } from '../book/build-book.js';
import { markdownOf } from '../book/markdown-of.js';
import type { BookDoc } from '../book/types.js';
import { forgetMarkdown } from '../markdown/parse.js';
import type { Masterplan } from '../model/types.js';
import { forgetSanitized, renderBook, renderIndex, siteFiles, startBook, type RenderedBook, type Template } from '../render/html/index.js';
import { fontFiles } from './font-files.js';
import { pdfRenderOrder, pdfWaitsFor } from './pdf-order.js';
import type { PdfRenderer, PdfResult } from './pdf-renderer.js';
import type { OutputFiles } from './write-output.js';

export interface PublishRequest {
  /** The books' date (cover, metadata). */
  date: Date;
  html: boolean;
  /** The PDF renderer, when PDFs are wanted and available. */
  pdf?: PdfRenderer;
  template: Template;
  /** Every id the project knows (records and Pokja): lets the PDF renderer use worker threads. */
  ids?: readonly string[];
  /**
   * Keep parsed Markdown between calls (the preview renders most of it again after a save). A
   * build instead drops each stage's trees once every book that shows them is drawn (memory).
   */
  keepMarkdown?: boolean;
  /**
   * Keep what a next call needs to draw only the books that changed (the preview). A one-off
   * build leaves it out and does not pay for the layouts' digests.
   */
  remember?: boolean;
  /** Something besides the worksheets changed that the layout does not show: images' files. */
  redrawAll?: boolean;
  onProgress?: (msg: string) => void;
  /** Told about characters a PDF could not draw: output file and what is missing. */
  onMissingGlyphs?: (file: string, missing: PdfResult['missingGlyphs']) => void;
}

export interface Published {
  docs: BookDoc[];
  files: OutputFiles;
  /** The books drawn by this call (file names without extension), in book order. */
  drawn: string[];
  /** Files whose content differs from the previous result's (every file on a first call). */
  changed: string[];
  /** What the next call compares with (with `remember`, or when given a previous result). */
  state?: PublishState;
}

export interface PublishState {
  /** Book file → fingerprint of its layout. */
  layouts: Map<string, string>;
  /** Fingerprint of what every book's HTML depends on besides its own layout. */
  shared: string;
  /** Book file → its drawn HTML (and images), reused while its layout stays the same. */
  html: Map<string, RenderedBook>;
}

export async function publishBooks(model: Masterplan, req: PublishRequest, previous?: Published): Promise<Published> {
  const docs = buildBooks(model, { date: req.date });
  const remember = req.remember === true || previous !== undefined;
  const layouts = remember ? new Map(docs.map((d) => [d.file, fingerprint(d)])) : undefined;
  const shared = remember ? sharedFingerprint(model, docs, req.template) : undefined;
  const old = previous?.state;
  const reuse = old !== undefined && layouts !== undefined && !req.redrawAll && old.shared === shared;
  const draw = docs.filter((d) => !reuse || old.layouts.get(d.file) !== layouts.get(d.file) || !old.html.has(d.file));

  const files: OutputFiles = { write: new Map(), copy: new Map() };
  const html = new Map<string, RenderedBook>();
  if (req.html) {
    const drawn = new Map(renderHtmlBooks(docs, new Set(draw), req).map((b) => [b.file, b]));
    for (const doc of docs) {
      const book = drawn.get(`${doc.file}.html`) ?? old!.html.get(doc.file)!;
      html.set(doc.file, book);
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
  const before = previous?.files.write;
  const changed = [...files.write].filter(([file, content]) => before === undefined || !sameContent(before.get(file), content)).map(([file]) => file);
  const state = layouts && shared !== undefined ? { layouts, shared, html } : undefined;
  return { docs, files, drawn: draw.map((d) => d.file), changed, state };
}

/** Each book's PDF, rendered once the books it waits for (pdf-order.ts) are done. */
function renderPdfs(docs: readonly BookDoc[], render: PdfRenderer, req: PublishRequest): Map<string, Promise<PdfResult>> {
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
 * Renders the HTML of the books in `draw`, interleaving the combined masterplan with the stage
 * books: after Buku N, the masterplan's part for Buku N, and then (unless Markdown is kept) the
 * Markdown of that stage is no longer needed by any book and its cached trees are dropped. Large
 * masterplans then never hold the trees of all four stages at once.
 */
function renderHtmlBooks(docs: readonly BookDoc[], draw: ReadonlySet<BookDoc>, req: PublishRequest): RenderedBook[] {
  const opts = { template: req.template, books: docs };
  const combined = docs.find((d) => d.kind === 'masterplan' && draw.has(d));
  const whole = combined ? startBook(combined, opts) : undefined;
  const done = new Set<number>();
  const rendered: RenderedBook[] = [];
  for (const doc of docs) {
    if (doc.kind === 'masterplan' || !draw.has(doc)) continue;
    req.onProgress?.(`${doc.file}.html`);
    rendered.push(renderBook(doc, opts));
    if (!combined || !whole) continue;
    const part = combined.sections.findIndex((s) => s.id === doc.file);
    if (part === -1) continue;
    whole.section(part);
    done.add(part);
    if (req.keepMarkdown) continue;
    const texts = markdownOf([doc.sections, [combined.sections[part]]].flat());
    forgetSanitized(texts);
    forgetMarkdown(texts);
  }
  if (combined && whole) {
    req.onProgress?.(`${combined.file}.html`);
    combined.sections.forEach((_, i) => done.has(i) || whole.section(i));
    rendered.push(whole.finish());
  }
  return rendered;
}

/**
 * A digest of everything a book's layout holds (text, structure, Markdown with its origin, the
 * theme); functions (the book's resolver and labels) stand for data compared elsewhere: the
 * resolver in sharedFingerprint, the labels through the book's language.
 */
function fingerprint(doc: BookDoc): string {
  const hash = createHash('sha1');
  hash.update(
    JSON.stringify(doc, (_key, value: unknown) => {
      if (typeof value === 'function') return undefined;
      if (value instanceof Uint8Array) return `bytes:${createHash('sha1').update(value).digest('hex')}`;
      if (value instanceof Map) return { map: [...value] };
      if (value instanceof Set) return { set: [...value] };
      return value;
    }),
  );
  return hash.digest('hex');
}

/**
 * What any book's HTML shows of the others and of the project: the template, each book's name in
 * the navigation, and which ids exist with what kind (every book's resolver answers from that).
 */
function sharedFingerprint(model: Masterplan, docs: readonly BookDoc[], template: Template): string {
  const hash = createHash('sha1');
  hash.update(template.html).update('\0').update(template.css).update('\0');
  for (const d of docs) hash.update(JSON.stringify([d.file, d.kind, d.shortTitle, d.cover.bookLabel]));
  for (const [id, rec] of model.index.ids) hash.update(`${id}\0${rec.kind}\0`);
  for (const p of model.pokja) hash.update(`pokja\0${p.id}\0`);
  return hash.digest('hex');
}

function sameContent(a: string | Uint8Array | undefined, b: string | Uint8Array): boolean {
  if (a === undefined) return false;
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}
