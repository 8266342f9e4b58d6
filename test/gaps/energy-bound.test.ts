/*
 * Source: issue 15 (mutation testing) and docs/mutation.md, "Path-choice mutants": the mutants of src/gaps/energy.ts
 * that change only the float64 error bound (u, the error weights of meanPairs, γ, the energy and MMD² bounds, the
 * kernel error) or the path test bound <= 1e-10·value, which no value test sees. energyDistanceParts and
 * mmd2RbfParts expose the float64 value, its bound and the path; fixtures/oracle/energy_bound.json
 * (scripts/make_oracle_energy_bound.py: the bound recomputed in Python from the specification, exact values in
 * mpmath at 50 digits) gives them on 17 small cases: far sets, near-identical sets (coordinates multiples of 2^−8,
 * or full mantissas, whose differences need double-double's low parts), sets on either side of the threshold, one
 * case exactly on it (bound == 1e-10·float64), the same set twice and a copy, σ = 1/2, 1, 2.
 * Expected: the bound and the float64 value agree with the oracle to 1e-12 relative (V8's Math.exp and libm's exp
 * may differ by an ulp), the path exactly; the bound covers |float64 − exact| in every case; path is 'float64' iff
 * bound <= 1e-10·float64 (on the boundary case too); the value is within 1e-10 relative of the exact value and is
 * what energyDistance / mmd2Rbf return.
 */
import { describe, expect, it } from 'vitest';
import { type CertifiedGap, energyDistance, energyDistanceParts, mmd2Rbf, mmd2RbfParts } from '../../src/gaps/index.js';
import { type Matrix, tolerance } from '../../src/numeric/index.js';
import { expectClose, M, readOracle } from '../helpers/assert.js';

interface BoundCase {
  name: string;
  kind: 'energy' | 'mmd2';
  X: number[][];
  Y: number[][];
  /** Y is passed as the same matrix object as X. */
  same: boolean;
  sigma?: number;
  float64: number;
  bound: number;
  /** The exact value at the input doubles (mpmath, 50 digits), rounded to a double. */
  exactNumber: number;
  /** |float64 − exact| at 50 digits, rounded up. */
  float64Error: number;
  path: CertifiedGap['path'];
}

const AGREE = tolerance({ rel: 1e-12 });
const CONTRACT = tolerance({ rel: 1e-10 });
const cases = readOracle<BoundCase>('energy_bound.json').cases;

function compute(c: BoundCase): { parts: CertifiedGap; plain: number } {
  const X = M(c.X);
  const Y: Matrix = c.same ? X : M(c.Y);
  if (c.kind === 'energy') return { parts: energyDistanceParts(X, Y), plain: energyDistance(X, Y) };
  return { parts: mmd2RbfParts(X, Y, c.sigma!), plain: mmd2Rbf(X, Y, c.sigma!) };
}

describe('energyDistanceParts / mmd2RbfParts against the oracle', () => {
  it('the fixture has cases on both paths and one on the boundary', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
    for (const kind of ['energy', 'mmd2'] as const) {
      const paths = new Set(cases.filter((c) => c.kind === kind).map((c) => c.path));
      expect([...paths].sort(), kind).toEqual(['double-double', 'float64']);
    }
    expect(cases.filter((c) => c.bound === 1e-10 * c.float64).length).toBeGreaterThanOrEqual(1);
  });

  for (const c of cases) {
    it(c.name, () => {
      const { parts, plain } = compute(c);
      expectClose(parts.bound, c.bound, AGREE, 'bound');
      expectClose(parts.float64, c.float64, AGREE, 'float64 value');
      expect(parts.path, 'path').toBe(c.path);
      // the bound is rigorous: it covers the float64 value's actual error
      expect(c.float64Error, 'float64Error <= bound').toBeLessThanOrEqual(parts.bound);
      // the path rule, here and on the oracle's boundary case (bound == 1e-10·float64 stands in float64)
      expect(parts.path === 'float64', 'path is float64 iff bound <= 1e-10·float64').toBe(
        parts.bound <= 1e-10 * parts.float64,
      );
      if (parts.path === 'float64') expect(parts.value).toBe(parts.float64);
      expectClose(parts.value, c.exactNumber, CONTRACT, 'value against the exact value');
      expect(Object.is(plain, parts.value), 'energyDistance / mmd2Rbf return .value').toBe(true);
    });
  }

  it('the boundary case is computed on the boundary: bound === 1e-10·float64 exactly, path float64', () => {
    const c = cases.find((k) => k.bound === 1e-10 * k.float64)!;
    const { parts } = compute(c);
    expect(parts.bound).toBe(1e-10 * parts.float64);
    expect(parts.path).toBe('float64');
  });
});
