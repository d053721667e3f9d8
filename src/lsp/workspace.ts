// The language server's view of one masterplan: the editor's open buffers laid over the files on
// disk, checked by the same pipeline as `masterplan validate`, and an index of where every id is
// defined and cited (for hover, definition, references and rename).

import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { at } from '../check/references.js';
import { findInMarkdown } from '../diagnostics/collector.js';
import type { Range } from '../diagnostics/diagnostic.js';
import { locate } from '../source/locate.js';
import { findRoot } from '../load/load-project.js';
import type { SourceFile } from '../source/source-file.js';
import { scanLinks } from '../markdown/scan-links.js';
import { allMarkdown } from '../model/walk.js';
import type { Markdown, Masterplan, RecordKind, SourceRef } from '../model/types.js';
import { checkProject, type CheckedProject } from '../pipeline.js';

/** A place in a file: relative path and offsets into its text. */
export interface Place {
  file: string;
  start: number;
  end: number;
}

export interface Occurrence extends Place {
  /** The id is written as `#ID` in a Markdown link (the place covers only the id). */
  link: boolean;
  /** Definition (the record's `id:` value) or a reference to it. */
  role: 'definition' | 'reference';
}

export class Workspace {
  private checked?: CheckedProject;
  private occurrences?: Map<string, Occurrence[]>;

  constructor(
    readonly root: string,
    /** Open buffers by relative path: what the editor shows, saved or not. */
    readonly buffers: Map<string, string> = new Map(),
  ) {}

  /** The masterplan a file belongs to: the nearest folder upward holding masterplan.yaml. */
  static rootFor(path: string): string | undefined {
    return findRoot(path, true);
  }

  rel(abs: string): string | undefined {
    const rel = relative(this.root, abs);
    if (rel === '' || rel.startsWith('..') || rel.startsWith(sep)) return undefined;
    return rel.split(sep).join('/');
  }

  abs(rel: string): string {
    return join(this.root, ...rel.split('/'));
  }

  /** Forget the last check: a buffer changed, or a file on disk did. */
  invalidate(): void {
    this.checked = undefined;
    this.occurrences = undefined;
  }

  get project(): CheckedProject {
    if (!this.checked) {
      if (!existsSync(join(this.root, 'masterplan.yaml'))) throw new Error(`no masterplan.yaml in ${this.root}`);
      this.checked = checkProject(this.root, { overlay: this.buffers });
    }
    return this.checked;
  }

  get model(): Masterplan {
    return this.project.model;
  }

  source(file: string): SourceFile | undefined {
    return this.project.sources.get(file);
  }

  /** Current text of a file: the open buffer, or what the check read from disk. */
  text(file: string): string | undefined {
    return this.buffers.get(file) ?? this.source(file)?.source.text;
  }

  /** Offsets of the value at a data path (quotes of a quoted scalar excluded). */
  placeOf(src: SourceRef): Place | undefined {
    const parsed = this.source(src.file);
    if (!parsed) return undefined;
    const span = locate(parsed, src.path, 'value');
    const text = parsed.source.text;
    let { start, end } = span;
    if ((text[start] === '"' || text[start] === "'") && end - start >= 2 && text[end - 1] === text[start]) {
      start++;
      end--;
    }
    return { file: src.file, start, end };
  }

  /** How often an id is cited (fields and `#ID` links), without working out where: cheap. */
  citations(id: string): number {
    let n = 0;
    for (const r of this.project.references) if (r.id === id) n++;
    for (const md of allMarkdown(this.model)) for (const link of scanLinks(md.text)) if (link.kind !== 'image' && link.url === `#${id}`) n++;
    return n;
  }

  /** Every place an id is written: its definition, references in fields, `#ID` links in Markdown. */
  occurrencesOf(id: string): Occurrence[] {
    return this.index().get(id) ?? [];
  }

  private index(): Map<string, Occurrence[]> {
    if (this.occurrences) return this.occurrences;
    const index = new Map<string, Occurrence[]>();
    const add = (id: string, o: Occurrence | undefined) => {
      if (!o || id === '') return;
      const list = index.get(id) ?? [];
      if (!list.some((x) => x.file === o.file && x.start === o.start)) list.push(o);
      index.set(id, list);
    };
    const model = this.model;
    for (const [id, rec] of model.index.ids) {
      const place = this.placeOf(at(rec.src, 'id'));
      if (place) add(id, { ...place, link: false, role: 'definition' });
    }
    for (const r of this.project.references) {
      const place = this.placeOf(r.src);
      // A reference whose text is not the id (a list written as a scalar, …) is not renamed.
      if (place && this.text(place.file)?.slice(place.start, place.end) === r.id) add(r.id, { ...place, link: false, role: 'reference' });
    }
    for (const md of allMarkdown(model)) {
      for (const link of scanLinks(md.text)) {
        if (link.kind === 'image' || !link.url.startsWith('#')) continue;
        const place = this.markdownPlace(md, link.offset, link.url);
        if (place) add(link.url.slice(1), { file: place.file, start: place.start + 1, end: place.end, link: true, role: 'reference' });
      }
    }
    for (const list of index.values()) list.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start));
    this.occurrences = index;
    return index;
  }

  private markdownPlace(md: Markdown, offset: number, needle: string): Place | undefined {
    const parsed = this.source(md.src.file);
    const span = parsed && findInMarkdown(parsed, md, offset, needle);
    return span && { file: md.src.file, ...span };
  }

  /** 1-based range of offsets in a file, as diagnostics carry them. */
  range(place: Place): Range | undefined {
    return this.source(place.file)?.source.range(place.start, place.end);
  }

  /** The kind of record an id names, `pokja`, or undefined. */
  kindOf(id: string): RecordKind | 'pokja' | undefined {
    const rec = this.model.index.ids.get(id);
    if (rec) return rec.kind;
    return this.model.pokja.some((p) => p.id === id) ? 'pokja' : undefined;
  }
}
