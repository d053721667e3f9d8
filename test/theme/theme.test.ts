// The theme: the package's templates/theme.yaml documents exactly the defaults in code, and a
// region's theme.yaml reaches both renderers — the HTML as CSS variables, @font-face rules and
// published font files, the PDF as its palette, its embedded faces and the emblem's place.

import { readFileSync, writeFileSync, mkdirSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, copyExample } from '../helpers/build.js';
import { removeTemps, tempDir } from '../helpers/fixtures.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { DEFAULT_THEME } from '../../src/theme/theme.js';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

afterAll(removeTemps);

describe('templates/theme.yaml', () => {
  it('lists exactly the defaults the code uses', () => {
    const doc = parse(readFileSync(join(REPO_ROOT, 'templates', 'theme.yaml'), 'utf8'));
    expect(doc.colors).toEqual(DEFAULT_THEME.colors);
    expect(doc.fonts).toEqual({ body: DEFAULT_THEME.fonts.body.name, headings: DEFAULT_THEME.fonts.headings.name });
    expect(doc.logo).toEqual(DEFAULT_THEME.logo);
    expect(doc.headings).toEqual(DEFAULT_THEME.headings);
  });
});

describe("a region's theme in both renderers", () => {
  let out: string;
  const FONT = readFileSync(join(REPO_ROOT, 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSerifCondensed.ttf'));

  beforeAll(async () => {
    const repo = join(tempDir(), 'repo');
    copyExample(repo);
    appendFileSync(join(repo, 'masterplan.yaml'), '\ntemplates: tampilan\n');
    mkdirSync(join(repo, 'tampilan', 'huruf'), { recursive: true });
    writeFileSync(join(repo, 'tampilan', 'huruf', 'badan.ttf'), FONT);
    writeFileSync(
      join(repo, 'tampilan', 'theme.yaml'),
      'colors:\n  accent: "#7a1f1f"\n  link: "#8a2b2b"\nfonts:\n  body:\n    name: Huruf Daerah\n    regular: huruf/badan.ttf\n  headings: DejaVu Sans\nlogo:\n  cover: none\n  header: true\n',
    );
    out = join(repo, 'dist');
    const r = await build(repo, out, ['--format', 'all']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  }, 120_000);

  it('HTML: the colours as CSS variables, the faces as @font-face over published files', () => {
    const html = readFileSync(join(out, 'buku-3.html'), 'utf8');
    expect(html).toContain('--accent: #7a1f1f');
    expect(html).toContain('--link: #8a2b2b');
    const faces = [...html.matchAll(/@font-face \{ font-family: "([^"]+)";[^}]*url\("([^"]+)"\)/g)].map((m) => [m[1], m[2]]);
    const own = faces.filter(([name]) => name === 'Huruf Daerah');
    expect(own.length).toBe(4); // regular stands in for the three styles not given
    for (const [, url] of faces) expect(readFileSync(join(out, url)).length).toBeGreaterThan(10_000);
    expect(readFileSync(join(out, own[0][1])).equals(FONT)).toBe(true);
    expect(faces.some(([name]) => name === 'DejaVu Sans')).toBe(true);
    expect(html).toMatch(/--font-body: "Huruf Daerah"/);
  });

  it('PDF: the cover band in the accent, the faces embedded, the emblem in the header only', async () => {
    const file = readFileSync(join(out, 'buku-3.pdf'));
    // pdfjs takes over the bytes it is given: hand it a copy.
    const pdf = await getDocument({ data: new Uint8Array(file), useSystemFonts: false, verbosity: 0 }).promise;
    const fills = async (n: number) => {
      const ops = await (await pdf.getPage(n)).getOperatorList();
      const colors: string[] = [];
      let images = 0;
      ops.fnArray.forEach((fn, i) => {
        if (fn === OPS.setFillRGBColor) colors.push(String(ops.argsArray[i][0]).toLowerCase());
        if (fn === OPS.paintImageXObject) images++;
      });
      return { colors, images };
    };
    const cover = await fills(1);
    expect(cover.colors).toContain('#7a1f1f');
    expect(cover.images).toBe(0); // logo.cover: none
    const body = await fills(6);
    expect(body.images).toBe(1); // logo.header: true
    const text = file.toString('latin1');
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSerifCondensed\b/);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(text).not.toMatch(/SourceSerif4/);
  });
});
