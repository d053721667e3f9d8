// Progress on a terminal: one line on stderr, rewritten in place, shown only once a build has
// taken more than a second (a quick build prints nothing) and never when stderr is not a TTY
// (stdout may be piped to a file while stderr is still the user's terminal, and the other way round).

import type { Io } from './context.js';

export interface Progress {
  update(msg: string): void;
  done(): void;
}

const SILENT: Progress = { update: () => {}, done: () => {} };

export function progress(io: Io, opts: { quiet: boolean; delayMs?: number; now?: () => number }): Progress {
  if (opts.quiet || io.errIsTTY !== true) return SILENT;
  const now = opts.now ?? (() => performance.now());
  const start = now();
  const delay = opts.delayMs ?? 1000;
  let shown = false;
  const width = Math.max(20, (process.stderr.columns ?? 80) - 1);
  return {
    update(msg) {
      if (now() - start < delay) return;
      shown = true;
      const line = msg.length > width ? `${msg.slice(0, width - 1)}…` : msg;
      io.err(`\r\x1b[K${line}`);
    },
    done() {
      if (shown) io.err('\r\x1b[K');
    },
  };
}
