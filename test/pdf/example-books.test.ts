// The five PDF books of the bundled example, drawn from the real book layout and read back
// with pdfjs: page counts, bookmarks, contents links landing on their headings, every
// innovation present, links between books, metadata, reproducibility and qpdf's verdict.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBooks } from '../../src/book/build-book.js';
import type { BookDoc, Section } from '../../src/book/types.js';
import { checkProject } from '../../src/pipeline.js';
import { renderPdfWithReport, type PdfReport } from '../../src/render/pdf/index.js';
import { readPdf, type PdfInfo } from '../helpers/pdf.js';
import { SAMPLE_ROOT as EXAMPLE } from '../helpers/sample-book.js';

const DATE = new Date(Date.UTC(2024, 2, 1));
const { model } = checkProject(EXAMPLE);
const docs = buildBooks(model, { date: DATE });
const byFile = new Map(docs.map((d) => [d.file, d]));
const rendered = new Map<string, { report: PdfReport; pdf: PdfInfo }>();

beforeAll(async () => {
  const reports = [];
  for (const doc of docs) reports.push(await renderPdfWithReport(doc));
  for (const [i, doc] of docs.entries()) rendered.set(doc.file, { report: reports[i], pdf: await readPdf(reports[i].pdf) });
});

afterAll(async () => {
  for (const r of rendered.values()) await r.pdf.close();
});

const get = (file: string) => rendered.get(file)!;
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

function flatten(sections: Section[]): Section[] {
  return sections.flatMap((s) => [s, ...flatten(s.children)]);
}

describe('example PDFs', () => {
  it('renders all six books, with page counts in range', () => {
    const ranges: Record<string, [number, number]> = {
      'buku-1': [12, 60],
      'buku-2': [8, 40],
      'buku-3': [12, 60],
      'buku-4': [8, 40],
      masterplan: [35, 160],
    };
    for (const [file, [min, max]] of Object.entries(ranges)) {
      const { report, pdf } = get(file);
      expect(report.pages, file).toBe(pdf.pages);
      expect(pdf.pages, file).toBeGreaterThanOrEqual(min);
      expect(pdf.pages, file).toBeLessThanOrEqual(max);
    }
  });

  it('draws every character of the example and leaves no internal link dangling', () => {
    for (const [file, { report }] of rendered) {
      expect(report.missingGlyphs, file).toEqual([]);
      expect(report.danglingLinks, file).toEqual([]);
    }
  });

  it('stores title, author, language and the edition date as metadata (the example sets edition.date)', () => {
    for (const doc of docs) {
      const { info } = get(doc.file).pdf;
      expect(info.Title).toBe(doc.title);
      expect(info.Author).toBe(doc.cover.region);
      expect(info.Language).toBe(doc.langTag);
      expect(String(info.CreationDate)).toMatch(/^D:20230428000000Z?/);
      expect(String(info.ModDate)).toMatch(/^D:20230428000000Z?/);
    }
  });

  it('has bookmarks for the contents and every section, nested as in the book', () => {
    for (const doc of docs) {
      const { outline, text } = get(doc.file).pdf;
      expect(outline[0].title).toBe(doc.labels.contents);
      // Front matter (foreword, team, commitment) first, then the body.
      const chapters = outline.slice(1);
      const all = [...doc.front, ...doc.sections];
      expect(chapters.map((n) => n.title)).toEqual(all.map((s) => s.title));
      // Nested titles follow the section tree, and each bookmark opens a page showing its title.
      const check = (nodes: typeof outline, sections: Section[]) => {
        expect(nodes.map((n) => n.title)).toEqual(sections.map((s) => s.title));
        nodes.forEach((n, i) => {
          expect(norm(text[n.page]), n.title).toContain(norm(n.title));
          check(n.children, sections[i].children);
        });
      };
      check(chapters, all);
    }
  });

  it('links every contents entry to the page where its heading is drawn', () => {
    for (const doc of docs) {
      const { links, text, pages } = get(doc.file).pdf;
      const entries = flatten([...doc.front, ...doc.sections]).filter((s) => s.toc);
      const contents = text.findIndex((t) => t.includes(doc.labels.contents));
      const contentsLinks = links.filter((l) => l.page >= contents && l.page <= contents + 2 && l.dest && entries.some((e) => e.id === l.dest));
      expect(contentsLinks.map((l) => l.dest)).toEqual(entries.map((e) => e.id));
      let last = 0;
      for (const link of contentsLinks) {
        const entry = entries.find((e) => e.id === link.dest)!;
        const page = link.destPage!;
        expect(page).toBeGreaterThanOrEqual(last);
        expect(page).toBeLessThan(pages);
        expect(norm(text[page]), entry.title).toContain(norm(entry.title));
        // The printed page number matches the page the link opens.
        const contentsText = text.slice(contents, contents + 3).join(' ');
        expect(contentsText).toContain(`${norm(entry.title)}`);
        last = page;
      }
    }
  });

  it('prints page numbers in the contents that match the linked pages (the body counts from 1)', async () => {
    const { pdf } = get('buku-3');
    const doc = byFile.get('buku-3')!;
    const bodyStart = (await pdf.destinationPage(doc.sections[0].id))!;
    const contents = pdf.text.findIndex((t) => t.includes('Daftar Isi'));
    for (const section of doc.sections.slice(0, 3)) {
      const link = pdf.links.find((l) => l.dest === section.id && l.page === contents)!;
      const items = pdf.items[contents];
      // The number sits on the same baseline as the entry's (last) title line, at the right edge.
      const right = items.filter((t) => /^\d+$/.test(t.str) && t.y >= link.rect[1] - 1 && t.y <= link.rect[3] + 1);
      expect(right.map((t) => Number(t.str)), section.id).toContain(link.destPage! - bodyStart + 1);
    }
  });

  it('numbers the images as figures, with a caption under each, and lists them (Daftar Gambar)', async () => {
    const { pdf } = get('buku-1');
    const page = (await pdf.destinationPage('gambar-1-1'))!;
    expect(pdf.text[page]).toContain('Gambar 1.1 Tahapan masterplan');
    const list = pdf.text.findIndex((t) => t.includes('Daftar Gambar Gambar 1.1'));
    expect(list).toBeGreaterThan(0);
    expect(list).toBeLessThan((await pdf.destinationPage('pendahuluan'))!);
    expect(pdf.links.find((l) => l.page === list && l.dest === 'gambar-1-1')?.destPage).toBe(page);
  });

  it('shows every innovation of the example in book III and the combined masterplan', () => {
    const innovations = model.books.flatMap((b) => b.chapters.flatMap((c) => c.innovations));
    expect(innovations.length).toBeGreaterThan(10);
    for (const file of ['buku-3', 'masterplan']) {
      const all = norm(get(file).pdf.text.join(' '));
      for (const ino of innovations) expect(all, `${file}: ${ino.title}`).toContain(norm(ino.title));
    }
  });

  it('anchors each innovation id where its card is drawn', async () => {
    const { pdf } = get('buku-3');
    const innovations = model.books.flatMap((b) => b.chapters.flatMap((c) => c.innovations));
    for (const ino of innovations) {
      const page = await pdf.destinationPage(ino.id);
      expect(page, ino.id).toBeDefined();
      expect(norm(pdf.text[page!]), ino.id).toContain(norm(ino.title).slice(0, 20));
    }
  });

  it('anchors every section, record and table row id as a named destination', async () => {
    for (const doc of docs) {
      const ids = new Set<string>();
      for (const section of flatten(doc.sections)) {
        ids.add(section.id);
        for (const block of section.blocks) {
          if (block.type === 'record' && block.id) ids.add(block.id);
          if (block.type === 'table') for (const row of block.rows) if (row.id) ids.add(row.id);
        }
      }
      const { pdf } = get(doc.file);
      for (const id of ids) expect(await pdf.destinationPage(id), `${doc.file}: ${id}`).toBeDefined();
    }
  });

  it('links records in other books with GoToR to the right file and anchor', async () => {
    const { pdf } = get('buku-1');
    const remote = pdf.links.filter((l) => l.url && !/^https?:/.test(l.url));
    const targets = new Set(remote.map((l) => l.url!));
    expect(targets.size).toBeGreaterThan(0);
    // Book I links innovations (home: book III) and quick wins (book II), if it mentions any.
    for (const url of targets) {
      const m = /^(buku-\d|masterplan)\.pdf#(.+)$/.exec(url);
      expect(m, url).not.toBeNull();
      const [, file, anchor] = m!;
      expect(file).not.toBe('buku-1');
      const target = get(file).pdf;
      expect(await target.destinationPage(decodeURIComponent(anchor)), url).toBeDefined();
    }
    // Internal links land on an existing page.
    for (const l of pdf.links.filter((l) => l.dest)) expect(l.destPage, l.dest).toBeDefined();
  });

  it('keeps every line of text inside the page', () => {
    for (const [file, { pdf }] of rendered) {
      pdf.items.forEach((items, p) => {
        const { width, height } = pdf.pageSizes[p];
        for (const t of items) {
          if (!t.str.trim()) continue;
          expect(t.x, `${file} p${p + 1} "${t.str}"`).toBeGreaterThanOrEqual(30);
          expect(t.x + t.width, `${file} p${p + 1} "${t.str}"`).toBeLessThanOrEqual(width - 30);
          expect(t.y, `${file} p${p + 1} "${t.str}"`).toBeGreaterThanOrEqual(20);
          expect(t.y, `${file} p${p + 1} "${t.str}"`).toBeLessThanOrEqual(height - 20);
        }
      });
    }
  });

  it('never ends a page with a heading', () => {
    for (const [file, { pdf }] of rendered) {
      pdf.items.forEach((items, p) => {
        if (p < 2) return; // cover and contents
        // Body text only: above the footer band.
        const body = items.filter((t) => t.str.trim() && t.y > 60 && t.y < pdf.pageSizes[p].height - 60);
        if (body.length === 0) return;
        const lowest = body.reduce((a, b) => (b.y < a.y ? b : a));
        // Headings are drawn at 12.5 pt and more; body, tables and cards below that.
        expect(lowest.height, `${file} page ${p + 1} ends with "${lowest.str}"`).toBeLessThan(12);
      });
    }
  });

  it('is byte-identical when rendered again from a fresh book layout', async () => {
    const again = buildBooks(checkProject(EXAMPLE).model, { date: DATE });
    for (const file of ['buku-3', 'masterplan']) {
      const doc = again.find((d: BookDoc) => d.file === file)!;
      const bytes = (await renderPdfWithReport(doc)).pdf;
      expect(Buffer.from(bytes).equals(Buffer.from(get(file).report.pdf)), file).toBe(true);
    }
  });

  it.runIf(existsSync('/usr/bin/qpdf'))('passes qpdf --check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'masterplan-pdf-'));
    try {
      for (const [file, { report }] of rendered) {
        const path = join(dir, `${file}.pdf`);
        writeFileSync(path, report.pdf);
        const run = spawnSync('/usr/bin/qpdf', ['--check', path], { encoding: 'utf8' });
        expect(run.status, `${file}: ${run.stdout}${run.stderr}`).toBe(0);
        expect(run.stdout).toContain('No syntax or stream encoding errors');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
