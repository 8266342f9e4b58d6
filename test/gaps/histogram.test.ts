/*
 * Source: issue 15 item 4 (StrykerJS on src/gaps: angleHistogram and meanPairDistance had no direct test, so
 * mutants of their defaults, wrapping, smoothing and checks survived). Values are derived by hand in the comments.
 * Expected: the default histogram has 60 bins and pseudo-count 1e-8; angles wrap to [−π, π) with period 2π;
 * the two symmetric-KL conventions give (2/3)·ln 2 and (1/3)·ln 2 on a two-bin example; bad options are named;
 * meanPairDistance is the mean Euclidean distance between partners (a 3-4-5 example gives 2.5).
 */
import { describe, expect, it } from 'vitest';
import {
  angleHistogram,
  anglesOf,
  histogramSymmetricKlHalf,
  histogramSymmetricKlSum,
  meanPairDistance,
} from '../../src/gaps/index.js';
import { CrlInputError, matrix, tolerance } from '../../src/numeric/index.js';
import { expectClose, M, throwsInput } from '../helpers/assert.js';

const T = tolerance({ rel: 1e-15, abs: 0 });
/** The normalizing total is a float64 sum of 60 terms: relative error below 60·2^−53 ≈ 7e-15. */
const T60 = tolerance({ rel: 1e-13, abs: 0 });

describe('angleHistogram', () => {
  it('defaults: 60 bins, pseudo-count 1e-8, normalized', () => {
    // angle 0 → t = π, bin width 2π/60, so bin 30; total mass 1 + 60·1e-8
    const h = angleHistogram([0]);
    expect(h.length).toBe(60);
    const total = 1 + 60e-8;
    expectClose(h[30]!, (1 + 1e-8) / total, T60, 'the occupied bin');
    for (const k of [0, 29, 31, 59]) expectClose(h[k]!, 1e-8 / total, T60, `empty bin ${k}`);
  });

  it('places angles in bins of [−π, π) and wraps with period 2π', () => {
    // 4 bins of width π/2 starting at −π: −π + 0.1 → 0, −0.3 → 1, 0.3 → 2, π − 0.1 → 3
    expect([...angleHistogram([-Math.PI + 0.1, -0.3, 0.3, Math.PI - 0.1], { bins: 4, epsilon: 0 })]).toEqual([
      0.25, 0.25, 0.25, 0.25,
    ]);
    // π itself is −π (bin 0)
    expect([...angleHistogram([Math.PI], { bins: 4, epsilon: 0 })]).toEqual([1, 0, 0, 0]);
    // the largest float64 below π that does not round up to π when π is added: t = 2π − 2^−50 and, with
    // 3 bins, t/w rounds to 3, one past the last bin; the clamp keeps it in bin 2
    const nearPi = 3.1415926535897922;
    expect(nearPi + Math.PI).toBeLessThan(2 * Math.PI);
    expect([...angleHistogram([nearPi], { bins: 3, epsilon: 0 })]).toEqual([0, 0, 1]);
    for (const k of [-3, -1, 1, 2, 5]) {
      const a = 0.3 + 2 * Math.PI * k;
      expect([...angleHistogram([a], { bins: 4, epsilon: 0 })], `0.3 + 2π·${k}`).toEqual([0, 0, 1, 0]);
    }
  });

  it('adds the pseudo-count to every bin before normalizing', () => {
    // counts [0, 0, 1, 0] + 1 = [1, 1, 2, 1], over 5
    expect([...angleHistogram([0.3], { bins: 4, epsilon: 1 })]).toEqual([0.2, 0.2, 0.4, 0.2]);
    // no angles but a pseudo-count: the uniform histogram
    expect([...angleHistogram([], { bins: 2, epsilon: 1 })]).toEqual([0.5, 0.5]);
  });

  it('names bad options and angles', () => {
    throwsInput(() => angleHistogram([0], { bins: 0 }), /^angleHistogram: bins must be an integer >= 1, got 0$/);
    throwsInput(() => angleHistogram([0], { bins: 1.5 }), /bins must be an integer >= 1, got 1.5/);
    throwsInput(() => angleHistogram([0], { epsilon: -1 }), /^angleHistogram: epsilon must be >= 0, got -1$/);
    throwsInput(() => angleHistogram([0], { epsilon: Infinity }), /epsilon must be >= 0, got Infinity/);
    throwsInput(
      () => angleHistogram([], { epsilon: 0 }),
      /^angleHistogram: no angles and no pseudo-count: the histogram is empty$/,
    );
    throwsInput(() => angleHistogram([0, NaN]), /^angleHistogram: angle 1 is NaN$/);
    // one bin and zero pseudo-count are allowed
    expect([...angleHistogram([1, 2], { bins: 1, epsilon: 0 })]).toEqual([1]);
  });
});

describe('histogram symmetric KL conventions', () => {
  it('two bins: sum (2/3)·ln 2, half (1/3)·ln 2', () => {
    // bins 2 (width π), ε = 1: 0.3 → bin 1 gives p = [1, 2]/3; −0.3 → bin 0 gives q = [2, 1]/3;
    // KL(p‖q) + KL(q‖p) = Σ (p − q) log(p/q) = (1/3)·ln 2 + (1/3)·ln 2
    const opts = { bins: 2, epsilon: 1 };
    expectClose(histogramSymmetricKlSum([0.3], [-0.3], opts), (2 / 3) * Math.LN2, T, 'sum convention');
    expectClose(histogramSymmetricKlHalf([0.3], [-0.3], opts), Math.LN2 / 3, T, 'half convention');
  });
});

describe('anglesOf', () => {
  it('is atan2(y, x) per row and needs 2-D points', () => {
    expect([
      ...anglesOf(
        M([
          [0, 1],
          [-1, 0],
          [1, 0],
        ]),
      ),
    ]).toEqual([Math.PI / 2, Math.PI, 0]);
    expect(() => anglesOf(M([[1, 0, 0]]))).toThrow(/^anglesOf: angles need 2-D points, got dimension 3$/);
    expect(() =>
      anglesOf(
        M([
          [1, 0],
          [0, 0],
        ]),
      ),
    ).toThrow(/^anglesOf: row 1 is the zero vector and has no angle$/);
    expect(() => anglesOf(matrix(0, 2))).toThrow(/^points needs at least 1 row/);
  });
});

describe('meanPairDistance', () => {
  it('is (1/B) Σ_i ‖x_i − y_i‖', () => {
    // ‖(0,0) − (3,4)‖ = 5, ‖(1,1) − (1,1)‖ = 0, ‖(2,0) − (0,0)‖ = 2: mean 7/3
    const X = M([
        [0, 0],
        [1, 1],
        [2, 0],
      ]),
      Y = M([
        [3, 4],
        [1, 1],
        [0, 0],
      ]);
    expectClose(meanPairDistance(X, Y), 7 / 3, T, 'mean pair distance');
    expect(() => meanPairDistance(X, M([[0, 0]]))).toThrow(CrlInputError);
    expect(() => meanPairDistance(X, M([[0, 0]]))).toThrow(
      /^X is 3×2 but Y is 1×2; paired batches must have the same shape$/,
    );
    expect(() => meanPairDistance(matrix(0, 2), X)).toThrow(/^X needs at least 1 row/);
    expect(() => meanPairDistance(X, matrix(0, 2))).toThrow(/^Y needs at least 1 row/);
  });
});
