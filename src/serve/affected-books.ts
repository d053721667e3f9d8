// Which books a change touches, so the preview re-renders only those. A stage's book shows its
// own worksheets; some records are also shown elsewhere: quick-win titles in Buku III,
// innovations in every book's RPJMD appendix, roadmap entries in Buku III's innovation cards
// and the matrix. Anything else (settings, RPJMD, images, templates) touches every book.

import type { Masterplan, StageNo } from '../model/types.js';

const ALSO_SHOWN_IN: Record<StageNo, readonly string[]> = {
  1: ['buku-1'],
  // The executive summary (ringkasan) shows quick wins, innovations and the roadmap.
  2: ['buku-2', 'buku-3', 'ringkasan'],
  3: ['buku-1', 'buku-2', 'buku-3', 'buku-4', 'ringkasan'],
  4: ['buku-3', 'buku-4', 'ringkasan'],
};
export const ALL_BOOKS = ['buku-1', 'buku-2', 'buku-3', 'buku-4', 'masterplan', 'ringkasan'] as const;

/** The book files (without extension) to render again after `changed` (relative paths) changed. */
export function affectedBooks(changed: readonly string[], before: Masterplan | undefined, after: Masterplan): Set<string> {
  const books = new Set<string>();
  for (const file of changed) {
    const stages = new Set([...stagesOf(file, before), ...stagesOf(file, after)]);
    if (stages.size === 0) return new Set(ALL_BOOKS);
    for (const stage of stages) for (const b of ALSO_SHOWN_IN[stage]) books.add(b);
    books.add('masterplan');
  }
  return books;
}

function stagesOf(file: string, model: Masterplan | undefined): StageNo[] {
  if (!model) return [];
  return model.books.filter((b) => b.chapters.some((c) => c.files.includes(file))).map((b) => b.stage);
}
