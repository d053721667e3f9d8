// The document model: what the renderers read. Built once from the parsed worksheets;
// neither the HTML nor the PDF renderer ever touches YAML.

export type Lang = 'id' | 'en';
export type StageNo = 1 | 2 | 3 | 4;
export const STAGES: readonly StageNo[] = [1, 2, 3, 4];

/** A path inside a parsed YAML document: map keys and sequence indexes. */
export type DataPath = (string | number)[];

/** Where a record came from: the file (relative to the masterplan root, `/` separators) and the data path. */
export interface SourceRef {
  file: string;
  path: DataPath;
}

/** Markdown text as written by a user, with its origin (for link positions and messages). */
export interface Markdown {
  text: string;
  src: SourceRef;
  /** true for the body of a `.md` file, false for a Markdown string inside YAML. */
  body: boolean;
}

export interface Mission {
  id: string;
  text: string;
  pokja: string[];
  src: SourceRef;
}

export interface Goal {
  id: string;
  mission: string;
  text: string;
  src: SourceRef;
}

export interface Target {
  id: string;
  goal: string;
  text: string;
  src: SourceRef;
}

export interface YearValue {
  year: number;
  value: number;
}

export interface ProgramIndicator {
  name: string;
  unit?: string;
  baseline?: number;
  targets: YearValue[];
  src: SourceRef;
}

export interface RpjmdProgram {
  id: string;
  name: string;
  target: string;
  code?: string;
  sector?: string;
  opd: string[];
  indicators: ProgramIndicator[];
  src: SourceRef;
}

export interface Opd {
  id: string;
  name: string;
  short?: string;
  src: SourceRef;
}

export interface Rpjmd {
  file: string;
  period: [number, number];
  vision: string;
  missions: Mission[];
  goals: Goal[];
  targets: Target[];
  programs: RpjmdProgram[];
  opd: Opd[];
}

export interface Element {
  id: string;
  name: string;
}

export interface Pokja {
  id: string;
  name: string;
  lead?: string;
  elements: Element[];
  src?: SourceRef;
}

export type WorksheetStatus = 'draft' | 'review' | 'final';

// ---- stage 1 -------------------------------------------------------------------------------

export interface RenstraRow {
  opd: string;
  program: string;
  code?: string;
  src: SourceRef;
}

export interface ProgramAnalysis {
  program: string;
  relevance?: Markdown;
  renstra: RenstraRow[];
  src: SourceRef;
}

export type Pillar = 'structure' | 'infrastructure' | 'superstructure';
export type SwotPart = 'strengths' | 'weaknesses' | 'opportunities' | 'threats';
export const PILLARS: readonly Pillar[] = ['structure', 'infrastructure', 'superstructure'];
export const SWOT_PARTS: readonly SwotPart[] = ['strengths', 'weaknesses', 'opportunities', 'threats'];
export type Readiness = Record<Pillar, Record<SwotPart, string[]>>;

// ---- stage 2 -------------------------------------------------------------------------------

export interface OpdProgram {
  opd: string;
  program: string;
  code?: string;
  rpjmd: string[];
  element: string;
  src: SourceRef;
}

export interface QuickWin {
  id: string;
  title: string;
  opd: string;
  rpjmd: string[];
  year: number;
  description?: Markdown;
  pokja: string;
  src: SourceRef;
}

// ---- stage 3 -------------------------------------------------------------------------------

export interface Sector {
  id: string;
  name: string;
  goal: string;
  rpjmd: string[];
  pokja: string;
  src: SourceRef;
}

export type Horizon = 'short' | 'medium' | 'long';

export interface InnovationIndicator {
  name: string;
  unit?: string;
  target?: number;
  year?: number;
  src: SourceRef;
}

export interface Budget {
  source: string;
  estimate: number;
}

export interface Innovation {
  id: string;
  title: string;
  description?: Markdown;
  sector: string;
  element: string;
  rpjmd: string[];
  opd: string;
  partners: string[];
  quickWin?: string;
  horizon: Horizon;
  years: [number, number];
  indicators: InnovationIndicator[];
  budget?: Budget;
  pokja: string;
  src: SourceRef;
}

// ---- stage 4 -------------------------------------------------------------------------------

export interface RoadmapEntry {
  innovation: string;
  year: number;
  milestone: string;
  /** The OPD carrying it out: as written, or the innovation's lead OPD. */
  opd?: string;
  src: SourceRef;
}

export type RegulationStatus = 'planned' | 'draft' | 'enacted';

export interface Regulation {
  title: string;
  year?: number;
  status?: RegulationStatus;
  src: SourceRef;
}

/** One Pokja's part of one stage: the merged records of all its worksheets for that stage. */
export interface Chapter {
  stage: StageNo;
  pokja: string;
  /** Worksheet files merged into this chapter, in path order. */
  files: string[];
  title?: string;
  status?: WorksheetStatus;
  summaries: Markdown[];
  narratives: Markdown[];
  analysis: ProgramAnalysis[];
  readiness: Readiness;
  issues: string[];
  opdPrograms: OpdProgram[];
  quickWins: QuickWin[];
  sectors: Sector[];
  innovations: Innovation[];
  roadmap: RoadmapEntry[];
  regulations: Regulation[];
}

export interface Book {
  stage: StageNo;
  /** One chapter per configured Pokja, in configured order (empty chapters included). */
  chapters: Chapter[];
}

export type RecordKind =
  | 'mission'
  | 'goal'
  | 'target'
  | 'program'
  | 'opd'
  | 'quick-win'
  | 'sector'
  | 'innovation';

export type AnyRecord = Mission | Goal | Target | RpjmdProgram | Opd | QuickWin | Sector | Innovation;

export interface IndexedRecord {
  kind: RecordKind;
  record: AnyRecord;
  src: SourceRef;
}

export interface Masterplan {
  /** Absolute path of the masterplan root folder. */
  root: string;
  region: string;
  title: string;
  period: [number, number];
  language: Lang;
  /** Template folder (absolute), when masterplan.yaml sets `templates`. */
  templates?: string;
  rpjmd: Rpjmd;
  pokja: Pokja[];
  books: Book[];
  /** Every record with an id, by id (first definition wins). */
  ids: Map<string, IndexedRecord>;
}
