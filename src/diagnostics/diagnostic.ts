// Diagnostics are values, never exceptions: every stage appends them, the reporter prints them.
// The checks emit Problems (vfile messages holding message keys, no text); render() writes one in a
// locale as a Diagnostic, the plain form every reporter, the language server and serve print.

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
import type { Position } from 'unist';
import { VFileMessage } from 'vfile-message';
import type { Locale } from '../i18n/index.js';
import type { Range } from '../source/source-text.js';
import { isPhrase, messageText, type Message, type Phrase } from './message.js';

/** A place in a file's text: 1-based line and column (end exclusive) and 0-based offsets. */
export interface Place extends Position {
  start: { line: number; column: number; offset: number };
  end: { line: number; column: number; offset: number };
}

/**
 * A problem as the checks emit it: a vfile-message (the unified ecosystem's carrier) with its
 * `place` (offsets included), `ruleId`, `source: 'masterplan'`, `fatal` (true for errors, false for
 * warnings), `expected` (a did-you-mean suggestion), and what it says as message keys and
 * arguments (`phrases`), not as text: `reason` holds the keys ("unknownRef; didYouMean"), and
 * `render(problem, locale)` writes the text in whichever language the reporter uses.
 * Our own fields: `related` (the other place involved, e.g. the first definition of a duplicate
 * id; vfile-message has no field for another file's place) and `origins` (see Diagnostic.origins).
 */
export class Problem extends VFileMessage {
  declare file: string;
  declare place: Place;
  declare line: number;
  declare column: number;
  declare ruleId: RuleId;
  declare source: 'masterplan';
  declare fatal: boolean;
  /** What the message says: phrases of the locale tables, joined by "; " when written. */
  readonly phrases: readonly Phrase[];
  related?: { file: string; place: Place };
  origins?: readonly string[];

  constructor(init: {
    file: string;
    place: Place;
    rule: RuleId;
    severity: Severity;
    message: Message;
    expected?: string;
    related?: { file: string; place: Place };
    origins?: readonly string[];
  }) {
    const phrases = isPhrase(init.message) ? [init.message] : [...(init.message as readonly Phrase[])];
    super(phrases.map((p) => p.id).join('; '), { place: init.place, ruleId: init.rule, source: 'masterplan' });
    this.phrases = phrases;
    this.file = init.file;
    this.fatal = init.severity === 'error';
    if (init.expected !== undefined) this.expected = [init.expected];
    if (init.related) this.related = init.related;
    if (init.origins && init.origins.length > 0) this.origins = init.origins;
  }

  get severity(): Severity {
    return this.fatal ? 'error' : 'warning';
  }
}

const rangeOf = (p: Place): Range => ({ line: p.start.line, column: p.start.column, endLine: p.end.line, endColumn: p.end.column });

/** A problem written out in a locale: what every reporter, the language server and serve print. */
export function render(p: Problem, loc: Locale): Diagnostic {
  const d: Diagnostic = { file: p.file, ...rangeOf(p.place), severity: p.severity, rule: p.ruleId, message: messageText(p.phrases, loc) };
  if (p.expected !== undefined) d.expected = p.expected[0];
  if (p.related) d.related = { file: p.related.file, ...rangeOf(p.related.place) };
  if (p.origins) d.origins = p.origins;
  return d;
}

/** A problem written in one language (see render). */
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
