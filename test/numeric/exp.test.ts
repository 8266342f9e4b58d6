/*
 * Source: issue 13 (the float64 kernels' speed): the exponential of the loss kernels, src/numeric/exp.ts, and its
 * WASM SIMD kernel src/numeric/wasm/exp.wat. Golden values: scripts/make_oracle_exp.py (mpmath, 60 digits).
 * Expected: below 1 ulp of e^x at every point, subnormal results included; the kernel and
 * `expPoly` (the same steps in JavaScript, which short runs take) equal bit for bit, whatever the run's length
 * and place, across the kernel's chunks; the kernel's memory stays one chunk after a long run; the ends exact
 * (e^0 = 1, e^−∞ = 0, e^+∞ = +∞, NaN stays NaN); entries outside the run untouched; a run outside the array is an
 * error in our words.
 */
import { describe, expect, it } from 'vitest';
import { expPoly } from '../../src/numeric/exp.js';
import { expShifted, Rng } from '../../src/numeric/index.js';
import { expMemoryBytes, expShiftedSimd } from '../../src/numeric/wasm/expSimd.js';
import { differingBits, readOracle, throwsInput } from '../helpers/assert.js';

type Case = { x: number; value: number; residualUlps: number };
const { cases } = readOracle<Case>('exp.json');

/** The spacing of doubles at v (2^−1074 among subnormals). */
function ulp(v: number): number {
  const a = Math.abs(v);
  if (a < 2 ** -1022) return 2 ** -1074;
  const e = Math.floor(Math.log2(a));
  return 2 ** (e - 52) * (2 ** e > a ? 0.5 : 1); // log2 may round up just below a power of two
}

const exps = (xs: number[], shift = 0): Float64Array => {
  const a = Float64Array.from(xs);
  expShifted(a, shift);
  return a;
};

/** e^x by the kernel itself, whatever the length. */
const kernelExps = (xs: ArrayLike<number>, shift = 0): Float64Array => {
  const a = Float64Array.from(xs);
  expShiftedSimd(a, shift, 0, a.length);
  return a;
};

describe('the exponential against mpmath', () => {
  it(`at ${cases.length} points: below 1 ulp where e^x is normal, within 1 ulp among subnormals`, () => {
    expect(cases.length).toBeGreaterThan(4000);
    const got = kernelExps(cases.map((c) => c.x));
    const worst = { normal: 0, subnormal: 0 };
    cases.forEach((c, i) => {
      // (got − value)/ulp is exact (Sterbenz, then a power of two); the error is that minus e^x's own residual
      const err = Math.abs((got[i]! - c.value) / ulp(c.value) - c.residualUlps);
      const range = c.value < 2 ** -1022 ? 'subnormal' : 'normal';
      worst[range] = Math.max(worst[range], err);
    });
    // measured: 0.983 ulp where e^x is normal (at x = −527.1367017451985, the worst of a search of 6·10⁸ points near
    // r = −ln2/2; Math.exp: 0.85) and 0.66 ulp of 2^−1074 among subnormals (as Math.exp)
    expect(worst.normal).toBeLessThan(1);
    expect(worst.normal).toBeGreaterThan(0.9); // the search's worst point is among the cases: the bound is not vacuous
    expect(worst.subnormal).toBeLessThan(1);
  });
  it('is e^(x − shift), with the shift subtracted first', () => {
    const got = exps([3, 10.5, -2], 2.5);
    expect(Array.from(got)).toEqual(Array.from(exps([0.5, 8, -4.5])));
  });
});

describe('the exponential, the ends', () => {
  it('e^0 = 1 exactly, and so does a number at the shift', () => {
    for (const f of [exps, kernelExps]) {
      expect(Array.from(f([0, -0]))).toEqual([1, 1]);
      expect(f([7.25, -3], 7.25)[0]).toBe(1);
    }
  });
  it('underflows to 0 and overflows to +∞ where e^x does', () => {
    const xs = [-Infinity, -746, -745.14, -745.13, 709.78, 709.79, 710, 1e308, Infinity];
    const want = [0, 0, 0, 5e-324, Math.exp(709.78), Infinity, Infinity, Infinity, Infinity];
    for (const f of [exps, kernelExps]) expect(Array.from(f(xs))).toEqual(want);
  });
  it('keeps NaN, and x − shift = NaN when both are the same infinity', () => {
    for (const f of [exps, kernelExps]) {
      const got = f([Number.NaN, Infinity, 1], Infinity);
      expect(Number.isNaN(got[0]!)).toBe(true);
      expect(Number.isNaN(got[1]!)).toBe(true);
      expect(got[2]).toBe(0);
    }
  });
});

describe('the kernel and expPoly give the same bits', () => {
  it('on 100,000 numbers across the range', () => {
    const rng = new Rng(13);
    const xs = Array.from({ length: 100_000 }, (_, i) => {
      const spread = [1e-9, 0.35, 2, 40, 1500][i % 5]!;
      return (rng.uniform() - 0.5) * spread;
    });
    const want = xs.map((x) => expPoly(x - 0.125));
    expect(differingBits(kernelExps(xs, 0.125), want)).toEqual([]);
  });
  it('at every run length and place (both sides of the JavaScript/WASM threshold), touching nothing outside', () => {
    const rng = new Rng(29);
    const base = Float64Array.from({ length: 80 }, () => (rng.uniform() - 0.7) * 30);
    for (let start = 0; start < 12; start += 3)
      for (let len = 0; len <= 40; len++) {
        const a = base.slice(),
          end = start + len;
        expShifted(a, -1, start, end);
        const want = base.map((x, k) => (k >= start && k < end ? expPoly(x + 1) : x));
        expect(differingBits(a, want), `run [${start}, ${end})`).toEqual([]);
      }
  });
  it('across the chunks of a long run, and the kernel keeps one chunk of memory', () => {
    const n = (1 << 20) + 5,
      xs = Float64Array.from({ length: n }, (_, k) => -(k % 1000) / 37);
    const got = xs.slice();
    expShifted(got, 0.5, 0, n);
    expect(
      differingBits(
        got,
        xs.map((x) => expPoly(x - 0.5)),
      ),
    ).toEqual([]);
    expect(expMemoryBytes()).toBeLessThanOrEqual(65536); // one 64 KiB page, not the run's 8 MiB
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
