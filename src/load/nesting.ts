// A cheap pre-check for absurd nesting (`[[[[…` or `- - - - …` thousands deep) before the YAML
// parser sees it: the parser would recurse until the stack runs out, at a depth that depends
// on the machine. This gives one stable diagnostic at the first collection that is too deep.

export const MAX_DEPTH = 1000;

/** Offset of the first collection nested deeper than `max` levels, or undefined. */
export function tooDeepAt(yaml: string, max = MAX_DEPTH): number | undefined {
  return cannotBeTooDeep(yaml, max) ? undefined : scanDepth(yaml, max);
}

/** tooDeepAt without the shortcut (exported for its test). */
export function scanDepth(yaml: string, max: number): number | undefined {
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

/**
 * True when no scan is needed: nesting deeper than `max` takes more than `max` brackets in all,
 * or a line of more than `max` dashes, each followed by a space (2 × (max + 1) characters). What
 * real worksheets are, found with indexOf alone: the scan below goes character by character
 * (a few milliseconds for the example's 95 KB, in a run that has not warmed up).
 */
export function cannotBeTooDeep(yaml: string, max = MAX_DEPTH): boolean {
  let brackets = 0;
  for (const open of ['[', '{']) {
    for (let i = yaml.indexOf(open); i !== -1; i = yaml.indexOf(open, i + 1)) if (++brackets > max) return false;
  }
  const longest = 2 * (max + 1);
  for (let start = 0; ; ) {
    const nl = yaml.indexOf('\n', start);
    if ((nl === -1 ? yaml.length : nl) - start >= longest) return false;
    if (nl === -1) return true;
    start = nl + 1;
  }
}

function nthDash(s: string, n: number): number {
  let seen = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '-' && ++seen === n) return i;
  }
  return 0;
}
