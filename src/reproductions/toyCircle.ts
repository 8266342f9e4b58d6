import { clipLossWithGrad, clipWorkspace } from '../losses/index.js';
import { type Matrix, matrix, normalizeRows, type Rng } from '../numeric/index.js';
import { angleHistogram, anglesOf, centroidGap, histogramSymmetricKlSum } from '../gaps/index.js';
import { sampleVmfCosine } from '../sphere/index.js';
import { Adam } from './adam.js';
import {
  encodedPopulationKlSum,
  TOY_BINS,
  TOY_FEATURE_NOISE,
  TOY_MIX_KAPPA,
  TOY_MIX_WEIGHT,
  type ToyNoise,
} from './toyLaws.js';

/*
 * The paper's multimodal toy on S¹ (docs/claims.md P17; official code numerical_val/modality_gap):
 *   latent θ ~ 0.7·vM(0, 6) + 0.3·vM(π, 6); partner θ₂ = wrap(θ + σ_mis·N(0, 1)) (the misalignment knob);
 *   features x = (cos θ, sin θ) + 0.02·N(0, I₂); one bias-free Linear(2, 2) per modality, then L2-normalise;
 *   symmetric CLIP loss at τ, Adam; the gap is the code's metric, histogram sym-KL (60 bins, counts + 1e−8,
 *   KL + KL, the SUM convention) between the learned angles.
 * Training runs in float64 on the project's CLIP kernel (clipLossWithGrad) with the analytic backward pass of
 * the normalisation and the linear maps; TensorFlow.js (float32) is not needed at this size.
 * The identity-encoder baseline evaluates the same metric on the raw features: the data-level confound.
 */

export interface ToyConfig {
  readonly sigma: number;
  readonly tau: number;
  readonly batch: number;
  readonly steps: number;
  readonly learningRate: number;
  readonly evalPairs: number;
  /** Start of both encoders: 'random' (W ~ N(0, ½) entrywise, the default) or 'identity' (W₁ = W₂ = I). */
  readonly init?: 'random' | 'identity';
}

/** One von Mises draw on S¹: the cosine to the mean by the project's Wood sampler (vMF at d = 2), then a random side. */
function vonMises(rng: Rng, mu: number, kappa: number): number {
  const th = mu + (rng.uniform() < 0.5 ? -1 : 1) * Math.acos(sampleVmfCosine(rng, 2, kappa));
  return Math.atan2(Math.sin(th), Math.cos(th));
}

/** A draw of the misalignment ε; a number is σ of the code's wrapped normal. */
function misalignment(rng: Rng, noise: number | ToyNoise): number {
  if (typeof noise === 'number') return noise * rng.normal();
  return noise.law === 'wrapped-normal' ? noise.sigma * rng.normal() : vonMises(rng, 0, noise.kappa);
}

/** n pairs of features (x, y) with misalignment noise (σ of the wrapped normal, or a law), as flat [n·2] arrays. */
export function toyPairs(rng: Rng, n: number, noise: number | ToyNoise): { x: Float64Array; y: Float64Array } {
  const x = new Float64Array(2 * n),
    y = new Float64Array(2 * n),
    s = TOY_FEATURE_NOISE;
  for (let i = 0; i < n; i++) {
    const th = rng.uniform() < TOY_MIX_WEIGHT ? vonMises(rng, 0, TOY_MIX_KAPPA) : vonMises(rng, Math.PI, TOY_MIX_KAPPA);
    const th2 = th + misalignment(rng, noise);
    x[2 * i] = Math.cos(th) + s * rng.normal();
    x[2 * i + 1] = Math.sin(th) + s * rng.normal();
    y[2 * i] = Math.cos(th2) + s * rng.normal();
    y[2 * i + 1] = Math.sin(th2) + s * rng.normal();
  }
  return { x, y };
}

/** Angles of the rows of a flat [n·2] array. */
const angles = (v: ArrayLike<number>): Float64Array => anglesOf(matrix(v.length / 2, 2, v));

/** The code metric split: its value, and the part contributed by bins where one side has no point (the floor). */
export interface CodeMetricParts {
  readonly value: number;
  readonly floor: number;
}

/**
 * The code's histogram sym-KL (KL + KL, counts + 1e−8) of two angle sets, with the contribution
 * Σ_b (p_b − q_b) log(p_b/q_b) of the bins that are empty on one side, where only the 1e−8 floor stands.
 */
export function codeMetricParts(a: ArrayLike<number>, b: ArrayLike<number>): CodeMetricParts {
  const p = angleHistogram(a),
    q = angleHistogram(b);
  const countP = angleHistogram(a, { epsilon: 0 }),
    countQ = angleHistogram(b, { epsilon: 0 });
  let floor = 0;
  for (let k = 0; k < TOY_BINS; k++) {
    if (countP[k] === 0 || countQ[k] === 0) floor += (p[k]! - q[k]!) * Math.log(p[k]! / q[k]!);
  }
  return { value: histogramSymmetricKlSum(a, b), floor };
}

/** The code's gap metric on raw features (identity encoders). */
export function identityEncoderGap(rng: Rng, noise: number | ToyNoise, evalPairs: number): number {
  return identityEncoderParts(rng, noise, evalPairs).value;
}

/** The identity-encoder metric with its floor part (see codeMetricParts). */
export function identityEncoderParts(rng: Rng, noise: number | ToyNoise, evalPairs: number): CodeMetricParts {
  const { x, y } = toyPairs(rng, evalPairs, noise);
  return codeMetricParts(angles(x), angles(y));
}

/** h = v·W for a flat [n·2] batch and a row-major 2×2 W stored at `o` in `w`, into `out`. */
function linear2(v: Float64Array, w: ArrayLike<number>, o: number, out: Float64Array): void {
  const w00 = w[o]!,
    w01 = w[o + 1]!,
    w10 = w[o + 2]!,
    w11 = w[o + 3]!;
  for (let i = 0; i < v.length; i += 2) {
    const a = v[i]!,
      b = v[i + 1]!;
    out[i] = a * w00 + b * w10;
    out[i + 1] = a * w01 + b * w11;
  }
}

/**
 * Backward pass of z = h/‖h‖, h = v·W: ∂L/∂h = (g − z⟨z, g⟩)/‖h‖, ∂L/∂W = vᵀ·∂L/∂h, accumulated into grad[o..o+3].
 */
function backward(v: Float64Array, h: Float64Array, g: Float64Array, grad: Float64Array, o: number): void {
  let g00 = 0,
    g01 = 0,
    g10 = 0,
    g11 = 0;
  for (let i = 0; i < v.length; i += 2) {
    const r = Math.hypot(h[i]!, h[i + 1]!),
      z0 = h[i]! / r,
      z1 = h[i + 1]! / r;
    const zg = z0 * g[i]! + z1 * g[i + 1]!;
    const d0 = (g[i]! - z0 * zg) / r,
      d1 = (g[i + 1]! - z1 * zg) / r;
    g00 += v[i]! * d0;
    g01 += v[i]! * d1;
    g10 += v[i + 1]! * d0;
    g11 += v[i + 1]! * d1;
  }
  grad[o] = g00;
  grad[o + 1] = g01;
  grad[o + 2] = g10;
  grad[o + 3] = g11;
}

/** Rows of h scaled to unit length, into `out` (a Matrix view for the loss). */
function normalizeInto(h: Float64Array, out: Float64Array): void {
  for (let i = 0; i < h.length; i += 2) {
    const r = Math.hypot(h[i]!, h[i + 1]!);
    out[i] = h[i]! / r;
    out[i + 1] = h[i + 1]! / r;
  }
}

/** Buffers of the toy's loss for one batch size. */
export interface ToyWorkspace {
  readonly clip: ReturnType<typeof clipWorkspace>;
  readonly hx: Float64Array;
  readonly hy: Float64Array;
  readonly zx: Matrix;
  readonly zy: Matrix;
  /** ∂L/∂w, written by toyLossWithGrad. */
  readonly gradient: Float64Array;
}

/** Buffers for batches of n pairs. */
export function toyWorkspace(n: number): ToyWorkspace {
  return {
    clip: clipWorkspace(n, 2),
    hx: new Float64Array(2 * n),
    hy: new Float64Array(2 * n),
    zx: matrix(n, 2),
    zy: matrix(n, 2),
    gradient: new Float64Array(8),
  };
}

/**
 * The toy's loss on one batch, L = CLIP_τ(norm(x·W₁), norm(y·W₂)), and ∂L/∂w into ws.gradient, for the encoders
 * W₁ = w[0..3], W₂ = w[4..7] (row-major 2×2).
 */
export function toyLossWithGrad(
  x: Float64Array,
  y: Float64Array,
  w: ArrayLike<number>,
  tau: number,
  ws: ToyWorkspace,
): number {
  linear2(x, w, 0, ws.hx);
  linear2(y, w, 4, ws.hy);
  normalizeInto(ws.hx, ws.zx.data);
  normalizeInto(ws.hy, ws.zy.data);
  const r = clipLossWithGrad(ws.zx, ws.zy, tau, ws.clip);
  backward(x, ws.hx, r.gradX.data, ws.gradient, 0);
  backward(y, ws.hy, r.gradY.data, ws.gradient, 4);
  return r.loss;
}

/** The two learned encoders, row-major 2×2 each: W₁ = w[0..3], W₂ = w[4..7]. */
export interface ToyEncoders {
  readonly weights: Float64Array;
  readonly finalLoss: number;
}

/**
 * Trains the two linear encoders with the symmetric CLIP loss in float64 (Adam on both). The random stream is the
 * TensorFlow.js version's: 8 normals for a random start, then one batch per step.
 */
export function trainToyEncoders(rng: Rng, c: ToyConfig): ToyEncoders {
  const w =
    c.init === 'identity'
      ? Float64Array.of(1, 0, 0, 1, 1, 0, 0, 1)
      : Float64Array.from({ length: 8 }, () => rng.normal() / Math.SQRT2);
  const opt = new Adam(8, c.learningRate),
    ws = toyWorkspace(c.batch);
  let finalLoss = NaN;
  for (let s = 0; s < c.steps; s++) {
    const { x, y } = toyPairs(rng, c.batch, c.sigma);
    finalLoss = toyLossWithGrad(x, y, w, c.tau, ws);
    opt.step(w, ws.gradient);
  }
  return { weights: w, finalLoss };
}

/** What a toy training measured. */
export interface ToyRun {
  /** The code metric on `evalPairs` fresh pairs through the trained encoders. */
  readonly gap: number;
  /** Its population value for the trained encoders (encodedPopulationKlSum): no sample, no floor. */
  readonly populationGap: number;
  readonly centroidGap: number;
  /** The loss of the last training batch. */
  readonly finalLoss: number;
  readonly weights: Float64Array;
}

/** Trains the encoders (trainToyEncoders) and measures the learned gap three ways (see ToyRun). */
export function trainedToyGap(rng: Rng, c: ToyConfig): ToyRun {
  const { weights, finalLoss } = trainToyEncoders(rng, c);
  const { x, y } = toyPairs(rng, c.evalPairs, c.sigma);
  const ax = new Float64Array(2 * c.evalPairs),
    ay = new Float64Array(2 * c.evalPairs);
  linear2(x, weights, 0, ax);
  linear2(y, weights, 4, ay);
  const gap = histogramSymmetricKlSum(angles(ax), angles(ay));
  const centroid = centroidGap(normalizeRows(matrix(c.evalPairs, 2, ax)), normalizeRows(matrix(c.evalPairs, 2, ay)));
  const populationGap = encodedPopulationKlSum(weights, { law: 'wrapped-normal', sigma: c.sigma });
  return { gap, populationGap, centroidGap: centroid, finalLoss, weights };
}
