// The book's frame: cover, table of contents and the section tree → hast.

import type { ElementContent } from 'hast';
import type { BookDoc, Section } from '../../book/types.js';
import { blocksToHast } from './blocks-to-hast.js';
import type { RenderContext } from './context.js';
import { cls, el, headingTag } from './hast.js';

/** Ids the renderer adds itself. They start with "_", which record ids cannot. */
export const PAGE_IDS = { top: '_top', toc: '_toc', tocTitle: '_toc-title', content: '_content' } as const;

export function coverToHast(doc: BookDoc): ElementContent {
  const c = doc.cover;
  return el('header', { className: ['cover'], id: PAGE_IDS.top }, [
    el('p', { className: ['cover-region'] }, [c.region]),
    el('p', { className: ['cover-title'] }, [c.title]),
    el('p', { className: ['cover-book'] }, [
      el('span', { className: ['cover-book-label'] }, [c.bookLabel]),
      c.bookTitle !== '' && el('span', { className: ['cover-book-title'] }, [c.bookTitle]),
    ]),
    el('p', { className: ['cover-period'] }, [c.period]),
    el('p', { className: ['cover-date'] }, [el('time', { dateTime: doc.date.iso }, [c.date])]),
  ]);
}

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
        el('a', { href: `#${encodeURIComponent(s.id)}` }, [s.title]),
        tocList(s.children),
      ]),
    );
  return items.length ? el('ol', {}, items) : undefined;
}

export function sectionsToHast(sections: readonly Section[], ctx: RenderContext): ElementContent[] {
  return sections.map((s) => sectionToHast(s, ctx));
}

function sectionToHast(s: Section, ctx: RenderContext): ElementContent {
  return el('section', { id: s.id, className: cls('section', `level-${s.level}`, s.newPage && 'new-page') }, [
    el(headingTag(s.level), {}, [s.title, s.badge !== undefined && ' ', s.badge !== undefined && el('span', { className: ['badge'] }, [s.badge])]),
    ...blocksToHast(s.blocks, ctx, s.level),
    ...sectionsToHast(s.children, ctx),
    s.level === 1 && ctx.doc.sections.some((t) => t.toc) && el('p', { className: ['back-to-top'] }, [el('a', { href: `#${PAGE_IDS.toc}` }, [ctx.doc.labels.backToTop])]),
  ]);
}
