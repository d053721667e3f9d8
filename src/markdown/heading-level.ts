// Where a Markdown heading sits in a book: the shallowest heading of a text goes one level
// below the section holding it, the others keep their distance from it. So a narrative whose
// headings start at `##` does not skip a level (h1 chapter → h3), whichever depth its author
// began with. Both renderers use this, so the HTML and PDF outlines agree.

import type { Nodes, Root } from 'mdast';

const topDepth = new WeakMap<Root, number>();

/** The depth of the shallowest heading in a Markdown tree (1 for `#`); 1 when there is none. */
export function shallowestHeading(tree: Root): number {
  let top = topDepth.get(tree);
  if (top === undefined) {
    top = 7;
    const visit = (n: Nodes) => {
      if (n.type === 'heading') top = Math.min(top!, n.depth);
      if ('children' in n) for (const c of n.children) visit(c as Nodes);
    };
    visit(tree);
    if (top === 7) top = 1;
    topDepth.set(tree, top);
  }
  return top;
}

/** Level of a heading of `depth` in a text whose shallowest heading is `top`, inside a section at `level`. */
export function headingLevel(level: number, depth: number, top: number): number {
  return level + 1 + depth - top;
}
