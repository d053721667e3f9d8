// HTML books: BookDoc → self-contained HTML pages (see render-book.ts).
export { renderBook, renderIndex, startBook, type BookInProgress, type RenderedBook, type RenderOptions } from './render-book.js';
export { cachedSanitizedCount, forgetSanitized, retainSanitized } from './markdown-to-hast.js';
export type { HtmlLabels } from './context.js';
export { loadTemplate, TemplateError, type Template } from './template.js';
export { SEARCH_INDEX_FILE, SITE_SCRIPT_FILE, siteFiles } from './site.js';
