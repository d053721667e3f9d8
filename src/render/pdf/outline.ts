// Bookmarks: the contents, then every section nested as in the book, each opening its page.

import type { Section } from '../../book/types.js';

interface OutlineItem {
  addItem(title: string, options?: { pageNumber?: number; fit?: boolean; expanded?: boolean }): OutlineItem;
}

export function buildOutline(
  pdf: PDFKit.PDFDocument,
  sections: Section[],
  pageOf: ReadonlyMap<string, number>,
  contents?: { title: string; page: number },
): void {
  const root = pdf.outline as unknown as OutlineItem;
  if (contents) root.addItem(contents.title, { pageNumber: contents.page, fit: true });
  const add = (parent: OutlineItem, list: Section[]) => {
    for (const section of list) {
      const page = pageOf.get(section.id);
      if (page === undefined) continue;
      // `fit` shows the whole page; without it pdfkit's destination points at the page's right edge.
      const item = parent.addItem(section.title, { pageNumber: page, fit: true, expanded: section.level === 1 });
      add(item, section.children);
    }
  };
  add(root, sections);
}
