import type { Scalar, Tensor2D, Tensor3D } from '@tensorflow/tfjs';
import { recallAtK } from '../../src/gaps/index.js';
import { ensure, type Matrix, matmulABt, matrix, Rng } from '../../src/numeric/index.js';
import type { Tf } from '../../src/tensor/index.js';
import { gatherPixels, type Halves, HALF, shuffled } from './data.js';
import { createEncoder, disposeEncoder, type EncoderShape, embedRows, encode, encoderVariables } from './encoder.js';

/*
 * Paper 1's trade-off between anchors and negatives (docs/claims.md C8, C10, C12): with n anchors, each with one
 * positive and m negatives of its own, the excess risk behaves like O(1/m) (the finite-m bias) + O(1/√n)
 * (estimation). At a fixed budget n·m of negatives, small m leaves a bias and large m leaves few anchors.
 * Here: n = budget/m anchor digits (top half → bottom half), each with m bottom halves of other digits, the tuples
 * fixed before training (the empirical risk of the paper), all digits disjoint. The loss is paper 1's InfoNCE
 *   ℓ_i = −s⁺_i/τ + log(e^{s⁺_i/τ} + Σ_j e^{s⁻_ij/τ})   (src/losses/infonce.ts, positive in the denominator),
 * trained for a fixed number of steps with about the same number of encoded digits per step for every m, so the
 * compute is the same; scored by held-out R@1 and per-anchor AUC among all held-out candidates.
 */

export interface NegativesConfig {
  readonly m: number;
  /** The budget n·m of negatives (n = budget/m anchors). */
  readonly budget: number;
  readonly tau: number;
  readonly steps: number;
  /** Digits encoded per step, about: G anchors with G·(m + 1) partners, G = max(1, ⌊perStep/(m + 2)⌋). */
  readonly perStep: number;
  readonly learningRate: number;
  readonly seed: number;
  readonly shape: EncoderShape;
}

export interface NegativesResult {
  readonly m: number;
  readonly n: number;
  readonly seed: number;
  readonly recallAt1: number;
  readonly auc: number;
  readonly ms: number;
}

/** Paper 1's InfoNCE (positive in the denominator) for G anchors with m negatives each, as a float32 tensor loss. */
export function infoNceTf(tf: Tf, tau: number, a: Tensor2D, p: Tensor2D, negatives: Tensor3D): Scalar {
  return tf.tidy(() => {
    const pos = tf.sum(tf.mul(a, p), 1, true) as Tensor2D; // G × 1
    const neg = tf.sum(tf.mul(tf.expandDims(a, 1), negatives), 2) as Tensor2D; // G × m
    const logits = tf.mul(tf.concat([pos, neg], 1), 1 / tau);
    return tf.mean(tf.sub(tf.logSumExp(logits, 1), tf.mul(tf.squeeze(pos, [1]), 1 / tau))) as Scalar;
  });
}

/**
 * Mean per-anchor AUC of paired embeddings: for each query x_i, the fraction of wrong candidates y_j (j ≠ i) scored
 * below its partner, ties ½ — src/theory/ranking/auc.ts's criterion with P₊ = partner, P₋ uniform on the others.
 */
export function heldOutAuc(X: Matrix, Y: Matrix): number {
  const n = X.rows;
  ensure(n >= 2 && Y.rows === n, 'heldOutAuc: needs n >= 2 paired rows');
  const S = matmulABt(X, Y, matrix(n, n)).data;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const own = S[i * n + i]!;
    let below = 0;
    for (let j = 0; j < n; j++) {
      if (j !== i) below += S[i * n + j]! < own ? 1 : S[i * n + j]! === own ? 0.5 : 0;
    }
    total += below / (n - 1);
  }
  return total / n;
}

/** One training run at (m, seed); returns the held-out scores. */
export function trainWithNegatives(tf: Tf, data: Halves, heldOut: Halves, c: NegativesConfig): NegativesResult {
  const t0 = performance.now();
  const n = Math.floor(c.budget / c.m);
  ensure(
    n >= 1 && n * (c.m + 1) <= data.count,
    () => `negatives: n = ${n} anchors with m = ${c.m} need ${n * (c.m + 1)} digits, have ${data.count}`,
  );
  const rng = new Rng(c.seed);
  const perm = shuffled(data.count, rng);
  const anchors = perm.slice(0, n);
  const negatives = perm.slice(n, n + n * c.m); // anchor i owns negatives[i·m … i·m + m − 1]
  const top = createEncoder(tf, rng, c.shape),
    bottom = createEncoder(tf, rng, c.shape);
  const opt = tf.train.adam(c.learningRate);
  const G = Math.min(n, Math.max(1, Math.floor(c.perStep / (c.m + 2))));
  let order: number[] = [],
    at = n;
  for (let s = 0; s < c.steps; s++) {
    const a = new Int32Array(G),
      neg = new Int32Array(G * c.m);
    for (let g = 0; g < G; g++) {
      if (at >= n) {
        order = shuffled(n, rng);
        at = 0;
      }
      const i = order[at++]!;
      a[g] = anchors[i]!;
      for (let k = 0; k < c.m; k++) neg[g * c.m + k] = negatives[i * c.m + k]!;
    }
    const xa = tf.tensor2d(gatherPixels(data.top, a), [G, HALF]);
    const pa = tf.tensor2d(gatherPixels(data.bottom, a), [G, HALF]);
    const na = tf.tensor2d(gatherPixels(data.bottom, neg), [G * c.m, HALF]);
    const l = opt.minimize(
      () => {
        const yn = tf.reshape(encode(tf, bottom, na), [G, c.m, c.shape.dim]) as Tensor3D;
        return infoNceTf(tf, c.tau, encode(tf, top, xa), encode(tf, bottom, pa), yn);
      },
      true,
      [...encoderVariables(top), ...encoderVariables(bottom)],
    ) as Scalar;
    tf.dispose([xa, pa, na, l]);
  }
  opt.dispose();
  const X = embedRows(tf, top, heldOut.top, heldOut.count),
    Y = embedRows(tf, bottom, heldOut.bottom, heldOut.count);
  disposeEncoder(tf, top);
  disposeEncoder(tf, bottom);
  const recallAt1 = recallAtK(X, Y, 1, 'x-to-y');
  return { m: c.m, n, seed: c.seed, recallAt1, auc: heldOutAuc(X, Y), ms: performance.now() - t0 };
}
