// Reporters: one function per output format, all behind the same signature.

import type { Diagnostic, Summary } from '../diagnostics/diagnostic.js';
import type { Locale } from '../i18n/index.js';
import { printable } from './printable.js';
import { formatGitlab } from './gitlab.js';
import { formatSarif } from './sarif.js';

export type ReportFormat = 'text' | 'json' | 'github' | 'sarif' | 'gitlab';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'github', 'sarif', 'gitlab'];

export interface ReportOptions {
  locale: Locale;
  color: boolean;
  quiet: boolean;
  /** Turns a masterplan-relative path into the path shown (github, sarif, gitlab: relative to the repository). */
  displayPath: (file: string) => string;
}

export type Reporter = (diagnostics: readonly Diagnostic[], summary: Summary, opts: ReportOptions) => string;

const paint = (on: boolean, code: string, s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

export const formatText: Reporter = (diagnostics, summary, opts) => {
  const t = opts.locale.messages;
  const lines: string[] = [];
  for (const d of diagnostics) {
    if (opts.quiet && d.severity !== 'error') continue;
    // File names and messages quote worksheet text: never raw control characters on a terminal.
    const place = paint(opts.color, '1', `${printable(d.file)}:${d.line}:${d.column}`);
    const sev = paint(opts.color, d.severity === 'error' ? '31' : '33', t.severity[d.severity] ?? d.severity);
    lines.push(`${place}: ${sev}: ${printable(d.message)} ${paint(opts.color, '2', `(${printable(d.rule)})`)}`);
  }
  if (!opts.quiet) {
    lines.push(
      summary.errors + summary.warnings === 0
        ? paint(opts.color, '32', t.clean(summary.files))
        : paint(opts.color, summary.errors ? '31' : '33', t.summary(summary.errors, summary.warnings, summary.files)),
    );
  }
  return lines.length ? lines.join('\n') + '\n' : '';
};

export const formatJson: Reporter = (diagnostics, summary, opts) => {
  const list = opts.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  const out = {
    diagnostics: list.map((d) => ({
      file: d.file,
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
      severity: d.severity,
      rule: d.rule,
      message: d.message,
    })),
    summary: { errors: summary.errors, warnings: summary.warnings, files: summary.files },
  };
  return JSON.stringify(out, null, 2) + '\n';
};

// GitHub workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
// Line breaks would end the command (and could start a forged one): besides GitHub's own
// escaping (% CR LF; in properties also : and ,), control characters are shown as escapes.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const formatGithub: Reporter = (diagnostics, summary, opts) => {
  const lines: string[] = [];
  for (const d of diagnostics) {
    if (opts.quiet && d.severity !== 'error') continue;
    const props = [
      `file=${escapeProperty(printable(opts.displayPath(d.file)))}`,
      `line=${d.line}`,
      `col=${d.column}`,
      `endLine=${d.endLine}`,
      `endColumn=${d.endColumn}`,
      `title=${escapeProperty(printable(`masterplan ${d.rule}`))}`,
    ].join(',');
    lines.push(`::${d.severity} ${props}::${escapeData(printable(d.message))}`);
  }
  if (!opts.quiet) lines.push(opts.locale.messages.summary(summary.errors, summary.warnings, summary.files));
  return lines.length ? lines.join('\n') + '\n' : '';
};

export const REPORTERS: Record<ReportFormat, Reporter> = {
  text: formatText,
  json: formatJson,
  github: formatGithub,
  sarif: formatSarif,
  gitlab: formatGitlab,
};
