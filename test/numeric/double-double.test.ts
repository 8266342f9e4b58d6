/*
 * Source: src/numeric/doubleDouble.ts (Dekker's error-free transformations and QD-style double-double operations),
 * checked against mathjs BigNumber at 80 digits.
 * Expected: twoSum and twoProd are exact; ddMul, ddDiv and ddSqrt agree to 1e-30 relative, ddExp on [−650, 700] and
 * ddLog on [1e-300, 1e300] to 1e-29 (below e^−650 the low part is subnormal); DDSum keeps a sum whose terms
 * cancel exactly enough for a 1e-17 remainder of 1e16-sized terms. At the ends (issue 15, Stryker survivors): √0 = 0,
 * e^a past the overflow threshold is (∞, 0) (a low part of ±∞ would make the value NaN), log 0 = −∞, log of a
 * negative or NaN is NaN, log ∞ = ∞, and the value of (hi, lo) is hi + lo rounded once.
 */
import { all, type BigNumber, create } from 'mathjs';
import { describe, expect, it } from 'vitest';
import {
  type DD,
  dd,
  ddDiv,
  ddExp,
  ddLog,
  ddMul,
  DDSum,
  ddSqrt,
  ddValue,
  Rng,
  twoProd,
  twoSum,
} from '../../src/numeric/index.js';

const big = create(all!, { number: 'BigNumber', precision: 80 });
type Big = BigNumber;
// mathjs's overloads widen every result to a union; these wrappers say what a BigNumber operation returns
const op2 =
  (f: (a: Big, b: Big) => unknown) =>
  (a: Big, b: Big): Big =>
    f(a, b) as Big;
const op1 =
  (f: (a: Big) => unknown) =>
  (a: Big): Big =>
    f(a) as Big;
const [add, sub, mul, div] = [op2(big.add), op2(big.subtract), op2(big.multiply), op2(big.divide)];
const [exp, log, sqrt, abs] = [op1(big.exp), op1(big.log), op1(big.sqrt), op1(big.abs)];
/** The exact value of a double (mathjs would read x through its shortest decimal string). */
function B(x: number): Big {
  if (x === 0) return big.bignumber(0);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0),
    e = Number((bits >> 52n) & 0x7ffn),
    frac = bits & ((1n << 52n) - 1n);
  const mant = e === 0 ? frac : frac | (1n << 52n),
    exp = e === 0 ? -1074 : e - 1075;
  const v = mul(big.bignumber(mant.toString()), op2(big.pow)(big.bignumber(2), big.bignumber(exp)));
  return x < 0 ? sub(big.bignumber(0), v) : v;
}
const ofDD = (a: DD): Big => add(B(a.hi), B(a.lo));
const relErr = (got: Big, want: Big): number => Number(abs(div(sub(got, want), want)));

describe('error-free transformations', () => {
  const rng = new Rng(41);
  it('a + b = hi + lo and a·b = hi + lo exactly', () => {
    for (let t = 0; t < 500; t++) {
      const a = rng.normal() * 2 ** (rng.int(80) - 40),
        b = rng.normal() * 2 ** (rng.int(80) - 40);
      const s = twoSum(a, b),
        p = twoProd(a, b);
      expect(big.equal(ofDD(s), add(B(a), B(b)))).toBe(true);
      expect(big.equal(ofDD(p), mul(B(a), B(b)))).toBe(true);
    }
  });
});

describe('double-double operations vs BigNumber', () => {
  const rng = new Rng(43);
  const rand = (): DD => {
    const hi = rng.normal() * 2 ** (rng.int(20) - 10);
    return twoSum(hi, hi * 2 ** -60 * rng.normal());
  };
  it('ddMul, ddDiv, ddSqrt to 1e-30', () => {
    for (let t = 0; t < 200; t++) {
      const a = rand(),
        b = rand();
      expect(relErr(ofDD(ddMul(a, b)), mul(ofDD(a), ofDD(b)))).toBeLessThan(1e-30);
      expect(relErr(ofDD(ddDiv(a, b)), div(ofDD(a), ofDD(b)))).toBeLessThan(1e-30);
      const pos = { hi: Math.abs(a.hi), lo: Math.sign(a.hi) * a.lo };
      expect(relErr(ofDD(ddSqrt(pos)), sqrt(ofDD(pos)))).toBeLessThan(1e-30);
    }
  });
  it('ddExp on [−650, 700] and ddLog on [1e-300, 1e300] to 1e-29 (below e^−650 the low part is subnormal)', () => {
    for (let t = 0; t < 200; t++) {
      const x = twoSum(rng.uniform() * 1350 - 650, rng.normal() * 1e-15);
      expect(relErr(ofDD(ddExp(x)), exp(ofDD(x))), `exp(${x.hi})`).toBeLessThan(1e-29);
      const y = twoSum(10 ** ((rng.uniform() * 2 - 1) * 300), 0);
      expect(relErr(ofDD(ddLog(y)), log(ofDD(y))), `log(${y.hi})`).toBeLessThan(1e-29);
    }
  });
  it('ddExp of tiny arguments keeps e^x − 1; ddLog near 1 keeps log(1 + x)', () => {
    for (const x of [1e-20, -3e-17, 1e-10, 0.3]) {
      const e = ddExp(dd(x));
      const em1 = sub(ofDD(e), B(1)),
        want = sub(exp(B(x)), B(1));
      expect(relErr(em1, want), `expm1(${x})`).toBeLessThan(1e-14);
      const l = ddLog(twoSum(1, x));
      expect(relErr(ofDD(l), log(add(B(1), B(x)))), `log1p(${x})`).toBeLessThan(1e-15);
    }
  });
});

describe('DDSum', () => {
  it('keeps a sum whose terms cancel', () => {
    const s = new DDSum(),
      terms = [1e16, 1, -1e16, 1e-17, 3.5, -4.5];
    let exact = B(0);
    for (const t of terms) {
      s.add(t);
      exact = add(exact, B(t));
    }
    expect(relErr(ofDD(s.value), exact)).toBeLessThan(1e-30);
  });
});

describe('ends of the range', () => {
  it('ddSqrt of 0 (and of a negative, outside its domain) is 0, not 0·∞ = NaN', () => {
    expect(ddSqrt(dd(0))).toEqual(dd(0));
    expect(ddSqrt(dd(-1))).toEqual(dd(0));
  });
  it('ddExp past the overflow threshold is (∞, 0), and far below the underflow threshold 0', () => {
    for (const a of [709.8, 710, 800, 1000, 1e4, Infinity]) {
      expect(ddExp(dd(a))).toEqual({ hi: Infinity, lo: 0 });
      expect(ddValue(ddExp(dd(a)))).toBe(Infinity);
    }
    for (const a of [-745.3, -800, -1e4]) expect(ddValue(ddExp(dd(a)))).toBe(0);
  });
  it('ddLog: log 0 = −∞, log ∞ = ∞, a negative or NaN argument gives NaN', () => {
    expect(ddLog(dd(0)).hi).toBe(-Infinity);
    expect(ddLog(dd(Infinity))).toEqual(dd(Infinity));
    expect(ddLog(dd(-1)).hi).toBeNaN();
    expect(ddLog(dd(Number.NaN)).hi).toBeNaN();
  });
  it('ddValue is hi + lo rounded once', () => {
    // 3 + 2^-51: ulp(3) = 2^-51, so the sum is the next double above 3 (3 − 2^-51 would be the one below)
    expect(ddValue({ hi: 3, lo: 2 ** -51 })).toBe(3 + 2 ** -51);
    expect(ddValue({ hi: 3, lo: 2 ** -51 })).toBeGreaterThan(3);
  });
});
