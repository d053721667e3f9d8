// `masterplan serve`: builds the HTML books in memory, serves them on loopback only, watches the
// masterplan folder and re-renders only the books a change touches, then tells open pages to
// reload. Validation errors are shown in the page; the server keeps running.

import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join } from 'node:path';
import { markdownOf } from '../book/markdown-of.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Locale } from '../i18n/index.js';
import type { Lang } from '../model/types.js';
import { checkProject } from '../pipeline.js';
import { retainMarkdown } from '../markdown/parse.js';
import { publishBooks, type Published } from '../publish/publish-books.js';
import { loadTemplate, retainSanitized } from '../render/html/index.js';
import { errorPage } from './error-page.js';
import { FileStamps } from './file-stamps.js';
import { isLoopbackHost } from './host-check.js';
import { EVENTS_PATH, RELOAD_PATH, RELOAD_SCRIPT, withReload } from './reload-script.js';
import { watchTree } from './watch-tree.js';

export interface ServeOptions {
  root: string;
  port: number;
  lang?: Lang;
  templates?: string;
  date: Date;
  /** Told after each build: which pages changed, how long it took, the diagnostics. */
  onBuild?: (result: BuildResult) => void;
  /** Milliseconds to wait for more file events before rebuilding (editors save in bursts). */
  debounce?: number;
  /** Milliseconds between checks of the files' stamps, in case a watcher missed a save (0: never). */
  poll?: number;
}

export interface BuildResult {
  pages: string[];
  ms: number;
  errors: number;
  diagnostics: Diagnostic[];
}

export interface LiveServer {
  url: string;
  /** Rebuilds now (as a file change would) and resolves when done. */
  rebuild(changed?: string[]): Promise<BuildResult>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.js': 'text/javascript; charset=utf-8',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

/**
 * What the books need and nothing more: their own inline <style> and the column widths in
 * `style` attributes, images and the theme's fonts from assets/, the reload script (a file, never inline) and its
 * event stream. No inline script, no other site, no framing, no forms, no <base>.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self'",
  "font-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Above this much Markdown the preview keeps no parsed trees between rebuilds (memory). */
const RETAIN_LIMIT = 4 * 1024 * 1024;

export async function startLiveServer(opts: ServeOptions): Promise<LiveServer> {
  const pages = new Map<string, string>();
  const assets = new Map<string, string>();
  /** Generated scripts (assets/site.js, assets/search-index.js) → their text. */
  const scripts = new Map<string, string>();
  /** The theme's font files (assets/fonts/…) → their bytes. */
  let fonts = new Map<string, Uint8Array>();
  const clients = new Set<ServerResponse>();
  /** The last good build's files and what the next one compares with. */
  let published: Published | undefined;
  let failing: { html: string; generation: number } | undefined;
  /** Counts builds; a page's version is the build that last changed it (or the failing build). */
  let generation = 0;
  const changedIn = new Map<string, number>();
  const versionOf = (page: string) => (failing ? `e${failing.generation}` : String(changedIn.get(page) ?? 0));
  let loc: Locale;
  const stamps = new FileStamps();
  /** Absolute path → rebuild key of what the last good build read besides the checked files. */
  let extra = new Map<string, string>();

  /** Files (and their folders) the build read, with the key a change to each is told as. */
  const track = (files: readonly string[], before: Map<string, string>) => {
    const paths = new Map<string, string>(extra);
    for (const rel of files) {
      const abs = join(opts.root, ...rel.split('/'));
      paths.set(abs, rel);
      // A folder's stamp changes when a worksheet is added, removed or renamed in it.
      for (let dir = dirname(rel); dir !== '.'; dir = dirname(dir)) paths.set(join(opts.root, ...dir.split('/')), dir);
    }
    paths.set(opts.root, '.');
    stamps.track(paths, before);
  };

  const build = async (changed?: string[]): Promise<BuildResult> => {
    const t0 = performance.now();
    generation++;
    const before = stamps.now();
    const checked = checkProject(opts.root, { lang: opts.lang });
    loc = checked.locale;
    const errors = checked.diagnostics.filter((d) => d.severity === 'error').length;
    if (errors > 0) {
      failing = { html: errorPage(checked.diagnostics, loc), generation };
      track(checked.files, before);
      return { pages: ['*'], ms: performance.now() - t0, errors, diagnostics: checked.diagnostics };
    }
    const wasFailing = failing !== undefined;
    failing = undefined;
    const template = loadTemplate([opts.templates, checked.model.templates]);
    extra = new Map([
      [template.from.html, '*templates*'],
      [template.from.css, '*templates*'],
    ]);
    // The same back half as `build`: only the books whose layout changed are drawn again.
    const result = await publishBooks(checked.model, { date: opts.date, html: true, template, keepMarkdown: true, remember: true, redrawAll: changed?.includes('*images*') }, published);
    published = result;
    const changedPages: string[] = [];
    for (const [file, content] of result.files.write) {
      if (file.endsWith('.html') && typeof content === 'string') pages.set(file, content);
      else if (file.endsWith('.js') && typeof content === 'string') scripts.set(file, content);
    }
    fonts = new Map([...result.files.write].filter((e): e is [string, Uint8Array] => e[0].startsWith('assets/fonts/') && e[1] instanceof Uint8Array));
    for (const file of result.changed) {
      if (file.endsWith('.html')) {
        changedPages.push(file);
        changedIn.set(file, generation);
      }
    }
    // The search index and the site's script are read by the index page.
    if (result.changed.some((f) => f.endsWith('.js')) && !changedPages.includes('index.html')) {
      changedPages.push('index.html');
      changedIn.set('index.html', generation);
    }
    // Images no book shows any more are no longer served.
    assets.clear();
    for (const [to, from] of result.files.copy) assets.set(to, from);
    for (const from of assets.values()) extra.set(from, '*images*');
    track(checked.files, before);
    // Parsed Markdown is kept for the texts the books show now (the next rebuild re-renders
    // most of them unchanged); trees of texts edited away are dropped, so memory stays that of
    // one build however long the session.
    const texts = markdownOf(result.docs.flatMap((d) => d.sections));
    let size = 0;
    for (const text of texts) size += text.length;
    const keep = size <= RETAIN_LIMIT ? texts : new Set<string>();
    retainMarkdown(keep);
    retainSanitized(keep);
    return { pages: wasFailing ? ['*'] : changedPages, ms: performance.now() - t0, errors: 0, diagnostics: checked.diagnostics };
  };

  const notify = (result: BuildResult) => {
    opts.onBuild?.(result);
    if (result.pages.length === 0) return;
    const data = rebuiltEvent(result.pages);
    for (const c of clients) c.write(data);
  };

  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    // DNS rebinding: a page of another site whose name now resolves to 127.0.0.1 still sends
    // its own name as Host. Only this machine's loopback names at this port are answered.
    if (!isLoopbackHost(req.headers.host, port)) return send(res, 421, 'text/plain; charset=utf-8', `${loc.messages.previewWrongHost(baseUrl)}\n`);
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    if (url.pathname === RELOAD_PATH) return send(res, 200, TYPES['.js'], RELOAD_SCRIPT);
    // Browsers ask for it on every page; the books have none (a 404 would log a console error).
    if (url.pathname === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
    if (url.pathname === EVENTS_PATH) {
      res.writeHead(200, { 'content-type': 'text/event-stream', ...SECURITY_HEADERS, connection: 'keep-alive' });
      res.write(': connected\n\n');
      // A rebuild since the page was served, before this stream connected, was told to no one.
      const page = url.searchParams.get('page');
      const version = url.searchParams.get('version');
      if (page !== null && version !== null && version !== versionOf(page)) res.write(rebuiltEvent([page]));
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'bad request\n');
    }
    if (path.endsWith('.html') || path === 'index.html') {
      if (failing) return send(res, 200, TYPES['.html'], withReload(failing.html, path, versionOf(path)));
      const html = pages.get(path);
      if (html !== undefined) return send(res, 200, TYPES['.html'], withReload(html, path, versionOf(path)));
    }
    const script = scripts.get(path);
    if (script !== undefined) return send(res, 200, TYPES['.js'], script);
    const font = fonts.get(path);
    if (font !== undefined) return send(res, 200, TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream', Buffer.from(font));
    // Only images a book refers to are served: the map holds nothing else of the repository.
    const asset = assets.get(path);
    if (asset !== undefined) {
      try {
        return send(res, 200, TYPES[extname(asset).toLowerCase()] ?? 'application/octet-stream', await readFile(asset));
      } catch {
        /* fall through to 404 */
      }
    }
    send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
  };

  notify(await build());

  let port = 0;
  const server: Server = createServer((req, res) => {
    serve(req, res).catch(() => send(res, 500, 'text/plain; charset=utf-8', 'internal error\n'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the preview is for the person at this machine, not the network.
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}/`;

  // Rebuild on changes, a burst of events at a time.
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<BuildResult> | undefined;
  const schedule = (file: string) => {
    pending.add(file);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), opts.debounce ?? 60);
  };
  const flush = async (): Promise<BuildResult> => {
    // Builds run one at a time: whoever is woken first starts the next, the others wait again.
    while (running) await running;
    const changed = [...pending];
    pending = new Set();
    running = build(changed).catch((e: unknown): BuildResult => {
      const message = e instanceof Error ? e.message : String(e);
      failing = { html: errorPage([{ file: '.', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', rule: 'syntax', message }], loc), generation };
      return { pages: ['*'], ms: 0, errors: 1, diagnostics: [] };
    });
    const result = await running;
    running = undefined;
    notify(result);
    return result;
  };
  // Output folders and dotfiles (editor swap files, .git) are not sources.
  const notSource = (rel: string) => rel.split('/').some((part) => part.startsWith('.') || part === 'dist' || part === 'node_modules');
  const watcher = watchTree(opts.root, schedule, notSource);
  // A folder watcher reports its files by name, so saves by rename are seen here too.
  const templateWatcher: FSWatcher | undefined = opts.templates ? watch(opts.templates, () => schedule('*templates*')) : undefined;
  const poller =
    (opts.poll ?? 1000) > 0
      ? setInterval(() => {
          for (const key of stamps.changed()) schedule(key);
        }, opts.poll ?? 1000)
      : undefined;
  poller?.unref();

  return {
    url: baseUrl,
    rebuild: (changed = ['*']) => {
      changed.forEach((c) => pending.add(c));
      return flush();
    },
    close: async () => {
      if (timer) clearTimeout(timer);
      if (poller) clearInterval(poller);
      watcher.close();
      templateWatcher?.close();
      for (const c of clients) c.end();
      clients.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'cross-origin-resource-policy': 'same-origin',
};

function rebuiltEvent(pages: readonly string[]): string {
  return `event: rebuilt\ndata: ${JSON.stringify(pages)}\n\n`;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, ...SECURITY_HEADERS });
  res.end(body);
}
