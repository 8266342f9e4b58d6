import { ensure } from './errors.js';
import type { Matrix } from './matrix.js';

/** log Σ_i exp(x_i), shifted by the maximum; −∞ for an empty input or all −∞; NaN in, NaN out. */
export function logSumExp(x: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < x.length; i++) if (x[i]! > m || Number.isNaN(x[i]!)) m = x[i]!;
  if (Number.isNaN(m)) return NaN;
  if (m === -Infinity || m === Infinity) return m;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += Math.exp(x[i]! - m);
  return m + Math.log(s);
}

/** out_i = log Σ_j exp(M_ij) for every row (max-shifted). */
export function rowLogSumExp(M: Matrix, out = new Float64Array(M.rows)): Float64Array {
  ensure(out.length === M.rows, 'rowLogSumExp: output length must equal the number of rows');
  for (let i = 0; i < M.rows; i++) out[i] = logSumExp(M.data.subarray(i * M.cols, (i + 1) * M.cols));
  return out;
}

/** out_j = log Σ_i exp(M_ij) for every column (max-shifted, row-major sweeps). */
export function colLogSumExp(M: Matrix, out = new Float64Array(M.cols)): Float64Array {
  ensure(out.length === M.cols, 'colLogSumExp: output length must equal the number of columns');
  const { rows, cols, data } = M;
  const mx = new Float64Array(cols).fill(-Infinity);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) if (data[i * cols + j]! > mx[j]!) mx[j] = data[i * cols + j]!;
  const s = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) s[j]! += Math.exp(data[i * cols + j]! - mx[j]!);
  for (let j = 0; j < cols; j++) out[j] = Number.isFinite(mx[j]!) ? mx[j]! + Math.log(s[j]!) : mx[j]!;
  return out;
}

/** log-softmax of a vector: x_i − logSumExp(x). */
export function logSoftmax(x: ArrayLike<number>): Float64Array {
  const l = logSumExp(x);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i]! - l;
  return out;
}

/** softmax of a vector, via the max shift. */
export function softmax(x: ArrayLike<number>): Float64Array {
  const out = logSoftmax(x);
  for (let i = 0; i < out.length; i++) out[i] = Math.exp(out[i]!);
  return out;
}

/**
 * The log1p loss form: log(1 + Σ_j exp(δ_j)), exact to full relative precision when the sum is tiny
 * (a loss near 0, docs/numerics.md) and overflow-free when some δ_j is large.
 */
export function log1pSumExp(delta: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < delta.length; i++) if (delta[i]! > m || Number.isNaN(delta[i]!)) m = delta[i]!;
  if (Number.isNaN(m)) return NaN;
  if (m === Infinity) return Infinity;
  let s = 0;
  for (let i = 0; i < delta.length; i++) s += Math.exp(delta[i]! - m);
  return m === 0 ? Math.log1p(s) : m + Math.log(s + Math.exp(-m));
}
