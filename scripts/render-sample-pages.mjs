// Review aid (never a test): build the example's PDFs with the real CLI and render chosen pages
// to PNG with poppler's `pdftoppm`, to look at: the covers, the foreword, the contents, BAB I, the
// financing recap, the commitment page, the summary, a long table breaking across pages (the RPJMD
// appendix), the roadmap grid and the traceability matrix.
// Usage: npm run build && node scripts/render-sample-pages.mjs [--out DIR] [--dpi 60]
//        [--pages buku-1:1,2;masterplan:60-62]   (file:pages, 1-based; replaces the defaults)
//        [--all]   every page of every PDF (to look at the books page by page)
//        [--example DIR]   another masterplan than examples/banggai (e.g. a copy with a theme.yaml)
// Needs poppler-utils (pdftoppm) and the dev dependency pdfjs-dist (to find pages by anchor).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? def : process.argv[i + 1];
};
const out = arg('out', join(root, 'scratch', 'pages'));
const dpi = arg('dpi', '60');
const pdfDir = join(out, 'pdf');

if (!existsSync(join(root, 'dist', 'cli.js'))) {
  console.error('dist/cli.js is missing: run `npm run build` first');
  process.exit(2);
}
if (spawnSync('pdftoppm', ['-v']).error) {
  console.error('pdftoppm not found: install poppler-utils');
  process.exit(2);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const started = performance.now();
const example = arg('example', join(root, 'examples', 'banggai'));
const build = spawnSync(process.execPath, [join(root, 'bin', 'masterplan.js'), 'build', example, '--out', pdfDir, '--format', 'pdf'], {
  env: { ...process.env, SOURCE_DATE_EPOCH: '1709294400' },
  encoding: 'utf8',
});
process.stderr.write(build.stderr);
if (build.status !== 0) process.exit(build.status ?? 1);
console.log(`built the PDFs in ${((performance.now() - started) / 1000).toFixed(2)} s (whole CLI run)`);

/** 1-based page of a named destination (a section or record id) in one of the PDFs. */
async function pageOf(file, anchor) {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(join(pdfDir, `${file}.pdf`))), verbosity: 0 }).promise;
  try {
    const dest = await doc.getDestination(anchor);
    return dest ? (await doc.getPageIndex(dest[0])) + 1 : undefined;
  } finally {
    await doc.destroy();
  }
}

async function defaults() {
  const picks = [
    { name: 'cover', file: 'buku-1', pages: [1] },
    { name: 'summary-cover', file: 'ringkasan', pages: [1] },
  ];
  // Front matter and the parts of umum/: foreword, contents, BAB I, the financing recap, the
  // commitment page, the executive summary in figures (with the coverage charts).
  for (const [name, file, anchor] of [
    ['foreword', 'buku-1', 'kata-pengantar'],
    ['contents', 'buku-1', '_contents'],
    ['team', 'buku-1', 'tim-penyusun'],
    ['bab-1', 'buku-1', 'pendahuluan'],
    // A Pokja chapter: worksheet headings beside generated ones, a table under its heading.
    ['pokja-chapter', 'buku-3', 'buku-3-smart-governance'],
    ['glossary', 'buku-1', 'lampiran-istilah'],
    ['recap', 'buku-4', 'rencana-pembiayaan'],
    ['commitment', 'masterplan', 'lembar-komitmen'],
    ['summary-figures', 'ringkasan', 'angka'],
    // Charts: the timeline of all innovations (summary, masterplan).
    ['summary-timeline', 'ringkasan', 'peta-jalan'],
    ['masterplan-timeline', 'masterplan', 'buku-4'],
  ]) {
    const page = anchor === '_contents' ? ((await pageOf(file, 'tim-penyusun')) ?? 1) + 1 : await pageOf(file, anchor);
    if (page) picks.push({ name, file, pages: [page] });
  }
  // The list of tables: the page after the contents' last page (the first body page minus the lists).
  const bab1 = await pageOf('buku-3', 'buku-3-smart-governance');
  if (bab1) picks.push({ name: 'lists', file: 'buku-3', pages: [bab1 - 3, bab1 - 2, bab1 - 1].filter((p) => p > 1) });
  const recap = await pageOf('buku-4', 'rencana-pembiayaan');
  if (recap) picks.push({ name: 'recap-chart', file: 'buku-4', pages: [recap + 1] });
  const rpjmd = await pageOf('buku-1', 'lampiran-rpjmd');
  if (rpjmd) picks.push({ name: 'long-table', file: 'buku-1', pages: [rpjmd, rpjmd + 1, rpjmd + 2] });
  const roadmap = await pageOf('buku-4', 'buku-4-smart-governance');
  if (roadmap) picks.push({ name: 'roadmap', file: 'buku-4', pages: [roadmap] });
  const cards = await pageOf('buku-3', 'INO-ECO-1');
  if (cards) picks.push({ name: 'innovations', file: 'buku-3', pages: [cards] });
  const matrix = await pageOf('masterplan', 'lampiran-matriks');
  if (matrix) picks.push({ name: 'matrix', file: 'masterplan', pages: [matrix, matrix + 1] });
  return picks;
}

function parsePages(spec) {
  return spec.split(';').map((part) => {
    const [file, list] = part.split(':');
    const pages = list.split(',').flatMap((r) => {
      const [a, b] = r.split('-').map(Number);
      return b ? Array.from({ length: b - a + 1 }, (_, i) => a + i) : [a];
    });
    return { name: file, file, pages };
  });
}

async function everyPage() {
  const picks = [];
  for (const file of ['buku-1', 'buku-2', 'buku-3', 'buku-4', 'masterplan', 'ringkasan']) {
    const doc = await getDocument({ data: new Uint8Array(readFileSync(join(pdfDir, `${file}.pdf`))), verbosity: 0 }).promise;
    picks.push({ name: 'page', file, pages: Array.from({ length: doc.numPages }, (_, i) => i + 1) });
    await doc.destroy();
  }
  return picks;
}

const picks = process.argv.includes('--all') ? await everyPage() : arg('pages') ? parsePages(arg('pages')) : await defaults();
for (const pick of picks) {
  for (const page of pick.pages) {
    const prefix = join(out, `${pick.name}-${pick.file}-p${String(page).padStart(3, '0')}`);
    const run = spawnSync('pdftoppm', ['-r', dpi, '-png', '-singlefile', '-f', String(page), '-l', String(page), join(pdfDir, `${pick.file}.pdf`), prefix]);
    if (run.status !== 0) console.error(`pdftoppm failed on ${pick.file} page ${page}: ${run.stderr}`);
    else console.log(`${prefix}.png`);
  }
}
