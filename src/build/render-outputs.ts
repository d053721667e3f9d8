// BookDocs → the files of one build: HTML pages (+ index and images) and, when asked, PDFs.
// Nothing is written here; write-output.ts puts the result in place all at once.

import type { BookDoc } from '../book/types.js';
import { renderBook, renderIndex, type Template } from '../render/html/index.js';
import type { PdfRenderer, PdfResult } from './pdf-renderer.js';
import type { OutputFiles } from './write-output.js';

export interface RenderRequest {
  html: boolean;
  /** The PDF renderer, when PDFs are wanted and available. */
  pdf?: PdfRenderer;
  template: Template;
  onProgress?: (msg: string) => void;
  /** Told about characters a PDF could not draw: output file and what is missing. */
  onMissingGlyphs?: (file: string, missing: PdfResult['missingGlyphs']) => void;
}

export async function renderOutputs(docs: readonly BookDoc[], req: RenderRequest): Promise<OutputFiles> {
  const files: OutputFiles = { write: new Map(), copy: new Map() };
  if (req.html) {
    for (const doc of docs) {
      req.onProgress?.(`${doc.file}.html`);
      const book = renderBook(doc, { template: req.template, books: docs });
      files.write.set(book.file, book.html);
      for (const [to, from] of book.assets) files.copy.set(to, from);
    }
    files.write.set('index.html', renderIndex(docs, { template: req.template, books: docs, pdf: req.pdf !== undefined }));
  }
  if (req.pdf) {
    for (const doc of docs) {
      const file = `${doc.file}.pdf`;
      const result = await req.pdf(doc, { onProgress: req.onProgress });
      if (result.missingGlyphs.length > 0) req.onMissingGlyphs?.(file, result.missingGlyphs);
      files.write.set(file, result.pdf);
    }
  }
  return files;
}
