// Markdown → mdast for both renderers (GFM: tables, strikethrough, task lists, footnotes,
// autolinks). Parsed once per text and cached, since books reuse the same texts.

import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

// What remark-parse + remark-gfm do, without the per-call set-up: the extensions are made once
// (test/markdown/parse.test.ts checks the trees are the same).
const extensions = [gfm()];
const mdastExtensions = [gfmFromMarkdown()];
const cache = new Map<string, Root>();

export function parseMarkdown(text: string): Root {
  let tree = cache.get(text);
  if (!tree) {
    tree = fromMarkdown(text, { extensions, mdastExtensions });
    // Source positions are not used once parsed (links are checked by scan-links.ts) and
    // are three objects per node: dropped, they no longer weigh on large builds.
    dropPositions(tree);
    cache.set(text, tree);
  }
  return tree;
}

/** Drops cached trees of texts no longer needed (a build frees each book's texts once drawn). */
export function forgetMarkdown(texts: Iterable<string>): void {
  for (const t of texts) cache.delete(t);
}

/** Keeps only the cached trees of `texts` (the preview: the texts its latest build shows). */
export function retainMarkdown(texts: ReadonlySet<string>): void {
  for (const t of cache.keys()) if (!texts.has(t)) cache.delete(t);
}

/** How many trees are cached (for tests: a long preview session must not pile them up). */
export function cachedMarkdownCount(): number {
  return cache.size;
}

function dropPositions(node: Nodes): void {
  node.position = undefined; // not `delete`: that would turn every node into a slow dictionary object
  if ('children' in node) for (const child of node.children) dropPositions(child as Nodes);
}
