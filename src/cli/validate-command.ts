// `masterplan validate [DIR] [FILES...]`: run the checks, print diagnostics, exit 0/1.

import { appendFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { summarize, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Lang } from '../model/types.js';
import { checkProject, type CheckedProject } from '../pipeline.js';
import { REPORTERS, type ReportFormat, type ReportOptions } from '../report/formats.js';
import { GITHUB_ANNOTATION_CAP, overCap, stepSummary } from '../report/github.js';
import { resolveTarget, useColor, type Io } from './context.js';

export interface ValidateOptions {
  format: ReportFormat;
  strict: boolean;
  quiet: boolean;
  lang?: Lang;
}

export function runValidate(io: Io, paths: string[], opts: ValidateOptions): number {
  const target = resolveTarget(paths, opts.lang, io.cwd);
  const checked = checkProject(target.root, { lang: opts.lang });
  const relevant = target.only ? checked.diagnostics.filter((d) => target.only!.has(d.file)) : checked.diagnostics;
  const fileCount = target.only ? checked.files.filter((f) => target.only!.has(f)).length : checked.files.length;
  const shown = opts.quiet ? relevant.filter((d) => d.severity === 'error') : relevant;
  io.out(report(io, checked, shown, fileCount, opts, target.root));
  return exitCode(relevant, opts.strict);
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
