// A worker thread that renders PDFs (see pdf-pool.ts): one job at a time, the book layout as
// data (pdf-job.ts). The renderer, pdfkit and the fonts load when the thread starts, while the
// main thread is still checking the project.

import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { renderPdfWithReport, shareShapedWordsWith, warmUpFonts } from '../render/pdf/index.js';
import { fromJobDoc, type JobDoc } from './pdf-job.js';

/** What the thread is started with: its end of the channel for shaped words (fonts.ts). */
export interface PdfWorkerData {
  shapedWords: MessagePort;
}

export interface PdfJobMessage {
  doc: JobDoc;
  otherBooks: Map<string, Map<string, string>>;
}

export type PdfWorkerReply =
  | { type: 'progress'; msg: string }
  | { type: 'done'; pdf: Uint8Array; missingGlyphs: import('../render/pdf/index.js').MissingGlyph[]; destinationPages: Map<string, string> }
  | { type: 'failed'; message: string; stack?: string };

const port = parentPort;
if (port) {
  const data = workerData as PdfWorkerData | undefined;
  if (data?.shapedWords) shareShapedWordsWith([data.shapedWords]);
  // Before the first job arrives (the main thread is checking the project meanwhile).
  warmUpFonts();
  port.on('message', (job: PdfJobMessage) => {
    const reply = (r: PdfWorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(r, transfer);
    renderPdfWithReport(fromJobDoc(job.doc), { otherBooks: job.otherBooks, onProgress: (msg) => reply({ type: 'progress', msg }) }).then(
      (r) => reply({ type: 'done', pdf: r.pdf, missingGlyphs: r.missingGlyphs, destinationPages: r.destinationPages }, [r.pdf.buffer as ArrayBuffer]),
      (e: unknown) => reply({ type: 'failed', message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined }),
    );
  });
}
