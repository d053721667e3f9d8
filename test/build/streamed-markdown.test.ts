// Long narratives are turned into HTML a group of blocks at a time (markdown-to-hast.ts,
// `streamed`): the HTML must be the one the whole tree gives.
import { describe, expect, it } from 'vitest';
import { buildBooks } from '../../src/book/build-book.js';
import { lowerMarkdown } from '../../src/book/lower-markdown.js';
import { checkProject } from '../../src/pipeline.js';
import { createContext } from '../../src/render/html/context.js';
import { toHtml } from '../../src/render/html/hast.js';
import { STREAM_CHARS } from '../../src/markdown/parse.js';
import { markdownToHast, streamed } from '../../src/render/html/markdown-to-hast.js';
import { htmlLabels } from '../../src/render/html/render-book.js';
import { EXAMPLE } from '../helpers/build.js';

const BLOCKS = [
  '## Bagian {i}\n\nParagraf {i} tentang **pariwisata** dan [PP-06](#PP-06), [tidak dikenal](#XX-{i}), [situs](https://example.com/{i}).',
  '### Potensi {i}\n\n- wisata alam;\n- wisata *budaya* {i};\n\n  lanjutan butir',
  '| a | b |\n|---|:-:|\n| {i} | ~~x~~ www.example.com |',
  '```js\nlet a = {i};\n\n<b>kode</b>\n```',
  '> kutipan {i}\nbaris malas',
  '<div onclick="x()">html {i}</div>\n\n<!--\nkomentar\n\n-->',
  '![Tahapan {i}](../../assets/tahapan.png) dan ![hilang](../../assets/tidak-ada.png)',
  '#### Rincian {i}\n\n1. satu\n2. dua\n\n---',
  'Catatan kaki palsu [^{i}] tanpa definisi, & < > "kutip".',
];

describe('streamed Markdown', () => {
  it('gives the same HTML, group by group, as the whole tree', () => {
    const { model } = checkProject(EXAMPLE);
    const doc = buildBooks(model, { date: new Date(Date.UTC(2024, 2, 1)) })[0];
    const file = 'pokja/smart-governance/1-analisis.md';
    const text = Array.from({ length: 900 }, (_, i) => BLOCKS[i % BLOCKS.length].replaceAll('{i}', String(i))).join('\n\n') + '\n\n# Penutup\n\nAkhir.\n'; // the shallowest heading comes last
    expect(text.length).toBeLessThan(STREAM_CHARS); // so markdownToHast takes the whole-tree path
    const md = lowerMarkdown(EXAMPLE, { text, src: { file, path: ['narrative'] }, body: true });
    for (const level of [1, 3]) {
      const whole = toHtml(markdownToHast(md, createContext(doc, htmlLabels(doc)), level));
      const pieces = toHtml([streamed(md, createContext(doc, htmlLabels(doc)), level)]);
      expect(whole).toContain('tahapan.png');
      expect(whole).toContain('href="#');
      expect(pieces).toBe(whole);
    }
  });
});
