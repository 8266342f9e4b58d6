import {
  ensure,
  type Matrix,
  matrix,
  requireEmbeddings,
  requireSameShape,
  requireTemperature,
} from '../numeric/index.js';
import { loadTensorEngine, type Tf, type TensorEngine } from './engine.js';
import type { Tensor2D, Scalar } from '@tensorflow/tfjs';

/*
 * Symmetric CLIP loss in float32 on TensorFlow.js, in the "tuned" form (docs/numerics.md):
 * only non-transposed matMuls (XNNPACK handles just the NN layout in wasm) and the analytic gradient
 *   G = (e^{S−lseR} + e^{S−lseC})/(2N),  dX = (G·Y − Y/N)/τ,  dY = (Gᵀ·X − X/N)/τ
 * through tf.customGrad. Accuracy is float32 (tolerances in numeric/tolerance.ts: FLOAT32_WASM, FLOAT32_WASM_GRADIENT;
 * measured errors in docs/numerics.md).
 */

/** The tuned CLIP loss as a differentiable function of (X, Y) tensors. */
export function tunedClipLoss(tf: Tf, tau: number): (X: Tensor2D, Y: Tensor2D) => Scalar {
  requireTemperature(tau);
  return tf.customGrad(((X: Tensor2D, Y: Tensor2D, save: (ts: Tensor2D[]) => void) => {
    const n = X.shape[0];
    const S = tf.mul(tf.matMul(X, tf.transpose(Y)), 1 / tau) as Tensor2D;
    const lr = tf.logSumExp(S, 1, true) as Tensor2D,
      lc = tf.logSumExp(S, 0, true) as Tensor2D;
    const diag = tf.mul(tf.sum(tf.mul(X, Y), 1), 1 / tau);
    const value = tf.sub(tf.mul(tf.add(tf.mean(lr), tf.mean(lc)), 0.5), tf.mean(diag)) as Scalar;
    save([X, Y, S, lr, lc]);
    return {
      value,
      gradFunc: (dy: Scalar, saved: Tensor2D[]) => {
        const [Xs, Ys, Ss, lrs, lcs] = saved as [Tensor2D, Tensor2D, Tensor2D, Tensor2D, Tensor2D];
        const G = tf.mul(tf.add(tf.exp(tf.sub(Ss, lrs)), tf.exp(tf.sub(Ss, lcs))), 0.5 / n) as Tensor2D;
        const c = tf.mul(dy, 1 / tau);
        return [
          tf.mul(tf.sub(tf.matMul(G, Ys), tf.div(Ys, n)), c),
          tf.mul(tf.sub(tf.matMul(tf.transpose(G), Xs), tf.div(Xs, n)), c),
        ];
      },
    };
  }) as never) as unknown as (X: Tensor2D, Y: Tensor2D) => Scalar;
}

/** The textbook form (transposed matMul + autodiff): 4–9× slower in wasm; kept as an autodiff cross-check. */
export function autodiffClipLoss(tf: Tf, tau: number): (X: Tensor2D, Y: Tensor2D) => Scalar {
  requireTemperature(tau);
  return (X, Y) =>
    tf.tidy(() => {
      const S = tf.mul(tf.matMul(X, Y, false, true), 1 / tau);
      const diag = tf.mul(tf.sum(tf.mul(X, Y), 1), 1 / tau);
      return tf.sub(
        tf.mul(tf.add(tf.mean(tf.logSumExp(S, 1)), tf.mean(tf.logSumExp(S, 0))), 0.5),
        tf.mean(diag),
      ) as Scalar;
    });
}

export interface TfClipResult {
  readonly loss: number;
  readonly gradX: Matrix;
  readonly gradY: Matrix;
  readonly backend: TensorEngine['backend'];
}

function toTensor(tf: Tf, M: Matrix): Tensor2D {
  return tf.tensor2d(Float32Array.from(M.data), [M.rows, M.cols]);
}

/**
 * Float64 matrices in, float32 CLIP loss and gradients out (as float64 matrices), every tensor
 * disposed before returning. `form` picks the tuned customGrad or the autodiff cross-check.
 */
export async function clipLossWithGradTf(
  X: Matrix,
  Y: Matrix,
  tau: number,
  form: 'tuned' | 'autodiff' = 'tuned',
): Promise<TfClipResult> {
  requireEmbeddings(X, 'X (first modality)');
  requireEmbeddings(Y, 'Y (second modality)');
  requireSameShape(X, Y, 'X', 'Y');
  requireTemperature(tau);
  ensure(form === 'tuned' || form === 'autodiff', () => `unknown form '${String(form)}'`);
  const { tf, backend } = await loadTensorEngine();
  const f = form === 'tuned' ? tunedClipLoss(tf, tau) : autodiffClipLoss(tf, tau);
  const x = toTensor(tf, X),
    y = toTensor(tf, Y);
  try {
    const { value, grads } = tf.valueAndGrads(f as never)([x, y]);
    try {
      const [gx, gy] = grads as [Tensor2D, Tensor2D];
      const loss = (await value.data())[0]!;
      const gradX = matrix(X.rows, X.cols, Float64Array.from(await gx.data()));
      const gradY = matrix(Y.rows, Y.cols, Float64Array.from(await gy.data()));
      return { loss, gradX, gradY, backend };
    } finally {
      value.dispose();
      tf.dispose(grads);
    }
  } finally {
    x.dispose();
    y.dispose();
  }
}

/** Float32 CLIP loss value only (tuned forward). */
export async function clipLossTf(X: Matrix, Y: Matrix, tau: number): Promise<number> {
  requireEmbeddings(X, 'X (first modality)');
  requireEmbeddings(Y, 'Y (second modality)');
  requireSameShape(X, Y, 'X', 'Y');
  requireTemperature(tau);
  const { tf } = await loadTensorEngine();
  const x = toTensor(tf, X),
    y = toTensor(tf, Y);
  try {
    const v = tunedClipLoss(tf, tau)(x, y);
    try {
      return (await v.data())[0]!;
    } finally {
      v.dispose();
    }
  } finally {
    x.dispose();
    y.dispose();
  }
}
