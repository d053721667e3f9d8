// The preview's second line of defence against a missed save: the files the latest build read
// (and their folders, whose stamps change when an entry is added, removed or renamed) are
// stat-ed on a short poll and compared with what they were when the build read them. Watchers
// can miss events (network folders, editors that save in odd ways, inotify limits); stamps don't.

import { statSync } from 'node:fs';

/** Modification time (ns), size and inode; `-` for a path that is not there. */
export function stampOf(path: string): string {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.mtimeNs}:${s.size}:${s.ino}`;
  } catch {
    return '-';
  }
}

export class FileStamps {
  /** Absolute path → [key told to the rebuild, stamp]. */
  private stamps = new Map<string, [string, string]>();

  /**
   * Starts over with `paths` (absolute path → rebuild key). `before` holds stamps taken before
   * the build read the files, so a save during the build still differs on the next poll.
   */
  track(paths: ReadonlyMap<string, string>, before: ReadonlyMap<string, string>): void {
    const next = new Map<string, [string, string]>();
    for (const [path, key] of paths) next.set(path, [key, before.get(path) ?? stampOf(path)]);
    this.stamps = next;
  }

  /** Stamps of the tracked paths, now (taken before a build). */
  now(): Map<string, string> {
    return new Map([...this.stamps.keys()].map((p) => [p, stampOf(p)]));
  }

  /** The keys of tracked paths whose stamp changed since last seen (and remembers the new one). */
  changed(): string[] {
    const keys: string[] = [];
    for (const [path, entry] of this.stamps) {
      const stamp = stampOf(path);
      if (stamp === entry[1]) continue;
      entry[1] = stamp;
      keys.push(entry[0]);
    }
    return keys;
  }

  get size(): number {
    return this.stamps.size;
  }
}
