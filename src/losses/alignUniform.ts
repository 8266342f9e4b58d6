import { ensure, type Matrix, requireEmbeddings, requireSameShape, logSumExp } from '../numeric/index.js';

/** Wang & Isola alignment: L_align = (1/N) Σ_i ‖x_i − y_i‖^α (α > 0, default 2). */
export function alignment(X: Matrix, Y: Matrix, alpha = 2): number {
  requireEmbeddings(X, 'X');
  requireEmbeddings(Y, 'Y');
  requireSameShape(X, Y, 'X', 'Y');
  ensure(Number.isFinite(alpha) && alpha > 0, () => `alignment: α must be > 0, got ${alpha}`);
  const n = X.rows,
    d = X.cols;
  let s = 0;
  for (let i = 0; i < n; i++) {
    let q = 0;
    for (let k = 0; k < d; k++) {
      const t = X.data[i * d + k]! - Y.data[i * d + k]!;
      q += t * t;
    }
    // ‖x − y‖^α = q^{α/2}; at q = 0 it is 0 for every α > 0 (α/2 can underflow to 0, and 0 ** 0 is 1)
    s += alpha === 2 ? q : q === 0 ? 0 : q ** (alpha / 2);
  }
  return s / n;
}

/**
 * Wang & Isola uniformity: L_uniform = log[(2/(N(N−1))) Σ_{i<j} e^{−t‖x_i − x_j‖²}] (t > 0, default 2).
 * N = 1 has no pairs: an error here (the reference code returns NaN, the mean of an empty pdist).
 */
export function uniformity(X: Matrix, t = 2): number {
  requireEmbeddings(X, 'X', 2);
  ensure(Number.isFinite(t) && t > 0, () => `uniformity: t must be > 0, got ${t}`);
  const n = X.rows,
    d = X.cols;
  const terms = new Float64Array((n * (n - 1)) / 2);
  let p = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      let q = 0;
      for (let k = 0; k < d; k++) {
        const u = X.data[i * d + k]! - X.data[j * d + k]!;
        q += u * u;
      }
      terms[p++] = -t * q;
    }
  return logSumExp(terms) - Math.log(terms.length);
}
