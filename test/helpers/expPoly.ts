/*
 * The steps of src/numeric/wasm/exp.wat, one number at a time in JavaScript: the reference that the SIMD kernel
 * must equal bit for bit (every step is one IEEE double operation, in the same order).
 */
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
/** 1.5·2^52: adding it rounds |v| < 2^51 to the nearest integer, ties to even (as f64x2.nearest). */
const ROUND = 6755399441055744;
/** 1/k! for k = 13 down to 2. */
const INVERSE_FACTORIALS = [
  1.6059043836821613e-10, 2.08767569878681e-9, 2.505210838544172e-8, 2.755731922398589e-7, 2.7557319223985893e-6,
  2.48015873015873e-5, 0.0001984126984126984, 0.001388888888888889, 0.008333333333333333, 0.041666666666666664,
  0.16666666666666666, 0.5,
];

const words = new Uint32Array(2);
const double = new Float64Array(words.buffer);

/** 2^k for an integer k in [−1022, 1023], from its bits (little-endian words). */
function powerOfTwo(k: number): number {
  words[0] = 0;
  words[1] = (k + 1023) << 20;
  return double[0]!;
}

/** e^x by exp.wat's steps. */
export function expPoly(x: number): number {
  const v = Math.max(Math.min(x, 710), -746); // f64x2.pmax(f64x2.pmin(x, 710), −746): NaN stays NaN
  const n = v * Math.LOG2E + ROUND - ROUND;
  const r = v - n * LN2_HI - n * LN2_LO;
  let h = INVERSE_FACTORIALS[0]!;
  for (let k = 1; k < INVERSE_FACTORIALS.length; k++) h = h * r + INVERSE_FACTORIALS[k]!;
  const er = 1 + (r * r * h + r);
  const n1 = Math.floor(n * 0.5);
  return er * powerOfTwo(n1) * powerOfTwo(n - n1);
}
