import type { Tensor2D, Variable } from '@tensorflow/tfjs';
import { type Matrix, matrix, type Rng } from '../../src/numeric/index.js';
import type { Tf } from '../../src/tensor/index.js';

/*
 * One small encoder per modality onto the unit sphere S^{d−1}: f(v) = g(v)/‖g(v)‖, g(v) = W₂ relu(W₁v + b₁).
 * Weights are drawn from the caller's seeded Rng (He-normal), so a run is reproducible.
 */

export interface EncoderShape {
  readonly input: number;
  readonly hidden: number;
  /** Embedding dimension d (the sphere is S^{d−1}). */
  readonly dim: number;
}

/** The trainable weights of one encoder. */
export interface Encoder {
  readonly w1: Variable;
  readonly b1: Variable;
  readonly w2: Variable;
}

function heNormal(tf: Tf, rng: Rng, rows: number, cols: number): Variable {
  const w = new Float32Array(rows * cols);
  const scale = Math.sqrt(2 / rows);
  for (let k = 0; k < w.length; k++) w[k] = scale * rng.normal();
  return tf.tidy(() => tf.variable(tf.tensor2d(w, [rows, cols]))); // tidy frees the initial tensor
}

/** A freshly initialized encoder. */
export function createEncoder(tf: Tf, rng: Rng, s: EncoderShape): Encoder {
  const w1 = heNormal(tf, rng, s.input, s.hidden);
  const b1 = tf.tidy(() => tf.variable(tf.zeros([s.hidden])));
  return { w1, b1, w2: heNormal(tf, rng, s.hidden, s.dim) };
}

/**
 * x·W with a hand-written gradient that uses only non-transposed matMuls, as the tuned CLIP loss does
 * (src/tensor/clip.ts; XNNPACK in wasm handles just that layout): dx = dy·transpose(W), dW = transpose(x)·dy.
 * About 2× faster per training step than autodiff's transposed matMuls here.
 */
export function linear(tf: Tf): (x: Tensor2D, W: Tensor2D) => Tensor2D {
  return tf.customGrad(((x: Tensor2D, W: Tensor2D, save: (ts: Tensor2D[]) => void) => {
    save([x, W]);
    return {
      value: tf.matMul(x, W),
      gradFunc: (dy: Tensor2D, saved: Tensor2D[]) => {
        const [xs, Ws] = saved as [Tensor2D, Tensor2D];
        return [tf.matMul(dy, tf.transpose(Ws)), tf.matMul(tf.transpose(xs), dy)];
      },
    };
  }) as never) as unknown as (x: Tensor2D, W: Tensor2D) => Tensor2D;
}

const linearOps = new WeakMap<Tf, (x: Tensor2D, W: Tensor2D) => Tensor2D>();

/** The embeddings f(v) of a batch of inputs (rows), unit rows. */
export function encode(tf: Tf, e: Encoder, v: Tensor2D): Tensor2D {
  let lin = linearOps.get(tf);
  if (!lin) {
    lin = linear(tf);
    linearOps.set(tf, lin);
  }
  const h = tf.relu(tf.add(lin(v, e.w1 as unknown as Tensor2D), e.b1)) as Tensor2D;
  const z = lin(h, e.w2 as unknown as Tensor2D);
  return tf.div(z, tf.norm(z, 2, 1, true)) as Tensor2D;
}

/** Embeds `count` rows of `inputs` (count × input, float32) into a float64 Matrix, in chunks. */
export function embedRows(tf: Tf, e: Encoder, inputs: Float32Array, count: number, chunk = 1024): Matrix {
  const width = inputs.length / count,
    dim = e.w2.shape[1]!;
  const out = matrix(count, dim);
  for (let start = 0; start < count; start += chunk) {
    const rows = Math.min(chunk, count - start);
    const batch = inputs.subarray(start * width, (start + rows) * width);
    const z = tf.tidy(() => encode(tf, e, tf.tensor2d(batch, [rows, width])));
    out.data.set(z.dataSync(), start * dim);
    z.dispose();
  }
  return out;
}

export const encoderVariables = (e: Encoder): Variable[] => [e.w1, e.b1, e.w2];

/** Frees the encoder's weights. */
export function disposeEncoder(tf: Tf, e: Encoder): void {
  tf.dispose(encoderVariables(e));
}
