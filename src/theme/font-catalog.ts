// The font families that come with masterplan, as files of npm packages (OFL / Bitstream Vera
// licences): the type pair of the books (Source Serif 4 for text, Source Sans 3 for headings,
// labels and tables), and DejaVu, whose wider coverage draws the rare characters the pair lacks
// and the code. A theme picks its text and heading families from these, or brings its own TTFs.

/** The four faces of a family: regular, bold, italic, bold italic. */
export const VARIANTS = ['r', 'b', 'i', 'bi'] as const;
export type Variant = (typeof VARIANTS)[number];

/** One built-in face: a TTF inside an npm package. */
export interface PackageFace {
  pkg: string;
  /** Path inside the package. */
  path: string;
}

export const BUILTIN_FAMILIES = {
  'Source Serif 4': faces('@expo-google-fonts/source-serif-4', (w) => `${w}/SourceSerif4_${w}.ttf`),
  'Source Sans 3': faces('@expo-google-fonts/source-sans-3', (w) => `${w}/SourceSans3_${w}.ttf`),
  'DejaVu Serif': dejavu('DejaVuSerif', 'Italic'),
  'DejaVu Sans': dejavu('DejaVuSans', 'Oblique'),
  'DejaVu Sans Condensed': dejavu('DejaVuSansCondensed', 'Oblique'),
  'DejaVu Sans Mono': dejavu('DejaVuSansMono', 'Oblique'),
} as const satisfies Record<string, Record<Variant, PackageFace>>;

/**
 * Noto Emoji (monochrome outlines, OFL), the PDF's last fallback: drawn only for the characters
 * no other face has (emoji, with its ligatures for ZWJ sequences, skin tones, flags and keycaps).
 * Not a family a theme picks.
 */
export const EMOJI_FACE: PackageFace = { pkg: '@expo-google-fonts/noto-emoji', path: '400Regular/NotoEmoji_400Regular.ttf' };

export type BuiltinFamily = keyof typeof BUILTIN_FAMILIES;
export const BUILTIN_FAMILY_NAMES = Object.keys(BUILTIN_FAMILIES) as BuiltinFamily[];

export function isBuiltinFamily(name: unknown): name is BuiltinFamily {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(BUILTIN_FAMILIES, name);
}

/** The file name a face has under `assets/fonts/` of the HTML books and in the executable. */
export function faceFileName(face: PackageFace): string {
  return face.path.split('/').pop()!;
}

function faces(pkg: string, file: (weight: string) => string): Record<Variant, PackageFace> {
  return {
    r: { pkg, path: file('400Regular') },
    b: { pkg, path: file('700Bold') },
    i: { pkg, path: file('400Regular_Italic') },
    bi: { pkg, path: file('700Bold_Italic') },
  };
}

function dejavu(base: string, slant: 'Italic' | 'Oblique'): Record<Variant, PackageFace> {
  const pkg = 'dejavu-fonts-ttf';
  return {
    r: { pkg, path: `ttf/${base}.ttf` },
    b: { pkg, path: `ttf/${base}-Bold.ttf` },
    i: { pkg, path: `ttf/${base}-${slant}.ttf` },
    bi: { pkg, path: `ttf/${base}-Bold${slant}.ttf` },
  };
}
