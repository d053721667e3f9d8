// A user's Markdown text lowered for the renderers, once per text for all books: each `#ID`
// link target read as the id it names (markdown/link-target.ts, as the check reads it) and each
// image resolved to its file inside the repository (model/asset-path.ts, as the check resolves
// it). The links and images are those the renderers' parser sees (markdown/scan-links.ts), so a
// renderer looks its targets up here and never decodes a link or goes to the disk for a path.
// The text itself stays text: the renderers parse it (cached, or a piece at a time for a long
// narrative: src/markdown/parse.ts), so a build's memory does not hold every tree at once.

import { resolveAsset } from '../model/asset-path.js';
import type { Markdown } from '../model/types.js';
import { linkedId } from '../markdown/link-target.js';
import { scanLinks, type ScannedLink } from '../markdown/scan-links.js';
import type { BookImage, BookMarkdown } from './types.js';

export function lowerMarkdown(root: string, md: Markdown): BookMarkdown {
  const links = new Map<string, string>();
  const images = new Map<string, BookImage | undefined>();
  const imagesInOrder: { url: string; alt: string }[] = [];
  for (const link of scanLinks(md.text)) {
    if (link.kind === 'image') {
      if (!images.has(link.url)) images.set(link.url, imageFile(root, md.src.file, link.url));
      imagesInOrder.push({ url: link.url, alt: altText(md.text, link) });
    } else {
      const id = linkedId(link.url);
      if (id !== undefined) links.set(link.url, id);
    }
  }
  return { text: md.text, links, images, imagesInOrder };
}

function imageFile(root: string, fromFile: string, url: string): BookImage | undefined {
  if (url === '') return undefined;
  const found = resolveAsset(root, fromFile, url);
  return found.ok ? { rel: found.rel, abs: found.abs } : undefined;
}

/**
 * The alt text of an inline image, `![alt](target)`: from its `![` to the `](` before its target
 * (or, with no target, the last one in it), spaces folded. A reference-style image is found at its
 * definition, away from its alt text: none is told (its caption is then its path).
 */
function altText(text: string, image: ScannedLink): string {
  const [start, end] = image.node;
  if (!text.startsWith('![', start)) return '';
  const close = text.lastIndexOf('](', image.offset > start ? image.offset : end);
  return close > start ? text.slice(start + 2, close).replace(/\s+/g, ' ').trim() : '';
}
