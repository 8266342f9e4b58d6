import { ensure } from './errors.js';
import { expShiftedSimd } from './wasm/expSimd.js';

/*
 * The exponential of the float64 loss kernels (docs/numerics.md, "Exponentials"): one polynomial algorithm on the
 * WASM SIMD kernel (src/numeric/wasm/exp.wat, which states it), within 1 ulp of e^x (checked against mpmath and
 * against the same steps in JavaScript, bit for bit, in test/numeric/exp.test.ts) and 2–3× faster than Math.exp
 * on runs of 64 or more.
 */

/**
 * a[start..end) ← e^{a − shift}, in place. Each entry is exp.wat's e^(a − shift): NaN stays NaN, e^(−∞) = 0,
 * e^(+∞) = +∞, e^0 = 1 exactly.
 */
export function expShifted(a: Float64Array, shift: number, start = 0, end = a.length): void {
  ensure(
    Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= a.length,
    () => `expShifted: the run [${start}, ${end}) must lie inside the array's ${a.length} entries`,
  );
  if (end > start) expShiftedSimd(a, shift, start, end);
}
