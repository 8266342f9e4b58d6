/*
 * Source: issue 15 §2 (each arbitrary tested as an arbitrary) and issue 12 §2 (shrinking removes any atom; τ and t
 * shrink to the simplest value), for finiteSpaceInstance (paper 2's finite measure spaces).
 * Expected: same seed gives the same value and the same shrinks with or without context; finiteSpaceToParts inverts
 * buildFiniteSpace; values stay on their grids and shrinkable without context, each shrink step goes strictly down;
 * shrinking from K = 4 offers each atom for deletion; option errors name the option in our words.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildFiniteSpace,
  bySimplicity,
  finiteSpaceInstance,
  type FiniteSpaceInstance,
  type FiniteSpaceOptions,
  finiteSpaceToParts,
} from '../../src/arbitraries/index.js';
import { gcdOf, sameValue } from '../../src/arbitraries/shrinkable.js';
import { CrlInputError } from '../../src/numeric/index.js';
import {
  expectCorrectValues,
  expectSameValueGivenSameSeed,
  expectShrinkableWithoutContext,
  expectShrinkStrictlySmaller,
  shrinkWithoutContext,
} from './arbitrary-assertions.js';

const TEMPS = bySimplicity([1, 0.5, 2, 0.25, 0.1, 0.07]);
const MIXES = [1 / 2, 1 / 4, 3 / 4, 1 / 8, 3 / 8, 5 / 8, 7 / 8];
const sum = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0);
/** (K, choice indices, Σ(μ − 1) + 4Σ|U| + 4Σ|U₂| + Σ(w − 1)). */
const measure = (r: FiniteSpaceInstance): number[] => {
  const potentials = 4 * sum([...r.U, ...r.U2].map(Math.abs));
  const weights = sum([...r.mu, ...r.wRho, ...r.wRho2].map((w) => w - 1));
  return [r.K, TEMPS.indexOf(r.tau) + MIXES.indexOf(r.t), potentials + weights];
};
const CONFIGS: [string, FiniteSpaceOptions][] = [
  ['default', {}],
  ['maxPotential 0', { maxPotential: 0 }],
  ['K in [3, 6]', { minAtoms: 3, maxAtoms: 6 }],
];

describe('finiteSpaceInstance as an arbitrary', () => {
  for (const [name, o] of CONFIGS) {
    describe(name, () => {
      const arb = finiteSpaceInstance(o);
      it('same seed, same value and same shrinks, with or without context', () => expectSameValueGivenSameSeed(arb));
      it('values stay shrinkable without context', () => expectShrinkableWithoutContext(arb));
      it('shrinking goes strictly down', () => expectShrinkStrictlySmaller(arb, measure));
      it('finiteSpaceToParts inverts buildFiniteSpace (both ways)', () =>
        expectCorrectValues(arb, (r) => {
          const p = finiteSpaceToParts(r);
          expect(sameValue(buildFiniteSpace(p), r)).toBe(true);
          expect(sameValue(finiteSpaceToParts(buildFiniteSpace(p)), p)).toBe(true);
        }));
      it('on the grids: μ in [1, 4], U on quarters, density weights in [1, 8], lowest terms', () => {
        expectCorrectValues(arb, (r) => {
          const P = o.maxPotential ?? 2;
          expect(r.mu.every((m) => Number.isInteger(m) && m >= 1 && m <= 4)).toBe(true);
          expect([...r.U, ...r.U2].every((u) => Number.isInteger(4 * u) && Math.abs(u) <= P)).toBe(true);
          for (const w of [r.wRho, r.wRho2]) {
            expect(w.every((x) => Number.isInteger(x) && x >= 1 && x <= 8) && gcdOf(w) === 1, `${w}`).toBe(true);
          }
          expect(MIXES).toContain(r.t);
        });
      });
    });
  }
  it('generation is as before: K spread over [2, 5], every t drawn', () => {
    const xs = fc.sample(finiteSpaceInstance(), { seed: 2, numRuns: 500 });
    for (const K of [2, 3, 4, 5]) expect(xs.filter((r) => r.K === K).length, `K = ${K}`).toBeGreaterThan(70);
    expect(new Set(xs.map((r) => r.t)).size).toBe(7);
  });
});

describe('finiteSpaceInstance shrinks from a stored value', () => {
  const arb = finiteSpaceInstance();
  const start = buildFiniteSpace({
    K: 4,
    mu: [1, 2, 3, 4],
    U: [0.25, 0, -0.5, 1],
    U2: [0, 0, 0, 0.75],
    wRho: [1, 2, 3, 4],
    wRho2: [4, 4, 4, 8],
    tau: 0.1,
    t: 7 / 8,
  });
  const changed = (fields: Partial<FiniteSpaceInstance>) =>
    buildFiniteSpace({ ...finiteSpaceToParts(start), ...fields });
  const candidates = shrinkWithoutContext(arb, start);
  it('density weights go to lowest terms first (ρ₂ the same, number for number)', () => {
    expect(candidates[0]!.wRho2).toEqual([1, 1, 1, 2]);
    expect(sameValue(candidates[0]!.rho2, start.rho2)).toBe(true);
  });
  it('offers each atom for deletion, not only the last', () => {
    const reduced = shrinkWithoutContext(arb, candidates[0]!).filter((r) => r.K === 3);
    expect(reduced.map((r) => r.mu)).toEqual([
      [2, 3, 4],
      [1, 3, 4],
      [1, 2, 4],
      [1, 2, 3],
    ]);
  });
  it('offers every simpler τ and t', () => {
    expect(candidates.filter((r) => r.K === 4 && r.tau !== start.tau).map((r) => r.tau)).toEqual([1, 0.5, 2, 0.25]);
    expect(candidates.filter((r) => r.K === 4 && r.t !== start.t).map((r) => r.t)).toEqual(MIXES.slice(0, 6));
  });
  it('does not shrink values it does not build', () => {
    expect(arb.canShrinkWithoutContext(start)).toBe(true);
    expect(arb.canShrinkWithoutContext({ ...start, rho: start.rho.map((p) => p * 2) })).toBe(false);
    expect(arb.canShrinkWithoutContext(changed({ U: [0.3, 0, 0, 0] }))).toBe(false);
    expect(arb.canShrinkWithoutContext(changed({ t: 0.3 }))).toBe(false);
    expect(arb.canShrinkWithoutContext(changed({ mu: [1, 2, 3, 5] }))).toBe(false);
    expect(arb.canShrinkWithoutContext({ K: 2 })).toBe(false);
  });
});

describe('finiteSpaceInstance option errors name the option', () => {
  const cases: [FiniteSpaceOptions, RegExp][] = [
    [{ minAtoms: 4, maxAtoms: 3 }, /^finiteSpaceInstance: minAtoms \(4\) must be <= maxAtoms \(3\)$/],
    [{ minAtoms: 0 }, /^finiteSpaceInstance: minAtoms must be an integer >= 1, got 0$/],
    [{ maxMeasure: 0.5 }, /^finiteSpaceInstance: maxMeasure must be an integer >= 1, got 0.5$/],
    [{ maxPotential: 0.3 }, /^finiteSpaceInstance: maxPotential must be a multiple of 1\/4 >= 0, got 0.3$/],
    [{ temperatures: [] }, /^finiteSpaceInstance: temperatures must be finite numbers > 0$/],
  ];
  for (const [o, message] of cases) {
    it(JSON.stringify(o), () => {
      expect(() => finiteSpaceInstance(o)).toThrow(CrlInputError);
      expect(() => finiteSpaceInstance(o)).toThrow(message);
    });
  }
});
