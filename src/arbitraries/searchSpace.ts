import type { Arbitrary } from 'fast-check';

/** Continuous coordinates of an instance, for a finite-difference ascent of a check's violation. */
export interface SearchSpace<T> {
  /** θ: the instance's continuous coordinates (e.g. log-weights, scores/step, coordinates, log τ). */
  encode(instance: T): number[];
  /** The instance at θ, off-grid (valid input for checks, not necessarily a value of the arbitrary). */
  at(theta: readonly number[], start: T): T;
  /** The instance at θ snapped onto the arbitrary's grid: a value the arbitrary can produce and shrink without context. */
  snap(theta: readonly number[], start: T): T;
}

const spaces = new WeakMap<object, SearchSpace<unknown>>();

/** Attaches a search space to an arbitrary (returns the same arbitrary, so callers still get Arbitrary<T>). */
export function withSearchSpace<T>(arb: Arbitrary<T>, space: SearchSpace<T>): Arbitrary<T> {
  spaces.set(arb, space as SearchSpace<unknown>);
  return arb;
}

/** The search space attached to an arbitrary, if any. */
export function searchSpaceOf<T>(arb: Arbitrary<T>): SearchSpace<T> | undefined {
  return spaces.get(arb) as SearchSpace<T> | undefined;
}
