/*
 * Source: issue 13, item 1 (memory of the float64 kernels): the WASM product packs A and computes C one band of rows
 * at a time (src/numeric/wasm/gemmSimd.ts), so its module's memory, which never shrinks, need not hold a whole G.
 * Expected: after products with a 40 MB A, as such and transposed, the module holds well under half of A's size;
 * the products keep dot's bits. A file of its own, so the module starts empty whatever other tests ran.
 */
import { describe, expect, it } from 'vitest';
import { matmulABt, matmulAtB, matrix, Rng, transpose } from '../../src/numeric/index.js';
import { gemmMemoryBytes } from '../../src/numeric/wasm/gemmSimd.js';
import { differingBits, normalMatrix, rowDots } from '../helpers/assert.js';

describe('the WASM product holds one band of A, not all of it', () => {
  it('after products with a 5001×1001 A (40 MB), plain and transposed', () => {
    const rng = new Rng(14),
      n = 5001,
      k = 1001,
      m = 5;
    const A = normalMatrix(rng, n, k),
      B = normalMatrix(rng, m, k);
    const C = matmulABt(A, B, matrix(n, m)),
      Ct = matmulAtB(transpose(A), transpose(B), matrix(n, m));
    // B's panels (2 quads), one band of A (8 MiB) and of C, the chunks' sums: 8.7 MB, where A is 40 MB
    expect(gemmMemoryBytes()).toBeLessThan(A.data.byteLength / 2);
    const ref = rowDots(A, B);
    expect(differingBits(C.data, ref), 'A·Bᵀ').toEqual([]);
    expect(differingBits(Ct.data, ref), 'Aᵀ·B').toEqual([]);
  });
});
