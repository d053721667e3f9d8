// Links in the PDF: a record or section id becomes a named destination where it is drawn;
// a reference to it becomes a GoTo (same file) or GoToR (another book's PDF) annotation.

import type { BookDoc } from '../../book/types.js';
import type { StructElement } from './tags.js';

export type LinkTarget =
  /** A named destination in this PDF. */
  | { kind: 'dest'; name: string }
  /** A named destination in a sibling PDF (`buku-3.pdf`), opened by the viewer. */
  | { kind: 'file'; file: string; anchor: string; book?: string }
  | { kind: 'uri'; uri: string };

export function linkKey(target: LinkTarget | undefined): string {
  if (!target) return '';
  if (target.kind === 'dest') return `#${target.name}`;
  if (target.kind === 'file') return `${target.file}#${target.anchor}`;
  return target.uri;
}

/** Where a record id points, seen from this book; undefined for an unknown id. */
export function refTarget(book: BookDoc, id: string, sectionIds: ReadonlySet<string>): LinkTarget | undefined {
  const target = book.resolve(id);
  if (target) {
    return target.file === book.file
      ? { kind: 'dest', name: target.anchor }
      : { kind: 'file', file: `${target.file}.pdf`, anchor: target.anchor, book: target.book };
  }
  return sectionIds.has(id) ? { kind: 'dest', name: id } : undefined;
}

/**
 * A Markdown link URL: `#ID` (as the layout read it: `links`, src/book/lower-markdown.ts) →
 * record, a web or mail address → URI, anything else → none.
 */
export function urlTarget(book: BookDoc, links: ReadonlyMap<string, string>, url: string, sectionIds: ReadonlySet<string>): LinkTarget | undefined {
  const id = links.get(url);
  if (id !== undefined) return refTarget(book, id, sectionIds);
  if (/^(https?:|mailto:)/i.test(url)) return { kind: 'uri', uri: url };
  return undefined;
}

/**
 * Named destinations of one PDF. Each id is registered once (the first place it is drawn), and
 * every GoTo is remembered so that a link to a name never drawn can be reported, not shipped.
 */
export class Destinations {
  /** Each anchored name and the index of the page it is on. */
  private readonly names = new Map<string, number>();
  private readonly wanted = new Set<string>();

  /** `page()`: index of the page being drawn (where `add` anchors a name). */
  constructor(private readonly page: () => number = () => -1) {}

  has(name: string): boolean {
    return this.names.has(name);
  }

  /** Anchor `name` at height `y` (from the page top) on the current page. */
  add(pdf: PDFKit.PDFDocument, name: string, y: number): void {
    if (!name || this.names.has(name)) return;
    this.names.set(name, this.page());
    pdf.addNamedDestination(name, 'XYZ', null, Math.max(0, y - 4), null);
  }

  /** Every anchored name with its page as printed (`label(index)`), for links from other books. */
  pageLabels(label: (index: number) => string): Map<string, string> {
    const out = new Map<string, string>();
    for (const [name, index] of this.names) out.set(name, label(index));
    return out;
  }

  /** Names linked to but never anchored (a renderer bug, not a user error). */
  dangling(): string[] {
    return [...this.wanted].filter((n) => !this.names.has(n)).sort();
  }

  /**
   * A clickable area on the current page; `structParent`: the Link structure element it belongs
   * to in a tagged PDF.
   */
  annotate(pdf: PDFKit.PDFDocument, x: number, y: number, w: number, h: number, target: LinkTarget, structParent?: StructElement): void {
    this.place(pdf, x, y, w, h, target, structParent ? ({ structParent } as object) : {});
    forgetWrittenAnnotation(pdf);
  }

  private place(pdf: PDFKit.PDFDocument, x: number, y: number, w: number, h: number, target: LinkTarget, options: object): void {
    if (target.kind === 'dest') {
      this.wanted.add(target.name);
      pdf.goTo(x, y, w, h, target.name, options as PDFKit.Mixins.AnnotationOption);
    } else if (target.kind === 'uri') {
      pdf.link(x, y, w, h, target.uri, options as PDFKit.Mixins.AnnotationOption);
    } else {
      // GoToR: the PDF way to open another file at a named destination (viewers resolve the
      // file name against this PDF's location, so the books link to each other side by side).
      const action = pdf.ref({
        S: 'GoToR',
        F: { Type: 'Filespec', F: new String(target.file), UF: new String(target.file) },
        D: new String(target.anchor),
        NewWindow: false,
      });
      action.end(undefined);
      pdf.annotate(x, y, w, h, { ...options, Subtype: 'Link', A: action } as unknown as PDFKit.Mixins.AnnotationOption);
    }
  }
}

/**
 * pdfkit writes a link annotation (and its action) out at once but keeps the reference objects
 * on the page until the document ends, though only their object numbers are needed by then. On
 * books of thousands of pages with a few dozen links each, that matters: keep a bare reference
 * (same class, so pdfkit still writes it as `n 0 R`) instead.
 */
function forgetWrittenAnnotation(pdf: PDFKit.PDFDocument): void {
  type Ref = { id: number; gen: number; offset?: number };
  const annots = (pdf.page as unknown as { dictionary?: { data?: { Annots?: Ref[] } } }).dictionary?.data?.Annots;
  const ref = annots?.[annots.length - 1];
  if (!ref || ref.offset === undefined || typeof ref.id !== 'number') return;
  const bare = Object.create(Object.getPrototypeOf(ref)) as Ref;
  bare.id = ref.id;
  bare.gen = ref.gen;
  annots[annots.length - 1] = bare;
}

/**
 * pdfkit sorts the destination name tree with `localeCompare`; the PDF format wants plain byte
 * order (viewers binary-search it), and locale order also varies between machines.
 */
export function useByteOrderForNames(pdf: PDFKit.PDFDocument): void {
  const root = (pdf as unknown as { _root?: { data?: { Names?: { data?: { Dests?: { _compareKeys?: unknown } } } } } })._root;
  const dests = root?.data?.Names?.data?.Dests;
  if (dests && typeof dests._compareKeys === 'function') {
    dests._compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  }
}
