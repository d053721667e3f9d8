// The look of the printed books in one place: page geometry, type sizes, colours. Draw
// modules read these instead of scattering numbers, so the book can be restyled here.

import type { Family } from './fonts.js';

/** A4 in PostScript points. */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  margins: { top: 72, bottom: 66, left: 66, right: 66 },
  /** Baseline of the running header and the footer, from the page top / bottom edge. */
  headerBaseline: 40,
  footerBaseline: 38,
} as const;

export const COLOR = {
  text: '#1d1d1f',
  muted: '#6b6b70',
  accent: '#1f4e79',
  /** The DRAF / TELAAH mark across every page. */
  mark: '#b3261e',
  accentLight: '#dbe7f3',
  link: '#1d5a9e',
  rule: '#b9c2cc',
  ruleLight: '#dde2e8',
  headerFill: '#e8edf2',
  zebra: '#f6f8fa',
  warningFill: '#fdf1d6',
  warningText: '#7a4b00',
  warningBar: '#d99a16',
  okFill: '#e3f2e6',
  infoFill: '#e9f1f9',
  infoBar: '#5b8fc7',
  codeFill: '#f3f4f6',
  badgeFill: '#e6e9ee',
} as const;

export interface TypeSpec {
  family: Family;
  bold?: boolean;
  italic?: boolean;
  size: number;
  /** Line height as a multiple of the size. */
  leading: number;
}

export const TYPE = {
  body: { family: 'serif', size: 10.5, leading: 1.45 },
  small: { family: 'sans', size: 8.5, leading: 1.35 },
  code: { family: 'mono', size: 8.8, leading: 1.35 },
  caption: { family: 'sans', bold: true, size: 9, leading: 1.3 },
  label: { family: 'cond', size: 8.8, leading: 1.35 },
  header: { family: 'sans', size: 7.5, leading: 1.2 },
  toc: { family: 'sans', size: 10, leading: 1.4 },
} as const satisfies Record<string, TypeSpec>;

/** Section heading sizes by depth (1 = chapter); deeper levels reuse the last entry. */
export const HEADING: TypeSpec[] = [
  { family: 'sans', bold: true, size: 20, leading: 1.2 },
  { family: 'sans', bold: true, size: 15, leading: 1.25 },
  { family: 'sans', bold: true, size: 12.5, leading: 1.25 },
  { family: 'sans', bold: true, size: 11, leading: 1.3 },
  { family: 'sans', bold: true, size: 10.5, leading: 1.3 },
];

export function headingSpec(level: number): TypeSpec {
  return HEADING[Math.min(Math.max(level, 1), HEADING.length) - 1];
}

/** Table type: normal tables, roadmap grids and the traceability matrix get denser type. */
export const TABLE = {
  normal: { family: 'cond', size: 8.6, leading: 1.3 },
  grid: { family: 'cond', size: 7.6, leading: 1.25 },
  matrix: { family: 'cond', size: 6.8, leading: 1.2 },
  /** The smallest size a wide table may shrink to before long words get broken. */
  minSize: 5.8,
  padX: 4,
  padY: 3,
} as const;

/** Vertical rhythm (points). */
export const SPACE = {
  paragraph: 6,
  block: 10,
  /** Space a heading needs below it on the same page: a few lines of what follows. */
  keepWithHeading: 48,
} as const;
