import { type Matrix, ensure, requireEmbeddings, requireSameShape } from '../numeric/index.js';

/** log σ(x) = −softplus(−x), stable for every finite x. */
export function logSigmoid(x: number): number {
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
}

/**
 * SigLIP loss (OpenCLIP SigLipLoss, src/open_clip/loss.py):
 *   L = −(1/N) Σ_{i,j} log σ(ℓ_ij (s⟨x_i, y_j⟩ + b)),  ℓ_ij = +1 if i = j else −1,
 * with logit scale s (= 1/τ) and bias b.
 */
export function sigLipLoss(X: Matrix, Y: Matrix, scale: number, bias: number): number {
  requireEmbeddings(X, 'X (first modality)');
  requireEmbeddings(Y, 'Y (second modality)');
  requireSameShape(X, Y, 'X', 'Y');
  ensure(Number.isFinite(scale) && scale > 0, () => `sigLipLoss: logit scale must be finite and > 0, got ${scale}`);
  ensure(Number.isFinite(bias), () => `sigLipLoss: bias must be finite, got ${bias}`);
  const n = X.rows,
    d = X.cols;
  let s = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let t = 0;
      for (let k = 0; k < d; k++) t += X.data[i * d + k]! * Y.data[j * d + k]!;
      const logit = scale * t + bias;
      s += logSigmoid(i === j ? logit : -logit);
    }
  }
  return -s / n;
}
