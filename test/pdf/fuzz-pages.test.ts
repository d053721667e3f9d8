// Seeded fuzz of the PDF page layout: copies of the bundled example whose worksheets are filled
// with what Pokja admins paste — long words and ids, web addresses with and without break
// opportunities, deep lists, wide tables, emoji sequences, CJK, right-to-left scripts, combining
// marks, soft hyphens, zero-width and non-breaking spaces — built to PDF and read back with
// pdfjs: every text item lies on its page, and body text inside the margins. Deterministic
// (the cases come from the seeds alone); a failure names the seed, book and page.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBooks } from '../../src/book/build-book.js';
import { checkProject } from '../../src/pipeline.js';
import { renderPdfWithReport } from '../../src/render/pdf/index.js';
import { PAGE } from '../../src/render/pdf/theme.js';
import type { TextItem } from '../helpers/pdf.js';
import { rng } from '../../scripts/seeded-random.mjs';
import { copyExample } from '../helpers/build.js';

/**
 * Each seed is one copy of the example with every worksheet changed (39 files, 78 in all), built
 * to the five stage books (the combined masterplan repeats their pages). Seed 13 once gave a
 * chapter heading taller than a page.
 */
const SEEDS = [11, 13];
const BOOKS = ['buku-1', 'buku-2', 'buku-3', 'buku-4', 'ringkasan'];

type Rng = ReturnType<typeof rng>;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const word = (r: Rng, n: number) => Array.from({ length: n }, () => LETTERS[r.int(26)]).join('');

/** Inline text, for plain fields (titles, names) and inside Markdown. */
const INLINE: ((r: Rng) => string)[] = [
  (r) => `Kata ${word(r, 60 + r.int(240))} panjang`,
  (r) => `Alamat https://data.banggaikab.go.id/${Array.from({ length: 3 + r.int(12) }, () => word(r, 4 + r.int(10))).join('/')}/berkas.csv?kode=${word(r, 20)}`,
  (r) => `https://example.org/${'a'.repeat(100 + r.int(400))}`,
  (r) => `INO-${word(r, 30).toUpperCase()}-${'X'.repeat(40 + r.int(80))}-${r.int(1000)}`,
  () => 'Warga 👩‍🌾 petani 🌾, nelayan 🐟 dan 🇮🇩🇮🇩🇮🇩 bendera; ✅ ❌ 😀😃😄 ☕ ♻️ 🚀 👍🏽👍🏿 1️⃣ 👨‍👩‍👧‍👦 🏳️‍🌈',
  (r) => '😀👍🏽‍🔥'.repeat(20 + r.int(60)),
  (r) => '中文字符测试，好的。日本語のテキスト、한국어 텍스트 '.repeat(1 + r.int(8)),
  (r) => 'العربية كلمة طويلة جدا עברית מילה ארוכה '.repeat(1 + r.int(6)) + '\u202etxet desrever\u202c',
  (r) => 'e\u0301\u0301\u0301a\u0308\u0323'.repeat(30 + r.int(60)),
  (r) => `Pember\u00addayaan\u00admasya\u00adrakat${'\u00adber\u00adbasis'.repeat(10 + r.int(30))}`,
  (r) => `nol\u200blebar${'\u200bsambung'.repeat(20 + r.int(40))} \u2060gabung\u2060 \ufeffbom`,
  (r) => 'tanpa\u00a0putus\u00a0'.repeat(20 + r.int(30)),
  (r) => `tab\tdan\ttab ${'\t'.repeat(5)} baris\u2028baru\u2029paragraf`,
  (r) => `${'Judul '.repeat(2)}${'Sangat'.repeat(15 + r.int(20))} Panjang`,
];

/** Markdown blocks, appended to narratives and descriptions. */
const BLOCKS: ((r: Rng) => string)[] = [
  (r) => Array.from({ length: 20 + r.int(45) }, (_, i) => `${'  '.repeat(i)}- tingkat ${i + 1} ${i % 7 === 6 ? word(r, 90) : 'butir'}`).join('\n'),
  (r) => Array.from({ length: 20 + r.int(20) }, (_, i) => `${'   '.repeat(i)}1. nomor ${i + 1} ${r.pick(INLINE)(r)}`).join('\n'),
  (r) => {
    const n = 8 + r.int(35);
    const row = () => `| ${Array.from({ length: n }, (_, c) => (c % 5 === 2 ? word(r, 40) : `sel-${c}`)).join(' | ')} |`;
    return `| ${Array.from({ length: n }, (_, c) => `Kolom ${c}`).join(' | ')} |\n|${'---|'.repeat(n)}\n${row()}\n${row()}\n${row()}`;
  },
  (r) => `| a | b |\n|---|---|\n| ${r.pick(INLINE)(r)} | ${r.pick(INLINE)(r)} |\n| ${'kata '.repeat(150)} | ${word(r, 200)} |`,
  (r) => `${'> '.repeat(10 + r.int(50))}kutipan ${r.pick(INLINE)(r)}`,
  (r) => `\`\`\`\n${'kode_panjang_tanpa_spasi'.repeat(10 + r.int(30))}\n\tindentasi ${'x '.repeat(100)}\n\`\`\``,
  (r) => `# ${r.pick(INLINE)(r)}\n\n###### ${word(r, 120)}`,
  (r) => `**${word(r, 80)}**_${word(r, 80)}_\`${word(r, 80)}\`[tautan ${word(r, 60)}](https://example.org/${word(r, 200)})`,
  (r) => `Catatan kaki[^f${r.int(99)}].\n\n[^f${r.int(99)}]: ${r.pick(INLINE)(r)}`,
  (r) => r.pick(INLINE)(r),
];

/** String fields of the worksheets that hold free text (never ids or references). */
const FREE_TEXT = new Set([
  'region', 'title', 'issuer', 'place', 'name', 'relevance', 'strengths', 'weaknesses', 'opportunities', 'threats', 'issues',
  'description', 'narrative', 'goal', 'milestone', 'summary', 'vision', 'text', 'part', 'term', 'meaning', 'position',
  'statement', 'background', 'purpose', 'scope', 'method', 'role', 'tagline', 'unit',
]);
const MARKDOWN_FIELDS = new Set(['description', 'narrative', 'background', 'purpose', 'scope', 'method', 'statement']);

/** Free-text strings of a worksheet's data, as [parent, key] pairs. */
function freeText(node: unknown, key: string, out: [Record<string, unknown> | unknown[], string | number][], parent?: Record<string, unknown> | unknown[], at?: string | number): typeof out {
  if (typeof node === 'string') {
    if (parent && at !== undefined && FREE_TEXT.has(key) && /\s/.test(node)) out.push([parent, at]);
  } else if (Array.isArray(node)) node.forEach((v, i) => freeText(v, key, out, node, i));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) freeText(v, k, out, node as Record<string, unknown>, k);
  return out;
}

function mutateData(data: unknown, r: Rng): void {
  const slots = freeText(data, '', []);
  for (let i = 0, n = 2 + r.int(4); i < n && slots.length; i++) {
    const [parent, at] = slots[r.int(slots.length)];
    const key = typeof at === 'string' ? at : '';
    const value = String((parent as Record<string | number, unknown>)[at]);
    (parent as Record<string | number, unknown>)[at] = MARKDOWN_FIELDS.has(key) ? `${value}\n\n${r.pick(BLOCKS)(r)}\n` : `${value} ${r.pick(INLINE)(r)}`;
  }
}

function filesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesOf(join(dir, e.name)) : [join(dir, e.name)]));
}

/** A copy of the example in `dir` with every worksheet changed by the seed's random choices. */
function makeCase(seed: number, dir: string): void {
  const r = rng(seed * 2654435761);
  copyExample(dir);
  for (const file of filesOf(dir).filter((f) => /\.(ya?ml|md)$/.test(f) && !f.endsWith('README.md')).sort()) {
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.md')) {
      const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
      const data = fm ? yaml.load(fm[1], { schema: yaml.CORE_SCHEMA }) : null;
      if (data) mutateData(data, r);
      let body = fm ? text.slice(fm[0].length) : text;
      for (let i = 0, n = 1 + r.int(3); i < n; i++) body += `\n\n${r.pick(BLOCKS)(r)}\n`;
      writeFileSync(file, data ? `---\n${yaml.dump(data, { lineWidth: -1 })}---\n${body}` : body);
    } else {
      const data = yaml.load(text, { schema: yaml.CORE_SCHEMA });
      mutateData(data, r);
      writeFileSync(file, yaml.dump(data, { lineWidth: -1, noRefs: true }));
    }
  }
}

/** How far text may come to the sheet's edge, and how far body text may stray past a margin. */
const EDGE = 18;
const MARGIN_SLACK = 1;

interface PageText {
  items: TextItem[][];
  pageSizes: { width: number; height: number }[];
  close(): Promise<void>;
}

interface Built {
  seed: number;
  file: string;
  pdf: PageText;
}

/** The text items of each page (a lean `readPdf`: no links, outline or metadata). */
async function readText(bytes: Uint8Array): Promise<PageText> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const items: TextItem[][] = [];
  const pageSizes: { width: number; height: number }[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [x0, y0, x1, y1] = page.view;
    pageSizes.push({ width: x1 - x0, height: y1 - y0 });
    const content = await page.getTextContent();
    items.push(content.items.flatMap((it) => ('str' in it ? [{ str: it.str, x: it.transform[4], y: it.transform[5], width: it.width, height: it.height }] : [])));
    page.cleanup();
  }
  return { items, pageSizes, close: () => doc.destroy() };
}

const built: Built[] = [];
const errors: string[] = [];
const missing = new Set<string>();
let dir: string;

beforeAll(async () => {
  dir = process.env.FUZZ_PAGES_OUT ?? mkdtempSync(join(tmpdir(), 'masterplan-fuzz-pages-'));
  for (const seed of SEEDS) {
    const root = join(dir, String(seed));
    makeCase(seed, root);
    const { model, diagnostics } = checkProject(root);
    for (const d of diagnostics.filter((d) => d.severity === 'error')) errors.push(`seed ${seed}: ${d.file}:${d.line}: ${d.rule} ${d.message}`);
    for (const doc of buildBooks(model, { date: new Date(Date.UTC(2024, 2, 1)) }).filter((d) => BOOKS.includes(d.file))) {
      const report = await renderPdfWithReport(doc);
      // FUZZ_PAGES_OUT=folder keeps the cases and their PDFs there, to look at when one fails.
      if (process.env.FUZZ_PAGES_OUT) writeFileSync(join(process.env.FUZZ_PAGES_OUT, `${seed}-${doc.file}.pdf`), report.pdf);
      for (const g of report.missingGlyphs) missing.add(g.char);
      built.push({ seed, file: doc.file, pdf: await readText(report.pdf) });
    }
  }
}, 120_000);

afterAll(async () => {
  for (const b of built) await b.pdf.close();
  if (dir && !process.env.FUZZ_PAGES_OUT) rmSync(dir, { recursive: true, force: true });
});

describe('PDF pages of fuzzed worksheets', () => {
  it('builds every case without errors', () => {
    expect(errors).toEqual([]);
    expect(built.map((b) => b.file)).toEqual(SEEDS.flatMap(() => BOOKS));
  });

  it('draws every emoji and invisible character: only CJK (which no embedded face has) is missing', () => {
    const unexpected = [...missing].filter((c) => !/^[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]$/u.test(c));
    expect(unexpected.map((c) => `U+${c.codePointAt(0)!.toString(16)}`)).toEqual([]);
    expect(missing.size).toBeGreaterThan(0);
  });

  it('keeps every text item on its page, and body text inside the margins', () => {
    const found: string[] = [];
    for (const { seed, file, pdf } of built) {
      pdf.items.forEach((items, p) => {
        const { width, height } = pdf.pageSizes[p];
        for (const it of items) {
          if (!it.str.trim()) continue;
          const where = `seed ${seed} ${file} page ${p + 1}: "${it.str.slice(0, 40)}" x ${it.x.toFixed(1)}–${(it.x + it.width).toFixed(1)} of ${width.toFixed(0)}, y ${it.y.toFixed(1)}`;
          if (it.x < EDGE || it.x + it.width > width - EDGE || it.y < EDGE || it.y + it.height > height - EDGE) {
            found.push(`off the page: ${where}`);
            continue;
          }
          // Body text (below the running header, above the footer; not the cover).
          const top = height - it.y - it.height;
          const body = p > 0 && top > PAGE.headerBaseline + 4 && height - it.y > PAGE.footerBaseline + 12;
          if (body && (it.x < PAGE.margins.left - MARGIN_SLACK || it.x + it.width > width - PAGE.margins.right + MARGIN_SLACK)) {
            found.push(`past the margin: ${where}`);
          }
        }
      });
    }
    expect(found.slice(0, 30), `${found.length} text items out of place`).toEqual([]);
  });
});
