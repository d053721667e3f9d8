// One pass over a laid-out book for its headings: every section title and table or figure
// caption capitalised one way (heading-case.ts; the theme may keep worksheet headings as
// written), and a table or chart right under a heading that says the same thing marked
// `repeatsHeading`, so the page prints only its number ("Tabel 1.1") under the heading — the
// list of tables still gives the full caption.

import type { Lang } from '../model/types.js';
import type { Theme } from '../theme/theme.js';
import { headingCase } from './heading-case.js';
import type { Block, Section } from './types.js';

export function settleHeadings(sections: Section[], lang: Lang, theme: Theme): void {
  const cased = theme.headings.capitalization === 'title';
  const walk = (list: Section[]) => {
    for (const s of list) {
      if (cased) s.title = headingCase(s.title, lang);
      for (const b of s.blocks) if (cased && hasCaption(b)) b.caption = headingCase(b.caption, lang);
      const first = s.blocks[0];
      if (first && hasCaption(first) && repeats(first.caption, s.title)) first.repeatsHeading = true;
      walk(s.children);
    }
  };
  walk(sections);
}

function hasCaption(b: Block): b is Extract<Block, { type: 'table' | 'chart' }> {
  return b.type === 'table' || b.type === 'chart';
}

/** "Sektor Prioritas — Smart Governance" under "Sektor Prioritas" (inside that Pokja's chapter). */
function repeats(caption: string, title: string): boolean {
  const c = caption.trim().toLocaleLowerCase();
  const t = title.trim().toLocaleLowerCase();
  return c !== '' && (c === t || c.startsWith(`${t} — `) || c.startsWith(`${t} - `));
}

/** The caption as the page prints it: "Tabel 1.1 <caption>", the number alone when it repeats the heading. */
export function shownCaption(block: { caption: string; number?: string; repeatsHeading?: boolean }): string {
  if (block.repeatsHeading) return block.number ?? '';
  return block.number !== undefined && block.caption ? `${block.number} ${block.caption}` : block.caption;
}

/** "BAB II Gambaran Umum Daerah": a section's number, when it has one, before its title. */
export function numberedTitle(section: { number?: string; title: string }): string {
  return section.number !== undefined ? `${section.number} ${section.title}` : section.title;
}

/** A running header holds about this many characters beside the book's own title. */
const RUNNING_CHARS = 48;

/**
 * What the running header says while a chapter is on the page: "BAB II Gambaran Umum Daerah";
 * a long title (a worksheet's own) is cut where it naturally pauses — before a colon, a dash, a
 * bracket or a comma — and only failing that at a word, with an ellipsis.
 */
export function runningTitle(section: { number?: string; title: string }): string {
  const prefix = section.number !== undefined ? `${section.number} ` : '';
  const room = RUNNING_CHARS - prefix.length;
  let title = section.title.trim();
  if (title.length > room) {
    const pause = /\s*(?::|\s[—–-]\s|\(|,)/g;
    let cut = -1;
    for (let m = pause.exec(title); m && m.index <= room; m = pause.exec(title)) {
      if (m.index >= 8) {
        cut = m.index;
        break;
      }
    }
    // The first pause that leaves a title of its own (at least a word or two).
    if (cut >= 8) title = title.slice(0, cut).trim();
    else {
      const words = title.slice(0, room).split(/\s+/);
      if (words.length > 1) words.pop();
      title = `${words.join(' ').replace(/[,:;]$/, '')}…`;
    }
  }
  return prefix + title;
}
