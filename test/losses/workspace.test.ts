/*
 * Source: issue 13, item 1 (callers that pass no workspace should not pay for one; InfoNCE through the blocked
 * matrix product with one summation order for all kernels).
 * Expected: without a workspace, clipLossWithGrad returns the bits of a call with one, in fresh matrices that a
 * later call does not overwrite; infoNceWithGrad returns fresh gradients each call; a shared pool of negatives and
 * the same pool copied per anchor give bit-identical losses, per-anchor terms and anchor gradients (both sum every
 * score and every Σ_j G_ij n_j in dotAt's order); the copies' gradients summed over anchors match the pool's at
 * 1e-15 relative (that sum over anchors runs in another order).
 */
import { describe, expect, it } from 'vitest';
import { clipLossWithGrad, clipWorkspace, infoNceWithGrad } from '../../src/losses/index.js';
import { type Matrix, matrix, Rng } from '../../src/numeric/index.js';
import { sampleUniformSphere } from '../../src/sphere/index.js';
import { bitsEqual, expectMatrixClose } from '../helpers/assert.js';

describe('CLIP without a workspace', () => {
  it('gives the bits of a call with one, in matrices that later calls leave alone', () => {
    const rng = new Rng(3);
    for (const [n, d] of [
      [33, 7],
      [64, 16],
    ] as const) {
      const X = sampleUniformSphere(rng, n, d),
        Y = sampleUniformSphere(rng, n, d);
      const withWs = clipLossWithGrad(X, Y, 0.1, clipWorkspace(n, d));
      const first = clipLossWithGrad(X, Y, 0.1);
      const keptX = first.gradX.data.slice();
      expect(first.loss).toBe(withWs.loss);
      expect(bitsEqual(first.gradX.data, withWs.gradX.data)).toBe(true);
      expect(bitsEqual(first.gradY.data, withWs.gradY.data)).toBe(true);
      const second = clipLossWithGrad(Y, X, 0.5);
      expect(second.gradX.data).not.toBe(first.gradX.data);
      expect(bitsEqual(first.gradX.data, keptX)).toBe(true);
    }
  });
});

describe('InfoNCE: shared pool and per-anchor copies of it', () => {
  for (const form of ['positive-in-denominator', 'normalized'] as const) {
    for (const [n, m, d] of [
      [5, 3, 3],
      [40, 24, 16],
      [9, 130, 5],
    ] as const) {
      it(`${form}, n=${n} m=${m} d=${d}`, () => {
        const rng = new Rng(n * 1000 + m * 10 + d);
        const A = sampleUniformSphere(rng, n, d),
          P = sampleUniformSphere(rng, n, d),
          pool = sampleUniformSphere(rng, m, d);
        const copies = matrix(n * m, d);
        for (let i = 0; i < n; i++) copies.data.set(pool.data, i * m * d);
        const tau = 0.2;
        const shared = infoNceWithGrad({ anchors: A, positives: P, negatives: pool, m, tau, form, shared: true });
        const again = infoNceWithGrad({ anchors: A, positives: P, negatives: pool, m, tau, form, shared: true });
        expect(again.gradAnchors.data).not.toBe(shared.gradAnchors.data);
        const perAnchor = infoNceWithGrad({ anchors: A, positives: P, negatives: copies, m, tau, form });
        expect(perAnchor.loss).toBe(shared.loss);
        expect(bitsEqual(perAnchor.perAnchor, shared.perAnchor)).toBe(true);
        expect(bitsEqual(perAnchor.gradAnchors.data, shared.gradAnchors.data)).toBe(true);
        expect(bitsEqual(perAnchor.gradPositives.data, shared.gradPositives.data)).toBe(true);
        // ∂L/∂n_j of the pool is the sum over anchors of the per-anchor copies' gradients
        const summed: Matrix = matrix(m, d);
        for (let i = 0; i < n; i++)
          for (let e = 0; e < m * d; e++) summed.data[e]! += perAnchor.gradNegatives.data[i * m * d + e]!;
        expectMatrixClose(shared.gradNegatives, summed.data, 1e-15, 'pool gradient vs summed copies', 1e-17);
      });
    }
  }
});

describe('CLIP: the small-d gradient sweep', () => {
  it('has the bits of the blocked products (the same batch padded with zero columns past the sweep limit)', () => {
    const rng = new Rng(11);
    for (const [n, d] of [
      [2, 2],
      [7, 4],
      [9, 6],
      [64, 2],
      [65, 8],
    ] as const) {
      const X = sampleUniformSphere(rng, n, d),
        Y = sampleUniformSphere(rng, n, d);
      // zero columns past an even d leave every score's bits unchanged (each lane only gains +0 terms); at 16
      // columns the gradients take the blocked products
      const pad = (M: Matrix): Matrix => {
        const out = matrix(n, 16);
        for (let i = 0; i < n; i++) out.data.set(M.data.subarray(i * d, (i + 1) * d), i * 16);
        return out;
      };
      const small = clipLossWithGrad(X, Y, 0.07),
        wide = clipLossWithGrad(pad(X), pad(Y), 0.07);
      expect(small.loss).toBe(wide.loss);
      const firstColumns = (M: Matrix): Float64Array =>
        Float64Array.from({ length: n * d }, (_, e) => M.data[Math.floor(e / d) * 16 + (e % d)]!);
      expect(bitsEqual(small.gradX.data, firstColumns(wide.gradX))).toBe(true);
      expect(bitsEqual(small.gradY.data, firstColumns(wide.gradY))).toBe(true);
    }
  });
});
