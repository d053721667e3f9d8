// The preview in a real browser (Debian's chromium driven by playwright-core): under the
// Content-Security-Policy the served pages load with no console error and no policy violation,
// their images show, and the reload script (a file, not inline) reloads the page after a save.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveServer, type LiveServer } from '../../src/serve/live-server.js';
import { copyExample } from '../helpers/build.js';

const CHROMIUM = '/usr/bin/chromium';

let browser: Browser;
let server: LiveServer;
let dir: string;

async function open(path: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`requestfailed: ${r.url()}`));
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  // Violations are also reported to the page as events: count them there.
  await page.addInitScript(`window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));`);
  await page.goto(new URL(path, server.url).href);
  return { page, errors, requests };
}

describe('masterplan serve in chromium', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'masterplan-serve-browser-'));
    copyExample(dir);
    server = await startLiveServer({ root: dir, port: 0, date: new Date(Date.UTC(2023, 3, 28)), debounce: 30 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/', '/buku-1.html', '/buku-3.html', '/masterplan.html'])('%s: loads under the policy, styled, with its images', async (path) => {
    const { page, errors, requests } = await open(path);
    // Styled: the inline <style> applied (the skip link is moved off-screen by book.css).
    expect(await page.evaluate<string>(`getComputedStyle(document.querySelector('.skip-link')).position`)).not.toBe('static');
    const images = await page.evaluate<{ src: string; ok: boolean }[]>(
      `Promise.all([...document.images].map((i) => i.decode().then(() => ({ src: i.src, ok: i.naturalWidth > 0 }), () => ({ src: i.src, ok: false }))))`,
    );
    for (const i of images) expect(i.ok, i.src).toBe(true);
    if (path === '/buku-1.html') expect(images.length).toBeGreaterThan(0);
    // The reload script ran: it opened the event stream.
    await expect.poll(() => requests).toContain('/__masterplan/events');
    expect(await page.evaluate<string[]>('window.__violations')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an inline script would be refused (the policy is in force)', async () => {
    const { page } = await open('/buku-1.html');
    await page.evaluate(`{ const s = document.createElement('script'); s.textContent = 'window.__ran = true'; document.body.append(s); }`);
    expect(await page.evaluate<boolean>('window.__ran === true')).toBe(false);
    await expect.poll(() => page.evaluate<string[]>('window.__violations')).toEqual([expect.stringMatching(/^script-src(-elem)? inline$/)]);
    await page.close();
  });

  it('reloads the page after a save, and after a fixed error', { timeout: 120_000 }, async () => {
    const { page, errors, requests } = await open('/buku-3.html');
    await expect.poll(() => requests).toContain('/__masterplan/events');
    const file = join(dir, 'pokja', 'smart-economy', '3-inovasi-a.md');
    const good = readFileSync(file, 'utf8');
    // (Polled from outside: waitForFunction evaluates a string in the page, which the policy forbids.)
    const text = () => page.evaluate<string>('document.body.textContent').catch(() => '');
    // Generous waits: in CI the rebuild and the reload share two cores with other test files.
    const wait = { timeout: 30_000 };
    writeFileSync(file, good.replace(/^ {4}title: Galeri UKM Online$/m, '    title: Galeri UKM Peramban'));
    await expect.poll(text, wait).toContain('Galeri UKM Peramban');
    // Saved the moment the new text shows, often before the reloaded page's event stream is
    // open: the page is then told of the rebuild it missed when the stream connects.
    writeFileSync(file, good.replace(/^stage: 3$/m, 'stage: 9'));
    await expect.poll(text, wait).toContain('Kertas kerja masih bermasalah');
    writeFileSync(file, good);
    await expect.poll(text, wait).toContain('Galeri UKM Online');
    expect(await page.evaluate<string[]>('window.__violations')).toEqual([]);
    // Each reload ends the page's open event stream: that request is cut, nothing else.
    const events = `requestfailed: ${new URL('/__masterplan/events', server.url).href}?page=buku-3.html&version=`;
    expect(errors.filter((e) => !e.startsWith(events))).toEqual([]);
    await page.close();
  });
});
