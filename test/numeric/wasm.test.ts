/*
 * Source: src/numeric/wasm/gemm.wat (WASM SIMD f64x2 A·Bᵀ kernel) and its committed bytes.
 * Expected: the committed bytes are exactly what wabt compiles from the .wat; the SIMD kernel and the JS
 * kernel agree to rounding (<= 1e-13 relative to the row-norm scale) on sizes that exercise every edge:
 * odd row counts, column counts not divisible by 4, odd inner lengths; called directly with an inner length of 0
 * or 1 (no lane sums), the product still has dot's bits after other numbers filled the module; a kernel memory that
 * cannot grow is an error that says how much was needed (src/numeric/wasm/instance.ts).
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { dot, matmulABt, matmulABtScalar, matrix, Rng } from '../../src/numeric/index.js';
import { gemmSimdInto } from '../../src/numeric/wasm/gemmSimd.js';
import { reserve } from '../../src/numeric/wasm/instance.js';
import { expectMatrixClose, normalMatrix } from '../helpers/assert.js';

describe('WASM SIMD matmul', () => {
  it('committed bytes match gemm.wat and exp.wat', () => {
    const out = execFileSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { encoding: 'utf8' });
    expect(out).toMatch(/gemmBytes.ts is up to date/);
    expect(out).toMatch(/expBytes.ts is up to date/);
  });
  it('agrees with the JS kernel on ragged shapes', () => {
    const rng = new Rng(17);
    for (const [n, m, k] of [
      [2, 4, 2],
      [3, 5, 3],
      [17, 9, 31],
      [64, 63, 1],
      [1, 4096, 2],
      [33, 33, 129],
    ] as const) {
      const A = normalMatrix(rng, n, k);
      const B = normalMatrix(rng, m, k);
      const simd = matmulABt(A, B, matrix(n, m)),
        js = matmulABtScalar(A, B, matrix(n, m));
      expectMatrixClose(simd, js.data, 1e-13, `${n}×${m}×${k}`);
    }
  });
  it('called directly with an inner length of 0 or 1, gives dot, not what the module held before', () => {
    // gemm.ts sends only k >= 4 here; the kernel runs at least one block, so k < 2 must not reach it
    const rng = new Rng(19),
      n = 5,
      m = 6;
    for (const k of [0, 1]) {
      const nan = new Float64Array(64 * 64).fill(Number.NaN);
      matmulABt(matrix(64, 64, nan), matrix(64, 64, nan), matrix(64, 64)); // NaN panels left in the module
      const a = Float64Array.from({ length: n * k }, () => rng.normal()),
        b = Float64Array.from({ length: m * k }, () => rng.normal());
      const c = new Float64Array(n * m).fill(7);
      gemmSimdInto({ data: a, rows: n, transposed: false }, { data: b, rows: m, transposed: false }, c, k);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < m; j++)
          expect(Object.is(c[i * m + j], dot(a.subarray(i * k, i * k + k), b.subarray(j * k, j * k + k)))).toBe(true);
    }
  });
  it('memory that cannot grow is an error that says how much was needed', () => {
    const kernel = { memory: new WebAssembly.Memory({ initial: 1, maximum: 2 }) };
    reserve(kernel, 65536 * 2); // within the maximum: grows
    expect(kernel.memory.buffer.byteLength).toBe(65536 * 2);
    expect(() => reserve(kernel, 65536 * 40)).toThrow(
      /^a WASM kernel needs 2\.5 MiB of memory and has 0\.1 MiB; it could not grow \(a WebAssembly memory holds at most 4 GiB\): /,
    );
  });
});
