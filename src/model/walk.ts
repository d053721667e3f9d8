// Small read-only helpers over the document model, shared by checks and renderers.

import { partMarkdown } from './build-parts.js';
import type { Chapter, Innovation, Markdown, Masterplan, QuickWin, RoadmapEntry, Sector } from './types.js';

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
