// The PDF renderer is loaded only when PDFs are asked for: pdfkit and its fonts cost more
// start-up time than everything else a build needs.

import type { BookDoc } from '../book/types.js';
import type { MissingGlyph } from '../render/pdf/index.js';

export interface PdfResult {
  pdf: Uint8Array;
  /** Characters the embedded fonts cannot draw; the build warns about them. */
  missingGlyphs: MissingGlyph[];
}

export type PdfRenderer = (doc: BookDoc, opts: { onProgress?: (msg: string) => void }) => Promise<PdfResult>;

/** The renderer, or why it cannot be used (e.g. pdfkit not installed). */
export async function loadPdfRenderer(): Promise<{ render: PdfRenderer } | { unavailable: string }> {
  try {
    const mod = await import('../render/pdf/index.js');
    return { render: (doc, opts) => mod.renderPdfWithReport(doc, opts) };
  } catch (e) {
    return { unavailable: e instanceof Error ? e.message : String(e) };
  }
}
