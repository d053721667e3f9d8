// Every user Markdown text a list of sections shows (blocks and record fields, nested sections).

import type { Section } from './types.js';

export function markdownOf(sections: readonly Section[]): Set<string> {
  const out = new Set<string>();
  const walk = (s: Section) => {
    for (const b of s.blocks) {
      if (b.type === 'markdown') out.add(b.markdown.text);
      else if (b.type === 'record') for (const f of b.fields) if ('markdown' in f.value) out.add(f.value.markdown.text);
    }
    s.children.forEach(walk);
  };
  sections.forEach(walk);
  return out;
}
