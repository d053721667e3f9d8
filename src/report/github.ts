// `--format github` beyond the annotations themselves: GitHub shows at most 10 error and 10
// warning annotations per step (and 50 per job); past that cap the full list goes to the job
// summary, the Markdown file named by GITHUB_STEP_SUMMARY, as one escaped table.

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ReportOptions } from './formats.js';

/** Annotations GitHub shows per step and kind (docs: problem matchers / workflow commands limits). */
export const GITHUB_ANNOTATION_CAP = { error: 10, warning: 10 } as const;
/** GitHub refuses a step summary over 1 MiB; the table stops well before. */
export const STEP_SUMMARY_MAX_BYTES = 1_000_000;

export function overCap(diagnostics: readonly Diagnostic[]): boolean {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return errors > GITHUB_ANNOTATION_CAP.error || diagnostics.length - errors > GITHUB_ANNOTATION_CAP.warning;
}

/** One table cell: no line breaks, no control characters, nothing Markdown or HTML would read. */
export function markdownCell(s: string): string {
  return s
    .replace(/\r\n|\r|\n|\t/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`);
}

/** The job summary: a heading and every problem, one row each, in the report's order. */
export function stepSummary(diagnostics: readonly Diagnostic[], opts: ReportOptions): string {
  const t = opts.locale.messages;
  const c = t.stepSummaryColumns;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const head = [
    `### ${markdownCell(t.stepSummaryTitle(errors, diagnostics.length - errors))}`,
    '',
    `| ${c.file} | ${c.line} | ${c.column} | ${c.severity} | ${c.rule} | ${c.message} |`,
    '|---|--:|--:|---|---|---|',
  ];
  const lines = [...head];
  let bytes = Buffer.byteLength(head.join('\n'));
  for (let i = 0; i < diagnostics.length; i++) {
    const d = diagnostics[i];
    const row = `| ${markdownCell(opts.displayPath(d.file))} | ${d.line} | ${d.column} | ${markdownCell(t.severity[d.severity] ?? d.severity)} | ${markdownCell(d.rule)} | ${markdownCell(d.message)} |`;
    bytes += Buffer.byteLength(row) + 1;
    if (bytes > STEP_SUMMARY_MAX_BYTES) {
      lines.push('', `… +${diagnostics.length - i}`);
      break;
    }
    lines.push(row);
  }
  return lines.join('\n') + '\n\n';
}
