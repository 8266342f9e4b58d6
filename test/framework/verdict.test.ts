/*
 * Source: issue "Test strength" (mutants that survived): approxEqual's `<=` at the boundary, and the exact
 * binomial test of statistical conjectures (P(X >= k), not P(X >= k + 1)).
 * Expected: equality with the allowance passes; with δ = 0.1 and α = 0.05, 4 failures in 20 trials hold
 * (p = 0.133) and 5 are refuted (p = 0.043); sqrtTolerance carries √ of the absolute part.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approxEqual, defineConjecture, geq, leq, sqrtTolerance } from '../../src/conjecture/index.js';
import { tolerance } from '../../src/numeric/index.js';

describe('verdict boundaries', () => {
  it('approxEqual holds when the error equals the allowance exactly', () => {
    expect(approxEqual(0, 0.5, tolerance({ abs: 0.5, rel: 0, ulps: 0 })).ok).toBe(true);
    expect(approxEqual(0, 0.5000001, tolerance({ abs: 0.5, rel: 0, ulps: 0 })).ok).toBe(false);
  });
  it('leq and geq hold at the allowance and fail past it', () => {
    const t = tolerance({ abs: 0.25, rel: 0, ulps: 0 });
    expect(leq(1.25, 1, t).ok).toBe(true);
    expect(leq(1.26, 1, t).ok).toBe(false);
    expect(geq(0.75, 1, t).ok).toBe(true);
    expect(geq(0.74, 1, t).ok).toBe(false);
  });
  it('sqrtTolerance: an absolute error e under the root allows √e', () => {
    expect(sqrtTolerance(tolerance({ abs: 1e-10, rel: 1e-9 }))).toEqual({ abs: 1e-5, rel: 1e-9, ulps: 4 });
  });
});

describe('statistical conjectures: the exact one-sided binomial test at its boundary', () => {
  const withFailures = (failures: number) =>
    defineConjecture({
      id: `test.verdict.binomial-${failures}`,
      title: `${failures} failures in 20`,
      kind: 'statistical',
      source: { paper: 'none', ref: 'test', provenance: 'background' },
      expect: 'holds',
      given: fc.constant(0),
      trials: 20,
      delta: 0.1,
      alpha: 0.05,
      trial: (() => {
        let t = 0;
        return () => t++ % 20 >= failures;
      })(),
    });
  it('4 failures in 20 trials hold (p = P(X >= 4) = 0.133 >= α)', () => {
    const v = withFailures(4).evaluate(0);
    expect(v.ok).toBe(true);
    expect(v.details!.pValue as number).toBeCloseTo(0.133, 3);
  });
  it('5 failures in 20 trials are refuted (p = P(X >= 5) = 0.043 < α)', () => {
    const v = withFailures(5).evaluate(0);
    expect(v.ok).toBe(false);
    expect(v.details!.pValue as number).toBeCloseTo(0.043, 3);
  });
});
