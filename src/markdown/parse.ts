// Markdown → mdast, shared by the link check and both renderers (GFM: tables, strikethrough,
// autolinks). Parsed once per text and cached, since books reuse the same texts.

import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm);
const cache = new Map<string, Root>();

export function parseMarkdown(text: string): Root {
  let tree = cache.get(text);
  if (!tree) {
    tree = processor.runSync(processor.parse(text)) as Root;
    cache.set(text, tree);
  }
  return tree;
}
