// The book's frame: cover, table of contents and the section tree → hast.

import type { ElementContent } from 'hast';
import type { BookDoc, Section } from '../../book/types.js';
import { numberedTitle } from '../../book/headings.js';
import { blocksToHast } from './blocks-to-hast.js';
import { assetOutPath, type RenderContext } from './context.js';
import { cls, el, headingTag } from './hast.js';

/** Ids the renderer adds itself. They start with "_", which record ids cannot. */
export const PAGE_IDS = { top: '_top', toc: '_toc', tocTitle: '_toc-title', content: '_content', lot: '_tables', lotTitle: '_tables-title', lof: '_figures', lofTitle: '_figures-title' } as const;

/**
 * The cover: issuing government and emblem at the top, the book's label and title, the masterplan
 * title, region and period, then place, edition date and version. No tool credit (the page footer
 * carries it). `assets` collects the emblem to copy.
 */
export function coverToHast(doc: BookDoc, assets?: Map<string, string>): ElementContent {
  const c = doc.cover;
  let logo: ElementContent | undefined;
  if (c.logo && assets) {
    const out = assetOutPath(c.logo.rel);
    assets.set(out, c.logo.abs);
    logo = el('img', { className: ['cover-logo'], src: out.split('/').map(encodeURIComponent).join('/'), alt: '' });
  }
  return el('header', { className: ['cover'], id: PAGE_IDS.top }, [
    el('div', { className: ['cover-issuer'] }, [logo, el('p', { className: ['cover-issuer-name'] }, [c.issuer])]),
    el('p', { className: ['cover-book'] }, [
      el('span', { className: ['cover-book-label'] }, [c.bookLabel]),
      c.bookTitle !== '' && el('span', { className: ['cover-book-title'] }, [c.bookTitle]),
    ]),
    el('p', { className: ['cover-title'] }, [c.title]),
    // The region, unless the issuer or the title already names it.
    !c.issuer.includes(c.region) && !c.title.includes(c.region) && el('p', { className: ['cover-region'] }, [c.region]),
    !c.title.includes(c.period) && el('p', { className: ['cover-period'] }, [c.period]),
    c.agency !== undefined && el('p', { className: ['cover-agency'] }, [c.agency]),
    el('p', { className: ['cover-date'] }, [
      el('time', { dateTime: doc.date.iso }, [c.edition]),
      c.version !== undefined && ` · ${c.version}`,
    ]),
  ]);
}

/** "DRAF" / "TELAAH": a banner on screen, repeated on every printed page (see book.css). */
export function markToHast(doc: BookDoc): ElementContent | undefined {
  if (doc.mark === undefined) return undefined;
  return el('div', { className: ['edition-mark'], role: 'note' }, [doc.mark]);
}

/** The list of tables, after the contents. */
export function tablesToHast(doc: BookDoc): ElementContent | undefined {
  return listToHast(doc.tables, doc.labels.listOfTables, PAGE_IDS.lot, PAGE_IDS.lotTitle);
}

/** The list of figures, after the list of tables. */
export function figuresToHast(doc: BookDoc): ElementContent | undefined {
  return listToHast(doc.figures, doc.labels.listOfFigures, PAGE_IDS.lof, PAGE_IDS.lofTitle);
}

function listToHast(entries: BookDoc['tables'], title: string, id: string, titleId: string): ElementContent | undefined {
  if (entries.length === 0) return undefined;
  return el('nav', { className: ['toc', 'lot'], id, ariaLabelledBy: [titleId] }, [
    el('h2', { id: titleId, className: ['toc-title'] }, [title]),
    el('ol', {}, entries.map((t) => el('li', {}, [el('a', { href: `#${encodeURIComponent(t.id)}` }, [t.title])]))),
  ]);
}

/** "BAB I Pendahuluan": the chapter number before the title, where the layout numbered it. */
/** Contents: the sections marked `toc`, nested as in the book (levels 1–2 in practice). */
export function tocToHast(doc: BookDoc): ElementContent | undefined {
  const list = tocList(doc.sections);
  if (!list) return undefined;
  return el('nav', { className: ['toc'], id: PAGE_IDS.toc, ariaLabelledBy: [PAGE_IDS.tocTitle] }, [
    el('h2', { id: PAGE_IDS.tocTitle, className: ['toc-title'] }, [doc.labels.contents]),
    list,
  ]);
}

function tocList(sections: readonly Section[]): ElementContent | undefined {
  const items = sections
    .filter((s) => s.toc)
    .map((s) =>
      el('li', { className: [`toc-level-${s.level}`] }, [
        el('a', { href: `#${encodeURIComponent(s.id)}` }, [numberedTitle(s)]),
        tocList(s.children),
      ]),
    );
  return items.length ? el('ol', {}, items) : undefined;
}

export function sectionsToHast(sections: readonly Section[], ctx: RenderContext): ElementContent[] {
  // The filter bar of the innovation cards goes just before the chapter (or book part) with the first of them.
  return sections.flatMap((s) => (ctx.filters?.section === s.id ? [ctx.filters.node, sectionToHast(s, ctx)] : [sectionToHast(s, ctx)]));
}

function sectionToHast(s: Section, ctx: RenderContext): ElementContent {
  return el('section', { id: s.id, className: cls('section', `level-${s.level}`, s.newPage && 'new-page') }, [
    el(headingTag(s.level), {}, [
      s.number !== undefined && el('span', { className: ['chapter-number'] }, [s.number]),
      s.number !== undefined && ' ',
      s.title,
      s.badge !== undefined && ' ',
      s.badge !== undefined && el('span', { className: ['badge'] }, [s.badge]),
    ]),
    ...blocksToHast(s.blocks, ctx, s.level),
    ...sectionsToHast(s.children, ctx),
    s.level === 1 && ctx.doc.sections.some((t) => t.toc) && el('p', { className: ['back-to-top'] }, [el('a', { href: `#${PAGE_IDS.toc}` }, [ctx.doc.labels.backToTop])]),
  ]);
}
