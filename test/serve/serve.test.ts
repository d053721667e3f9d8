// `masterplan serve`: answers on loopback, re-renders after a worksheet changes (only the books
// the change touches), shows validation errors in the page, and shuts down cleanly.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveServer, type BuildResult, type LiveServer } from '../../src/serve/live-server.js';
import { affectedBooks } from '../../src/serve/affected-books.js';
import { checkProject } from '../../src/pipeline.js';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'banggai');
const INNOVATIONS = 'pokja/smart-economy/3-inovasi-a.md';
const ANALYSIS = 'pokja/smart-society/1-analisis.md';

let dir: string;
let server: LiveServer;
const builds: BuildResult[] = [];

/** Resolves with the next build that happens after `action`. */
function nextBuild(action: () => void): Promise<BuildResult> {
  const seen = builds.length;
  action();
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (builds.length > seen) {
        clearInterval(poll);
        resolve(builds[builds.length - 1]);
      } else if (Date.now() - started > 10_000) {
        clearInterval(poll);
        reject(new Error('no rebuild within 10 s'));
      }
    }, 20);
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'masterplan-serve-'));
  cpSync(EXAMPLE, dir, { recursive: true });
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  server = await startLiveServer({ root: dir, port: 0, date: new Date(Date.UTC(2023, 3, 28)), onBuild: (r) => builds.push(r), debounce: 30 });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('masterplan serve', () => {
  it('listens on 127.0.0.1 only and serves the books with a reload script', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await fetch(server.url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await index.text();
    expect(html).toContain('href="buku-3.html"');
    expect(html).toContain('/__masterplan/events');
    const book = await (await fetch(new URL('buku-3.html', server.url))).text();
    expect(book).toContain('id="INO-ECO-1"');
    expect(builds[0].pages).toEqual(['buku-1.html', 'buku-2.html', 'buku-3.html', 'buku-4.html', 'masterplan.html', 'ringkasan.html', 'index.html']);
  });

  it('serves the images books use, and nothing else of the repository', async () => {
    const book = await (await fetch(new URL('buku-1.html', server.url))).text();
    const src = /<img[^>]*src="([^"]+)"/.exec(book)?.[1];
    expect(src).toBeDefined();
    const image = await fetch(new URL(src!, server.url));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    for (const path of ['rpjmd.yaml', 'masterplan.yaml', INNOVATIONS, '../etc/passwd', '%2e%2e/rpjmd.yaml']) {
      expect((await fetch(new URL(path, server.url))).status, path).toBe(404);
    }
  });

  it('re-renders the books a changed innovation appears in, and tells open pages', async () => {
    const events = await fetch(new URL('/__masterplan/events', server.url));
    const reader = events.body!.getReader();
    const file = join(dir, INNOVATIONS);
    const result = await nextBuild(() => writeFileSync(file, readFileSync(file, 'utf8').replace('title: Galeri UKM Online', 'title: Galeri UKM Daring')));
    expect(result.errors).toBe(0);
    // Innovations show up in Buku III, in every book's RPJMD appendix and in the roadmap.
    expect(result.pages).toEqual(expect.arrayContaining(['buku-3.html', 'masterplan.html']));
    expect(result.pages).not.toContain('buku-1.html');
    const book = await (await fetch(new URL('buku-3.html', server.url))).text();
    expect(book).toContain('Galeri UKM Daring');
    let text = '';
    while (!text.includes('event: rebuilt')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('"buku-3.html"');
    await reader.cancel();
  });

  it('a change that alters no page reloads nothing', async () => {
    const file = join(dir, ANALYSIS);
    const result = await nextBuild(() => writeFileSync(file, readFileSync(file, 'utf8') + '\n'));
    expect(result.pages).toEqual([]);
  });

  it('shows validation errors in the page instead of stopping, and recovers', async () => {
    const file = join(dir, ANALYSIS);
    const good = readFileSync(file, 'utf8');
    const broken = await nextBuild(() => writeFileSync(file, good.replace(/^stage: 1$/m, 'stage: 9')));
    expect(broken.errors).toBe(1);
    const page = await (await fetch(new URL('buku-1.html', server.url))).text();
    expect(page).toContain(`${ANALYSIS}:3:8`);
    expect(page).toContain('kolom &quot;stage&quot; harus 1, 2, 3 atau 4');
    const fixed = await nextBuild(() => writeFileSync(file, good));
    expect(fixed.errors).toBe(0);
    expect(fixed.pages).toEqual(['*']);
    expect(await (await fetch(new URL('buku-1.html', server.url))).text()).toContain('id="buku-1-smart-society"');
  });

  it('knows which books a change touches', () => {
    const { model } = checkProject(EXAMPLE);
    expect([...affectedBooks(['pokja/smart-society/1-analisis.md'], model, model)].sort()).toEqual(['buku-1', 'masterplan']);
    expect([...affectedBooks(['pokja/smart-governance/2-program-opd.yaml'], model, model)].sort()).toEqual(['buku-2', 'buku-3', 'masterplan', 'ringkasan']);
    expect([...affectedBooks(['pokja/smart-living/4-peta-jalan.md'], model, model)].sort()).toEqual(['buku-3', 'buku-4', 'masterplan', 'ringkasan']);
    expect([...affectedBooks(['rpjmd.yaml'], model, model)].sort()).toEqual(['buku-1', 'buku-2', 'buku-3', 'buku-4', 'masterplan', 'ringkasan']);
  });
});

describe('masterplan serve (the binary)', () => {
  it('prints its URL, answers HTTP, and exits 0 on SIGINT', async () => {
    const child = spawn(process.execPath, [join(__dirname, '..', '..', 'bin', 'masterplan.js'), 'serve', EXAMPLE, '--port', '0'], {
      env: { ...process.env, SOURCE_DATE_EPOCH: '1682640000' },
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out += d;
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (m) resolve(m[0]);
      });
      child.on('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    expect((await fetch(url)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  });

  it('refuses a bad port with exit 2', async () => {
    const child = spawn(process.execPath, [join(__dirname, '..', '..', 'bin', 'masterplan.js'), 'serve', EXAMPLE, '--port', 'x']);
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain('port "x" tidak sah');
  });
});
