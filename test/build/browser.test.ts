// The books in a real browser (Debian's chromium driven by playwright-core, no download):
// no console errors, cross-links work, nothing overflows a phone screen, and screenshots
// (desktop 1280 px and phone 390 px) land in test/.tmp/ for a human to look at.

import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, EXAMPLE } from '../helpers/build.js';
import { REPO_ROOT } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(REPO_ROOT, 'test', '.tmp', 'screenshots');
const OUT = join(REPO_ROOT, 'test', '.tmp', 'browser-books');
const have = existsSync(CHROMIUM);
if (!have) console.warn(`browser test skipped: ${CHROMIUM} not found (apt-get install chromium)`);

const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

let browser: Browser;
const url = (file: string, hash = '') => pathToFileURL(join(OUT, file)).href + hash;

async function open(file: string, viewport: keyof typeof VIEWPORTS): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: VIEWPORTS[viewport] });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`requestfailed: ${r.url()}`));
  await page.goto(url(file));
  return { page, errors };
}

describe.skipIf(!have)('books in chromium', () => {
  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    const r = await build(EXAMPLE, OUT);
    expect(r.code).toBe(0);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const viewport of ['desktop', 'phone'] as const) {
    it.each(['buku-3.html', 'masterplan.html'])(`%s (${viewport}): no console errors, fits the screen, screenshots`, async (file) => {
      const { page, errors } = await open(file, viewport);
      expect(await page.locator('html').getAttribute('lang')).toBe('id-ID');
      // Wide tables scroll inside their own box; the page itself never scrolls sideways.
      // (Browser-side code as strings: this project's TypeScript has no DOM types.)
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
      expect(overflow).toBeLessThanOrEqual(0);
      const name = file.replace('.html', '');
      await page.screenshot({ path: join(SHOTS, `${name}-${viewport}-full.png`), fullPage: true });
      await page.evaluate(`document.getElementById('lampiran-matriks').scrollIntoView()`);
      await page.screenshot({ path: join(SHOTS, `${name}-${viewport}-matrix.png`) });
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('buku-3: an innovation card links to its RPJMD program in the appendix', async () => {
    const { page, errors } = await open('buku-3.html', 'desktop');
    const link = page.locator('#INO-ECO-1 a[href="#PP-07"]').first();
    await link.click();
    await page.waitForFunction(`location.hash === '#PP-07'`);
    await expect.poll(() => page.locator('#PP-07').isVisible()).toBe(true);
    const box = await page.locator('#PP-07').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(-1);
    expect(box!.y).toBeLessThan(VIEWPORTS.desktop.height);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('buku-4 → buku-3: the roadmap links to the innovation card in another book', async () => {
    const { page, errors } = await open('buku-4.html', 'phone');
    await page.locator('a[href="buku-3.html#INO-ECO-1"]').first().click();
    await page.waitForURL(url('buku-3.html', '#INO-ECO-1'));
    const card = page.locator('#INO-ECO-1');
    await expect.poll(() => card.isVisible()).toBe(true);
    const box = await card.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(-1);
    expect(box!.y).toBeLessThan(VIEWPORTS.phone.height);
    await page.screenshot({ path: join(SHOTS, 'buku-3-phone-INO-ECO-1.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('masterplan.html: the matrix links in-page to the innovation card', async () => {
    const { page, errors } = await open('masterplan.html', 'desktop');
    await page.locator('#lampiran-matriks a[href="#INO-ECO-1"]').first().click();
    await page.waitForFunction(`location.hash === '#INO-ECO-1'`);
    expect(page.url()).toBe(url('masterplan.html', '#INO-ECO-1'));
    await expect.poll(() => page.locator('#INO-ECO-1').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the skip link is the first stop for the keyboard and leads to the content', async () => {
    const { page } = await open('buku-1.html', 'desktop');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(`document.activeElement.getAttribute('href')`)).toBe('#_content');
    await page.keyboard.press('Enter');
    await page.waitForFunction(`location.hash === '#_content'`);
    await page.close();
  });

  it('print: A4 pages, each chapter on a new page', async () => {
    const { page } = await open('buku-1.html', 'desktop');
    await page.emulateMedia({ media: 'print' });
    const breaks = await page.evaluate<string[]>(
      `[...document.querySelectorAll('section.new-page')].map((s) => getComputedStyle(s).breakBefore)`,
    );
    expect(breaks.length).toBeGreaterThan(0);
    expect(new Set(breaks)).toEqual(new Set(['page']));
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.close();
  });
});
