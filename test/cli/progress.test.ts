import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/context.js';
import { progress } from '../../src/cli/progress.js';

function io(errIsTTY: boolean, isTTY = false): Io & { text: () => string } {
  let err = '';
  return { out: () => {}, err: (s) => (err += s), cwd: '/', isTTY, errIsTTY, env: {}, text: () => err };
}

describe('build progress', () => {
  it('stays silent during the first second, then rewrites one line, and clears it at the end', () => {
    let t = 0;
    const tty = io(true);
    const bar = progress(tty, { quiet: false, now: () => t });
    bar.update('buku-1.pdf: Smart Governance');
    expect(tty.text()).toBe('');
    t = 1500;
    bar.update('buku-1.pdf: Smart Branding');
    bar.update('buku-2.pdf: Smart Governance');
    bar.done();
    expect(tty.text()).toBe('\r\x1b[Kbuku-1.pdf: Smart Branding\r\x1b[Kbuku-2.pdf: Smart Governance\r\x1b[K');
  });

  it('prints nothing when stderr is not a terminal, or with --quiet', () => {
    for (const [isTTY, quiet] of [[false, false], [true, true]] as const) {
      let t = 0;
      const out = io(isTTY);
      const bar = progress(out, { quiet, now: () => t });
      t = 5000;
      bar.update('buku-3.pdf: Smart Economy');
      bar.done();
      expect(out.text()).toBe('');
    }
  });

  it("follows stderr's terminal, where it writes, not stdout's", () => {
    for (const [errIsTTY, isTTY, shown] of [[true, false, true], [false, true, false]] as const) {
      let t = 0;
      const out = io(errIsTTY, isTTY);
      const bar = progress(out, { quiet: false, now: () => t });
      t = 5000;
      bar.update('buku-4.pdf');
      bar.done();
      expect(out.text()).toBe(shown ? '\r\x1b[Kbuku-4.pdf\r\x1b[K' : '');
    }
  });

  it('a quick build leaves nothing behind', () => {
    const tty = io(true);
    const bar = progress(tty, { quiet: false, now: () => 10 });
    bar.update('buku-1.html');
    bar.done();
    expect(tty.text()).toBe('');
  });
});
