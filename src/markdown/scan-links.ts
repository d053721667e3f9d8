// A fast scan for links and images in Markdown, for the validate path: the full parser
// (micromark → mdast) costs ~100× more and validate only needs link targets and their offsets.
// Code (fenced blocks, inline code spans) and HTML comments are masked first so that a link
// written as an example inside code is not taken for a real one. The renderers still use the
// full parser; the link forms scanned here are the ones they turn into links.

export interface ScannedLink {
  kind: 'link' | 'image' | 'definition';
  url: string;
  /** Offset of the URL in the text. */
  offset: number;
}

const INLINE = /(!?)\[((?:[^[\]\\\n]|\\.|\[[^[\]\n]*\]){0,999})\]\([ \t]*(<[^>\n]*>|[^\s()<>]+)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*\)/g;
const DEFINITION = /^ {0,3}\[((?:[^[\]\\\n]|\\.){1,999})\]:[ \t]*(<[^>\n]*>|\S+)/gm;

export function scanLinks(source: string): ScannedLink[] {
  if (!source.includes('](') && !source.includes(']:')) return [];
  const text = maskCode(source);
  const out: ScannedLink[] = [];
  for (const m of text.matchAll(INLINE)) {
    const raw = m[3];
    const open = m.index! + 1 + m[1].length + m[2].length + 2; // just past "]("
    const offset = text.indexOf(raw, open) + (raw.startsWith('<') ? 1 : 0);
    const url = raw.startsWith('<') ? raw.slice(1, -1) : raw;
    out.push({ kind: m[1] ? 'image' : 'link', url: unescape(url), offset });
  }
  for (const m of text.matchAll(DEFINITION)) {
    const raw = m[2];
    const url = raw.startsWith('<') ? raw.slice(1, -1) : raw;
    const offset = m.index! + m[0].length - raw.length + (raw.startsWith('<') ? 1 : 0);
    out.push({ kind: 'definition', url: unescape(url), offset });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

function unescape(url: string): string {
  return url.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Replaces code and HTML comments with spaces, keeping every offset and line break. */
export function maskCode(text: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  // Fenced code blocks: from an opening fence to the matching closing fence (or the end).
  let out = text.replace(/^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\2[`~]*[ \t]*$|(?![\s\S]))/gm, blank);
  out = out.replace(/<!--[\s\S]*?-->/g, blank);
  // Inline code spans: a run of backticks up to the next run of the same length.
  out = out.replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, blank);
  return out;
}
