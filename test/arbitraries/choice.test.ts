/*
 * Source: issue 12 §2 (temperature() was fc.constantFrom, which shrinks only to its first value, so τ = 1/4 survived
 * where τ = 1/2 also failed) and issue 15 §2 (each arbitrary tested as an arbitrary).
 * Expected: temperatures are ordered by simplicity (1, 1/2, 2, 1/4, 4, …, then other values as given); a choice
 * shrinks from any value to each simpler one; same seed, same value; errors name the arbitrary.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bySimplicity, choice, temperature } from '../../src/arbitraries/index.js';
import { CrlInputError } from '../../src/numeric/index.js';
import {
  expectSameValueGivenSameSeed,
  expectShrinkableWithoutContext,
  expectShrinkStrictlySmaller,
  shrinkWithoutContext,
} from './arbitrary-assertions.js';

describe('temperature and choice', () => {
  it('bySimplicity: powers of two by |log₂ τ|, the smaller first, then the rest as given', () => {
    expect(bySimplicity([0.07, 4, 0.25, 2, 0.1, 0.5, 1])).toEqual([1, 0.5, 2, 0.25, 4, 0.07, 0.1]);
    expect(bySimplicity([1, 0.5, 2, 0.25, 0.1, 0.07])).toEqual([1, 0.5, 2, 0.25, 0.1, 0.07]);
  });
  it('a temperature shrinks from any value to every simpler one, simplest first', () => {
    const tau = temperature();
    expect(shrinkWithoutContext(tau, 0.25)).toEqual([1, 0.5, 2]);
    expect(shrinkWithoutContext(tau, 0.07)).toEqual([1, 0.5, 2, 0.25, 0.1]);
    expect(shrinkWithoutContext(tau, 1)).toEqual([]);
    expect(shrinkWithoutContext(temperature([0.25, 4, 1]), 4)).toEqual([1, 0.25]);
  });
  it('draws every listed value, uniformly enough', () => {
    const xs = fc.sample(temperature(), { seed: 5, numRuns: 600 });
    for (const t of [1, 0.5, 2, 0.25, 0.1, 0.07]) {
      expect(xs.filter((x) => x === t).length, `τ = ${t}`).toBeGreaterThan(60);
    }
  });
  it("is an arbitrary like fast-check's: same seed, shrinkable without context, strictly down", () => {
    const values = ['grid', 'near-optimal', 'other'] as const,
      arb = choice(values);
    expectSameValueGivenSameSeed(arb);
    expectShrinkableWithoutContext(arb);
    expectShrinkStrictlySmaller(arb, (v) => [values.indexOf(v)]);
    expectShrinkStrictlySmaller(temperature(), (v) => [bySimplicity([1, 0.5, 2, 0.25, 0.1, 0.07]).indexOf(v)]);
    expect(arb.canShrinkWithoutContext('grid ')).toBe(false);
    expect(temperature().canShrinkWithoutContext(0.3)).toBe(false);
  });
  it('errors name the arbitrary', () => {
    expect(() => choice([])).toThrow(CrlInputError);
    expect(() => choice([])).toThrow(/^choice: needs at least one value$/);
    expect(() => temperature([])).toThrow(/^temperature: values must be finite numbers > 0, got \[\]$/);
    expect(() => temperature([1, -2])).toThrow(/^temperature: values must be finite numbers > 0, got \[1, -2\]$/);
  });
});
