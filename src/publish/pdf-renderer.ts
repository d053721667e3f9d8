// The PDF renderer is loaded only when PDFs are asked for: pdfkit and its fonts cost more
// start-up time than everything else a build needs. The books are rendered in this thread, one
// after the other, or — in the bundled CLI with MASTERPLAN_PDF_THREADS=2 or more — also in
// worker threads (pdf-pool.ts).

import type { BookDoc } from '../book/types.js';
import type { MissingGlyph } from '../render/pdf/index.js';
import { PdfPool, pdfThreads } from './pdf-pool.js';
import { openWordCache } from './word-cache.js';

export interface PdfResult {
  pdf: Uint8Array;
  /** Characters the embedded fonts cannot draw; the build warns about them. */
  missingGlyphs: MissingGlyph[];
  /** The book's named destinations and the labels of their pages (for other books' link notes). */
  destinationPages: Map<string, string>;
}

export interface PdfRenderOptions {
  onProgress?: (msg: string) => void;
  /** Destination page labels of books rendered before, by PDF file name (`buku-3.pdf`). */
  otherBooks?: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Every id the project knows (records and Pokja), for a book sent to a worker thread. */
  ids?: readonly string[];
}

/**
 * Input (characters of all files read) above which the PDFs are rendered in one thread: two
 * threads hold two books' pages and trees at once (the 9.9 MB narrative of the memory check
 * peaked at 1.5 GB instead of 0.9 GB). The 10× benchmark (0.7 MB) uses threads, 100× (7.4 MB) not.
 */
export const PDF_THREADS_INPUT_LIMIT = 2_000_000;

export type PdfRenderer = (doc: BookDoc, opts: PdfRenderOptions) => Promise<PdfResult>;

export interface LoadedPdfRenderer {
  render: PdfRenderer;
  /** Stops the worker threads, if any (when the build is done or failed; after it, books render in this thread). */
  close: () => Promise<void>;
  /** Keeps what this run shaped for the next (word-cache.ts), once the build is done or failed. */
  finish: () => void;
}

/**
 * The renderer, or why it cannot be used (e.g. pdfkit not installed). The worker threads start
 * at once, before the first await: called before the project is checked, they load pdfkit and
 * the fonts while this thread checks.
 */
export async function loadPdfRenderer(): Promise<LoadedPdfRenderer | { unavailable: string }> {
  const loading = import('../render/pdf/index.js');
  const inThread = serial(async (doc: BookDoc, opts: PdfRenderOptions) => (await loading).renderPdfWithReport(doc, opts));
  const threads = pdfThreads();
  const pool = threads > 1 ? new PdfPool(threads - 1, inThread) : undefined;
  try {
    await loading;
  } catch (e) {
    await pool?.close();
    return { unavailable: e instanceof Error ? e.message : String(e) };
  }
  // The words shaped in earlier runs, for the books rendered in this thread.
  const words = openWordCache();
  (await loading).useWordStore(words);
  const finish = () => words?.save();
  if (!pool) return { render: inThread, close: async () => undefined, finish };
  // The threads share the words they shape (the largest first-time cost of each thread).
  (await loading).shareShapedWordsWith(pool.shapedWordPorts);
  let closed = false;
  return {
    // Without the ids a book's links cannot travel to a thread: render it here.
    render: (doc, opts) => (opts.ids && !closed ? pool.render(doc, opts.ids, opts) : inThread(doc, opts)),
    close: async () => {
      closed = true;
      (await loading).shareShapedWordsWith([]);
      await pool.close();
    },
    finish,
  };
}

/** One render at a time: two pdfkit documents drawn interleaved would hold both in memory. */
function serial<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  let last: Promise<unknown> = Promise.resolve();
  return (...args) => {
    const run = last.then(() => fn(...args));
    last = run.catch(() => undefined);
    return run;
  };
}
