// `masterplan build` end to end on fixture copies: what it writes, what it refuses, and that a
// failed build never touches the previous output (or any worksheet).

import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BOOK_FILES, build, copyExample, EPOCH, EXAMPLE, readTree } from '../helpers/build.js';
import { writeOutput } from '../../src/publish/write-output.js';
import { REPO_ROOT, runCli, runCliProcess } from '../helpers/cli.js';
import { makeFixture, removeTemps, tempDir, writeOverlay } from '../helpers/fixtures.js';
import { attr, byId, byTag, parsePage, textOf } from '../helpers/html.js';

afterAll(removeTemps);

const INNOVATION_MD = 'pokja/smart-economy/3-inovasi.md';

/** A copy of the example without `edition.date`, so the build date (SOURCE_DATE_EPOCH) is the one shown. */
function exampleWithoutEditionDate(): string {
  const copy = join(tempDir(), 'banggai');
  copyExample(copy);
  const settings = join(copy, 'masterplan.yaml');
  const text = readFileSync(settings, 'utf8');
  expect(text).toContain('  date: 2023-04-28\n');
  writeFileSync(settings, text.replace('  date: 2023-04-28\n', ''));
  return copy;
}

describe('build: output', () => {
  it('is byte-identical across two builds (SOURCE_DATE_EPOCH), and shows that date', async () => {
    const parent = tempDir();
    const example = exampleWithoutEditionDate();
    const a = await build(example, join(parent, 'a'));
    const b = await build(example, join(parent, 'b'));
    expect([a.code, b.code]).toEqual([0, 0]);
    const ta = readTree(join(parent, 'a'));
    const tb = readTree(join(parent, 'b'));
    expect([...ta.keys()]).toEqual([...tb.keys()]);
    expect([...ta.keys()]).toEqual(expect.arrayContaining([...BOOK_FILES, 'index.html']));
    for (const [rel, bytes] of ta) expect(bytes.equals(tb.get(rel)!), rel).toBe(true);
    const page = parsePage(ta.get('buku-1.html')!.toString('utf8'));
    expect(textOf(byTag(page, 'header')[0])).toContain('1 Maret 2024');
    // Only the two outputs (each a link to its one version folder): no temporary folder left.
    expect(readdirSync(parent).sort()).toEqual(['.a.v-1', '.b.v-1', 'a', 'b']);
  });

  it('edition.date, when set, is the date shown and stored, whatever SOURCE_DATE_EPOCH says', async () => {
    const parent = tempDir();
    await build(EXAMPLE, join(parent, 'a'));
    await build(EXAMPLE, join(parent, 'b'), [], { SOURCE_DATE_EPOCH: '1735732800' });
    for (const f of [...BOOK_FILES, 'index.html']) {
      expect(readFileSync(join(parent, 'a', f)).equals(readFileSync(join(parent, 'b', f))), f).toBe(true);
    }
    expect(readFileSync(join(parent, 'a', 'buku-1.html'), 'utf8')).toContain('Luwuk, 28 April 2023');
  });

  it('a different SOURCE_DATE_EPOCH changes only the date', async () => {
    const parent = tempDir();
    const example = exampleWithoutEditionDate();
    await build(example, join(parent, 'a'));
    await build(example, join(parent, 'b'), [], { SOURCE_DATE_EPOCH: '1735732800' }); // 2025-01-01T12:00Z
    const a = readFileSync(join(parent, 'a', 'buku-2.html'), 'utf8');
    const b = readFileSync(join(parent, 'b', 'buku-2.html'), 'utf8');
    expect(b).toContain('1 Januari 2025');
    expect(b.replaceAll('1 Januari 2025', '1 Maret 2024').replaceAll('2025-01-01', '2024-03-01')).toBe(a);
  });

  it('rejects an invalid SOURCE_DATE_EPOCH (exit 2)', async () => {
    const r = await build(EXAMPLE, join(tempDir(), 'out'), [], { SOURCE_DATE_EPOCH: 'yesterday' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('SOURCE_DATE_EPOCH');
  });

  it('writes to DIR/dist by default, run from inside the masterplan', async () => {
    const repo = makeFixture(undefined);
    const r = await runCli(['build', '--format', 'html'], { cwd: repo, env: { SOURCE_DATE_EPOCH: EPOCH } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/berkas ditulis ke dist\n$/);
    for (const f of [...BOOK_FILES, 'index.html', 'assets/tahapan.png']) expect(existsSync(join(repo, 'dist', f)), f).toBe(true);
  });

  it('replaces the previous output as a whole (files of the previous build that this one does not write go)', async () => {
    const repo = makeFixture(undefined);
    const out = join(repo, 'dist');
    expect((await build(repo, out)).code).toBe(0);
    expect(existsSync(join(out, 'assets/tahapan.png'))).toBe(true);
    const md = readFileSync(join(repo, INNOVATION_MD), 'utf8');
    writeOverlay(repo, { [INNOVATION_MD]: md.replaceAll('../../assets/tahapan.png', '../../assets/tahapan-2.png'), 'assets/tahapan-2.png': readFileSync(join(repo, 'assets/tahapan.png')) });
    expect((await build(repo, out)).code).toBe(0);
    expect(existsSync(join(out, 'assets/tahapan.png'))).toBe(false);
    expect(existsSync(join(out, 'assets/tahapan-2.png'))).toBe(true);
    expect(existsSync(join(out, 'buku-1.html'))).toBe(true);
    expect(readdirSync(repo).filter((n) => n.startsWith('.dist'))).toEqual(['.dist.v-2']);
  });

  it('--lang en writes English books', async () => {
    const out = join(tempDir(), 'out');
    const r = await build(makeFixture(undefined), out, ['--lang', 'en']);
    expect(r.code).toBe(0);
    const page = parsePage(readFileSync(join(out, 'buku-3.html'), 'utf8'));
    expect(attr(byTag(page, 'html')[0], 'lang')).toMatch(/^en/);
    expect(textOf(byId(page, '_toc')!)).toContain('Contents');
  });

  it('worksheet HTML and script URLs never reach a book', async () => {
    const repo = makeFixture(undefined);
    const md = readFileSync(join(repo, INNOVATION_MD), 'utf8');
    writeOverlay(repo, {
      [INNOVATION_MD]:
        md +
        '\n\n<script>alert("s")</script>\n\n<img src="x" onerror="alert(\'i\')">\n\n[klik](javascript:alert(1))\n\n' +
        '<a href="javascript:alert(2)">a</a> <span onclick="alert(3)">b</span>\n',
    });
    const out = join(tempDir(), 'out');
    const r = await build(repo, out);
    expect(r.code).toBe(0);
    for (const f of [...BOOK_FILES, 'index.html']) {
      const html = readFileSync(join(out, f), 'utf8');
      // The only scripts are the site's own files under assets/ (search box, filters).
      const scripts = html.match(/<script\b[^>]*>[^<]*<\/script>/gi) ?? [];
      for (const tag of scripts) expect(tag, f).toMatch(/^<script src="assets\/(site|search-index)\.js"><\/script>$/);
      expect(html.match(/<script/gi)?.length ?? 0, f).toBe(scripts.length);
      expect(html, f).not.toMatch(/onerror|onclick/i);
      expect(html, f).not.toMatch(/javascript:/i);
      expect(html, f).not.toContain('alert(');
      const page = parsePage(html);
      expect(byTag(page, 'img').map((i) => attr(i, 'src')), f).not.toContain('x');
    }
    expect(readFileSync(join(out, 'buku-3.html'), 'utf8')).toContain('klik');
  });

  it('--templates: book.css from there, book.html still the built-in one; masterplan.yaml `templates` too', async () => {
    const repo = makeFixture(undefined, {
      'tema/book.css': 'body { color: #123456; } /* tema daerah */ </style><script>x</script>',
      'masterplan.yaml': readFileSync(join(makeFixture(undefined), 'masterplan.yaml'), 'utf8') + 'templates: tema\n',
    });
    const out = join(tempDir(), 'out');
    expect((await build(repo, out)).code).toBe(0);
    let html = readFileSync(join(out, 'buku-1.html'), 'utf8');
    expect(html).toContain('/* tema daerah */');
    expect(html).not.toContain('</style><script>');
    expect(parsePage(html).elements.filter((e) => e.tagName === 'script')).toHaveLength(0);
    expect(html).toContain('<main id="_content">');

    const cli = join(tempDir(), 'cli-tema');
    mkdirSync(cli);
    writeFileSync(join(cli, 'book.html'), '<!DOCTYPE html><html lang="{{lang}}"><head><meta charset="utf-8"><title>{{title}}</title><style>{{css}}</style></head><body><p>TEMA CLI</p>{{cover}}{{toc}}<main id="_content">{{body}}</main></body></html>');
    expect((await build(repo, out, ['--templates', cli])).code).toBe(0);
    html = readFileSync(join(out, 'buku-1.html'), 'utf8');
    expect(html).toContain('TEMA CLI');
    expect(html).toContain('/* tema daerah */'); // book.css: not in --templates, so masterplan.yaml's
  });

  it('--report-format json prints the diagnostics object on stdout, warnings included', async () => {
    const repo = makeFixture(undefined, { 'pokja/smart-economy/4-peta-jalan.yaml': null });
    const r = await runCli(['build', repo, '--out', join(tempDir(), 'out'), '--format', 'html', '--report-format', 'json'], { cwd: REPO_ROOT, env: { SOURCE_DATE_EPOCH: EPOCH } });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.summary.errors).toBe(0);
    expect(report.summary.warnings).toBeGreaterThan(0);
  });

  it('--format all writes PDFs too, or says PDF is not available and writes HTML', async () => {
    const out = join(tempDir(), 'out');
    const r = await runCli(['build', makeFixture(undefined), '--out', out], { cwd: REPO_ROOT, env: { SOURCE_DATE_EPOCH: EPOCH } });
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'buku-1.html'))).toBe(true);
    if (!existsSync(join(out, 'buku-1.pdf'))) expect(r.stderr).toMatch(/PDF/);
    else expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('href="buku-1.pdf"');
  });
});

describe('build: a failed build keeps the previous output', () => {
  async function withPreviousOutput() {
    const repo = makeFixture(undefined);
    const out = join(repo, 'dist');
    expect((await build(repo, out)).code).toBe(0);
    return { repo, out, before: readTree(out), parentBefore: readdirSync(repo).sort() };
  }

  it('validation errors: printed like validate, exit 1, nothing written', async () => {
    const { repo, out, before, parentBefore } = await withPreviousOutput();
    const md = readFileSync(join(repo, INNOVATION_MD), 'utf8');
    writeOverlay(repo, { [INNOVATION_MD]: md.replace('(#INO-1)', '(#INO-404)') });
    const r = await build(repo, out);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^pokja\/smart-economy\/3-inovasi\.md:\d+:\d+: galat: .*INO-404.*\(unknown-reference\)$/m);
    expect(r.stderr).toContain('buku tidak ditulis');
    expect(readTree(out)).toEqual(before);
    expect(readdirSync(repo).sort()).toEqual(parentBefore);
  });

  it('validation errors with --report-format github', async () => {
    const { repo, out, before } = await withPreviousOutput();
    writeOverlay(repo, { 'rpjmd.yaml': 'period: [2021, 2026]\nvision: [\n' });
    const r = await build(repo, out, ['--report-format', 'github']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=/m);
    expect(readTree(out)).toEqual(before);
  });

  it('a template the build cannot use: exit 2, previous output intact', async () => {
    const { repo, out, before, parentBefore } = await withPreviousOutput();
    const tpl = join(tempDir(), 'tpl');
    mkdirSync(tpl);
    writeFileSync(join(tpl, 'book.html'), '<html>{{body}} {{sidebar}}</html>');
    const r = await build(repo, out, ['--templates', tpl]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('{{sidebar}}');
    expect(readTree(out)).toEqual(before);
    expect(readdirSync(repo).sort()).toEqual(parentBefore);
  });

  it('--templates naming a missing folder: exit 2, previous output intact', async () => {
    const { repo, out, before } = await withPreviousOutput();
    const r = await build(repo, out, ['--templates', join(tempDir(), 'missing')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tidak ditemukan');
    expect(readTree(out)).toEqual(before);
  });
});

describe('build: where it refuses to write (exit 2, nothing touched)', () => {
  const cases: [string, (repo: string) => string, RegExp][] = [
    ['the masterplan folder itself', (repo) => repo, /folder masterplan itu sendiri/],
    ['a parent of the masterplan folder', (repo) => dirname(repo), /berisi folder masterplan/],
    ['pokja/', (repo) => join(repo, 'pokja'), /di dalam pokja\//],
    ['inside pokja/', (repo) => join(repo, 'pokja', 'smart-economy', 'out'), /di dalam pokja\//],
    ['an existing file', (repo) => join(repo, 'rpjmd.yaml'), /bukan folder/],
    ['a folder holding other files', (repo) => join(repo, 'assets'), /berisi "tahapan\.png"/],
    // Ownership is positive: without the marker a build writes, nothing is replaced.
    [
      'a folder holding only assets/ with a file of the user (no marker)',
      (repo) => {
        const out = join(repo, 'publik');
        mkdirSync(join(out, 'assets'), { recursive: true });
        writeFileSync(join(out, 'assets', 'README.txt'), 'catatan');
        return out;
      },
      /folder keluaran \S*publik berisi "assets" tetapi tidak punya \.masterplan-build\.json .* hapus folder itu sekali/,
    ],
    [
      'index.html + assets/ as an older version wrote them (no marker)',
      (repo) => {
        const out = join(repo, 'dist');
        mkdirSync(join(out, 'assets'), { recursive: true });
        writeFileSync(join(out, 'index.html'), '<p>lama</p>');
        return out;
      },
      /tidak punya \.masterplan-build\.json/,
    ],
    [
      'a previous build with a file added to it',
      (repo) => {
        const out = join(repo, 'dist');
        writeOutput(out, { write: new Map([['index.html', 'i']]), copy: new Map() });
        mkdirSync(join(out, 'assets', 'x'), { recursive: true });
        writeFileSync(join(out, 'assets', 'x', 'README.txt'), 'catatan');
        return out;
      },
      /berisi "assets", yang bukan hasil masterplan build/,
    ],
    [
      'a folder with a marker the build did not write',
      (repo) => {
        const out = join(repo, 'dist');
        mkdirSync(out);
        writeFileSync(join(out, '.masterplan-build.json'), '{"files": ["index.html"]}');
        writeFileSync(join(out, 'index.html'), 'x');
        return out;
      },
      /\.masterplan-build\.json yang bukan tulisan masterplan build/,
    ],
    [
      'a link the build did not make',
      (repo) => {
        const target = join(dirname(repo), 'www');
        mkdirSync(target);
        symlinkSync(target, join(repo, 'dist'));
        return join(repo, 'dist');
      },
      /adalah tautan simbolik ke .*www yang tidak dibuat masterplan build/,
    ],
    [
      'a symlink to the masterplan folder',
      (repo) => {
        const link = join(tempDir(), 'link');
        symlinkSync(repo, link);
        return link;
      },
      /folder masterplan itu sendiri/,
    ],
  ];

  it.each(cases)('OUT = %s', async (_, outOf, message) => {
    const repo = makeFixture(undefined);
    const out = outOf(repo);
    const before = readTree(dirname(repo));
    const r = await build(repo, out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(readTree(dirname(repo))).toEqual(before);
  });

  it('says why in English too, and keeps the file', async () => {
    const repo = makeFixture(undefined);
    const out = join(repo, 'publik');
    mkdirSync(join(out, 'assets'), { recursive: true });
    writeFileSync(join(out, 'assets', 'README.txt'), 'catatan');
    const r = await build(repo, out, ['--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^masterplan: output folder \S*publik holds "assets" but no \.masterplan-build\.json \(the list of files a build wrote there\), so masterplan build cannot tell its own files from yours; if the folder holds only books from an older masterplan version, delete it once; otherwise choose another folder\n$/,
    );
    expect(readFileSync(join(out, 'assets', 'README.txt'), 'utf8')).toBe('catatan');
  });

  it('an empty folder is written to', async () => {
    const repo = makeFixture(undefined);
    mkdirSync(join(repo, 'publik'));
    expect((await build(repo, join(repo, 'publik'))).code).toBe(0);
    expect(existsSync(join(repo, 'publik', 'buku-1.html'))).toBe(true);
  });

  it('also through the real binary, with a clean message', () => {
    const repo = makeFixture(undefined);
    const before = readTree(repo);
    const r = runCliProcess(['build', repo, '--out', join(repo, 'pokja')], { cwd: REPO_ROOT });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^masterplan: folder keluaran .* berada di dalam pokja\/, tempat kertas kerja; pilih folder lain\n$/);
    expect(readTree(repo)).toEqual(before);
  });
});
