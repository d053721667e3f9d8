// The look of the printed books in one place: page geometry, type sizes, colours. Draw
// modules read these instead of scattering numbers; the colours come from the book's theme.

import { contrast, DEFAULT_COLORS, mix, type ThemeColors } from '../../theme/theme.js';
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

/**
 * The palette of the document being drawn, from its theme's colours (`usePalette`); draw code
 * reads it when it draws. Names are the PDF's uses; several derive from one theme colour.
 */
export const COLOR = palette(DEFAULT_COLORS);

/** Sets the palette from a theme's colours (called when a document is created). */
export function usePalette(colors: ThemeColors): void {
  Object.assign(COLOR, palette(colors));
}

function palette(c: ThemeColors) {
  return {
    text: c.text,
    muted: c.muted,
    accent: c.accent,
    /** The DRAF / TELAAH mark across every page. */
    mark: c.mark,
    accentLight: c.accent_light,
    /** Text on the accent (the cover band): white, or the text colour on a light accent. */
    onAccent: contrast('#ffffff', c.accent) >= 4.5 ? '#ffffff' : c.text,
    /** Second line on the cover band, a step quieter than `onAccent`. */
    onAccentMuted: contrast('#ffffff', c.accent) >= 4.5 ? mix(c.accent_light, '#ffffff', 0.2) : c.muted,
    link: c.link,
    rule: c.rule,
    ruleLight: mix(c.rule, '#ffffff', 0.55),
    headerFill: c.tint,
    zebra: mix(c.tint, '#ffffff', 0.55),
    warningFill: c.warning_fill,
    warningText: c.warning,
    warningBar: mix(c.warning, '#f0b400', 0.6),
    okFill: c.ok_fill,
    infoFill: mix(c.accent_light, '#ffffff', 0.45),
    infoBar: mix(c.accent, '#ffffff', 0.35),
    codeFill: mix(c.tint, '#ffffff', 0.3),
    badgeFill: c.tint,
  };
}

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
  label: { family: 'sans', size: 8.8, leading: 1.35 },
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

/** One colour rule for every heading, generated or from a worksheet: chapters and sections in the accent. */
export function headingColor(level: number): string {
  return level <= 2 ? COLOR.accent : COLOR.text;
}

export function headingSpec(level: number): TypeSpec {
  return HEADING[Math.min(Math.max(level, 1), HEADING.length) - 1];
}

/** Table type: normal tables, roadmap grids and the traceability matrix get denser type. */
export const TABLE = {
  normal: { family: 'sans', size: 8.6, leading: 1.3 },
  grid: { family: 'sans', size: 7.6, leading: 1.25 },
  matrix: { family: 'sans', size: 6.8, leading: 1.2 },
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
