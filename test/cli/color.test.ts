// When output is coloured: NO_COLOR wins; otherwise the stream's own hasColors() decides (on a
// terminal: FORCE_COLOR=0, TERM=dumb, NODE_DISABLE_COLORS turn it off), and a pipe is coloured only
// when FORCE_COLOR asks. In-process matrix, then the real binary on a real pseudo-terminal.

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { useColor, type Io } from '../../src/cli/context.js';
import { BIN } from '../helpers/cli.js';
import { makeFixture } from '../helpers/fixtures.js';

const io = (isTTY: boolean, env: Record<string, string>): Io => ({ out: () => {}, err: () => {}, cwd: '/', isTTY, env });

describe('colour decision (env matrix)', () => {
  const rows: [string, boolean, Record<string, string>, boolean][] = [
    ['terminal, TERM=xterm-256color', true, { TERM: 'xterm-256color' }, true],
    ['terminal, TERM=xterm', true, { TERM: 'xterm' }, true],
    ['terminal, TERM=dumb', true, { TERM: 'dumb' }, false],
    ['terminal, no TERM at all', true, {}, false],
    ['terminal, FORCE_COLOR=0', true, { TERM: 'xterm-256color', FORCE_COLOR: '0' }, false],
    ['terminal, FORCE_COLOR=false', true, { TERM: 'xterm-256color', FORCE_COLOR: 'false' }, false],
    ['terminal, NODE_DISABLE_COLORS=1', true, { TERM: 'xterm-256color', NODE_DISABLE_COLORS: '1' }, false],
    ['terminal, NO_COLOR=1', true, { TERM: 'xterm-256color', NO_COLOR: '1' }, false],
    ['terminal, NO_COLOR=1 beats FORCE_COLOR=1', true, { TERM: 'xterm-256color', NO_COLOR: '1', FORCE_COLOR: '1' }, false],
    ['terminal, empty NO_COLOR counts as unset', true, { TERM: 'xterm-256color', NO_COLOR: '' }, true],
    ['terminal, TERM=dumb but FORCE_COLOR=1', true, { TERM: 'dumb', FORCE_COLOR: '1' }, true],
    ['pipe, TERM=xterm-256color', false, { TERM: 'xterm-256color' }, false],
    ['pipe, FORCE_COLOR=1', false, { FORCE_COLOR: '1' }, true],
    ['pipe, FORCE_COLOR=3', false, { FORCE_COLOR: '3' }, true],
    ['pipe, FORCE_COLOR= (empty)', false, { FORCE_COLOR: '' }, true],
    ['pipe, FORCE_COLOR=0', false, { FORCE_COLOR: '0' }, false],
    ['pipe, FORCE_COLOR=1 and NO_COLOR=1', false, { FORCE_COLOR: '1', NO_COLOR: '1' }, false],
  ];
  for (const [name, isTTY, env, expected] of rows) {
    it(`${name} → ${expected ? 'colour' : 'plain'}`, () => {
      expect(useColor(io(isTTY, env))).toBe(expected);
    });
  }

  it("asks the stream's own hasColors() when the io has one", () => {
    const seen: Record<string, string | undefined>[] = [];
    const withStream: Io = { ...io(true, { TERM: 'dumb', NO_COLOR: '' }), hasColors: (env) => (seen.push(env), true) };
    expect(useColor(withStream)).toBe(true);
    expect(seen).toEqual([{ TERM: 'dumb' }]);
  });
});

describe('colour on a real terminal (script(1) gives the binary a pseudo-terminal)', () => {
  it('TERM=xterm colours; TERM=dumb, FORCE_COLOR=0 and NO_COLOR do not', () => {
    const repo = makeFixture('formats');
    const run = (env: Record<string, string>) => {
      const r = spawnSync('script', ['-qec', `"${process.execPath}" "${BIN}" validate`, '/dev/null'], {
        cwd: repo,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(r.stdout).toContain('galat');
      return /\x1b\[3[13]m/.test(r.stdout);
    };
    expect(run({ TERM: 'xterm-256color' })).toBe(true);
    expect(run({ TERM: 'dumb' })).toBe(false);
    expect(run({ TERM: 'xterm-256color', FORCE_COLOR: '0' })).toBe(false);
    expect(run({ TERM: 'xterm-256color', NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
  });
});
