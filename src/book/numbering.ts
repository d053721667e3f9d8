// Numbering of a book's body, done once in the layout so both renderers and the lists agree:
// chapters (level-1 sections that are not appendices) become BAB I, BAB II, …; every table in a
// chapter is numbered "Tabel <chapter>.<n>" (arabic chapter number; appendices by letter: A.1),
// and so is every image of the chapter's Markdown ("Gambar <chapter>.<n>", its alt text as caption)
// and every chart (src/book/charts.ts), in one count with the images.

import type { Locale } from '../i18n/index.js';
import { roman } from './format.js';
import type { Block, Figure, ListEntry, Section } from './types.js';

export interface Numbered {
  tables: ListEntry[];
  figures: ListEntry[];
}

export function numberBody(sections: Section[], loc: Locale): Numbered {
  const b = loc.book;
  const tables: ListEntry[] = [];
  const figures: ListEntry[] = [];
  let chapter = 0;
  let appendix = 0;
  for (const s of sections) {
    if (s.level !== 1) continue;
    let key: string;
    if (s.appendix) {
      key = String.fromCharCode(65 + appendix++);
    } else {
      chapter++;
      s.number = b.chapterNumber(roman(chapter));
      key = String(chapter);
    }
    let n = 0;
    let f = 0;
    const walk = (section: Section) => {
      for (const block of section.blocks) number(block);
      section.children.forEach(walk);
    };
    const number = (block: Block) => {
      if (block.type === 'markdown') {
        const list: Figure[] = block.markdown.imagesInOrder.map((img) => {
          f++;
          return { id: `gambar-${key}-${f}`, number: b.figureNumber(key, f), caption: img.alt || img.url, url: img.url };
        });
        if (list.length) block.figures = list;
        for (const fig of list) figures.push({ id: fig.id, title: `${fig.number} ${fig.caption}` });
        return;
      }
      if (block.type === 'chart') {
        // Charts are figures too: counted with the chapter's images, in order of appearance.
        f++;
        block.number = b.figureNumber(key, f);
        block.id = `gambar-${key}-${f}`;
        figures.push({ id: block.id, title: `${block.number} ${block.caption}` });
        return;
      }
      if (block.type !== 'table') return;
      n++;
      block.number = b.tableNumber(key, n);
      block.id = `tabel-${key}-${n}`;
      tables.push({ id: block.id, title: `${block.number} ${block.caption}` });
    };
    walk(s);
  }
  return { tables, figures };
}
