/*
 * Source: the `rate` kind of the framework, on a synthetic rate with a known constant: the trapezoid rule
 * for ∫₀¹ e^{ax} dx has error ≈ a(e^a − 1)/(12N²), so error·N² stays below C(a) = 1.01·a(e^a − 1)/12
 * for a in [0, 2], while error·N³ grows without bound.
 * Expected: the N² conjecture holds over the grid N ∈ {4, 8, …, 256}; the planted N³ twin is refuted and
 * shrinks to a small a; the report details carry the grid and the scaled errors.
 */
import { describe, expect, it } from 'vitest';
import { dyadic } from '../../src/arbitraries/index.js';
import { defineConjecture, PROFILES, rateWithin, runConjecture } from '../../src/conjecture/index.js';

const GRID = [4, 8, 16, 32, 64, 128, 256];
function trapezoidError(a: number, n: number): number {
  const f = (x: number): number => Math.exp(a * x),
    h = 1 / n;
  let s = 0.5 * (f(0) + f(1));
  for (let k = 1; k < n; k++) s += f(k * h);
  const exact = a === 0 ? 1 : Math.expm1(a) / a;
  return Math.abs(s * h - exact);
}
const source = { paper: 'none', ref: 'synthetic rate (trapezoid rule)', provenance: 'background' } as const;
// the trapezoid error is (h²/12)·(f'(1) − f'(0)) + O(h⁴) = a(e^a − 1)/(12N²) + …; 1.01× covers the O(h⁴) term on this grid
const bound = (a: number): number => (1.01 * a * Math.expm1(a)) / 12 + 1e-13;

describe('rate conjectures', () => {
  it('N²·error stays within its constant; N³·error does not', () => {
    const held = runConjecture(
      defineConjecture({
        id: 'test.rate.trapezoid-n2',
        title: 'N²·|trapezoid error| <= 1.01·a(e^a − 1)/12',
        kind: 'rate',
        source,
        expect: 'holds',
        given: dyadic({ min: 0, max: 2, denominator: 8 }),
        check: (a) =>
          rateWithin(
            GRID.map((n) => ({ n, scaled: n * n * trapezoidError(a, n) })),
            bound(a),
          ),
      }),
      { profile: PROFILES.ci },
    );
    expect(held.status).toBe('as-expected');
    expect(held.tightest!.verdict.details!.grid).toEqual(GRID);
    const refuted = runConjecture(
      defineConjecture({
        id: 'test.rate.trapezoid-n3',
        title: 'planted false: N³·|trapezoid error| <= 1.01·a(e^a − 1)/12',
        kind: 'rate',
        source,
        expect: 'refuted',
        given: dyadic({ min: 0, max: 2, denominator: 8 }),
        check: (a) =>
          rateWithin(
            GRID.map((n) => ({ n, scaled: n ** 3 * trapezoidError(a, n) })),
            bound(a),
          ),
      }),
      { profile: PROFILES.ci, useCorpus: false },
    );
    expect(refuted.status).toBe('as-expected');
    expect(refuted.counterexample!.shown).toBe('0.125'); // the smallest non-trivial grid value
    expect((refuted.counterexample!.verdict!.details!.scaled as number[]).length).toBe(GRID.length);
  });
});
