import type { Scalar, Tensor1D } from '@tensorflow/tfjs';
import { logSumExp, softmax } from '../numeric/index.js';
import type { Tf } from './engine.js';

/*
 * The calibration ratio of docs/claims.md C5 for one anchor, as a differentiable function for targeted search:
 *   θ = (a, b, u): P₊ = softmax(a), P₋ = softmax(b) (K each); scores in a FIXED order π with positive gaps e^{u}:
 *   s_{π(0)} = 0, s_{π(i)} = Σ_{j<i} e^{u_j}   (the order of s never changes; near ties are u → −∞, smoothly)
 *   ratio(θ) = (AUC* − AUC(s)) / √((L(s) − L*)/τ) = regret / √KL(P₊ ‖ q_s)
 * AUC* depends on the order of P₊/P₋, taken at the current point (a constant mask for autodiff).
 * Two forms: `calibrationRatio` in float64 with central differences (the targeted search of calibration.prop.ts:
 * about 10× faster than a TensorFlow.js call on a problem this small) and `calibrationRatioTf` with TensorFlow.js
 * autodiff in float32, its cross-check (test/tensor/calibration.test.ts).
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

/** The AUC*-minus-AUC mask at θ: order of P₊/P₋ minus the order of the scores (ties ½), row-major K × K. */
function regretMask(pp: ArrayLike<number>, pn: ArrayLike<number>, s: readonly number[]): number[] {
  const scoreOrderMask = order(s);
  return order(Array.from(pp, (p, y) => p / pn[y]!)).map((v, i) => v - scoreOrderMask[i]!);
}

/** The central-difference step in θ of `calibrationRatio`. */
const H = 1e-6;

/**
 * Value and gradient of the calibration ratio at θ = (a, b, u) for a fixed score order π, in float64: the ratio as
 * calibrationRatioTf computes it, the gradient by central differences with the mask held at θ (as autodiff holds it).
 */
export function calibrationRatio(
  perm: readonly number[],
  tau: number,
): (theta: readonly number[]) => { value: number; gradient: number[] } {
  const K = perm.length;
  const ratio = (theta: readonly number[], mask?: readonly number[]): { value: number; mask: readonly number[] } => {
    const pp = softmax(theta.slice(0, K)),
      pn = softmax(theta.slice(K, 2 * K)),
      s = orderedScores(theta.slice(2 * K), perm);
    const m = mask ?? regretMask(pp, pn, s);
    let regret = 0;
    for (let x = 0; x < K; x++) for (let y = 0; y < K; y++) regret += pp[x]! * m[x * K + y]! * pn[y]!;
    // KL(P₊ ‖ q_s), q_s = softmax(s/τ + log P₋)
    const z = s.map((v, y) => v / tau + Math.log(pn[y]!));
    const lse = logSumExp(z);
    let kl = 0;
    // 0·log 0 = 0: a P₊ entry that underflows contributes nothing (not 0·(−∞) = NaN)
    for (let y = 0; y < K; y++) if (pp[y]! > 0) kl += pp[y]! * (Math.log(pp[y]!) - (z[y]! - lse));
    return { value: regret / Math.sqrt(Math.max(kl, 1e-12)), mask: m };
  };
  return (theta) => {
    const { value, mask } = ratio(theta);
    const gradient = theta.map((_, i) => {
      const plus = ratio(
        theta.map((t, j) => (j === i ? t + H : t)),
        mask,
      ).value;
      const minus = ratio(
        theta.map((t, j) => (j === i ? t - H : t)),
        mask,
      ).value;
      return (plus - minus) / (2 * H);
    });
    return { value, gradient };
  };
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
    const maskValues = regretMask(pp, pn, s);
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
