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

/** Float64 default for exact identities. */
export const FLOAT64_EXACT: Tolerance = Object.freeze({ abs: 1e-12, rel: 1e-12, ulps: 4 });
/*
 * TensorFlow.js computes in float32. Its errors against the float64 core are measured by
 * scripts/measure-tfjs-error.ts and tabulated in docs/numerics.md ("TensorFlow.js float32"); each constant
 * below says which rows it covers and its margin over the worst measured error there.
 */

/**
 * A float32 (tfjs-wasm) loss against a float64 reference, for losses >= 1e-3 at τ >= 0.05 and B <= 33
 * (the float32-meaningful cases of fixtures/oracle/clip.json). Measured there: at most 0.016 of this allowance
 * (docs/numerics.md). Not valid below τ = 0.05 or near a zero loss, where float32 keeps no relative digits.
 */
export const FLOAT32_WASM: Tolerance = Object.freeze({ abs: 1e-5, rel: 1e-3, ulps: 4 });

/** A matrix compared in the max norm: max|Δ| <= rel · max(max|reference|, floor). */
export interface MaxNormTolerance {
  readonly rel: number;
  readonly floor: number;
}

/**
 * float32 (tfjs-wasm) CLIP gradients against a float64 reference, same cases as FLOAT32_WASM. Measured there:
 * at most 0.005 of this allowance; on near-duplicate batches of B = 8–1024 at τ = 0.07 the max-norm relative error
 * reaches 6.7e-3, and at τ = 0.01 (a loss of 1e-24) it is 1: no float32 tolerance holds there (docs/numerics.md).
 */
export const FLOAT32_WASM_GRADIENT: MaxNormTolerance = Object.freeze({ rel: 1e-3, floor: 1e-3 });

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
  return 2 ** Math.floor(Math.log2(a)) * Number.EPSILON;
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
