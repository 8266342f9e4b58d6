// A synthetic statistical conjecture: each trial fails with probability 0.045 < δ = 0.05 (test/framework/runner.test.ts).
import fc from 'fast-check';
import { defineConjecture } from '../../../src/conjecture/index.js';

export default defineConjecture({
  id: 'fixture.stat.bernoulli-under',
  title: 'Bernoulli failure rate 0.045 <= δ = 0.05',
  kind: 'statistical',
  source: { paper: 'none', ref: 'synthetic Bernoulli', provenance: 'background' },
  expect: 'holds',
  given: fc.constant(0.045),
  trials: 20000,
  delta: 0.05,
  alpha: 1e-3,
  runs: 5,
  trial: (p, rng) => rng.uniform() >= p,
});
