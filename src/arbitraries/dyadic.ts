import fc, { type Arbitrary } from 'fast-check';

/**
 * Reals on the dyadic grid k/denominator in [min, max] (denominator a power of two by convention).
 * They shrink like integers — toward 0, or the end of the range nearest 0 — so counterexamples land on
 * readable values (1/8, 1/2, 1) instead of fast-check's ulp-index doubles (docs/numerics.md).
 */
export function dyadic(opts: { min: number; max: number; denominator?: number }): Arbitrary<number> {
  const den = opts.denominator ?? 8;
  const lo = Math.ceil(opts.min * den), hi = Math.floor(opts.max * den);
  if (!(lo <= hi)) throw new RangeError(`dyadic: no multiple of 1/${den} in [${opts.min}, ${opts.max}]`);
  return fc.integer({ min: lo, max: hi }).map((k) => k / den, (v) => {
    if (typeof v !== 'number' || !Number.isInteger(v * den)) throw new Error('not on the grid');
    return v * den;
  });
}

/** A temperature from a short list, shrinking toward the first (τ = 1 by default). */
export function temperature(values: readonly number[] = [1, 0.5, 2, 0.25, 0.1, 0.07]): Arbitrary<number> {
  return fc.constantFrom(...values);
}
