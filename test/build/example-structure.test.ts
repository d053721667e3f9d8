// The example's books, read back with an HTML parser: page frame, headings and contents from
// the book layout, every innovation card, the traceability matrix, and every internal link.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBooks } from '../../src/book/build-book.js';
import type { Section } from '../../src/book/types.js';
import { allInnovations } from '../../src/model/walk.js';
import { checkProject } from '../../src/pipeline.js';
import { BOOK_FILES, build, EPOCH, EXAMPLE } from '../helpers/build.js';
import { removeTemps, tempDir } from '../helpers/fixtures.js';
import { attr, byId, byTag, descendants, hasClass, ids, parentOf, readPage, textOf, type Page } from '../helpers/html.js';

let out: string;
const pages = new Map<string, Page>();
const checked = checkProject(EXAMPLE);
const docs = buildBooks(checked.model, { date: new Date(Number(EPOCH) * 1000) });
const docOf = (file: string) => docs.find((d) => `${d.file}.html` === file)!;

beforeAll(async () => {
  out = join(tempDir(), 'out');
  const r = await build(EXAMPLE, out);
  expect(r.stdout).toBe('');
  expect(r.code).toBe(0);
  for (const f of [...BOOK_FILES, 'index.html']) pages.set(f, readPage(join(out, f)));
});
afterAll(removeTemps);

function flatten(sections: readonly Section[]): Section[] {
  return sections.flatMap((s) => [s, ...flatten(s.children)]);
}

describe('build examples/banggai --format html', () => {
  it('writes the four books, the combined masterplan and the index', () => {
    for (const f of [...BOOK_FILES, 'index.html']) expect(existsSync(join(out, f)), f).toBe(true);
    expect(existsSync(join(out, 'buku-1.pdf'))).toBe(false);
  });

  it.each([...BOOK_FILES, 'index.html'])('%s is a complete, self-contained page', (file) => {
    const page = pages.get(file)!;
    expect(page.html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(attr(byTag(page, 'html')[0], 'lang')).toBe('id-ID');
    const metas = byTag(page, 'meta');
    expect(metas.some((m) => attr(m, 'charset')?.toLowerCase() === 'utf-8')).toBe(true);
    expect(metas.some((m) => attr(m, 'name') === 'viewport' && /width=device-width/.test(attr(m, 'content') ?? ''))).toBe(true);
    expect(byTag(page, 'style')).toHaveLength(1);
    expect(textOf(byTag(page, 'style')[0])).toMatch(/@page\s*\{[^}]*A4/);
    // Scripts only as files of the site (search box, filters): none inline, none elsewhere.
    const scripts = byTag(page, 'script');
    for (const s of scripts) expect(attr(s, 'src'), file).toMatch(/^assets\/(site|search-index)\.js$/);
    for (const s of scripts) expect(textOf(s)).toBe('');
    expect(scripts.map((s) => attr(s, 'src'))).toEqual(file === 'index.html' ? ['assets/search-index.js', 'assets/site.js'] : file === 'buku-3.html' || file === 'masterplan.html' ? ['assets/site.js'] : []);
    expect(byTag(page, 'link')).toHaveLength(0);
    for (const el of page.elements) for (const a of el.attrs) expect(a.name.startsWith('on'), `${el.tagName} ${a.name}`).toBe(false);
    // Skip link to the main content.
    const skip = byTag(page, 'a').find((a) => hasClass(a, 'skip-link'))!;
    expect(attr(skip, 'href')).toBe('#_content');
    expect(byId(page, '_content')?.tagName).toBe('main');
    // Ids are unique.
    const all = ids(page);
    expect(all.filter((id, i) => all.indexOf(id) !== i)).toEqual([]);
  });

  it.each(BOOK_FILES)('%s: the cover shows region, book, period and date', (file) => {
    const page = pages.get(file)!;
    const doc = docOf(file);
    const cover = byTag(page, 'header').find((h) => hasClass(h, 'cover'))!;
    const text = textOf(cover);
    for (const part of [doc.cover.region, doc.cover.title, doc.cover.bookLabel, doc.cover.bookTitle, doc.cover.period, doc.cover.date]) {
      expect(text).toContain(part);
    }
    // The example sets edition.date (the hand-over, 28 April 2023): shown instead of the build date.
    expect(attr(byTag(cover, 'time')[0], 'datetime')).toBe('2023-04-28');
    expect(text).toContain('Luwuk, 28 April 2023');
  });

  it.each(BOOK_FILES)('%s: every section of the layout, with a heading of its level', (file) => {
    const page = pages.get(file)!;
    for (const s of flatten(docOf(file).sections)) {
      const el = byId(page, s.id);
      expect(el?.tagName, s.id).toBe('section');
      const heading = el!.childNodes.find((c) => 'tagName' in c)!;
      expect(heading.nodeName, s.id).toBe(`h${Math.min(6, s.level)}`);
      // Chapters of the body read "BAB I <title>".
      expect(textOf(heading).startsWith(s.number !== undefined ? `${s.number} ${s.title}` : s.title), s.id).toBe(true);
      expect(hasClass(el!, 'new-page')).toBe(s.newPage);
    }
  });

  it.each(BOOK_FILES)('%s: the table of contents lists the toc sections in order', (file) => {
    const page = pages.get(file)!;
    const nav = byId(page, '_toc')!;
    expect(nav.tagName).toBe('nav');
    const links = byTag(nav, 'a').map((a) => [attr(a, 'href'), textOf(a)]);
    const expected: string[][] = [];
    const walk = (list: readonly Section[]) => {
      for (const s of list) {
        if (!s.toc) continue;
        expected.push([`#${s.id}`, s.number !== undefined ? `${s.number} ${s.title}` : s.title]);
        walk(s.children);
      }
    };
    walk(docOf(file).sections);
    expect(links).toEqual(expected);
    expect(links.length).toBeGreaterThan(6);
  });

  it('every innovation of the example has its card in Buku III and in the masterplan', () => {
    const innovations = allInnovations(checked.model);
    expect(innovations.length).toBeGreaterThan(10);
    for (const file of ['buku-3.html', 'masterplan.html']) {
      const page = pages.get(file)!;
      for (const ino of innovations) {
        expect(ino.id).toMatch(/^INO-/);
        const card = byId(page, ino.id);
        expect(card?.tagName, `${file} ${ino.id}`).toBe('article');
        expect(hasClass(card!, 'record')).toBe(true);
        expect(textOf(card!)).toContain(ino.title);
      }
    }
  });

  it('the traceability matrix has one row per RPJMD program and the innovations in their Pokja column', () => {
    const model = checked.model;
    for (const file of ['buku-3.html', 'masterplan.html']) {
      const page = pages.get(file)!;
      const table = byTag(page, 'table').find((t) => hasClass(t, 'table-matrix'))!;
      expect(table, file).toBeDefined();
      expect(hasClass(parentOf(table)!, 'table-wrap')).toBe(true);
      expect(byTag(table, 'caption')).toHaveLength(1);
      const head = byTag(byTag(table, 'thead')[0], 'th');
      expect(head.map((th) => attr(th, 'scope'))).toEqual(head.map(() => 'col'));
      expect(head.slice(1, 1 + model.pokja.length).map(textOf)).toEqual(model.pokja.map((p) => p.name));
      const rows = byTag(byTag(table, 'tbody')[0], 'tr');
      // A row per program, then the coverage per Pokja.
      expect(rows).toHaveLength(model.rpjmd.programs.length + 1);
      expect(textOf(rows.at(-1)!)).toContain('Program tercakup per Pokja');
      expect(head.at(-1) && textOf(head.at(-1)!)).toBe('Jumlah inovasi');
      model.rpjmd.programs.forEach((program, i) => {
        const cells = rows[i].childNodes.filter((c) => 'tagName' in c) as ReturnType<typeof descendants>;
        expect(cells[0].tagName).toBe('th');
        expect(attr(cells[0], 'scope')).toBe('row');
        expect(textOf(cells[0])).toContain(program.id);
        model.pokja.forEach((pk, j) => {
          const want = allInnovations(model)
            .filter((ino) => ino.pokja === pk.id && ino.rpjmd.includes(program.id))
            .map((ino) => ino.id)
            .sort();
          const got = byTag(cells[1 + j], 'a').map(textOf).sort();
          expect(got, `${file} ${program.id} × ${pk.id}`).toEqual(want);
        });
      });
    }
  });

  it('every table has a caption and column headers; row headers where the layout asks', () => {
    for (const [file, page] of pages) {
      for (const table of byTag(page, 'table')) {
        if (byTag(table, 'caption').length === 0) {
          // Only Markdown tables (from worksheets) may come without a caption.
          expect(descendants(table).length).toBeGreaterThan(0);
          continue;
        }
        for (const th of byTag(byTag(table, 'thead')[0], 'th')) expect(attr(th, 'scope'), file).toBe('col');
        for (const th of byTag(byTag(table, 'tbody')[0] ?? table, 'th')) expect(attr(th, 'scope'), file).toBe('row');
      }
    }
  });

  it('every internal link lands on an existing id in its target file', () => {
    let checkedLinks = 0;
    for (const [file, page] of pages) {
      for (const a of byTag(page, 'a')) {
        const href = attr(a, 'href')!;
        expect(href, file).toBeDefined();
        if (/^(https?:|mailto:)/.test(href)) continue;
        const m = /^(?:([\w.-]+\.html))?(?:#(.+))?$/.exec(href);
        expect(m, `${file}: ${href}`).not.toBeNull();
        const target = m![1] ?? file;
        expect(pages.has(target), `${file}: ${href}`).toBe(true);
        if (m![2] !== undefined) {
          expect(byId(pages.get(target)!, decodeURIComponent(m![2])), `${file}: ${href}`).toBeDefined();
        }
        checkedLinks++;
      }
    }
    expect(checkedLinks).toBeGreaterThan(1000);
  });

  it('cross-book links: buku-N.html#id between stage books, all in-page inside masterplan.html', () => {
    const hrefs = (file: string) => byTag(byId(pages.get(file)!, '_content')!, 'a').map((a) => attr(a, 'href')!);
    expect(hrefs('masterplan.html').every((h) => h.startsWith('#') || /^https?:/.test(h))).toBe(true);
    // Book IV's roadmap points at the innovation cards in Book III.
    expect(hrefs('buku-4.html')).toContain('buku-3.html#INO-ECO-1');
    // Book III's Markdown link to a quick win goes to Book II; to an RPJMD program, in-page.
    expect(hrefs('buku-3.html')).toContain('buku-2.html#QW-ECO-1');
    expect(hrefs('buku-3.html')).toContain('#PP-08');
  });

  it('record links in Markdown and in generated fields both work ((#ID) rewritten through resolve)', () => {
    const page = pages.get('buku-3.html')!;
    const card = byId(page, 'INO-ECO-1')!;
    // The description links to Portal Wisata Banggai (another Pokja's innovation, same book).
    expect(byTag(card, 'a').map((a) => attr(a, 'href'))).toContain('#INO-BRA-1');
  });

  it('images are copied under assets/ and referenced relatively', () => {
    const srcs = [...pages.values()].flatMap((p) => byTag(p, 'img').map((img) => attr(img, 'src')!));
    expect(srcs.length).toBeGreaterThan(0);
    for (const src of srcs) {
      expect(src).toMatch(/^assets\//);
      expect(src).not.toMatch(/^assets\/assets\//);
      expect(existsSync(join(out, decodeURIComponent(src))), src).toBe(true);
    }
  });

  it('the index lists every book', () => {
    const page = pages.get('index.html')!;
    const hrefs = byTag(page, 'a').map((a) => attr(a, 'href'));
    for (const f of BOOK_FILES) expect(hrefs).toContain(f);
  });

  it('no absolute paths of this machine end up in the books', () => {
    for (const [file, page] of pages) {
      expect(page.html.includes(EXAMPLE), file).toBe(false);
      expect(page.html.includes(out), file).toBe(false);
    }
  });
});

