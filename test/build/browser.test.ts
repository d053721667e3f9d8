// The books in a real browser (Debian's chromium driven by playwright-core, no download):
// no console errors, cross-links work, nothing overflows a phone screen, and screenshots
// (desktop 1280 px and phone 390 px) land in test/.tmp/ for a human to look at.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, EXAMPLE } from '../helpers/build.js';
import { REPO_ROOT } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(REPO_ROOT, 'test', '.tmp', 'screenshots');
const OUT = join(REPO_ROOT, 'test', '.tmp', 'browser-books');

const AXE = readFileSync(join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const PAGES = ['index.html', 'buku-1.html', 'buku-2.html', 'buku-3.html', 'buku-4.html', 'masterplan.html', 'ringkasan.html'];

/** axe-core's serious and critical violations on the page as it is now: "rule: target" lines. */
async function axeProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate<string[]>(
    `axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } }).then((r) => r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => v.id + ': ' + n.target.join(' '))))`,
  );
}

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

describe('books in chromium', () => {
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

  for (const viewport of ['desktop', 'phone'] as const) {
    it.each(['index.html', 'buku-3.html', 'masterplan.html', 'ringkasan.html'])(`%s (${viewport}): no serious or critical axe-core violations`, async (file) => {
      const { page, errors } = await open(file, viewport);
      expect(await axeProblems(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it.each(PAGES)('%s on a phone (390 px): the page never scrolls sideways', async (file) => {
    const { page } = await open(file, 'phone');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    await page.close();
  });

  for (const viewport of ['desktop', 'phone'] as const) {
    it(`index.html (${viewport}): the search box finds an innovation by name and leads to its card in Buku III`, async () => {
      const { page, errors } = await open('index.html', viewport);
      const box = page.getByRole('searchbox', { name: 'Cari di semua buku' });
      await expect.poll(() => box.isVisible()).toBe(true);
      await box.fill('galeri ukm');
      const results = page.locator('.search-results a');
      await expect.poll(() => results.count()).toBeGreaterThan(0);
      // The innovation first (its title starts with the words), linked to its card in its book.
      expect(await results.first().getAttribute('href')).toBe('buku-3.html#INO-ECO-1');
      expect(await results.first().textContent()).toBe('INO-ECO-1 Galeri UKM Online');
      expect(await page.locator('.search-count').textContent()).toMatch(/^\d+ hasil$/);
      // Results and all are still accessible, and nothing widens the page.
      expect(await axeProblems(page)).toEqual([]);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(VIEWPORTS[viewport].width);
      await page.screenshot({ path: join(SHOTS, `index-${viewport}-search.png`), fullPage: true });
      // By code, a program and a narrative section are found too; nonsense finds nothing.
      await box.fill('PP-07');
      expect(await results.first().getAttribute('href')).toMatch(/^buku-\d\.html#PP-07$/);
      await box.fill('latar belakang');
      expect(await results.first().getAttribute('href')).toMatch(/#pendahuluan-latar-belakang$/);
      await box.fill('zzqx tidak ada');
      expect(await results.count()).toBe(0);
      expect(await page.locator('.search-count').textContent()).toBe('Tidak ada yang cocok.');
      await box.fill('Galeri UKM');
      await results.first().click();
      await page.waitForURL(url('buku-3.html', '#INO-ECO-1'));
      const card = page.locator('#INO-ECO-1');
      await expect.poll(() => card.isVisible()).toBe(true);
      const at = await card.boundingBox();
      expect(at!.y).toBeGreaterThanOrEqual(-1);
      expect(at!.y).toBeLessThan(VIEWPORTS[viewport].height);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('buku-3: the filters show only the innovations of the chosen Pokja, horizon, ...; "Semua" shows all again', async () => {
    const { page, errors } = await open('buku-3.html', 'desktop');
    const cards = page.locator('article.record[data-kind="innovation"]');
    const total = await cards.count();
    expect(total).toBeGreaterThan(10);
    const visible = () => page.locator('article.record[data-kind="innovation"]:visible').count();
    expect(await visible()).toBe(total);
    const pokja = page.getByLabel('Pokja', { exact: true });
    await expect.poll(() => pokja.isVisible()).toBe(true);
    await pokja.selectOption('smart-economy');
    const economy = await page.locator('article.record[data-pokja="smart-economy"]').count();
    expect(economy).toBeGreaterThan(0);
    expect(await visible()).toBe(economy);
    expect(await page.locator('#INO-ECO-1').isVisible()).toBe(true);
    expect(await page.locator('#INO-GOV-1').isVisible()).toBe(false);
    expect(await page.locator('.filter-count').textContent()).toBe(`${economy} dari ${total} inovasi ditampilkan`);
    // A second filter narrows further: the horizon of INO-ECO-1.
    const horizon = (await page.locator('#INO-ECO-1').getAttribute('data-horizon'))!;
    await page.locator('select[data-filter="horizon"]').selectOption(horizon);
    const both = await page.locator(`article.record[data-pokja="smart-economy"][data-horizon="${horizon}"]`).count();
    expect(await visible()).toBe(both);
    await page.locator('#_filters').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'buku-3-desktop-filters.png') });
    await pokja.selectOption('');
    await page.locator('select[data-filter="horizon"]').selectOption('');
    expect(await visible()).toBe(total);
    // Every filter has its values: OPD, element and action too.
    for (const key of ['pokja', 'element', 'horizon', 'action', 'opd']) {
      expect(await page.locator(`select[data-filter="${key}"] option`).count(), key).toBeGreaterThan(1);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('buku-3 without JavaScript: no filter bar, every card visible', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url('buku-3.html'));
    expect(await page.locator('.record-filters').isVisible()).toBe(false);
    const cards = await page.locator('article.record[data-kind="innovation"]').count();
    expect(await page.locator('article.record[data-kind="innovation"]:visible').count()).toBe(cards);
    await context.close();
  });

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
    // Page-margin boxes: the running header (the book's short title) and "Halaman n dari N" on
    // every page but the cover.
    const file = join(OUT, '..', 'browser-print.pdf');
    writeFileSync(file, pdf);
    const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(3);
    expect(pages[0]).not.toContain('Halaman 1 dari');
    pages.slice(1).forEach((text, i) => {
      expect(text, `page ${i + 2}`).toContain(`Halaman ${i + 2} dari ${pages.length}`);
      expect(text, `page ${i + 2}`).toContain('Buku I: Analisis Strategis');
    });
    await page.close();
  });
});
