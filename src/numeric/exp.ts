import { ensure } from './errors.js';
import { expShiftedSimd } from './wasm/expSimd.js';

/*
 * The exponential of the float64 loss kernels (docs/numerics.md, "Exponentials"): one algorithm, stated in
 * src/numeric/wasm/exp.wat, run by its WASM SIMD kernel on runs of SIMD_MIN_LENGTH numbers or more and by `expPoly`,
 * the same steps in JavaScript, on shorter ones, with the same bits either way (test/numeric/exp.test.ts).
 */

/** Runs shorter than this are computed in JavaScript: the call into WASM and the copies cost more. */
const SIMD_MIN_LENGTH = 16;

/** 1.5·2^52: adding it rounds |v| < 2^51 to the nearest integer, ties to even (as f64x2.nearest). */
const ROUND = 6755399441055744;
/** ln 2 = LN2_HI + LN2_LO, LN2_HI with 21 trailing zero bits so that n·LN2_HI is exact (Cody–Waite). */
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
/** The exponents of the two scalings: n/2 rounded down and the rest, for n in [−1076, 1025]. */
const MIN_SCALE = -538;
/** 2^k for k in [MIN_SCALE, 513], at index k − MIN_SCALE. */
const POW2 = new Float64Array(513 - MIN_SCALE + 1);
for (let k = 0, p = 1; k <= 513; k++, p *= 2) POW2[k - MIN_SCALE] = p; // doubling and halving are exact
for (let k = -1, p = 0.5; k >= MIN_SCALE; k--, p /= 2) POW2[k - MIN_SCALE] = p;

/**
 * e^x by exp.wat's steps: x clamped to [−746, 710], n = nearest(x·log₂e), r = (x − n·ln2_hi) − n·ln2_lo,
 * e^r = 1 + (r + r²·h(r)) with h(r) = Σ_{k=2}^{13} r^{k−2}/k! by Horner, then × 2^⌊n/2⌋ × 2^(n − ⌊n/2⌋).
 */
export function expPoly(x: number): number {
  const v = Math.max(Math.min(x, 710), -746); // f64x2.pmax(f64x2.pmin(x, 710), −746): NaN stays NaN
  const n = v * Math.LOG2E + ROUND - ROUND;
  const r = v - n * LN2_HI - n * LN2_LO;
  let h = 1.6059043836821613e-10 * r + 2.08767569878681e-9;
  h = h * r + 2.505210838544172e-8;
  h = h * r + 2.755731922398589e-7;
  h = h * r + 2.7557319223985893e-6;
  h = h * r + 2.48015873015873e-5;
  h = h * r + 0.0001984126984126984;
  h = h * r + 0.001388888888888889;
  h = h * r + 0.008333333333333333;
  h = h * r + 0.041666666666666664;
  h = h * r + 0.16666666666666666;
  h = h * r + 0.5;
  const er = 1 + (r * r * h + r);
  if (Number.isNaN(n)) return er; // NaN
  const n1 = Math.floor(n * 0.5);
  return er * POW2[n1 - MIN_SCALE]! * POW2[n - n1 - MIN_SCALE]!;
}

/**
 * a[start..end) ← e^(a − shift), in place: each entry is expPoly(fl(a[k] − shift)) (the subtraction rounds first,
 * as it would before Math.exp). NaN stays NaN, e^(−∞) = 0, e^(+∞) = +∞, e^0 = 1 exactly.
 */
export function expShifted(a: Float64Array, shift: number, start = 0, end = a.length): void {
  ensure(
    Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= a.length,
    () => `expShifted: the run [${start}, ${end}) must lie inside the array's ${a.length} entries`,
  );
  if (end - start >= SIMD_MIN_LENGTH) expShiftedSimd(a, shift, start, end);
  else for (let k = start; k < end; k++) a[k] = expPoly(a[k]! - shift);
}
