// Numbering of a book's body, done once in the layout so both renderers and the lists agree:
// chapters (level-1 sections that are not appendices) become BAB I, BAB II, …; every table in a
// chapter is numbered "Tabel <chapter>.<n>" (arabic chapter number; appendices by letter: A.1).

import type { Locale } from '../i18n/index.js';
import { roman } from './format.js';
import type { Block, ListEntry, Section } from './types.js';

export function numberBody(sections: Section[], loc: Locale): ListEntry[] {
  const b = loc.book;
  const tables: ListEntry[] = [];
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
    const walk = (section: Section) => {
      for (const block of section.blocks) number(block);
      section.children.forEach(walk);
    };
    const number = (block: Block) => {
      if (block.type !== 'table' || (block.rows.length === 0 && block.empty !== undefined)) return;
      n++;
      block.number = b.tableNumber(key, n);
      block.id = `tabel-${key}-${n}`;
      tables.push({ id: block.id, title: `${block.number} ${block.caption}` });
    };
    walk(s);
  }
  return tables;
}
