/*
 * Source: issue 15 item 4, the mutants of src/gaps/energy.ts that docs/mutation.md left open: the float64 RBF
 * kernel e^{−g·q} → e^{−g/q}, the MMD² combination Kxx + Kyy − 2Kxy → Kxx − Kyy − 2Kxy, and the double-double
 * bandwidth 2σ·σ → (2/σ)·σ. Each was masked on the earlier fixtures: the wrong value was negative, so the
 * double-double fallback recomputed it, or σ = 1 made the mutant an identity.
 * Expected: MMD² equals its closed form (V-statistic, every pair (i, j) with the diagonal, kernel
 * e^{−q/(2σ²)}, written out in each case) on a single point against two points on either side of it (where
 * e^{−g/q} would give a positive wrong value), on a point against two far points, and on two points 2^−20 rad
 * apart at σ = 2 (where float64 cannot certify the value and the double-double path decides it).
 */
import { describe, it } from 'vitest';
import { mmd2Rbf } from '../../src/gaps/index.js';
import { tolerance } from '../../src/numeric/index.js';
import { expectClose, M } from '../helpers/assert.js';

/** ‖a − b‖² of two plane points, written out (the inputs are the same doubles mmd2Rbf reads). */
const sq = (a: readonly number[], b: readonly number[]): number => (a[0]! - b[0]!) ** 2 + (a[1]! - b[1]!) ** 2;

describe('mmd2Rbf: cases where the float64 value stands', () => {
  it('{a} against {b, c}, b and c at ±0.1 rad from a, σ = 1: 1 + (2 + 2k(bc))/4 − (k(ab) + k(ac))', () => {
    const a = [1, 0],
      b = [Math.cos(0.1), Math.sin(0.1)],
      c = [Math.cos(0.1), -Math.sin(0.1)];
    // Kxx = 1 (one point), Kyy = (k(0) + k(0) + 2k(bc))/4, Kxy = (k(ab) + k(ac))/2, so
    // MMD² = (1 − k(ab)) + (1 − k(ac)) − (1 − k(bc))/2, each 1 − k(q) = −expm1(−q/2) to full precision
    const oneMinusK = (q: number): number => -Math.expm1(-q / 2);
    const expected = oneMinusK(sq(a, b)) + oneMinusK(sq(a, c)) - oneMinusK(sq(b, c)) / 2;
    // about 9.9e-5 (terms of 1e-2 cancel: 1e-13 relative); the mutant kernel e^{−g/q} gives
    // e^{−g/q_bc}/2 − 2e^{−g/q_ab} = 1.8e-6 here, positive, so its float64 value would stand
    expectClose(mmd2Rbf(M([a]), M([b, c]), 1), expected, tolerance({ rel: 1e-10 }), 'MMD²');
  });
  it('{e₁} against {e₂, −e₂}, σ = ½: Kxx + Kyy − 2Kxy = 1 + (2 + 2e^{−8})/4 − 2e^{−4}', () => {
    const expected = 1 + (2 + 2 * Math.exp(-8)) / 4 - 2 * Math.exp(-4);
    const X = M([[1, 0]]),
      Y = M([
        [0, 1],
        [0, -1],
      ]);
    // Kxx − Kyy − 2Kxy would be 0.463, positive: the float64 result would stand
    expectClose(mmd2Rbf(X, Y, 0.5), expected, tolerance({ rel: 1e-14 }), 'MMD²');
    expectClose(mmd2Rbf(Y, X, 0.5), expected, tolerance({ rel: 1e-14 }), 'MMD², sets swapped');
  });
});

describe('mmd2Rbf: a near-zero case decided in double-double, σ ≠ 1', () => {
  for (const sigma of [2, 0.5]) {
    it(`single points 2^−20 rad apart, σ = ${sigma}: 2 − 2e^{−q/(2σ²)} = −2·expm1(−q/(2σ²))`, () => {
      const theta = 2 ** -20,
        a = [1, 0],
        b = [Math.cos(theta), Math.sin(theta)];
      // q ≈ 2^−40 ≈ 9.1e-13: the float64 sum 1 + 1 − 2k keeps about 4u/q·… of it, so the bound sends it to
      // double-double; with 2σ² mistaken for 2 the value would be off by the factor σ²
      const expected = -2 * Math.expm1(-sq(a, b) / (2 * sigma * sigma));
      expectClose(mmd2Rbf(M([a]), M([b]), sigma), expected, tolerance({ rel: 1e-12 }), 'MMD²');
    });
  }
});
