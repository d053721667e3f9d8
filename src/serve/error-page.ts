// What the preview shows while the worksheets have errors: the problems, at their places,
// instead of stale books (the server keeps running and reloads once they are fixed).

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Locale } from '../i18n/index.js';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function errorPage(diagnostics: readonly Diagnostic[], loc: Locale): string {
  const t = loc.messages;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.length - errors.length;
  const items = diagnostics
    .map(
      (d) =>
        `<li class="${d.severity}"><code>${escape(`${d.file}:${d.line}:${d.column}`)}</code> <strong>${escape(t.severity[d.severity])}</strong>: ${escape(d.message)} <span class="rule">(${escape(d.rule)})</span></li>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${loc.bcp47}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(t.previewErrorsTitle)}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1d232b; }
h1 { color: #a4161a; font-size: 1.5rem; }
li { margin: .4rem 0; }
li.warning strong { color: #8a5a00; }
li.error strong { color: #a4161a; }
code { background: #f1f3f5; padding: 0 .25rem; }
.rule { color: #5c6670; }
</style>
</head>
<body>
<h1>${escape(t.previewErrorsTitle)}</h1>
<p>${escape(t.previewErrorsCount(errors.length, warnings))}</p>
<p>${escape(t.previewErrorsHint)}</p>
<ul>
${items}
</ul>
</body>
</html>
`;
}
