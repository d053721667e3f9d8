// `masterplan trace [DIR] [--format text|csv|json] [--table matrix|gaps] [--delimiter ';'|',']`:
// the traceability matrix and its gaps. Reports, like status: exit 0 even with validation
// errors (a note on stderr says the figures may be incomplete); 2 when it cannot run.

import type { Lang } from '../model/types.js';
import { traceability } from '../model/traceability.js';
import { checkProject } from '../pipeline.js';
import type { CsvDelimiter } from '../report/csv.js';
import { traceCsv, traceJson, traceText, type TraceFormat, type TraceTable } from '../report/trace-formats.js';
import { UsageError, useColor, type Io } from './context.js';
import { resolveDir } from './resolve-dir.js';

export interface TraceCommandOptions {
  format: TraceFormat;
  table?: TraceTable;
  delimiter?: CsvDelimiter;
  lang?: Lang;
}

export function runTrace(io: Io, dir: string | undefined, opts: TraceCommandOptions): number {
  const root = resolveDir(dir, opts.lang, io.cwd);
  const checked = checkProject(root, { lang: opts.lang });
  const t = checked.locale.workflow;
  if (opts.format !== 'csv') {
    if (opts.table !== undefined) throw new UsageError(t.csvOnly('--table'));
    if (opts.delimiter !== undefined) throw new UsageError(t.csvOnly('--delimiter'));
  }
  const tr = traceability(checked.model);
  if (opts.format === 'json') io.out(traceJson(tr));
  else if (opts.format === 'csv') io.out(traceCsv(tr, opts.table ?? 'matrix', opts.delimiter ?? ';', checked.locale));
  else io.out(traceText(tr, { locale: checked.locale, color: useColor(io) }));
  const errors = checked.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors) io.err(`${t.hasErrors(errors)}\n`);
  return 0;
}
