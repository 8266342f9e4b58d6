/*
 * Source: issue 15 (StrykerJS on src/losses/siglip.ts): the surviving mutants of logSigmoid's branch (`x >= 0` →
 * true, false, `x < 0`): one branch overflows e^{−x} for x far below 0, the other e^{x} far above, and x − log1p(e^x)
 * loses every digit of e^{−x} for x = 40.
 * Expected: logSigmoid(x) = −log(1 + e^{−x}) agrees with fixtures/oracle/losses_mutants.json (mpmath, 60 digits;
 * scripts/make_oracle_losses_mutants.py) at 1e-14 relative for x in {±1000, ±40, ±1, ±2^−30, 0}, and the SigLIP loss
 * of logits ±1000 is finite and equals the value by hand.
 */
import { describe, expect, it } from 'vitest';
import { logSigmoid, sigLipLoss } from '../../src/losses/index.js';
import type { Tolerance } from '../../src/numeric/index.js';
import { expectClose, M } from '../helpers/assert.js';
import { oracle } from './mutants-oracle.js';

const REL14: Tolerance = { abs: 1e-300, rel: 1e-14, ulps: 4 };

describe('logSigmoid', () => {
  for (const { x, value } of oracle.logSigmoid) {
    it(`log σ(${x}) = ${Number(value)}`, () => expectClose(logSigmoid(x), Number(value), REL14, `log σ(${x})`));
  }
});

describe('SigLIP at logits ±1000', () => {
  it('X = Y = I, s = 1000, b = 0: diagonal log σ(1000) ≈ −e^−1000, off-diagonal log σ(−0) = −log 2', () => {
    const I = M([
      [1, 0],
      [0, 1],
    ]);
    // L = −(1/2)[2 log σ(1000) + 2 log σ(−0)] = log 2 + e^−1000 = log 2 in double
    expectClose(sigLipLoss(I, I, 1000, 0), Math.LN2, REL14, 'L');
    // bias −1000 on the off-diagonal: log σ(−(0·s − 1000)) = log σ(1000) ≈ 0; diagonal log σ(1000 − 1000) = −log 2
    expectClose(sigLipLoss(I, I, 1000, -1000), Math.LN2, REL14, 'L with bias −1000');
    expect(Number.isFinite(sigLipLoss(I, I, 1e6, 1e6))).toBe(true);
  });
});
