// Cross-book links in the example's PDFs as the real CLI builds them (bin/masterplan.js, the
// books rendered in two threads: MASTERPLAN_PDF_THREADS=2): each link into another book says the
// book and the page it opens there, and that page is the printed label of the target PDF's page holding the
// named destination (read back with pdfjs: getDestination, getPageIndex, getPageLabels). The
// same books rendered in one thread (MASTERPLAN_PDF_THREADS=1) are byte-identical.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { readPdf, type PdfInfo } from '../helpers/pdf.js';
import { SAMPLE_ROOT as EXAMPLE } from '../helpers/sample-book.js';

const FILES = ['buku-1', 'buku-2', 'buku-3', 'buku-4', 'masterplan', 'ringkasan'];
const dir = mkdtempSync(join(tmpdir(), 'mp-link-pages-'));
const read = new Map<string, PdfInfo>();
const NOTE = /\(\s*(Buku [IV]+|Masterplan Smart City)\s*(?:,\s*hlm\.\s*([0-9ivxlcdm]+)\s*)?\)/g;
const BOOK_OF: Record<string, string> = { 'buku-1': 'Buku I', 'buku-2': 'Buku II', 'buku-3': 'Buku III', 'buku-4': 'Buku IV', masterplan: 'Masterplan Smart City' };

function build(out: string, env: Record<string, string> = {}): void {
  const run = spawnSync(process.execPath, [BIN, 'build', EXAMPLE, '--out', out, '--format', 'pdf', '--quiet'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, SOURCE_DATE_EPOCH: '1709251200', ...env },
  });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
}

beforeAll(async () => {
  build(join(dir, 'threads'), { MASTERPLAN_PDF_THREADS: '2' });
  for (const file of FILES) read.set(file, await readPdf(readFileSync(join(dir, 'threads', `${file}.pdf`))));
}, 120_000);

afterAll(async () => {
  for (const r of read.values()) await r.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The notes on a page: "Buku III, hlm. 12" (or "Buku II" without a page). */
function notesOn(info: PdfInfo, page: number): string[] {
  return [...(info.text[page] ?? '').matchAll(NOTE)].map((m) => (m[2] ? `${m[1]}, hlm. ${m[2]}` : m[1]));
}

/** Each link into another PDF with the note it should carry, from the target PDF itself. */
async function expectedNotes(from: string): Promise<{ page: number; url: string; note: string; withPage: boolean }[]> {
  const info = read.get(from)!;
  const out = [];
  for (const link of info.links) {
    const m = link.url ? /^([a-z0-9-]+)\.pdf#(.+)$/.exec(link.url) : null;
    if (!m) continue;
    const [, file, anchor] = m;
    const target = read.get(file!)!;
    const index = await target.destinationPage(anchor!);
    expect(index, `${from} → ${link.url}`).toBeDefined();
    const label = target.pageLabels![index!]!;
    // Buku III is rendered before the books that wait for it; its own links into Buku II name the book only.
    const withPage = !(from === 'buku-3');
    out.push({ page: link.page, url: link.url!, note: withPage ? `${BOOK_OF[file!]}, hlm. ${label}` : BOOK_OF[file!]!, withPage });
  }
  return out;
}

describe('notes of cross-book links in the PDFs the CLI builds', () => {
  it.each(['buku-1', 'buku-2', 'buku-3', 'buku-4', 'ringkasan'])('%s: every link into another book says the book and the page of its destination', async (from) => {
    const info = read.get(from)!;
    const expected = await expectedNotes(from);
    expect(expected.length, from).toBeGreaterThan(10);
    // A link's note is on its page, or on the next one when the line broke there (a link split
    // over two lines is two annotations with one note).
    for (const e of expected) {
      const around = [...notesOn(info, e.page), ...notesOn(info, e.page + 1)];
      expect(around, `${from} page ${e.page + 1}: ${e.url}`).toContain(e.note);
    }
    // And every note printed on a page belongs to a link on that page or the one before.
    for (let page = 0; page < info.pages; page++) {
      const near = new Set(expected.filter((e) => e.page === page || e.page === page - 1).map((e) => e.note));
      for (const note of notesOn(info, page)) expect(near, `${from} page ${page + 1}: "${note}"`).toContain(note);
    }
  });

  it('gives pages to the links from the books rendered after their target (all but Buku III → II)', async () => {
    for (const from of ['buku-1', 'buku-2', 'buku-4', 'ringkasan']) {
      const notes = read
        .get(from)!
        .text.flatMap((_, p) => notesOn(read.get(from)!, p));
      expect(notes.length, from).toBeGreaterThan(10);
      expect(notes.every((n) => n.includes(', hlm. ')), from).toBe(true);
    }
    // The summary's notes name the masterplan, the one file it links to.
    expect(read.get('ringkasan')!.text.join(' ')).toMatch(/\(Masterplan Smart City, hlm\. \d+\)/);
  });

  it('keeps masterplan.pdf self-contained: no link notes, no link to another file', () => {
    const info = read.get('masterplan')!;
    expect(info.links.every((l) => l.url === undefined || /^(https?:|mailto:)/.test(l.url))).toBe(true);
    expect(info.text.join(' ')).not.toMatch(NOTE);
  });

  it('renders byte-identical books in one thread and in worker threads', () => {
    build(join(dir, 'one'), { MASTERPLAN_PDF_THREADS: '1' });
    for (const file of FILES) {
      const a = readFileSync(join(dir, 'threads', `${file}.pdf`));
      const b = readFileSync(join(dir, 'one', `${file}.pdf`));
      expect(a.equals(b), file).toBe(true);
    }
  }, 120_000);
});
