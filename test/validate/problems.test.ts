// Diagnostics as values (src/diagnostics/message.ts, diagnostic.ts): the checks emit vfile
// messages that say what is wrong as message keys and arguments, without a locale; the text is
// written late, by render(problem, locale), in whichever language the reporter uses.
import { readdirSync } from 'node:fs';
import { VFileMessage } from 'vfile-message';
import { afterAll, describe, expect, it } from 'vitest';
import { render, sortDiagnostics, type Problem } from '../../src/diagnostics/diagnostic.js';
import { list, m, messageText, phraseText } from '../../src/diagnostics/message.js';
import { locale } from '../../src/i18n/index.js';
import { checkProject } from '../../src/pipeline.js';
import { FIXTURES, makeFixture, removeTemps } from '../helpers/fixtures.js';

afterAll(removeTemps);

const id = locale('id');
const en = locale('en');
const PROGRAMS = 'pokja/smart-economy/2-program-opd.yaml';

/** The text between a problem's offsets, read from the file it names. */
function textAt(checked: ReturnType<typeof checkProject>, p: Problem): string {
  return checked.sources.get(p.file)!.source.text.slice(p.place.start.offset, p.place.end.offset);
}

describe('the phrasebook m', () => {
  it('records keys and arguments, nested phrases included, and writes them in either language', () => {
    const p = m.unknownRef(m.kinds.program, 'PP-99');
    expect(p).toEqual({ id: 'unknownRef', args: [{ id: 'kinds.program', args: [] }, 'PP-99'] });
    expect(phraseText(p, id)).toBe('program RPJMD "PP-99" tidak ditemukan');
    expect(phraseText(p, en)).toBe('RPJMD program "PP-99" not found');
    expect(messageText([p, m.didYouMean('PP-09')], en)).toBe('RPJMD program "PP-99" not found; did you mean "PP-09"?');
    expect(phraseText(m.wrongType(list([m.typeNames.number, 'x'], ' / ')), en)).toBe('wrong type: expected a number / x');
    expect(phraseText(m.budgetMismatch({ money: 1500000 }, { money: 2000000 }), id)).toBe(id.messages.budgetMismatch('Rp 1.500.000', 'Rp 2.000.000'));
  });
});

describe('problems from the checks', () => {
  it('are vfile messages with place and offsets, rule id, source, expected and message keys', () => {
    const root = makeFixture(undefined, {
      [PROGRAMS]: 'pokja: smart-economy\nstage: 2\nquick_wins:\n  - id: QW-1\n    title: Galeri\n    opd: DISKOP\n    rpjmd: [PP-011]\n    year: 2023\n',
    });
    const checked = checkProject(root);
    const p = checked.problems.find((x) => x.ruleId === 'unknown-reference')!;
    expect(p).toBeInstanceOf(VFileMessage);
    expect(p).toMatchObject({ file: PROGRAMS, source: 'masterplan', ruleId: 'unknown-reference', fatal: true, severity: 'error', expected: ['PP-01'] });
    expect(p.place.start).toEqual({ line: 7, column: 13, offset: expect.any(Number) });
    expect(textAt(checked, p)).toBe('PP-011');
    expect(p.phrases).toEqual([m.unknownRef(m.kinds.program, 'PP-011'), m.didYouMean('PP-01')]);
    expect(p.reason).toBe('unknownRef; didYouMean');
    expect(render(p, en)).toMatchObject({ file: PROGRAMS, line: 7, column: 13, endLine: 7, endColumn: 19, message: 'RPJMD program "PP-011" not found; did you mean "PP-01"?', expected: 'PP-01' });
    expect(render(p, id).message).toBe('program RPJMD "PP-011" tidak ditemukan; maksud Anda "PP-01"?');
  });

  it('suggest the value meant: a misspelt part name of umum/ as well', () => {
    const checked = checkProject(makeFixture(undefined, { 'umum/penutup.yaml': 'part: closng\n' }));
    const p = checked.problems.find((x) => x.file === 'umum/penutup.yaml')!;
    expect(p).toMatchObject({ ruleId: 'schema', expected: ['closing'] });
    expect(p.phrases[1]).toEqual(m.didYouMean('closing'));
    expect(textAt(checked, p)).toBe('closng');
  });

  it('name the related place: the first definition of a duplicate id, the record of the wrong kind', () => {
    const dup = checkProject(makeFixture('duplicate-id'));
    const p = dup.problems.find((x) => x.ruleId === 'duplicate-id' && x.file === PROGRAMS)!;
    expect(p.related).toMatchObject({ file: PROGRAMS, place: { start: { line: 9, column: 9 } } });
    expect(textAt(dup, p)).toBe('QW-1');
    expect(dup.sources.get(PROGRAMS)!.source.text.slice(p.related!.place.start.offset, p.related!.place.end.offset)).toBe('QW-1');

    const kind = checkProject(makeFixture('wrong-kind'));
    const w = kind.problems.find((x) => x.ruleId === 'unknown-reference')!;
    expect(w.phrases).toEqual([m.wrongKind('T1.1', m.kinds.goal, m.kinds.program)]);
    expect(w.related).toMatchObject({ file: 'rpjmd.yaml', place: { start: { line: 8, column: 9 } } });
  });

  // Every fixture of the case table: its problems, checked once in Indonesian and written in
  // English afterwards, are what a run in English reports (the checks do not depend on the locale).
  it.each(readdirSync(FIXTURES).filter((f) => f !== 'base'))('%s: rendered in English as an English run reports them', (name) => {
    const root = makeFixture(name);
    const inId = checkProject(root, { lang: 'id' });
    const inEn = checkProject(root, { lang: 'en' });
    expect(sortDiagnostics(inId.problems.map((p) => render(p, en)))).toEqual(inEn.diagnostics);
    expect(sortDiagnostics(inEn.problems.map((p) => render(p, id)))).toEqual(inId.diagnostics);
  });
});
