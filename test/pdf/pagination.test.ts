// Pagination a typographer would accept, checked on the PDF read back with pdfjs: no page is
// nearly empty unless a chapter starts on the next one, no text leaves the page (long words
// and addresses, a 40-column table, a 60-level list, emoji), and a record card split across
// pages repeats its title marked "(lanjutan)". Fixtures with long cards and tables, and the
// bundled example's six books.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBooks } from '../../src/book/build-book.js';
import type { Block, BookDoc, Cell, Inline, Section } from '../../src/book/types.js';
import { checkProject } from '../../src/pipeline.js';
import { renderPdfWithReport } from '../../src/render/pdf/index.js';

const renderPdf = async (doc: Parameters<typeof renderPdfWithReport>[0]) => (await renderPdfWithReport(doc)).pdf;
import { PAGE } from '../../src/render/pdf/theme.js';
import { EXAMPLE } from '../helpers/build.js';
import { readPdf, type PdfInfo } from '../helpers/pdf.js';
import { markdown, SAMPLE_ROOT, sampleBook, section } from '../helpers/sample-book.js';

const t = (text: string): Inline => ({ type: 'text', text });
const cell = (text: string): Cell => ({ lines: [[t(text)]] });

/** Bottom of the text area's top 15%: a page whose text ends above it holds a line or two. */
const NEARLY_EMPTY = PAGE.margins.top + 0.15 * (PAGE.height - PAGE.margins.top - PAGE.margins.bottom);
/** No text may come closer than this to the edge of the sheet. */
const EDGE = 18;

function allSections(sections: Section[]): Section[] {
  return sections.flatMap((s) => [s, ...allSections(s.children)]);
}

/** Body text of a page (no running header or footer), as boxes measured from the page top. */
function bodyBoxes(pdf: PdfInfo, page: number) {
  const { height } = pdf.pageSizes[page];
  return pdf.items[page]
    .filter((it) => it.str.trim())
    .map((it) => ({ str: it.str, top: height - it.y - it.height, bottom: height - it.y }))
    .filter((b) => b.top > PAGE.headerBaseline + 4 && b.bottom < height - PAGE.footerBaseline - 12);
}

/** Pages (0-based) where a chapter begins: a section that starts a page, or the contents and lists. */
async function chapterStarts(doc: BookDoc, pdf: PdfInfo): Promise<Set<number>> {
  const starts = new Set<number>([0]);
  for (const s of allSections([...doc.front, ...doc.sections])) {
    if (!s.newPage) continue;
    const page = await pdf.destinationPage(s.id);
    if (page !== undefined) starts.add(page);
  }
  const lists = [doc.labels.contents, doc.labels.listOfTables, doc.labels.listOfFigures];
  for (let p = 0; p < pdf.pages; p++) {
    const first = bodyBoxes(pdf, p).sort((a, b) => a.top - b.top)[0];
    if (first && lists.includes(first.str.trim())) starts.add(p);
  }
  return starts;
}

/**
 * Pages whose text ends in the top 15% of the text area, though no chapter starts after them;
 * and a last page that holds the colophon alone (the end of a book's text may be short).
 */
async function nearlyEmptyPages(doc: BookDoc, pdf: PdfInfo): Promise<string[]> {
  const starts = await chapterStarts(doc, pdf);
  const out: string[] = [];
  for (let p = 1; p < pdf.pages; p++) {
    const boxes = bodyBoxes(pdf, p);
    if (p === pdf.pages - 1) {
      const text = boxes.map((b) => b.str).join(' ').replace(/\s+/g, ' ').trim();
      if (text && doc.labels.generatedBy.includes(text)) out.push(`page ${p + 1}: the colophon alone`);
      continue;
    }
    if (starts.has(p) || starts.has(p + 1)) continue;
    const lowest = Math.max(0, ...boxes.map((b) => b.bottom));
    if (lowest < NEARLY_EMPTY) out.push(`page ${p + 1}: text ends at ${lowest.toFixed(0)} pt (${boxes.map((b) => b.str).join(' ').slice(0, 60)})`);
  }
  return out;
}

/** Text items that come closer than EDGE to any edge of their page (or run past it). */
function offPage(pdf: PdfInfo): string[] {
  const out: string[] = [];
  pdf.items.forEach((items, p) => {
    const { width, height } = pdf.pageSizes[p];
    for (const it of items) {
      if (!it.str.trim()) continue;
      if (it.x < EDGE || it.x + it.width > width - EDGE || it.y < EDGE || it.y + it.height > height - EDGE) {
        out.push(`page ${p + 1}: "${it.str.slice(0, 30)}" at x ${it.x.toFixed(0)}–${(it.x + it.width).toFixed(0)}, y ${it.y.toFixed(0)}`);
      }
    }
  });
  return out;
}

const LONG_WORD = 'Pengarusutamaangenderdanpemberdayaanmasyarakatdesaberbasisteknologiinformasi'.repeat(3);
const LONG_URL = `https://data.banggaikab.go.id/dataset/${'sub-direktori-yang-sangat-panjang/'.repeat(6)}berkas.csv?kode=${'X'.repeat(120)}`;
const EMOJI = 'Warga 👩‍🌾 petani 🌾, nelayan 🐟 dan 🇮🇩 bendera; ✅ selesai ❌ batal 😀😃😄 ☕ ♻️ 🚀';

/** A card with many fields: longer than half a page, so it must split. */
function longCard(id: string, fields: number): Block {
  return {
    type: 'record',
    id,
    title: [t(`Kartu panjang ${id}`)],
    badge: id,
    fields: Array.from({ length: fields }, (_, i) => ({
      label: `Bidang ${i + 1}`,
      value: { lines: [[t(`Nilai bidang ${i + 1} dari kartu ${id}, dengan teks yang cukup panjang untuk dibungkus ke baris kedua di kolom nilai`)]] },
    })),
  };
}

function smallCard(id: string): Block {
  return {
    type: 'record',
    id,
    title: [t(`Kartu kecil ${id}`)],
    fields: Array.from({ length: 4 }, (_, i) => ({ label: `Bidang ${i + 1}`, value: [t(`Nilai ${i + 1}`)] })),
  };
}

function table(caption: string, rows: number, columns = 4, text = (r: number, c: number) => `Sel ${r + 1}.${c + 1}`): Block {
  return {
    type: 'table',
    caption,
    columns: Array.from({ length: columns }, (_, c) => ({ label: `Kolom ${c + 1}`, width: c === 0 ? 2 : 1 })),
    rows: Array.from({ length: rows }, (_, r) => ({ cells: Array.from({ length: columns }, (_, c) => cell(text(r, c))) })),
  };
}

/** Cards and tables of many sizes one after another: every kind of break gets a chance to happen. */
function cardsBook(): BookDoc {
  const blocks: Block[] = [];
  for (let i = 0; i < 14; i++) {
    blocks.push(i % 3 === 0 ? longCard(`K-${i}`, 12 + (i % 5) * 3) : smallCard(`S-${i}`));
    if (i % 4 === 1) blocks.push(table(`Tabel ${i}`, 2 + i * 3));
    if (i % 5 === 2) blocks.push(table(`Tabel kecil ${i}`, 3));
  }
  const sections = [
    section('bab-1', 'Bab Satu: Kartu', 1, blocks.slice(0, 12), [section('bab-1-a', 'Bagian lanjut', 2, blocks.slice(12))]),
    section('bab-2', 'Bab Dua: Tabel', 1, [table('Tabel panjang', 90), longCard('K-99', 30)]),
  ];
  return sampleBook({ sections, file: 'kartu' });
}

/** Text that would leave the page if nothing stopped it. */
function extremesBook(): BookDoc {
  const deep = Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- tingkat ${i + 1} ${i % 10 === 9 ? LONG_WORD : 'butir'}`).join('\n');
  const blocks: Block[] = [
    { type: 'paragraph', content: [t(`Kata panjang: ${LONG_WORD} lalu alamat ${LONG_URL} selesai.`)] },
    markdown(`Alamat dalam narasi: <${LONG_URL}> dan [tautan](${LONG_URL}).\n\n${deep}\n\n${'> '.repeat(40)}kutipan dalam kutipan ${LONG_WORD}\n\n${EMOJI}\n\n# ${LONG_WORD}`),
    {
      type: 'record',
      id: 'EXT-1',
      title: [t(`${LONG_WORD} ${EMOJI}`)],
      badge: 'EXT-1',
      fields: [
        { label: LONG_WORD, value: [t(LONG_URL)] },
        { label: 'Emoji', value: [t(EMOJI)] },
      ],
    },
    table('Empat puluh kolom', 6, 40, (r, c) => (c % 7 === 3 ? LONG_WORD : `Nilai-${r + 1}-${c + 1}`)),
    table('Kolom sempit, alamat panjang', 3, 3, (r, c) => (c === 1 ? LONG_URL : `${EMOJI} ${r}`)),
  ];
  return sampleBook({ sections: [section('bab-1', `Bab Ekstrem ${LONG_WORD}`, 1, blocks)], file: 'ekstrem' });
}

const rendered = new Map<string, { doc: BookDoc; pdf: PdfInfo }>();

beforeAll(async () => {
  const { model } = checkProject(SAMPLE_ROOT);
  const docs = [cardsBook(), extremesBook(), ...buildBooks(model, { date: new Date(Date.UTC(2024, 2, 1)) })];
  for (const doc of docs) rendered.set(doc.file, { doc, pdf: await readPdf(await renderPdf(doc)) });
  // The example's executive summary, with the masterplan's pages in its link notes as a build
  // writes them: its last table fills its last page (the colophon once got a page of its own).
  const example = buildBooks(checkProject(EXAMPLE).model, { date: new Date(Date.UTC(2024, 2, 1)) });
  const masterplan = await renderPdfWithReport(example.find((d) => d.kind === 'masterplan')!);
  const summary = example.find((d) => d.kind === 'summary')!;
  const otherBooks = new Map([['masterplan.pdf', masterplan.destinationPages]]);
  rendered.set('contoh-ringkasan', { doc: summary, pdf: await readPdf((await renderPdfWithReport(summary, { otherBooks })).pdf) });
}, 120_000);

afterAll(async () => {
  for (const r of rendered.values()) await r.pdf.close();
});

describe('PDF pagination', () => {
  it('leaves no page nearly empty except before a chapter start', async () => {
    const found: Record<string, string[]> = {};
    for (const [file, { doc, pdf }] of rendered) found[file] = await nearlyEmptyPages(doc, pdf);
    expect(found).toEqual(Object.fromEntries([...rendered.keys()].map((f) => [f, []])));
  });

  it('keeps every text item inside the page', () => {
    const found = Object.fromEntries([...rendered].map(([file, { pdf }]) => [file, offPage(pdf)]));
    expect(found).toEqual(Object.fromEntries([...rendered.keys()].map((f) => [f, []])));
  });

  it('repeats the title of a card that continues on the next page', () => {
    const { pdf } = rendered.get('kartu')!;
    const starts = (id: string) => pdf.text.findIndex((s) => s.includes(`Kartu panjang ${id}`));
    // K-99 (30 fields) cannot fit one page: its title comes again on the next one.
    const first = starts('K-99');
    expect(first).toBeGreaterThan(0);
    expect(pdf.text[first]).not.toContain('Kartu panjang K-99 (lanjutan)');
    expect(pdf.text[first + 1]).toContain('Kartu panjang K-99 (lanjutan)');
    const top = bodyBoxes(pdf, first + 1).sort((a, b) => a.top - b.top)[0];
    expect(top.str).toContain('Kartu panjang K-99');
  });

  it('leaves at least two fields of a split card and two rows of a split table on each side of the break', () => {
    const { pdf } = rendered.get('kartu')!;
    /** Per page: the items of a kind before the first start of a new card (or table), and after the last. */
    const ends = (p: number, item: RegExp, start: (b: { str: string; top: number }, all: { str: string; top: number }[]) => boolean) => {
      const boxes = bodyBoxes(pdf, p).sort((a, b) => a.top - b.top);
      const starts = boxes.filter((b) => start(b, boxes)).map((b) => b.top);
      const items = boxes.filter((b) => item.test(b.str.trim()));
      const first = starts.length ? Math.min(...starts) : Infinity;
      const last = starts.length ? Math.max(...starts) : -Infinity;
      return { head: items.filter((b) => b.top < first).length, tail: items.filter((b) => b.top > last).length };
    };
    const newCard = (b: { str: string; top: number }, all: { str: string; top: number }[]) =>
      /^Kartu (panjang|kecil) \S+$/.test(b.str.trim()) && !all.some((o) => o.str.includes('(lanjutan)') && Math.abs(o.top - b.top) < 3);
    const newTable = (b: { str: string }) => /^Tabel /.test(b.str.trim());
    let splits = 0;
    for (let p = 2; p + 1 < pdf.pages; p++) {
      for (const [what, item, start] of [
        ['fields', /^Bidang \d+$/, newCard],
        ['rows', /^Sel \d+\.1$/, newTable],
      ] as const) {
        const next = ends(p + 1, item, start).head;
        if (next === 0) continue;
        splits++;
        expect(next, `${what} at the top of page ${p + 2}`).toBeGreaterThanOrEqual(2);
        expect(ends(p, item, start).tail, `${what} at the bottom of page ${p + 1}`).toBeGreaterThanOrEqual(2);
      }
    }
    // The fixture does split cards and tables.
    expect(splits).toBeGreaterThanOrEqual(4);
  });
});
