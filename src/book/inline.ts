// Small constructors for inline content, so section builders read like the text they make.

import type { Inline } from './types.js';

export const text = (t: string): Inline => ({ type: 'text', text: t });
export const strong = (t: string): Inline => ({ type: 'text', text: t, strong: true });
export const ref = (id: string, shown = id): Inline => ({ type: 'ref', id, text: shown });

/** Items separated by a text separator: `[a, ", ", b, ", ", c]`. */
export function joined(items: Inline[][], sep = ', '): Inline[] {
  const out: Inline[] = [];
  items.forEach((item, i) => {
    if (i > 0) out.push(text(sep));
    out.push(...item);
  });
  return out;
}
