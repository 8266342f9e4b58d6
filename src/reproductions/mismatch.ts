import type { Tf } from '../tensor/index.js';
import { logSumExp } from '../numeric/index.js';

/*
 * Liang et al. (2022) mismatched-label simulation (docs/claims.md P16): 9 image points on the circle
 * of height z in S², the 9 text points the same at height −z (gap 2|z|), symmetric cross-entropy with logits
 * (1/T)·XYᵀ, matched labels or one swapped pair. Similarities depend on z only through z²:
 *   ⟨x_i, y_j⟩ = (1 − z²) cos(θ_i − θ_j) − z².
 */

/** The nine angles of the notebook: 0, π, π/2, 3π/2, π/4, 3π/4, −π/4, −3π/4, 1.53π. */
export const MISMATCH_ANGLES = [
  0,
  Math.PI,
  Math.PI / 2,
  (3 * Math.PI) / 2,
  Math.PI / 4,
  (3 * Math.PI) / 4,
  -Math.PI / 4,
  (-3 * Math.PI) / 4,
  1.53 * Math.PI,
];

/** Targets: image i's partner text; `swap` exchanges the partners of two images (labels 3 ↔ 8 in the notebook). */
export function mismatchTargets(swap?: readonly [number, number]): number[] {
  const t = MISMATCH_ANGLES.map((_, i) => i);
  if (swap) {
    t[swap[0]] = swap[1];
    t[swap[1]] = swap[0];
  }
  return t;
}

/** The symmetric CE loss at height z (float64). */
export function mismatchLoss(z: number, invT: number, targets: readonly number[]): number {
  const n = MISMATCH_ANGLES.length,
    L = MISMATCH_ANGLES.map((a) => MISMATCH_ANGLES.map((b) => invT * ((1 - z * z) * Math.cos(a - b) - z * z)));
  let rows = 0,
    cols = 0;
  for (let i = 0; i < n; i++) rows += logSumExp(L[i]!) - L[i]![targets[i]!]!;
  for (let j = 0; j < n; j++) cols += logSumExp(L.map((r) => r[j]!)) - L[targets.indexOf(j)]![j]!;
  return (0.5 * (rows + cols)) / n;
}

/** The loss on a grid of heights, batched in TensorFlow.js (float32): one [G, 9, 9] logits tensor. */
export function mismatchLossCurveTf(
  tf: Tf,
  zs: readonly number[],
  invT: number,
  targets: readonly number[],
): Float32Array {
  return tf.tidy(() => {
    const n = MISMATCH_ANGLES.length;
    const cos = tf.tensor3d(
      MISMATCH_ANGLES.flatMap((a) => MISMATCH_ANGLES.map((b) => Math.cos(a - b))),
      [1, n, n],
    );
    const z2 = tf.tensor3d(
      zs.map((z) => z * z),
      [zs.length, 1, 1],
    );
    const L = tf.mul(tf.sub(tf.mul(tf.sub(1, z2), cos), z2), invT);
    const onehot = tf.oneHot(tf.tensor1d([...targets], 'int32'), n).reshape([1, n, n]);
    const pos = tf.sum(tf.mul(L, onehot), [1, 2]);
    const rows = tf.sum(tf.logSumExp(L, 2), 1),
      cols = tf.sum(tf.logSumExp(L, 1), 1);
    return tf.div(tf.sub(tf.mul(tf.add(rows, cols), 0.5), pos), n).dataSync() as Float32Array;
  });
}

/** The height grid z ∈ [−1, 1] with `points` values, and the |z| of the loss minimiser (first on ties). */
export function argminAbsHeight(zs: readonly number[], loss: ArrayLike<number>): number {
  let best = 0;
  for (let g = 1; g < zs.length; g++) if (loss[g]! < loss[best]!) best = g;
  return Math.abs(zs[best]!);
}
