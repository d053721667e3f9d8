// Reading PDFs back in tests with pdfjs-dist (the legacy build runs on Node 20): text per page,
// bookmarks, link annotations resolved to page indexes, named destinations and metadata.

import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

type PdfJsDocument = Awaited<ReturnType<typeof getDocument>['promise']>;

export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LinkInfo {
  /** Page index the link sits on. */
  page: number;
  rect: number[];
  /** Internal link: the named destination and the page index it resolves to. */
  dest?: string;
  destPage?: number;
  /** Link to another file or a web address, as written in the PDF. */
  url?: string;
}

export interface OutlineNode {
  title: string;
  page: number;
  children: OutlineNode[];
}

export interface PdfInfo {
  pages: number;
  /** Text of each page, items joined by spaces (whitespace collapsed). */
  text: string[];
  items: TextItem[][];
  pageSizes: { width: number; height: number }[];
  links: LinkInfo[];
  outline: OutlineNode[];
  info: Record<string, unknown>;
  /** The page labels (/PageLabels) as a viewer shows them, or null when the PDF has none. */
  pageLabels: string[] | null;
  /** Page index of a named destination, or undefined when the PDF has none by that name. */
  destinationPage(name: string): Promise<number | undefined>;
  close(): Promise<void>;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfInfo> {
  const doc: PdfJsDocument = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 })
    .promise;
  const pageOfDest = async (dest: unknown): Promise<number | undefined> => {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : (dest as unknown[] | null);
    if (!explicit || !explicit[0]) return undefined;
    const ref = explicit[0];
    return typeof ref === 'number' ? ref : doc.getPageIndex(ref as Parameters<PdfJsDocument['getPageIndex']>[0]);
  };
  const text: string[] = [];
  const items: TextItem[][] = [];
  const pageSizes: { width: number; height: number }[] = [];
  const links: LinkInfo[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [x0, y0, x1, y1] = page.view;
    pageSizes.push({ width: x1 - x0, height: y1 - y0 });
    const content = await page.getTextContent();
    const pageItems: TextItem[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      pageItems.push({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height });
    }
    items.push(pageItems);
    text.push(
      pageItems
        .map((t) => t.str)
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    for (const annot of await page.getAnnotations()) {
      if (annot.subtype !== 'Link') continue;
      const link: LinkInfo = { page: i - 1, rect: annot.rect };
      if (annot.dest) {
        link.dest = typeof annot.dest === 'string' ? annot.dest : undefined;
        link.destPage = await pageOfDest(annot.dest);
      }
      if (annot.unsafeUrl || annot.url) link.url = annot.unsafeUrl ?? annot.url;
      links.push(link);
    }
  }
  const convert = async (nodes: { title: string; dest: unknown; items: unknown[] }[] | null): Promise<OutlineNode[]> => {
    const out: OutlineNode[] = [];
    for (const node of nodes ?? []) {
      out.push({
        title: node.title,
        page: (await pageOfDest(node.dest)) ?? -1,
        children: await convert(node.items as { title: string; dest: unknown; items: unknown[] }[]),
      });
    }
    return out;
  };
  const outline = await convert((await doc.getOutline()) as { title: string; dest: unknown; items: unknown[] }[] | null);
  const meta = await doc.getMetadata();
  return {
    pages: doc.numPages,
    text,
    items,
    pageSizes,
    links,
    outline,
    info: meta.info as Record<string, unknown>,
    pageLabels: await doc.getPageLabels(),
    destinationPage: (name) => pageOfDest(name),
    close: () => doc.destroy(),
  };
}
