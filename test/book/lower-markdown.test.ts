// The book layout lowers each Markdown text once: its `#ID` links read as the ids they name, its
// images resolved to files inside the repository — what the renderers look up instead of decoding
// links or resolving paths themselves.

import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBooks } from '../../src/book/build-book.js';
import { lowerMarkdown } from '../../src/book/lower-markdown.js';
import type { Block, BookMarkdown, Section } from '../../src/book/types.js';
import { checkProject } from '../../src/pipeline.js';
import { EXAMPLE } from '../helpers/build.js';
import { removeTemps, tempDir } from '../helpers/fixtures.js';
import { png } from '../helpers/images.js';

afterAll(removeTemps);

const root = tempDir();
mkdirSync(join(root, 'pokja', 'x'), { recursive: true });
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'assets', 'peta kota.png'), png(2, 2));
writeFileSync(join(root, 'assets', 'bukan.png'), 'bukan gambar');
symlinkSync('/etc/hostname', join(root, 'assets', 'keluar.png'));

const lower = (text: string) => lowerMarkdown(root, { text, src: { file: 'pokja/x/3.md', path: [] }, body: true });

describe('lowerMarkdown', () => {
  it.each([
    ['[a](#PP-07)', [['#PP-07', 'PP-07']]],
    ['[a](#PP%2D07)', [['#PP%2D07', 'PP-07']]],
    ['[a](<#PP-07>) [b](#INO-1 "judul")', [['#PP-07', 'PP-07'], ['#INO-1', 'INO-1']]],
    ['[a][r]\n\n[r]: #QW-1', [['#QW-1', 'QW-1']]],
    ['[a](#50%)', [['#50%', '50%']]],
    ['`[a](#PP-07)` dan \\[b](#PP-08)', []],
    ['[web](https://example.org/#x) [berkas](./lain.md)', []],
  ])('reads the #ID links of %j', (text, links) => {
    expect([...lower(text).links]).toEqual(links);
  });

  it('resolves each image once, inside the repository, and keeps them in order with their alt text', () => {
    const md = lower(
      '![Peta *kota*\n  lama](../../assets/peta%20kota.png)\n\n![Lagi](<../../assets/peta kota.png>) ![Rusak](../../assets/bukan.png) ![](../../assets/keluar.png) ![Web][w] ![Kosong]()\n\n[w]: https://example.org/a.png',
    );
    expect([...md.images.keys()]).toEqual(['../../assets/peta%20kota.png', '../../assets/peta kota.png', '../../assets/bukan.png', '../../assets/keluar.png', '', 'https://example.org/a.png']);
    const file = { rel: 'assets/peta kota.png', abs: join(root, 'assets', 'peta kota.png') };
    expect(md.images.get('../../assets/peta%20kota.png')).toEqual(file);
    expect(md.images.get('../../assets/peta kota.png')).toEqual(file);
    // Not a PNG, leaving the repository through a link, on the web, no path: nothing to show.
    for (const url of ['../../assets/bukan.png', '../../assets/keluar.png', 'https://example.org/a.png', '']) expect(md.images.get(url)).toBeUndefined();
    // (A reference-style image is found at its definition, after the others; its alt text is not told.)
    expect(md.imagesInOrder.map((i) => i.alt)).toEqual(['Peta *kota* lama', 'Lagi', 'Rusak', '', 'Kosong', '']);
  });

  it('lowers each text of the example once for every book that shows it', () => {
    const { model } = checkProject(EXAMPLE);
    const books = buildBooks(model, { date: new Date(Date.UTC(2024, 2, 1)) });
    const byText = new Map<string, Set<BookMarkdown>>();
    const walk = (s: Section) => {
      for (const b of s.blocks as Block[]) {
        const mds = b.type === 'markdown' ? [b.markdown] : b.type === 'record' ? b.fields.flatMap((f) => ('markdown' in f.value ? [f.value.markdown] : [])) : [];
        for (const md of mds) byText.set(md.text, (byText.get(md.text) ?? new Set()).add(md));
      }
      s.children.forEach(walk);
    };
    for (const doc of books) [...doc.front, ...doc.sections].forEach(walk);
    const tahapan = [...byText].find(([text]) => text.includes('tahapan.png'));
    expect(tahapan).toBeDefined();
    const [md] = tahapan![1];
    expect(md.images.get('../assets/tahapan.png')).toEqual({ rel: 'assets/tahapan.png', abs: join(EXAMPLE, 'assets', 'tahapan.png') });
    // The same text in a stage book and in the combined masterplan: one lowered object.
    expect([...byText.values()].filter((set) => set.size > 1)).toEqual([]);
    expect([...byText.values()].some((set) => [...set][0].links.size > 0)).toBe(true);
  });
});
