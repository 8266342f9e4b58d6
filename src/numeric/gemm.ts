import { ensure } from './errors.js';
import type { Matrix } from './matrix.js';
import { gemmSimdInto } from './wasm/gemmSimd.js';

/** Products with at least this many multiply-adds go to the WASM SIMD kernel (measured crossover ~16³). */
const SIMD_MIN_WORK = 4096;

/**
 * C = A·Bᵀ in float64 (A: n×k, B: m×k, C: n×m), with both operands read along contiguous rows.
 * Large products run on a WASM SIMD f64x2 kernel (2–4× the JS kernel, docs/numerics.md), small
 * ones on the JS register-tiled kernel; both are exact float64 and agree to rounding.
 * `out` is caller-owned and reused across calls; it is overwritten.
 */
export function matmulABt(A: Matrix, B: Matrix, out: Matrix): Matrix {
  checkShapes(A, B, out);
  if (A.rows * B.rows * A.cols >= SIMD_MIN_WORK) {
    gemmSimdInto(A.data, B.data, out.data, A.rows, B.rows, A.cols);
    return out;
  }
  return scalarKernel(A, B, out);
}

function checkShapes(A: Matrix, B: Matrix, out: Matrix): void {
  ensure(A.cols === B.cols, () => `matmulABt: inner dimensions differ (${A.rows}×${A.cols} · (${B.rows}×${B.cols})ᵀ)`);
  ensure(out.rows === A.rows && out.cols === B.rows, () => `matmulABt: output is ${out.rows}×${out.cols}, expected ${A.rows}×${B.rows}`);
  ensure(out.data !== A.data && out.data !== B.data, 'matmulABt: output must not alias an input');
}

/** The plain-JS kernel alone (for tests and benchmarks). */
export function matmulABtScalar(A: Matrix, B: Matrix, out: Matrix): Matrix {
  checkShapes(A, B, out);
  return scalarKernel(A, B, out);
}

/** A 4×4 register tile with k-blocking breaks the add-latency chain of a plain dot loop (docs/numerics.md). */
function scalarKernel(A: Matrix, B: Matrix, out: Matrix): Matrix {
  const n = A.rows, m = B.rows, k = A.cols, a = A.data, b = B.data, c = out.data;
  c.fill(0);
  const KC = 256;
  const n4 = n - (n % 4), m4 = m - (m % 4);
  for (let k0 = 0; k0 < k; k0 += KC) {
    const k1 = Math.min(k, k0 + KC);
    for (let i = 0; i < n4; i += 4) {
      const a0 = i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
      for (let j = 0; j < m4; j += 4) {
        const b0 = j * k, b1 = b0 + k, b2 = b1 + k, b3 = b2 + k;
        let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (let p = k0; p < k1; p++) {
          const x0 = a[a0 + p]!, x1 = a[a1 + p]!, x2 = a[a2 + p]!, x3 = a[a3 + p]!;
          const y0 = b[b0 + p]!, y1 = b[b1 + p]!, y2 = b[b2 + p]!, y3 = b[b3 + p]!;
          c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
          c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
          c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
          c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
        }
        let o = i * m + j;
        c[o]! += c00; c[o + 1]! += c01; c[o + 2]! += c02; c[o + 3]! += c03; o += m;
        c[o]! += c10; c[o + 1]! += c11; c[o + 2]! += c12; c[o + 3]! += c13; o += m;
        c[o]! += c20; c[o + 1]! += c21; c[o + 2]! += c22; c[o + 3]! += c23; o += m;
        c[o]! += c30; c[o + 1]! += c31; c[o + 2]! += c32; c[o + 3]! += c33;
      }
      for (let j = m4; j < m; j++) edge(i, i + 4, j, k0, k1);
    }
    for (let j = 0; j < m; j++) edge(n4, n, j, k0, k1);
  }
  return out;

  function edge(i0: number, i1: number, j: number, k0: number, k1: number): void {
    for (let i = i0; i < i1; i++) {
      let s = 0;
      for (let p = k0; p < k1; p++) s += a[i * k + p]! * b[j * k + p]!;
      c[i * m + j]! += s;
    }
  }
}
