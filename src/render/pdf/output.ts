// Memory for big books (thousands of pages). With buffered pages pdfkit keeps every page's
// content stream in memory until the document ends, as one tiny Uint8Array per operator. Here
// operators are packed into larger arrays, and a page the layout has moved past is written out
// (compressed) at once; whatever is drawn on it later (running header and footer, a card's
// edge, the contents) goes into a second, small content stream of that page.

import { deflateSync } from 'node:zlib';

const PACK_AT = 4 * 1024;

interface ContentRef {
  write(chunk: Uint8Array | string): void;
  end(chunk?: Uint8Array | string): void;
  /** pdfkit's (private) state of a stream object: its chunks, and whether it deflates them. */
  buffer?: unknown;
  compress?: unknown;
}

/**
 * Deflate level of the pages' content streams. pdfkit deflates at zlib's default (6); level 3
 * takes about 40 % of its time for files about 3 % larger (measured on the example's books).
 */
const CONTENT_LEVEL = 3;

interface PageLike {
  content: ContentRef;
  dictionary: { data: { Contents: unknown } };
}

export class PageContents {
  private readonly pages: PageLike[] = [];
  private readonly sealed = new Set<number>();
  private usable = true;

  constructor(private readonly pdf: PDFKit.PDFDocument) {
    pdf.on('pageAdded', () => {
      const page = pdf.page as unknown as PageLike;
      this.usable &&= typeof page.content?.write === 'function' && typeof page.content.end === 'function' && !!page.dictionary?.data;
      this.pages.push(page);
      if (this.usable) pack(page.content);
    });
  }

  /** Write out what page `index` holds so far. */
  seal(index: number): void {
    const page = this.pages[index];
    if (!this.usable || !page || this.sealed.has(index)) return;
    this.sealed.add(index);
    page.content.end();
    const next = this.pdf.ref({}) as unknown as ContentRef;
    pack(next);
    const contents = page.dictionary.data.Contents;
    page.dictionary.data.Contents = [...(Array.isArray(contents) ? contents : [contents]), next];
    page.content = next;
  }
}

/** Collect a content stream's operators as text and hand them to pdfkit in 4 KB arrays. */
function pack(content: ContentRef): void {
  const write = content.write.bind(content);
  const end = content.end.bind(content);
  let pending = '';
  let written = false;
  const flush = () => {
    if (pending) write(Buffer.from(pending, 'latin1')); // pdfkit's operators are binary strings
    written ||= pending.length > 0;
    pending = '';
  };
  content.write = (chunk) => {
    if (typeof chunk !== 'string') {
      flush();
      write(chunk);
      written = true;
      return;
    }
    pending += `${chunk}\n`;
    if (pending.length >= PACK_AT) flush();
  };
  content.end = (chunk) => {
    if (chunk !== undefined) content.write(chunk);
    // An empty reference would be written as a bare dictionary, not a stream.
    if (!written && !pending) pending = '\n';
    flush();
    // Deflated here at CONTENT_LEVEL; pdfkit then writes the bytes as they are (still FlateDecode).
    if (content.compress === true && Array.isArray(content.buffer) && content.buffer.length > 0) {
      content.buffer = [deflateSync(Buffer.concat(content.buffer as Uint8Array[]), { level: CONTENT_LEVEL })];
      content.compress = false;
    }
    end();
  };
}

/**
 * Send what pdfkit writes straight to `output`, not through its Readable stream: pdfkit writes
 * each object in several small pieces, and the stream's bookkeeping per piece cost more than
 * the writing. The bytes are the same (pdfkit's own offsets still count them); the stream only
 * signals the end.
 */
export function collectOutput(pdf: PDFKit.PDFDocument, output: OutputBytes): void {
  const doc = pdf as unknown as { _write?: (data: unknown) => void; _offset?: number };
  if (typeof doc._write === 'function' && typeof doc._offset === 'number') {
    // What pdfkit wrote already (the file header) waits in the stream: take it first.
    for (let chunk = pdf.read() as Uint8Array | null; chunk !== null; chunk = pdf.read() as Uint8Array | null) output.push(chunk);
  }
  pdf.on('data', (chunk: Uint8Array) => output.push(chunk));
  if (typeof doc._write !== 'function' || typeof doc._offset !== 'number') return;
  doc._write = function (this: { _offset: number }, data: unknown) {
    // pdfkit's strings are binary strings (one byte per character) ending in a line break.
    if (data instanceof Uint8Array) {
      output.push(data);
      this._offset += data.length;
      return;
    }
    this._offset += output.pushLine(String(data));
  };
}

const BLOCK = 1 << 20;

/** Collects a stream's chunks into large blocks. */
export class OutputBytes {
  private readonly blocks: Uint8Array[] = [];
  private current = Buffer.allocUnsafe(BLOCK);
  private used = 0;

  push(chunk: Uint8Array): void {
    if (chunk.length > this.current.length - this.used) {
      this.seal();
      if (chunk.length > this.current.length) {
        this.blocks.push(chunk.slice());
        return;
      }
    }
    this.current.set(chunk, this.used);
    this.used += chunk.length;
  }

  /**
   * A binary string (one byte per character) and a line break, written into the block as bytes
   * without a buffer of its own; the number of bytes written.
   */
  pushLine(line: string): number {
    const size = line.length + 1;
    if (size > this.current.length - this.used) {
      this.seal();
      if (size > this.current.length) {
        this.blocks.push(Buffer.from(`${line}\n`, 'latin1'));
        return size;
      }
    }
    this.current.write(line, this.used, 'latin1');
    this.current[this.used + line.length] = 10;
    this.used += size;
    return size;
  }

  bytes(): Uint8Array {
    this.seal();
    const size = this.blocks.reduce((n, b) => n + b.length, 0);
    const out = new Uint8Array(size);
    let at = 0;
    for (const b of this.blocks) {
      out.set(b, at);
      at += b.length;
    }
    return out;
  }

  private seal(): void {
    if (this.used > 0) this.blocks.push(this.current.subarray(0, this.used));
    this.current = Buffer.allocUnsafe(BLOCK);
    this.used = 0;
  }
}
