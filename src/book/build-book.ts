// Model stage → book layout: one BookDoc per stage (buku-1 … buku-4) and the combined
// masterplan. Everything a reader sees is decided here, once, for both renderers.

import { locale } from '../i18n/index.js';
import type { Chapter, Masterplan, StageNo } from '../model/types.js';
import { matrixAppendix } from './appendix-matrix.js';
import { coverageCharts, timelineChart } from './charts.js';
import { rpjmdAppendix } from './appendix-rpjmd.js';
import { formatDate, formatPeriod } from './format.js';
import { numberBody } from './numbering.js';
import { settleHeadings } from './headings.js';
import {
  closingSection,
  commitmentSection,
  financingSection,
  forewordSection,
  glossaryAppendix,
  governanceSection,
  introductionSection,
  profileSection,
  teamSection,
  visionSection,
} from './parts.js';
import { summarySections } from './summary.js';
import { resolveAsset } from '../model/asset-path.js';
import { text } from './inline.js';
import { Lookup } from './lookup.js';
import { section } from './section.js';
import { stage1Sections } from './stage-1.js';
import { stage2Sections } from './stage-2.js';
import { stage3Sections } from './stage-3.js';
import { stage4Sections } from './stage-4.js';
import type { Block, BookDoc, Section, Target } from './types.js';

export const BOOK_FILES = ['buku-1', 'buku-2', 'buku-3', 'buku-4', 'masterplan', 'ringkasan'] as const;
export const APPENDIX_RPJMD = 'lampiran-rpjmd';
export const APPENDIX_MATRIX = 'lampiran-matriks';

const STAGE_SECTIONS = { 1: stage1Sections, 2: stage2Sections, 3: stage3Sections, 4: stage4Sections };

/** The home of each kind of record: RPJMD records live in every book's appendix. */
const HOME_STAGE: Record<string, StageNo | undefined> = { 'quick-win': 2, sector: 3, innovation: 3, 'vision-mission': 1, 'vision-goal': 1, body: 4 };

const present = (list: (Section | undefined)[]): Section[] => list.filter((s): s is Section => s !== undefined);

/** The title of a stage book: masterplan.yaml `books`, or the standard one. */
export function bookTitle(model: Masterplan, stage: StageNo): string {
  return model.bookTitles[stage] ?? locale(model.language).book.bookTitles[stage];
}

export function buildBooks(model: Masterplan, opts: { date: Date }): BookDoc[] {
  const loc = locale(model.language);
  const L = new Lookup(model, loc);
  // The edition date, when set, is the date of the books; otherwise the build date.
  const date = model.edition.date ? new Date(`${model.edition.date}T00:00:00Z`) : opts.date;
  const dateLine = loc.book.editionLine(model.place, formatDate(date, loc));
  const front = () => present([forewordSection(L, dateLine), teamSection(L)]);
  const books: BookDoc[] = model.books.map((book) => {
    const file = `buku-${book.stage}`;
    const appendices = [rpjmdAppendix(APPENDIX_RPJMD, 1, L), ...(book.stage === 3 ? [matrixAppendix(APPENDIX_MATRIX, 1, L)] : [])];
    const sections = present([
      ...(book.stage === 1 ? [introductionSection(L), profileSection(L), visionSection(L)] : []),
      ...book.chapters.map((c) => chapterSection(c, 1, L)),
      ...(book.stage === 4 ? [governanceSection(L), financingSection(L), closingSection(L)] : []),
      ...appendices.map(markAppendix),
      glossaryAppendix(L, letter(appendices.length)),
    ]);
    return bookDoc(file, 'stage', book.stage, front(), sections, model, L, date);
  });
  const appendices = [rpjmdAppendix(APPENDIX_RPJMD, 1, L), matrixAppendix(APPENDIX_MATRIX, 1, L)];
  const combined = present([
    introductionSection(L),
    profileSection(L),
    visionSection(L),
    ...model.books.map((book) => {
      const label = `${loc.book.bookLabel(book.stage)}: ${bookTitle(model, book.stage)}`;
      // The whole masterplan's charts open the book they belong to: coverage (III), the timeline of all innovations (IV).
      const timeline = book.stage === 4 ? timelineChart(L) : undefined;
      const charts: Block[] = book.stage === 3 ? coverageCharts(L) : timeline ? [timeline] : [];
      return section(`buku-${book.stage}`, label, 1, charts, book.chapters.map((c) => chapterSection(c, 2, L)), { newPage: true });
    }),
    governanceSection(L),
    financingSection(L),
    closingSection(L),
    ...appendices.map(markAppendix),
    glossaryAppendix(L, letter(appendices.length)),
  ]);
  books.push(bookDoc('masterplan', 'masterplan', undefined, present([...front(), commitmentSection(L)]), combined, model, L, date));
  books.push(bookDoc('ringkasan', 'summary', undefined, [], summarySections(L), model, L, date));
  return books;
}

const letter = (index: number) => String.fromCharCode(65 + index);

function markAppendix(s: Section): Section {
  s.appendix = true;
  return s;
}

function chapterSection(c: Chapter, level: number, L: Lookup): Section {
  const b = L.loc.book;
  const id = `buku-${c.stage}-${c.pokja}`;
  const blocks: Block[] = [];
  if (c.files.length === 0) blocks.push({ type: 'note', tone: 'warning', content: [text(b.noWorksheet)] });
  for (const md of c.summaries) blocks.push({ type: 'markdown', markdown: L.markdown(md), level });
  for (const md of c.narratives) blocks.push({ type: 'markdown', markdown: L.markdown(md), level });
  const children = STAGE_SECTIONS[c.stage](c, level + 1, id, L);
  // The worksheet's status belongs in `masterplan status`, not in the book: no badge here.
  return section(id, b.chapterTitle(L.pokjaName(c.pokja), c.title), level, blocks, children, { newPage: true });
}

function bookDoc(
  file: string,
  kind: BookDoc['kind'],
  stage: StageNo | undefined,
  front: Section[],
  sections: Section[],
  model: Masterplan,
  L: Lookup,
  date: Date,
): BookDoc {
  const loc = L.loc;
  const b = loc.book;
  const bookLabel = stage ? b.bookLabel(stage) : kind === 'summary' ? b.summaryLabel : b.masterplanLabel;
  const title = stage ? bookTitle(model, stage) : '';
  // The running header: short enough to sit beside a chapter title (the full title is in the metadata).
  const shortTitle = stage ? `${bookLabel}: ${title}` : kind === 'summary' ? b.summaryLabel : model.title;
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const logo = model.logo !== undefined ? resolveAsset(model.root, 'masterplan.yaml', model.logo) : undefined;
  const agency = model.agency !== undefined ? L.index.opd.get(model.agency)?.name ?? model.agency : undefined;
  settleHeadings([...front, ...sections], model.language, model.theme);
  const { tables, figures } = numberBody(sections, loc);
  return {
    file,
    kind,
    stage,
    lang: model.language,
    langTag: loc.bcp47,
    title: stage ? `${shortTitle} — ${model.title}` : kind === 'summary' ? `${b.summaryLabel} — ${model.title}` : model.title,
    shortTitle,
    cover: {
      issuer: model.issuer ?? b.defaultIssuer(model.region),
      logo: logo?.ok ? { abs: logo.abs, rel: logo.rel } : undefined,
      agency: agency !== undefined ? b.compiledBy(agency) : undefined,
      edition: b.editionLine(model.place, formatDate(day, loc)),
      version: model.edition.version !== undefined ? b.version(model.edition.version) : undefined,
      region: model.region,
      title: model.title,
      bookLabel,
      bookTitle: title,
      period: formatPeriod(model.period),
      date: formatDate(day, loc),
    },
    front,
    sections,
    tables,
    figures,
    mark: model.edition.status !== 'final' ? b.marks[model.edition.status] : undefined,
    resolve: kind === 'summary' ? inBook(summaryResolver(model), b.masterplanLabel) : resolver(file, model, kind === 'masterplan', b.bookLabel),
    labels: loc.render,
    date: { iso: day.toISOString().slice(0, 10), epoch: Math.floor(day.getTime() / 1000) },
    theme: model.theme,
  };
}

/** From the executive summary every record links into the combined masterplan. */
function summaryResolver(model: Masterplan): (id: string) => Target | undefined {
  return (id) => (model.index.ids.has(id) ? { file: 'masterplan', anchor: id } : model.pokja.some((p) => p.id === id) ? { file: 'masterplan', anchor: `buku-1-${id}` } : undefined);
}

/** The targets of `resolve` named as in book `book` (the label the PDF's link notes show). */
function inBook(resolve: (id: string) => Target | undefined, book: string): (id: string) => Target | undefined {
  return (id) => {
    const target = resolve(id);
    return target && { ...target, book };
  };
}

/**
 * Where an id is shown, seen from one output file: RPJMD records in this file's appendix,
 * quick wins in book II, sectors and innovations in book III, a Pokja id at its chapter —
 * everything in-page inside the combined masterplan.
 */
function resolver(file: string, model: Masterplan, combined: boolean, bookLabel: (n: number) => string): (id: string) => Target | undefined {
  const stageOfFile = combined ? undefined : (Number(file.slice('buku-'.length)) as StageNo);
  return (id) => {
    const rec = model.index.ids.get(id);
    if (rec) {
      const home = HOME_STAGE[rec.kind];
      if (home === undefined || combined) return { file, anchor: id };
      return home === stageOfFile ? { file, anchor: id } : { file: `buku-${home}`, anchor: id, book: bookLabel(home) };
    }
    if (model.pokja.some((p) => p.id === id)) {
      return { file, anchor: `buku-${stageOfFile ?? 1}-${id}` };
    }
    return undefined;
  };
}
