// The look of the books that a region may change: colours, the text and heading typefaces, and
// where the emblem stands. One theme feeds both renderers: the HTML books get it as CSS custom
// properties and @font-face rules, the PDF as its palette and embedded faces. The defaults here
// are also written out, commented, in the package's templates/theme.yaml (a test keeps the two
// the same); a region's `templates` folder may hold a theme.yaml that changes any of them.

import { BUILTIN_FAMILIES, faceFileName, type BuiltinFamily, type PackageFace, type Variant } from './font-catalog.js';

export const THEME_FILE = 'theme.yaml';

/** The colours a theme sets, by their names in theme.yaml. */
export const COLOR_NAMES = [
  'text',
  'muted',
  'accent',
  'accent_light',
  'link',
  'rule',
  'tint',
  'warning',
  'warning_fill',
  'ok_fill',
  'mark',
] as const;
export type ColorName = (typeof COLOR_NAMES)[number];
export type ThemeColors = Record<ColorName, string>;

/** One face of a family: a built-in file, or a TTF/OTF of the region's (read by the load stage). */
export type FaceSource =
  | { kind: 'package'; face: PackageFace }
  /** `hash`: of the bytes, made once when the file is read (names the face in caches and assets/fonts/). */
  | { kind: 'file'; rel: string; bytes: Uint8Array; hash: string };

export interface ThemeFamily {
  /** The family's name (CSS font-family; for a region's own files, as named in theme.yaml). */
  name: string;
  /** Built-in families are known by their name; a region's files by their paths. */
  builtin?: BuiltinFamily;
  faces: Record<Variant, FaceSource>;
}

export const LOGO_PLACES = ['top', 'center', 'none'] as const;
export type LogoPlace = (typeof LOGO_PLACES)[number];

export interface Theme {
  colors: ThemeColors;
  fonts: {
    /** Running text, the cover title. */
    body: ThemeFamily;
    /** Headings, labels, tables, captions, running headers. */
    headings: ThemeFamily;
  };
  logo: {
    /** Where the emblem stands on covers: above the issuer (top), centred in the band, or not at all. */
    cover: LogoPlace;
    /** A small emblem in the running header of every page but the cover (PDF and printed HTML). */
    header: boolean;
  };
  headings: {
    /**
     * `title`: every word of a heading capitalised but function words (dan, di, ke, yang; and,
     * of, the), as Indonesian spelling rules (PUEBI) write headings — worksheet headings too,
     * so that they match the generated ones; `as-written`: worksheet headings untouched.
     */
    capitalization: 'title' | 'as-written';
  };
}

export const DEFAULT_COLORS: ThemeColors = {
  text: '#1d1d1f',
  muted: '#5f6670',
  accent: '#1f4e79',
  accent_light: '#dbe7f3',
  link: '#1d5a9e',
  rule: '#b9c2cc',
  tint: '#eef1f5',
  warning: '#7a4b00',
  warning_fill: '#fdf1d6',
  ok_fill: '#e3f2e6',
  mark: '#b3261e',
};

export function builtinFamily(name: BuiltinFamily): ThemeFamily {
  const files = BUILTIN_FAMILIES[name];
  const face = (v: Variant): FaceSource => ({ kind: 'package', face: files[v] });
  return { name, builtin: name, faces: { r: face('r'), b: face('b'), i: face('i'), bi: face('bi') } };
}

export const DEFAULT_THEME: Theme = {
  colors: DEFAULT_COLORS,
  fonts: { body: builtinFamily('Source Serif 4'), headings: builtinFamily('Source Sans 3') },
  logo: { cover: 'top', header: false },
  headings: { capitalization: 'title' },
};

/** `#rgb` / `#rrggbb` → `#rrggbb` (lower case). */
export function normalizeHex(value: string): string {
  const hex = value.trim().toLowerCase();
  return hex.length === 4 ? `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}` : hex;
}

/** `a` mixed with `b`: share 0 gives a, 1 gives b. */
export function mix(a: string, b: string, share: number): string {
  const [x, y] = [normalizeHex(a), normalizeHex(b)];
  let out = '#';
  for (let i = 1; i < 7; i += 2) {
    const v = Math.round(parseInt(x.slice(i, i + 2), 16) * (1 - share) + parseInt(y.slice(i, i + 2), 16) * share);
    out += v.toString(16).padStart(2, '0');
  }
  return out;
}

/** Relative luminance (WCAG), for choosing white or dark ink on a fill. */
export function luminance(color: string): number {
  const hex = normalizeHex(color);
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two colours (1 … 21). */
export function contrast(a: string, b: string): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (l1 + 0.05) / (l2 + 0.05);
}

/** Where a face is published with the HTML books: `assets/fonts/<file>`. */
export function fontAssetPath(source: FaceSource): string {
  if (source.kind === 'package') return `assets/fonts/${faceFileName(source.face)}`;
  const base = source.rel.split('/').pop()!.replace(/\.(ttf|otf)$/i, '').replace(/[^A-Za-z0-9_-]+/g, '-') || 'font';
  const ext = /\.otf$/i.test(source.rel) ? 'otf' : 'ttf';
  return `assets/fonts/${base}-${source.hash}.${ext}`;
}
