/*
 * Source: the analytic float64 gradients of src/losses/clip.ts and src/losses/infonce.ts.
 * Expected: agreement with float64 central differences (h = 1e-5, docs/numerics.md) at <= 1e-7
 * max-norm relative error, on seeded random batches over a spread of N, d, τ; and with TensorFlow.js
 * autodiff (float32, wasm) at the float32 tolerance of docs/numerics.md (1e-3 relative).
 */
import { describe, it } from 'vitest';
import { clipLoss, clipLossWithGrad, infoNce, infoNceWithGrad, type InfoNceInput } from '../../src/losses/index.js';
import { type Matrix, Rng } from '../../src/numeric/index.js';
import { sampleUniformSphere, sampleVmf } from '../../src/sphere/index.js';
import { clipLossWithGradTf } from '../../src/tensor/index.js';
import { expectMatrixClose } from '../helpers/assert.js';

const H = 1e-5;
/** Central differences of f with respect to every entry of M (M is perturbed in place and restored). */
function centralDifferences(M: Matrix, f: () => number): Float64Array {
  const g = new Float64Array(M.data.length);
  for (let k = 0; k < g.length; k++) {
    const x = M.data[k]!;
    M.data[k] = x + H;
    const up = f();
    M.data[k] = x - H;
    const down = f();
    M.data[k] = x;
    g[k] = (up - down) / (2 * H);
  }
  return g;
}

describe('CLIP gradient vs float64 central differences', () => {
  for (const [n, d, tau, seed] of [
    [2, 2, 0.5, 1],
    [5, 3, 0.07, 2],
    [8, 8, 0.2, 3],
    [16, 4, 1, 4],
    [3, 1, 0.3, 5],
  ] as const) {
    it(`N=${n} d=${d} τ=${tau}`, () => {
      const rng = new Rng(seed);
      const X = sampleUniformSphere(rng, n, d),
        Y = sampleUniformSphere(rng, n, d);
      const g = clipLossWithGrad(X, Y, tau);
      expectMatrixClose(
        g.gradX,
        centralDifferences(X, () => clipLoss(X, Y, tau)),
        1e-7,
        'dL/dX',
      );
      expectMatrixClose(
        g.gradY,
        centralDifferences(Y, () => clipLoss(X, Y, tau)),
        1e-7,
        'dL/dY',
      );
    });
  }
});

describe('InfoNCE gradient vs float64 central differences', () => {
  for (const form of ['positive-in-denominator', 'normalized'] as const) {
    for (const shared of [false, true]) {
      it(`${form}${shared ? ', shared negatives' : ''}`, () => {
        const rng = new Rng(form.length + (shared ? 1 : 0));
        const n = 4,
          m = 3,
          d = 5,
          tau = 0.25;
        const inp: InfoNceInput = {
          anchors: sampleUniformSphere(rng, n, d),
          positives: sampleUniformSphere(rng, n, d),
          negatives: sampleUniformSphere(rng, shared ? m : n * m, d),
          m,
          tau,
          form,
          shared,
        };
        const g = infoNceWithGrad(inp);
        const f = (): number => infoNce(inp).loss;
        expectMatrixClose(g.gradAnchors, centralDifferences(inp.anchors, f), 1e-7, 'd/d anchors');
        expectMatrixClose(g.gradPositives, centralDifferences(inp.positives, f), 1e-7, 'd/d positives');
        expectMatrixClose(g.gradNegatives, centralDifferences(inp.negatives, f), 1e-7, 'd/d negatives');
      });
    }
  }
});

describe('CLIP gradient vs TensorFlow.js autodiff (float32, wasm)', () => {
  for (const [n, d, tau] of [
    [8, 2, 0.5],
    [32, 16, 0.07],
    [64, 32, 0.1],
  ] as const) {
    it(`N=${n} d=${d} τ=${tau}: tuned customGrad and textbook autodiff both match`, async () => {
      const rng = new Rng(n + d);
      const X = sampleUniformSphere(rng, n, d);
      const Y = sampleVmf(rng, [1, ...new Array(d - 1).fill(0)], 2, n);
      const ref = clipLossWithGrad(X, Y, tau);
      for (const form of ['tuned', 'autodiff'] as const) {
        const t = await clipLossWithGradTf(X, Y, tau, form);
        expectMatrixClose(t.gradX, ref.gradX.data, 1e-3, `${form} dL/dX`);
        expectMatrixClose(t.gradY, ref.gradY.data, 1e-3, `${form} dL/dY`);
      }
    });
  }
});
