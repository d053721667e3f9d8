// The layout cursor: which page we are on and how far down. Everything in the body is placed
// top to bottom through it, so page breaks happen in one place and never mid-line.

import { PAGE } from './theme.js';

/** A place in the laid-out book: page index (0-based) and height from the page top. */
export interface Mark {
  page: number;
  y: number;
}

/** A horizontal slice of the text area: blocks draw between `x` and `x + width`. */
export interface Frame {
  x: number;
  width: number;
}

export class Flow {
  page = -1;
  y: number = PAGE.margins.top;
  readonly top: number = PAGE.margins.top;
  /** Pages added from now on are landscape (a wide table: the traceability matrix). */
  landscape = false;
  /** The current page is landscape. */
  private pageLandscape = false;
  /** Called after every page break (tables repeat their header row through this). */
  private readonly breakHooks: (() => void)[] = [];

  /** `onLeave(page)`: the layout has moved past that page (its content can be written out). */
  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    private readonly onLeave?: (page: number) => void,
  ) {}

  /** Bottom of the text area of the current page. */
  get bottom(): number {
    return (this.pageLandscape ? PAGE.width : PAGE.height) - PAGE.margins.bottom;
  }

  get isLandscape(): boolean {
    return this.pageLandscape;
  }

  /** The whole text area of the current page. */
  get body(): Frame {
    return { x: PAGE.margins.left, width: (this.pageLandscape ? PAGE.height : PAGE.width) - PAGE.margins.left - PAGE.margins.right };
  }

  /** Height of the text area of an empty page. */
  get pageHeight(): number {
    return this.bottom - this.top;
  }

  get room(): number {
    return this.bottom - this.y;
  }

  get atTop(): boolean {
    return this.y <= this.top + 0.01;
  }

  newPage(): void {
    if (this.page >= 0) this.onLeave?.(this.page);
    this.pdf.addPage({ size: [PAGE.width, PAGE.height], margins: { ...PAGE.margins }, ...(this.landscape ? { layout: 'landscape' as const } : {}) });
    this.pageLandscape = this.landscape;
    this.page++;
    this.y = this.top;
    for (const hook of [...this.breakHooks]) hook();
  }

  /**
   * Make room for `height` points: break to a new page when they do not fit. On an empty
   * page nothing can be gained, so an oversized block stays and is split by its drawer.
   */
  ensure(height: number): boolean {
    if (this.y + height > this.bottom + 0.01 && !this.atTop) {
      this.newPage();
      return true;
    }
    return false;
  }

  /** Vertical space between blocks; swallowed at the top of a page. */
  gap(height: number): void {
    if (!this.atTop) this.y = Math.min(this.y + height, this.bottom);
  }

  mark(): Mark {
    return { page: this.page, y: this.y };
  }

  /** Run `hook` after each page break while `body` runs (e.g. repeat a table header). */
  whileBreaking<T>(hook: () => void, body: () => T): T {
    this.breakHooks.push(hook);
    try {
      return body();
    } finally {
      this.breakHooks.splice(this.breakHooks.indexOf(hook), 1);
    }
  }

  /**
   * Draw on each page between two marks — for decorations known only after their content
   * was laid out (a quote's bar, a card's edge): `paint(top, bottom)` runs per page slice.
   */
  paintSpan(from: Mark, to: Mark, paint: (top: number, bottom: number) => void): void {
    const current = this.page;
    for (let p = from.page; p <= to.page; p++) {
      const top = p === from.page ? from.y : this.top;
      const bottom = p === to.page ? to.y : this.bottom;
      if (bottom - top < 0.5) continue;
      this.pdf.switchToPage(p);
      paint(top, bottom);
    }
    this.pdf.switchToPage(current);
  }
}
