import { requireEmbeddings, requireSameShape, type Matrix } from '../numeric/index.js';

/** (1/B) Σ_i ‖x_i − y_i‖, the mean distance between partners (docs/claims.md P14). */
export function meanPairDistance(X: Matrix, Y: Matrix): number {
  requireEmbeddings(X, 'X');
  requireEmbeddings(Y, 'Y');
  requireSameShape(X, Y, 'X', 'Y');
  let s = 0;
  for (let i = 0; i < X.rows; i++) {
    let q = 0;
    for (let k = 0; k < X.cols; k++) q += (X.data[i * X.cols + k]! - Y.data[i * X.cols + k]!) ** 2;
    s += Math.sqrt(q);
  }
  return s / X.rows;
}
