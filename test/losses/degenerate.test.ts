/*
 * Source: issue "Foundation" — degenerate input gives a clear error or the documented value, never a
 * silent NaN: N = 1, d = 1, zero vectors, mismatched shapes, τ <= 0, non-finite entries.
 * Expected: each case below either throws CrlInputError with a message naming the problem, or returns
 * the value documented in the kernel's JSDoc.
 */
import { describe, expect, it } from 'vitest';
import {
  alignment,
  clipLoss,
  clipLossWithGrad,
  infoNce,
  sigLipLoss,
  supConLoss,
  uniformity,
} from '../../src/losses/index.js';
import { centroidCosine, centroidGap, energyDistance, mmd2Rbf, recallAtK, anglesOf } from '../../src/gaps/index.js';
import { besselIScaled, fromRows, matrix, normalizeRows } from '../../src/numeric/index.js';
import { logPartitionVolume, sampleUniformSphere, sampleVmf } from '../../src/sphere/index.js';
import { Rng } from '../../src/numeric/index.js';
import { M, throwsInput } from '../helpers/assert.js';

describe('documented values', () => {
  it('N = 1: the CLIP loss is 0 with zero gradient', () => {
    const r = clipLossWithGrad(M([[0.6, 0.8]]), M([[1, 0]]), 0.07);
    expect(r.loss).toBe(0);
    expect(Array.from(r.gradX.data).every((v) => v === 0)).toBe(true);
  });
  it('d = 1 (S⁰): the CLIP loss of B = 2 antipodal pairs is finite and exact', () => {
    const X = M([[1], [-1]]),
      tau = 0.5;
    // S = ±1/τ; each row: log(1 + e^{−2/τ})
    expect(clipLoss(X, X, tau)).toBeCloseTo(Math.log1p(Math.exp(-2 / tau)), 15);
  });
  it('zero rows are scored as given (ClipLoss does not normalize): all-zero batch gives log N', () => {
    expect(clipLoss(matrix(4, 3), matrix(4, 3), 0.1)).toBeCloseTo(Math.log(4), 15);
  });
  it('a loss near 0 stays positive (log1p form), not 0 or negative', () => {
    const X = M([
      [1, 0],
      [0, 1],
      [-1, 0],
    ]);
    const v = clipLoss(X, X, 0.02);
    expect(v).toBeGreaterThan(0);
    expect(v).toBeLessThan(1e-20);
  });
  it('SupCon: an anchor without positives contributes 0, never NaN', () => {
    const v = supConLoss({
      views: [
        M([
          [1, 0],
          [0, 1],
          [0.6, 0.8],
          [-1, 0],
        ]),
      ],
      labels: [0, 1, 1, 2],
      tau: 0.1,
    });
    expect(Number.isFinite(v)).toBe(true);
  });
  it('the scaled Bessel function is finite far beyond exp overflow', () => {
    expect(Number.isFinite(besselIScaled(0, 1e6))).toBe(true);
    expect(logPartitionVolume(3, 0.001)).toBeGreaterThan(900);
  });
});

describe('clear errors', () => {
  const X = M([
    [1, 0],
    [0, 1],
  ]);
  it('τ <= 0, NaN or ∞', () => {
    for (const tau of [0, -1, NaN, Infinity]) throwsInput(() => clipLoss(X, X, tau), /tau must be a finite number > 0/);
  });
  it('mismatched shapes', () => {
    throwsInput(
      () =>
        clipLoss(
          X,
          M([
            [1, 0, 0],
            [0, 1, 0],
          ]),
          0.1,
        ),
      /X is 2×2 but Y is 2×3/,
    );
    throwsInput(() => alignment(X, M([[1, 0]])), /same shape/);
    throwsInput(() => centroidGap(X, M([[1, 0, 0]])), /dimension/);
    throwsInput(() => fromRows([[1, 2], [3]]), /ragged/);
  });
  it('non-finite entries name the row and column', () => {
    throwsInput(
      () =>
        clipLoss(
          X,
          M([
            [1, 0],
            [NaN, 1],
          ]),
          0.1,
        ),
      /non-finite entry NaN at row 1, column 0/,
    );
    throwsInput(() => energyDistance(M([[Infinity, 0]]), X), /non-finite entry Infinity/);
  });
  it('empty batches and d = 0', () => {
    throwsInput(() => clipLoss(matrix(0, 2), matrix(0, 2), 0.1), /at least 1 row/);
    throwsInput(() => clipLoss(matrix(2, 0), matrix(2, 0), 0.1), /dimension d >= 1/);
  });
  it('zero vectors cannot be normalized or given an angle or a centroid direction', () => {
    throwsInput(
      () =>
        normalizeRows(
          M([
            [1, 0],
            [0, 0],
          ]),
        ),
      /row 1 is the zero vector/,
    );
    throwsInput(() => anglesOf(M([[0, 0]])), /zero vector/);
    throwsInput(
      () =>
        centroidCosine(
          M([
            [1, 0],
            [-1, 0],
          ]),
          X,
        ),
      /X centroid is the zero vector/,
    );
    throwsInput(() => sampleVmf(new Rng(1), [0, 0], 1, 3), /non-zero/);
  });
  it('uniformity needs two points; samplers need sensible sizes', () => {
    throwsInput(() => uniformity(M([[1, 0]])), /at least 2 row/);
    throwsInput(() => sampleVmf(new Rng(1), [1], 1, 3), /d >= 2/);
    throwsInput(() => sampleUniformSphere(new Rng(1), 3, 0), /d must be an integer >= 1/);
  });
  it('InfoNCE: m and the negatives layout', () => {
    const base = { anchors: X, positives: X, tau: 0.1 };
    throwsInput(() => infoNce({ ...base, negatives: X, m: 0 }), /m \(negatives per anchor\) must be an integer >= 1/);
    throwsInput(() => infoNce({ ...base, negatives: X, m: 2 }), /expected 4 \(n·m per-anchor\)/);
    throwsInput(() => infoNce({ ...base, negatives: X, m: 1, form: 'bogus' as never }), /unknown InfoNCE form/);
  });
  it('SigLIP, MMD and recall parameters', () => {
    throwsInput(() => sigLipLoss(X, X, 0, 0), /logit scale/);
    throwsInput(() => mmd2Rbf(X, X, 0), /bandwidth/);
    throwsInput(() => recallAtK(X, X, 0), /K must be an integer >= 1/);
  });
});
