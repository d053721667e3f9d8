// The few lines of JavaScript the preview adds to each page it serves (never to built books):
// listen for rebuilds and reload when this page changed. The script is a file of its own, not
// inline, so that the Content-Security-Policy can forbid every inline script (script-src 'self').
//
// A page also says which version of itself it was served as. A rebuild finished between the
// page's load and the moment its event stream connects is told to no one (a save made right
// after a reload); the server compares the version the stream names with the page's version
// now and, if they differ, tells that page to reload at once.

export const EVENTS_PATH = '/__masterplan/events';
export const RELOAD_PATH = '/__masterplan/reload.js';

/**
 * Served at RELOAD_PATH; the page it reloads for is named by the tag's data-page attribute, the
 * version it was served as by data-version.
 */
export const RELOAD_SCRIPT = `(() => {
  const tag = document.currentScript;
  const page = tag && tag.dataset.page;
  const query = new URLSearchParams({ page: page || '', version: (tag && tag.dataset.version) || '' });
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)} + '?' + query);
  events.addEventListener('rebuilt', (e) => {
    const changed = JSON.parse(e.data);
    if (changed.includes(page) || changed.includes('*')) location.reload();
  });
})();
`;

const attribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function reloadTag(page: string, version: string): string {
  return `<script src="${RELOAD_PATH}" data-page="${attribute(page)}" data-version="${attribute(version)}"></script>`;
}

export function withReload(html: string, page: string, version: string): string {
  const script = reloadTag(page, version);
  const i = html.lastIndexOf('</body>');
  return i === -1 ? html + script : html.slice(0, i) + script + html.slice(i);
}
