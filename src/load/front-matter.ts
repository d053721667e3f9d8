// Splits a `.md` worksheet into its YAML front matter and Markdown body, keeping offsets so
// positions in either part are counted from the top of the file.

export type FrontMatter =
  | { ok: true; yaml: string; yamlOffset: number; body: string; bodyOffset: number }
  | { ok: false; problem: 'missing' | 'unclosed'; offset: number; end: number };

const FENCE = /^---[ \t]*\r?$/;
const CLOSE = /^(---|\.\.\.)[ \t]*\r?$/;

export function splitFrontMatter(text: string): FrontMatter {
  const firstEnd = lineEnd(text, 0);
  if (!FENCE.test(text.slice(0, firstEnd))) return { ok: false, problem: 'missing', offset: 0, end: firstEnd };
  const yamlOffset = Math.min(text.length, firstEnd + 1);
  let pos = yamlOffset;
  while (pos < text.length) {
    const end = lineEnd(text, pos);
    if (CLOSE.test(text.slice(pos, end))) {
      const bodyOffset = Math.min(text.length, end + 1);
      return { ok: true, yaml: text.slice(yamlOffset, pos), yamlOffset, body: text.slice(bodyOffset), bodyOffset };
    }
    pos = end + 1;
  }
  return { ok: false, problem: 'unclosed', offset: 0, end: firstEnd };
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i === -1 ? text.length : i;
}
