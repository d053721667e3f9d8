// Tagged PDFs and cross-book links, read back from the example's books: the structure tree
// (pdfjs getStructTree) has headings, paragraphs, lists, tables with header cells, figures with
// alt text and links; running headers and footers are artifacts; pdfinfo says "Tagged: yes"; the
// catalog names the language. A stage book says which book a link into another book opens, and
// masterplan.pdf links only inside itself.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBooks } from '../../src/book/build-book.js';
import { checkProject } from '../../src/pipeline.js';
import { renderPdfWithReport } from '../../src/render/pdf/index.js';

const renderPdf = async (doc: Parameters<typeof renderPdfWithReport>[0]) => (await renderPdfWithReport(doc)).pdf;
import { readPdf, type PdfInfo } from '../helpers/pdf.js';
import { SAMPLE_ROOT as EXAMPLE } from '../helpers/sample-book.js';

const { model } = checkProject(EXAMPLE);
const docs = buildBooks(model, { date: new Date(Date.UTC(2024, 2, 1)) });
const FILES = ['buku-2', 'buku-3', 'masterplan'];
const bytes = new Map<string, Uint8Array>();
const read = new Map<string, PdfInfo>();
const dir = mkdtempSync(join(tmpdir(), 'mp-tagged-'));

beforeAll(async () => {
  for (const file of FILES) {
    const doc = docs.find((d) => d.file === file)!;
    const pdf = await renderPdf(doc);
    bytes.set(file, pdf);
    read.set(file, await readPdf(pdf));
  }
});

afterAll(async () => {
  for (const r of read.values()) await r.close();
  rmSync(dir, { recursive: true, force: true });
});

interface StructNode {
  role?: string;
  alt?: string;
  lang?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

/** Every structure element of every page, as [role, parent role, alt, has text content]. */
async function structure(pdf: Uint8Array): Promise<{ role: string; parent: string; alt?: string; content: boolean }[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const out: { role: string; parent: string; alt?: string; content: boolean }[] = [];
  const walk = (node: StructNode, parent: string) => {
    if (node.role) out.push({ role: node.role, parent, alt: node.alt, content: (node.children ?? []).some((c) => c.type === 'content') });
    for (const child of node.children ?? []) walk(child, node.role ?? parent);
  };
  for (let i = 1; i <= doc.numPages; i++) {
    const tree = (await (await doc.getPage(i)).getStructTree()) as StructNode | null;
    if (tree) walk(tree, '');
  }
  await doc.destroy();
  return out;
}

/** The text of a page with the marked-content tag each item sits in ("Artifact", "P", …). */
async function markedText(pdf: Uint8Array, page: number): Promise<{ tag: string; str: string }[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const content = await (await doc.getPage(page + 1)).getTextContent({ includeMarkedContent: true });
  const stack: string[] = [];
  const out: { tag: string; str: string }[] = [];
  for (const item of content.items as { type?: string; tag?: string; str?: string }[]) {
    if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') stack.push(item.tag ?? '');
    else if (item.type === 'endMarkedContent') stack.pop();
    else if (item.str?.trim()) out.push({ tag: stack[stack.length - 1] ?? '', str: item.str });
  }
  await doc.destroy();
  return out;
}

describe('tagged PDFs', () => {
  it('have a structure tree with headings, paragraphs, lists, tables with header cells, figures with alt text and links', async () => {
    const elements = await structure(bytes.get('masterplan')!);
    const roles = new Set(elements.map((e) => e.role));
    for (const role of ['Document', 'Sect', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Caption', 'Figure', 'Link', 'TOC', 'TOCI']) {
      expect(roles, role).toContain(role);
    }
    // Header cells sit in table rows, rows in tables; list items in lists.
    expect(elements.filter((e) => e.role === 'TH').every((e) => e.parent === 'TR')).toBe(true);
    expect(elements.filter((e) => e.role === 'TR').every((e) => e.parent === 'Table')).toBe(true);
    expect(elements.filter((e) => e.role === 'LI').every((e) => e.parent === 'L')).toBe(true);
    // Every figure says what it shows (the example's image has alt text).
    const figures = elements.filter((e) => e.role === 'Figure');
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) expect(f.alt?.trim(), 'figure alt').toBeTruthy();
    expect(figures.map((f) => f.alt)).toContain('Tahapan masterplan');
    // Headings and paragraphs hold the text itself (marked content), not only other elements.
    expect(elements.filter((e) => e.role === 'H1').every((e) => e.content)).toBe(true);
    expect(elements.filter((e) => e.role === 'P' && e.content).length).toBeGreaterThan(100);
  });

  it('mark running headers and footers as artifacts and body text as tagged content', async () => {
    const info = read.get('buku-3')!;
    const page = info.text.findIndex((t, i) => i > 4 && /Halaman 3 dari/.test(t));
    expect(page).toBeGreaterThan(0);
    const items = await markedText(bytes.get('buku-3')!, page);
    const footer = items.filter((i) => /Halaman 3 dari/.test(i.str));
    expect(footer.length).toBe(1);
    expect(footer[0].tag).toBe('Artifact');
    expect(items.filter((i) => i.str.includes('Buku III: Inovasi Pokja')).every((i) => i.tag === 'Artifact')).toBe(true);
    const body = items.filter((i) => i.tag !== 'Artifact');
    expect(body.length).toBeGreaterThan(10);
    expect(new Set(body.map((i) => i.tag))).toContain('P');
  });

  it('say "Tagged: yes" to pdfinfo and name the language in the catalog', () => {
    for (const file of FILES) {
      const path = join(dir, `${file}.pdf`);
      writeFileSync(path, bytes.get(file)!);
      const run = spawnSync('pdfinfo', [path], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout, file).toMatch(/^Tagged:\s+yes$/m);
      const raw = Buffer.from(bytes.get(file)!).toString('latin1');
      expect(raw, file).toMatch(/\/Lang \(id-ID\)/);
      expect(raw, file).toMatch(/\/MarkInfo \d+ 0 R/);
      expect(raw, file).toMatch(/\/StructTreeRoot \d+ 0 R/);
    }
  });
});

describe('cross-book links in PDFs', () => {
  const roman = ['I', 'II', 'III', 'IV'];

  it('keep the link into another book and say which book it opens', () => {
    const info = read.get('buku-2')!;
    const remote = info.links.filter((l) => l.url && /^buku-\d\.pdf#/.test(l.url));
    expect(remote.length).toBeGreaterThan(10);
    for (const link of remote) {
      const n = Number(/^buku-(\d)/.exec(link.url!)![1]);
      expect(info.text[link.page], link.url).toContain(`(Buku ${roman[n - 1]})`);
    }
    const page = remote.find((l) => l.url === 'buku-3.pdf#INO-ECO-1')!.page;
    expect(info.text[page]).toContain('INO-ECO-1 (Buku III)');
    expect(info.text.join(' ')).toContain('INO-ECO-1 Galeri UKM Online (Buku III)');
    // A link within the same book says nothing more.
    expect(info.text.join(' ')).not.toContain('(Buku II)');
  });

  it('leave masterplan.pdf self-contained: every link is in-page or a web address', () => {
    const info = read.get('masterplan')!;
    expect(info.links.length).toBeGreaterThan(100);
    for (const link of info.links) {
      if (link.url !== undefined) expect(link.url, `page ${link.page + 1}`).toMatch(/^(https?:|mailto:)/);
      else expect(link.destPage, link.dest).toBeDefined();
    }
    expect(Buffer.from(bytes.get('masterplan')!).toString('latin1')).not.toContain('/GoToR');
    expect(info.text.join(' ')).not.toMatch(/\(Buku I+V?\)/);
  });
});
