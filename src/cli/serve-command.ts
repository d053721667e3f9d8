// `masterplan serve [DIR] [--port N]`: live preview of the HTML books on 127.0.0.1.

import type { Lang } from '../model/types.js';
import { startLiveServer, type BuildResult } from '../serve/live-server.js';
import { bookDate, templatesOption } from './book-options.js';
import { pickLocale, resolveTarget, UsageError, type Io } from './context.js';

export interface ServeCommandOptions {
  port: string;
  templates?: string;
  lang?: Lang;
  /** Resolves when the server should stop (the process entry passes SIGINT/SIGTERM). */
  until?: Promise<void>;
}

export async function runServe(io: Io, dir: string | undefined, opts: ServeCommandOptions): Promise<number> {
  const target = resolveTarget(dir === undefined ? [] : [dir], opts.lang, io.cwd);
  const { locale } = pickLocale(target.root, opts.lang);
  const t = locale.messages;
  const port = Number(opts.port);
  if (!/^\d+$/.test(opts.port) || port > 65535) throw new UsageError(t.badPort(opts.port));
  const templates = templatesOption(io, opts.templates, t);
  const date = bookDate(io, t);
  const report = (r: BuildResult) => {
    const ms = Math.round(r.ms);
    if (r.errors > 0) io.err(`masterplan: ${t.rebuiltErrors(r.errors)}\n`);
    else if (r.pages.length === 0) io.err(`masterplan: ${t.rebuiltNothing(ms)}\n`);
    else io.err(`masterplan: ${t.rebuiltPages(r.pages.join(', '), ms)}\n`);
  };
  let server;
  try {
    server = await startLiveServer({ root: target.root, port, lang: opts.lang, templates, date, onBuild: report });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(t.portInUse(port));
    throw e;
  }
  io.out(`${t.serving(server.url)}\n`);
  await (opts.until ?? new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }));
  await server.close();
  return 0;
}
