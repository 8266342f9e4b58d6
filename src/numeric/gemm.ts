import { ensure } from './errors.js';
import { dotAt, type Matrix, transpose } from './matrix.js';
import { gemmSimdInto, type Operand } from './wasm/gemmSimd.js';

/** Products with at least this many multiply-adds go to the WASM SIMD kernel (measured crossover ~16³)... */
const SIMD_MIN_WORK = 4096;
/** ...unless the shared dimension is shorter than this: at 256×256×2 packing and copying cost more than the kernel
 * saves (scalar 129 µs, SIMD 211 µs; even at k = 4, 6, 8: 214/231, 334/223, 427/221 µs). */
const SIMD_MIN_INNER = 4;

const useSimd = (n: number, m: number, k: number): boolean => k >= SIMD_MIN_INNER && n * m * k >= SIMD_MIN_WORK;

/**
 * C = A·Bᵀ in float64 (A: n×k, B: m×k, C: n×m), with both operands read along contiguous rows.
 * Large products run on a WASM SIMD f64x2 kernel (2–4× the JS kernel), small ones on the JS register-tiled
 * kernel. Every entry, in either kernel, tile or edge, is summed in the one order of `dotAt`: C_ij has the
 * same bits as dot(A_i, B_j), so equal rows give bit-identical rows of C (ties stay ties).
 * `out` is caller-owned and reused across calls; it is overwritten.
 */
export function matmulABt(A: Matrix, B: Matrix, out: Matrix): Matrix {
  checkShapes(A, B, out);
  if (useSimd(A.rows, B.rows, A.cols)) {
    gemmSimdInto(operand(A, false), operand(B, false), out.data, A.cols);
    return out;
  }
  return scalarKernel(A, B, out);
}

/**
 * C = A·B (A: n×k, B: k×m, C: n×m) without a transposed copy of B: entry (i, j) is ⟨row i of A, column j of B⟩
 * with the bits of matmulABt(A, Bᵀ).
 */
export function matmulAB(A: Matrix, B: Matrix, out: Matrix): Matrix {
  return product(A, false, B, out);
}

/**
 * C = Aᵀ·B (A: k×n, B: k×m, C: n×m) without transposed copies: entry (i, j) is ⟨column i of A, column j of B⟩
 * with the bits of matmulABt(Aᵀ, Bᵀ) (e.g. Gᵀ·X in a backward pass).
 */
export function matmulAtB(A: Matrix, B: Matrix, out: Matrix): Matrix {
  return product(A, true, B, out);
}

/** A·B or Aᵀ·B: the SIMD kernel packs straight from the column layout; small products transpose first. */
function product(A: Matrix, aTransposed: boolean, B: Matrix, out: Matrix): Matrix {
  const n = aTransposed ? A.cols : A.rows,
    k = aTransposed ? A.rows : A.cols;
  ensure(B.rows === k, () => `matmul: inner dimensions differ (${k} and ${B.rows})`);
  ensure(
    out.rows === n && out.cols === B.cols,
    () => `matmul: output is ${out.rows}×${out.cols}, expected ${n}×${B.cols}`,
  );
  ensure(out.data !== A.data && out.data !== B.data, 'matmul: output must not alias an input');
  if (useSimd(n, B.cols, k)) {
    gemmSimdInto(operand(A, aTransposed), operand(B, true), out.data, k);
    return out;
  }
  return scalarKernel(aTransposed ? transpose(A) : A, transpose(B), out);
}

/** A matrix as a gemm operand: its rows, or (transposed) its columns. */
const operand = (M: Matrix, transposed: boolean): Operand => ({
  data: M.data,
  rows: transposed ? M.cols : M.rows,
  transposed,
});

function checkShapes(A: Matrix, B: Matrix, out: Matrix): void {
  ensure(A.cols === B.cols, () => `matmulABt: inner dimensions differ (${A.rows}×${A.cols} · (${B.rows}×${B.cols})ᵀ)`);
  ensure(
    out.rows === A.rows && out.cols === B.rows,
    () => `matmulABt: output is ${out.rows}×${out.cols}, expected ${A.rows}×${B.rows}`,
  );
  ensure(out.data !== A.data && out.data !== B.data, 'matmulABt: output must not alias an input');
}

/** The plain-JS kernel alone (for tests and benchmarks). */
export function matmulABtScalar(A: Matrix, B: Matrix, out: Matrix): Matrix {
  checkShapes(A, B, out);
  return scalarKernel(A, B, out);
}

/**
 * A 2×4 register tile, each entry with two accumulators (even and odd inner index) so the sum runs in the
 * order of `dotAt` (and of the SIMD kernel) while still breaking the add-latency chain of a plain dot loop.
 */
function scalarKernel(A: Matrix, B: Matrix, out: Matrix): Matrix {
  const n = A.rows,
    m = B.rows,
    k = A.cols,
    a = A.data,
    b = B.data,
    c = out.data;
  const n2 = n - (n % 2),
    m4 = m - (m % 4),
    k2 = k - (k % 2);
  for (let i = 0; i < n2; i += 2) {
    const a0 = i * k,
      a1 = a0 + k;
    for (let j = 0; j < m4; j += 4) {
      const b0 = j * k,
        b1 = b0 + k,
        b2 = b1 + k,
        b3 = b2 + k;
      // cRJ = (even lane, odd lane) of entry (i + R, j + J)
      let e00 = 0,
        o00 = 0,
        e01 = 0,
        o01 = 0,
        e02 = 0,
        o02 = 0,
        e03 = 0,
        o03 = 0;
      let e10 = 0,
        o10 = 0,
        e11 = 0,
        o11 = 0,
        e12 = 0,
        o12 = 0,
        e13 = 0,
        o13 = 0;
      for (let p = 0; p < k2; p += 2) {
        const x0 = a[a0 + p]!,
          x1 = a[a1 + p]!,
          y0 = b[b0 + p]!,
          y1 = b[b1 + p]!,
          y2 = b[b2 + p]!,
          y3 = b[b3 + p]!;
        const u0 = a[a0 + p + 1]!,
          u1 = a[a1 + p + 1]!;
        const v0 = b[b0 + p + 1]!,
          v1 = b[b1 + p + 1]!,
          v2 = b[b2 + p + 1]!,
          v3 = b[b3 + p + 1]!;
        e00 += x0 * y0;
        e01 += x0 * y1;
        e02 += x0 * y2;
        e03 += x0 * y3;
        e10 += x1 * y0;
        e11 += x1 * y1;
        e12 += x1 * y2;
        e13 += x1 * y3;
        o00 += u0 * v0;
        o01 += u0 * v1;
        o02 += u0 * v2;
        o03 += u0 * v3;
        o10 += u1 * v0;
        o11 += u1 * v1;
        o12 += u1 * v2;
        o13 += u1 * v3;
      }
      const o = i * m + j;
      c[o] = e00 + o00;
      c[o + 1] = e01 + o01;
      c[o + 2] = e02 + o02;
      c[o + 3] = e03 + o03;
      c[o + m] = e10 + o10;
      c[o + m + 1] = e11 + o11;
      c[o + m + 2] = e12 + o12;
      c[o + m + 3] = e13 + o13;
      if (k2 < k) {
        const t = k - 1,
          x0 = a[a0 + t]!,
          x1 = a[a1 + t]!;
        c[o]! += x0 * b[b0 + t]!;
        c[o + 1]! += x0 * b[b1 + t]!;
        c[o + 2]! += x0 * b[b2 + t]!;
        c[o + 3]! += x0 * b[b3 + t]!;
        c[o + m]! += x1 * b[b0 + t]!;
        c[o + m + 1]! += x1 * b[b1 + t]!;
        c[o + m + 2]! += x1 * b[b2 + t]!;
        c[o + m + 3]! += x1 * b[b3 + t]!;
      }
    }
    for (let j = m4; j < m; j++) {
      c[i * m + j] = dotAt(a, a0, b, j * k, k);
      c[(i + 1) * m + j] = dotAt(a, a1, b, j * k, k);
    }
  }
  for (let i = n2; i < n; i++) for (let j = 0; j < m; j++) c[i * m + j] = dotAt(a, i * k, b, j * k, k);
  return out;
}
