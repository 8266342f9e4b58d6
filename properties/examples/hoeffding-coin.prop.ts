/*
 * Worked statistical example from docs/adding-a-conjecture.md (kept identical to the doc by a test).
 * Claim (docs/claims.md C10, its Hoeffding step): n fair coin flips have a mean within √(log(2/δ)/(2n)) of ½ with
 * probability >= 1 − δ. The planted false twin halves the width.
 */
import fc from 'fast-check';
import { defineConjecture } from '../../src/conjecture/index.js';
import type { Rng } from '../../src/numeric/index.js';

const source = { paper: 'li2026', ref: 'claims.md C10', provenance: 'reconstructed' } as const;
const given = fc.integer({ min: 1, max: 200 });
/** One draw: |fraction of heads in n fair flips − ½| <= c·√(log(2/δ)/(2n)), δ = 0.05. */
const within = (n: number, rng: Rng, c: number): boolean => {
  let heads = 0;
  for (let i = 0; i < n; i++) heads += rng.uniform() < 0.5 ? 1 : 0;
  return Math.abs(heads / n - 0.5) <= c * Math.sqrt(Math.log(2 / 0.05) / (2 * n));
};

export default [
  defineConjecture({
    id: 'examples.hoeffding.coin',
    title: 'Hoeffding: |mean of n fair coins − ½| <= √(log(2/δ)/(2n)) with probability >= 1 − δ',
    source,
    expect: 'holds',
    kind: 'statistical',
    given,
    trials: 200,
    delta: 0.05,
    alpha: 1e-3,
    trial: (n, rng) => within(n, rng, 1),
  }),
  defineConjecture({
    id: 'examples.hoeffding.coin-half-width',
    title: 'Planted false: the same bound with half the width',
    source,
    expect: 'refuted',
    kind: 'statistical',
    given,
    trials: 200,
    delta: 0.05,
    alpha: 1e-3,
    trial: (n, rng) => within(n, rng, 0.5),
    expectedCounterexample: 'n = 2: the deviation is 0 or ½, and ½ exceeds the half width 0.48 half the time',
  }),
];
