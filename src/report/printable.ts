// Text from worksheets and file names on its way to a terminal or a CI log. A value may hold
// control characters: ESC starts terminal escape sequences (colours, cursor moves, window
// titles), a line break would start a line of its own — in a GitHub Actions log a line that
// starts with `::error` is a workflow command. They are shown as escapes instead (`\x1b`, `\n`),
// as are the invisible characters that reorder or hide text (bidirectional controls).

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `s` with every control or invisible formatting character written as an escape. */
export function printable(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}

/**
 * Markdown for text that must show as it is (GitHub job summaries): every character that starts
 * inline Markdown or HTML is backslash-escaped (`\<` and `\&` leave no tag and no entity). Bare
 * web and mail addresses become links after escapes are read (GitHub and micromark both link
 * them in the decoded text), so a zero-width space goes inside `://`, `www.` and `@`.
 */
export function markdownText(s: string): string {
  return printable(s)
    .replace(/[\\`*_[\]<>&|~$]/g, (c) => `\\${c}`)
    .replace(/:\/\//g, ':\u200b//')
    .replace(/\b(www)\./gi, '$1\u200b.')
    .replace(/@/g, '@\u200b');
}
