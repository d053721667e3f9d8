// What every part of one book's rendering shares: the book, where links go, which images it
// uses, and a counter that keeps ids from different Markdown texts apart.

import type { ElementContent } from 'hast';
import type { BookDoc } from '../../book/types.js';

export interface HtmlLabels {
  skipToContent: string;
  footnotes: string;
  footnoteBack: string;
  /** A Markdown table's accessible name, from its column heads. */
  tableLabel: (columns: string) => string;
}

export interface RenderContext {
  doc: BookDoc;
  labels: HtmlLabels;
  /** Images used by this book: output path (`assets/…`) → absolute source path. */
  assets: Map<string, string>;
  /** Markdown texts rendered so far in this book (each gets its own id prefix). */
  markdownCount: number;
  /** The filter bar of the innovation cards and the id of the section it goes in (the top-level one holding the first card). */
  filters?: { node: ElementContent; section: string };
}

export function createContext(doc: BookDoc, labels: HtmlLabels): RenderContext {
  return { doc, labels, assets: new Map(), markdownCount: 0 };
}

/**
 * The href for a record or section id, seen from this book: `#anchor` in the same file,
 * `buku-3.html#anchor` across files; undefined when the id is shown nowhere.
 */
export function hrefFor(ctx: RenderContext, id: string): string | undefined {
  const target = ctx.doc.resolve(id);
  if (!target) return undefined;
  const anchor = '#' + encodeURIComponent(target.anchor);
  return target.file === ctx.doc.file ? anchor : `${target.file}.html${anchor}`;
}

/**
 * Where an image of the repository lands in OUT: `assets/<path>` for a file under the
 * repository's own `assets/` folder (no doubled `assets/assets/`), `assets/_/<path>` for any
 * other file. Collision-free: a path from `assets/` never starts with `_/` after the prefix is
 * taken off (such files go to `assets/_/assets/_/…` instead).
 */
export function assetOutPath(rel: string): string {
  const inner = rel.startsWith('assets/') ? rel.slice('assets/'.length) : undefined;
  return inner !== undefined && inner !== '' && !inner.startsWith('_/') ? `assets/${inner}` : `assets/_/${rel}`;
}
