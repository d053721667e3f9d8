// Where the cursor is in a worksheet, read from the text alone: the buffer being typed is often
// not valid YAML yet (`rpjmd: [PP-0` has no closing bracket), so completion cannot wait for a
// parse. Block-style YAML, which worksheets use, says enough through indentation: the keys
// above the cursor with less indentation are its path.

/** What the cursor is on. */
export type CursorContext =
  /** Typing a key of the mapping at `path` (`[]` marks a list item). */
  | { kind: 'key'; path: string[]; prefix: string; start: number }
  /** Typing the value of `key` (inside the mapping at `path`), maybe one item of a list. */
  | { kind: 'value'; path: string[]; key: string; prefix: string; start: number }
  /** Typing the target of a Markdown link `](#…`. */
  | { kind: 'link'; prefix: string; start: number }
  | { kind: 'none' };

const ID_CHARS = /[A-Za-z0-9._-]*$/;

interface LineShape {
  /** Column of the key (after any `- ` markers), or of the text. */
  keyCol: number;
  /** Columns of the `-` markers in front of the key. */
  dashes: number[];
  key?: string;
  /** What follows `key:` on the line, trimmed. */
  rest: string;
}

function shape(line: string): LineShape | undefined {
  if (/^\s*(#.*)?$/.test(line)) return undefined;
  let i = 0;
  const dashes: number[] = [];
  for (;;) {
    while (line[i] === ' ') i++;
    if (line[i] === '-' && (line[i + 1] === ' ' || i + 1 === line.length)) {
      dashes.push(i);
      i++;
      continue;
    }
    break;
  }
  const m = /^([^\s:#'"[\]{},][^:#]*?|"[^"]*"|'[^']*'):(\s|$)(.*)$/.exec(line.slice(i));
  if (!m) return { keyCol: i, dashes, rest: line.slice(i).trim() };
  return { keyCol: i, dashes, key: m[1].replace(/^["']|["']$/g, ''), rest: m[3].replace(/\s+#.*$/, '').trim() };
}

/**
 * The data path of the mapping whose keys sit at column `col` on line `lineNo` (with `dashes`,
 * the columns of `- ` markers in front of the key on that line), read from the lines above:
 * sibling keys are skipped, the line that starts the current list item makes it an item (`[]`),
 * and a `key:` with nothing after it further left owns what is below it.
 */
function pathAbove(lines: string[], lineNo: number, col: number, dashes: number[]): string[] {
  const path: string[] = [];
  let indent = col;
  let mode: 'map' | 'list' = 'map';
  const enterItem = (d: number[]) => {
    for (let k = 0; k < d.length; k++) path.unshift('[]');
    indent = d[0]!;
    mode = 'list';
  };
  if (dashes.length) enterItem(dashes);
  for (let n = lineNo - 1; n >= 0 && indent > 0; n--) {
    const s = shape(lines[n]!);
    if (!s) continue;
    if (mode === 'map') {
      if (s.keyCol > indent) continue; // inside a sibling's value
      if (s.keyCol === indent) {
        if (s.dashes.length) enterItem(s.dashes); // the line that starts this list item
        continue; // else a sibling key
      }
    } else {
      const first = s.dashes[0] ?? s.keyCol;
      if (first >= indent && !(s.dashes.length === 0 && s.keyCol === indent && s.key !== undefined && s.rest === '')) continue;
    }
    // Further left: the key that owns the block we are in.
    if (s.key === undefined || s.rest !== '') return path; // not block YAML we can follow
    path.unshift(s.key);
    indent = s.keyCol;
    mode = 'map';
    if (s.dashes.length) enterItem(s.dashes);
  }
  return path;
}

/** Completion context at `offset` of a YAML text (or front matter, `yaml` being only that part). */
export function yamlContext(yaml: string, offset: number): CursorContext {
  const before = yaml.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineNo = before.split('\n').length - 1;
  const lines = yaml.split('\n');
  const line = before.slice(lineStart);
  const prefix = ID_CHARS.exec(line)![0];
  const start = offset - prefix.length;

  // `key: value` or `key: [a, b, …` on this line.
  const s = shape(line);
  if (s?.key !== undefined) {
    const afterColon = line.slice(line.indexOf(':', s.keyCol) + 1);
    if (/^\s*(\[[^\]]*)?$/.test(afterColon.slice(0, afterColon.length - prefix.length)) || /^\s*\[[^\]]*,\s*$/.test(afterColon.slice(0, afterColon.length - prefix.length))) {
      return { kind: 'value', path: pathAbove(lines, lineNo, s.keyCol, s.dashes), key: s.key, prefix, start };
    }
    if (/^\s*[^[\]{}]*$/.test(afterColon)) return { kind: 'value', path: pathAbove(lines, lineNo, s.keyCol, s.dashes), key: s.key, prefix, start };
    return { kind: 'none' };
  }
  // `  - PP-0` : an item of a block list; the list's key is the nearest line above, further left.
  const item = /^(\s*)-\s+([A-Za-z0-9._-]*)$/.exec(line);
  if (item) {
    const dashCol = item[1]!.length;
    for (let n = lineNo - 1; n >= 0; n--) {
      const up = shape(lines[n]!);
      if (!up) continue;
      if (up.key !== undefined && up.rest === '' && up.keyCol <= dashCol && !(up.keyCol === dashCol && up.dashes.length)) {
        return { kind: 'value', path: pathAbove(lines, n, up.keyCol, up.dashes), key: up.key, prefix, start };
      }
      if (up.keyCol < dashCol) break;
    }
  }
  // A bare word at the start of a line (after any `- `): a key being typed.
  const bare = /^(\s*)((?:-\s+)*)([A-Za-z_][A-Za-z0-9_]*)?$/.exec(line);
  if (bare) {
    const dashes: number[] = [];
    let col = bare[1]!.length;
    for (const d of bare[2]!.matchAll(/-\s+/g)) {
      dashes.push(col);
      col += d[0].length;
    }
    return { kind: 'key', path: pathAbove(lines, lineNo, col, dashes), prefix, start };
  }
  return { kind: 'none' };
}

/** Completion context in Markdown: the target of a link being typed, `[text](#PP-0`. */
export function markdownContext(text: string, offset: number): CursorContext {
  const before = text.slice(Math.max(0, offset - 200), offset);
  const m = /\]\(#([A-Za-z0-9._-]*)$/.exec(before) ?? /^\s{0,3}\[[^\]]+\]:\s*#([A-Za-z0-9._-]*)$/m.exec(before);
  if (!m) return { kind: 'none' };
  return { kind: 'link', prefix: m[1]!, start: offset - m[1]!.length };
}

/** The id-like word around an offset (for hover, definition, references, rename). */
export function wordAt(text: string, offset: number): { word: string; start: number; end: number } | undefined {
  let start = offset;
  let end = offset;
  while (start > 0 && /[A-Za-z0-9._-]/.test(text[start - 1]!)) start--;
  while (end < text.length && /[A-Za-z0-9._-]/.test(text[end]!)) end++;
  // A sentence's full stop is not part of an id.
  while (end > start && text[end - 1] === '.') end--;
  if (end <= start) return undefined;
  return { word: text.slice(start, end), start, end };
}
