/**
 * One tolerance rule for every comparison in crl-verify:
 *   |a − b| ≤ abs + rel·max(|a|, |b|), floored at `ulps` units in the last place of max(|a|, |b|).
 * The tolerance used is part of every verdict, so reports can print it.
 */
export interface Tolerance {
  readonly abs: number;
  readonly rel: number;
  readonly ulps: number;
}

/** Float64 default for exact identities (paper 2's identities use 1e-10·(1+|a|+|b|); docs/numerics.md). */
export const FLOAT64_EXACT: Tolerance = Object.freeze({ abs: 1e-12, rel: 1e-12, ulps: 4 });
/** float32 (tfjs-wasm) against a float64 reference, for O(1) losses at τ ≥ 0.05 (docs/numerics.md). */
export const FLOAT32_WASM: Tolerance = Object.freeze({ abs: 1e-5, rel: 1e-3, ulps: 4 });

/** A tolerance with defaults filled in; rejects negative or non-finite parts. */
export function tolerance(t: Partial<Tolerance> = {}): Tolerance {
  const out = { abs: t.abs ?? 0, rel: t.rel ?? 0, ulps: t.ulps ?? 4 };
  for (const [k, v] of Object.entries(out)) {
    if (!(Number.isFinite(v) && v >= 0)) throw new RangeError(`tolerance.${k} must be a finite number >= 0, got ${v}`);
  }
  return Object.freeze(out);
}

/** The spacing of doubles at |x| (Number.EPSILON·2^⌊log2|x|⌋; the smallest subnormal at 0). */
export function ulp(x: number): number {
  const a = Math.abs(x);
  if (!Number.isFinite(a)) return NaN;
  if (a < 2.2250738585072014e-308) return 5e-324;
  return Math.pow(2, Math.floor(Math.log2(a))) * Number.EPSILON;
}

/** The allowed |a − b| under `t`. */
export function allowedError(a: number, b: number, t: Tolerance): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return Math.max(t.abs + t.rel * scale, t.ulps * ulp(scale));
}

/** Whether a ≈ b under `t`; equal infinities are close, NaN is never close. */
export function isClose(a: number, b: number, t: Tolerance): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= allowedError(a, b, t);
}

/** Relative error |a − b| / max(|b|, tiny), for reporting. */
export function relativeError(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(b), Number.MIN_VALUE);
}
