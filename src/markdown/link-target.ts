// What a Markdown link target names: `#ID` → the record (or Pokja, or section) id, with
// percent-escapes decoded (`#PP%2D07` is `PP-07`). One reading for the check and the book
// layout; the renderers get the answer from the layout (src/book/lower-markdown.ts).

/** The id a `#…` link target names; undefined for any other target (a web address, a file). */
export function linkedId(url: string): string | undefined {
  if (!url.startsWith('#')) return undefined;
  const id = url.slice(1);
  try {
    return decodeURIComponent(id);
  } catch {
    return id; // a stray `%`: kept as written
  }
}
