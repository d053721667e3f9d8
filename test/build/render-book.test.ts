// The HTML renderer on a small hand-made book layout: each kind of block, tones and variants,
// links through resolve(), and the Markdown path (headings, footnotes, images, sanitizing).

import { DEFAULT_THEME } from '../../src/theme/theme.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Block, BookDoc, BookMarkdown, Section } from '../../src/book/types.js';
import { lowerMarkdown } from '../../src/book/lower-markdown.js';
import { locale } from '../../src/i18n/index.js';
import { loadTemplate, renderBook, renderIndex } from '../../src/render/html/index.js';
import { assetOutPath } from '../../src/render/html/context.js';
import { removeTemps, tempDir } from '../helpers/fixtures.js';
import { attr, byId, byTag, hasClass, ids, parsePage, textOf } from '../helpers/html.js';
import { png } from '../helpers/images.js';

afterAll(removeTemps);

const root = tempDir();
mkdirSync(join(root, 'pokja', 'x'), { recursive: true });
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'assets', 'peta kota.png'), png(2, 2));
writeFileSync(join(root, 'assets', 'catatan.png'), 'bukan gambar');
mkdirSync(join(root, '.git'));
writeFileSync(join(root, '.git', 'config'), '[remote "origin"]\n');

const md = (text: string): BookMarkdown => lowerMarkdown(root, { text, src: { file: 'pokja/x/3.md', path: [] }, body: true });

function section(id: string, level: number, blocks: Block[], children: Section[] = []): Section {
  return { id, title: `Judul ${id}`, level, newPage: level === 1, blocks, children, toc: level <= 2 };
}

function makeDoc(sections: Section[], file = 'buku-3'): BookDoc {
  const where: Record<string, string> = { 'INO-1': 'buku-3', 'QW-1': 'buku-2', 'PP-1': file, s1: file, s2: file };
  return {
    file,
    kind: 'stage',
    stage: 3,
    lang: 'id',
    langTag: 'id-ID',
    title: 'Buku III: Inovasi — Masterplan Uji',
    shortTitle: 'Buku III: Inovasi',
    cover: { issuer: 'Pemerintah Kabupaten Uji', edition: '1 Maret 2024', region: 'Kabupaten Uji', title: 'Masterplan Uji', bookLabel: 'Buku III', bookTitle: 'Inovasi', period: '2022–2031', date: '1 Maret 2024' },
    front: [],
    sections,
    tables: [],
    figures: [],
    resolve: (id) => (where[id] ? { file: where[id], anchor: id } : undefined),
    labels: locale('id').render,
    date: { iso: '2024-03-01', epoch: 1709251200 },
    theme: DEFAULT_THEME,
  };
}

const template = loadTemplate([]);
function render(sections: Section[], file?: string) {
  const doc = makeDoc(sections, file);
  const out = renderBook(doc, { template, books: [doc] });
  return { ...out, page: parsePage(out.html) };
}

describe('renderBook', () => {
  it('draws a table: caption, column and row headers, alignment, tones, row anchors, variant', () => {
    const { page } = render([
      section('s1', 1, [
        {
          type: 'table',
          caption: 'Matriks uji',
          variant: 'matrix',
          columns: [{ label: 'Program', width: 2 }, { label: 'Jumlah', width: 1, align: 'right' }],
          rows: [
            { id: 'row-PP-1', header: true, cells: [{ lines: [[{ type: 'ref', id: 'PP-1', text: 'PP-1' }]] }, { lines: [[{ type: 'text', text: '2' }]], tone: 'ok' }] },
            { header: true, tone: 'warning', cells: [{ lines: [[{ type: 'text', text: 'PP-2' }]] }, { lines: [[{ type: 'text', text: '0' }]], tone: 'warning' }] },
          ],
        },
      ]),
    ]);
    const table = byTag(page, 'table')[0];
    expect(hasClass(table, 'table-matrix')).toBe(true);
    const wrap = table.parentNode as typeof table;
    expect(hasClass(wrap, 'table-wrap')).toBe(true);
    expect(attr(wrap, 'tabindex')).toBe('0');
    expect(attr(wrap, 'role')).toBe('region');
    // Unnumbered: named as a table, apart from a section of the same title.
    expect(attr(wrap, 'aria-label')).toBe('Tabel: Matriks uji');
    expect(textOf(byTag(table, 'caption')[0])).toBe('Matriks uji');
    expect(byTag(byTag(table, 'thead')[0], 'th').map((th) => attr(th, 'scope'))).toEqual(['col', 'col']);
    const rows = byTag(byTag(table, 'tbody')[0], 'tr');
    expect(attr(rows[0], 'id')).toBe('row-PP-1');
    expect(byTag(rows[0], 'th').map((th) => attr(th, 'scope'))).toEqual(['row']);
    expect(attr(byTag(rows[0], 'a')[0], 'href')).toBe('#PP-1');
    expect(byTag(rows[0], 'td')[0].attrs).toContainEqual({ name: 'class', value: 'al-right tone-ok' });
    expect(hasClass(rows[1], 'tone-warning')).toBe(true);
    expect(hasClass(byTag(rows[1], 'td')[0], 'tone-warning')).toBe(true);
  });

  it('draws record cards with their anchor, a heading one level below the section, and fields', () => {
    const { page } = render([
      section('s1', 1, [], [
        section('s2', 2, [
          {
            type: 'record',
            id: 'INO-1',
            title: [{ type: 'text', text: 'Galeri UKM' }],
            badge: 'INO-1',
            fields: [
              { label: 'Quick win', value: [{ type: 'ref', id: 'QW-1', text: 'QW-1' }] },
              { label: 'Indikator', value: { lines: [[{ type: 'text', text: 'satu' }], [{ type: 'text', text: 'dua' }]] } },
              { label: 'Uraian', value: { markdown: md('# Latar\n\nTeks **tebal**.') } },
            ],
          },
        ]),
      ]),
    ]);
    const card = byId(page, 'INO-1')!;
    expect(card.tagName).toBe('article');
    expect(byTag(card, 'h3').map(textOf)).toEqual(['Galeri UKM']);
    expect(byTag(card, 'dt').map(textOf)).toEqual(['Quick win', 'Indikator', 'Uraian']);
    expect(attr(byTag(card, 'a')[0], 'href')).toBe('buku-2.html#QW-1');
    expect(byTag(card, 'br')).toHaveLength(1);
    // Markdown inside a card: `#` one level below the card title.
    expect(byTag(card, 'h4').map(textOf)).toEqual(['Latar']);
    expect(byTag(card, 'strong').map(textOf)).toEqual(['tebal']);
  });

  it('draws paragraphs, lists and notes with their tones; unresolvable refs become plain text', () => {
    const { page } = render([
      section('s1', 1, [
        { type: 'paragraph', content: [{ type: 'text', text: 'a', strong: true }, { type: 'text', text: 'b', emphasis: true }, { type: 'ref', id: 'NOPE', text: 'nope' }] },
        { type: 'list', tone: 'warning', items: [[{ type: 'text', text: 'x' }], [{ type: 'text', text: 'y' }]] },
        { type: 'note', tone: 'warning', content: [{ type: 'text', text: 'awas' }] },
      ]),
    ]);
    const s1 = byId(page, 's1')!;
    expect(byTag(s1, 'strong').map(textOf)).toEqual(['a']);
    expect(byTag(s1, 'em').map(textOf)).toEqual(['b']);
    expect(byTag(s1, 'a').filter((a) => textOf(a) === 'nope')).toHaveLength(0);
    expect(hasClass(byTag(s1, 'ul')[0], 'tone-warning')).toBe(true);
    const note = byTag(s1, 'div').find((d) => hasClass(d, 'note'))!;
    expect(hasClass(note, 'note-warning')).toBe(true);
    expect(attr(note, 'role')).toBe('note');
  });

  it('Markdown: headings below the section level, #ID links through resolve, footnotes kept apart', () => {
    const text = '# Satu\n\n## Dua\n\nLihat [inovasi](#INO-1), [quick win](#QW-1), [program](#PP-1) dan [hilang](#NOPE) serta [berkas](./lain.md).[^a]\n\n[^a]: Catatan.';
    const { page } = render([
      section('s1', 1, [{ type: 'markdown', markdown: md(text), level: 1 }], [section('s2', 2, [{ type: 'markdown', markdown: md(text), level: 2 }])]),
    ]);
    const s2 = byId(page, 's2')!;
    expect(byTag(s2, 'h3').map(textOf)).toContain('Satu');
    expect(byTag(s2, 'h4').map(textOf)).toContain('Dua');
    const s1 = byId(page, 's1')!;
    expect(byTag(s1, 'h2').map(textOf)).toContain('Satu');
    const links = byTag(s2, 'a').map((a) => [textOf(a), attr(a, 'href')]);
    expect(links).toContainEqual(['inovasi', '#INO-1']);
    expect(links).toContainEqual(['quick win', 'buku-2.html#QW-1']);
    expect(links).toContainEqual(['program', '#PP-1']);
    // Links that would lead nowhere keep their text only.
    expect(links.map((l) => l[0])).not.toContain('hilang');
    expect(links.map((l) => l[0])).not.toContain('berkas');
    expect(textOf(s2)).toContain('hilang');
    // The same footnote in two texts: distinct ids, each link to its own.
    const all = ids(page);
    expect(all.filter((id, i) => all.indexOf(id) !== i)).toEqual([]);
    const footnoteLinks = byTag(page, 'a').filter((a) => attr(a, 'data-footnote-ref') !== undefined);
    expect(footnoteLinks).toHaveLength(2);
    for (const a of footnoteLinks) expect(byId(page, attr(a, 'href')!.slice(1)), attr(a, 'href')).toBeDefined();
    for (const a of byTag(page, 'a').filter((x) => attr(x, 'data-footnote-backref') !== undefined)) {
      expect(byId(page, attr(a, 'href')!.slice(1))).toBeDefined();
    }
    // Markdown-made ids never look like record ids (those start with a letter or digit).
    for (const id of all.filter((x) => !['s1', 's2'].includes(x))) expect(id).toMatch(/^_/);
    expect(textOf(page.doc)).toContain('Catatan kaki');
  });

  it('Markdown: escaped #ID links, reference links and a footnote label outside ASCII all link', () => {
    const text = 'Lihat [satu](#INO%2D1), [dua](<#QW-1>), [tiga][t] dan catatan[^é].\n\n[t]: #PP-1\n[^é]: Catatan é.';
    const { page } = render([section('s1', 1, [{ type: 'markdown', markdown: md(text), level: 1 }])]);
    const links = byTag(page, 'a').map((a) => [textOf(a), attr(a, 'href')]);
    expect(links).toContainEqual(['satu', '#INO-1']);
    expect(links).toContainEqual(['dua', 'buku-2.html#QW-1']);
    expect(links).toContainEqual(['tiga', '#PP-1']);
    // The footnote's link and its way back both land (the label is percent-encoded in both).
    const ref = byTag(page, 'a').find((a) => attr(a, 'data-footnote-ref') !== undefined);
    const back = byTag(page, 'a').find((a) => attr(a, 'data-footnote-backref') !== undefined);
    expect(ref && back).toBeTruthy();
    expect(byId(page, attr(ref!, 'href')!.slice(1))).toBeDefined();
    expect(byId(page, attr(back!, 'href')!.slice(1))).toBeDefined();
  });

  it('Markdown images: copied under assets/ (path encoded), missing ones shown as a label', () => {
    const { page, assets } = render([
      section('s1', 1, [{ type: 'markdown', markdown: md('![Peta](../../assets/peta%20kota.png) ![Hilang](../../assets/tidak-ada.png)'), level: 1 }]),
    ]);
    const imgs = byTag(page, 'img');
    expect(imgs.map((i) => attr(i, 'src'))).toEqual(['assets/peta%20kota.png']);
    expect(attr(imgs[0], 'alt')).toBe('Peta');
    expect([...assets]).toEqual([['assets/peta kota.png', join(root, 'assets', 'peta kota.png')]]);
    expect(textOf(page.doc)).toContain('[gambar: Hilang]');
  });

  it.each([
    ['assets/peta.png', 'assets/peta.png'],
    ['assets/a/b.png', 'assets/a/b.png'],
    ['gambar/peta.png', 'assets/_/gambar/peta.png'],
    ['peta.png', 'assets/_/peta.png'],
    // Would otherwise meet the file outside assets/ at _/x.png.
    ['assets/_/x.png', 'assets/_/assets/_/x.png'],
    ['_/x.png', 'assets/_/_/x.png'],
  ])('image %s lands at %s in OUT (no assets/assets/, no collisions)', (rel, out) => {
    expect(assetOutPath(rel)).toBe(out);
  });

  it('Markdown images that are not PNG/JPEG or sit in hidden places are never copied (even unchecked)', () => {
    const { page, assets } = render([
      section('s1', 1, [{ type: 'markdown', markdown: md('![Git](../../.git/config) ![Teks](../../assets/catatan.png)'), level: 1 }]),
    ]);
    expect(byTag(page, 'img')).toEqual([]);
    expect([...assets]).toEqual([]);
    expect(textOf(page.doc)).toContain('[gambar: Git]');
    expect(textOf(page.doc)).toContain('[gambar: Teks]');
  });

  it('Markdown: raw HTML, event handlers and javascript: URLs never reach the page', () => {
    const evil = [
      '<script>alert(1)</script>',
      '<img src="x" onerror="alert(2)">',
      '<a href="javascript:alert(3)">a</a>',
      '[x](javascript:alert(4)) [y](JaVaScRiPt:alert(5)) [z](data:text/html,alert6)',
      '<javascript:alert(7)>',
      '<iframe src="https://example.com"></iframe><style>body{}</style>',
      '<div onclick="alert(8)" style="color:red">d</div>',
      '![i](javascript:alert(9))',
    ].join('\n\n');
    const { html, page } = render([section('s1', 1, [{ type: 'markdown', markdown: md(evil), level: 1 }])]);
    const main = byId(page, '_content')!;
    expect(byTag(page, 'script')).toHaveLength(0);
    expect(byTag(page, 'iframe')).toHaveLength(0);
    expect(byTag(page, 'style')).toHaveLength(1); // the book's own
    for (const el of byTag(page, '*').concat(page.elements)) {
      for (const a of el.attrs) {
        expect(a.name.startsWith('on'), a.name).toBe(false);
        expect(a.value.toLowerCase()).not.toContain('javascript:');
        expect(a.value.toLowerCase()).not.toContain('data:');
      }
    }
    expect(textOf(main)).not.toMatch(/alert\([1238]\)/);
    expect(html.toLowerCase()).not.toContain('javascript:alert(4)');
    const narrative = byTag(main, 'div').find((d) => hasClass(d, 'md'))!;
    expect(byTag(narrative, 'a')).toHaveLength(0);
    expect(byTag(narrative, 'img')).toHaveLength(0);
    expect(textOf(narrative)).toContain('x y z');
  });

  it('generated text is escaped, never parsed as HTML', () => {
    const { page } = render([
      section('s1', 1, [{ type: 'paragraph', content: [{ type: 'text', text: '<b onmouseover="x">{{body}}</b> & "' }] }]),
    ]);
    const p = byTag(byId(page, 's1')!, 'p')[0];
    expect(textOf(p)).toBe('<b onmouseover="x">{{body}}</b> & "');
    expect(byTag(p, 'b')).toHaveLength(0);
  });

  it('contents list levels with toc, nested; chapters start a new printed page', () => {
    const { page } = render([section('s1', 1, [], [section('s2', 2, [], [section('s3', 3, [])])])]);
    const nav = byId(page, '_toc')!;
    expect(byTag(nav, 'a').map((a) => attr(a, 'href'))).toEqual(['#s1', '#s2']);
    expect(byTag(nav, 'ol')).toHaveLength(2);
    expect(hasClass(byId(page, 's1')!, 'new-page')).toBe(true);
    expect(hasClass(byId(page, 's2')!, 'new-page')).toBe(false);
    expect(byId(page, 's3')!.childNodes.find((c) => 'tagName' in c)?.nodeName).toBe('h3');
  });

  it('the index page lists the books (and their PDFs when written)', () => {
    const docs = [makeDoc([], 'buku-3'), makeDoc([], 'masterplan')];
    const page = parsePage(renderIndex(docs, { template, books: docs, pdf: true }));
    expect(byTag(page, 'a').map((a) => attr(a, 'href'))).toEqual(['#_content', 'buku-3.html', 'buku-3.pdf', 'masterplan.html', 'masterplan.pdf']);
    expect(attr(byTag(page, 'html')[0], 'lang')).toBe('id-ID');
  });
});
