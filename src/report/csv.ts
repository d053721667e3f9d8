// CSV as Excel opens it in an Indonesian locale: UTF-8 with a byte order mark (else Excel reads
// the bytes as ANSI), `;` as the default delimiter (the list separator of id-ID), CRLF line ends,
// RFC 4180 quoting.

export type CsvDelimiter = ';' | ',';
export const CSV_DELIMITERS: readonly CsvDelimiter[] = [';', ','];

const BOM = '\uFEFF';

/**
 * One field, RFC 4180: quoted when it holds the delimiter, a quote, CR or LF (quotes doubled).
 * A text starting with = + - @ would run as a formula in a spreadsheet; it gets a leading `'`
 * (the usual guard against formula injection), numbers stay numbers.
 */
export function csvField(value: string | number, delimiter: CsvDelimiter): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s) && !/^[+-]?\d+([.,]\d+)?$/.test(s)) s = `'${s}`;
  return s.includes(delimiter) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csv(rows: (string | number)[][], delimiter: CsvDelimiter): string {
  return BOM + rows.map((r) => r.map((v) => csvField(v, delimiter)).join(delimiter) + '\r\n').join('');
}
