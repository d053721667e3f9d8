// Collects diagnostics from every stage, turning data paths and text offsets into ranges.

import type { Markdown, SourceRef } from '../model/types.js';
import type { SourceFile } from '../source/source-file.js';
import type { Locale } from '../i18n/index.js';
import { Problem, render, RULE_SEVERITY, type Diagnostic, type Place, type RuleId, type Severity } from './diagnostic.js';
import type { Message } from './message.js';
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
  /** Every problem found, in the order found (the pipeline renders and sorts them). */
  readonly list: Problem[] = [];
  /** Every file read so far, by relative path: the parse stage registers them here. */
  readonly files = new Map<string, SourceFile>();
  /** Set by the pipeline once every file is loaded; checks attach these to cross-file problems. */
  origins = new Origins();

  /** The problems written in a locale, in the order found. */
  diagnostics(loc: Locale): Diagnostic[] {
    return this.list.map((p) => render(p, loc));
  }

  /** A problem between two offsets of a file's text. */
  span(file: string, start: number, end: number, rule: RuleId, message: Message, severity?: Severity, extra: Extra = {}): void {
    this.list.push(
      new Problem({
        file,
        place: this.placeIn(file, start, end),
        rule,
        severity: severity ?? RULE_SEVERITY[rule],
        message,
        expected: extra.expected,
        related: extra.related ? this.placeOf(extra.related) : undefined,
        origins: extra.origins,
      }),
    );
  }

  /** The place between two offsets of a file's text (its first character when the file is unknown). */
  placeIn(file: string, start: number, end: number): Place {
    const parsed = this.files.get(file);
    if (!parsed) return { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
    const clamp = (n: number) => Math.max(0, Math.min(n, parsed.source.text.length));
    const a = clamp(start);
    const b = clamp(Math.max(start, end));
    return { start: { ...parsed.source.position(a), offset: a }, end: { ...parsed.source.position(b), offset: b } };
  }

  /** The place of a data path's value (or its file's first character when the file is unknown). */
  placeOf(src: SourceRef, want: Want = 'value'): { file: string; place: Place } {
    const parsed = this.files.get(src.file);
    if (!parsed) return { file: src.file, place: this.placeIn(src.file, 0, 0) };
    const s = locate(parsed, src.path, want);
    return { file: src.file, place: this.placeIn(src.file, s.start, s.end) };
  }

  /** A problem at a data path: the value there, or its key with `want: 'key'`. */
  at(
    src: SourceRef,
    rule: RuleId,
    message: Message,
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
  inMarkdown(md: Markdown, offset: number, needle: string, rule: RuleId, message: Message, extra: Extra = {}): void {
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
