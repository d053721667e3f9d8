// `masterplan validate [DIR] [FILES...]`: run the checks, print diagnostics, exit 0/1.

import { relative, resolve, sep } from 'node:path';
import { summarize, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Lang } from '../model/types.js';
import { checkProject, type CheckedProject } from '../pipeline.js';
import { REPORTERS, type ReportFormat } from '../report/formats.js';
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
  return REPORTERS[opts.format](shown, summary, {
    locale: checked.locale,
    color: opts.format === 'text' && useColor(io),
    quiet: opts.quiet,
    displayPath: (file) => relative(io.cwd, resolve(root, file)).split(sep).join('/'),
  });
}

export function exitCode(diagnostics: readonly Diagnostic[], strict: boolean): number {
  const errors = diagnostics.some((d) => d.severity === 'error');
  const warnings = diagnostics.some((d) => d.severity === 'warning');
  return errors || (strict && warnings) ? 1 : 0;
}
