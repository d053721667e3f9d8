// The additions to format 1 in the built books (fixture test/fixtures/validate/umum-all: every
// umum/ part, edition draft): which part lands in which book, read back from the HTML (parse5)
// and from the PDFs (pdfjs); covers, numbering, the financing recap totals, the draft mark on
// every PDF page, roman/arabic page labels; and a final edition prints no workflow status.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EPOCH } from '../helpers/build.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { makeFixture, removeTemps, tempDir, writeOverlay } from '../helpers/fixtures.js';
import { attr, byId, byTag, hasClass, parentOf, readPage, textOf, type Page } from '../helpers/html.js';
import { readPdf, type PdfInfo } from '../helpers/pdf.js';

const BOOKS = ['buku-1', 'buku-2', 'buku-3', 'buku-4', 'masterplan', 'ringkasan'] as const;
type BookFile = (typeof BOOKS)[number];

/** Which part sections each book shows (FORMAT.md, "Additions to format 1"). */
const PARTS: Record<string, BookFile[]> = {
  'kata-pengantar': ['buku-1', 'buku-2', 'buku-3', 'buku-4', 'masterplan'],
  'tim-penyusun': ['buku-1', 'buku-2', 'buku-3', 'buku-4', 'masterplan'],
  'lembar-komitmen': ['masterplan'],
  pendahuluan: ['buku-1', 'masterplan'],
  'gambaran-umum': ['buku-1', 'masterplan'],
  'visi-misi': ['buku-1', 'masterplan', 'ringkasan'],
  'tata-kelola': ['buku-4', 'masterplan'],
  'rencana-pembiayaan': ['buku-4', 'masterplan'],
  penutup: ['buku-4', 'masterplan'],
  'lampiran-istilah': ['buku-1', 'buku-2', 'buku-3', 'buku-4', 'masterplan'],
  'ringkasan-eksekutif': ['ringkasan'],
};

const html = new Map<string, Page>();
const pdf = new Map<string, PdfInfo>();
let repo: string;

async function buildAll(root: string, out: string) {
  const r = await runCli(['build', root, '--out', out, '--format', 'all'], { cwd: REPO_ROOT, env: { SOURCE_DATE_EPOCH: EPOCH } });
  expect(r.code, r.stderr).toBe(0);
  // No warning, no missing glyph: only the "files written" line.
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
}

beforeAll(async () => {
  repo = makeFixture('umum-all');
  const out = join(tempDir(), 'out');
  await buildAll(repo, out);
  for (const f of [...BOOKS, 'index']) html.set(f, readPage(join(out, `${f}.html`)));
  for (const f of BOOKS) pdf.set(f, await readPdf(readFileSync(join(out, `${f}.pdf`))));
}, 120_000);

afterAll(async () => {
  for (const p of pdf.values()) await p.close();
  removeTemps();
});

const main = (page: Page) => byId(page, '_content')!;
const inMain = (page: Page, id: string) => byTag(main(page), 'section').some((s) => attr(s, 'id') === id);
const heading = (page: Page, id: string) => textOf(byId(page, id)!.childNodes.find((c) => 'tagName' in c)!).replace(/\s+/g, ' ').trim();

describe('the parts in the right books (HTML)', () => {
  it.each(Object.entries(PARTS))('%s', (id, books) => {
    for (const f of BOOKS) expect(byId(html.get(f)!, id) !== undefined, `${f} ${id}`).toBe(books.includes(f));
  });

  it('front matter before the contents; the body opens with BAB I Pendahuluan in Buku I and the masterplan', () => {
    for (const f of ['buku-1', 'masterplan']) {
      const page = html.get(f)!;
      expect(inMain(page, 'kata-pengantar'), f).toBe(false);
      const all = page.html;
      expect(all.indexOf('id="kata-pengantar"'), f).toBeLessThan(all.indexOf('id="_toc"'));
      expect(all.indexOf('id="tim-penyusun"'), f).toBeLessThan(all.indexOf('id="_toc"'));
      const first = byTag(main(page), 'section')[0];
      expect(attr(first, 'id'), f).toBe('pendahuluan');
      expect(heading(page, 'pendahuluan'), f).toBe('BAB I Pendahuluan');
    }
    // The commitment page follows the team in the masterplan.
    const m = html.get('masterplan')!.html;
    expect(m.indexOf('id="tim-penyusun"')).toBeLessThan(m.indexOf('id="lembar-komitmen"'));
    expect(m.indexOf('id="lembar-komitmen"')).toBeLessThan(m.indexOf('id="_toc"'));
  });

  it('Penutup is the last chapter of Buku IV, before the appendices', () => {
    const page = html.get('buku-4')!;
    const chapters = main(page).childNodes.filter((c): c is ReturnType<typeof byTag>[number] => 'tagName' in c && c.tagName === 'section').map((s) => attr(s, 'id'));
    expect(chapters.slice(-4)).toEqual(['rencana-pembiayaan', 'penutup', 'lampiran-rpjmd', 'lampiran-istilah']);
    expect(heading(page, 'penutup')).toBe('BAB IV Penutup');
  });

  it('the foreword ends with the signature block: place and edition date, position, name', () => {
    const block = byTag(byId(html.get('buku-2')!, 'kata-pengantar')!, 'div').find((d) => hasClass(d, 'signatures'))!;
    expect(byTag(block, 'p').map(textOf)).toEqual(['Teluk Harapan, 15 Maret 2024', 'Bupati Uji', 'Drs. Budi Santoso']);
  });

  it('the legal basis is a numbered list in the form "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah"', () => {
    const list = byTag(byId(html.get('buku-1')!, 'pendahuluan-dasar-hukum')!, 'ol')[0];
    expect(byTag(list, 'li').map(textOf)).toEqual([
      'Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah',
      'Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik',
    ]);
  });

  it('the profile shows facts with year and source', () => {
    const rows = byTag(byId(html.get('buku-1')!, 'gambaran-umum')!, 'tr').map((r) => [...byTag(r, 'th'), ...byTag(r, 'td')].map(textOf).join(' '));
    expect(rows).toContain('Luas wilayah 9.672,7 km² 2023 BPS');
    expect(rows).toContain('Indeks SPBE 3,23 indeks 2023 KemenPAN-RB');
  });

  it('the vision: missions with the RPJMD missions they serve (linked), goals with indicators', () => {
    const page = html.get('buku-1')!;
    const mission = byId(page, 'MSC-1')!;
    expect(byTag(mission, 'a').map((a) => attr(a, 'href'))).toEqual(['#M1']);
    expect(textOf(byId(page, 'TSC-1')!)).toContain('UMKM di galeri: 0 → 500 unit usaha (2025)');
  });

  it('governance: each body with its decree and members', () => {
    const body = byId(html.get('buku-4')!, 'DEWAN-SC')!;
    const text = textOf(body).replace(/\s+/g, ' ');
    expect(text).toContain('Nomor 188.45/12/2023, tanggal 2 Mei 2023');
    expect(text).toContain('Ketua: Drs. Budi Santoso (Bupati Uji)');
  });

  it('the glossary lists the terms and every OPD, alphabetically', () => {
    const rows = byTag(byId(html.get('buku-3')!, 'lampiran-istilah')!, 'tr').slice(1).map((r) => textOf(byTag(r, 'th')[0]));
    expect(rows).toEqual(['DISKOP', 'DKISP', 'SPBE', 'UMKM']);
  });

  it('the commitment page has one signature line per signatory', () => {
    const signers = byTag(byId(html.get('masterplan')!, 'lembar-komitmen')!, 'div').filter((d) => hasClass(d, 'signer'));
    expect(signers.map((s) => byTag(s, 'p').map(textOf))).toEqual([['Drs. Budi Santoso', 'Bupati Uji'], ['Siti Aminah', 'Kepala DKISP']]);
    expect(signers.every((s) => byTag(s, 'div').some((d) => hasClass(d, 'sign-space')))).toBe(true);
  });

  it('tables are numbered per chapter and listed after the contents', () => {
    const page = html.get('buku-4')!;
    const lot = byId(page, '_tables')!;
    const entries = byTag(lot, 'a').map((a) => [attr(a, 'href'), textOf(a)]);
    expect(entries).toContainEqual(['#tabel-3-1', 'Tabel 3.1 Rekapitulasi Anggaran Inovasi per Pokja dan Sumber Pendanaan (Rupiah)']);
    for (const [href] of entries) expect(byTag(page, 'caption').some((c) => `#${attr(c, 'id')}` === href), href).toBe(true);
  });

  it('images in the Markdown are numbered figures with captions, listed after the tables', () => {
    const page = html.get('buku-3')!;
    const lof = byId(page, '_figures')!;
    expect(byTag(lof, 'a').map((a) => [attr(a, 'href'), textOf(a)])).toEqual([['#gambar-1-1', 'Gambar 1.1 Tahapan']]);
    const img = byId(page, 'gambar-1-1')!;
    expect(img.tagName).toBe('img');
    const caption = parentOf(img)!.childNodes.filter((c) => 'tagName' in c).find((c) => hasClass(c as never, 'figure-caption'));
    expect(textOf(caption as never)).toBe('Gambar 1.1 Tahapan');
    expect(page.html.indexOf('id="_tables"')).toBeLessThan(page.html.indexOf('id="_figures"'));
  });

  it('the financing recap: by Pokja × source and by year, with totals in rupiah', () => {
    for (const f of ['buku-4', 'masterplan', 'ringkasan']) {
      const tables = byTag(html.get(f)!, 'table').filter((t) => textOf(byTag(t, 'caption')[0] ?? t).includes('Rekapitulasi Anggaran'));
      expect(tables, f).toHaveLength(2);
      const rows = (t: (typeof tables)[number]) => byTag(t, 'tr').map((r) => [...byTag(r, 'th'), ...byTag(r, 'td')].map((c) => textOf(c).trim()));
      expect(rows(tables[0])).toEqual([
        ['Dimensi', 'APBD', 'APBN', 'Jumlah'],
        ['Smart Economy', '5.400.000.000', '750.000.000', '6.150.000.000'],
        ['Jumlah', '5.400.000.000', '750.000.000', '6.150.000.000'],
      ]);
      expect(rows(tables[1])).toEqual([
        ['Dimensi', '2023', '2024', '2025', 'Jumlah'],
        ['Smart Economy', '1.400.000.000', '2.000.000.000', '2.000.000.000', '5.400.000.000'],
        ['Jumlah', '1.400.000.000', '2.000.000.000', '2.000.000.000', '5.400.000.000'],
      ]);
      // The captions say rupiah; the grand total is written out in full.
      expect(textOf(byTag(tables[0], 'caption')[0])).toContain('(Rupiah)');
      expect(textOf(byTag(html.get(f)!, 'body')[0])).toContain('Jumlah anggaran seluruh inovasi: Rp 6.150.000.000.');
    }
  });

  it('quick wins with status and progress, and a quick-win table in Buku II and the summary', () => {
    for (const f of ['buku-2', 'ringkasan']) {
      const table = byTag(html.get(f)!, 'table').find((t) => textOf(byTag(t, 'caption')[0]).includes('Daftar Quick Win'))!;
      expect(table, f).toBeDefined();
      const row = textOf(byTag(byTag(table, 'tbody')[0], 'tr')[0]).replace(/\s+/g, ' ');
      expect(row, f).toContain('QW-1 Galeri UKM');
      expect(row, f).toContain('berjalan');
      expect(row, f).toContain('60%');
    }
  });

  it('covers: issuer, book title from books:, region, period, place and edition date, version; no tool credit', () => {
    const cover = byTag(html.get('buku-1')!, 'header').find((h) => hasClass(h, 'cover'))!;
    const text = textOf(cover).replace(/\s+/g, ' ');
    for (const part of ['Pemerintah Kabupaten Uji', 'Buku I', 'Analisis Strategis Kabupaten Uji', 'Masterplan Smart City Kabupaten Uji', '2022–2031', 'Teluk Harapan, 15 Maret 2024', 'Versi 1.0']) {
      expect(text).toContain(part);
    }
    expect(attr(byTag(cover, 'time')[0], 'datetime')).toBe('2024-03-15');
    expect(text).not.toContain('masterplan dari kertas kerja');
    expect(byTag(cover, 'img').map((i) => attr(i, 'src'))).toEqual(['assets/lambang.png']);
    // Book titles from books: wherever a book is named; the default where none is given.
    const index = textOf(byTag(html.get('index')!, 'body')[0]);
    expect(index).toContain('Buku I: Analisis Strategis Kabupaten Uji');
    expect(index).toContain('Buku II: Penyelarasan Program OPD dan Quick Win');
    expect(index).toContain('Ringkasan Eksekutif');
    expect(byTag(html.get('index')!, 'a').map((a) => attr(a, 'href'))).toContain('ringkasan.html');
    expect(textOf(byTag(html.get('buku-3')!, 'title')[0])).toBe('Buku III: Inovasi Pokja Kabupaten Uji — Masterplan Smart City Kabupaten Uji');
  });

  it('a draft edition: the DRAF banner in every book and the index', () => {
    for (const [f, page] of html) {
      const mark = byTag(page, 'div').filter((d) => hasClass(d, 'edition-mark'));
      expect(mark.map(textOf), f).toEqual(['DRAF']);
    }
  });
});

describe('the parts in the right books (PDF)', () => {
  const all = (f: string) => pdf.get(f)!.text.join(' ');

  it('Buku I: BAB I Pendahuluan with the legal basis; no governance', () => {
    expect(all('buku-1')).toContain('BAB I Pendahuluan');
    expect(all('buku-1')).toContain('1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah');
    expect(all('buku-1')).toContain('BAB II Gambaran Umum Daerah');
    expect(all('buku-1')).not.toContain('Dewan Smart City');
  });

  it('Buku IV and the masterplan: governance, financing recap totals, Penutup', () => {
    for (const f of ['buku-4', 'masterplan']) {
      expect(all(f), f).toContain('Dewan Smart City');
      expect(all(f), f).toContain('Jumlah anggaran seluruh inovasi: Rp 6.150.000.000.');
      expect(all(f), f).toContain('5.400.000.000');
      expect(all(f), f).toContain('Penutup');
    }
    expect(all('buku-2')).not.toContain('Rekapitulasi Anggaran');
  });

  it('the commitment page only in the masterplan; the glossary in every book but the summary', () => {
    for (const f of BOOKS) expect(all(f).includes('Lembar Komitmen'), f).toBe(f === 'masterplan');
    for (const f of BOOKS) expect(all(f).includes('Daftar Istilah dan Singkatan'), f).toBe(f !== 'ringkasan');
  });

  it('the cover: issuer, book title, place and edition date, version; no tool credit', () => {
    const cover = pdf.get('buku-1')!.text[0];
    for (const part of ['PEMERINTAH KABUPATEN UJI', 'Buku I', 'Analisis Strategis Kabupaten Uji', 'Teluk Harapan, 15 Maret 2024 · Versi 1.0']) expect(cover).toContain(part);
    expect(cover).not.toContain('Disusun dengan masterplan');
    // The colophon names the tool at the end of the book.
    expect(pdf.get('buku-1')!.text.at(-1)).toContain('Disusun dengan masterplan');
  });

  it('the DRAF mark on every page of every PDF', () => {
    for (const f of BOOKS) {
      const p = pdf.get(f)!;
      p.text.forEach((t, i) => expect(t, `${f} page ${i + 1}`).toContain('DRAF'));
    }
  });

  it('front matter in roman page labels, the body from 1 (and the footers say so)', async () => {
    for (const f of BOOKS) {
      const p = pdf.get(f)!;
      const labels = p.pageLabels!;
      expect(labels, f).toHaveLength(p.pages);
      const body = labels.indexOf('1');
      expect(body, f).toBeGreaterThan(0);
      const roman = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'];
      expect(labels.slice(0, body), f).toEqual(roman.slice(0, body));
      expect(labels.slice(body), f).toEqual(labels.slice(body).map((_, i) => String(i + 1)));
      expect(p.text[body], f).toMatch(new RegExp(`Halaman 1 dari ${p.pages - body}`));
      if (body > 1) expect(p.text[body - 1], f).toContain(`Halaman ${roman[body - 1]}`);
    }
    // Buku I's body begins with the introduction; the foreword sits in the front matter.
    const b1 = pdf.get('buku-1')!;
    const intro = (await b1.destinationPage('pendahuluan'))!;
    expect(b1.pageLabels![intro]).toBe('1');
    expect(b1.pageLabels![(await b1.destinationPage('kata-pengantar'))!]).toBe('ii');
  });

  it('the list of tables gives the body page numbers of the tables', async () => {
    const p = pdf.get('buku-4')!;
    const lot = p.text.findIndex((t) => t.startsWith('Daftar Tabel') || t.includes(' Daftar Tabel '));
    expect(lot).toBeGreaterThan(0);
    const page = (await p.destinationPage('tabel-3-1'))!;
    expect(p.text[lot]).toContain(`Tabel 3.1 Rekapitulasi Anggaran Inovasi per Pokja dan Sumber Pendanaan`);
    const link = p.links.find((l) => l.page === lot && l.dest === 'tabel-3-1')!;
    expect(link.destPage).toBe(page);
    expect(p.text[page]).toContain('Tabel 3.1 Rekapitulasi');
  });

  it('PDF metadata names the book by its title from books:', () => {
    expect(pdf.get('buku-1')!.info.Title).toBe('Buku I: Analisis Strategis Kabupaten Uji — Masterplan Smart City Kabupaten Uji');
    expect(pdf.get('buku-1')!.info.Subject).toBe('Buku I: Analisis Strategis Kabupaten Uji');
  });
});

describe('a final edition', () => {
  it('prints no workflow status: no mark in the HTML or on any PDF page, no status badge on chapters', async () => {
    const root = makeFixture('umum-all');
    const settings = readFileSync(join(root, 'masterplan.yaml'), 'utf8').replace('status: draft', 'status: final');
    writeOverlay(root, {
      'masterplan.yaml': settings,
      // A worksheet status stays in `masterplan status`, not in the book.
      'pokja/smart-economy/4-peta-jalan.yaml': readFileSync(join(root, 'pokja/smart-economy/4-peta-jalan.yaml'), 'utf8') + 'status: review\n',
    });
    const out = join(tempDir(), 'out');
    await buildAll(root, out);
    for (const f of [...BOOKS, 'index']) {
      const page = readPage(join(out, `${f}.html`));
      expect(byTag(page, 'div').some((d) => hasClass(d, 'edition-mark')), f).toBe(false);
      expect(page.html, f).not.toMatch(/TELAAH|DRAF/);
      expect(byTag(page, 'span').filter((s) => hasClass(s, 'badge') && /telaah|draf|final/.test(textOf(s))), f).toEqual([]);
    }
    for (const f of BOOKS) {
      const p = await readPdf(readFileSync(join(out, `${f}.pdf`)));
      for (const t of p.text) expect(t, f).not.toMatch(/\bDRAF\b|\bTELAAH\b|\btelaah\b/);
      await p.close();
    }
  }, 120_000);
});
