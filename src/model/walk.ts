// Small read-only helpers over the document model, shared by checks and renderers.

import { PART_NAMES, type Chapter, type Innovation, type Markdown, type Masterplan, type Parts, type QuickWin, type RoadmapEntry, type Sector } from './types.js';

export function allChapters(model: Masterplan): Chapter[] {
  return model.books.flatMap((b) => b.chapters);
}

export function chapterMarkdown(c: Chapter): Markdown[] {
  const list: Markdown[] = [...c.summaries, ...c.narratives];
  for (const a of c.analysis) if (a.relevance) list.push(a.relevance);
  for (const q of c.quickWins) if (q.description) list.push(q.description);
  for (const i of c.innovations) if (i.description) list.push(i.description);
  return list;
}

export function allMarkdown(model: Masterplan): Markdown[] {
  return [...partMarkdown(model.parts), ...allChapters(model).flatMap(chapterMarkdown)];
}

export function allInnovations(model: Masterplan): Innovation[] {
  return allChapters(model).flatMap((c) => c.innovations);
}

export function allQuickWins(model: Masterplan): QuickWin[] {
  return allChapters(model).flatMap((c) => c.quickWins);
}

export function allSectors(model: Masterplan): Sector[] {
  return allChapters(model).flatMap((c) => c.sectors);
}

export function allRoadmap(model: Masterplan): RoadmapEntry[] {
  return allChapters(model).flatMap((c) => c.roadmap);
}

/** Every Markdown text of the region-level parts, in the parts' order. */
export function partMarkdown(parts: Parts): Markdown[] {
  const out: Markdown[] = [];
  for (const name of PART_NAMES) {
    const p = parts[name];
    if (!p) continue;
    out.push(...p.texts);
    if (name === 'introduction') {
      const i = parts.introduction!;
      for (const m of [i.background, i.purpose, i.scope, i.method]) if (m) out.push(m);
    }
    if (name === 'commitment' && parts.commitment!.statement) out.push(parts.commitment!.statement);
  }
  return out;
}
