import type { Tf } from '../tensor/index.js';
import { tunedClipLoss } from '../tensor/index.js';
import { matrix, normalizeRows, type Rng } from '../numeric/index.js';
import { anglesOf, centroidGap, histogramSymmetricKlSum } from '../gaps/index.js';
import { sampleVmfCosine } from '../sphere/index.js';
import type { Tensor2D, Variable } from '@tensorflow/tfjs';

/*
 * The paper's multimodal toy on S¹ (docs/claims.md P17; official code numerical_val/modality_gap):
 *   latent θ ~ 0.7·vM(0, 6) + 0.3·vM(π, 6); partner θ₂ = wrap(θ + σ_mis·N(0, 1)) (the misalignment knob);
 *   features x = (cos θ, sin θ) + 0.02·N(0, I₂); one bias-free Linear(2, 2) per modality, then L2-normalise;
 *   symmetric CLIP loss at τ, Adam; the gap is the code's metric, histogram sym-KL (60 bins, counts + 1e−8,
 *   KL + KL, the SUM convention) between the learned angles.
 * The identity-encoder baseline evaluates the same metric on the raw features: the data-level confound.
 */

export interface ToyConfig {
  readonly sigma: number;
  readonly tau: number;
  readonly batch: number;
  readonly steps: number;
  readonly learningRate: number;
  readonly evalPairs: number;
}

/** One von Mises draw on S¹: the cosine to the mean by the project's Wood sampler (vMF at d = 2), then a random side. */
function vonMises(rng: Rng, mu: number, kappa: number): number {
  const th = mu + (rng.uniform() < 0.5 ? -1 : 1) * Math.acos(sampleVmfCosine(rng, 2, kappa));
  return Math.atan2(Math.sin(th), Math.cos(th));
}

/** n pairs of features (x, y) with misalignment σ, as flat [n·2] arrays. */
export function toyPairs(rng: Rng, n: number, sigma: number): { x: Float64Array; y: Float64Array } {
  const x = new Float64Array(2 * n), y = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const th = rng.uniform() < 0.7 ? vonMises(rng, 0, 6) : vonMises(rng, Math.PI, 6);
    const th2 = th + sigma * rng.normal();
    x[2 * i] = Math.cos(th) + 0.02 * rng.normal(); x[2 * i + 1] = Math.sin(th) + 0.02 * rng.normal();
    y[2 * i] = Math.cos(th2) + 0.02 * rng.normal(); y[2 * i + 1] = Math.sin(th2) + 0.02 * rng.normal();
  }
  return { x, y };
}

/** Angles of the rows of a flat [n·2] array. */
const angles = (v: ArrayLike<number>): Float64Array => anglesOf(matrix(v.length / 2, 2, v));

/** The code's gap metric on raw features (identity encoders). */
export function identityEncoderGap(rng: Rng, sigma: number, evalPairs: number): number {
  const { x, y } = toyPairs(rng, evalPairs, sigma);
  return histogramSymmetricKlSum(angles(x), angles(y));
}

/**
 * Trains the two linear encoders with the tuned CLIP loss in TensorFlow.js; returns the learned gap (the code's
 * histogram sym-KL) and the learned centroid gap.
 */
export function trainedToyGap(tf: Tf, rng: Rng, c: ToyConfig): { gap: number; centroidGap: number; finalLoss: number } {
  const W1 = tf.variable(tf.tensor2d(Array.from({ length: 4 }, () => rng.normal() / Math.SQRT2), [2, 2])) as Variable;
  const W2 = tf.variable(tf.tensor2d(Array.from({ length: 4 }, () => rng.normal() / Math.SQRT2), [2, 2])) as Variable;
  const opt = tf.train.adam(c.learningRate), loss = tunedClipLoss(tf, c.tau);
  const encode = (v: Tensor2D, W: Variable): Tensor2D => { const h = tf.matMul(v, W as unknown as Tensor2D); return tf.div(h, tf.norm(h, 2, 1, true)) as Tensor2D; };
  let finalLoss = NaN;
  for (let s = 0; s < c.steps; s++) {
    const { x, y } = toyPairs(rng, c.batch, c.sigma);
    const X = tf.tensor2d(Float32Array.from(x), [c.batch, 2]), Y = tf.tensor2d(Float32Array.from(y), [c.batch, 2]);
    const l = opt.minimize(() => loss(encode(X, W1), encode(Y, W2)), true, [W1, W2]);
    if (s === c.steps - 1) finalLoss = l!.dataSync()[0]!;
    tf.dispose([X, Y, l!]);
  }
  const { x, y } = toyPairs(rng, c.evalPairs, c.sigma);
  const { gap, centroid } = tf.tidy(() => {
    const ax = tf.matMul(tf.tensor2d(Float32Array.from(x), [c.evalPairs, 2]), W1 as unknown as Tensor2D).dataSync();
    const ay = tf.matMul(tf.tensor2d(Float32Array.from(y), [c.evalPairs, 2]), W2 as unknown as Tensor2D).dataSync();
    return { gap: histogramSymmetricKlSum(angles(ax), angles(ay)), centroid: centroidGap(normalizeRows(matrix(c.evalPairs, 2, ax)), normalizeRows(matrix(c.evalPairs, 2, ay))) };
  });
  tf.dispose([W1, W2]);
  opt.dispose();
  return { gap, centroidGap: centroid, finalLoss };
}
