// Markdown check: every `[text](#ID)` names a record (or a Pokja), every image is a file inside
// the repository. Works on front matter strings and bodies alike; positions point at the `#ID`
// or the image path in the source.

import type { Definition, Image, Link, Nodes } from 'mdast';
import type { Collector } from '../diagnostics/collector.js';
import type { Locale } from '../i18n/index.js';
import { parseMarkdown } from '../markdown/parse.js';
import { resolveAsset } from '../model/asset-path.js';
import type { Markdown, Masterplan } from '../model/types.js';
import { allMarkdown } from '../model/walk.js';
import { closest } from './did-you-mean.js';

export function checkMarkdown(model: Masterplan, out: Collector, t: Locale['messages'], uncertain: boolean): void {
  const pokjaIds = new Set(model.pokja.map((p) => p.id));
  const knownIds = [...model.ids.keys()];
  for (const md of allMarkdown(model)) {
    // Links and images both need a "["; most short texts have none and skip the parser.
    if (!md.text.includes('[')) continue;
    visit(parseMarkdown(md.text), (node) => {
      if (node.type === 'link' || node.type === 'definition') checkLink(md, node, model, pokjaIds, knownIds, out, t, uncertain);
      else if (node.type === 'image') checkImage(md, node, model, out, t);
    });
  }
}

function checkLink(
  md: Markdown,
  node: Link | Definition,
  model: Masterplan,
  pokjaIds: Set<string>,
  knownIds: string[],
  out: Collector,
  t: Locale['messages'],
  uncertain: boolean,
): void {
  if (!node.url.startsWith('#')) return;
  let id = node.url.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch {
    /* keep as written */
  }
  if (model.ids.has(id) || pokjaIds.has(id) || uncertain) return;
  const hint = closest(id, knownIds);
  const start = node.position?.start.offset ?? 0;
  const needle = node.url;
  const offset = md.text.indexOf(needle, start);
  out.inMarkdown(md, offset === -1 ? start : offset, needle, 'unknown-reference', t.unknownLink(id) + (hint ? '; ' + t.didYouMean(hint) : ''));
}

function checkImage(md: Markdown, node: Image, model: Masterplan, out: Collector, t: Locale['messages']): void {
  const resolved = resolveAsset(model.root, md.src.file, node.url);
  if (resolved.ok) return;
  const start = node.position?.start.offset ?? 0;
  const offset = md.text.indexOf(node.url, start);
  const where = offset === -1 ? start : offset;
  if (resolved.problem === 'remote') out.inMarkdown(md, where, node.url, 'unsafe-path', t.imageRemote(node.url));
  else if (resolved.problem === 'outside') out.inMarkdown(md, where, node.url, 'unsafe-path', t.pathOutside(node.url));
  else out.inMarkdown(md, where, node.url, 'unknown-reference', t.imageNotFound(node.url));
}

function visit(node: Nodes, fn: (node: Nodes) => void): void {
  fn(node);
  if ('children' in node) for (const child of node.children) visit(child as Nodes, fn);
}
