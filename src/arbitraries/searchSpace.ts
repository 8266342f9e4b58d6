import type { Arbitrary } from 'fast-check';
import { ensure } from '../numeric/index.js';

/** Continuous coordinates of an instance, for a gradient-free/finite-difference ascent of a check's violation. */
export interface SearchSpace<T> {
  /** θ: the instance's continuous coordinates (e.g. log-weights, scores/step, coordinates, log τ). */
  encode(instance: T): number[];
  /** The instance at θ, off-grid (valid input for checks, not necessarily a value of the arbitrary). */
  at(theta: readonly number[], start: T): T;
  /** The instance at θ snapped onto the arbitrary's grid: a value the arbitrary can produce and shrink without
   * context. */
  snap(theta: readonly number[], start: T): T;
}

const spaces = new WeakMap<Arbitrary<unknown>, SearchSpace<unknown>>();

/** Attaches a search space to an arbitrary (returns the same arbitrary, so callers still get Arbitrary<T>). */
export function withSearchSpace<T>(arb: Arbitrary<T>, space: SearchSpace<T>): Arbitrary<T> {
  spaces.set(arb as Arbitrary<unknown>, space as SearchSpace<unknown>);
  return arb;
}

/** The search space attached to an arbitrary, if any. */
export function searchSpaceOf<T>(arb: Arbitrary<T>): SearchSpace<T> | undefined {
  return spaces.get(arb as Arbitrary<unknown>) as SearchSpace<T> | undefined;
}

/** θ cut into consecutive pieces of the given lengths; the lengths must add up to θ's (named in the error). */
export function splitTheta(theta: readonly number[], lengths: readonly number[], what: string): number[][] {
  const total = lengths.reduce((a, b) => a + b, 0);
  ensure(theta.length === total, () => `${what}: θ has ${theta.length} coordinates, this instance has ${total}`);
  ensure(theta.every(Number.isFinite), () => `${what}: θ has a non-finite coordinate`);
  const out: number[][] = [];
  let at = 0;
  for (const n of lengths) {
    out.push(theta.slice(at, at + n));
    at += n;
  }
  return out;
}

/** Positive weights ∝ exp(θ), scaled so the largest is 1 (no overflow; a law does not depend on the scale). */
export function lawAt(theta: readonly number[]): number[] {
  const top = Math.max(...theta);
  return theta.map((t) => Math.exp(t - top));
}

/** x rounded to the nearest integer in [lo, hi]. */
export const roundInto = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, Math.round(x)));

/**
 * Integer weights in [1, maxWeight] for the law ∝ exp(θ): exp(θ) rounded when that lands in range and is at least
 * as close a law (so θ = log w gives w back), else the law scaled so its largest weight is maxWeight (the finest grid).
 */
export function snapLaw(theta: readonly number[], maxWeight: number): number[] {
  const direct = theta.map((t) => Math.round(Math.exp(t)));
  const scaled = lawAt(theta).map((w) => roundInto(maxWeight * w, 1, maxWeight));
  const inRange = direct.every((w) => w >= 1 && w <= maxWeight);
  return inRange && lawDistance(direct, theta) <= lawDistance(scaled, theta) + 1e-12 ? direct : scaled;
}

/** max_i |w_i/Σw − softmax(θ)_i|. */
function lawDistance(w: readonly number[], theta: readonly number[]): number {
  const target = lawAt(theta),
    sw = w.reduce((a, b) => a + b, 0),
    st = target.reduce((a, b) => a + b, 0);
  return Math.max(...w.map((x, i) => Math.abs(x / sw - target[i]! / st)));
}
