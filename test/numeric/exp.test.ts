/*
 * Source: issue 13 (the float64 kernels' speed): the exponential of the loss kernels, src/numeric/exp.ts on the
 * WASM SIMD kernel src/numeric/wasm/exp.wat. Golden values: scripts/make_oracle_exp.py (mpmath, 60 digits).
 * Expected: within 1 ulp of e^x over the whole finite range (subnormal results included); bit for bit the steps
 * of exp.wat done one number at a time in JavaScript (test/helpers/expPoly.ts), whatever the run's length and
 * place; the ends exact (e^0 = 1, e^−∞ = 0, e^+∞ = +∞, NaN stays NaN); entries outside the run untouched; a
 * run outside the array is an error in our words.
 */
import { describe, expect, it } from 'vitest';
import { expShifted, Rng } from '../../src/numeric/index.js';
import { throwsInput, readOracle } from '../helpers/assert.js';
import { expPoly } from '../helpers/expPoly.js';

type Case = { x: number; value: number; residual: number };
const { cases } = readOracle<Case>('exp.json');

/** The spacing of doubles at v (2^−1074 among subnormals). */
function ulp(v: number): number {
  const a = Math.abs(v);
  if (a < 2 ** -1022) return 2 ** -1074;
  return 2 ** (Math.floor(Math.log2(a)) - 52) * (2 ** Math.floor(Math.log2(a)) > a ? 0.5 : 1);
}

const exps = (xs: number[], shift = 0): Float64Array => {
  const a = Float64Array.from(xs);
  expShifted(a, shift);
  return a;
};

describe('expShifted against mpmath', () => {
  it(`is within 1 ulp of e^x at all ${cases.length} points, below 1 ulp where e^x is normal`, () => {
    expect(cases.length).toBeGreaterThan(4000);
    const got = exps(cases.map((c) => c.x));
    const worst = { normal: 0, subnormal: 0 };
    cases.forEach((c, i) => {
      // (got − value) is exact (Sterbenz); the error is that minus the residual of the rounded value
      const err = Math.abs(got[i]! - c.value - c.residual) / ulp(c.value);
      const range = c.value < 2 ** -1022 ? 'subnormal' : 'normal';
      worst[range] = Math.max(worst[range], err);
    });
    // measured: 0.93 ulp (Math.exp 0.85) where e^x is normal; 1 ulp of 2^−1074 among subnormals (as Math.exp)
    expect(worst.normal).toBeLessThan(1);
    expect(worst.normal).toBeGreaterThan(0.5); // not correctly rounded everywhere: the bound is not vacuous
    expect(worst.subnormal).toBeLessThanOrEqual(1);
  });
  it('is e^(x − shift), with the shift subtracted first', () => {
    const got = exps([3, 10.5, -2], 2.5);
    expect(Array.from(got)).toEqual(Array.from(exps([0.5, 8, -4.5])));
  });
});

describe('expShifted, the ends', () => {
  it('e^0 = 1 exactly, and so does a number at the shift', () => {
    expect(Array.from(exps([0, -0]))).toEqual([1, 1]);
    expect(Array.from(exps([7.25, -3], 7.25))[0]).toBe(1);
  });
  it('underflows to 0 and overflows to +∞ where e^x does', () => {
    const got = exps([-Infinity, -746, -745.14, -745.13, 709.78, 709.79, 710, 1e308, Infinity]);
    expect(Array.from(got)).toEqual([0, 0, 0, 5e-324, Math.exp(709.78), Infinity, Infinity, Infinity, Infinity]);
  });
  it('keeps NaN, and x − shift = NaN when both are the same infinity', () => {
    const got = exps([Number.NaN, Infinity, 1], Infinity);
    expect(Number.isNaN(got[0]!)).toBe(true);
    expect(Number.isNaN(got[1]!)).toBe(true);
    expect(got[2]).toBe(0);
  });
});

describe('expShifted is exp.wat, bit for bit', () => {
  it('equals the JavaScript steps on 100,000 numbers across the range', () => {
    const rng = new Rng(13);
    const xs = Array.from({ length: 100_000 }, (_, i) => {
      const spread = [1e-9, 0.35, 2, 40, 1500][i % 5]!;
      return (rng.uniform() - 0.5) * spread;
    });
    const got = exps(xs, 0.125);
    let mismatches = 0;
    xs.forEach((x, i) => {
      if (!Object.is(got[i], expPoly(x - 0.125))) mismatches++;
    });
    expect(mismatches).toBe(0);
  });
  it('at every run length and place, touching nothing outside the run', () => {
    const rng = new Rng(29);
    const base = Float64Array.from({ length: 80 }, () => (rng.uniform() - 0.7) * 30);
    for (let start = 0; start < 12; start += 3)
      for (let len = 0; len <= 40; len++) {
        const a = base.slice(),
          end = start + len;
        expShifted(a, -1, start, end);
        for (let k = 0; k < a.length; k++) {
          const want = k >= start && k < end ? expPoly(base[k]! + 1) : base[k]!;
          expect(Object.is(a[k], want), `entry ${k} of [${start}, ${end})`).toBe(true);
        }
      }
  });
  it('grows its memory for a long run, and short runs after it still agree', () => {
    const long = Float64Array.from({ length: 1 << 20 }, (_, k) => -(k % 1000) / 37);
    expShifted(long, 0);
    expect(long[999]).toBe(expPoly(-999 / 37));
    expect(long[(1 << 20) - 1]).toBe(expPoly(-(((1 << 20) - 1) % 1000) / 37));
    const short = exps([1, 2, 3]);
    expect(Array.from(short)).toEqual([expPoly(1), expPoly(2), expPoly(3)]);
  });
});

describe('expShifted, input', () => {
  it('a run outside the array is an error that names the function', () => {
    const a = new Float64Array(4);
    for (const [s, e] of [
      [-1, 2],
      [3, 2],
      [0, 5],
      [0.5, 2],
    ] as const)
      throwsInput(
        () => expShifted(a, 0, s, e),
        `expShifted: the run [${s}, ${e}) must lie inside the array's 4 entries`,
      );
    expShifted(a, 0, 2, 2); // an empty run is fine and changes nothing
    expect(Array.from(a)).toEqual([0, 0, 0, 0]);
  });
});
