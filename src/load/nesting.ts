// A cheap pre-check for absurd nesting (`[[[[…` or `- - - - …` thousands deep) before the YAML
// parser sees it: the parser would recurse until the stack runs out, at a depth that depends
// on the machine. This gives one stable diagnostic at the first collection that is too deep.

export const MAX_DEPTH = 1000;

/** Offset of the first collection nested deeper than `max` levels, or undefined. */
export function tooDeepAt(yaml: string, max = MAX_DEPTH): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  let tokenStart = true;
  for (let i = 0; i < yaml.length; i++) {
    const c = yaml[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '\n') {
      const dashes = /^[ \t]*((?:-[ \t]+)+)/.exec(yaml.slice(i + 1, i + 1 + 4 * max + 64));
      if (dashes) {
        const count = (dashes[1].match(/-/g) ?? []).length;
        if (count > max) return i + 1 + nthDash(dashes[0], max + 1);
      }
      tokenStart = true;
      continue;
    }
    if (c === '#' && tokenStart) {
      const nl = yaml.indexOf('\n', i);
      i = (nl === -1 ? yaml.length : nl) - 1;
      continue;
    }
    if ((c === '"' || c === "'") && tokenStart) {
      quote = c;
      continue;
    }
    if (c === '[' || c === '{') {
      depth++;
      if (depth > max) return i;
    } else if (c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
    }
    tokenStart = c === ' ' || c === '\t' || c === '[' || c === '{' || c === ',' || c === ':' || c === '-' || c === '?';
  }
  // The first line has no newline before it.
  const first = /^[ \t]*((?:-[ \t]+)+)/.exec(yaml.slice(0, 4 * max + 64));
  if (first && (first[1].match(/-/g) ?? []).length > max) return nthDash(first[0], max + 1);
  return undefined;
}

function nthDash(s: string, n: number): number {
  let seen = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '-' && ++seen === n) return i;
  }
  return 0;
}
