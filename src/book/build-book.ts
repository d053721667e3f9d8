// Model stage → book layout: one BookDoc per stage (buku-1 … buku-4) and the combined
// masterplan. Everything a reader sees is decided here, once, for both renderers.

import { locale } from '../i18n/index.js';
import type { Chapter, Masterplan, StageNo } from '../model/types.js';
import { matrixAppendix } from './appendix-matrix.js';
import { rpjmdAppendix } from './appendix-rpjmd.js';
import { formatDate, formatPeriod } from './format.js';
import { text } from './inline.js';
import { Lookup } from './lookup.js';
import { section } from './section.js';
import { stage1Sections } from './stage-1.js';
import { stage2Sections } from './stage-2.js';
import { stage3Sections } from './stage-3.js';
import { stage4Sections } from './stage-4.js';
import type { Block, BookDoc, Section, Target } from './types.js';

export const BOOK_FILES = ['buku-1', 'buku-2', 'buku-3', 'buku-4', 'masterplan'] as const;
export const APPENDIX_RPJMD = 'lampiran-rpjmd';
export const APPENDIX_MATRIX = 'lampiran-matriks';

const STAGE_SECTIONS = { 1: stage1Sections, 2: stage2Sections, 3: stage3Sections, 4: stage4Sections };

/** The home of each kind of record: RPJMD records live in every book's appendix. */
const HOME_STAGE: Record<string, StageNo | undefined> = { 'quick-win': 2, sector: 3, innovation: 3 };

export function buildBooks(model: Masterplan, opts: { date: Date }): BookDoc[] {
  const loc = locale(model.language);
  const L = new Lookup(model, loc);
  const books: BookDoc[] = model.books.map((book) => {
    const file = `buku-${book.stage}`;
    const sections = [
      ...book.chapters.map((c) => chapterSection(c, 1, L)),
      rpjmdAppendix(APPENDIX_RPJMD, 1, L),
      ...(book.stage === 3 ? [matrixAppendix(APPENDIX_MATRIX, 1, L)] : []),
    ];
    return bookDoc(file, book.stage, sections, model, L, opts.date);
  });
  const combined = [
    ...model.books.map((book) => {
      const label = `${loc.book.bookLabel(book.stage)}: ${loc.book.bookTitles[book.stage]}`;
      return section(`buku-${book.stage}`, label, 1, [], book.chapters.map((c) => chapterSection(c, 2, L)), { newPage: true });
    }),
    rpjmdAppendix(APPENDIX_RPJMD, 1, L),
    matrixAppendix(APPENDIX_MATRIX, 1, L),
  ];
  books.push(bookDoc('masterplan', undefined, combined, model, L, opts.date));
  return books;
}

function chapterSection(c: Chapter, level: number, L: Lookup): Section {
  const b = L.loc.book;
  const id = `buku-${c.stage}-${c.pokja}`;
  const blocks: Block[] = [];
  if (c.files.length === 0) blocks.push({ type: 'note', tone: 'warning', content: [text(b.noWorksheet)] });
  for (const md of c.summaries) blocks.push({ type: 'markdown', markdown: md, level });
  for (const md of c.narratives) blocks.push({ type: 'markdown', markdown: md, level });
  const children = STAGE_SECTIONS[c.stage](c, level + 1, id, L);
  return section(id, b.chapterTitle(L.pokjaName(c.pokja), c.title), level, blocks, children, {
    newPage: true,
    badge: c.status ? b.status[c.status] : undefined,
  });
}

function bookDoc(
  file: string,
  stage: StageNo | undefined,
  sections: Section[],
  model: Masterplan,
  L: Lookup,
  date: Date,
): BookDoc {
  const loc = L.loc;
  const b = loc.book;
  const bookLabel = stage ? b.bookLabel(stage) : b.masterplanLabel;
  const bookTitle = stage ? b.bookTitles[stage] : '';
  const shortTitle = stage ? `${bookLabel}: ${bookTitle}` : model.title;
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  return {
    file,
    stage,
    lang: model.language,
    langTag: loc.bcp47,
    title: stage ? `${shortTitle} — ${model.title}` : model.title,
    shortTitle,
    cover: {
      region: model.region,
      title: model.title,
      bookLabel,
      bookTitle,
      period: formatPeriod(model.period),
      date: formatDate(day, loc),
    },
    sections,
    resolve: resolver(file, model, stage === undefined),
    labels: loc.render,
    date: { iso: day.toISOString().slice(0, 10), epoch: Math.floor(day.getTime() / 1000) },
    root: model.root,
  };
}

/**
 * Where an id is shown, seen from one output file: RPJMD records in this file's appendix,
 * quick wins in book II, sectors and innovations in book III, a Pokja id at its chapter —
 * everything in-page inside the combined masterplan.
 */
function resolver(file: string, model: Masterplan, combined: boolean): (id: string) => Target | undefined {
  const stageOfFile = combined ? undefined : (Number(file.slice('buku-'.length)) as StageNo);
  return (id) => {
    const rec = model.ids.get(id);
    if (rec) {
      const home = HOME_STAGE[rec.kind];
      if (home === undefined || combined) return { file, anchor: id };
      return { file: `buku-${home}`, anchor: id };
    }
    if (model.pokja.some((p) => p.id === id)) {
      return { file, anchor: `buku-${stageOfFile ?? 1}-${id}` };
    }
    return undefined;
  };
}
