/*
 * Source: definitions in src/numeric (log-sum-exp, log1p form, KL, entropy, tolerance, matmul),
 * checked against mathjs BigNumber at 64 digits and against naive loops.
 * Expected: agreement at <= 1e-15 relative; documented values at the edges (−∞, +∞, 0·log 0 = 0).
 */
import { describe, expect, it } from 'vitest';
import { create, all } from 'mathjs';
import {
  entropy,
  FLOAT64_EXACT,
  fromRows,
  isClose,
  klDivergence,
  log1pSumExp,
  logSoftmax,
  logSumExp,
  matmulABt,
  matrix,
  Rng,
  symmetricKlHalf,
  symmetricKlSum,
  tolerance,
  ulp,
  binomialUpperTail,
  ksTest,
  colLogSumExp,
  rowLogSumExp,
} from '../../src/numeric/index.js';
import { expectClose, normalMatrix } from '../helpers/assert.js';

const big = create(all!, { number: 'BigNumber', precision: 64 });
const bigLse = (x: number[]): number =>
  Number(big.log(x.reduce((s, v) => big.add(s, big.exp(big.bignumber(v))) as never, big.bignumber(0))));
const bigLog1pSumExp = (x: number[]): number =>
  Number(big.log(x.reduce((s, v) => big.add(s, big.exp(big.bignumber(v))) as never, big.bignumber(1))));
const T15 = tolerance({ rel: 1e-15, abs: 0, ulps: 4 });

describe('log-sum-exp family vs mathjs BigNumber (64 digits)', () => {
  const rng = new Rng(7);
  for (let t = 0; t < 20; t++) {
    const n = 1 + rng.int(12),
      scale = [1, 50, 700][t % 3]!;
    const x = Array.from({ length: n }, () => (rng.uniform() * 2 - 1) * scale);
    it(`logSumExp n=${n} scale=${scale}`, () => expectClose(logSumExp(x), bigLse(x), T15, 'lse'));
  }
  it('log1pSumExp keeps full relative precision for a loss near 0', () => {
    const x = [-40, -45, -60];
    expectClose(log1pSumExp(x), bigLog1pSumExp(x), T15, 'log1p form');
    expect(log1pSumExp(x)).toBeGreaterThan(0); // the naive LSE − 0 form returns exactly 0 here
  });
  it('log1pSumExp survives large positive entries', () => {
    expectClose(log1pSumExp([800, 1]), 800 + Math.log1p(Math.exp(-799) + Math.exp(-800)), T15, 'large');
  });
  it('documented edge values', () => {
    expect(logSumExp([])).toBe(-Infinity);
    expect(logSumExp([-Infinity, -Infinity])).toBe(-Infinity);
    expect(logSumExp([1, Infinity])).toBe(Infinity);
    expect(Number.isNaN(logSumExp([1, NaN]))).toBe(true);
    expect(log1pSumExp([])).toBe(0);
    const ls = logSoftmax([1, 2, 3]);
    expectClose(Math.exp(ls[0]!) + Math.exp(ls[1]!) + Math.exp(ls[2]!), 1, FLOAT64_EXACT, 'softmax sums to 1');
  });
  it('row and column LSE agree with the vector form', () => {
    const A = fromRows([
      [1, 2, 3],
      [4, -5, 600],
    ]);
    expect(Array.from(rowLogSumExp(A))).toEqual([logSumExp([1, 2, 3]), logSumExp([4, -5, 600])]);
    expect(Array.from(colLogSumExp(A))).toEqual([logSumExp([1, 4]), logSumExp([2, -5]), logSumExp([3, 600])]);
  });
});

describe('KL and entropy', () => {
  it('match the definitions and the documented edge values', () => {
    const p = [0.5, 0.25, 0.25],
      q = [0.25, 0.25, 0.5];
    expectClose(klDivergence(p, q), 0.5 * Math.log(2) + 0.25 * Math.log(0.5), FLOAT64_EXACT, 'KL');
    expectClose(entropy(p), 1.5 * Math.log(2), FLOAT64_EXACT, 'H');
    expectClose(symmetricKlSum(p, q), 2 * symmetricKlHalf(p, q), FLOAT64_EXACT, 'sum = 2·half');
    expect(klDivergence([0, 1], [0.5, 0.5])).toBeCloseTo(Math.log(2), 15);
    expect(klDivergence([0.5, 0.5], [1, 0])).toBe(Infinity);
    expect(() => klDivergence([0.5, 0.5], [1])).toThrow(/2 atoms/);
    expect(() => entropy([0.5, NaN])).toThrow(/not a finite non-negative/);
  });
});

describe('tolerance', () => {
  it('is abs + rel·scale with an ulp floor, and rejects bad parts', () => {
    expect(isClose(1, 1 + 2 * Number.EPSILON, tolerance())).toBe(true); // 4-ulp floor
    expect(isClose(1, 1 + 1e-9, tolerance({ rel: 1e-10 }))).toBe(false);
    expect(isClose(1, 1 + 1e-9, tolerance({ rel: 1e-8 }))).toBe(true);
    expect(isClose(NaN, NaN, tolerance({ abs: 1 }))).toBe(false);
    expect(ulp(1)).toBe(Number.EPSILON);
    expect(() => tolerance({ rel: -1 })).toThrow(/rel/);
  });
});

describe('matmulABt', () => {
  it('equals the naive triple loop on ragged sizes (tile edges)', () => {
    const rng = new Rng(3);
    for (const [n, m, k] of [
      [1, 1, 1],
      [5, 7, 3],
      [9, 4, 300],
      [13, 17, 2],
    ] as const) {
      const A = normalMatrix(rng, n, k);
      const B = normalMatrix(rng, m, k);
      const C = matmulABt(A, B, matrix(n, m));
      for (let i = 0; i < n; i++)
        for (let j = 0; j < m; j++) {
          let s = 0;
          for (let p = 0; p < k; p++) s += A.data[i * k + p]! * B.data[j * k + p]!;
          expectClose(C.data[i * m + j]!, s, tolerance({ rel: 1e-13, abs: 1e-13 }), `C[${i},${j}]`);
        }
    }
  });
  it('rejects mismatched shapes and aliasing', () => {
    const A = matrix(2, 3);
    expect(() => matmulABt(A, matrix(2, 2), matrix(2, 2))).toThrow(/inner dimensions/);
    expect(() => matmulABt(A, A, A)).toThrow(/output is 2×3/);
  });
});

describe('statistics helpers', () => {
  it('binomial upper tail matches direct sums', () => {
    expectClose(binomialUpperTail(2, 3, 0.5), 0.5, FLOAT64_EXACT, 'P(X>=2), Bin(3,½)');
    expectClose(binomialUpperTail(1, 10, 0.1), 1 - 0.9 ** 10, tolerance({ rel: 1e-13 }), 'P(X>=1)');
    expect(binomialUpperTail(0, 5, 0.3)).toBe(1);
    expect(binomialUpperTail(6, 5, 0.3)).toBe(0);
  });
  it('KS test accepts a uniform sample and rejects a shifted one (seeded)', () => {
    const rng = new Rng(11);
    const u = Array.from({ length: 2000 }, () => rng.uniform());
    expect(ksTest(u, (x) => Math.min(1, Math.max(0, x))).pValue).toBeGreaterThan(1e-3);
    expect(
      ksTest(
        u.map((x) => x * 0.9),
        (x) => Math.min(1, Math.max(0, x)),
      ).pValue,
    ).toBeLessThan(1e-3);
  });
});
