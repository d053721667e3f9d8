// A worksheet's Markdown → safe hast for the book: remark-rehype, then rehype-sanitize with
// GitHub's schema (raw HTML, event handlers and `javascript:` URLs never get through), then
// the book's own rewriting of what survived: `#ID` links through `doc.resolve`, images to
// copies under `assets/` (both as the layout resolved them: src/book/lower-markdown.ts),
// heading ranks below the enclosing section, and ids kept apart.

import { caseHeadingPieces } from '../../book/heading-case.js';
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { BookImage, BookMarkdown } from '../../book/types.js';
import type { Lang } from '../../model/types.js';
import { headingLevel, shallowestHeading } from '../../markdown/heading-level.js';
import { isStreamed, knowStreamedTop, markdownPieces, minHeadingDepth, parseMarkdown } from '../../markdown/parse.js';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { assetOutPath, hrefFor, type RenderContext } from './context.js';
import { el, toHtml } from './hast.js';
import { plainParagraph } from './plain-text.js';

// Sanitize prefixes every id (and aria id reference) with this; we then swap it for a prefix
// unique to the Markdown text, so footnotes of two texts in one file cannot collide, and no
// Markdown-made id can take the place of a record anchor (ours start with "_", record ids can't).
const CLOBBER = 'user-content-';

// Footnote labels are set per language, so one processor per label pair.
const processors = new Map<string, ReturnType<typeof makeProcessor>>();

function makeProcessor(footnoteLabel: string, footnoteBackLabel: string) {
  return unified()
    .use(remarkRehype, { clobberPrefix: '', footnoteLabel, footnoteBackLabel })
    .use(rehypeSanitize, { ...defaultSchema, clobberPrefix: CLOBBER });
}

// Sanitized hast per text and labels: the same text appears in a stage book and in the
// combined masterplan; only the rewriting below differs between them. Cached trees are never
// changed: the rewriting copies every element it touches.
interface Sanitized {
  tree: Root;
  /** Ids (clobber-prefixed) present in the text, for footnote links. */
  ids: Set<string>;
}
const sanitizedCache = new Map<string, Sanitized>();

/** Drops the cached trees of texts no book still to be rendered shows (bounds a build's memory). */
export function forgetSanitized(texts: Iterable<string>): void {
  const gone = new Set(texts);
  for (const key of sanitizedCache.keys()) {
    if (gone.has(key.slice(key.indexOf('\u0000', key.indexOf('\u0000') + 1) + 1))) sanitizedCache.delete(key);
  }
}

/** Keeps only the cached trees of `texts` (the preview: the texts its latest build shows). */
export function retainSanitized(texts: ReadonlySet<string>): void {
  for (const key of sanitizedCache.keys()) {
    if (!texts.has(key.slice(key.indexOf('\u0000', key.indexOf('\u0000') + 1) + 1))) sanitizedCache.delete(key);
  }
}

/** How many sanitized trees are cached (for tests). */
export function cachedSanitizedCount(): number {
  return sanitizedCache.size;
}

function processorFor(ctx: RenderContext): ReturnType<typeof makeProcessor> {
  const labels = `${ctx.labels.footnotes}\u0000${ctx.labels.footnoteBack}`;
  let processor = processors.get(labels);
  if (!processor) {
    processor = makeProcessor(ctx.labels.footnotes, ctx.labels.footnoteBack);
    processors.set(labels, processor);
  }
  return processor;
}

function sanitized(text: string, ctx: RenderContext): Sanitized {
  const key = `${ctx.labels.footnotes}\u0000${ctx.labels.footnoteBack}\u0000${text}`;
  let entry = sanitizedCache.get(key);
  if (!entry) {
    const processor = processorFor(ctx);
    // remark-rehype builds a new tree; the cached mdast is left as it is.
    const tree = processor.runSync(parseMarkdown(text) as MdastRoot) as Root;
    const ids = new Set<string>();
    collectIds(tree, ids);
    entry = { tree, ids };
    sanitizedCache.set(key, entry);
  }
  return entry;
}

/**
 * Renders one Markdown text that sits at nesting `level` (its section's, or a card title's):
 * its shallowest heading becomes level + 1, the others keep their distance (heading-level.ts,
 * as in the PDF), at most h6.
 */
export function markdownToHast(md: BookMarkdown, ctx: RenderContext, level: number): ElementContent[] {
  const plain = plainParagraph(md.text);
  if (plain) return [plain];
  if (isStreamed(md.text)) return [streamed(md, ctx, level)];
  const { tree, ids } = sanitized(md.text, ctx);
  const prefix = `_m${++ctx.markdownCount}-`;
  const top = shallowestHeading(parseMarkdown(md.text));
  const children = rewrite(tree.children, { ctx, md, prefix, ids, level, top });
  return children.filter((c): c is ElementContent => c.type !== 'doctype');
}

const GROUP_BLOCKS = 200;
// Headings of a streamed text are written as `<h&N>` (N: the Markdown depth) and given their
// rank once the text's shallowest heading is known. `<h&` never comes from user text: the
// serializer writes every `&` of text and attributes as `&amp;`.
const DEFERRED = 'h&';
const DEFERRED_TAG = /<(\/?)h&([1-6])(?=[\s>])/g;

/**
 * A long text (isStreamed) as HTML, made from one piece of the text at a time and a group of
 * top-level blocks at a time, so that neither its whole Markdown tree nor its whole hast ever
 * exists (a 12 MB narrative's trees took gigabytes). The result is the HTML of the whole tree:
 * remark-rehype puts a line break between top-level blocks, sanitizing and rewriting work per
 * element, and a text without `]:` has no definitions and so no footnotes, the one part made
 * from the whole tree (test/build/streamed-markdown.test.ts).
 */
export function streamed(md: BookMarkdown, ctx: RenderContext, level: number): ElementContent {
  const processor = processorFor(ctx);
  const r: Rewrite = { ctx, md, prefix: `_m${++ctx.markdownCount}-`, ids: new Set(), level, top: 0, deferHeadings: true };
  const parts: string[] = [];
  let top = 7;
  for (const piece of markdownPieces(md.text)) {
    top = Math.min(top, minHeadingDepth(piece));
    for (let i = 0; i < piece.children.length; i += GROUP_BLOCKS) {
      const group: MdastRoot = { type: 'root', children: piece.children.slice(i, i + GROUP_BLOCKS) };
      const hast = processor.runSync(group) as Root;
      if (parts.length > 0) parts.push('\n');
      parts.push(toHtml(rewrite(hast.children, r)));
    }
  }
  top = top === 7 ? 1 : top;
  knowStreamedTop(md.text, top);
  const html = parts.join('').replace(DEFERRED_TAG, (_, slash: string, depth: string) => `<${slash}h${Math.min(6, headingLevel(level, Number(depth), top))}`);
  return { type: 'raw', value: html };
}

interface Rewrite {
  ctx: RenderContext;
  md: BookMarkdown;
  prefix: string;
  /** Ids (already clobber-prefixed) present in this text, for footnote links. */
  ids: Set<string>;
  level: number;
  /** Depth of the text's shallowest heading. */
  top: number;
  /** Headings left as `<h&N>` for streamed() to rank. */
  deferHeadings?: boolean;
}

function rewrite(nodes: RootContent[], r: Rewrite): RootContent[] {
  const out: RootContent[] = [];
  for (const node of nodes) {
    if (node.type !== 'element') {
      out.push(node);
      continue;
    }
    // A copy: the cached tree is shared by every book that shows this text.
    const copy: Element = {
      type: 'element',
      tagName: node.tagName,
      properties: { ...node.properties },
      children: rewrite(node.children, r) as ElementContent[],
    };
    out.push(...rewriteElement(copy, r));
  }
  return out;
}

function rewriteElement(node: Element, r: Rewrite): ElementContent[] {
  const rank = headingRank(node);
  if (rank) {
    const footnoteLabel = node.properties.id === CLOBBER + 'footnote-label';
    if (r.deferHeadings) node.tagName = DEFERRED + rank;
    else node.tagName = `h${Math.min(6, footnoteLabel ? r.level + 1 : headingLevel(r.level, rank, r.top))}`;
    // Written as the book writes its own headings (heading-case.ts), unless the theme says not.
    if (!footnoteLabel && r.ctx.doc.theme.headings.capitalization === 'title') caseHeading(node, r.ctx.doc.lang);
  }
  renameIds(node, r.prefix);
  if (node.tagName === 'a') return rewriteLink(node, r);
  if (node.tagName === 'img') return [rewriteImage(node, r)];
  // A wide table scrolls in its own box instead of widening the page on a phone.
  // Focusable and named (by its column heads), so keyboard users can scroll it too.
  if (node.tagName === 'table') {
    const label = r.ctx.labels.tableLabel(columnHeads(node).join(', '));
    return [el('div', { className: ['table-wrap'], role: 'region', ariaLabel: label, tabIndex: 0 }, [node])];
  }
  return [node];
}

/**
 * The heading's text nodes cased as one heading (code spans as written). Elements here are
 * copies already; text nodes are still the cached tree's, so each is replaced by a copy.
 */
function caseHeading(node: Element, lang: Lang): void {
  const texts: Text[] = [];
  const walk = (n: Element) => {
    n.children.forEach((c, i) => {
      if (c.type === 'text') texts.push((n.children[i] = { ...c }) as Text);
      else if (c.type === 'element' && c.tagName !== 'code') walk(c);
    });
  };
  walk(node);
  caseHeadingPieces(texts, (t) => t.value, (t, v) => (t.value = v), lang);
}

/** The text of a Markdown table's header cells. */
function columnHeads(table: Element): string[] {
  const heads: string[] = [];
  const textOf = (n: ElementContent): string => (n.type === 'text' ? n.value : n.type === 'element' ? n.children.map(textOf).join('') : '');
  const walk = (n: Element) => {
    for (const c of n.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'th') heads.push(textOf(c).trim());
      else if (c.tagName === 'thead' || c.tagName === 'tr') walk(c);
    }
  };
  walk(table);
  return heads.filter((h) => h !== '');
}

function renameIds(node: Element, prefix: string): void {
  const p = node.properties;
  const swap = (v: unknown) => (typeof v === 'string' && v.startsWith(CLOBBER) ? prefix + v.slice(CLOBBER.length) : v);
  if (p.id !== undefined) p.id = swap(p.id) as string;
  if (p.name !== undefined) p.name = swap(p.name) as string;
  for (const key of ['ariaDescribedBy', 'ariaLabelledBy']) {
    const v = p[key];
    if (Array.isArray(v)) p[key] = v.map((x) => swap(x) as string);
    else if (v !== undefined) p[key] = swap(v) as string;
  }
}

/** `#ID` → the record's anchor; footnote links → this text's footnotes; others → text only. */
function rewriteLink(node: Element, r: Rewrite): ElementContent[] {
  const href = typeof node.properties.href === 'string' ? node.properties.href : '';
  if (href.startsWith('#')) {
    // A footnote's href and id are written alike by remark-rehype (a label like `é` percent-encoded
    // in both), so they are matched as written.
    const fragment = href.slice(1);
    const footnote = node.properties.dataFootnoteRef !== undefined || node.properties.dataFootnoteBackref !== undefined;
    if (footnote && r.ids.has(CLOBBER + fragment)) {
      node.properties.href = '#' + r.prefix + fragment;
      return [node];
    }
    const id = targetsOf(r.md).links.get(href);
    const target = id !== undefined ? hrefFor(r.ctx, id) : undefined;
    if (target) {
      node.properties.href = target;
      return [node];
    }
  } else if (/^(https?:|mailto:)/i.test(href)) {
    return [node];
  }
  // A link that would go nowhere in the book (a relative file, an unknown id): keep its text.
  return node.children;
}

function rewriteImage(node: Element, r: Rewrite): ElementContent {
  const src = typeof node.properties.src === 'string' ? node.properties.src : '';
  const alt = typeof node.properties.alt === 'string' ? node.properties.alt : '';
  const found = targetsOf(r.md).images.get(src);
  if (!found) {
    return el('span', { className: ['image-missing'] }, [r.ctx.doc.labels.imageMissing(alt || src)]);
  }
  const out = assetOutPath(found.rel);
  r.ctx.assets.set(out, found.abs);
  node.properties.src = out.split('/').map(encodeURIComponent).join('/');
  return node;
}

// The layout's tables are keyed by the URL as the Markdown parser reads it; remark-rehype writes
// each link's href and image's src as normalizeUri(url) (mdast-util-to-hast), so here the same
// tables are keyed by what the hast holds. Made once per text, for every book that shows it.
const byHref = new WeakMap<BookMarkdown, { links: Map<string, string>; images: Map<string, BookImage | undefined> }>();

function targetsOf(md: BookMarkdown): { links: Map<string, string>; images: Map<string, BookImage | undefined> } {
  let out = byHref.get(md);
  if (!out) {
    out = {
      links: new Map([...md.links].map(([url, id]) => [normalizeUri(url), id])),
      images: new Map([...md.images].map(([url, file]) => [normalizeUri(url), file])),
    };
    byHref.set(md, out);
  }
  return out;
}

function headingRank(node: Element): number {
  const m = /^h([1-6])$/.exec(node.tagName);
  return m ? Number(m[1]) : 0;
}

function collectIds(tree: Root | Element, ids: Set<string>): void {
  for (const n of tree.children) {
    if (n.type !== 'element') continue;
    if (typeof n.properties.id === 'string') ids.add(n.properties.id);
    collectIds(n, ids);
  }
}
