// A draft edition printed from the HTML in a real browser (Debian's chromium via playwright-core):
// the DRAF mark is in the margin of every printed page (an @page margin box), and the PDF pages
// chromium writes are read back with pdfjs.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { EPOCH } from '../helpers/build.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { makeFixture, removeTemps, tempDir } from '../helpers/fixtures.js';
import { readPdf } from '../helpers/pdf.js';

const CHROMIUM = '/usr/bin/chromium';
afterAll(removeTemps);

describe('a draft edition printed from the HTML', () => {
  it('has DRAF on every printed page, and the screen banner at the top', async () => {
    const out = join(tempDir(), 'out');
    const r = await runCli(['build', makeFixture('umum-all'), '--out', out, '--format', 'html'], { cwd: REPO_ROOT, env: { SOURCE_DATE_EPOCH: EPOCH } });
    expect(r.code, r.stderr).toBe(0);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(out, 'buku-4.html')).href);
      expect(await page.locator('.edition-mark').innerText()).toBe('DRAF');
      const file = join(out, 'print.pdf');
      await page.pdf({ path: file, format: 'A4' });
      const pdf = await readPdf(readFileSync(file));
      expect(pdf.pages).toBeGreaterThan(3);
      pdf.text.forEach((t, i) => expect(t.replace(/\s+/g, ''), `page ${i + 1}`).toContain('DRAF'));
      await pdf.close();
    } finally {
      await browser.close();
    }
  }, 120_000);
});
