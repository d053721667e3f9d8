// The traceability matrix (Lampiran B) as a reader sees it: innovation ids with their titles in
// the cells, gap rows (a program no innovation links to) and gap columns (a Pokja that links to no
// program) marked with a symbol and a word, coverage per Pokja in its last row, the count column
// named for what it counts; in HTML a labelled, focusable box that scrolls on its own; in the PDF
// on landscape pages, the rest of the book on portrait pages.

import { describe, expect, it } from 'vitest';
import { APPENDIX_MATRIX, buildBooks } from '../../src/book/build-book.js';
import type { BookDoc, Inline, Section, TableBlock } from '../../src/book/types.js';
import { checkProject } from '../../src/pipeline.js';
import { loadTemplate, renderBook } from '../../src/render/html/index.js';
import { renderPdfWithReport } from '../../src/render/pdf/index.js';

const renderPdf = async (doc: Parameters<typeof renderPdfWithReport>[0]) => (await renderPdfWithReport(doc)).pdf;
import { attr, byId, byTag, hasClass, parentOf, parsePage, textOf } from '../helpers/html.js';
import { readPdf } from '../helpers/pdf.js';
import { SMALL } from '../workflow/helpers.js';
import { reindexed } from '../../src/model/record-index.js';

const GAP = '✗ belum tercakup';

/** The small fixture (PP-4 linked by no innovation) with one more Pokja that has no innovations. */
function books(): BookDoc[] {
  const checked = checkProject(SMALL);
  const model = structuredClone(checked.model);
  model.pokja.push({ ...structuredClone(model.pokja[0]), id: 'smart-kosong', name: 'Smart Kosong' });
  return buildBooks(reindexed(model), { date: new Date(Date.UTC(2024, 2, 1)) });
}
const docs = books();
const buku3 = docs.find((d) => d.file === 'buku-3')!;

function matrixSection(doc: BookDoc): Section {
  return doc.sections.find((s) => s.id === APPENDIX_MATRIX)!;
}
const plain = (lines: Inline[][]) => lines.map((l) => l.map((i) => i.text).join('')).join('\n');

describe('the matrix in the book layout', () => {
  const section = matrixSection(buku3);
  const matrix = section.blocks[0] as TableBlock;

  it('is printed on landscape pages, its subsections are not', () => {
    expect(section.landscape).toBe(true);
    expect(section.children.map((c) => c.landscape ?? false)).toEqual(section.children.map(() => false));
  });

  it('names the count column for what it shows and has a column per Pokja', () => {
    expect(matrix.columns.map((c) => c.label)).toEqual(['Program', 'Smart Economy', 'Smart Living', 'Smart Kosong', 'Jumlah inovasi']);
  });

  it('shows the id and title of each innovation in its cell', () => {
    const pp1 = matrix.rows.find((r) => r.id === 'matriks-PP-1')!;
    expect(plain(pp1.cells[1].lines)).toMatch(/^INO-1 \S.*\nINO-2 \S/);
    expect(pp1.cells[1].lines[0][0]).toMatchObject({ type: 'ref', id: 'INO-1', text: 'INO-1' });
  });

  it('marks the gap row and the gap column with the symbol and the words, not only a tone', () => {
    const pp4 = matrix.rows.find((r) => r.id === 'matriks-PP-4')!;
    expect(pp4.tone).toBe('warning');
    expect(plain(pp4.cells.at(-1)!.lines)).toBe(GAP);
    const covered = matrix.rows.filter((r) => r.id && r.id !== 'matriks-PP-4');
    for (const row of covered) expect(plain(row.cells.at(-1)!.lines), row.id).toMatch(/^\d+$/);
    const total = matrix.rows.at(-1)!;
    expect(total.id).toBeUndefined();
    expect(total.cells.map((c) => plain(c.lines))).toEqual(['Program tercakup per Pokja', '3 dari 4 (75%)', '1 dari 4 (25%)', GAP, '3 dari 4 (75%)']);
    expect(total.cells[3].tone).toBe('warning');
  });

  it('has coverage per mission and per Pokja beside it, gaps marked the same way', () => {
    const [missions, perPokja] = section.children;
    const mt = missions.blocks[0] as TableBlock;
    expect(mt.rows.map((r) => plain(r.cells.at(-1)!.lines))).toEqual(['4', GAP]);
    const pt = perPokja.blocks[0] as TableBlock;
    expect(perPokja.title).toBe('Cakupan per Pokja');
    expect(pt.rows.map((r) => r.cells.map((c) => plain(c.lines)))).toEqual([
      ['Smart Economy', '3 dari 4', '75%', '3'],
      ['Smart Living', '1 dari 4', '25%', '1'],
      ['Smart Kosong', GAP, '0%', '0'],
    ]);
  });
});

describe('the matrix in HTML', () => {
  const page = parsePage(renderBook(buku3, { template: loadTemplate([]), books: docs }).html);
  const table = byTag(page, 'table').find((t) => hasClass(t, 'table-matrix'))!;

  it('scrolls inside its own labelled, focusable box', () => {
    const wrap = parentOf(table)!;
    expect(hasClass(wrap, 'table-wrap')).toBe(true);
    expect(attr(wrap, 'role')).toBe('region');
    expect(attr(wrap, 'tabindex')).toBe('0');
    expect(attr(wrap, 'aria-label')).toMatch(/^Tabel B\.1 Inovasi per Program Prioritas RPJMD dan Pokja$/);
  });

  it('marks the gap row and column in text, cells link the innovation and give its title', () => {
    const gapRow = byId(page, 'matriks-PP-4')!;
    expect(hasClass(gapRow, 'tone-warning')).toBe(true);
    expect(textOf(byTag(gapRow, 'td').at(-1)!)).toBe(GAP);
    const cell = byTag(byId(page, 'matriks-PP-1')!, 'td')[0];
    const links = byTag(cell, 'a');
    expect(links.map(textOf)).toEqual(['INO-1', 'INO-2']);
    expect(links.map((a) => attr(a, 'href'))).toEqual(['#INO-1', '#INO-2']);
    expect(textOf(cell)).toMatch(/^INO-1 \S.*INO-2 \S/);
    const rows = byTag(byTag(table, 'tbody')[0], 'tr');
    const last = rows.at(-1)!;
    expect(textOf(last)).toContain('Program tercakup per Pokja');
    expect(textOf(byTag(last, 'td')[2])).toBe(GAP);
    expect(textOf(byTag(table, 'thead')[0])).toContain('Jumlah inovasi');
  });
});

describe('the matrix in the PDF', () => {
  it('sits on landscape pages with the gap markers in its text; the pages around it are portrait', async () => {
    const pdf = await readPdf(await renderPdf(buku3));
    try {
      const first = (await pdf.destinationPage(APPENDIX_MATRIX))!;
      const next = (await pdf.destinationPage(`${APPENDIX_MATRIX}-misi`))!;
      expect(first).toBeGreaterThan(0);
      expect(next).toBeGreaterThan(first);
      pdf.pageSizes.forEach((size, i) => {
        const landscape = i >= first && i < next;
        expect(size.width > size.height, `page ${i + 1}`).toBe(landscape);
      });
      expect(pdf.pageSizes[first]).toEqual({ width: expect.closeTo(841.89, 1), height: expect.closeTo(595.28, 1) });
      const text = pdf.text.slice(first, next).join(' ');
      expect(text).toContain('Jumlah inovasi');
      expect(text.match(/✗ belum tercakup/g)?.length).toBeGreaterThanOrEqual(2);
      expect(text).toContain('Program tercakup per Pokja');
      // The running footer sits on the landscape page too, inside the page.
      const footer = pdf.items[first].find((t) => /Halaman \d+ dari \d+/.test(t.str))!;
      expect(footer).toBeDefined();
      expect(footer.x + footer.width).toBeLessThan(841.89);
      expect(footer.x).toBeGreaterThan(841.89 / 2 - footer.width);
    } finally {
      await pdf.close();
    }
  });
});
