// `masterplan status [DIR] [--format text|json|markdown]`: where every Pokja × stage stands.
// It reports, it does not judge: exit 0 even when the worksheets have errors (validate is the
// gate); 2 only when it cannot run.

import type { Lang } from '../model/types.js';
import { progress } from '../model/progress.js';
import { traceability } from '../model/traceability.js';
import { checkProject } from '../pipeline.js';
import { statusJson, statusMarkdown, statusText, type StatusFormat } from '../report/status-formats.js';
import { useColor, type Io } from './context.js';
import { resolveDir } from './resolve-dir.js';

export interface StatusCommandOptions {
  format: StatusFormat;
  lang?: Lang;
}

export function runStatus(io: Io, dir: string | undefined, opts: StatusCommandOptions): number {
  const root = resolveDir(dir, opts.lang, io.cwd);
  const checked = checkProject(root, { lang: opts.lang });
  const trace = traceability(checked.model);
  const pr = progress(checked.model, checked.diagnostics, checked.files, trace);
  const o = { locale: checked.locale, color: opts.format === 'text' && useColor(io) };
  io.out(opts.format === 'json' ? statusJson(pr) : opts.format === 'markdown' ? statusMarkdown(pr, o) : statusText(pr, o));
  return 0;
}
