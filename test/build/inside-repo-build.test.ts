// `masterplan build` on copies of examples/banggai: nothing from outside the repository and
// nothing that is not an image reaches dist/, whatever symlinks or image paths a worksheet uses;
// the example's real images are still copied byte for byte.

import { existsSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, copyExample, EXAMPLE, readTree } from '../helpers/build.js';
import { runCli, REPO_ROOT } from '../helpers/cli.js';
import { removeTemps, tempDir } from '../helpers/fixtures.js';
import { byTag, parsePage, attr } from '../helpers/html.js';
import { pngHeaderOnly } from '../helpers/images.js';

afterAll(removeTemps);

/** A copy of the example in `<temp>/repo` (the parent is "outside"). */
function example(): string {
  const repo = join(tempDir(), 'repo');
  copyExample(repo);
  return repo;
}

const GOVERNANCE = 'pokja/smart-governance/1-analisis.md';

describe('build: what reaches dist/', () => {
  it('the example copies its real images (PNG and JPEG) byte for byte and shows them', async () => {
    const repo = example();
    const out = join(repo, 'dist');
    const r = await build(repo, out);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const tree = readTree(join(out, 'assets'));
    // The repository's assets/ folder lands at OUT/assets/ itself (no assets/assets/).
    // Beside them: the site's script and index, and the theme's fonts (assets/fonts/).
    expect([...tree.keys()].filter((f) => !f.startsWith('fonts/'))).toEqual(['lambang-ilustratif.png', 'peta-jalan.jpg', 'search-index.js', 'site.js', 'tahapan.png']);
    for (const name of ['lambang-ilustratif.png', 'peta-jalan.jpg', 'tahapan.png']) {
      expect(tree.get(name)!.equals(readFileSync(join(EXAMPLE, 'assets', name))), name).toBe(true);
    }
    const srcs = byTag(parsePage(readFileSync(join(out, 'masterplan.html'), 'utf8')), 'img').map((i) => attr(i, 'src'));
    expect(srcs).toEqual(expect.arrayContaining(['assets/tahapan.png', 'assets/peta-jalan.jpg']));
  });

  it('![x](../../.git/config) and ![y](../../.env) are errors at the images; nothing is written', async () => {
    const repo = example();
    mkdirSync(join(repo, '.git'));
    writeFileSync(join(repo, '.git', 'config'), '[http]\n\textraheader = AUTHORIZATION: basic dG9rZW4=\n');
    writeFileSync(join(repo, '.env'), 'TOKEN=rahasia\n');
    const file = join(repo, GOVERNANCE);
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n').length;
    writeFileSync(file, text + '![x](../../.git/config)\n![y](../../.env)\n');
    const out = join(repo, 'dist');
    const r = await runCli(['build', repo, '--out', out, '--format', 'html', '--report-format', 'json'], { cwd: REPO_ROOT });
    expect(r.code).toBe(1);
    const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: { file: string; line: number; column: number; rule: string }[] };
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)).toEqual([
      `${GOVERNANCE}:${lines}:6 unsafe-path`,
      `${GOVERNANCE}:${lines + 1}:6 unsafe-path`,
    ]);
    expect(existsSync(out)).toBe(false);
    expect(r.stdout).not.toContain('dG9rZW4');
  });

  it('a template symlinked to a file outside never becomes index.html', async () => {
    const repo = example();
    const secret = join(repo, '..', 'hostname');
    writeFileSync(secret, 'rahasia-host\n');
    mkdirSync(join(repo, 'tpl'));
    symlinkSync(secret, join(repo, 'tpl', 'book.html'));
    writeFileSync(join(repo, 'masterplan.yaml'), readFileSync(join(repo, 'masterplan.yaml'), 'utf8') + 'templates: tpl\n');
    const out = join(repo, 'dist');
    const r = await build(repo, out);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^masterplan\.yaml:\d+:12: galat: path "tpl\/book\.html" menunjuk ke luar repositori masterplan melalui tautan simbolik \(unsafe-path\)$/m);
    expect(existsSync(out)).toBe(false);
  });

  it('pokja/ and rpjmd.yaml symlinked outside are refused, not built', async () => {
    // The example names its catalog (`rpjmd: rpjmd.yaml`, line 8): reported there; pokja/ at the link.
    const expected: Record<string, string> = {
      pokja: 'pokja:1:1: galat: "pokja" adalah tautan simbolik yang menunjuk ke luar repositori masterplan; tidak dibaca (unsafe-path)',
      'rpjmd.yaml': 'masterplan.yaml:8:8: galat: path "rpjmd.yaml" menunjuk ke luar repositori masterplan melalui tautan simbolik (unsafe-path)',
    };
    for (const name of Object.keys(expected)) {
      const repo = example();
      renameSync(join(repo, name), join(repo, '..', name));
      symlinkSync(join('..', name), join(repo, name));
      const out = join(repo, 'dist');
      const r = await build(repo, out);
      expect(r.code, name).toBe(1);
      expect(r.stdout.split('\n')[0], name).toBe(expected[name]);
      expect(existsSync(out), name).toBe(false);
    }
  });

  it('a 24000×24000 PNG of a few bytes is refused at check time: the PDF build never decodes it', async () => {
    const repo = example();
    writeFileSync(join(repo, 'assets', 'tahapan.png'), pngHeaderOnly(24000, 24000));
    const out = join(repo, 'dist');
    const before = process.memoryUsage().rss;
    const r = await build(repo, out, ['--format', 'pdf']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('gambar "../assets/tahapan.png" terlalu besar: 24000 × 24000 piksel (576,0 megapiksel)');
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 1024 * 1024);
    expect(existsSync(out)).toBe(false);
  });
});
