import { it, expect } from 'vitest';
import { scanLinks } from '../../src/markdown/scan-links.js';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { readFileSync, readdirSync } from 'node:fs';
it('agrees with mdast on the example', () => {
  const texts: string[] = [];
  for (const p of readdirSync('examples/banggai/pokja')) for (const f of readdirSync('examples/banggai/pokja/' + p)) texts.push(readFileSync(`examples/banggai/pokja/${p}/${f}`, 'utf8'));
  texts.push('a `[x](#NO)` b [y](#YES "t") ![i](a.png)\n\n```\n[z](#NO2)\n```\n[d]: #DEF\n<!-- [c](#NO3) -->\n[e](<#E>)');
  for (const t of texts) {
    const fromTree: string[] = [];
    const visit = (n: any) => { if (n.type === 'link' || n.type === 'image' || n.type === 'definition') fromTree.push(n.url); (n.children ?? []).forEach(visit); };
    visit(parseMarkdown(t));
    const scanned = scanLinks(t);
    expect(scanned.map((s) => s.url).sort()).toEqual(fromTree.sort());
    for (const s of scanned) expect(t.slice(s.offset, s.offset + s.url.length)).toBe(s.url);
  }
});
