// The fast hast serializer must give the same document as rehype-stringify, the reference.
import type { Element, Root } from 'hast';
import { parseFragment, serializeOuter, type DefaultTreeAdapterTypes as T } from 'parse5';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { buildBooks } from '../../src/book/build-book.js';
import { checkProject } from '../../src/pipeline.js';
import { createContext } from '../../src/render/html/context.js';
import { htmlLabels } from '../../src/render/html/render-book.js';
import { sectionsToHast } from '../../src/render/html/sections-to-hast.js';
import { serialize } from '../../src/render/html/serialize.js';

const reference = unified().use(rehypeStringify, { characterReferences: { useNamedReferences: false } });

/** A canonical form of an HTML fragment: parsed by the standard parser, serialized again. */
function canonical(html: string): string {
  const frag = parseFragment(html);
  return frag.childNodes.map((n) => serializeOuter(n as T.ChildNode)).join('');
}

describe('serialize', () => {
  it('escapes text and attributes, writes void and boolean attributes as HTML does', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'p',
          properties: { className: ['a', 'b'], dataFootnoteRef: true, hidden: true, title: 'x "y" & <z>', ariaLabelledBy: ['h1', 'h2'], colSpan: 2 },
          children: [
            { type: 'text', value: 'a < b & c > d "e"' },
            { type: 'element', tagName: 'br', properties: {}, children: [] },
            { type: 'element', tagName: 'img', properties: { src: 'assets/a b.png', alt: '' }, children: [] },
          ],
        },
      ],
    };
    const html = serialize(tree);
    expect(html).toBe(
      '<p class="a b" data-footnote-ref hidden title="x &quot;y&quot; &amp; <z>" aria-labelledby="h1 h2" colspan="2">a &lt; b &amp; c &gt; d "e"<br><img src="assets/a b.png" alt=""></p>',
    );
    expect(canonical(html)).toBe(canonical(reference.stringify(tree)));
  });

  it('gives the same document as rehype-stringify for every example book', () => {
    const { model } = checkProject('examples/banggai');
    for (const doc of buildBooks(model, { date: new Date(Date.UTC(2023, 3, 28)) })) {
      const body = sectionsToHast(doc.sections, createContext(doc, htmlLabels(doc)));
      const root: Root = { type: 'root', children: body as Element[] };
      expect(canonical(serialize(root)), doc.file).toBe(canonical(reference.stringify(root)));
    }
  });
});
