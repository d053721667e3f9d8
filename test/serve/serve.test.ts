// `masterplan serve`: answers on loopback, re-renders after a worksheet changes (only the books
// the change touches), shows validation errors in the page, and shuts down cleanly.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveServer, type BuildResult, type LiveServer } from '../../src/serve/live-server.js';
import { FileStamps } from '../../src/serve/file-stamps.js';
import { checkProject } from '../../src/pipeline.js';
import { cachedMarkdownCount } from '../../src/markdown/parse.js';
import { cachedSanitizedCount } from '../../src/render/html/index.js';
import { markdownOf } from '../../src/book/markdown-of.js';
import { buildBooks } from '../../src/book/build-book.js';
import { copyExample } from '../helpers/build.js';

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

/** A GET with the Host header as given (fetch would always send the URL's own). */
function get(path: string, host: string | undefined): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const port = Number(new URL(server.url).port);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, setHost: false, headers: host === undefined ? {} : { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'masterplan-serve-'));
  copyExample(dir);
  // No stamp poll here: the tests of saves must pass on the watchers alone.
  server = await startLiveServer({ root: dir, port: 0, date: new Date(Date.UTC(2023, 3, 28)), onBuild: (r) => builds.push(r), debounce: 30, poll: 0 });
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
    expect(html).toMatch(/<script src="\/__masterplan\/reload\.js" data-page="index\.html" data-version="\d+"><\/script><\/body>/);
    const script = await fetch(new URL('/__masterplan/reload.js', server.url));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain("new EventSource(\"/__masterplan/events\" + '?' + query)");
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

  it('tells a page whose event stream connects after a rebuild it missed to reload at once', async () => {
    const versionOf = (html: string) => /data-version="([^"]*)"/.exec(html)![1];
    const served = versionOf(await (await fetch(new URL('buku-3.html', server.url))).text());
    const unchanged = versionOf(await (await fetch(new URL('buku-1.html', server.url))).text());
    const file = join(dir, INNOVATIONS);
    // The save lands after buku-3.html was served and before its page opens the stream.
    await nextBuild(() => writeFileSync(file, readFileSync(file, 'utf8').replace('title: Galeri UKM Daring', 'title: Galeri UKM Maya')));
    expect(versionOf(await (await fetch(new URL('buku-3.html', server.url))).text())).not.toBe(served);
    expect(versionOf(await (await fetch(new URL('buku-1.html', server.url))).text())).toBe(unchanged);
    const read = async (query: string, until: string) => {
      const reader = (await fetch(new URL(`/__masterplan/events?${query}`, server.url))).body!.getReader();
      let text = '';
      while (!text.includes(until)) text += new TextDecoder().decode((await reader.read()).value);
      return { text, reader };
    };
    const stale = await read(`page=buku-3.html&version=${served}`, 'event: rebuilt');
    expect(stale.text).toBe(': connected\n\nevent: rebuilt\ndata: ["buku-3.html"]\n\n');
    await stale.reader.cancel();
    // A page that is current is told nothing until the next rebuild that changes it.
    const current = await read(`page=buku-1.html&version=${unchanged}`, ': connected');
    let text = current.text;
    await nextBuild(() => writeFileSync(file, readFileSync(file, 'utf8').replace('title: Galeri UKM Maya', 'title: Galeri UKM Daring')));
    while (!text.includes('event: rebuilt')) text += new TextDecoder().decode((await current.reader.read()).value);
    expect(text).toMatch(/^: connected\n\nevent: rebuilt\ndata: \[[^\]]*"buku-3\.html"/);
    await current.reader.cancel();
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

  it('answers only requests addressed to a loopback name at its port (DNS rebinding)', async () => {
    const port = Number(new URL(server.url).port);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      expect((await get('/buku-1.html', host)).status, host).toBe(200);
    }
    const refused = [
      `evil.example:${port}`,
      `127.0.0.1.nip.io:${port}`,
      `localhost.:${port}`,
      `localhost:${port + 1}`,
      `127.0.0.1:${port}.evil.example`,
      'localhost',
      `127.0.0.2:${port}`,
      '',
    ];
    for (const host of refused) {
      for (const path of ['/', '/buku-1.html', '/__masterplan/events', '/__masterplan/reload.js']) {
        const r = await get(path, host);
        expect(r.status, `${host} ${path}`).toBe(421);
        expect(r.body).toBe(`Pratinjau ini hanya melayani http://127.0.0.1:${port}/ (Host permintaan ini menyebut situs lain).\n`);
        expect(r.body).not.toContain('Banggai');
      }
    }
    // HTTP/1.1 without any Host: refused by Node itself.
    expect((await get('/buku-1.html', undefined)).status).toBe(400);
  });

  it('sends nosniff and a Content-Security-Policy without inline scripts on everything it serves', async () => {
    const book = await (await fetch(new URL('buku-1.html', server.url))).text();
    const image = /<img[^>]*src="([^"]+)"/.exec(book)![1];
    // The search box and filters: the site's script and index, served as files like the build writes them.
    for (const path of ['/assets/site.js', '/assets/search-index.js']) {
      const r = await fetch(new URL(path, server.url));
      expect(r.status, path).toBe(200);
      expect(r.headers.get('content-type'), path).toBe('text/javascript; charset=utf-8');
      expect(await r.text(), path).toMatch(path.includes('index') ? /^\/\/ Generated by masterplan build[^\n]*\nwindow\.masterplanSearch = \{/ : /masterplan: search box/);
    }
    const index = await (await fetch(new URL('/', server.url))).text();
    expect(index).toContain('<script src="assets/search-index.js"></script><script src="assets/site.js"></script>');
    for (const path of ['/', '/buku-1.html', image, '/__masterplan/reload.js', '/assets/site.js', '/nope.txt']) {
      const r = await fetch(new URL(path, server.url));
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      await r.arrayBuffer();
    }
    // Every script of a served page is a file of this server (script-src 'self' allows no other).
    for (const tag of book.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/^<script src="(\/__masterplan\/reload|assets\/site|assets\/search-index)\.js"/);
  });

  it('sees every save: after a save by rename, in-place saves too; recovers after an invalid one', async () => {
    const file = join(dir, INNOVATIONS);
    const good = readFileSync(file, 'utf8');
    const titled = (t: string) => good.replace(/^    title: Galeri UKM .*$/m, `    title: ${t}`);
    const shows = async (text: string) => (await (await fetch(new URL('buku-3.html', server.url))).text()).includes(text);
    // Atomic save (sed -i, editors): a new file renamed over the old one.
    const renamed = await nextBuild(() => {
      writeFileSync(`${file}.tmp`, titled('Galeri UKM Satu'));
      renameSync(`${file}.tmp`, file);
    });
    expect(renamed.errors).toBe(0);
    expect(await shows('Galeri UKM Satu'), 'Galeri UKM Satu').toBe(true);
    // Then in-place saves (VS Code's default) to the same path.
    const broken = await nextBuild(() => writeFileSync(file, titled('[Galeri')));
    expect(broken.errors).toBeGreaterThan(0);
    expect(await shows(INNOVATIONS), INNOVATIONS).toBe(true);
    const fixed = await nextBuild(() => writeFileSync(file, titled('Galeri UKM Dua')));
    expect(fixed.errors).toBe(0);
    expect(fixed.pages).toEqual(['*']);
    expect(await shows('Galeri UKM Dua'), 'Galeri UKM Dua').toBe(true);
    const again = await nextBuild(() => writeFileSync(file, titled('Galeri UKM Tiga')));
    expect(again.pages).toContain('buku-3.html');
    expect(await shows('Galeri UKM Tiga'), 'Galeri UKM Tiga').toBe(true);
    // A folder renamed away and back (git checkout does such things) is still watched.
    const folder = join(dir, 'pokja', 'smart-economy');
    await nextBuild(() => renameSync(folder, `${folder}-x`));
    await nextBuild(() => renameSync(`${folder}-x`, folder));
    const after = await nextBuild(() => writeFileSync(file, titled('Galeri UKM Empat')));
    expect(after.errors).toBe(0);
    expect(await shows('Galeri UKM Empat'), 'Galeri UKM Empat').toBe(true);
    await nextBuild(() => writeFileSync(file, good));
  });

  it('the error page does not run what the address says', async () => {
    const file = join(dir, ANALYSIS);
    const good = readFileSync(file, 'utf8');
    await nextBuild(() => writeFileSync(file, good.replace(/^stage: 1$/m, 'stage: 9')));
    const r = await fetch(new URL('/x%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E.html', server.url));
    const html = await r.text();
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('data-page="x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;.html"');
    await nextBuild(() => writeFileSync(file, good));
  });

  it('keeps the parsed Markdown of what the books show now, not of every earlier save', async () => {
    const file = join(dir, ANALYSIS);
    const good = readFileSync(file, 'utf8');
    const counts: number[] = [];
    for (let i = 0; i < 20; i++) {
      writeFileSync(file, `${good}\n## Catatan ${i}\n\nTeks *baru* nomor ${i}, dengan [tautan](#PP-01).\n`);
      const r = await server.rebuild([ANALYSIS]);
      expect(r.errors).toBe(0);
      counts.push(cachedMarkdownCount() + cachedSanitizedCount());
    }
    const { model } = checkProject(dir);
    const texts = markdownOf(buildBooks(model, { date: new Date(Date.UTC(2023, 3, 28)) }).flatMap((d) => d.sections)).size;
    expect(cachedMarkdownCount()).toBeLessThanOrEqual(texts);
    expect(cachedSanitizedCount()).toBeLessThanOrEqual(texts);
    expect(counts[counts.length - 1]).toBe(counts[0]);
    writeFileSync(file, good);
    await server.rebuild([ANALYSIS]);
  });
});

describe('file stamps (the fallback for missed watcher events)', () => {
  it('a save no watcher reports (templates in a dot folder) is seen by the poll', async () => {
    const root = mkdtempSync(join(tmpdir(), 'masterplan-serve-poll-'));
    copyExample(root);
    // Dot folders are not watched (editor swap files, .git); a template there is still read.
    cpSync(join(__dirname, '..', '..', 'templates'), join(root, '.tpl'), { recursive: true });
    writeFileSync(join(root, 'masterplan.yaml'), `${readFileSync(join(root, 'masterplan.yaml'), 'utf8')}templates: .tpl\n`);
    const seen: BuildResult[] = [];
    const s = await startLiveServer({ root, port: 0, date: new Date(Date.UTC(2023, 3, 28)), onBuild: (r) => seen.push(r), debounce: 10, poll: 50 });
    try {
      expect(seen[0].errors).toBe(0);
      const css = join(root, '.tpl', 'book.css');
      writeFileSync(css, `${readFileSync(css, 'utf8')}\n.penanda-poll { color: red; }\n`);
      await expect.poll(() => seen.length, { timeout: 5000 }).toBeGreaterThan(1);
      expect(await (await fetch(new URL('buku-1.html', s.url))).text()).toContain('.penanda-poll');
    } finally {
      await s.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('notice in-place saves, saves by rename and deletions, each once', () => {
    const d = mkdtempSync(join(tmpdir(), 'masterplan-stamps-'));
    const f = join(d, 'a.md');
    writeFileSync(f, 'one');
    const stamps = new FileStamps();
    stamps.track(new Map([[f, 'a.md']]), new Map());
    expect(stamps.changed()).toEqual([]);
    writeFileSync(`${f}.tmp`, 'two');
    renameSync(`${f}.tmp`, f);
    expect(stamps.changed()).toEqual(['a.md']);
    expect(stamps.changed()).toEqual([]);
    writeFileSync(f, 'six');
    expect(stamps.changed()).toEqual(['a.md']);
    rmSync(f);
    expect(stamps.changed()).toEqual(['a.md']);
    rmSync(d, { recursive: true, force: true });
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
