// Watching a folder tree for the preview. Node 20's `fs.watch(dir, {recursive: true})` on Linux
// loses a file for good once an editor saves it by rename (`sed -i`, atomic-save editors): later
// in-place saves to it are never reported. Here every folder gets a watcher of its own (inotify
// on a folder reports its entries by name, whatever inode they have now), and after any rename
// the list of folders is walked again: new folders get a watcher, moved or deleted ones lose it.

import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

export interface TreeWatcher {
  close(): void;
}

/**
 * Calls `onChange` with the relative path (`/`-separated) of each entry that changed under
 * `root`. `skip` leaves out entries (and whole folders) that are not sources.
 */
export function watchTree(root: string, onChange: (rel: string) => void, skip: (rel: string) => boolean): TreeWatcher {
  const watchers = new Map<string, { watcher: FSWatcher; ino: number }>();
  let closed = false;
  let resync: NodeJS.Timeout | undefined;

  const later = () => {
    if (closed || resync) return;
    resync = setTimeout(() => {
      resync = undefined;
      sync();
    }, 20);
  };

  const open = (rel: string, ino: number) => {
    let watcher: FSWatcher;
    try {
      watcher = watch(rel === '' ? root : join(root, ...rel.split('/')), (event, name) => {
        if (closed || !name) return;
        const child = rel === '' ? name.toString() : `${rel}/${name.toString()}`;
        if (event === 'rename') later();
        if (!skip(child)) onChange(child);
      });
    } catch {
      return; // gone between the walk and now: the next walk settles it
    }
    // A folder deleted under its watcher: forget it, walk again.
    watcher.on('error', () => {
      watcher.close();
      if (watchers.get(rel)?.watcher === watcher) watchers.delete(rel);
      later();
    });
    watchers.set(rel, { watcher, ino });
  };

  const sync = () => {
    if (closed) return;
    const seen = new Set<string>();
    const walk = (rel: string) => {
      let ino: number;
      try {
        ino = statSync(rel === '' ? root : join(root, ...rel.split('/'))).ino;
      } catch {
        return;
      }
      seen.add(rel);
      const known = watchers.get(rel);
      // Same path, other folder (moved in place of the old one): the old watcher follows the
      // old folder wherever it went, so it is replaced.
      if (known && known.ino !== ino) {
        known.watcher.close();
        watchers.delete(rel);
      }
      if (!watchers.has(rel)) open(rel, ino);
      let entries;
      try {
        entries = readdirSync(rel === '' ? root : join(root, ...rel.split('/')), { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const child = rel === '' ? e.name : `${rel}/${e.name}`;
        if (e.isDirectory() && !skip(child)) walk(child);
      }
    };
    walk('');
    for (const [rel, w] of watchers) {
      if (!seen.has(rel)) {
        w.watcher.close();
        watchers.delete(rel);
      }
    }
  };

  sync();
  return {
    close() {
      closed = true;
      if (resync) clearTimeout(resync);
      for (const w of watchers.values()) w.watcher.close();
      watchers.clear();
    },
  };
}
