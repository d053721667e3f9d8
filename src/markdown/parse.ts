// Markdown → mdast for both renderers (GFM: tables, strikethrough, task lists, footnotes,
// autolinks). Parsed once per text and cached, since books reuse the same texts.

import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { endsOpen, PIECE_CHARS, splitBlocks } from './split-blocks.js';

// What remark-parse + remark-gfm do, without the per-call set-up: the extensions are made once
// (test/markdown/parse.test.ts checks the trees are the same).
const extensions = [gfm()];
const mdastExtensions = [gfmFromMarkdown()];
const cache = new Map<string, Root>();

/**
 * Trees parsed in earlier runs (a build of the bundled CLI hands one over: load/parse-cache.ts,
 * by the SHA-256 of each text): parsing is the costliest first-time work of a build's Markdown,
 * reading a tree back from JSON a hundredth of it. `get` gives a fresh tree or none.
 */
export interface TreeStore {
  get(text: string): Root | undefined;
  put(text: string, tree: Root): void;
}

let treeStore: TreeStore | undefined;

/** The store of trees parsed in earlier runs, for the texts parsed from now on (undefined: none). */
export function useTreeStore(store: TreeStore | undefined): void {
  treeStore = store;
}

export function parseMarkdown(text: string): Root {
  let tree = cache.get(text);
  if (!tree) {
    // A long text's tree is not kept between runs: the store holds its JSON while the build runs.
    const store = text.length <= STREAM_CHARS ? treeStore : undefined;
    tree = store?.get(text);
    if (!tree) {
      tree = parseInPieces(text);
      store?.put(text, tree);
    }
    cache.set(text, tree);
  }
  return tree;
}

/**
 * Texts longer than this, and without `]:` (so without link definitions or footnotes, which
 * work across the whole text), are never held as one tree: the renderers take them a piece at a
 * time (markdownPieces), so a build's memory does not grow with the longest narrative.
 */
export const STREAM_CHARS = 256 * 1024;

export function isStreamed(text: string): boolean {
  return text.length > STREAM_CHARS && !text.includes(']:');
}

/**
 * The text's tree a piece at a time (split-blocks.ts), so the parser's working memory stays
 * that of one piece. A piece whose last block is a code fence or HTML block left open (the scan
 * guessed wrong) is parsed again together with the next piece, so the pieces' blocks are always
 * those of one parse. Source positions are not used once parsed (links are checked by
 * scan-links.ts) and are three objects per node: dropped, they no longer weigh on large builds.
 */
export function* markdownPieces(text: string, pieceChars = PIECE_CHARS): Generator<Root> {
  for (const { tree } of markdownPiecesAt(text, pieceChars)) {
    dropPositions(tree);
    yield tree;
  }
}

/**
 * The same pieces with their source positions kept (counted from the piece's start) and the
 * piece's offset in the text: for a check that needs the real parser's positions in a long text
 * without its whole event list in memory.
 */
export function* markdownPiecesAt(text: string, pieceChars = PIECE_CHARS): Generator<{ tree: Root; offset: number }> {
  const pieces = splitBlocks(text, pieceChars);
  let carry = '';
  let offset = 0;
  for (let i = 0; i < pieces.length; i++) {
    const src = carry + pieces[i];
    const tree = fromMarkdown(src, { extensions, mdastExtensions });
    if (i < pieces.length - 1 && endsOpen(tree, src)) {
      carry = src;
      continue;
    }
    carry = '';
    yield { tree, offset };
    offset += src.length;
  }
}

/** The whole tree, parsed in pieces (markdownPieces). */
export function parseInPieces(text: string, pieceChars = PIECE_CHARS): Root {
  const tree: Root = { type: 'root', children: [] };
  for (const part of markdownPieces(text, pieceChars)) for (const child of part.children) tree.children.push(child);
  return tree;
}

// Shallowest heading depth of streamed texts (one number per text). The keys hold long texts,
// so the map is emptied by forgetMarkdown and never holds more than a few (a live preview
// rebuilds with new texts on every save).
const tops = new Map<string, number>();
const MAX_TOPS = 16;

/** shallowestHeading for a streamed text, from one pass over its pieces (or a renderer's). */
export function streamedTop(text: string): number {
  let top = tops.get(text);
  if (top === undefined) {
    top = 7;
    for (const part of markdownPieces(text)) top = Math.min(top, minHeadingDepth(part));
    top = top === 7 ? 1 : top;
    knowStreamedTop(text, top);
  }
  return top;
}

/** Remembers the shallowest heading a renderer found while going through a streamed text. */
export function knowStreamedTop(text: string, top: number): void {
  if (tops.size >= MAX_TOPS && !tops.has(text)) tops.clear();
  tops.set(text, top);
}

/** Depth of the shallowest heading under `node`, 7 when there is none. */
export function minHeadingDepth(node: Nodes): number {
  let top = node.type === 'heading' ? node.depth : 7;
  if ('children' in node) for (const child of node.children) top = Math.min(top, minHeadingDepth(child as Nodes));
  return top;
}

/** Drops cached trees of texts no longer needed (a build frees each book's texts once drawn). */
export function forgetMarkdown(texts: Iterable<string>): void {
  for (const t of texts) {
    cache.delete(t);
    tops.delete(t);
  }
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
