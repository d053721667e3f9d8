// The PDF renderer on a hand-made book layout: each block kind, Markdown constructs, a long
// table breaking across pages with its header repeated, the matrix and grid variants, links.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdfWithReport, type PdfReport } from '../../src/render/pdf/index.js';
import { readPdf, type PdfInfo } from '../helpers/pdf.js';
import { sampleBook } from '../helpers/sample-book.js';

let report: PdfReport;
let pdf: PdfInfo;
const progress: string[] = [];

beforeAll(async () => {
  report = await renderPdfWithReport(sampleBook(), { onProgress: (m) => progress.push(m) });
  pdf = await readPdf(report.pdf);
});
afterAll(() => pdf.close());

const pagesWith = (needle: string) => pdf.text.flatMap((t, i) => (t.includes(needle) ? [i] : []));

describe('PDF layout of a hand-made book', () => {
  it('starts with a cover and a contents page, and reports progress per chapter', () => {
    expect(pdf.text[0]).toContain('Buku III');
    expect(pdf.text[0]).toContain('Inovasi Pokja');
    expect(pdf.text[0]).toContain('Kabupaten Uji'.toUpperCase());
    expect(pdf.text[1]).toContain('Daftar Isi');
    // No running header or footer on the cover; both elsewhere.
    expect(pdf.text[0]).not.toContain('Halaman');
    // Front matter (cover, contents) counts in roman numerals, the body from 1.
    expect(pdf.text[1]).toContain('Kabupaten Uji · Halaman ii');
    expect(pdf.text[2]).toContain('Kabupaten Uji · Halaman 1 dari');
    expect(pdf.text[2]).toContain('Buku III: Inovasi Pokja');
    expect(progress).toContain('buku-3.pdf: Bab Satu: Narasi');
    expect(progress[progress.length - 1]).toBe(`buku-3.pdf: ${pdf.pages}`);
  });

  it('starts every chapter on a new page', () => {
    for (const title of ['Bab Satu: Narasi', 'Bab Dua: Tabel', 'Bab Tiga: Kosong']) {
      const link = pdf.links.find((l) => l.page === 1 && pdf.text[l.destPage!]?.includes(title));
      expect(link, title).toBeDefined();
      const items = pdf.items[link!.destPage!];
      const heading = items.find((t) => t.str.includes(title.split(':')[0]))!;
      // The heading is the first thing below the running header.
      const below = items.filter((t) => t.y > heading.y + 1 && t.y < pdf.pageSizes[0].height - 60);
      expect(below, title).toEqual([]);
    }
  });

  it('draws Markdown: emphasis, lists, task items, code, tables, footnotes, rules', () => {
    const narrative = pdf.text[2];
    for (const s of ['tebal', 'miring', 'kode', 'coret', 'Judul dalam Narasi', 'butir satu', 'anak bernomor', 'cucu', '☑', '☐', 'Kutipan', 'pokja: smart-economy', 'Kolom A', '1.234', '[1]', 'Isi catatan kaki']) {
      expect(narrative, s).toContain(s);
    }
    // Code keeps its spacing: three spaces between `3` and `#` (monospaced, ~5.3 pt each).
    const stage = pdf.items[2].find((t) => t.str.startsWith('stage:'))!;
    const line = pdf.items[2].filter((t) => Math.abs(t.y - stage.y) < 0.5 && t.str.trim());
    const three = line.find((t) => t.str.trim().endsWith('3'))!;
    const hash = line.find((t) => t.str.trim().startsWith('#'))!;
    expect(hash.x - (three.x + three.width)).toBeGreaterThan(12);
  });

  it('draws images and names a missing one', () => {
    expect(pdf.text[2]).toContain('[gambar: Gambar yang hilang]');
    expect(pdf.text[2]).not.toContain('[gambar: Tahapan masterplan]');
  });

  it('breaks a long table across pages and repeats its header row', () => {
    const pages = pagesWith('ROW-');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const p of pages) expect(pdf.text[p], `page ${p + 1}`).toMatch(/Kode Uraian Butir Nilai/);
    // Every row once, in order.
    const rows = pages.flatMap((p) => pdf.items[p].filter((t) => /^ROW-\d+$/.test(t.str)).map((t) => t.str));
    expect(rows).toEqual(Array.from({ length: 70 }, (_, i) => `ROW-${i + 1}`));
  });

  it('anchors every row id and section id', async () => {
    for (const id of ['bab-1', 'bab-1-a', 'bab-2', 'bab-2-a', 'INO-1', 'ROW-1', 'ROW-70']) {
      expect(await pdf.destinationPage(id), id).toBeDefined();
    }
    const row70 = (await pdf.destinationPage('ROW-70'))!;
    expect(pdf.text[row70]).toContain('Baris nomor 70');
  });

  it('links ids inside this book, to sibling books and to the web', async () => {
    const ino = (await pdf.destinationPage('INO-1'))!;
    const internal = pdf.links.filter((l) => l.dest === 'INO-1');
    expect(internal.length).toBeGreaterThanOrEqual(3);
    for (const l of internal) expect(l.destPage).toBe(ino);
    expect(pdf.links.some((l) => l.url === 'buku-2.pdf#QW-1')).toBe(true);
    expect(pdf.links.some((l) => l.url === 'https://example.org/masterplan')).toBe(true);
    expect(report.danglingLinks).toEqual([]);
  });

  it('shows a table without rows as its caption', () => {
    const page = pagesWith('Bab Tiga: Kosong').pop()!;
    expect(pdf.text[page]).toContain('Tanpa baris');
  });

  it('keeps text inside the page and never draws a heading last on a page', () => {
    pdf.items.forEach((items, p) => {
      const { width } = pdf.pageSizes[p];
      for (const t of items) {
        if (!t.str.trim()) continue;
        expect(t.x, `p${p + 1} ${t.str}`).toBeGreaterThanOrEqual(30);
        expect(t.x + t.width, `p${p + 1} ${t.str}`).toBeLessThanOrEqual(width - 30);
      }
    });
    // Section headings: at least one more line of body text follows on the same page.
    for (const title of ['Bagian dengan kartu', 'Bagian dengan daftar', 'Matriks dan peta jalan']) {
      const page = pagesWith(title).find((p) => p > 1)!;
      const items = pdf.items[page].filter((t) => t.str.trim());
      const heading = items.findIndex((t) => t.str.includes(title));
      const after = items.slice(heading + 1).filter((t) => !/Halaman \d+ dari/.test(t.str));
      expect(after.length, title).toBeGreaterThan(0);
    }
  });
});

describe('PDF layout edge cases', () => {
  it('renders a book without sections as its cover alone', async () => {
    const empty = await renderPdfWithReport(sampleBook({ sections: [] }));
    const read = await readPdf(empty.pdf);
    expect(read.pages).toBe(1);
    expect(read.outline).toEqual([]);
    await read.close();
  });

  it('cuts a word wider than the column instead of running off the page', async () => {
    const long = 'https://example.org/' + 'sangat-panjang-'.repeat(30);
    const doc = sampleBook({
      sections: [
        {
          id: 'x', title: 'Kata panjang', level: 1, newPage: true, toc: true, children: [],
          blocks: [
            { type: 'paragraph', content: [{ type: 'text', text: `Awal ${long} akhir` }] },
            { type: 'table', caption: '', columns: [{ label: 'A', width: 1 }, { label: 'B', width: 6 }], rows: [{ cells: [{ lines: [[{ type: 'text', text: long }]] }, { lines: [[{ type: 'text', text: 'b' }]] }] }] },
          ],
        },
      ],
    });
    const read = await readPdf((await renderPdfWithReport(doc)).pdf);
    for (const [p, items] of read.items.entries()) {
      for (const t of items) expect(t.x + t.width, `p${p + 1} ${t.str}`).toBeLessThanOrEqual(read.pageSizes[p].width - 60);
    }
    expect(read.text.join(' ').replace(/\s+/g, '')).toContain(long.replace(/\s+/g, ''));
    await read.close();
  });
});
