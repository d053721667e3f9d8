// The book layout: what a book says, in what order, with every generated label already in the
// book's language — built once from the document model (src/book/build-book.ts) and drawn by
// both renderers (src/render/html, src/render/pdf). Renderers decide only how things look.

import type { Lang, StageNo } from '../model/types.js';
import type { Theme } from '../theme/theme.js';

/** Inline content of generated text: plain text, emphasis, and links to records by id. */
export type Inline =
  | { type: 'text'; text: string; strong?: boolean; emphasis?: boolean }
  /** A link to the record (or section) with this id; `text` is what the reader sees. */
  | { type: 'ref'; id: string; text: string };

/** A table cell: one or more lines of inline content. */
export interface Cell {
  lines: Inline[][];
  /** Show lines as a bulleted list (e.g. SWOT entries). */
  bullets?: boolean;
  align?: 'left' | 'right' | 'center';
  /** Visual emphasis for the cell: a gap to notice, a covered cell, or a year marker. */
  tone?: 'warning' | 'ok' | 'muted' | 'mark';
}

export interface Row {
  cells: Cell[];
  /** Anchor id of the record this row shows (stable across builds). */
  id?: string;
  /** The first cell is a row header (`th scope="row"`). */
  header?: boolean;
  tone?: 'warning';
  /** What the HTML site's search finds this row as (an RPJMD program of the appendix). */
  find?: Findable;
}

export interface Column {
  label: string;
  /** Relative width (the PDF renderer divides the page width by these). */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface TableBlock {
  type: 'table';
  caption: string;
  /** "Tabel 3.2": set by the numbering pass (src/book/numbering.ts) for tables in the body. */
  number?: string;
  /** The caption says what the heading right above it says: the page shows the number alone. */
  repeatsHeading?: boolean;
  /** Anchor id of the table (set with `number`), for the list of tables. */
  id?: string;
  columns: Column[];
  rows: Row[];
  /** A style hint for dense tables: `grid` (roadmap years), `matrix` (traceability). */
  variant?: 'grid' | 'matrix';
}

export interface Field {
  label: string;
  /** One line of inline content, several lines, or user Markdown. */
  value: Inline[] | { lines: Inline[][] } | { markdown: BookMarkdown };
}

/** A record shown as a card of labelled fields (an innovation, a quick win, a program analysis). */
export interface RecordBlock {
  type: 'record';
  /** Anchor id: the record id, so `#ID` links land here. */
  id?: string;
  title: Inline[];
  /** A short tag after the title, e.g. the record id or a status. */
  badge?: string;
  fields: Field[];
  /** What the HTML site's search finds this card as, and the values its filters select by. */
  find?: Findable;
}

/**
 * A record or table row the HTML site indexes (search box of index.html) and filters (innovation
 * cards). Optional: a renderer that ignores it draws the same book.
 */
export interface Findable {
  kind: 'innovation' | 'program' | 'quickWin';
  /** The name to list in search results (the record's title when unset). */
  title?: string;
  /** Filter values: which Pokja, element, horizon, action and OPD an innovation has. */
  facets?: Facet[];
}

export interface Facet {
  key: 'pokja' | 'element' | 'horizon' | 'action' | 'opd';
  /** The filter's label in the book's language ("Elemen"). */
  label: string;
  /** A stable value to compare (an id or enum value). */
  value: string;
  /** What the reader sees for the value. */
  text: string;
}

export type Block =
  /**
   * User Markdown. `level` is the level of the section it sits in: the text's shallowest
   * heading is drawn one level below it (level + 1), deeper ones keep their distance
   * (src/markdown/heading-level.ts).
   */
  | { type: 'markdown'; markdown: BookMarkdown; level: number; figures?: Figure[] }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'list'; items: Inline[][]; tone?: 'warning'; ordered?: boolean }
  /** Signature blocks: a place-and-date line, then for each signer a space to sign, the name and position. */
  | SignatureBlock
  /** A remark in a box: "no worksheet yet", "everything covered", ... */
  | { type: 'note'; content: Inline[]; tone?: 'warning' | 'info' }
  | TableBlock
  | RecordBlock
  /** A chart drawn from the data (src/book/charts.ts): a numbered figure in both renderers. */
  | ChartBlock;

interface ChartBase {
  type: 'chart';
  caption: string;
  /** "Gambar 4.1": set by the numbering pass, counted with the Markdown images of the chapter. */
  number?: string;
  /** The caption says what the heading right above it says: the page shows the number alone. */
  repeatsHeading?: boolean;
  /** Anchor id of the figure (set with `number`), for the list of figures. */
  id?: string;
  /** Summary line of the data table shown beside the chart ("Data gambar"). */
  dataLabel: string;
  /** A line under the chart saying how to read it (symbols, units); also read out by screen readers. */
  legend?: string;
}

/** A milestone on a timeline bar: its year and what is reached. */
export interface ChartMilestone {
  year: number;
  label: string;
}

/** One bar of a timeline: an innovation from its first to its last year. */
export interface TimelineBar {
  /** The record id (links to the innovation). */
  id: string;
  label: string;
  from: number;
  to: number;
  milestones: ChartMilestone[];
  /** No roadmap entry yet: drawn as a dashed outline, a gap to notice. */
  unplanned?: boolean;
}

/** A Gantt chart: bars grouped (by Pokja) on a year axis from `from` to `to`. */
export interface TimelineChart extends ChartBase {
  kind: 'timeline';
  from: number;
  to: number;
  groups: { label: string; bars: TimelineBar[] }[];
  /** Column labels of the data table: item, years, milestones. */
  headers: { item: string; years: string; milestones: string };
  /** The years as the data table shows them, per bar id ("2024–2026"). */
  yearsText: Record<string, string>;
  /** What the data table and the bar's title say of an unplanned innovation. */
  unplannedText: string;
}

/** Horizontal bars with their values written beside them. */
export interface BarChart extends ChartBase {
  kind: 'bars';
  /** The value the full bar length stands for (the largest value, or the total a share is of). */
  max: number;
  bars: { label: string; value: number; text: string }[];
  headers: { label: string; value: string };
}

/** Stacked bars: one bar per category (a year, a source), one segment per series (a Pokja). */
export interface StackedChart extends ChartBase {
  kind: 'stacked';
  series: string[];
  /** Per series, which shade and pattern it wears: the Pokja's configured position, the same in every chart. */
  seriesKey: number[];
  bars: { label: string; values: number[]; texts: string[]; total: number; totalText: string }[];
  headers: { label: string; total: string };
}

export type ChartBlock = TimelineChart | BarChart | StackedChart;

/**
 * A user's Markdown text as the book shows it, lowered once here in the layout
 * (src/book/lower-markdown.ts): its `#ID` links already name the record they point to and its
 * images the file they show, so the renderers parse the text but never decode a link or look
 * for a file themselves.
 */
export interface BookMarkdown {
  text: string;
  /** Each `#…` link target of the text, as the Markdown parser reads it → the id it names. */
  links: ReadonlyMap<string, string>;
  /** Each image URL of the text, as the parser reads it → the file it shows; undefined when none can be shown. */
  images: ReadonlyMap<string, BookImage | undefined>;
  /** The text's images in order (a URL used twice is there twice), with their alt text: the figures to number. */
  imagesInOrder: readonly { url: string; alt: string }[];
}

/** A PNG or JPEG of the repository a Markdown text shows (checked in src/model/asset-path.ts). */
export interface BookImage {
  /** Path in the repository (where the HTML copy goes under `assets/`). */
  rel: string;
  /** Absolute path, symlinks resolved. */
  abs: string;
}

/** A numbered image of a Markdown text ("Gambar 2.1 <alt>"), in the order the images appear. */
export interface Figure {
  id: string;
  /** "Gambar 2.1". */
  number: string;
  /** The image's alt text (or its path when it has none). */
  caption: string;
  /** The image URL as written, to match the renderer's image. */
  url: string;
}

export interface Signer {
  name: string;
  position?: string;
}

export interface SignatureBlock {
  type: 'signatures';
  /** "Teluk Harapan, 15 Maret 2024" (foreword); undefined on the commitment page. */
  dateLine?: string;
  signers: Signer[];
  /** `single`: one signer at the right (foreword); `grid`: signature lines side by side (commitment). */
  layout: 'single' | 'grid';
}

export interface Section {
  /** Anchor id: stable, unique within the output file. */
  id: string;
  title: string;
  /** Nesting depth from 1 (chapter, or a book inside the combined masterplan). */
  level: number;
  /** Start on a new page in print (chapters, appendices, books). */
  newPage: boolean;
  /** Print the section's own blocks on landscape pages (a wide table); its subsections go back to portrait. */
  landscape?: boolean;
  /** A short tag shown beside the title. */
  badge?: string;
  /** "BAB I", set by the numbering pass for the chapters of the body (not appendices). */
  number?: string;
  /** An appendix (Lampiran): its tables are numbered A.1, B.1, … */
  appendix?: boolean;
  blocks: Block[];
  children: Section[];
  /** List it in the table of contents (true for levels 1–2). */
  toc: boolean;
}

export interface Cover {
  /** The issuing government, the cover's top line ("Pemerintah Kabupaten Banggai"). */
  issuer: string;
  /** The emblem (a PNG or JPEG file: absolute path, and path relative to the root), when masterplan.yaml sets `logo`. */
  logo?: { abs: string; rel: string };
  /** The compiling agency's name, when masterplan.yaml sets `agency`. */
  agency?: string;
  /** "Luwuk, 28 April 2023" (place when set, and the edition date). */
  edition: string;
  /** "Versi 1.0", when the edition has a version. */
  version?: string;
  region: string;
  /** The masterplan title. */
  title: string;
  /** "Buku I" … "Buku IV", or the label of the combined masterplan. */
  bookLabel: string;
  /** "Analisis Strategis" …; empty for the combined masterplan. */
  bookTitle: string;
  /** e.g. "2022–2031". */
  period: string;
  /** The date shown, already formatted in the book's language. */
  date: string;
}

/** Where a record id is anchored: which output file (without extension) and which anchor. */
export interface Target {
  file: string;
  anchor: string;
  /** The book's name when the target is in another file ("Buku III"), for link texts in PDFs. */
  book?: string;
}

/** One entry of the list of tables. */
export interface ListEntry {
  /** Anchor id of the table. */
  id: string;
  /** "Tabel 3.2 Caption". */
  title: string;
}

export interface BookDoc {
  /** Output file name without extension: `buku-1` … `buku-4`, `masterplan`, `ringkasan`. */
  file: string;
  /** A stage book, the combined masterplan, or the executive summary. */
  kind: 'stage' | 'masterplan' | 'summary';
  stage?: StageNo;
  lang: Lang;
  /** BCP 47 tag for `lang` attributes and PDF metadata. */
  langTag: string;
  /** Full title for metadata and running headers, e.g. "Buku III: Inovasi Pokja — Masterplan …". */
  title: string;
  /** Short running-header title. */
  shortTitle: string;
  cover: Cover;
  /** Front matter before the contents (foreword, team, commitment): roman page numbers in print. */
  front: Section[];
  sections: Section[];
  /** The numbered tables of the body, in order (list of tables). */
  tables: ListEntry[];
  /** The numbered figures (images in the body's Markdown), in order (list of figures). */
  figures: ListEntry[];
  /** "DRAF" / "TELAAH" on every page when the edition is a draft or under review. */
  mark?: string;
  /** Resolves a record id to the file and anchor where it is shown, seen from this book. */
  resolve: (id: string) => Target | undefined;
  /** Labels the renderers draw themselves (contents, page numbers, ...). */
  labels: RenderLabels;
  /** The date as ISO (yyyy-mm-dd) and epoch seconds, for metadata. */
  date: { iso: string; epoch: number };
  /** Colours, typefaces and emblem placement (the region's theme.yaml over the defaults). */
  theme: Theme;
}

export interface RenderLabels {
  contents: string;
  listOfTables: string;
  listOfFigures: string;
  page: (n: number, total: number) => string;
  /** Running footer text: "Kabupaten Banggai · Halaman 3 dari 40". */
  footer: (region: string, n: number, total: number) => string;
  /** Footer of a front-matter page: "Kabupaten Banggai · Halaman iii". */
  frontFooter: (region: string, page: string) => string;
  generatedBy: string;
  backToTop: string;
  books: string;
  imageMissing: (alt: string) => string;
  /** Said after a record card's title repeated on the page the card continues on: "(lanjutan)". */
  continued: string;
  /** Said after a link into another book's PDF: " (Buku III, hlm. 12)", or " (Buku III)" when the page is not known. */
  inOtherBook: (book: string, page?: string) => string;
}

export type { StageNo };
