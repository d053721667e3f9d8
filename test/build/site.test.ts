// The HTML site built with the books: the search index of index.html (assets/search-index.js)
// read back as the browser would run it, every result pointing at an element of the right book;
// the filter bar and the data attributes of the innovation cards; the print page rule.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, EXAMPLE } from '../helpers/build.js';
import { removeTemps, tempDir } from '../helpers/fixtures.js';
import { attr, byId, byTag, parsePage } from '../helpers/html.js';

type Entry = [kind: string, id: string, title: string, context: string, href: string, book: string];
let out: string;
let index: { kinds: Record<string, string>; entries: Entry[] };
const page = (file: string) => parsePage(readFileSync(join(out, file), 'utf8'));

describe('the HTML site of the example', () => {
  beforeAll(async () => {
    out = join(tempDir(), 'out');
    const r = await build(EXAMPLE, out);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(out, 'assets', 'search-index.js'), 'utf8');
    const window: { masterplanSearch?: typeof index } = {};
    runInNewContext(text, { window });
    index = window.masterplanSearch!;
  });
  afterAll(removeTemps);

  it('the index is a script that sets a global (no fetch: works from file://), with nothing that could end a <script>', () => {
    const text = readFileSync(join(out, 'assets', 'search-index.js'), 'utf8');
    expect(text).not.toContain('<');
    expect(index.kinds).toEqual({ innovation: 'Inovasi', program: 'Program RPJMD', quickWin: 'Quick win', section: 'Bagian' });
  });

  it('finds every innovation once, in Buku III, and every quick win in Buku II', () => {
    const cards = byTag(page('buku-3.html'), 'article').filter((a) => attr(a, 'data-kind') === 'innovation').map((a) => attr(a, 'id'));
    expect(cards.length).toBe(22);
    const innovations = index.entries.filter((e) => e[0] === 'innovation');
    expect(innovations.map((e) => e[1])).toEqual(cards);
    for (const e of innovations) expect(e[4]).toBe(`buku-3.html#${e[1]}`);
    expect(innovations.find((e) => e[1] === 'INO-ECO-1')).toEqual(['innovation', 'INO-ECO-1', 'Galeri UKM Online', 'Usulan Inovasi', 'buku-3.html#INO-ECO-1', 'Buku III: Inovasi Pokja']);
    const quickWins = index.entries.filter((e) => e[0] === 'quickWin');
    expect(quickWins.length).toBeGreaterThan(0);
    for (const e of quickWins) expect(e[4]).toMatch(/^buku-2\.html#QW-/);
    const programs = index.entries.filter((e) => e[0] === 'program');
    expect(programs.find((e) => e[1] === 'PP-07')?.[4]).toBe('buku-1.html#PP-07');
  });

  it('every result leads to an element of its book; the masterplan adds only what no stage book has', () => {
    const pages = new Map<string, ReturnType<typeof page>>();
    for (const [, , title, , href] of index.entries) {
      const [file, hash] = href.split('#');
      if (!pages.has(file)) pages.set(file, page(file));
      expect(byId(pages.get(file)!, decodeURIComponent(hash)), `${title} → ${href}`).toBeDefined();
    }
    const sections = index.entries.filter((e) => e[0] === 'section');
    expect(sections.some((e) => e[2] === 'BAB I Pendahuluan' && e[4] === 'buku-1.html#pendahuluan')).toBe(true);
    expect(sections.some((e) => e[4].startsWith('ringkasan.html#'))).toBe(true);
    expect(sections.filter((e) => /^masterplan\.html#buku-\d/.test(e[4]))).toEqual([]);
    // No entry twice.
    expect(new Set(index.entries.map((e) => e[4])).size).toBe(index.entries.length);
  });

  it('index.html has the search box (hidden until the script runs) and loads the index, then the script', () => {
    const p = page('index.html');
    const search = byId(p, '_search')!;
    expect(attr(search, 'hidden')).toBe('');
    const input = byId(p, '_q')!;
    expect(attr(input, 'type')).toBe('search');
    const label = byTag(search, 'label')[0];
    expect(attr(label, 'for')).toBe('_q');
    expect(byTag(p, 'script').map((s) => attr(s, 'src'))).toEqual(['assets/search-index.js', 'assets/site.js']);
  });

  it('buku-3: the filter bar before the first chapter with innovations, a select per facet, data attributes on the cards', () => {
    const p = page('buku-3.html');
    const bar = byId(p, '_filters')!;
    expect(attr(bar, 'hidden')).toBe('');
    expect(byTag(bar, 'select').map((s) => attr(s, 'data-filter'))).toEqual(['pokja', 'element', 'horizon', 'action', 'opd']);
    const pokja = byTag(bar, 'select')[0];
    expect(byTag(pokja, 'option').map((o) => attr(o, 'value'))).toEqual(['', 'smart-branding', 'smart-economy', 'smart-environment', 'smart-governance', 'smart-living', 'smart-society']);
    const card = byId(p, 'INO-ECO-1')!;
    expect([attr(card, 'data-kind'), attr(card, 'data-pokja'), attr(card, 'data-element'), attr(card, 'data-opd')]).toEqual(['innovation', 'smart-economy', 'smart-economy/industri', 'DISKOPUMKM']);
    // Every card's values are offered by the filters.
    for (const key of ['pokja', 'element', 'horizon', 'action', 'opd']) {
      const offered = new Set(byTag(byTag(bar, 'select').find((s) => attr(s, 'data-filter') === key)!, 'option').map((o) => attr(o, 'value')));
      for (const c of byTag(p, 'article').filter((a) => attr(a, 'data-kind') === 'innovation')) {
        const v = attr(c, `data-${key}`);
        if (v !== undefined) expect(offered.has(v), `${key}=${v}`).toBe(true);
      }
    }
    // Books without innovation cards carry neither the bar nor a script.
    for (const f of ['buku-1.html', 'buku-2.html', 'buku-4.html']) {
      expect(byId(page(f), '_filters'), f).toBeUndefined();
      expect(byTag(page(f), 'script'), f).toEqual([]);
    }
  });

  it('print: running header (short title) and "Halaman n dari N" as page-margin boxes, none on the cover', () => {
    const css = readFileSync(join(out, 'buku-1.html'), 'utf8');
    expect(css).toContain('@page { @top-left { content: "Buku I: Analisis Strategis";');
    expect(css).toContain('@bottom-center { content: "Kabupaten Banggai · Halaman " counter(page) " dari " counter(pages);');
    expect(css).toContain('@page :first { @top-left { content: none; } @bottom-center { content: none; } }');
  });
});
