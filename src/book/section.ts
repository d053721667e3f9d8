// Section constructor shared by the builders: levels 1–2 go into the table of contents.

import type { Block, Section } from './types.js';

export function section(
  id: string,
  title: string,
  level: number,
  blocks: Block[],
  children: Section[] = [],
  opts: { newPage?: boolean; badge?: string; landscape?: boolean } = {},
): Section {
  return { id, title, level, newPage: opts.newPage ?? false, ...(opts.landscape ? { landscape: true } : {}), badge: opts.badge, blocks, children, toc: level <= 2 };
}
