import { ensure, type Matrix, requireEmbeddings } from '../numeric/index.js';

function both(X: Matrix, Y: Matrix): void {
  requireEmbeddings(X, 'X (first modality)');
  requireEmbeddings(Y, 'Y (second modality)');
  ensure(X.cols === Y.cols, () => `X has dimension ${X.cols}, Y has ${Y.cols}`);
}

/** Mean over all pairs (i, j), i and j ranging over all rows (V-statistic, diagonal included), of f(‖a_i − b_j‖²). */
function meanPairs(A: Matrix, B: Matrix, f: (sq: number) => number): number {
  const d = A.cols;
  let s = 0;
  for (let i = 0; i < A.rows; i++) for (let j = 0; j < B.rows; j++) {
    let q = 0;
    for (let k = 0; k < d; k++) { const t = A.data[i * d + k]! - B.data[j * d + k]!; q += t * t; }
    s += f(q);
  }
  return s / (A.rows * B.rows);
}

/**
 * Energy distance (V-statistic): 2E‖X−Y‖ − E‖X−X′‖ − E‖Y−Y′‖ with Euclidean (chordal on the sphere)
 * distance; >= 0 in exact arithmetic, so clamped at 0 against rounding.
 */
export function energyDistance(X: Matrix, Y: Matrix): number {
  both(X, Y);
  const dist = (q: number): number => Math.sqrt(q);
  return Math.max(0, 2 * meanPairs(X, Y, dist) - meanPairs(X, X, dist) - meanPairs(Y, Y, dist));
}

/** MMD² with the RBF kernel k = exp(−‖x−y‖²/(2σ²)), V-statistic Kxx + Kyy − 2Kxy, clamped at 0. */
export function mmd2Rbf(X: Matrix, Y: Matrix, sigma: number): number {
  both(X, Y);
  ensure(Number.isFinite(sigma) && sigma > 0, () => `mmd2Rbf: bandwidth σ must be finite and > 0, got ${sigma}`);
  const g = 1 / (2 * sigma * sigma);
  const k = (q: number): number => Math.exp(-g * q);
  return Math.max(0, meanPairs(X, X, k) + meanPairs(Y, Y, k) - 2 * meanPairs(X, Y, k));
}
