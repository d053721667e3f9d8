// BookDoc → one complete, self-contained HTML file (CSS inlined, no scripts), and the
// index page that lists the books. The page frame comes from the template.

import type { Element, ElementContent } from 'hast';
import type { BookDoc, Section } from '../../book/types.js';
import { locale } from '../../i18n/index.js';
import { assetOutPath, createContext, type HtmlLabels } from './context.js';
import { el, toHtml } from './hast.js';
import { coverToHast, figuresToHast, markToHast, PAGE_IDS, sectionsToHast, tablesToHast, tocToHast } from './sections-to-hast.js';
import { facetsOf, filtersToHast, holdsInnovations, searchBoxToHast, withSiteScripts } from './site.js';
import { fillTemplate, styleText, type Template } from './template.js';
import { themeCss } from './theme-css.js';

export interface RenderedBook {
  file: string;
  html: string;
  /** Images to copy: output path (`assets/…`) → absolute source path. */
  assets: Map<string, string>;
}

export interface RenderOptions {
  template: Template;
  /** All books of this build, for the navigation between them. */
  books: readonly BookDoc[];
}

export function renderBook(doc: BookDoc, opts: RenderOptions): RenderedBook {
  const book = startBook(doc, opts);
  doc.sections.forEach((_, i) => book.section(i));
  return book.finish();
}

/** A book rendered one top-level section at a time (so a build can interleave books). */
export interface BookInProgress {
  section(index: number): void;
  finish(): RenderedBook;
}

export function startBook(doc: BookDoc, opts: RenderOptions): BookInProgress {
  const labels = htmlLabels(doc);
  const ctx = createContext(doc, labels);
  // The top-level section (chapter, or book part of the masterplan) holding the first innovation card.
  const first = doc.sections.find((s) => firstWithInnovations([s]) !== undefined);
  if (first) ctx.filters = { node: filtersToHast(doc, facetsOf(doc.sections)), section: first.id };
  const parts: string[] = [];
  return {
    // Siblings serialize independently, so the parts join into the same HTML as one pass.
    section: (i) => void (parts[i] = toHtml(sectionsToHast([doc.sections[i]], ctx))),
    finish: () => {
      const toc = tocToHast(doc);
      const lot = tablesToHast(doc);
      const lof = figuresToHast(doc);
      const mark = markToHast(doc);
      // Front matter (foreword, team, commitment) follows the cover, before the contents.
      const front = el('div', { className: ['front-matter'] }, sectionsToHast(doc.front, ctx).map(landmark));
      const html = fillTemplate(opts.template.html, {
        lang: attr(doc.langTag),
        title: toHtml([{ type: 'text', value: doc.title }]),
        css: styleText(themeCss(doc.theme) + opts.template.css + runningPageRule(doc) + markPageRule(doc)),
        skipLabel: toHtml([{ type: 'text', value: labels.skipToContent }]),
        nav: toHtml([...(mark ? [mark] : []), booksNav(doc.file, opts.books, doc.labels.books)]),
        cover: toHtml([coverToHast(doc, ctx.assets), ...(doc.front.length ? [front] : [])]),
        toc: toHtml([...(toc ? [toc] : []), ...(lot ? [lot] : []), ...(lof ? [lof] : [])]),
        body: parts.join(''),
        footer: toHtml([footer(doc)]),
        date: attr(doc.date.iso),
      });
      // The filters need the site's script; a book without innovation cards has none.
      return { file: `${doc.file}.html`, html: ctx.filters ? withSiteScripts(html, { search: false }) : html, assets: ctx.assets };
    },
  };
}

/** `index.html`: the cover of the whole masterplan and a list of its books. */
export function renderIndex(books: readonly BookDoc[], opts: RenderOptions & { pdf: boolean }): string {
  const first = books[0];
  const c = first.cover;
  const logo = c.logo ? assetOutPath(c.logo.rel) : undefined;
  const cover = el('header', { className: ['cover', 'cover-index'], id: PAGE_IDS.top }, [
    el('div', { className: ['cover-issuer'] }, [
      logo !== undefined && el('img', { className: ['cover-logo'], src: logo.split('/').map(encodeURIComponent).join('/'), alt: '' }),
      el('p', { className: ['cover-issuer-name'] }, [c.issuer]),
    ]),
    el('p', { className: ['cover-title'] }, [c.title]),
    !c.issuer.includes(c.region) && !c.title.includes(c.region) && el('p', { className: ['cover-region'] }, [c.region]),
    !c.title.includes(c.period) && el('p', { className: ['cover-period'] }, [c.period]),
    el('p', { className: ['cover-date'] }, [el('time', { dateTime: first.date.iso }, [c.edition]), c.version !== undefined && ` · ${c.version}`]),
  ]);
  const mark = markToHast(first);
  const list = el(
    'ul',
    { className: ['book-list'] },
    books.map((b) =>
      el('li', {}, [
        // "Buku I: Analisis Strategis" (the layout's short title); the combined book by its label.
        el('a', { href: `${b.file}.html` }, [b.kind === 'stage' ? b.shortTitle : b.cover.bookLabel]),
        opts.pdf && ' ',
        opts.pdf && el('a', { href: `${b.file}.pdf`, className: ['pdf-link'], type: 'application/pdf' }, ['PDF']),
      ]),
    ),
  );
  const section = el('section', { className: ['section', 'level-1'], ariaLabelledBy: ['_books'] }, [
    el('h1', { id: '_books' }, [first.labels.books]),
    list,
  ]);
  // The search box across all books (assets/search-index.js, written with the pages).
  const search = searchBoxToHast(first);
  const html = fillTemplate(opts.template.html, {
    lang: attr(first.langTag),
    title: toHtml([{ type: 'text', value: c.title }]),
    css: styleText(themeCss(first.theme) + opts.template.css + markPageRule(first)),
    skipLabel: toHtml([{ type: 'text', value: htmlLabels(first).skipToContent }]),
    nav: mark ? toHtml([mark]) : '',
    cover: toHtml([cover]),
    toc: '',
    body: toHtml([section, search]),
    footer: toHtml([footer(first)]),
    date: attr(first.date.iso),
  });
  return withSiteScripts(html, { search: true });
}

/**
 * A front-matter section (foreword, team, commitment) as a region named by its heading: it sits
 * outside <main>, and content outside every landmark is lost to screen-reader navigation.
 */
function landmark(node: ElementContent): ElementContent {
  if (node.type !== 'element') return node;
  const heading = node.children.find((c): c is Element => c.type === 'element' && /^h[1-6]$/.test(c.tagName));
  if (!heading || typeof node.properties.id !== 'string') return node;
  const id = `_h-${node.properties.id}`;
  heading.properties = { ...heading.properties, id };
  node.properties = { ...node.properties, ariaLabelledBy: [id] };
  return node;
}

function firstWithInnovations(sections: readonly Section[]): Section | undefined {
  for (const s of sections) {
    if (holdsInnovations(s)) return s;
    const inner = firstWithInnovations(s.children);
    if (inner) return inner;
  }
  return undefined;
}

/** Labels only the HTML pages need (skip link, footnotes), in the book's language. */
export function htmlLabels(doc: BookDoc): HtmlLabels {
  const { skipToContent, footnotes, footnoteBack, tableLabel } = locale(doc.lang).render;
  return { skipToContent, footnotes, footnoteBack, tableLabel };
}

function booksNav(current: string, books: readonly BookDoc[], label: string): ElementContent {
  return el('nav', { className: ['books-nav'], ariaLabel: label }, [
    el(
      'ul',
      {},
      [
        el('li', {}, [el('a', { href: 'index.html' }, [label])]),
        ...books.map((b) =>
          el('li', {}, [
            el('a', { href: `${b.file}.html`, ariaCurrent: b.file === current ? 'page' : undefined, title: b.kind === 'stage' ? b.shortTitle : undefined }, [b.cover.bookLabel]),
          ]),
        ),
      ],
    ),
  ]);
}

function footer(doc: BookDoc): ElementContent {
  return el('p', {}, [doc.labels.generatedBy, ' · ', el('time', { dateTime: doc.date.iso }, [doc.cover.date])]);
}

/** Text as a CSS string ("…"), for `content:` in a page-margin box. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r]/g, ' ')}"`;
}

/**
 * Running header and page numbers of the printed book (CSS paged media: page-margin boxes, which
 * Chromium draws; a browser without them prints the pages without). The header is the book's
 * short title; the footer is the PDF's ("Kabupaten Banggai · Halaman 3 dari 40"), with the page
 * counters in place of the numbers. Not on the cover (the first page).
 */
export function runningPageRule(doc: BookDoc): string {
  const N = 1234567;
  const T = 7654321;
  const footer = doc.labels
    .footer(doc.cover.region, N, T)
    .split(/(1234567|7654321)/)
    .map((part) => (part === String(N) ? 'counter(page)' : part === String(T) ? 'counter(pages)' : part === '' ? '' : cssString(part)))
    .filter((p) => p !== '')
    .join(' ');
  const font = 'font: 400 8pt/1.2 var(--font-heading); color: var(--muted);';
  return (
    `\n/* running header and page numbers (generated) */\n` +
    `@page { @top-left { content: ${cssString(doc.shortTitle)}; ${font} } @bottom-center { content: ${footer}; ${font} } }\n` +
    `@page :first { @top-left { content: none; } @bottom-center { content: none; } }\n`
  );
}

/**
 * "DRAF" / "TELAAH" in the top margin of every printed page: a page-margin box (the banner of the
 * screen view is hidden in print; a fixed element is not painted on every page by Chromium).
 */
function markPageRule(doc: BookDoc): string {
  if (doc.mark === undefined) return '';
  const text = doc.mark.replace(/[\\"]/g, '\\$&').replace(/[\n\r]/g, ' ');
  return `\n/* edition mark (generated) */\n@page { @top-right { content: "${text}"; color: var(--mark); font: 700 9pt/1 var(--font-heading); letter-spacing: 0.2em; } }\n`;
}

/** Text for an attribute value in the template (always double-quoted there). */
function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
