// The document model: what the renderers read. Built once from the parsed worksheets;
// neither the HTML nor the PDF renderer ever touches YAML.

import type { Theme } from '../theme/theme.js';
import type { RecordIndex } from './record-index.js';

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

export type QuickWinStatus = 'planned' | 'ongoing' | 'done';

export interface QuickWin {
  id: string;
  title: string;
  opd: string;
  rpjmd: string[];
  year: number;
  description?: Markdown;
  /** Optional additions (FORMAT.md "Additions to format 1"). */
  element?: string;
  status?: QuickWinStatus;
  /** Percent complete, 0–100. */
  progress?: number;
  budget?: Budget;
  indicators: InnovationIndicator[];
  /** A URL or a path inside the repository (as written). */
  evidence?: string;
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
  /** `budget.per_year`, sorted by year (empty when not given). */
  perYear: YearValue[];
}

export type ActionType = 'policy' | 'infrastructure' | 'application' | 'literacy';
export const ACTION_TYPES: readonly ActionType[] = ['policy', 'infrastructure', 'application', 'literacy'];

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
  action?: ActionType;
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
  type?: string;
  number?: string;
  /** ISO date (yyyy-mm-dd). */
  date?: string;
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
  | 'innovation'
  | 'vision-mission'
  | 'vision-goal'
  | 'body';

export type AnyRecord = Mission | Goal | Target | RpjmdProgram | Opd | QuickWin | Sector | Innovation | VisionMission | VisionGoal | GovernanceBody;

export interface IndexedRecord {
  kind: RecordKind;
  record: AnyRecord;
  src: SourceRef;
}

// ---- region-level parts (umum/) -------------------------------------------------------------

export const PART_NAMES = [
  'foreword',
  'team',
  'summary',
  'introduction',
  'profile',
  'vision',
  'governance',
  'financing',
  'closing',
  'glossary',
  'commitment',
] as const;
export type PartName = (typeof PART_NAMES)[number];

/** What every part has: its file, optional heading and status, and its Markdown text. */
export interface PartBase {
  part: PartName;
  file: string;
  title?: string;
  status?: WorksheetStatus;
  /** `narrative:` and/or the `.md` body. */
  texts: Markdown[];
  src: SourceRef;
}

export interface Person {
  name: string;
  position?: string;
  role?: string;
  /** OPD id. */
  agency?: string;
  src: SourceRef;
}

export interface Foreword extends PartBase {
  signed?: Person;
}

export interface TeamPart extends PartBase {
  members: Person[];
}

export interface LegalBasis {
  type: string;
  number?: string;
  year?: number;
  title: string;
  src: SourceRef;
}

export interface IntroductionPart extends PartBase {
  background?: Markdown;
  purpose?: Markdown;
  scope?: Markdown;
  method?: Markdown;
  legalBasis: LegalBasis[];
}

export interface Fact {
  name: string;
  value: number | string;
  unit?: string;
  year?: number;
  source?: string;
  src: SourceRef;
}

export interface ProfilePart extends PartBase {
  facts: Fact[];
  ict: Fact[];
}

export interface VisionMission {
  id: string;
  text: string;
  /** RPJMD mission ids. */
  rpjmd: string[];
  src: SourceRef;
}

export interface VisionIndicator {
  name: string;
  unit?: string;
  baseline?: number;
  target?: number;
  year?: number;
  src: SourceRef;
}

export interface VisionGoal {
  id: string;
  text: string;
  /** A vision mission id. */
  mission?: string;
  indicators: VisionIndicator[];
  src: SourceRef;
}

export interface VisionPart extends PartBase {
  vision?: string;
  tagline?: string;
  missions: VisionMission[];
  goals: VisionGoal[];
}

export interface GovernanceBody {
  id: string;
  name: string;
  decree?: { number?: string; date?: string };
  members: Person[];
  src: SourceRef;
}

export interface GovernancePart extends PartBase {
  bodies: GovernanceBody[];
}

export interface GlossaryTerm {
  term: string;
  meaning: string;
  src: SourceRef;
}

export interface GlossaryPart extends PartBase {
  terms: GlossaryTerm[];
}

export interface CommitmentPart extends PartBase {
  statement?: Markdown;
  signatories: Person[];
}

export interface Parts {
  foreword?: Foreword;
  team?: TeamPart;
  summary?: PartBase;
  introduction?: IntroductionPart;
  profile?: ProfilePart;
  vision?: VisionPart;
  governance?: GovernancePart;
  financing?: PartBase;
  closing?: PartBase;
  glossary?: GlossaryPart;
  commitment?: CommitmentPart;
}

export type EditionStatus = 'draft' | 'review' | 'final';

export interface Edition {
  /** ISO date (yyyy-mm-dd) of this edition; undefined: the build date. */
  date?: string;
  version?: string;
  status: EditionStatus;
}

export interface Masterplan {
  /** Absolute path of the masterplan root folder. */
  root: string;
  region: string;
  title: string;
  /** Cover top line: masterplan.yaml `issuer` (the books default to "Pemerintah <region>"). */
  issuer?: string;
  /** OPD id of the compiling agency. */
  agency?: string;
  /** Where forewords are signed. */
  place?: string;
  /** The emblem: path relative to the root, as written (checked by checkParts). */
  logo?: string;
  edition: Edition;
  /** Book titles from masterplan.yaml `books` (only those given). */
  bookTitles: Partial<Record<StageNo, string>>;
  /** The region-level parts under umum/, by part. */
  parts: Parts;
  period: [number, number];
  language: Lang;
  /** Template folder (absolute), when masterplan.yaml sets `templates`. */
  templates?: string;
  /** The books' look: theme.yaml of the templates folder over the defaults. */
  theme: Theme;
  rpjmd: Rpjmd;
  pokja: Pokja[];
  books: Book[];
  /** The one index of the records: every id (first definition wins), records by kind, relations. */
  index: RecordIndex;
}
