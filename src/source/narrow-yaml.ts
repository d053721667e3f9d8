// Positions in a large YAML file without parsing all of it again. The `yaml` library's document
// for a 47 MB worksheet took 4 GB and most of a minute, to find the line of one mistake. A file
// that js-yaml has read is valid YAML, so its block structure can be followed by indentation:
// from the top, each step of the data path picks the lines of one map entry (`key:` at the
// container's column) or one sequence item (the N-th `-`), until the lines left are few. Only
// those lines are then parsed (locate.ts), and their positions shifted back into the file.
// A step the scan cannot follow (flow collections, a key written differently, a value on the
// key's line) stops the narrowing there: the region found so far is parsed instead.

import type { DataPath } from '../model/types.js';

/** Files whose YAML text is longer than this are located through narrow(). */
export const LARGE_YAML_CHARS = 1024 * 1024;
/** Narrowing stops once the region is this small. */
const SMALL_REGION = 64 * 1024;
/** A region still larger than this is not parsed: the position is then its first line. */
export const MAX_REGION_CHARS = 2 * 1024 * 1024;

export interface Region {
  /** Offsets in the YAML text: the lines of the entry or item the path leads into. */
  start: number;
  end: number;
  /** The rest of the path, seen from the region parsed on its own (an item becomes index 0). */
  rest: DataPath;
}

interface Line {
  start: number;
  /** Column of the first character that is not a space. */
  indent: number;
  /** The line from its first non-space character, without the line end. */
  content: string;
}

export function narrow(text: string, path: DataPath): Region {
  let region: Region = { start: 0, end: text.length, rest: path };
  // Where the lines of the container the next step looks into start, and the column of its
  // entries (keys or dashes).
  let from = 0;
  let column = firstContentColumn(text, from, region.end);
  for (let i = 0; i < path.length; i++) {
    if (region.end - region.start <= SMALL_REGION || column < 0) break;
    const seg = path[i];
    const line = typeof seg === 'number' ? findItem(text, from, region.end, column, seg) : findKey(text, from, region.end, column, seg);
    if (!line) break;
    const end = entryEnd(text, line, region.end, column, typeof seg === 'number');
    region = { start: line.start, end, rest: [typeof seg === 'number' ? 0 : seg, ...path.slice(i + 1)] };
    // The value starts on the entry's line (`key: value`, `- text`, `- key: value`): an item is
    // small enough as it is, and a scalar has nothing below it.
    const inline = typeof seg === 'number' ? line.content.slice(1) : line.content.slice(KEY.exec(line.content)![0].length);
    if (inline.trim() !== '' && !inline.trim().startsWith('#')) break;
    from = nextLineStart(text, line.start);
    column = firstContentColumn(text, from, region.end);
  }
  return region;
}

// A key of a block map: plain, double- or single-quoted, then `:` and a space or the line end.
const KEY = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"[\]{},&*!|>%@`-][^#]*?|-[^\s#][^#]*?))[ \t]*:(?:[ \t]|$)/;
const DASH = /^-(?:[ \t]|$)/;

/** The lines in [from, end) (`from` at a line start) that are not blank or only a comment. */
function* lines(text: string, from: number, end: number): Generator<Line> {
  let pos = from;
  while (pos < end) {
    const nl = text.indexOf('\n', pos);
    const stop = nl === -1 || nl > end ? end : nl;
    let raw = text.slice(pos, stop);
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    const lead = /^ */.exec(raw)![0].length;
    const content = raw.slice(lead);
    if (content !== '' && !content.startsWith('#')) yield { start: pos, indent: lead, content };
    pos = stop + 1;
  }
}

function findKey(text: string, from: number, end: number, column: number, key: string): Line | undefined {
  for (const l of lines(text, from, end)) {
    if (l.indent < column) return undefined;
    if (l.indent !== column) continue;
    const m = KEY.exec(l.content);
    if (!m) continue;
    const name = m[1] !== undefined ? unescapeDouble(m[1]) : m[2] !== undefined ? m[2].replace(/''/g, "'") : m[3];
    if (name === key) return l;
  }
  return undefined;
}

function findItem(text: string, from: number, end: number, column: number, n: number): Line | undefined {
  let count = -1;
  for (const l of lines(text, from, end)) {
    if (l.indent < column) return undefined;
    if (l.indent === column && DASH.test(l.content) && ++count === n) return l;
  }
  return undefined;
}

/** Offset where the entry or item starting on `line` ends (the next line of its container). */
function entryEnd(text: string, line: Line, end: number, column: number, item: boolean): number {
  for (const l of lines(text, nextLineStart(text, line.start), end)) {
    if (l.indent < column) return l.start;
    // A map entry's value may be a sequence whose dashes sit at the key's column.
    if (l.indent === column && (item || !DASH.test(l.content))) return l.start;
  }
  return end;
}

/** Column of the first line with content in [from, end) (past a `---`), or -1. */
function firstContentColumn(text: string, from: number, end: number): number {
  for (const l of lines(text, from, end)) if (!/^(---|\.\.\.)(\s|$)/.test(l.content)) return l.indent;
  return -1;
}

function unescapeDouble(s: string): string {
  try {
    return JSON.parse(`"${s}"`) as string;
  } catch {
    return s;
  }
}

function nextLineStart(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl === -1 ? text.length : nl + 1;
}
