// DNS rebinding: a web page at evil.example can make its own name resolve to 127.0.0.1 and then
// read the preview as if it were same-origin. The browser still sends `Host: evil.example:PORT`,
// so the preview answers only requests addressed to a loopback name at its own port.

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

/** Whether a request's Host header names this preview: a loopback name and the port it listens on. */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const h = host.toLowerCase();
  return LOOPBACK.some((name) => h === `${name}:${port}` || (port === 80 && h === name));
}
