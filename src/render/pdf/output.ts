// Memory for big books (thousands of pages). With buffered pages pdfkit keeps every page's
// content stream in memory until the document ends, as one tiny Uint8Array per operator. Here
// operators are packed into larger arrays, and a page the layout has moved past is written out
// (compressed) at once; whatever is drawn on it later (running header and footer, a card's
// edge, the contents) goes into a second, small content stream of that page.

const PACK_AT = 4 * 1024;

interface ContentRef {
  write(chunk: Uint8Array | string): void;
  end(chunk?: Uint8Array | string): void;
}

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
    end();
  };
}

/** Collects a stream's chunks into large blocks. */
export class OutputBytes {
  private readonly blocks: Uint8Array[] = [];
  private current = new Uint8Array(1 << 20);
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
    this.current = new Uint8Array(1 << 20);
    this.used = 0;
  }
}
