/*
 * Source: fixtures/oracle/gaps.json (numpy float64: centroid gap and cosine, V-statistic energy distance
 * and RBF MMD², recall@K with pessimistic ties, 60-bin histogram sym-KL in the sum convention, ε = 1e-8).
 * Expected: agreement at <= 1e-12 relative (1e-15 absolute near 0); recall exactly.
 */
import { describe, expect, it } from 'vitest';
import {
  anglesOf,
  centroidCosine,
  centroidGap,
  energyDistance,
  histogramSymmetricKlHalf,
  histogramSymmetricKlSum,
  mmd2Rbf,
  recallAtK,
  type RetrievalDirection,
} from '../../src/gaps/index.js';
import { tolerance } from '../../src/numeric/index.js';
import { expectClose, M, readOracle } from '../helpers/assert.js';

const T = tolerance({ rel: 1e-12, abs: 1e-15 });
interface GapCase {
  X: number[][];
  Y: number[][];
  centroidGap: number;
  centroidCosine: number;
  energyDistance: number;
  sigma: number;
  mmd2: number;
  recall?: Record<string, number>;
  histSymKlSum?: number;
}

describe('modality-gap metrics vs numpy', () => {
  for (const [i, c] of readOracle<GapCase>('gaps.json').cases.entries()) {
    it(`case ${i}: ${c.X.length}×${c.X[0]!.length} vs ${c.Y.length}`, () => {
      const X = M(c.X),
        Y = M(c.Y);
      expectClose(centroidGap(X, Y), c.centroidGap, T, 'centroid gap');
      expectClose(centroidCosine(X, Y), c.centroidCosine, T, 'cos of centroids');
      expectClose(energyDistance(X, Y), Math.max(0, c.energyDistance), T, 'energy distance');
      expectClose(mmd2Rbf(X, Y, c.sigma), Math.max(0, c.mmd2), T, 'MMD²');
      for (const [key, want] of Object.entries(c.recall ?? {})) {
        const [dir, k] = key.split('@') as [RetrievalDirection, string];
        expect(recallAtK(X, Y, Number(k), dir), key).toBe(want);
      }
      if (c.histSymKlSum !== undefined) {
        const a = anglesOf(X),
          b = anglesOf(Y);
        expectClose(histogramSymmetricKlSum(a, b), c.histSymKlSum, T, 'histogram sym-KL (sum)');
        expectClose(2 * histogramSymmetricKlHalf(a, b), c.histSymKlSum, T, 'half convention is half');
      }
    });
  }
});
