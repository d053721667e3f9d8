// The few lines of JavaScript the preview adds to each page it serves (never to built books):
// listen for rebuilds and reload when this page changed. The script is a file of its own, not
// inline, so that the Content-Security-Policy can forbid every inline script (script-src 'self').

export const EVENTS_PATH = '/__masterplan/events';
export const RELOAD_PATH = '/__masterplan/reload.js';

/** Served at RELOAD_PATH; the page it reloads for is named by the tag's data-page attribute. */
export const RELOAD_SCRIPT = `(() => {
  const page = document.currentScript && document.currentScript.dataset.page;
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  events.addEventListener('rebuilt', (e) => {
    const changed = JSON.parse(e.data);
    if (changed.includes(page) || changed.includes('*')) location.reload();
  });
})();
`;

const attribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function reloadTag(page: string): string {
  return `<script src="${RELOAD_PATH}" data-page="${attribute(page)}"></script>`;
}

export function withReload(html: string, page: string): string {
  const script = reloadTag(page);
  const i = html.lastIndexOf('</body>');
  return i === -1 ? html + script : html.slice(0, i) + script + html.slice(i);
}
