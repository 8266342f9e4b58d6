import type { Tf } from '../tensor/index.js';
import { type Rng } from '../numeric/index.js';
import { sampleUniformSphere } from '../sphere/index.js';
import type { Tensor2D, Variable } from '@tensorflow/tfjs';

/*
 * The paper's unimodal Gibbs experiment on S² (docs/claims.md P18; official code unimodal_gibbs.py):
 *   two-well potential U(z) = −(1/κ) log(w e^{κ⟨z,m₁⟩} + (1−w) e^{κ⟨z,m₂⟩}), κ = 12, w = ½,
 *   m₁ = (0, 0, 1), m₂ = normalize(0.85, 0.15, −0.5);
 *   particles z = V/‖V‖ minimise mean U(z_i)/τ + mean log ρ̂(z_i), ρ̂ a geodesic Gaussian KDE (h = 0.35 rad,
 *   self-term included, + 1e−12), by Adam (lr 0.05) with "Langevin-like" noise V += 0.06·N(0, I) after each step;
 *   the metric is the cap mass within geodesic radius 0.5 of m₁ or m₂; the Gibbs reference is self-normalised
 *   importance sampling of e^{−U/τ} with uniform points.
 */

const KAPPA = 12, W = 0.5, H = 0.35, CAP = 0.5;
const M1 = [0, 0, 1];
const M2 = ((v: number[]) => { const n = Math.hypot(...v); return v.map((x) => x / n); })([0.85, 0.15, -0.5]);
const dot3 = (a: ArrayLike<number>, b: ArrayLike<number>, o = 0): number => a[o]! * b[0]! + a[o + 1]! * b[1]! + a[o + 2]! * b[2]!;

/** U(z) of the two-well potential. */
export function twoWellPotential(z: ArrayLike<number>, o = 0): number {
  const a = KAPPA * dot3(z, M1, o), b = KAPPA * dot3(z, M2, o), m = Math.max(a, b);
  return -(m + Math.log(W * Math.exp(a - m) + (1 - W) * Math.exp(b - m))) / KAPPA;
}

/** Whether z lies within geodesic radius 0.5 of a well centre. */
export function inCap(z: ArrayLike<number>, o = 0): boolean {
  return Math.acos(Math.min(1, dot3(z, M1, o))) <= CAP || Math.acos(Math.min(1, dot3(z, M2, o))) <= CAP;
}

/** Gibbs cap mass by self-normalised importance sampling with `points` uniform points. */
export function gibbsCapMass(rng: Rng, tau: number, points: number): number {
  let num = 0, den = 0;
  const Z = sampleUniformSphere(rng, points, 3).data, us: number[] = [], caps: boolean[] = [];
  for (let i = 0; i < points; i++) { us.push(twoWellPotential(Z, 3 * i)); caps.push(inCap(Z, 3 * i)); }
  const lo = Math.min(...us);
  us.forEach((u, i) => { const w = Math.exp(-(u - lo) / tau); den += w; if (caps[i]) num += w; });
  return num / den;
}

/** Runs the particle descent in TensorFlow.js and returns the particles' cap mass. */
export function particleCapMass(tf: Tf, rng: Rng, tau: number, particles: number, steps: number): number {
  const V = tf.variable(tf.tensor2d(Array.from({ length: particles * 3 }, () => rng.normal()), [particles, 3])) as Variable;
  const m = tf.tensor2d([M1, M2]);
  const opt = tf.train.adam(0.05);
  const loss = () => tf.tidy(() => {
    const z = tf.div(V, tf.norm(V, 2, 1, true)) as Tensor2D;
    const e = tf.mul(tf.matMul(z, m, false, true), KAPPA);
    const U = tf.div(tf.neg(tf.logSumExp(tf.add(e, tf.log(tf.tensor1d([W, 1 - W]))), 1)), KAPPA);
    const g = tf.acos(tf.clipByValue(tf.matMul(z, z, false, true), -1 + 1e-6, 1 - 1e-6));
    const kde = tf.add(tf.mean(tf.exp(tf.div(tf.neg(tf.square(g)), 2 * H * H)), 1), 1e-12);
    return tf.add(tf.div(tf.mean(U), tau), tf.mean(tf.log(kde))) as unknown as import('@tensorflow/tfjs').Scalar;
  });
  for (let s = 0; s < steps; s++) {
    opt.minimize(loss, false, [V]);
    const noise = tf.tensor2d(Array.from({ length: particles * 3 }, () => 0.06 * rng.normal()), [particles, 3]);
    V.assign(tf.add(V, noise));
    noise.dispose();
  }
  const z = tf.tidy(() => tf.div(V, tf.norm(V, 2, 1, true)).dataSync());
  tf.dispose([V, m]);
  opt.dispose();
  let c = 0;
  for (let i = 0; i < particles; i++) if (inCap(z, 3 * i)) c++;
  return c / particles;
}
