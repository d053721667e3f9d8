// Tables for the terminal (aligned columns, two spaces apart) and for Markdown (GitHub-flavoured),
// shared by `status` and `trace`. Widths count characters of the plain text: colour is applied
// after padding, so escape codes never shift a column. Control characters in a text are shown as
// escapes (printable.ts); in Markdown, Markdown and HTML in a text show as written.

import { markdownText, printable } from './printable.js';

export type Align = 'left' | 'right';

export interface Cell {
  text: string;
  /** Applied to the padded text (e.g. an ANSI colour); never changes the width. */
  style?: (s: string) => string;
}

export interface TableSpec {
  columns: { label: string; align?: Align }[];
  rows: (string | Cell)[][];
}

/** One line per row: line breaks inside a text (a multi-line YAML string) become spaces; other controls escapes. */
export const oneLine = (s: string) => printable(s.replace(/\s*[\r\n]+\s*/g, ' '));
const cell = (c: string | Cell): Cell => (typeof c === 'string' ? { text: oneLine(c) } : { ...c, text: oneLine(c.text) });
const width = (s: string) => [...s].length;

export function textTable(t: TableSpec, rule: (s: string) => string = (s) => s): string {
  const rows = t.rows.map((r) => r.map(cell));
  const widths = t.columns.map((c, i) => Math.max(width(c.label), ...rows.map((r) => width(r[i]?.text ?? ''))));
  const pad = (s: string, i: number) => {
    const fill = ' '.repeat(widths[i] - width(s));
    return t.columns[i].align === 'right' ? fill + s : s + fill;
  };
  const line = (cells: Cell[]) =>
    cells
      .map((c, i) => (c.style ? c.style(pad(c.text, i)) : pad(c.text, i)))
      .join('  ')
      .trimEnd();
  const out = [
    line(t.columns.map((c) => ({ text: c.label }))),
    rule(widths.map((w) => '-'.repeat(w)).join('  ')),
    ...rows.map((r) => line(t.columns.map((_, i) => r[i] ?? { text: '' }))),
  ];
  return out.join('\n') + '\n';
}

/** Line breaks and `|` would end a Markdown table cell early; other Markdown would render. */
function mdCell(s: string): string {
  return markdownText(s.replace(/\s*[\r\n]+\s*/g, ' '));
}

export function markdownTable(t: TableSpec): string {
  const head = `| ${t.columns.map((c) => mdCell(c.label)).join(' | ')} |`;
  const sep = `|${t.columns.map((c) => (c.align === 'right' ? ' ---: ' : ' --- ')).join('|')}|`;
  const body = t.rows.map((r) => `| ${t.columns.map((_, i) => mdCell(cell(r[i] ?? '').text)).join(' | ')} |`);
  return [head, sep, ...body].join('\n') + '\n';
}
