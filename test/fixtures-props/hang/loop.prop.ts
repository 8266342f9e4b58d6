/*
 * Test fixture: a check that never returns once x > 5 (an infinite loop), beside one that is fine. A run with a
 * time limit must stop the first in its worker, report it as a timeout with what it had done, and still run the
 * second and write its reports.
 */
import fc from 'fast-check';
import { defineConjecture, leq } from '../../../src/conjecture/index.js';

const source = { paper: 'none', ref: 'test fixture', provenance: 'background' as const };

export default [
  defineConjecture({
    id: 'fixture.hang.loops-forever',
    title: 'a check that never returns for x > 5',
    source,
    expect: 'holds',
    given: fc.integer({ min: 0, max: 100 }),
    check: (x) => {
      while (x > 5) x += 0; // never ends
      return leq(x, 5);
    },
  }),
  defineConjecture({
    id: 'fixture.hang.square-nonnegative',
    title: 'x² >= 0',
    source,
    expect: 'holds',
    given: fc.integer({ min: -10, max: 10 }),
    check: (x) => leq(0, x * x),
  }),
];
