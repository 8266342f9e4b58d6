/*
 * Source: issue 15 item 4 (StrykerJS on src/gaps/centroid.ts: the clamp of the cosine to [−1, 1] and the naming
 * of the zero centroid were not pinned by any test).
 * Expected: for v = (1.646875, 1.265625, 1) float64 gives ⟨v, v⟩/‖v‖² = 1 + 4.4e-16, so cos(v, v) must clamp to
 * exactly 1 and cos(v, −v) to exactly −1; the zero centroid is named (X or Y); the gap of batches of different
 * sizes is ‖x̄ − ȳ‖ (a 3-4-5 example gives 5).
 */
import { describe, expect, it } from 'vitest';
import { centroidCosine, centroidGap } from '../../src/gaps/index.js';
import { CrlInputError, dot, matrix, norm } from '../../src/numeric/index.js';
import { M } from '../helpers/assert.js';

describe('centroidCosine', () => {
  const v = [1.646875, 1.265625, 1];
  it('is clamped to [−1, 1] when rounding leaves it outside', () => {
    // the premise: unclamped, float64 gives a cosine above 1
    expect(dot(v, v) / (norm(v) * norm(v))).toBeGreaterThan(1);
    expect(centroidCosine(M([v]), M([v]))).toBe(1);
    expect(centroidCosine(M([v]), M([v.map((x) => -x)]))).toBe(-1);
  });
  it('is the cosine of the centroids', () => {
    // x̄ = (1, 1), ȳ = (1, 0): cos = 1/√2
    expect(
      centroidCosine(
        M([
          [0, 2],
          [2, 0],
        ]),
        M([[1, 0]]),
      ),
    ).toBeCloseTo(Math.SQRT1_2, 15);
  });
  it('names the zero centroid', () => {
    const zero = M([
        [1, 0],
        [-1, 0],
      ]),
      X = M([[1, 0]]);
    expect(() => centroidCosine(X, zero)).toThrow(CrlInputError);
    expect(() => centroidCosine(X, zero)).toThrow(
      /^centroidCosine: the Y centroid is the zero vector, so the cosine is undefined$/,
    );
    expect(() => centroidCosine(zero, X)).toThrow(/^centroidCosine: the X centroid is the zero vector/);
  });
});

describe('centroidGap', () => {
  it('is ‖x̄ − ȳ‖ for batches of different sizes', () => {
    // x̄ = (1, 1), ȳ = (4, 5): gap 5
    expect(
      centroidGap(
        M([
          [0, 0],
          [2, 2],
        ]),
        M([[4, 5]]),
      ),
    ).toBe(5);
    expect(
      centroidGap(
        M([[4, 5]]),
        M([
          [0, 0],
          [2, 2],
          [1, 1],
        ]),
      ),
    ).toBe(5);
  });
  it('names a dimension mismatch and an empty batch', () => {
    expect(() => centroidGap(M([[1, 0]]), M([[1, 0, 0]]))).toThrow(/^X has dimension 2, Y has 3$/);
    expect(() => centroidGap(matrix(0, 2), M([[1, 0]]))).toThrow(/^X \(first modality\) needs at least 1 row/);
    expect(() => centroidGap(M([[1, 0]]), matrix(0, 2))).toThrow(/^Y \(second modality\) needs at least 1 row/);
  });
});
