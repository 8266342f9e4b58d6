import fc, { type Arbitrary } from 'fast-check';
import { ensure } from '../numeric/index.js';
import { contextFree } from './shrinkable.js';

/**
 * One of `values`, listed simplest first. Drawn uniformly (as fc.constantFrom), it shrinks to every simpler value in
 * turn, not only to the first: from τ = 1/4 it tries 1, 1/2 and 2, so τ = 1/2 is kept when τ = 1 passes.
 */
export function choice<T>(values: readonly T[], what = 'choice'): Arbitrary<T> {
  ensure(values.length > 0, `${what}: needs at least one value`);
  const index = (v: unknown): number => values.findIndex((x) => Object.is(x, v));
  return contextFree({
    generate: fc.constantFrom(...values),
    accepts: (v) => index(v) >= 0,
    shrink: (v) => values.slice(0, index(v)),
  });
}
