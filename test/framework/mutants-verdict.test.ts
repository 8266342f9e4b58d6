/*
 * Source: issue 15 item 4 (StrykerJS on src/conjecture/verdict.ts): every field of every verdict constructor,
 * since reports, the tightness check (lhs/rhs) and the choice of the tightest instance (margin) read them, and
 * the edges of within, allOf, isVerdict, relativeMargin and rateWithin.
 * Expected: the values written in each case, computed by hand from the documented definitions
 * (margin = rhs − lhs for <=, lhs − rhs for >=, allowed − |lhs − rhs| for ≈; within's rhs is the nearer end;
 * allOf returns the first failure, else the smallest margin; relativeMargin divides by the largest of |lhs|,
 * |rhs| and the tolerance's abs).
 */
import { describe, expect, it } from 'vitest';
import {
  allOf,
  approxEqual,
  geq,
  holds,
  isVerdict,
  leq,
  rateWithin,
  relativeMargin,
  sqrtTolerance,
  type Verdict,
  within,
} from '../../src/conjecture/index.js';
import { FLOAT64_EXACT, tolerance } from '../../src/numeric/index.js';

const T = tolerance({ abs: 0.25, rel: 0, ulps: 0 });

describe('leq, geq, approxEqual: every field', () => {
  it('leq(1, 3): margin rhs − lhs = 2, relation <=, the default tolerance FLOAT64_EXACT, details kept', () => {
    expect(leq(1, 3, T, { m: 2 })).toEqual({
      ok: true,
      relation: '<=',
      lhs: 1,
      rhs: 3,
      margin: 2,
      tolerance: T,
      details: { m: 2 },
    });
    expect(leq(1, 3).tolerance).toBe(FLOAT64_EXACT);
    expect(leq(3, 1, T)).toMatchObject({ ok: false, margin: -2 });
  });
  it('the default tolerance allows 1e-12 absolute: leq(1e-12, 0) holds, leq(2e-12, 0) does not', () => {
    expect(leq(1e-12, 0).ok).toBe(true);
    expect(leq(2e-12, 0).ok).toBe(false);
    expect(geq(0, 1e-12).ok).toBe(true);
    expect(geq(0, 2e-12).ok).toBe(false);
    expect(approxEqual(0, 1e-12).ok).toBe(true);
    expect(approxEqual(0, 2e-12).ok).toBe(false);
  });
  it('geq(3, 1): margin lhs − rhs = 2, relation >=', () => {
    expect(geq(3, 1, T, { k: 1 })).toEqual({
      ok: true,
      relation: '>=',
      lhs: 3,
      rhs: 1,
      margin: 2,
      tolerance: T,
      details: { k: 1 },
    });
    expect(geq(1, 3, T)).toMatchObject({ ok: false, margin: -2 });
    expect(geq(1, 3).tolerance).toBe(FLOAT64_EXACT);
  });
  it('approxEqual(1, 1.125): margin = allowed − |Δ| = 0.25 − 0.125, either order', () => {
    expect(approxEqual(1, 1.125, T, { x: 0 })).toEqual({
      ok: true,
      relation: '≈',
      lhs: 1,
      rhs: 1.125,
      margin: 0.125,
      tolerance: T,
      details: { x: 0 },
    });
    expect(approxEqual(1.125, 1, T).margin).toBe(0.125);
    expect(approxEqual(1, 1.5, T)).toMatchObject({ ok: false, margin: -0.25 });
    expect(approxEqual(2, 1.5, T)).toMatchObject({ ok: false, margin: -0.25 });
    expect(approxEqual(1, 1).tolerance).toBe(FLOAT64_EXACT);
  });
  it('approxEqual follows isClose at infinity: equal infinities hold, an infinity never equals a number', () => {
    // bug found here (issue 15): the allowance of two infinities is NaN (ulp(∞) = NaN), so approxEqual(∞, ∞)
    // failed, against the tolerance rule of isClose (equal infinities are close)
    expect(approxEqual(Infinity, Infinity, T).ok).toBe(true);
    expect(approxEqual(-Infinity, -Infinity, tolerance({ rel: 1e-12 })).ok).toBe(true);
    expect(approxEqual(Infinity, 1, tolerance({ rel: 1e-12 })).ok).toBe(false);
    expect(approxEqual(1, -Infinity, tolerance({ rel: 1e-12 })).ok).toBe(false);
    expect(approxEqual(Infinity, -Infinity, T).ok).toBe(false);
    expect(approxEqual(NaN, NaN, T).ok).toBe(false);
  });
  it('infinite sides: an exact ordering holds outright, equal infinities have margin 0, NaN never holds', () => {
    // the allowance of an infinite side is NaN (rel·∞ with rel = 0, ulp(∞)): before, leq(0, ∞) failed and
    // leq(∞, ∞) had margin NaN (a CheckNaNError), so a bound that is vacuous (+∞) refuted its conjecture
    const tight = tolerance({ abs: 0, rel: 0, ulps: 0 });
    for (const t of [FLOAT64_EXACT, tight]) {
      expect(leq(0, Infinity, t)).toMatchObject({ ok: true, margin: Infinity });
      expect(leq(-Infinity, 0, t)).toMatchObject({ ok: true, margin: Infinity });
      expect(leq(Infinity, Infinity, t)).toMatchObject({ ok: true, margin: 0 });
      expect(leq(-Infinity, -Infinity, t)).toMatchObject({ ok: true, margin: 0 });
      expect(leq(Infinity, 0, t)).toMatchObject({ ok: false, margin: -Infinity });
      expect(geq(Infinity, 0, t)).toMatchObject({ ok: true, margin: Infinity });
      expect(geq(0, -Infinity, t)).toMatchObject({ ok: true, margin: Infinity });
      expect(geq(Infinity, Infinity, t)).toMatchObject({ ok: true, margin: 0 });
      expect(geq(0, Infinity, t)).toMatchObject({ ok: false, margin: -Infinity });
      expect(leq(Number.NaN, 1, t).ok).toBe(false);
      expect(geq(1, Number.NaN, t).ok).toBe(false);
    }
  });
  it('sqrtTolerance keeps rel and ulps and takes √abs', () => {
    expect(sqrtTolerance(tolerance({ abs: 0.25, rel: 0.5, ulps: 7 }))).toEqual({ abs: 0.5, rel: 0.5, ulps: 7 });
  });
});

describe('within and holds', () => {
  it('within(1, 0, 4): margin 1 to the nearer end lo, rhs = lo', () => {
    expect(within(1, 0, 4, { what: 'x' })).toEqual({
      ok: true,
      relation: 'in',
      lhs: 1,
      rhs: 0,
      margin: 1,
      details: { lo: 0, hi: 4, what: 'x' },
    });
  });
  it('within(3, 0, 4): the nearer end is hi; the midpoint reports hi; outside fails by the distance', () => {
    expect(within(3, 0, 4)).toMatchObject({ ok: true, rhs: 4, margin: 1 });
    expect(within(2, 0, 4)).toMatchObject({ ok: true, rhs: 4, margin: 2 });
    expect(within(0, 0, 4)).toMatchObject({ ok: true, rhs: 0, margin: 0 });
    expect(within(4, 0, 4)).toMatchObject({ ok: true, rhs: 4, margin: 0 });
    expect(within(5, 0, 4)).toMatchObject({ ok: false, rhs: 4, margin: -1 });
    expect(within(-1, 0, 4)).toMatchObject({ ok: false, rhs: 0, margin: -1 });
  });
  it('within(3, 2, 8): distances x − lo = 1 and hi − x = 5, so margin 1 and rhs = lo = 2', () => {
    expect(within(3, 2, 8)).toMatchObject({ ok: true, rhs: 2, margin: 1 });
    expect(within(7, 2, 8)).toMatchObject({ ok: true, rhs: 8, margin: 1 });
    expect(within(1, 2, 8)).toMatchObject({ ok: false, rhs: 2, margin: -1 });
  });
  it('holds: lhs 1 and margin +1 when true, lhs 0 and margin −1 when false, rhs 1', () => {
    expect(holds(true, { a: 1 })).toEqual({
      ok: true,
      relation: 'holds',
      lhs: 1,
      rhs: 1,
      margin: 1,
      details: { a: 1 },
    });
    expect(holds(false)).toEqual({ ok: false, relation: 'holds', lhs: 0, rhs: 1, margin: -1, details: undefined });
  });
});

describe('allOf', () => {
  const a = leq(1, 3, T),
    b = leq(2, 3, T),
    c = leq(0, 5, T);
  it('returns the smallest margin when all hold, wherever it stands', () => {
    expect(allOf([a, b, c])).toBe(b);
    expect(allOf([b, a, c])).toBe(b);
    expect(allOf([c, a, b])).toBe(b);
    expect(allOf([a])).toBe(a);
  });
  it('returns the first failure, not the worst one', () => {
    const f1 = leq(4, 3, T),
      f2 = leq(9, 3, T);
    expect(allOf([a, f1, f2])).toBe(f1);
    expect(allOf([f2, f1])).toBe(f2);
  });
  it('of equal margins keeps the first', () => {
    const b2 = leq(2, 3, T);
    expect(allOf([b, b2])).toBe(b);
  });
  it('rejects an empty list', () => {
    expect(() => allOf([])).toThrow(new RangeError('allOf: no verdicts'));
  });
});

describe('isVerdict', () => {
  it('accepts a verdict and rejects anything missing ok, margin or relation, or of the wrong type', () => {
    expect(isVerdict(leq(1, 2))).toBe(true);
    expect(isVerdict({ ok: false, margin: 0, relation: 'holds' })).toBe(true);
    expect(isVerdict(null)).toBe(false);
    expect(isVerdict(undefined)).toBe(false);
    expect(isVerdict(true)).toBe(false);
    expect(isVerdict('ok')).toBe(false);
    expect(isVerdict({ ok: 'yes', margin: 0, relation: '<=' })).toBe(false);
    expect(isVerdict({ ok: true, margin: '0', relation: '<=' })).toBe(false);
    expect(isVerdict({ ok: true, margin: 0, relation: 1 })).toBe(false);
    expect(isVerdict({ margin: 0, relation: '<=' })).toBe(false);
    expect(isVerdict({ ok: true, relation: '<=' })).toBe(false);
    expect(isVerdict({ ok: true, margin: 0 })).toBe(false);
  });
});

describe('relativeMargin', () => {
  it('divides the margin by max(|lhs|, |rhs|)', () => {
    expect(relativeMargin(leq(1, 4, T))).toBe(3 / 4);
    expect(relativeMargin(leq(-8, -4, T))).toBe(4 / 8);
    expect(relativeMargin(geq(-2, -8, T))).toBe(6 / 8);
  });
  it('floors the scale at the tolerance abs, and at the smallest double without a tolerance', () => {
    expect(relativeMargin(leq(0, 0.125, T))).toBe(0.125 / 0.25);
    expect(relativeMargin(leq(1e-18, 0, tolerance({ abs: 1e-12 })))).toBe(-1e-18 / 1e-12);
    expect(relativeMargin(holds(true))).toBe(1);
    const bare: Verdict = { ok: true, relation: 'holds', lhs: 0, rhs: 0, margin: 2 ** -1074 };
    expect(relativeMargin(bare)).toBe(1);
  });
});

describe('rateWithin', () => {
  it('lhs = the largest |scaled|, rhs = the constant, the table in the details', () => {
    const v = rateWithin(
      [
        { n: 1, scaled: 0.5 },
        { n: 2, scaled: -2 },
        { n: 4, scaled: 1 },
      ],
      3,
      T,
    );
    expect(v).toEqual({
      ok: true,
      relation: '<=',
      lhs: 2,
      rhs: 3,
      margin: 1,
      tolerance: T,
      details: { constant: 3, grid: [1, 2, 4], scaled: [0.5, -2, 1] },
    });
  });
  it('fails when one |scaled| passes the constant, and uses FLOAT64_EXACT without a tolerance', () => {
    const v = rateWithin([{ n: 8, scaled: -3.5 }], 3);
    expect(v).toMatchObject({ ok: false, lhs: 3.5, rhs: 3, margin: -0.5 });
    expect(v.tolerance).toBe(FLOAT64_EXACT);
    expect(rateWithin([], 1, T)).toMatchObject({ ok: true, lhs: 0, margin: 1 });
  });
});
