// Running the CLI from tests: in-process through `main(argv, io)` with buffers (fast, used for
// almost every case), or as a child process through the real `bin/masterplan.js` (proves the
// binary, its exit codes and that nothing ends in a stack trace).

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/context.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
export const BIN = fileURLToPath(new URL('../../bin/masterplan.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd: string;
  /**
   * Environment seen by the command; by default an empty one (no NO_COLOR / FORCE_COLOR leaks in),
   * with `TERM=xterm-256color` when `isTTY` (a terminal as users have it; `TERM: undefined` drops it).
   */
  env?: Record<string, string | undefined>;
  /** Whether stdout counts as a terminal (colour); default false. */
  isTTY?: boolean;
  /** Whether stderr counts as a terminal (progress line); default false. */
  errIsTTY?: boolean;
}

/** Runs `masterplan <args>` in-process with buffer io. */
export async function runCli(args: string[], opts: CliOptions): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out: (s) => {
      stdout += s;
    },
    err: (s) => {
      stderr += s;
    },
    cwd: opts.cwd,
    isTTY: opts.isTTY ?? false,
    errIsTTY: opts.errIsTTY ?? false,
    env: opts.isTTY ? { TERM: 'xterm-256color', ...opts.env } : (opts.env ?? {}),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Runs `node bin/masterplan.js <args>` as a child process (the bundle must be built). */
export function runCliProcess(args: string[], opts: CliOptions): CliResult {
  const env: Record<string, string> = {};
  // Only what node needs to start, and the suite's cache folder (vitest.config.ts); no colour
  // variables, no MASTERPLAN_DEBUG. A variable set to undefined in `opts.env` is left out.
  for (const k of ['PATH', 'HOME', 'TMPDIR', 'SYSTEMROOT', 'MASTERPLAN_CACHE']) if (process.env[k] !== undefined) env[k] = process.env[k]!;
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { code: r.status ?? (r.signal ? 128 : -1), stdout: r.stdout, stderr: r.stderr };
}

/** A stack trace line as node prints them ("    at fn (file:line:col)"). */
export const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|<anonymous>\)?)$/m;
