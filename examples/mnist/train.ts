import type { Scalar } from '@tensorflow/tfjs';
import { gatherRows, type Matrix, Rng } from '../../src/numeric/index.js';
import { type Tf, tunedClipLoss } from '../../src/tensor/index.js';
import { gatherPixels, type Halves, HALF, shuffled } from './data.js';
import { createEncoder, type Encoder, type EncoderShape, embedRows, encode, encoderVariables } from './encoder.js';
import { gapPoint, type GapPoint } from './gap.js';

/*
 * Two-tower training with the symmetric InfoNCE (CLIP) loss, in the tuned float32 form of src/tensor/clip.ts, with
 * Adam. Batches are B distinct digits drawn without replacement (a new permutation each epoch); the in-batch
 * negatives are the other B − 1 partners. Everything random comes from one seeded Rng.
 */

export interface ClipConfig {
  readonly tau: number;
  readonly batch: number;
  readonly steps: number;
  readonly learningRate: number;
  readonly seed: number;
  readonly shape: EncoderShape;
  /** Measure the held-out gap statistics every this many steps (and at 0 and the end). */
  readonly evalEvery: number;
  /** The curve uses the first this many held-out digits (the O(n²) statistics dominate an evaluation). */
  readonly curveRows: number;
  /** Permutations of the two-sample test on all held-out digits after the last step. */
  readonly permutations: number;
}

/** Row i of X (top half) and row i of Y (bottom half) embed the same held-out digit. */
export interface Paired {
  readonly X: Matrix;
  readonly Y: Matrix;
}

export interface ClipRun {
  readonly config: ClipConfig;
  readonly top: Encoder;
  readonly bottom: Encoder;
  /** Held-out gap statistics (the first curveRows digits) against the training step (0: the untrained encoders). */
  readonly curve: readonly GapPoint[];
  /** The same after the last step on every held-out digit, with the permutation test. */
  readonly final: GapPoint;
  /** Embeddings of every held-out digit before training (step 0) and after the last step. */
  readonly untrained: Paired;
  readonly trained: Paired;
  /** Mean training loss over the last tenth of the steps. */
  readonly finalLoss: number;
  readonly ms: number;
}

/** Draws batches of distinct indices, reshuffling each epoch. */
export function batchSampler(count: number, batch: number, rng: Rng): () => Int32Array {
  let order: number[] = [],
    at = count;
  return () => {
    const out = new Int32Array(batch);
    for (let k = 0; k < batch; k++) {
      if (at >= count) {
        order = shuffled(count, rng);
        at = 0;
      }
      out[k] = order[at++]!;
    }
    return out;
  };
}

/** Trains the two encoders; the caller disposes them (disposeEncoder). */
export function trainClip(tf: Tf, data: Halves, heldOut: Halves, c: ClipConfig): ClipRun {
  const t0 = performance.now();
  const rng = new Rng(c.seed);
  const top = createEncoder(tf, rng, c.shape),
    bottom = createEncoder(tf, rng, c.shape);
  const opt = tf.train.adam(c.learningRate),
    loss = tunedClipLoss(tf, c.tau);
  const next = batchSampler(data.count, Math.min(c.batch, data.count), rng);
  const curve: GapPoint[] = [];
  const prefix = Array.from({ length: Math.min(c.curveRows, heldOut.count) }, (_, i) => i);
  const evaluate = (step: number): Paired => {
    const X = embedRows(tf, top, heldOut.top, heldOut.count),
      Y = embedRows(tf, bottom, heldOut.bottom, heldOut.count);
    curve.push(gapPoint(step, gatherRows(X, prefix), gatherRows(Y, prefix), c.seed + step));
    return { X, Y };
  };
  const tail: number[] = [];
  const untrained = evaluate(0);
  let trained = untrained;
  for (let s = 1; s <= c.steps; s++) {
    const idx = next(),
      B = idx.length;
    const x = tf.tensor2d(gatherPixels(data.top, idx), [B, HALF]);
    const y = tf.tensor2d(gatherPixels(data.bottom, idx), [B, HALF]);
    const l = opt.minimize(() => loss(encode(tf, top, x), encode(tf, bottom, y)), true, [
      ...encoderVariables(top),
      ...encoderVariables(bottom),
    ]) as Scalar;
    if (s > c.steps - Math.max(1, Math.ceil(c.steps / 10))) tail.push(l.dataSync()[0]!);
    tf.dispose([x, y, l]);
    if (s % c.evalEvery === 0 || s === c.steps) trained = evaluate(s);
  }
  opt.dispose();
  const finalLoss = tail.reduce((a, b) => a + b, 0) / tail.length;
  const final = gapPoint(c.steps, trained.X, trained.Y, c.seed, c.permutations);
  return { config: c, top, bottom, curve, final, untrained, trained, finalLoss, ms: performance.now() - t0 };
}
