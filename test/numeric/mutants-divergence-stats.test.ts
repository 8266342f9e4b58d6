/*
 * Source: issue 15 item 4 (StrykerJS on src/numeric): mutants of divergence.ts and stats.ts that survived
 * test/numeric in this session's run (docs/mutation.md): the log-ratio's range test `r > 1e-300 && r < 1e300`
 * and the Sterbenz window of log(p/q), the `k > n` shortcut of the binomial tail, and the `F − i/n` side of the
 * KS statistic.
 * Expected: each value below is computed by hand in its comment (closed forms in float64), and the functions
 * return it to the stated relative tolerance; every case fails under its mutant (each was applied by hand).
 */
import { describe, expect, it } from 'vitest';
import { binomialUpperTail, ksTest, symmetricKlSum } from '../../src/numeric/index.js';

const relErr = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('log(p/q) inside the symmetric KL', () => {
  it('p/q underflowing to 0 is taken as log p − log q (finite), not log 0 = −∞', () => {
    // (p − q)·log(p/q) with p = 1e-200, q = 1e200: (−1e200)·(−400 ln 10) = 400 ln 10 · 1e200
    const v = symmetricKlSum([1e-200], [1e200]);
    expect(Number.isFinite(v)).toBe(true);
    expect(relErr(v, 400 * Math.LN10 * 1e200)).toBeLessThan(1e-12);
  });
  it('p/q overflowing to ∞ likewise', () => {
    const v = symmetricKlSum([1e200], [1e-200]);
    expect(relErr(v, 400 * Math.LN10 * 1e200)).toBeLessThan(1e-12);
  });
  it('a ratio in range is one rounding of p/q, not a difference of two large logs', () => {
    // p/q = 3 exactly: (2e300)·log 3; log(3e300) − log(1e300) would be 5e-14 off
    expect(relErr(symmetricKlSum([3e300], [1e300]), 2e300 * Math.log(3))).toBeLessThan(1e-15);
  });
  it('within a factor 2, log1p of the exact difference, not log of the rounded ratio', () => {
    // p = 3 + 2^-40, q = 3: p − q = 2^-40 exactly and log(p/q) = log1p(2^-40/3) (one rounding of the quotient);
    // the log of the rounded p/q = 1 + 2^-40/3 would be off by about 1e-4 relative
    const d = 2 ** -40;
    const v = symmetricKlSum([3 + d], [3]);
    expect(relErr(v, d * Math.log1p(d / 3))).toBeLessThan(1e-14);
  });
});

describe('binomial upper tail and KS statistic', () => {
  it('P(X >= k) = 0 for every k > n (no array of negative length)', () => {
    for (const k of [4, 5, 10]) expect(binomialUpperTail(k, 3, 0.5)).toBe(0);
  });
  it('the KS statistic takes F(x_i) − i/n: sample [0.05, 0.9, 0.95] against U(0, 1) gives D = 0.9 − 1/3', () => {
    // i = 1: F = 0.9 lies 0.9 − 1/3 above the empirical CDF just below x_1; every other gap is at most 0.2833
    expect(relErr(ksTest([0.05, 0.9, 0.95], (x) => x).statistic, 0.9 - 1 / 3)).toBeLessThan(1e-15);
  });
});
