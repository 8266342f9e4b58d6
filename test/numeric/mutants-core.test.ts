/*
 * Source: issue 15 item 4 (StrykerJS on src/numeric): the mutants that survived the unit tests in logsumexp.ts,
 * stats.ts, tolerance.ts, gamma.ts, errors.ts and divergence.ts (docs/mutation.md lists them), e.g. the NaN test
 * of logSumExp `||` → `&&`, the Kolmogorov series' cut-off, `<=` → `<` in isClose, the series/direct switch of
 * the KL integrand at |δ| = 0.1, the error messages of every input check.
 * Expected: every function gives its documented value at its edges and boundaries, and agrees with
 * fixtures/oracle/numeric_mutants.json (mpmath, 60 digits, scripts/make_oracle_numeric_mutants.py) or with a
 * value computed by hand in the comment; each input check throws a CrlInputError with its message.
 */
import { describe, expect, it } from 'vitest';
import {
  allowedError,
  binomialUpperTail,
  CrlInputError,
  colLogSumExp,
  ensure,
  entropy,
  FLOAT32_WASM,
  FLOAT32_WASM_GRADIENT,
  FLOAT64_EXACT,
  fromRows,
  isClose,
  klDivergence,
  kolmogorovSurvival,
  ksTest,
  log1pSumExp,
  logGammaHalfInteger,
  logSoftmax,
  logSumExp,
  relativeError,
  requireTemperature,
  rowLogSumExp,
  softmax,
  symmetricKlHalf,
  symmetricKlSum,
  type Tolerance,
  tolerance,
  ulp,
} from '../../src/numeric/index.js';
import { expectClose, readOracle } from '../helpers/assert.js';

interface NumericOracle {
  binomialUpperTail: { k: number; n: number; p: number; value: string }[];
  kolmogorovSurvival: { x: number; value: string }[];
  ksStephens: { n: number; D: number; value: string }[];
  kl: { p: number[]; q: number[]; kl: string; klSum: string }[];
  entropy: { p: number[]; value: string }[];
  logSumExp: { x: number[]; value: string }[];
  log1pSumExp: { x: number[]; value: string }[];
}
const oracle = readOracle<never>('numeric_mutants.json') as unknown as NumericOracle;
// Literals, not tolerance(…): a mutant of tolerance() that throws must fail a test here, not the import of the file
// (Stryker counts a file that fails to load as no failed test).
const T14: Tolerance = { abs: 0, rel: 1e-14, ulps: 4 };
const T13: Tolerance = { abs: 1e-300, rel: 1e-13, ulps: 4 };

describe('logsumexp.ts', () => {
  for (const { x, value } of oracle.logSumExp) {
    it(`logSumExp([${x}]) = log Σ e^x (mpmath)`, () => expectClose(logSumExp(x), Number(value), T14, 'lse'));
  }
  for (const { x, value } of oracle.log1pSumExp) {
    it(`log1pSumExp([${x}]) = log(1 + Σ e^x) (mpmath)`, () => {
      expectClose(log1pSumExp(x), Number(value), T14, 'log1p form');
    });
  }
  it('NaN anywhere gives NaN, also after a larger entry or first', () => {
    expect(logSumExp([NaN, 1])).toBeNaN();
    expect(logSumExp([1, NaN, 0])).toBeNaN();
    expect(log1pSumExp([NaN, 1])).toBeNaN();
    expect(log1pSumExp([1, NaN])).toBeNaN();
    expect(log1pSumExp([-1, NaN])).toBeNaN();
  });
  it('infinite entries: the maximum itself', () => {
    expect(logSumExp([Infinity, 1])).toBe(Infinity);
    expect(logSumExp([-Infinity, 0])).toBe(0);
    expect(log1pSumExp([Infinity])).toBe(Infinity);
    expect(log1pSumExp([1, Infinity])).toBe(Infinity);
    expect(log1pSumExp([-Infinity])).toBe(0); // log(1 + 0)
    expect(log1pSumExp([-Infinity, -Infinity])).toBe(0);
  });
  it('a single entry is returned exactly', () => {
    expect(logSumExp([5])).toBe(5);
    expect(logSumExp([-3.25])).toBe(-3.25);
  });
  it('rowLogSumExp and colLogSumExp fill a given output and check its length', () => {
    const A = fromRows([
      [0, 0],
      [Math.log(3), -Infinity],
    ]);
    const row = rowLogSumExp(A, new Float64Array(2));
    expectClose(row[0]!, Math.LN2, T14, 'log(1 + 1)');
    expectClose(row[1]!, Math.log(3), T14, 'log(3 + 0)');
    const col = colLogSumExp(A, new Float64Array(2));
    expectClose(col[0]!, Math.log(4), T14, 'log(1 + 3)');
    expect(col[1]).toBe(0); // log(e^0 + e^{−∞})
    expect(() => rowLogSumExp(A, new Float64Array(3))).toThrow(
      'rowLogSumExp: output length must equal the number of rows',
    );
    expect(() => colLogSumExp(A, new Float64Array(1))).toThrow(
      'colLogSumExp: output length must equal the number of columns',
    );
  });
  it('colLogSumExp: a column of −∞ is −∞, a column with +∞ is +∞, a large column does not overflow', () => {
    const A = fromRows([
      [-Infinity, Infinity, 800],
      [-Infinity, 0, 800],
    ]);
    const c = colLogSumExp(A);
    expect(c[0]).toBe(-Infinity);
    expect(c[1]).toBe(Infinity);
    expectClose(c[2]!, 800 + Math.LN2, T14, 'log(2 e^800)');
    expect(Array.from(colLogSumExp(fromRows([[-1, 2, 3]])))).toEqual([-1, 2, 3]); // one row: the row itself
    // the column maxima sit in the second row: shifting by the first row would overflow or stay at −∞
    const B = colLogSumExp(
      fromRows([
        [0, -Infinity],
        [800, 1],
      ]),
    );
    expectClose(B[0]!, 800 + Math.log1p(Math.exp(-800)), T14, 'log(e^0 + e^800)');
    expect(B[1]).toBe(1);
  });
  it('softmax and logSoftmax of (0, log 3) are (1/4, 3/4)', () => {
    const p = softmax([0, Math.log(3)]);
    expect(p.length).toBe(2);
    expectClose(p[0]!, 0.25, T14, 'p0');
    expectClose(p[1]!, 0.75, T14, 'p1');
    const l = logSoftmax([0, Math.log(3)]);
    expectClose(l[0]!, -Math.log(4), T14, 'log p0');
    expectClose(l[1]!, Math.log(0.75), T14, 'log p1');
    expect(softmax([]).length).toBe(0);
  });
});

describe('stats.ts', () => {
  for (const { k, n, p, value } of oracle.binomialUpperTail) {
    it(`P(X >= ${k}), X ~ Bin(${n}, ${p}) (mpmath)`, () => {
      expectClose(binomialUpperTail(k, n, p), Number(value), T13, 'tail');
    });
  }
  it('issue 15: 4 failures in 20 at δ = 0.1 give p = 0.133 > α = 0.05, 5 give p = 0.043 < α', () => {
    expect(binomialUpperTail(4, 20, 0.1)).toBeGreaterThan(0.05);
    expect(binomialUpperTail(5, 20, 0.1)).toBeLessThan(0.05);
  });
  it('edge values: k <= 0 gives 1, k > n gives 0, p = 0 gives 0, p = 1 gives 1', () => {
    expect(binomialUpperTail(-1, 5, 0.3)).toBe(1);
    expect(binomialUpperTail(0, 0, 0.3)).toBe(1);
    expect(binomialUpperTail(1, 0, 0.3)).toBe(0);
    expect(binomialUpperTail(1, 5, 0)).toBe(0);
    expect(binomialUpperTail(5, 5, 1)).toBe(1);
    expect(binomialUpperTail(5, 5, 0.5)).toBe(1 / 32); // P(X = 5) = 2^−5 exactly
  });
  it('input checks name the argument', () => {
    expect(() => binomialUpperTail(1, 2.5, 0.5)).toThrow('binomialUpperTail: n and k must be integers');
    expect(() => binomialUpperTail(1.5, 2, 0.5)).toThrow('binomialUpperTail: n and k must be integers');
    expect(() => binomialUpperTail(1, -1, 0.5)).toThrow(CrlInputError);
    expect(() => binomialUpperTail(1, 2, 1.5)).toThrow('binomialUpperTail: p must be in [0, 1], got 1.5');
    expect(() => binomialUpperTail(1, 2, -0.5)).toThrow('got -0.5');
    expect(() => binomialUpperTail(1, 2, NaN)).toThrow('got NaN');
  });
  for (const { x, value } of oracle.kolmogorovSurvival) {
    it(`Kolmogorov P(K > ${x}) (mpmath, 2000 terms)`, () => {
      expectClose(kolmogorovSurvival(x), Number(value), tolerance({ abs: 1e-15, rel: 1e-14 }), 'Q');
    });
  }
  it('Kolmogorov survival is 1 at and below 0, and for x < 0.2', () => {
    expect(kolmogorovSurvival(-1)).toBe(1);
    expect(kolmogorovSurvival(0)).toBe(1);
    expect(kolmogorovSurvival(0.1)).toBe(1);
    expect(kolmogorovSurvival(0.19)).toBe(1);
    expectClose(kolmogorovSurvival(10), 2 * Math.exp(-200), T14, 'Q(10)'); // the first term e^{−200} < 1e-17 ends the series
  });
  it('KS statistic by hand: one point at ½ gives D = ½; (0.9, 0.1, 0.2) gives D = 2/3 − 0.2', () => {
    const uniform = (x: number): number => x;
    const one = ksTest([0.5], uniform);
    expect(one.statistic).toBe(0.5); // max(1 − ½, ½ − 0)
    expectClose(one.pValue, Number(oracle.ksStephens[0]!.value), T13, 'p, n = 1');
    const three = ksTest([0.9, 0.1, 0.2], uniform); // unsorted on purpose
    expectClose(three.statistic, 2 / 3 - 0.2, T14, 'D'); // at the second point: 2/3 − F(0.2)
    expectClose(three.pValue, Number(oracle.ksStephens[1]!.value), T13, 'p, n = 3');
    expect(ksTest([0.2], uniform).statistic).toBe(0.8); // max(1 − 0.2, 0.2 − 0)
    expect(ksTest([0.8], uniform).statistic).toBe(0.8); // max(1 − 0.8, 0.8 − 0)
    expect(() => ksTest([], uniform)).toThrow('ksTest: empty sample');
  });
});

describe('tolerance.ts', () => {
  it('the float32 tolerances are the documented constants and frozen', () => {
    expect(FLOAT64_EXACT).toEqual({ abs: 1e-12, rel: 1e-12, ulps: 4 });
    expect(FLOAT32_WASM).toEqual({ abs: 1e-5, rel: 1e-3, ulps: 4 });
    expect(FLOAT32_WASM_GRADIENT).toEqual({ rel: 1e-3, floor: 1e-3 });
    expect(Object.isFrozen(FLOAT64_EXACT) && Object.isFrozen(FLOAT32_WASM)).toBe(true);
    expect(Object.isFrozen(FLOAT32_WASM_GRADIENT)).toBe(true);
  });
  it('tolerance() fills abs = 0, rel = 0, ulps = 4, is frozen, accepts 0 and rejects negative or non-finite parts', () => {
    expect(tolerance()).toEqual({ abs: 0, rel: 0, ulps: 4 });
    expect(tolerance({ abs: 1, rel: 2, ulps: 0 })).toEqual({ abs: 1, rel: 2, ulps: 0 });
    expect(Object.isFrozen(tolerance())).toBe(true);
    expect(() => tolerance({ abs: -1 })).toThrow('tolerance.abs must be a finite number >= 0, got -1');
    expect(() => tolerance({ rel: Infinity })).toThrow('tolerance.rel must be a finite number >= 0, got Infinity');
    expect(() => tolerance({ ulps: NaN })).toThrow('tolerance.ulps must be a finite number >= 0, got NaN');
    expect(() => tolerance({ abs: -1 })).toThrow(RangeError);
  });
  it('ulp is the spacing of doubles at |x|', () => {
    expect(ulp(1)).toBe(2 ** -52);
    expect(ulp(-1)).toBe(2 ** -52);
    expect(ulp(1.5)).toBe(2 ** -52);
    expect(ulp(3)).toBe(2 ** -51);
    expect(ulp(0.75)).toBe(2 ** -53);
    expect(ulp(2 ** 100)).toBe(2 ** 48);
    expect(ulp(0)).toBe(2 ** -1074);
    expect(ulp(2 ** -1030)).toBe(2 ** -1074); // subnormal
    expect(ulp(2 ** -1022)).toBe(2 ** -1074); // the smallest normal: 2^−1022 · 2^−52
    expect(ulp(2 ** -1021)).toBe(2 ** -1073);
    expect(ulp(Infinity)).toBeNaN();
    expect(ulp(-Infinity)).toBeNaN();
    expect(ulp(NaN)).toBeNaN();
  });
  it('allowedError is max(abs + rel·max(|a|, |b|), ulps·ulp(max(|a|, |b|)))', () => {
    const t = tolerance({ abs: 1, rel: 0.5, ulps: 0 });
    expect(allowedError(-4, 2, t)).toBe(3); // 1 + ½·4
    expect(allowedError(2, -4, t)).toBe(3);
    expect(allowedError(0, 0, t)).toBe(1);
    expect(allowedError(1, 1, tolerance({ ulps: 4 }))).toBe(4 * 2 ** -52); // the ulp floor wins
    expect(allowedError(-2, 1, tolerance({ ulps: 2 }))).toBe(2 * 2 ** -51);
    expect(allowedError(1, 1, tolerance({ abs: 1e-3, ulps: 4 }))).toBe(1e-3); // abs wins
  });
  it('isClose: the allowance itself is close (issue 15: <= not <), infinities, NaN', () => {
    expect(isClose(0, 0.5, tolerance({ abs: 0.5, rel: 0, ulps: 0 }))).toBe(true);
    expect(isClose(0, 0.5000001, tolerance({ abs: 0.5, rel: 0, ulps: 0 }))).toBe(false);
    expect(isClose(Infinity, Infinity, tolerance())).toBe(true);
    expect(isClose(-Infinity, -Infinity, tolerance())).toBe(true);
    expect(isClose(Infinity, -Infinity, tolerance({ abs: 1 }))).toBe(false);
    expect(isClose(1, Infinity, tolerance({ abs: 1 }))).toBe(false);
    expect(isClose(Infinity, 1, tolerance({ abs: 1 }))).toBe(false);
    expect(isClose(NaN, 1, tolerance({ abs: 10 }))).toBe(false);
    expect(isClose(1, NaN, tolerance({ abs: 10 }))).toBe(false);
    expect(isClose(0, 0, tolerance({ ulps: 0 }))).toBe(true);
  });
  it('relativeError is |a − b|/|b|, 0 for equal values (also infinite), floored at the smallest double', () => {
    expect(relativeError(3, 2)).toBe(0.5);
    expect(relativeError(-3, -2)).toBe(0.5);
    expect(relativeError(1, -1)).toBe(2);
    expect(relativeError(Infinity, Infinity)).toBe(0);
    expect(relativeError(2, 2)).toBe(0);
    expect(relativeError(2 ** -1074, 0)).toBe(1); // |Δ|/MIN_VALUE
    expect(relativeError(1, 0)).toBe(Infinity);
  });
});

describe('gamma.ts', () => {
  it('log Γ at half-integers: Γ(1) = Γ(2) = 1, Γ(3) = 2, Γ(5) = 24, Γ(½) = √π, Γ(3/2) = √π/2, Γ(7/2) = 15√π/8', () => {
    expect(logGammaHalfInteger(1)).toBe(0);
    expect(logGammaHalfInteger(2)).toBe(0);
    expectClose(logGammaHalfInteger(3), Math.log(2), T14, 'log Γ(3)');
    expectClose(logGammaHalfInteger(5), Math.log(24), T14, 'log Γ(5)');
    expectClose(logGammaHalfInteger(0.5), 0.5 * Math.log(Math.PI), T14, 'log Γ(½)');
    expectClose(logGammaHalfInteger(1.5), 0.5 * Math.log(Math.PI) - Math.LN2, T14, 'log Γ(3/2)');
    expectClose(logGammaHalfInteger(3.5), Math.log((15 * Math.sqrt(Math.PI)) / 8), T14, 'log Γ(7/2)');
  });
  it('rejects arguments that are not positive multiples of ½', () => {
    for (const x of [0, -1, 0.3, Infinity, NaN]) {
      expect(() => logGammaHalfInteger(x)).toThrow(
        `logGammaHalfInteger: x must be a positive multiple of 1/2, got ${x}`,
      );
    }
  });
});

describe('errors.ts', () => {
  it('CrlInputError is an Error named CrlInputError; ensure takes a string or a function', () => {
    const e = new CrlInputError('m');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('CrlInputError');
    expect(() => ensure(false, 'plain')).toThrow(new CrlInputError('plain'));
    expect(() => ensure(0, () => 'lazy')).toThrow('lazy');
    expect(() => ensure(1, 'never')).not.toThrow();
  });
  it('requireTemperature accepts a finite τ > 0 and names the argument otherwise', () => {
    expect(() => requireTemperature(1e-300)).not.toThrow();
    expect(() => requireTemperature(0)).toThrow('tau must be a finite number > 0, got 0');
    expect(() => requireTemperature(-1, 'beta')).toThrow('beta must be a finite number > 0, got -1');
    expect(() => requireTemperature(Infinity)).toThrow('got Infinity');
    expect(() => requireTemperature(NaN)).toThrow(CrlInputError);
  });
});

describe('divergence.ts', () => {
  for (const { p, q, kl, klSum } of oracle.kl) {
    it(`KL and KL + KL of [${p}] and [${q}] (mpmath)`, () => {
      expectClose(klDivergence(p, q), Number(kl), T13, 'KL');
      expectClose(symmetricKlSum(p, q), Number(klSum), T13, 'KL + KL');
      expectClose(symmetricKlHalf(p, q), Number(klSum) / 2, T13, '½(KL + KL)');
    });
  }
  for (const { p, value } of oracle.entropy) {
    it(`entropy of [${p}] (mpmath)`, () => expectClose(entropy(p), Number(value), T13, 'H'));
  }
  it('zero weights: 0·log(0/q) = 0 (the term q − 0 of the difference form), p > 0 = q gives +∞', () => {
    expectClose(klDivergence([0, 1], [0.5, 0.5]), Math.LN2, T14, 'KL((0, 1) ‖ uniform)');
    expect(klDivergence([0, 0.5], [0, 0.5])).toBe(0);
    expect(klDivergence([0.5, 0.5], [1, 0])).toBe(Infinity);
    expect(symmetricKlSum([0, 1], [0.5, 0.5])).toBe(Infinity);
    expect(symmetricKlSum([0.5, 0.5], [1, 0])).toBe(Infinity);
    expect(symmetricKlSum([0, 1], [0, 1])).toBe(0);
    expect(klDivergence([0.25, 0.75], [0.25, 0.75])).toBe(0);
  });
  it('input checks name the function and the weight', () => {
    expect(() => klDivergence([], [])).toThrow('klDivergence: empty distribution');
    expect(() => entropy([])).toThrow('entropy: empty distribution');
    expect(() => symmetricKlSum([], [])).toThrow('symmetricKlSum: empty distribution');
    expect(() => klDivergence([1, 0], [1])).toThrow('klDivergence: p has 2 atoms, q has 1');
    expect(() => klDivergence([1], [1, 0])).toThrow('klDivergence: p has 1 atoms, q has 2');
    expect(() => klDivergence([1, 0], [0.5, -0.5])).toThrow(
      'klDivergence: q[1] = -0.5 is not a finite non-negative weight',
    );
    expect(() => klDivergence([Infinity], [1])).toThrow('klDivergence: p[0] = Infinity is not a finite');
    expect(() => symmetricKlSum([1], [NaN])).toThrow('symmetricKlSum: q[0] = NaN');
    expect(() => entropy([0.5, -0.5])).toThrow('entropy: p[1] = -0.5');
  });
});
