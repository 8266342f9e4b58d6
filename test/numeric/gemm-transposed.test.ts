/*
 * Source: issue 13, item 1 (InfoNCE and CLIP through the blocked matrix product, one summation order for all
 * kernels). The backward passes take G·Y and Gᵀ·X through matmulAB and matmulAtB, which read the transposed
 * operands in place instead of copying them.
 * Expected: every entry of matmulAB(A, B) and matmulAtB(Aᵀ, B) has the bits of matmulABt(A, Bᵀ), which has the
 * bits of dot(A_i, B_j) (dotAt's order), on both sides of the SIMD threshold, for odd and even sizes, with the
 * shared dimension in one chunk or several, each after a product of other numbers (the packed panels live in one
 * reused WASM memory: a packing path that wrote nothing must not pass on the previous call's panels) and with C in
 * several bands of rows, and with A packed in several bands; shape errors are reported.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dot, type Matrix, matmulAB, matmulABt, matmulAtB, matrix, Rng, transpose } from '../../src/numeric/index.js';
import { A_BAND_BYTES, C_BAND_BYTES } from '../../src/numeric/wasm/gemmSimd.js';
import { differingBits, normalMatrix, rowDots } from '../helpers/assert.js';

/**
 * Runs `product` after an n×m product of other numbers: the SIMD kernel packs its operands into one reused WASM
 * memory, so without this a packing path that wrote nothing would leave the previous call's panels in place, and
 * a product of the same operands just before would hide it.
 */
function afterOtherProduct(rng: Rng, n: number, m: number, k: number, product: () => Matrix): Matrix {
  matmulABt(normalMatrix(rng, n, k), normalMatrix(rng, m, k), matrix(n, m));
  return product();
}

describe('matmulAB and matmulAtB keep the bits of matmulABt', () => {
  it('for every shape up to 9×11 with inner lengths 1–1101 (SIMD and JS paths, one and several chunks)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 11 }),
        fc.constantFrom(1, 2, 3, 5, 8, 33, 300, 1101),
        fc.integer({ min: 0, max: 1000 }),
        (n, m, k, seed) => {
          const rng = new Rng(seed);
          const A = normalMatrix(rng, n, k),
            B = normalMatrix(rng, m, k);
          const ref = matmulABt(A, B, matrix(n, m));
          for (let i = 0; i < n; i++)
            for (let j = 0; j < m; j++)
              expect(
                Object.is(
                  ref.data[i * m + j],
                  dot(A.data.subarray(i * k, (i + 1) * k), B.data.subarray(j * k, (j + 1) * k)),
                ),
              ).toBe(true);
          const ab = afterOtherProduct(rng, n, m, k, () => matmulAB(A, transpose(B), matrix(n, m)));
          expect(differingBits(ab.data, ref.data)).toEqual([]);
          const atb = afterOtherProduct(rng, n, m, k, () => matmulAtB(transpose(A), transpose(B), matrix(n, m)));
          expect(differingBits(atb.data, ref.data)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('at a backward-pass size (G: 130×130, X: 130×17)', () => {
    const rng = new Rng(7);
    const G = normalMatrix(rng, 130, 130),
      X = normalMatrix(rng, 130, 17);
    const ref = matmulABt(transpose(G), transpose(X), matrix(130, 17));
    const atb = afterOtherProduct(rng, 130, 17, 130, () => matmulAtB(G, X, matrix(130, 17)));
    expect(differingBits(atb.data, ref.data)).toEqual([]);
    const ref2 = matmulABt(G, transpose(X), matrix(130, 17));
    const ab = afterOtherProduct(rng, 130, 17, 130, () => matmulAB(G, X, matrix(130, 17)));
    expect(differingBits(ab.data, ref2.data)).toEqual([]);
  });

  it('in several chunks and blocks (accumulators, output and panels apart in the WASM memory), A·Bᵀ keeps dot', () => {
    // k = 600–2000: two to four chunks of the shared dimension; m = 70, 130: more quads of B than one block holds
    const rng = new Rng(11);
    for (const [n, m, k] of [
      [64, 64, 1101],
      [130, 130, 600],
      [33, 70, 2000],
    ] as const) {
      const A = normalMatrix(rng, n, k),
        B = normalMatrix(rng, m, k);
      const C = afterOtherProduct(rng, n, m, k, () => matmulABt(A, B, matrix(n, m)));
      const ref = rowDots(A, B);
      expect(differingBits(C.data, ref)).toEqual([]);
    }
  });

  it('in several bands of rows of C (the module holds one band at a time), every product keeps dot', () => {
    // a padded row of C is 4·⌈m/4⌉ doubles: m = 2048 and 2049 give bands of ⌊C_BAND_BYTES / (16·2048 or 2052)⌋ row
    // pairs, so n (odd) takes two full bands and a part-band; m = 2048 copies each band out whole, m = 2049 row by
    // row; k = 5 is odd (the last product added after the lanes)
    const rng = new Rng(12),
      k = 5;
    for (const m of [2048, 2049]) {
      const bandRows = 2 * Math.floor(C_BAND_BYTES / (16 * 4 * Math.ceil(m / 4))),
        n = 2 * bandRows + 45;
      const A = normalMatrix(rng, n, k),
        B = normalMatrix(rng, m, k);
      const ref = rowDots(A, B);
      const C = afterOtherProduct(rng, n, m, k, () => matmulABt(A, B, matrix(n, m)));
      expect(differingBits(C.data, ref), `A·Bᵀ, m = ${m}`).toEqual([]);
      const AB = afterOtherProduct(rng, n, m, k, () => matmulAB(A, transpose(B), matrix(n, m)));
      expect(differingBits(AB.data, ref), `A·B, m = ${m}`).toEqual([]);
      const AtB = afterOtherProduct(rng, n, m, k, () => matmulAtB(transpose(A), transpose(B), matrix(n, m)));
      expect(differingBits(AtB.data, ref), `Aᵀ·B, m = ${m}`).toEqual([]);
    }
  });

  it('with A packed in several bands, every product keeps dot', () => {
    // a packed row pair of A is 16·⌊k/2⌋ bytes: k = 2^16 and 2^16 + 1 give bands of A_BAND_BYTES / 2^20 row pairs;
    // n = 2 bands and a part-band with an odd last row, then 3 bands ending exactly at n with an odd k (the last
    // product added after the lanes); the shared dimension runs in many chunks (test/numeric/gemm-memory.test.ts
    // checks the module's memory)
    const rng = new Rng(13),
      m = 6;
    for (const [k, bands, extra] of [
      [1 << 16, 2, 5],
      [(1 << 16) + 1, 3, 0],
    ] as const) {
      const bandRows = 2 * Math.floor(A_BAND_BYTES / (16 * (k - (k % 2)))),
        n = bands * bandRows + extra;
      const A = normalMatrix(rng, n, k),
        B = normalMatrix(rng, m, k);
      const ref = rowDots(A, B);
      expect(differingBits(matmulABt(A, B, matrix(n, m)).data, ref), `A·Bᵀ, k = ${k}`).toEqual([]);
      const AtB = matmulAtB(transpose(A), transpose(B), matrix(n, m));
      expect(differingBits(AtB.data, ref), `Aᵀ·B, k = ${k}`).toEqual([]);
    }
  });

  it('reports shape errors', () => {
    expect(() => matmulAB(matrix(2, 3), matrix(2, 3), matrix(2, 3))).toThrow(/inner dimensions differ/);
    expect(() => matmulAtB(matrix(3, 2), matrix(3, 4), matrix(4, 2))).toThrow(/output is 4×2, expected 2×4/);
    // one side of the output's shape right and the other wrong, each way
    expect(() => matmulAB(matrix(2, 3), matrix(3, 4), matrix(2, 5))).toThrow(/output is 2×5, expected 2×4/);
    expect(() => matmulAB(matrix(2, 3), matrix(3, 4), matrix(3, 4))).toThrow(/output is 3×4, expected 2×4/);
    expect(() => matmulABt(matrix(2, 3), matrix(2, 3), matrix(2, 3))).toThrow(/output is 2×3, expected 2×2/);
    expect(() => matmulABt(matrix(2, 3), matrix(4, 3), matrix(3, 4))).toThrow(/output is 3×4, expected 2×4/);
    // an output that is one of the inputs (shapes that fit, so only the aliasing check can stop it)
    const S = matrix(2, 2),
      T = matrix(2, 2);
    for (const [name, f] of [
      ['matmulABt', matmulABt],
      ['matmul', matmulAB],
      ['matmul', matmulAtB],
    ] as const) {
      expect(() => f(S, T, S)).toThrow(`${name}: output must not alias an input`);
      expect(() => f(T, S, S)).toThrow(`${name}: output must not alias an input`);
    }
  });
});
