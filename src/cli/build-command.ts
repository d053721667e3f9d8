// `masterplan build [DIR]`: validate, then render the four stage books and the combined
// masterplan (HTML and/or PDF) into OUT, replacing it only when every file is ready.
//
// Streams: diagnostics go to stdout in the chosen report format (as `validate` prints them, so
// `--report-format json` gives clean JSON on stdout); progress and notes go to stderr.

import { relative, resolve, sep } from 'node:path';
import type { Root } from 'mdast';
import { ParseCache } from '../load/parse-cache.js';
import { useTreeStore } from '../markdown/parse.js';
import { checkOutDir, type OutProblem } from '../publish/out-dir.js';
import { loadPdfRenderer, PDF_THREADS_INPUT_LIMIT, type LoadedPdfRenderer } from '../publish/pdf-renderer.js';
import { publishBooks } from '../publish/publish-books.js';
import { OutputBusyError } from '../publish/out-lock.js';
import { OutputRefusedError, writeOutput } from '../publish/write-output.js';
import type { Locale } from '../i18n/index.js';
import type { Lang } from '../model/types.js';
import { checkProject } from '../pipeline.js';
import { loadTemplate, TemplateError } from '../render/html/index.js';
import { PLACEHOLDERS } from '../render/html/template.js';
import type { ReportFormat } from '../report/formats.js';
import { printable } from '../report/printable.js';
import { bookDate, templatesOption } from './book-options.js';
import { progress } from './progress.js';
import { pickLocale, resolveTarget, UsageError, type Io } from './context.js';
import { report } from './validate-command.js';

export type BuildFormat = 'html' | 'pdf' | 'all';

export interface BuildOptions {
  out?: string;
  format: BuildFormat;
  templates?: string;
  reportFormat: ReportFormat;
  quiet: boolean;
  lang?: Lang;
}

export async function runBuild(io: Io, dir: string | undefined, opts: BuildOptions): Promise<number> {
  const target = resolveTarget(dir === undefined ? [] : [dir], opts.lang, io.cwd);
  if (target.only) throw new UsageError(pickLocale(target.root, opts.lang).locale.messages.notADirectory(dir ?? ''));
  const root = target.root;
  const { lang, locale: early } = pickLocale(root, opts.lang);
  const t0 = early.messages;
  const show = (p: string) => relative(io.cwd, p).split(sep).join('/') || '.';

  // Arguments first: nothing is worth checking when the output could not be written anyway.
  const out = resolve(io.cwd, opts.out ?? resolve(root, 'dist'));
  const problem = checkOutDir(out, root);
  if (problem) throw new UsageError(outMessage(problem, show(out), t0));
  const templates = templatesOption(io, opts.templates, t0);
  const date = bookDate(io, t0);

  // The PDF renderer's threads start now and load while the project is checked.
  const pdfLoading = opts.format !== 'html' ? loadPdfRenderer() : undefined;
  try {
    return await checkAndBuild(io, { root, lang, out, show, templates, date, opts, pdfLoading });
  } finally {
    const loaded = await pdfLoading;
    if (loaded && 'close' in loaded) {
      await loaded.close();
      loaded.finish();
    }
  }
}

async function checkAndBuild(
  io: Io,
  a: {
    root: string;
    lang: Lang | undefined;
    out: string;
    show: (p: string) => string;
    templates: string | undefined;
    date: Date;
    opts: BuildOptions;
    pdfLoading: ReturnType<typeof loadPdfRenderer> | undefined;
  },
): Promise<number> {
  const { root, lang, out, show, templates, date, opts } = a;
  const checked = checkProject(root, { lang });
  const t = checked.locale.messages;
  const errors = checked.diagnostics.some((d) => d.severity === 'error');
  const shown = opts.quiet ? checked.diagnostics.filter((d) => d.severity === 'error') : checked.diagnostics;
  // Text and GitHub reports only when there is something to say; JSON always (a tool reads it).
  if (shown.length > 0 || opts.reportFormat === 'json' || opts.reportFormat === 'sarif' || opts.reportFormat === 'gitlab') {
    io.out(report(io, checked, shown, checked.files.length, { format: opts.reportFormat, strict: false, quiet: opts.quiet, lang: opts.lang }, root));
  }
  if (errors) {
    io.err(`masterplan: ${t.notWritten}\n`);
    return 1;
  }

  let pdf: LoadedPdfRenderer | undefined;
  if (a.pdfLoading) {
    const loaded = await a.pdfLoading;
    if ('render' in loaded) pdf = loaded;
    else if (opts.format === 'pdf') throw new UsageError(t.pdfUnavailable(loaded.unavailable));
    else if (!opts.quiet) io.err(`masterplan: ${t.pdfNotAvailable}\n`);
  }
  return buildInto(io, out, show, { checked, templates, date, pdf, opts });
}

async function buildInto(
  io: Io,
  out: string,
  show: (p: string) => string,
  b: { checked: ReturnType<typeof checkProject>; templates: string | undefined; date: Date; pdf: LoadedPdfRenderer | undefined; opts: BuildOptions },
): Promise<number> {
  const { checked, templates, date, pdf, opts } = b;
  const t = checked.locale.messages;
  const template = (() => {
    try {
      return loadTemplate([templates, checked.model.templates]);
    } catch (e) {
      if (e instanceof TemplateError) throw new UsageError(templateMessage(e, show, t));
      throw e;
    }
  })();

  // A large project is rendered in this thread alone: the worker's memory is given back first.
  const threads = inputChars(checked) <= PDF_THREADS_INPUT_LIMIT;
  if (!threads) await pdf?.close();
  const bar = progress(io, { quiet: opts.quiet });
  // The Markdown trees of the texts parsed in the last run (the bundled CLI's cache).
  const trees = ParseCache.open(checked.model.root, 'markdown');
  useTreeStore(trees?.byText<Root>());
  const { files } = await publishBooks(checked.model, {
    date,
    html: opts.format !== 'pdf',
    pdf: pdf?.render,
    template,
    // With the ids the PDFs may go to worker threads: not for a large project (memory over speed).
    ids: threads ? [...checked.model.index.ids.keys(), ...checked.model.pokja.map((p) => p.id)] : undefined,
    // PDF progress only on a terminal: in a CI log it is noise.
    onProgress: (msg) => bar.update(msg),
    onMissingGlyphs: (file, missing) => {
      for (const m of missing) io.err(`masterplan: ${printable(t.pdfMissingGlyph(file, m.codePoint, m.char, m.count, m.where))}\n`);
    },
  }).finally(() => {
    useTreeStore(undefined);
    trees?.save();
  });
  bar.done();
  try {
    writeOutput(out, files, {
      onWait: (pid) => {
        if (!opts.quiet) io.err(`masterplan: ${t.outWaiting(show(out), pid)}\n`);
      },
    });
  } catch (e) {
    // OUT changed while the books were rendered (checked again under the lock), or another build
    // kept it locked: the previous output is left as it was.
    if (e instanceof OutputRefusedError) throw new UsageError(outMessage(e.problem, show(out), t));
    if (e instanceof OutputBusyError) throw new UsageError(t.outBusy(show(out), e.pid, show(e.lock), e.seconds));
    throw new UsageError(t.outWriteFailed(show(out), e instanceof Error ? e.message : String(e)));
  }
  if (!opts.quiet) io.err(`masterplan: ${t.written(files.write.size + files.copy.size, show(out))}\n`);
  return 0;
}

/** Characters of every file read (worksheets, Markdown, the RPJMD catalog). */
function inputChars(checked: ReturnType<typeof checkProject>): number {
  let n = 0;
  for (const file of checked.sources.values()) n += file.source.text.length;
  return n;
}

function outMessage(p: OutProblem, out: string, t: Locale['messages']): string {
  switch (p.problem) {
    case 'is-root':
      return t.outIsRoot(out);
    case 'contains-root':
      return t.outContainsRoot(out);
    case 'inside-pokja':
      return t.outInPokja(out);
    case 'not-directory':
      return t.outNotDirectory(out);
    case 'foreign':
      return t.outForeign(out, p.name);
    case 'unmarked':
      return t.outUnmarked(out, p.name);
    case 'bad-marker':
      return t.outBadMarker(out);
    case 'foreign-link':
      return t.outForeignLink(out, p.target);
  }
}

function templateMessage(e: TemplateError, show: (p: string) => string, t: Locale['messages']): string {
  return e.placeholder === undefined
    ? t.templateFileMissing(e.file)
    : t.templateUnknownPlaceholder(show(e.file), e.placeholder, PLACEHOLDERS.join(', '));
}
