// parseMarkdown skips unified's per-call set-up but must give remark-parse + remark-gfm's trees.
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { allMarkdown } from '../../src/model/walk.js';
import { checkProject } from '../../src/pipeline.js';

const remark = unified().use(remarkParse).use(remarkGfm);

function withoutPositions(node: Nodes): unknown {
  const { position: _, ...rest } = node as Nodes & { children?: Nodes[] };
  return 'children' in rest && Array.isArray(rest.children) ? { ...rest, children: rest.children.map(withoutPositions) } : rest;
}

describe('parseMarkdown', () => {
  const texts = [
    ...allMarkdown(checkProject('examples/banggai').model).map((m) => m.text),
    '| a | b |\n|---|:-:|\n| ~~x~~ | www.example.com |\n\n- [ ] task\n- [x] done\n\nNote[^1].\n\n[^1]: Footnote.\n',
  ];
  it('reads the example and GFM features as remark + remark-gfm do', () => {
    expect(texts.length).toBeGreaterThan(50);
    for (const text of texts) {
      expect(withoutPositions(parseMarkdown(text))).toEqual(withoutPositions(remark.runSync(remark.parse(text)) as Nodes));
    }
  });
});
