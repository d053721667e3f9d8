// Tagged PDF: the logical structure (headings, paragraphs, lists, tables, figures, links) that
// screen readers and reflowing viewers read, built with pdfkit's structure elements while the
// page is drawn, so the reading order is the drawing order.
//
// Everything on a page is an artifact (rules, tints, bars, running headers and footers, page
// numbers, the draft mark) unless it is drawn as the content of a structure element: the tagger
// keeps an `/Artifact BMC … EMC` open on the page and closes it only around tagged content.
// Drawers say what they draw with `within(type, …)` around their existing drawing; `drawLine`
// (inline-text.ts) marks its text as content of the innermost open leaf element, or of a
// paragraph of its own when no leaf is open. The tagger is found from the pdfkit document
// (`tagsOf`), so drawing functions keep their signatures.

export interface StructElement {
  add(child: unknown): StructElement;
  end(): void;
  dictionary: { data: Record<string, unknown> };
}

interface TaggedDoc {
  page: unknown;
  struct(type: string, options?: Record<string, unknown>): StructElement;
  addStructure(el: StructElement): void;
  markStructureContent(tag: string, options?: Record<string, unknown>): unknown;
  endMarkedContent(): void;
  addContent(op: string): void;
  switchToPage(n: number): unknown;
  on(event: string, fn: () => void): void;
}

/** Elements whose text is their content (drawn lines are marked into them, not wrapped in a P). */
const LEAF = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TH', 'TD', 'Lbl', 'LBody', 'Caption', 'Link', 'Figure', 'TOCI']);

export interface Leaf {
  el: StructElement;
  type: string;
  /** Created for one line only: end it after the line. */
  own: boolean;
}

const TAGGERS = new WeakMap<object, Tagger>();

/** The tagger of a pdfkit document, if the document is tagged. */
export function tagsOf(pdf: PDFKit.PDFDocument): Tagger | undefined {
  return TAGGERS.get(pdf);
}

export class Tagger {
  private readonly doc: TaggedDoc;
  private readonly stack: { el: StructElement; type: string }[] = [];
  /** Pages (pdfkit page objects) with an artifact sequence open. */
  private readonly open = new Set<unknown>();
  private artifactDepth = 0;
  private marking = 0;

  constructor(pdf: PDFKit.PDFDocument, lang: string) {
    this.doc = pdf as unknown as TaggedDoc;
    const root = this.doc.struct('Document', { lang });
    this.doc.addStructure(root);
    this.stack.push({ el: root, type: 'Document' });
    TAGGERS.set(pdf, this);
    // Every new page starts in artifact mode; leaving a page (for another one) closes it there.
    this.doc.on('pageAdded', () => this.openArtifact());
    const switchTo = this.doc.switchToPage.bind(this.doc);
    this.doc.switchToPage = (n: number) => {
      this.closeArtifact();
      const page = switchTo(n);
      this.openArtifact();
      return page;
    };
  }

  /** Before the layout leaves the current page (its content stream may be written out). */
  leavePage(): void {
    this.closeArtifact();
  }

  /** Before the document ends: close what is open (every element, the page's artifact). */
  finish(): void {
    while (this.stack.length > 1) this.stack.pop()?.el.end();
    this.closeArtifact();
  }

  get drawingArtifact(): boolean {
    return this.artifactDepth > 0;
  }

  /** A new element under `parent`, by default the innermost open one (not opened: see `inside`). */
  create(type: string, options?: Record<string, unknown>, parent = this.stack[this.stack.length - 1].el): StructElement {
    const el = this.doc.struct(type, options);
    parent.add(el);
    return el;
  }

  /** Draw `body` with `el` as the innermost open element; it is ended afterwards unless `keep`. */
  inside<T>(el: StructElement, type: string, body: () => T, keep = false): T {
    const depth = this.stack.length;
    this.stack.push({ el, type });
    try {
      return body();
    } finally {
      while (this.stack.length > depth) {
        const top = this.stack.pop();
        if (top && (top.el !== el || !keep)) top.el.end();
      }
    }
  }

  /** `body` drawn as a new element of `type` (headings, lists, tables, sections, …). */
  within<T>(type: string, body: () => T, options?: Record<string, unknown>): T {
    return this.inside(this.create(type, options), type, body);
  }

  /** `body` drawn as decoration only (running headers, repeated table headers). */
  artifact<T>(body: () => T): T {
    this.artifactDepth++;
    try {
      return body();
    } finally {
      this.artifactDepth--;
    }
  }

  /** The element a drawn line belongs to: the innermost open leaf, or a paragraph of its own. */
  leaf(): Leaf | undefined {
    if (this.artifactDepth > 0 || this.marking > 0) return undefined;
    const top = this.stack[this.stack.length - 1];
    if (LEAF.has(top.type)) return { el: top.el, type: top.type, own: false };
    return { el: this.create('P'), type: 'P', own: true };
  }

  /** The innermost open element. */
  get current(): StructElement {
    return this.stack[this.stack.length - 1].el;
  }

  /** Whether the innermost open element takes drawn text directly. */
  get inLeaf(): boolean {
    return LEAF.has(this.stack[this.stack.length - 1].type);
  }

  /** Draw `body` as marked content of `el` on the current page. */
  mark(el: StructElement, type: string, body: () => void): void {
    // Inside marked content (a figure's own text) nothing is marked again: no nested MCIDs.
    if (this.artifactDepth > 0 || this.marking > 0) return body();
    this.closeArtifact();
    const content = this.doc.markStructureContent(type);
    this.marking++;
    try {
      body();
    } finally {
      this.marking--;
      this.doc.endMarkedContent();
      el.add(content);
      this.openArtifact();
    }
  }

  private openArtifact(): void {
    const page = this.doc.page;
    if (!page || this.open.has(page)) return;
    this.doc.addContent('/Artifact BMC');
    this.open.add(page);
  }

  private closeArtifact(): void {
    const page = this.doc.page;
    if (!page || !this.open.has(page)) return;
    this.doc.addContent('EMC');
    this.open.delete(page);
  }
}

/** `body` inside an element of `type` when the document is tagged; just `body` otherwise. */
export function within<T>(pdf: PDFKit.PDFDocument, type: string, body: () => T, options?: Record<string, unknown>): T {
  const tags = tagsOf(pdf);
  return tags ? tags.within(type, body, options) : body();
}

/** `body` drawn as an artifact when the document is tagged. */
export function asArtifact<T>(pdf: PDFKit.PDFDocument, body: () => T): T {
  const tags = tagsOf(pdf);
  return tags ? tags.artifact(body) : body();
}

/**
 * `draw` (an image, a chart) as a Figure with its alternative text; `box`: [left, top, right,
 * bottom] from the page top. Text drawn inside is part of the figure, not paragraphs of its own.
 */
export function figure(pdf: PDFKit.PDFDocument, alt: string, box: [number, number, number, number], draw: () => void): void {
  const tags = tagsOf(pdf);
  if (!tags || tags.drawingArtifact) return draw();
  const el = tags.create('Figure', { alt, bbox: box });
  tags.inside(el, 'Figure', () => tags.mark(el, 'Figure', draw));
}

/** The heading element for a level (H1 … H6). */
export function headingTag(level: number): string {
  return `H${Math.min(6, Math.max(1, Math.round(level)))}`;
}
