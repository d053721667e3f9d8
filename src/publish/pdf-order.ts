// In which order the PDFs are rendered, and which books each waits for. A link into another
// book's PDF says the page it opens there ("Buku III, hlm. 12"), which is known once that book
// is laid out; the note changes the layout of the book it is in, so two books that link to each
// other cannot both know the other's pages without rendering one of them twice. The rule:
//   - the stage books wait for Buku III (innovations and sectors: what the other books link to
//     most), the executive summary waits for the masterplan;
//   - every other link into another book (Buku III → II, links to Buku I or IV) names the book only.
// Nothing waits on timing: a book always gets the pages of the same books, so builds are identical.

import type { BookDoc } from '../book/types.js';

export const HUB_STAGE_FILE = 'buku-3';

/** The files (`buku-3`) whose destination pages `doc` waits for. */
export function pdfWaitsFor(doc: BookDoc, docs: readonly BookDoc[]): string[] {
  const has = (file: string) => file !== doc.file && docs.some((d) => d.file === file);
  if (doc.kind === 'summary') return has('masterplan') ? ['masterplan'] : [];
  if (doc.kind === 'stage') return has(HUB_STAGE_FILE) ? [HUB_STAGE_FILE] : [];
  return [];
}

/**
 * The books in the order they are handed to the renderer: those nothing waits on first, the
 * largest first (the masterplan, then Buku III), so two threads end at about the same time.
 */
export function pdfRenderOrder(docs: readonly BookDoc[]): BookDoc[] {
  const rank = (d: BookDoc) => (d.kind === 'masterplan' ? 0 : d.file === HUB_STAGE_FILE ? 1 : 2);
  return [...docs].sort((a, b) => rank(a) - rank(b));
}
