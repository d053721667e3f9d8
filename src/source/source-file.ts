// One input file, the one owner of its text and positions: its text with line starts
// (source-text.ts), where its YAML sits, the data read from it, its Markdown body, and — when a
// problem is reported in it — its YAML document, from which a data path becomes a text range
// (locate.ts). The load stage makes these (src/load/parse-file.ts); checks, diagnostics and the
// language server only read them.

import type { Document } from 'yaml';
import { yamlLib } from './yaml-lib.js';
import type { SourceText } from './source-text.js';

/** How every YAML document of an input file is parsed (the parse stage and the re-parse agree). */
export const YAML_OPTIONS = { uniqueKeys: true, prettyErrors: false, strict: true, logLevel: 'error' } as const;

/** `part`: a region-level file under umum/; `theme`: theme.yaml of the templates folder. */
export type FileRole = 'config' | 'rpjmd' | 'worksheet' | 'part' | 'theme';

/** One input file after the parse stage. */
export interface SourceFile {
  /** Relative to the masterplan root, `/` separators. */
  rel: string;
  role: FileRole;
  /** The file's text without BOM (for an undecodable file: the part before the bad byte). */
  source: SourceText;
  /**
   * The YAML document (the whole file, or the front matter of a `.md` file), for positions.
   * Kept only for files with syntax errors; for the others it is parsed again on demand by
   * `documentOf`, since only files with problems need positions and holding thousands of
   * syntax trees costs more in memory and garbage collection than parsing a few twice.
   */
  doc?: Document.Parsed;
  /** The YAML text (`source.text` from `yamlOffset`), to re-parse on demand. */
  yaml?: string;
  /** Offset of the YAML text inside `source.text`. */
  yamlOffset: number;
  /** The YAML as plain data; undefined when the file could not be read or parsed. */
  data: unknown;
  /** The Markdown body of a `.md` worksheet, with its offset in `source.text`. */
  body?: { text: string; offset: number };
  /** A syntax or encoding error: the file's data is not used by later stages. */
  fatal: boolean;
}

/** The file's YAML document, parsed again if it was dropped after the parse stage. */
export function documentOf(file: SourceFile): Document.Parsed | undefined {
  if (!file.doc && file.yaml !== undefined) file.doc = yamlLib().parseDocument(file.yaml, YAML_OPTIONS);
  return file.doc;
}
