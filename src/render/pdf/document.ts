// The pdfkit document for one book: A4, pages buffered (contents, running headers and footers
// are drawn after the body), metadata from the book, and a creation date from the build date
// — pdfkit hashes the file ID from the info dictionary, so equal input gives equal bytes.

import PDFDocument from 'pdfkit';
import type { BookDoc } from '../../book/types.js';
import { registerFonts, useTheme } from './fonts.js';
import { usePalette } from './theme.js';
import { useByteOrderForNames } from './links.js';

export function createDocument(book: BookDoc): PDFKit.PDFDocument {
  const date = new Date(book.date.epoch * 1000);
  const subject = book.cover.bookTitle ? `${book.cover.bookLabel}: ${book.cover.bookTitle}` : book.cover.title;
  const pdf = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: book.langTag,
    // A structure tree (tags.ts) and /MarkInfo: screen readers and reflow read the book.
    tagged: true,
    displayTitle: true,
    info: {
      Title: book.title,
      Author: book.cover.region,
      Subject: subject,
      Keywords: ['Smart City', 'Masterplan', book.cover.region, book.cover.bookLabel].filter(Boolean).join(', '),
      Creator: 'masterplan',
      Producer: 'masterplan (PDFKit)',
      CreationDate: date,
      ModDate: date,
    },
  });
  useByteOrderForNames(pdf);
  escapeXmpMetadata(pdf);
  // The book's theme: its faces stand for the font roles, its colours make the palette.
  useTheme(book.theme);
  usePalette(book.theme.colors);
  registerFonts(pdf);
  return pdf;
}

/**
 * pdfkit writes the info values into its XMP packet unescaped; a title with `&` or `<` would
 * make that XML invalid. Escape them there only (the info dictionary keeps the plain text).
 */
function escapeXmpMetadata(pdf: PDFKit.PDFDocument): void {
  const doc = pdf as unknown as { info: Record<string, unknown>; _addInfo?: () => void };
  const original = doc._addInfo;
  if (typeof original !== 'function') return;
  doc._addInfo = function (this: typeof doc) {
    const plain = this.info;
    const escaped: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(plain)) {
      escaped[key] = typeof value === 'string' ? value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : value;
    }
    this.info = escaped;
    try {
      original.call(this);
    } finally {
      this.info = plain;
    }
  };
}
