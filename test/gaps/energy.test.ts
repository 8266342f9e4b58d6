/*
 * Source: issue 15 item 4 (StrykerJS on src/gaps/energy.ts: small exact cases and the bandwidth check).
 * Values are derived by hand in the comments (V-statistics: every pair (i, j), the diagonal included).
 * Expected: energy distance 10 for single points 5 apart and 1 for {0, 2e₁} against {e₁}; MMD² of single points
 * 2 − 2e^{−q/(2σ²)}; a set against itself (same object or a copy) gives exactly 0; a bad σ is named.
 */
import { describe, expect, it } from 'vitest';
import { energyDistance, mmd2Rbf } from '../../src/gaps/index.js';
import { CrlInputError, matrix, tolerance } from '../../src/numeric/index.js';
import { expectClose, M } from '../helpers/assert.js';

const T = tolerance({ rel: 1e-15, abs: 0 });

describe('energyDistance, exact cases', () => {
  it('single points 5 apart: 2·5 − 0 − 0 = 10', () => {
    expect(energyDistance(M([[0, 0]]), M([[3, 4]]))).toBe(10);
  });
  it('{0, 2e₁} against {e₁}: 2·1 − (0 + 2 + 2 + 0)/4 − 0 = 1', () => {
    expectClose(
      energyDistance(
        M([
          [0, 0],
          [2, 0],
        ]),
        M([[1, 0]]),
      ),
      1,
      T,
      'energy distance',
    );
    expectClose(
      energyDistance(
        M([[1, 0]]),
        M([
          [0, 0],
          [2, 0],
        ]),
      ),
      1,
      T,
      'symmetric',
    );
  });
  it('{0, 2e₁} against {0, e₁}: 2·(0 + 1 + 2 + 1)/4 − 1 − (0 + 1 + 1 + 0)/4 = 1/2', () => {
    expectClose(
      energyDistance(
        M([
          [0, 0],
          [2, 0],
        ]),
        M([
          [0, 0],
          [1, 0],
        ]),
      ),
      0.5,
      T,
      'energy distance',
    );
  });
  it('a set against itself or a copy is exactly 0', () => {
    const X = M([
      [0.1, 0.7],
      [-0.3, 0.2],
      [0.9, -0.4],
    ]);
    expect(energyDistance(X, X)).toBe(0);
    expect(
      energyDistance(
        X,
        M([
          [0.1, 0.7],
          [-0.3, 0.2],
          [0.9, -0.4],
        ]),
      ),
    ).toBe(0);
  });
});

describe('mmd2Rbf, exact cases', () => {
  it('single points: 1 + 1 − 2e^{−q/(2σ²)}', () => {
    // q = 25, σ = 5: 2 − 2e^{−1/2}
    expectClose(mmd2Rbf(M([[0, 0]]), M([[3, 4]]), 5), 2 - 2 * Math.exp(-0.5), T, 'MMD²');
    // σ = 2.5: 2 − 2e^{−2}
    expectClose(mmd2Rbf(M([[0, 0]]), M([[3, 4]]), 2.5), 2 - 2 * Math.exp(-2), T, 'MMD² (σ = 2.5)');
  });
  it('{0, 2e₁} against {e₁}, σ = 1: Kxx = (2 + 2e^{−2})/4, Kyy = 1, Kxy = e^{−1/2}', () => {
    const want = (2 + 2 * Math.exp(-2)) / 4 + 1 - 2 * Math.exp(-0.5);
    expectClose(
      mmd2Rbf(
        M([
          [0, 0],
          [2, 0],
        ]),
        M([[1, 0]]),
        1,
      ),
      want,
      tolerance({ rel: 1e-14, abs: 0 }),
      'MMD²',
    );
  });
  it('{0, 0} against {10e₁, 10e₁}, σ = 1: the diagonal k(0) = 1 counts, 1 + 1 − 2e^{−50} ≈ 2', () => {
    // each set's kernel mean is 1 (every pair at distance 0); without the diagonal it would be 1/2 and the result 1
    expectClose(
      mmd2Rbf(
        M([
          [0, 0],
          [0, 0],
        ]),
        M([
          [10, 0],
          [10, 0],
        ]),
        1,
      ),
      2,
      T,
      'MMD²',
    );
  });
  it('a set against itself or a copy is exactly 0', () => {
    const X = M([
      [0.1, 0.7],
      [-0.3, 0.2],
    ]);
    expect(mmd2Rbf(X, X, 0.5)).toBe(0);
    expect(
      mmd2Rbf(
        X,
        M([
          [0.1, 0.7],
          [-0.3, 0.2],
        ]),
        0.5,
      ),
    ).toBe(0);
  });
  it('names a bad bandwidth', () => {
    const X = M([[1, 0]]);
    for (const sigma of [0, -1, NaN, Infinity]) {
      expect(() => mmd2Rbf(X, X, sigma)).toThrow(CrlInputError);
      expect(() => mmd2Rbf(X, X, sigma)).toThrow(`mmd2Rbf: bandwidth σ must be finite and > 0, got ${sigma}`);
    }
    expect(() => energyDistance(X, M([[1, 0, 0]]))).toThrow(/^X has dimension 2, Y has 3$/);
    expect(() => energyDistance(matrix(0, 2), M([[1, 0]]))).toThrow(/^X \(first modality\) needs at least 1 row/);
    expect(() => mmd2Rbf(M([[1, 0]]), matrix(0, 2), 1)).toThrow(/^Y \(second modality\) needs at least 1 row/);
  });
});
