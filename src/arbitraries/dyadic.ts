import fc, { type Arbitrary } from 'fast-check';
import { ensure } from '../numeric/index.js';
import { choice } from './choice.js';

/**
 * Reals on the dyadic grid k/denominator in [min, max] (denominator a power of two by convention).
 * They shrink like integers — toward 0, or the end of the range nearest 0 — so counterexamples land on
 * readable values (1/8, 1/2, 1) instead of fast-check's ulp-index doubles (docs/numerics.md).
 */
export function dyadic(opts: { min: number; max: number; denominator?: number }): Arbitrary<number> {
  const den = opts.denominator ?? 8;
  const lo = Math.ceil(opts.min * den),
    hi = Math.floor(opts.max * den);
  if (!(lo <= hi)) throw new RangeError(`dyadic: no multiple of 1/${den} in [${opts.min}, ${opts.max}]`);
  return fc.integer({ min: lo, max: hi }).map(
    (k) => k / den,
    (v) => {
      if (typeof v !== 'number' || !Number.isInteger(v * den)) throw new Error('not on the grid');
      return v * den;
    },
  );
}

/**
 * Simplicity order of positive numbers: powers of two by |log₂ x|, the smaller first at a tie (1, 1/2, 2, 1/4, 4, …),
 * then the other values in the order given.
 */
export function bySimplicity(values: readonly number[]): number[] {
  const rank = (x: number): number => {
    const e = Math.log2(x);
    return Number.isInteger(e) ? 2 * Math.abs(e) - (e < 0 ? 1 : 0) : Infinity;
  };
  return values
    .map((x, i) => ({ x, i, r: rank(x) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((p) => p.x);
}

/**
 * A temperature from a short list, drawn uniformly; it shrinks from any value to each simpler one
 * (bySimplicity: 1, 1/2, 2, 1/4, …), so a counterexample keeps the simplest τ that still fails.
 */
export function temperature(values: readonly number[] = [1, 0.5, 2, 0.25, 0.1, 0.07]): Arbitrary<number> {
  ensure(
    values.length > 0 && values.every((t) => Number.isFinite(t) && t > 0),
    () => `temperature: values must be finite numbers > 0, got [${values.join(', ')}]`,
  );
  return choice(bySimplicity(values), 'temperature');
}
