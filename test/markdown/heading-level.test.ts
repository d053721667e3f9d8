import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildBooks } from '../../src/book/build-book.js';
import { headingLevel, shallowestHeading } from '../../src/markdown/heading-level.js';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { checkProject } from '../../src/pipeline.js';
import { loadTemplate, renderBook } from '../../src/render/html/index.js';

describe('Markdown heading levels', () => {
  it('puts the shallowest heading one level below the section, whatever depth it starts at', () => {
    const tree = parseMarkdown('Intro\n\n## Latar belakang\n\n### Rincian\n\n## Tujuan\n');
    expect(shallowestHeading(tree)).toBe(2);
    expect(headingLevel(1, 2, 2)).toBe(2);
    expect(headingLevel(1, 3, 2)).toBe(3);
    expect(headingLevel(2, 2, 2)).toBe(3);
    expect(shallowestHeading(parseMarkdown('no headings here'))).toBe(1);
    expect(shallowestHeading(parseMarkdown('# Satu\n\n## Dua'))).toBe(1);
  });

  it('no example book skips a heading level', () => {
    const { model } = checkProject(join(__dirname, '..', '..', 'examples', 'banggai'));
    const template = loadTemplate([]);
    const docs = buildBooks(model, { date: new Date(Date.UTC(2023, 3, 28)) });
    for (const doc of docs) {
      const html = renderBook(doc, { template, books: docs }).html;
      const body = html.slice(html.indexOf('<main'));
      const levels = [...body.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
      expect(levels.length, doc.file).toBeGreaterThan(10);
      levels.forEach((level, i) => {
        if (i > 0) expect(level - levels[i - 1], `${doc.file}: heading ${i} h${levels[i - 1]} → h${level}`).toBeLessThanOrEqual(1);
      });
    }
  });
});
