/*
 * Source: issue 11, item 1 (the float64 matrix product must give the same bits for the same dot product).
 * An odd inner length made the WASM SIMD tile and the JS edge code sum one dot product in two orders, so
 * identical rows got logits one ulp apart and recall broke ties by rounding: 6 copies of
 * x = (1, 2⁻⁵³, 0, …, 0, 3·2⁻⁵⁴) against 6 copies of y = (1, 1, 0, …, 0, 1), d = 115, gave R@k = 1/3
 * for k >= 2.
 * Expected: every entry of matmulABt (SIMD and JS kernels, tiles and edges) has the bits of dot(A_i, B_j);
 * equal rows give bit-identical rows and columns; recall@K on batches with duplicated rows equals the pessimistic
 * tie rule evaluated in exact (BigInt) arithmetic; the batch gives R@k = 0 for k < 6 and 1 at k = 6.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recallAtK } from '../../src/gaps/index.js';
import { dot, type Matrix, matmulABt, matmulABtScalar, matrix, Rng } from '../../src/numeric/index.js';

/** A double as mantissa·2^exponent with an integer mantissa (exact). */
function decompose(v: number): { mant: bigint; exp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n,
    e = Number((bits >> 52n) & 0x7ffn),
    frac = bits & ((1n << 52n) - 1n);
  return e === 0 ? { mant: sign * frac, exp: -1074 } : { mant: sign * (frac | (1n << 52n)), exp: e - 1075 };
}

/** The exact value of Σ a_p b_p, scaled by 2^2148 (every product of two doubles is a multiple of 2^−2148). */
function exactDot(a: ArrayLike<number>, b: ArrayLike<number>): bigint {
  let s = 0n;
  for (let p = 0; p < a.length; p++) {
    const x = decompose(a[p]!),
      y = decompose(b[p]!);
    s += (x.mant * y.mant) << BigInt(x.exp + y.exp + 2148);
  }
  return s;
}

const rowOf = (M: Matrix, i: number): Float64Array => M.data.subarray(i * M.cols, (i + 1) * M.cols);

/** Pessimistic recall@K in exact arithmetic: a hit needs #{j ≠ i : S_ij >= S_ii} < K. */
function exactRecall(Q: Matrix, C: Matrix, k: number): number {
  let hits = 0;
  for (let i = 0; i < Q.rows; i++) {
    const own = exactDot(rowOf(Q, i), rowOf(C, i));
    let better = 0;
    for (let j = 0; j < C.rows; j++) if (j !== i && exactDot(rowOf(Q, i), rowOf(C, j)) >= own) better++;
    if (better < k) hits++;
  }
  return hits / Q.rows;
}

/**
 * n rows drawn as `groups` distinct rows, each repeated: entries mix magnitudes 1 … 2⁻⁶⁰ so the summation
 * order changes the rounded result. Returns the matrix and the group of each row.
 */
function duplicatedRows(
  rng: Rng,
  n: number,
  d: number,
  groups: number,
  group?: readonly number[],
): { M: Matrix; group: number[] } {
  const distinct = Array.from({ length: groups }, () =>
    Array.from({ length: d }, () => rng.normal() * 2 ** -rng.int(61)),
  );
  const g = group ? [...group] : Array.from({ length: n }, () => rng.int(groups));
  return {
    M: matrix(
      n,
      d,
      g.flatMap((k) => distinct[k]!),
    ),
    group: g,
  };
}

function expectEveryEntryIsDot(A: Matrix, B: Matrix, C: Matrix, what: string): void {
  for (let i = 0; i < A.rows; i++)
    for (let j = 0; j < B.rows; j++) {
      const want = dot(rowOf(A, i), rowOf(B, j));
      const got = C.data[i * B.rows + j];
      if (!Object.is(got, want)) expect.fail(`${what}: C[${i}][${j}] = ${got} ≠ dot = ${want}`);
    }
}

describe('one summation order for every entry', () => {
  // sizes around the tile edges (2 rows × 4 columns, even inner length) and the SIMD threshold (4096 MACs)
  const shape = fc.record({
    n: fc.integer({ min: 1, max: 13 }),
    m: fc.integer({ min: 1, max: 13 }),
    d: fc.integer({ min: 1, max: 131 }),
    groups: fc.integer({ min: 1, max: 4 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  });

  it('SIMD and JS kernels: C_ij has the bits of dot(A_i, B_j); equal rows give bit-identical rows and columns', () => {
    fc.assert(
      fc.property(shape, ({ n, m, d, groups, seed }) => {
        const rng = new Rng(seed);
        const { M: A, group: ga } = duplicatedRows(rng, n, d, groups);
        const { M: B, group: gb } = duplicatedRows(rng, m, d, groups);
        const kernels = [
          ['matmulABt', matmulABt(A, B, matrix(n, m))],
          ['JS kernel', matmulABtScalar(A, B, matrix(n, m))],
        ] as const;
        for (const [name, C] of kernels) {
          expectEveryEntryIsDot(A, B, C, `${name} ${n}×${m}×${d}`);
          for (let i = 0; i < n; i++)
            for (let i2 = 0; i2 < n; i2++) {
              if (ga[i] !== ga[i2]) continue;
              expect(Array.from(rowOf(C, i)), `${name}: rows ${i}, ${i2}`).toEqual(Array.from(rowOf(C, i2)));
            }
          for (let j = 0; j < m; j++)
            for (let j2 = 0; j2 < m; j2++) {
              if (gb[j] !== gb[j2]) continue;
              for (let i = 0; i < n; i++) {
                expect(C.data[i * m + j], `${name}: columns ${j}, ${j2}`).toBe(C.data[i * m + j2]);
              }
            }
        }
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('products large enough for the SIMD kernel, with ragged edges, are bit-identical to dot', () => {
    const rng = new Rng(5);
    const shapes = [
      [7, 9, 115],
      [16, 16, 17],
      [33, 6, 129],
      [64, 65, 1],
      [5, 130, 31],
      [2, 4, 1024],
    ] as const;
    for (const [n, m, d] of shapes) {
      const A = duplicatedRows(rng, n, d, 3).M,
        B = duplicatedRows(rng, m, d, 3).M;
      expect(n * m * d, 'on the SIMD path').toBeGreaterThanOrEqual(4096);
      expectEveryEntryIsDot(A, B, matmulABt(A, B, matrix(n, m)), `${n}×${m}×${d}`);
    }
  });
});

describe('recall on batches with exact ties follows the pessimistic rule', () => {
  it("the issue's batch: 6 copies, d = 115, gives R@k = 0 for k < 6 and 1 at k = 6, both directions", () => {
    const d = 115,
      x = new Array<number>(d).fill(0),
      y = new Array<number>(d).fill(0);
    x[0] = 1;
    x[1] = 2 ** -53;
    x[d - 1] = 3 * 2 ** -54;
    y[0] = 1;
    y[1] = 1;
    y[d - 1] = 1;
    const copies = (v: number[]): number[] => Array.from({ length: 6 }, () => v).flat();
    const X = matrix(6, d, copies(x)),
      Y = matrix(6, d, copies(y));
    const S = matmulABt(X, Y, matrix(6, 6)).data;
    expect(new Set(S).size, 'one value in the whole product').toBe(1);
    for (let k = 1; k <= 6; k++) {
      expect(recallAtK(X, Y, k, 'x-to-y'), `x→y R@${k}`).toBe(k === 6 ? 1 : 0);
      expect(recallAtK(X, Y, k, 'y-to-x'), `y→x R@${k}`).toBe(k === 6 ? 1 : 0);
    }
  });

  it('400 collapsed batches (n = 6, odd d): R@k = 0 for every k < 6', () => {
    const rng = new Rng(400);
    for (let t = 0; t < 400; t++) {
      const d = 2 * (1 + rng.int(64)) + 1;
      const X = duplicatedRows(rng, 6, d, 1).M,
        Y = duplicatedRows(rng, 6, d, 1).M;
      for (const k of [1, 2, 4, 5]) expect(recallAtK(X, Y, k, 'x-to-y'), `batch ${t}, d = ${d}, R@${k}`).toBe(0);
    }
  });

  it('random batches with duplicated pairs: recall@K equals the exact-arithmetic rule', () => {
    const batch = fc.record({
      n: fc.integer({ min: 2, max: 14 }),
      // any d, and odd d half the time (where the tile and the edge code used to sum in different orders)
      d: fc.oneof(
        fc.integer({ min: 1, max: 131 }),
        fc.integer({ min: 0, max: 65 }).map((h) => 2 * h + 1),
      ),
      groups: fc.integer({ min: 1, max: 3 }),
      k: fc.integer({ min: 1, max: 6 }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    });
    fc.assert(
      fc.property(batch, ({ n, d, groups, k, seed }) => {
        const rng = new Rng(seed);
        const { M: X, group } = duplicatedRows(rng, n, d, groups);
        const { M: Y } = duplicatedRows(rng, n, d, groups, group); // pair i's rows are equal whenever the items are
        expect(recallAtK(X, Y, k, 'x-to-y'), 'x→y').toBe(exactRecall(X, Y, k));
        expect(recallAtK(X, Y, k, 'y-to-x'), 'y→x').toBe(exactRecall(Y, X, k));
      }),
      { numRuns: 200, seed: 12 },
    );
  });
});
