// The part of `linebreak` (UAX #14, a dependency of pdfkit; no published types) the PDF renderer uses.
declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    /** The next break opportunity: `position` is the offset after the break; null at the end. */
    nextBreak(): { position: number; required: boolean } | null;
  }
}
