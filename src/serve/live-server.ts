// `masterplan serve`: builds the HTML books in memory, serves them on loopback only, watches the
// masterplan folder and re-renders only the books a change touches, then tells open pages to
// reload. Validation errors are shown in the page; the server keeps running.

import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, sep } from 'node:path';
import { buildBooks } from '../book/build-book.js';
import type { BookDoc } from '../book/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Locale } from '../i18n/index.js';
import type { Lang, Masterplan } from '../model/types.js';
import { checkProject } from '../pipeline.js';
import { loadTemplate, renderBook, renderIndex } from '../render/html/index.js';
import { affectedBooks, ALL_BOOKS } from './affected-books.js';
import { errorPage } from './error-page.js';
import { EVENTS_PATH, withReload } from './reload-script.js';

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
};

export async function startLiveServer(opts: ServeOptions): Promise<LiveServer> {
  const pages = new Map<string, string>();
  const assets = new Map<string, string>();
  const clients = new Set<ServerResponse>();
  let model: Masterplan | undefined;
  let docs: BookDoc[] = [];
  let failing: { html: string } | undefined;
  let loc: Locale;

  const build = (changed?: string[]): BuildResult => {
    const t0 = performance.now();
    const checked = checkProject(opts.root, { lang: opts.lang });
    loc = checked.locale;
    const errors = checked.diagnostics.filter((d) => d.severity === 'error').length;
    if (errors > 0) {
      failing = { html: errorPage(checked.diagnostics, loc) };
      return { pages: ['*'], ms: performance.now() - t0, errors, diagnostics: checked.diagnostics };
    }
    const wasFailing = failing !== undefined;
    failing = undefined;
    const template = loadTemplate([opts.templates, checked.model.templates]);
    const touched = changed && model && !wasFailing ? affectedBooks(changed, model, checked.model) : new Set<string>(ALL_BOOKS);
    docs = buildBooks(checked.model, { date: opts.date });
    model = checked.model;
    const changedPages: string[] = [];
    for (const doc of docs) {
      if (!touched.has(doc.file)) continue;
      const book = renderBook(doc, { template, books: docs });
      if (pages.get(book.file) !== book.html) changedPages.push(book.file);
      pages.set(book.file, book.html);
      for (const [to, from] of book.assets) assets.set(to, from);
    }
    const index = renderIndex(docs, { template, books: docs, pdf: false });
    if (pages.get('index.html') !== index) changedPages.push('index.html');
    pages.set('index.html', index);
    return { pages: wasFailing ? ['*'] : changedPages, ms: performance.now() - t0, errors: 0, diagnostics: checked.diagnostics };
  };

  const notify = (result: BuildResult) => {
    opts.onBuild?.(result);
    if (result.pages.length === 0) return;
    const data = `event: rebuilt\ndata: ${JSON.stringify(result.pages)}\n\n`;
    for (const c of clients) c.write(data);
  };

  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    if (url.pathname === EVENTS_PATH) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
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
      if (failing) return send(res, 200, TYPES['.html'], withReload(failing.html, path));
      const html = pages.get(path);
      if (html !== undefined) return send(res, 200, TYPES['.html'], withReload(html, path));
    }
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

  notify(build());

  const server: Server = createServer((req, res) => {
    serve(req, res).catch(() => send(res, 500, 'text/plain; charset=utf-8', 'internal error\n'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the preview is for the person at this machine, not the network.
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

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
    if (running) await running;
    const changed = [...pending];
    pending = new Set();
    running = Promise.resolve().then(() => {
      try {
        return build(changed);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        failing = { html: errorPage([{ file: '.', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', rule: 'syntax', message }], loc) };
        return { pages: ['*'], ms: 0, errors: 1, diagnostics: [] };
      }
    });
    const result = await running;
    running = undefined;
    notify(result);
    return result;
  };
  const watcher: FSWatcher = watch(opts.root, { recursive: true }, (_event, name) => {
    if (!name) return;
    const rel = name.toString().split(sep).join('/');
    // Output folders and dotfiles (editor swap files, .git) are not sources.
    if (rel.split('/').some((part) => part.startsWith('.') || part === 'dist' || part === 'node_modules')) return;
    schedule(rel);
  });
  const templateWatcher = opts.templates ? watch(opts.templates, () => schedule('*templates*')) : undefined;

  return {
    url: `http://127.0.0.1:${port}/`,
    rebuild: (changed = ['*']) => {
      changed.forEach((c) => pending.add(c));
      return flush();
    },
    close: async () => {
      if (timer) clearTimeout(timer);
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

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}
