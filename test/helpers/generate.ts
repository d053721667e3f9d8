// Fixture content that cannot (or should not) be committed: bytes that are not text, hostile YAML,
// very large files. Generated at test time, deterministically.

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

export function concat(...parts: (Uint8Array | number[])[]): Uint8Array {
  const list = parts.map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p)));
  const out = new Uint8Array(list.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of list) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Deterministic "random" bytes (LCG), so the garbage is the same on every run. */
export function garbage(n: number, seed = 42): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/**
 * "Billion laughs" as a stage-1 worksheet: 9 levels of 9 aliases. Lines 1–2 are pokja/stage,
 * line 3 the anchor `a`, line 4 `b: &b [*a, …]` — the first alias is at line 4, column 8.
 */
export function billionLaughs(): string {
  const names = 'abcdefghi';
  const lines = ['pokja: smart-economy', 'stage: 1', `a: &a [${Array(9).fill('lol').join(', ')}]`];
  for (let i = 1; i < names.length; i++) {
    lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]`);
  }
  return lines.join('\n') + '\n';
}

export const deepFlow = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth) + '\n';
export const deepBlock = (depth: number): string => '- '.repeat(depth) + 'x\n';

/**
 * A valid stage-1 worksheet of at least `bytes` bytes (default: just under the 10 MB file
 * limit): the base analysis plus a long list of distinct strategic issues (about 330,000 items).
 */
export function largeWorksheet(bytes = 10 * 1024 * 1024 - 4096): string {
  const head =
    'pokja: smart-economy\nstage: 1\nanalysis:\n  - program: PP-01\n    relevance: UMKM adalah tulang punggung ekonomi daerah.\nissues:\n';
  const items: string[] = [];
  let size = head.length;
  for (let i = 0; size < bytes; i++) {
    const line = `  - Isu strategis nomor ${String(i).padStart(7, '0')}\n`;
    items.push(line);
    size += line.length;
  }
  return head + items.join('');
}
