// One writer at a time per output folder: `.OUT.lock` next to OUT, created with O_EXCL and holding
// the writer's process id. A build that finds the lock held waits (the swap it waits for takes
// moments) and then writes its own complete output; after `timeoutMs` it gives up with a message
// naming the process. A lock whose process is gone (killed build) is stale and taken over.

import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

export class OutputBusyError extends Error {
  constructor(
    readonly pid: number,
    readonly lock: string,
    readonly seconds: number,
  ) {
    super(`${lock} is held by process ${pid}`);
  }
}

interface Holder {
  pid: number;
  host: string;
  token: string;
}

export interface LockOptions {
  timeoutMs: number;
  /** Told once, when the lock is held by another live process and the build starts waiting. */
  onWait?: (pid: number) => void;
}

/** Takes the lock at `path` (waiting as described above); returns the function that releases it. */
export function acquireLock(path: string, opts: LockOptions): () => void {
  const me: Holder = { pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex') };
  const start = Date.now();
  let told = false;
  for (;;) {
    if (tryCreate(path, me)) return () => release(path, me);
    const holder = readHolder(path);
    if (holder === 'gone') continue;
    if (holder === 'unreadable' ? olderThan(path, 10_000) : isStale(holder)) {
      breakStale(path, holder === 'unreadable' ? undefined : holder.token);
      continue;
    }
    if (holder === 'unreadable') {
      // Created a moment ago and not yet written (or stale once old, above): look again shortly.
      sleep(10);
      continue;
    }
    if (Date.now() - start >= opts.timeoutMs) throw new OutputBusyError(holder.pid, path, Math.round(opts.timeoutMs / 1000));
    if (!told) opts.onWait?.(holder.pid);
    told = true;
    sleep(50);
  }
}

/** Whether process `pid` exists on this machine (EPERM: it exists, owned by someone else). */
export function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryCreate(path: string, me: Holder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, JSON.stringify(me) + '\n');
  } finally {
    closeSync(fd);
  }
  return true;
}

function readHolder(path: string): Holder | 'gone' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw e;
  }
  try {
    const h = JSON.parse(text) as Holder;
    if (Number.isSafeInteger(h.pid) && h.pid > 0 && typeof h.host === 'string' && typeof h.token === 'string') return h;
  } catch {
    // A lock just created and not yet written, or written by something else: judged by its age.
  }
  return 'unreadable';
}

/** Stale: its process is gone. Only judged on the same machine (a pid means nothing elsewhere). */
function isStale(h: Holder): boolean {
  return h.host === hostname() && !alive(h.pid);
}

function olderThan(path: string, ms: number): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > ms;
  } catch {
    return false;
  }
}

/**
 * Removes a stale lock without removing a live one taken meanwhile by another waiter: the lock is
 * moved to a name of our own (atomic), and if what we moved is not the stale lock we judged (its
 * token differs), it is put back with link(), which fails rather than replace a newer lock.
 */
function breakStale(path: string, token: string | undefined): void {
  const mine = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, mine);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  const moved = readHolder(mine);
  const same = token === undefined ? moved === 'unreadable' : typeof moved === 'object' && moved.token === token;
  if (!same) {
    try {
      linkSync(mine, path);
    } catch {
      // Another writer took the lock in between: theirs stands, ours (moved aside) is dropped.
    }
  }
  unlinkSync(mine);
}

function release(path: string, me: Holder): void {
  const h = readHolder(path);
  if (typeof h === 'object' && h.token === me.token) unlinkSync(path);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
