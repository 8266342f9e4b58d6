/*
 * Source: src/losses/clip.ts, the small-d gradient sweep (d <= 8, and its d = 2 form for the S¹ toy, issue 13), which
 * takes dX = G·Y and dY = Gᵀ·X in one pass over G instead of two blocked products.
 * Expected: for every N (odd and even, on both sides of the SIMD product's threshold) and d from 1 to 9, the
 * gradients of clipLossWithGrad equal matmulAB(G, Y) and matmulAtB(G, X) bit for bit, G being the ∂L/∂S the call
 * left in its workspace (d = 9 takes the blocked products themselves: the control).
 */
import { describe, expect, it } from 'vitest';
import { clipLossWithGrad, clipWorkspace } from '../../src/losses/index.js';
import { matmulAB, matmulAtB, matrix, Rng } from '../../src/numeric/index.js';
import { bitsEqual } from '../helpers/assert.js';

describe('the gradient sweep keeps the bits of the blocked products', () => {
  for (const d of [1, 2, 3, 8, 9])
    it(`d = ${d}`, () => {
      const rng = new Rng(100 + d);
      for (const n of [1, 2, 3, 5, 8, 33, 64, 257]) {
        const X = matrix(
            n,
            d,
            Array.from({ length: n * d }, () => rng.normal()),
          ),
          Y = matrix(
            n,
            d,
            Array.from({ length: n * d }, () => rng.normal()),
          ),
          ws = clipWorkspace(n, d);
        const r = clipLossWithGrad(X, Y, 0.3, ws);
        const gX = matmulAB(ws.G, Y, matrix(n, d)),
          gY = matmulAtB(ws.G, X, matrix(n, d));
        expect(bitsEqual(r.gradX.data, gX.data), `dX at N = ${n}`).toBe(true);
        expect(bitsEqual(r.gradY.data, gY.data), `dY at N = ${n}`).toBe(true);
        expect(r.gradX.data.some((v) => v !== 0)).toBe(n > 1); // N = 1 has zero gradients; others do not
      }
    });
});
