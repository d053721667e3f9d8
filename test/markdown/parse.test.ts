// parseMarkdown skips unified's per-call set-up but must give remark-parse + remark-gfm's trees.
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Nodes, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { forgetMarkdown, parseMarkdown, STREAM_CHARS, useTreeStore } from '../../src/markdown/parse.js';
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

describe('trees kept between runs (useTreeStore)', () => {
  it('takes a kept tree, keeps a parsed one, and leaves long texts out', () => {
    const kept = new Map<string, Root>();
    const asked: string[] = [];
    useTreeStore({
      get: (text) => (asked.push(text), kept.has(text) ? (JSON.parse(JSON.stringify(kept.get(text))) as Root) : undefined),
      put: (text, tree) => void kept.set(text, tree),
    });
    try {
      const short = 'Satu *paragraf* dengan [tautan](#PP-01).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
      const tree = parseMarkdown(short);
      expect(kept.get(short)).toBe(tree);
      // The next run: the kept tree is taken, equal to a parse of the text.
      forgetMarkdown([short]);
      kept.set(short, { type: 'root', children: [{ type: 'thematicBreak' }] });
      expect(parseMarkdown(short)).toEqual({ type: 'root', children: [{ type: 'thematicBreak' }] });
      // A text over STREAM_CHARS is parsed in every run, never held as JSON.
      const long = `${'Kalimat panjang. '.repeat(Math.ceil(STREAM_CHARS / 17) + 10)}\n\n[^1]: catatan\n`;
      asked.length = 0;
      parseMarkdown(long);
      expect(asked).toEqual([]);
      expect(kept.has(long)).toBe(false);
      forgetMarkdown([short, long]);
    } finally {
      useTreeStore(undefined);
    }
  });
});
