// `masterplan validate [DIR] [FILES...]`: run the checks, print diagnostics, exit 0/1.

import { appendFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { summarize, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Lang } from '../model/types.js';
import { checkProject, type CheckedProject } from '../pipeline.js';
import { REPORTERS, type ReportFormat, type ReportOptions } from '../report/formats.js';
import { GITHUB_ANNOTATION_CAP, overCap, stepSummary } from '../report/github.js';
import { resolveFiles, useColor, type Io } from './context.js';
import { locale } from '../i18n/index.js';
import { CONFIG_FILE } from '../load/load-project.js';

export interface ValidateOptions {
  format: ReportFormat;
  strict: boolean;
  quiet: boolean;
  lang?: Lang;
}

export function runValidate(io: Io, paths: string[], opts: ValidateOptions): number {
  const target = resolveFiles(paths, opts.lang, io.cwd);
  const notes: string[] = [];
  if (target.root === undefined) {
    // FILES mode, and none of them is in a masterplan: nothing to check (a hook run on a commit
    // that touches only other .yaml/.md files).
    const loc = locale(opts.lang ?? 'id');
    if (!opts.quiet) for (const f of target.outside ?? []) io.err(`masterplan: ${loc.messages.fileNotInMasterplan(f)}\n`);
    io.out(REPORTERS[opts.format]([], summarize([], 0), { locale: loc, color: opts.format === 'text' && useColor(io), quiet: opts.quiet, displayPath: (f) => f }));
    return 0;
  }
  const root = target.root;
  const checked = checkProject(root, { lang: opts.lang });
  const t = checked.locale.messages;
  let relevant = checked.diagnostics;
  let fileCount = checked.files.length;
  if (target.only) {
    for (const f of target.outside ?? []) notes.push(t.fileOutside(f, root));
    const part = new Set(checked.files.filter((f) => target.only!.has(f)));
    for (const [rel, given] of target.named ?? []) if (!part.has(rel)) notes.push(t.fileNotPart(given));
    relevant = checked.diagnostics.filter((d) => concerns(d, part, checked));
    fileCount = part.size;
  }
  // Named files that are not masterplan files are skipped silently (a hook passes every changed
  // .yaml/.md file); only when none is left is it said why nothing was checked.
  if (!opts.quiet && fileCount === 0) for (const n of notes) io.err(`masterplan: ${n}\n`);
  const shown = opts.quiet ? relevant.filter((d) => d.severity === 'error') : relevant;
  io.out(report(io, checked, shown, fileCount, opts, root));
  return exitCode(relevant, opts.strict);
}

/**
 * FILES mode: the problems of the named files, and the problems elsewhere that they can cause —
 * a reference to an id a named file defines or may have removed, a duplicate of an id one of
 * them defines, coverage (the checks say which files can cause each: `origins`). Without a
 * catalog no reference is judged, so masterplan.yaml's problem with it is always shown (a catalog
 * renamed without updating `rpjmd:` is named under its new path, which is not part of the masterplan).
 */
function concerns(d: Diagnostic, named: ReadonlySet<string>, checked: CheckedProject): boolean {
  if (named.has(d.file)) return true;
  if (checked.catalog === undefined && d.file === CONFIG_FILE) return true;
  return d.origins?.some((o) => named.has(o)) ?? false;
}

export function report(io: Io, checked: CheckedProject, shown: Diagnostic[], files: number, opts: ValidateOptions, root: string): string {
  const summary = summarize(shown, files);
  const base = resolve(io.cwd, reportBase(opts.format, io));
  const ro: ReportOptions = {
    locale: checked.locale,
    color: opts.format === 'text' && useColor(io),
    quiet: opts.quiet,
    displayPath: (file) => relative(base, resolve(root, file)).split(sep).join('/'),
  };
  let text = REPORTERS[opts.format](shown, summary, ro);
  if (opts.format === 'github' && overCap(shown)) {
    // GitHub drops annotations past its cap without a word: say so, and put the whole list
    // in the job summary.
    const t = checked.locale.messages;
    const file = io.env.GITHUB_STEP_SUMMARY;
    let written = false;
    if (file) {
      try {
        appendFileSync(file, stepSummary(shown, ro));
        written = true;
      } catch (e) {
        io.err(`masterplan: ${t.stepSummaryFailed(file, e instanceof Error ? e.message : String(e))}\n`);
      }
    }
    text += `${t.annotationCap(summary.errors, summary.warnings, GITHUB_ANNOTATION_CAP.error, GITHUB_ANNOTATION_CAP.warning, written)}\n`;
  }
  return text;
}

/** Where CI report paths are relative to: the checked-out repository, else the working directory. */
function reportBase(format: ReportFormat, io: Io): string {
  if (format === 'github' || format === 'sarif') return io.env.GITHUB_WORKSPACE || io.cwd;
  if (format === 'gitlab') return io.env.CI_PROJECT_DIR || io.cwd;
  return io.cwd;
}

export function exitCode(diagnostics: readonly Diagnostic[], strict: boolean): number {
  const errors = diagnostics.some((d) => d.severity === 'error');
  const warnings = diagnostics.some((d) => d.severity === 'warning');
  return errors || (strict && warnings) ? 1 : 0;
}
