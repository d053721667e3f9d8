// Diagnostics are values, never exceptions: every stage appends them, the reporter prints them.

export type Severity = 'error' | 'warning';

export type RuleId =
  | 'syntax'
  | 'encoding'
  | 'schema'
  | 'unknown-reference'
  | 'duplicate-id'
  | 'year-out-of-range'
  | 'unsafe-path'
  | 'missing-worksheet'
  | 'uncovered-program'
  | 'unplanned-innovation'
  | 'horizon-mismatch'
  | 'budget-mismatch';

export const RULE_SEVERITY: Record<RuleId, Severity> = {
  syntax: 'error',
  encoding: 'error',
  schema: 'error',
  'unknown-reference': 'error',
  'duplicate-id': 'error',
  'year-out-of-range': 'error',
  'unsafe-path': 'error',
  'missing-worksheet': 'warning',
  'uncovered-program': 'warning',
  'unplanned-innovation': 'warning',
  'horizon-mismatch': 'warning',
  'budget-mismatch': 'warning',
};

export type { Range } from '../source/source-text.js';
import type { Range } from '../source/source-text.js';

export interface Diagnostic extends Range {
  /** Relative to the masterplan root, `/` separators. */
  file: string;
  severity: Severity;
  rule: RuleId;
  message: string;
  /** The value a did-you-mean hint suggests instead of the one written (editor quick fixes). */
  expected?: string;
  /** The other place involved, e.g. the first definition of a duplicate id. */
  related?: Range & { file: string };
  /**
   * Other files whose content can cause this problem (cross-file rules: a reference to an id
   * another file defines or removed, a duplicate of an id defined elsewhere, coverage). FILES mode
   * reports the problem when one of them is named. Not part of any output format.
   */
  origins?: readonly string[];
}

export interface Summary {
  errors: number;
  warnings: number;
  files: number;
}

/** Sorted by file, line, column (then rule and message so the order is total), duplicates dropped. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique: Diagnostic[] = [];
  for (const d of list) {
    const key = `${d.file}\0${d.line}\0${d.column}\0${d.rule}\0${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(d);
  }
  return unique.sort(
    (a, b) =>
      cmp(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      cmp(a.rule, b.rule) ||
      cmp(a.message, b.message),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function summarize(list: readonly Diagnostic[], files: number): Summary {
  let errors = 0;
  let warnings = 0;
  for (const d of list) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings, files };
}
