// A deliberately malformed properties file (test/framework/bad-input.test.ts): it throws at load time.
import { defineConjecture } from '../../../src/conjecture/index.js';
import fc from 'fast-check';

export default defineConjecture({
  id: 'Not A Valid Id',
  title: 'malformed on purpose',
  source: { paper: 'none', ref: 'none', provenance: 'background' },
  expect: 'holds',
  given: fc.integer(),
  check: () => undefined as never,
});
