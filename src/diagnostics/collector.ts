// Collects diagnostics from every stage, turning data paths and text offsets into ranges.

import type { Markdown, SourceRef } from '../model/types.js';
import type { SourceFile } from '../source/source-file.js';
import { RULE_SEVERITY, type Diagnostic, type Range, type RuleId, type Severity } from './diagnostic.js';
import { locate, type Want } from '../source/locate.js';
import type { RecordKind } from '../model/types.js';

/**
 * Which files can cause a cross-file problem, for FILES mode: the catalog for the records it
 * defines, the worksheets of the stage that defines a worksheet record (and any worksheet whose
 * stage could not be read), masterplan.yaml for the Pokja, their elements and the period.
 */
export class Origins {
  readonly all: readonly string[];
  readonly worksheets: readonly string[];
  private readonly byStage = new Map<number, readonly string[]>();

  constructor(
    readonly config: readonly string[] = [],
    readonly rpjmd: readonly string[] = [],
    worksheets: readonly { rel: string; stage?: number }[] = [],
  ) {
    this.worksheets = worksheets.map((w) => w.rel);
    this.all = [...config, ...rpjmd, ...this.worksheets];
    for (const stage of [1, 2, 3, 4]) {
      this.byStage.set(stage, worksheets.filter((w) => w.stage === stage || ![1, 2, 3, 4].includes(w.stage ?? 0)).map((w) => w.rel));
    }
  }

  /** Worksheets of this stage, and those whose stage is unknown. */
  stage(stage: number): readonly string[] {
    return this.byStage.get(stage) ?? [];
  }

  /** The files that may define (or have defined) a record of this kind. */
  ofKind(kind: RecordKind): readonly string[] {
    if (kind === 'quick-win') return this.stage(2);
    return kind === 'sector' || kind === 'innovation' ? this.stage(3) : this.rpjmd;
  }
}

export class Collector {
  readonly list: Diagnostic[] = [];
  /** Every file read so far, by relative path: the parse stage registers them here. */
  readonly files = new Map<string, SourceFile>();
  /** Set by the pipeline once every file is loaded; checks attach these to cross-file problems. */
  origins = new Origins();

  /** A problem between two offsets of a file's text. */
  span(file: string, start: number, end: number, rule: RuleId, message: string, severity?: Severity, extra: Extra = {}): void {
    const parsed = this.files.get(file);
    const range = parsed
      ? parsed.source.range(start, end)
      : { line: 1, column: 1, endLine: 1, endColumn: 1 };
    const d: Diagnostic = { file, ...range, severity: severity ?? RULE_SEVERITY[rule], rule, message };
    if (extra.expected !== undefined) d.expected = extra.expected;
    if (extra.related) d.related = this.rangeOf(extra.related);
    if (extra.origins && extra.origins.length > 0) d.origins = extra.origins;
    this.list.push(d);
  }

  /** The range of a data path's value (or its file's first character when the file is unknown). */
  rangeOf(src: SourceRef, want: Want = 'value'): Range & { file: string } {
    const parsed = this.files.get(src.file);
    if (!parsed) return { file: src.file, line: 1, column: 1, endLine: 1, endColumn: 1 };
    const s = locate(parsed, src.path, want);
    return { file: src.file, ...parsed.source.range(s.start, s.end) };
  }

  /** A problem at a data path: the value there, or its key with `want: 'key'`. */
  at(
    src: SourceRef,
    rule: RuleId,
    message: string,
    opts: { want?: Want; severity?: Severity; firstLine?: boolean } & Extra = {},
  ): void {
    const parsed = this.files.get(src.file);
    if (!parsed) return this.span(src.file, 0, 0, rule, message, opts.severity, opts);
    const s = locate(parsed, src.path, opts.want);
    let end = s.end;
    if (opts.firstLine) {
      // A whole mapping spans many lines; for "missing here" problems its first line is the place.
      end = Math.min(end, parsed.source.lineEnd(parsed.source.position(s.start).line - 1));
    }
    this.span(src.file, s.start, end, rule, message, opts.severity, opts);
  }

  /** `file:line:column` of a data path, as the text reporter prints places. */
  place(src: SourceRef): string {
    const parsed = this.files.get(src.file);
    if (!parsed) return src.file;
    const pos = parsed.source.position(locate(parsed, src.path, 'value').start);
    return `${src.file}:${pos.line}:${pos.column}`;
  }

  /**
   * A problem inside Markdown text, at `needle` found at `offset` of the Markdown string.
   * In a YAML string (quoted, folded, escaped) offsets differ from the source, so the same
   * occurrence of the needle is looked up in the raw source text instead.
   */
  inMarkdown(md: Markdown, offset: number, needle: string, rule: RuleId, message: string, extra: Extra = {}): void {
    const s = this.markdownSpan(md, offset, needle);
    this.span(md.src.file, s.start, s.end, rule, message, undefined, extra);
  }

  /** Offsets in the file's text of `needle` found at `offset` of a Markdown string. */
  markdownSpan(md: Markdown, offset: number, needle: string): { start: number; end: number } {
    const parsed = this.files.get(md.src.file);
    if (!parsed) return { start: 0, end: 0 };
    // Not found as written (an escape changed it): the whole string is the place.
    return findInMarkdown(parsed, md, offset, needle) ?? locate(parsed, md.src.path, 'value');
  }

}

/**
 * Where `needle`, found at `offset` of a Markdown string, is in its file's text: in a `.md` body
 * the offsets only shift; in a YAML string (quoted, folded, escaped) the same occurrence is
 * looked up in the raw source of the value. Undefined when the raw text does not hold it.
 */
export function findInMarkdown(parsed: SourceFile, md: Markdown, offset: number, needle: string): { start: number; end: number } | undefined {
  if (md.body && parsed.body) {
    const start = parsed.body.offset + offset;
    return { start, end: start + needle.length };
  }
  const valueSpan = locate(parsed, md.src.path, 'value');
  const raw = parsed.source.text.slice(valueSpan.start, valueSpan.end);
  const nth = countOccurrences(md.text.slice(0, offset), needle);
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = raw.indexOf(needle, at + 1);
    if (at === -1) return undefined;
  }
  const start = valueSpan.start + at;
  return { start, end: start + needle.length };
}

/** What a diagnostic may carry besides its message: a suggested value, a related place. */
interface Extra {
  expected?: string;
  related?: SourceRef;
  /** See Diagnostic.origins. */
  origins?: readonly string[];
}

function countOccurrences(text: string, needle: string): number {
  let n = 0;
  let i = text.indexOf(needle);
  while (i !== -1) {
    n++;
    i = text.indexOf(needle, i + needle.length);
  }
  return n;
}
