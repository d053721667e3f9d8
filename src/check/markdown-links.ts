// Markdown check: every `[text](#ID)` names a record (or a Pokja), every image is a file inside
// the repository. The links and images are those the renderers see (src/markdown/scan-links.ts:
// the same Markdown parser). Works on front matter strings and bodies alike; positions point at
// the `#ID` or the image path in the source (for a reference-style one: in its definition).

import type { Collector } from '../diagnostics/collector.js';
import { joined, m } from '../diagnostics/message.js';
import { linkedId } from '../markdown/link-target.js';
import { scanLinks, type ScannedLink } from '../markdown/scan-links.js';
import type { Markdown, Masterplan } from '../model/types.js';
import { allMarkdown } from '../model/walk.js';
import { closest } from './did-you-mean.js';
import { checkImageAt } from './images.js';

export function checkMarkdown(model: Masterplan, out: Collector, uncertain: boolean): void {
  const pokjaIds = new Set(model.pokja.map((p) => p.id));
  const knownIds = [...model.index.ids.keys()];
  for (const md of allMarkdown(model)) {
    for (const link of scanLinks(md.text)) {
      if (link.kind === 'image') checkImage(md, link, model, out);
      else checkLink(md, link, model, pokjaIds, knownIds, out, uncertain);
    }
  }
}

function checkLink(
  md: Markdown,
  node: ScannedLink,
  model: Masterplan,
  pokjaIds: Set<string>,
  knownIds: string[],
  out: Collector,
  uncertain: boolean,
): void {
  const id = linkedId(node.url);
  if (id === undefined) return;
  if (model.index.ids.has(id) || pokjaIds.has(id) || uncertain) return;
  const hint = closest(id, knownIds);
  // The id may have been removed from (or never added to) any file that defines ids.
  out.inMarkdown(md, node.offset, node.raw, 'unknown-reference', joined(m.unknownLink(id), hint && m.didYouMean(hint)), {
    expected: hint && `#${hint}`,
    origins: out.origins.all,
  });
}

function checkImage(md: Markdown, node: ScannedLink, model: Masterplan, out: Collector): void {
  checkImageAt(model.root, md, node.offset, node.url, out, node.raw);
}
