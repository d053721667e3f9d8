// The rule `validate` relies on to skip laying out the books (src/check/anchors.ts): every
// anchor the layout makes up for something that is not a record holds a lower-case letter.
// Checked on the example and on the fixture with every addition of format 1, so a new generated
// section or row anchor without one fails here, not silently in a user's masterplan.

import { describe, expect, it } from 'vitest';
import { generatedAnchors } from '../../src/check/anchors.js';
import { checkProject } from '../../src/pipeline.js';
import { EXAMPLE } from '../helpers/build.js';
import { makeFixture, removeTemps } from '../helpers/fixtures.js';
import { afterAll } from 'vitest';

afterAll(removeTemps);

describe('generated anchors', () => {
  it.each([
    ['the example', () => EXAMPLE],
    ['umum-all', () => makeFixture('umum-all')],
  ])('all hold a lower-case letter (%s)', (_, root) => {
    const { model } = checkProject(root());
    const anchors = [...generatedAnchors(model).keys()];
    expect(anchors.length).toBeGreaterThan(20);
    const named = new Set([...model.pokja.flatMap((p) => [p.id, ...p.elements.map((e) => e.id)])]);
    expect(anchors.filter((id) => !/[a-z]/.test(id) && !named.has(id))).toEqual([]);
  });
});
