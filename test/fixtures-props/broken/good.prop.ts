// A well-formed conjecture next to broken files: it must still run (test/framework/bad-input.test.ts).
import fc from 'fast-check';
import { defineConjecture, leq } from '../../../src/conjecture/index.js';

export default defineConjecture({
  id: 'fixture.good.square-nonnegative',
  title: 'x² >= 0',
  source: { paper: 'none', ref: 'test fixture', provenance: 'background' },
  expect: 'holds',
  given: fc.integer({ min: -100, max: 100 }),
  check: (x) => leq(0, x * x),
});
