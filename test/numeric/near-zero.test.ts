/*
 * Source: issue 11, item 4 (relative accuracy near zero). Golden values: fixtures/oracle/near_zero.json, written
 * by scripts/make_oracle_near_zero.py (mpmath, 250 digits, textbook formulas). Before the fix SupCon and the
 * normalized InfoNCE returned 0 or O(1)-wrong values near a zero loss, and the gaps, divergences and excess risk
 * carried a relative error of about eps·scale/value.
 * Expected: relative error <= 1e-10 for SupCon and the normalized InfoNCE down to 1e-100, and for KL, KL + KL,
 * ½(KL + KL), the centroid gap, energy distance, MMD² and the excess risk down to 1e-14 and below (MMD² is
 * relative down to 1e-21, then absolute 1e-31: the floor of double-double on kernel means of size ~1).
 */
import { describe, expect, it } from 'vitest';
import { centroidGap, energyDistance, mmd2Rbf } from '../../src/gaps/index.js';
import { infoNce, supConLoss } from '../../src/losses/index.js';
import { klDivergence, relativeError, symmetricKlHalf, symmetricKlSum } from '../../src/numeric/index.js';
import { excessRisk, type RankingModel } from '../../src/theory/ranking/index.js';
import { M, readOracle } from '../helpers/assert.js';

interface Oracle {
  supcon: { views: number[][][]; labels: number[] | null; tau: number; baseTau: number; loss: string }[];
  infonceNormalized: {
    anchors: number[][];
    positives: number[][];
    negatives: number[][];
    m: number;
    tau: number;
    loss: string;
    perAnchor: string[];
  }[];
  kl: { p: number[]; q: number[]; kl: string; klReverse: string; symmetricSum: string }[];
  gaps: {
    what: string;
    X: number[][];
    Y: number[][];
    sigma: number;
    centroidGap: string;
    energyDistance: string;
    mmd2: string;
  }[];
  excess: { p1: number[]; pPos: number[][]; pNeg: number[][]; s: number[][]; tau: number; excess: string }[];
}
const oracle = readOracle<never>('near_zero.json') as unknown as Oracle;

const REL = 1e-10;
/** Relative error <= 1e-10 against the oracle's decimal string (an exact 0 must come back as 0). */
function expectRelative(got: number, want: string, what: string): void {
  const w = Number(want);
  if (w === 0) {
    expect(got, what).toBe(0);
    return;
  }
  const err = relativeError(got, w);
  if (!(err <= REL)) expect.fail(`${what}: got ${got}, expected ${want} (relative error ${err.toExponential(2)})`);
}
const smallest = (values: string[]): number => Math.min(...values.map(Number).filter((v) => v > 0));

describe('losses near zero (down to 1e-100)', () => {
  oracle.supcon.forEach((c, i) =>
    it(`SupCon ${i}: ${c.loss.slice(0, 9)}`, () => {
      const loss = supConLoss({ views: c.views.map(M), labels: c.labels ?? undefined, tau: c.tau, baseTau: c.baseTau });
      expectRelative(loss, c.loss, 'SupCon');
    }),
  );
  oracle.infonceNormalized.forEach((c, i) =>
    it(`normalized InfoNCE ${i}: ${c.loss.slice(0, 9)}`, () => {
      const [anchors, positives, negatives] = [M(c.anchors), M(c.positives), M(c.negatives)];
      const r = infoNce({ anchors, positives, negatives, m: c.m, tau: c.tau, form: 'normalized' });
      expectRelative(r.loss, c.loss, 'loss');
      c.perAnchor.forEach((v, k) => expectRelative(r.perAnchor[k]!, v, `ℓ_${k}`));
    }),
  );
  it('the oracle reaches 1e-100 for both losses', () => {
    expect(smallest(oracle.supcon.map((c) => c.loss))).toBeLessThan(1e-100);
    expect(smallest(oracle.infonceNormalized.map((c) => c.loss))).toBeLessThan(1e-100);
  });
});

describe('divergences of near-equal laws (down to 1e-14)', () => {
  oracle.kl.forEach((c, i) =>
    it(`laws ${i}: KL = ${c.kl.slice(0, 9)}`, () => {
      expectRelative(klDivergence(c.p, c.q), c.kl, 'KL(p‖q)');
      expectRelative(klDivergence(c.q, c.p), c.klReverse, 'KL(q‖p)');
      expectRelative(symmetricKlSum(c.p, c.q), c.symmetricSum, 'KL + KL');
      expectRelative(2 * symmetricKlHalf(c.p, c.q), c.symmetricSum, '2 · ½(KL + KL)');
    }),
  );
  it('the oracle reaches below 1e-14', () => expect(smallest(oracle.kl.map((c) => c.kl))).toBeLessThan(1e-14));
});

describe('gaps of near-equal sets (down to 1e-14)', () => {
  oracle.gaps.forEach((c) =>
    it(c.what, () => {
      const X = M(c.X),
        Y = M(c.Y);
      expectRelative(centroidGap(X, Y), c.centroidGap, 'centroid gap');
      expectRelative(energyDistance(X, Y), c.energyDistance, 'energy distance');
      // the double-double fallback keeps ~1e-32 of the kernel means (~1): relative 1e-10 down to 1e-21, absolute below
      if (Number(c.mmd2) >= 1e-21) expectRelative(mmd2Rbf(X, Y, c.sigma), c.mmd2, 'MMD²');
      else expect(Math.abs(mmd2Rbf(X, Y, c.sigma) - Number(c.mmd2)), 'MMD² (absolute)').toBeLessThanOrEqual(1e-31);
    }),
  );
  it('the oracle reaches below 1e-14', () => {
    expect(smallest(oracle.gaps.map((c) => c.centroidGap))).toBeLessThan(1e-14);
    expect(smallest(oracle.gaps.map((c) => c.energyDistance))).toBeLessThan(1e-14);
    expect(smallest(oracle.gaps.map((c) => c.mmd2))).toBeLessThan(1e-14);
  });
});

describe('excess risk near the optimum (down to 1e-14)', () => {
  oracle.excess.forEach((c, i) =>
    it(`model ${i}: L − L* = ${c.excess.slice(0, 9)}`, () => {
      const model: RankingModel = { p1: c.p1, pPos: c.pPos, pNeg: c.pNeg };
      expectRelative(excessRisk(model, c.s, c.tau), c.excess, 'L(s) − L*');
    }),
  );
  it('the oracle reaches below 1e-14', () => expect(smallest(oracle.excess.map((c) => c.excess))).toBeLessThan(1e-14));
});
