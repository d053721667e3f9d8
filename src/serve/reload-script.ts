// The few lines of JavaScript the preview adds to each page it serves (never to built books):
// listen for rebuilds and reload when this page changed.

export const EVENTS_PATH = '/__masterplan/events';

export function reloadScript(page: string): string {
  return `<script>(() => {
  const page = ${JSON.stringify(page)};
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  events.addEventListener('rebuilt', (e) => {
    const changed = JSON.parse(e.data);
    if (changed.includes(page) || changed.includes('*')) location.reload();
  });
})();</script>`;
}

export function withReload(html: string, page: string): string {
  const script = reloadScript(page);
  const i = html.lastIndexOf('</body>');
  return i === -1 ? html + script : html.slice(0, i) + script + html.slice(i);
}
