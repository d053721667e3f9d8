// Offsets → 1-based line/column over a whole file's text (BOM already removed).
// Lines end at LF; a CR before it is not counted as a column.

/** A text range, 1-based, end column exclusive as editors count it. */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export class SourceText {
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    let i = text.indexOf('\n');
    while (i !== -1) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    this.lineStarts = starts;
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    const off = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= off) lo = mid;
      else hi = mid - 1;
    }
    let column = off - this.lineStarts[lo] + 1;
    // An offset pointing at the CR of a CRLF pair is shown as the end of the line.
    const lineEnd = this.lineEnd(lo);
    if (off > lineEnd) column = lineEnd - this.lineStarts[lo] + 1;
    return { line: lo + 1, column };
  }

  range(start: number, end: number): Range {
    const a = this.position(start);
    const b = this.position(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  /** Offset just past the last character of a 0-based line, CR and LF excluded. */
  lineEnd(index: number): number {
    const next = index + 1 < this.lineStarts.length ? this.lineStarts[index + 1] - 1 : this.text.length;
    return next > this.lineStarts[index] && this.text[next - 1] === '\r' ? next - 1 : next;
  }

  /** Offset of a 1-based line's first character. */
  offsetOfLine(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))];
  }
}
