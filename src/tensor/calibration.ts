import type { Scalar, Tensor1D } from '@tensorflow/tfjs';
import { softmax } from '../numeric/index.js';
import type { Tf } from './engine.js';

/*
 * The calibration ratio of docs/claims.md C5 for one anchor, as a differentiable function for targeted search:
 *   θ = (a, b, u): P₊ = softmax(a), P₋ = softmax(b) (K each); scores in a FIXED order π with positive gaps e^{u}:
 *   s_{π(0)} = 0, s_{π(i)} = Σ_{j<i} e^{u_j}   (the order of s never changes; near ties are u → −∞, smoothly)
 *   ratio(θ) = (AUC* − AUC(s)) / √((L(s) − L*)/τ) = regret / √KL(P₊ ‖ q_s)
 * AUC* depends on the order of P₊/P₋, taken at the current point (a constant mask for autodiff).
 */

const order = (v: ArrayLike<number>): number[] =>
  Array.from(v).flatMap((a) => Array.from(v, (b) => (a > b ? 1 : a === b ? 0.5 : 0)));

/** Scores of θ's last K − 1 entries in the order π (π[i] = the candidate at rank i, lowest first). */
export function orderedScores(u: readonly number[], perm: readonly number[]): number[] {
  const s = Array<number>(perm.length);
  let acc = 0;
  perm.forEach((y, i) => {
    if (i > 0) acc += Math.exp(u[i - 1]!);
    s[y] = acc;
  });
  return s;
}

/** The order π of a score vector (ascending) and the log-gaps u that reproduce it (gap floored at 1e-9). */
export function scoreOrder(s: readonly number[]): { perm: number[]; u: number[] } {
  const perm = s.map((_, y) => y).sort((p, q) => s[p]! - s[q]! || p - q);
  return { perm, u: perm.slice(1).map((y, i) => Math.log(Math.max(s[y]! - s[perm[i]!]!, 1e-9))) };
}

/** value and gradient of the calibration ratio at θ = (a, b, u) for a fixed score order π (TensorFlow.js autodiff). */
export function calibrationRatioTf(
  tf: Tf,
  perm: readonly number[],
  tau: number,
): (theta: readonly number[]) => { value: number; gradient: number[] } {
  const K = perm.length;
  const rank = perm.map((_, y) => perm.indexOf(y));
  return (theta) => {
    const pp = softmax(theta.slice(0, K)),
      pn = softmax(theta.slice(K, 2 * K)),
      s = orderedScores(theta.slice(2 * K), perm);
    const scoreOrderMask = order(s);
    const maskValues = order(pp.map((p, y) => p / pn[y]!)).map((v, i) => v - scoreOrderMask[i]!);
    return tf.tidy(() => {
      const mask = tf.tensor2d(maskValues, [K, K]);
      const place = tf.tensor2d(
        rank.flatMap((r) => perm.map((_, i) => (i === r ? 1 : 0))),
        [K, K],
      );
      const f = (th: Tensor1D): Scalar => {
        const P = tf.softmax(th.slice(0, K)),
          N = tf.softmax(th.slice(K, K));
        const sorted = tf.concat([tf.zeros([1]), tf.cumsum(tf.exp(th.slice(2 * K, K - 1)))]);
        const S = tf.matMul(place, sorted.reshape([K, 1])).reshape([K]); // S[y] = sorted[rank(y)] (gather has no wasm gradient)
        const regret = tf.sum(tf.mul(tf.matMul(P.reshape([1, K]), mask), N.reshape([1, K])));
        const logq = tf.logSoftmax(tf.add(tf.div(S, tau), tf.log(N)));
        const kl = tf.sum(tf.mul(P, tf.sub(tf.log(P), logq)));
        return tf.div(regret, tf.sqrt(tf.maximum(kl, 1e-12))) as Scalar;
      };
      const { value, grad } = tf.valueAndGrad(f)(tf.tensor1d([...theta]));
      return { value: value.dataSync()[0]!, gradient: Array.from(grad.dataSync()) };
    });
  };
}
