import { allowedError, FLOAT64_EXACT, isClose, type Tolerance, tolerance } from '../numeric/index.js';

/**
 * What a check returns: the two sides, the relation, whether it held, and the margin by which it held
 * (negative when it failed), so reports can show how close a bound came to failing.
 */
export interface Verdict {
  readonly ok: boolean;
  readonly relation: '<=' | '>=' | '≈' | 'in' | 'holds';
  readonly lhs: number;
  readonly rhs: number;
  /** Slack: rhs − lhs for <=, lhs − rhs for >=, allowed − |lhs − rhs| for ≈; negative on failure. */
  readonly margin: number;
  readonly tolerance?: Tolerance;
  /** Free-form facts for the report (a rate table, observed frequencies, …). */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** lhs <= rhs, allowing the tolerance's slack (docs/numerics.md: paper 2's inequalities get −1e−12·scale). */
export function leq(
  lhs: number,
  rhs: number,
  tol: Tolerance = FLOAT64_EXACT,
  details?: Record<string, unknown>,
): Verdict {
  const margin = lhs === rhs ? 0 : rhs - lhs; // 0 for equal infinities (∞ − ∞ is NaN)
  // an exact lhs <= rhs holds outright: the allowance of an infinite side is NaN (rel·∞ with rel = 0, ulp(∞))
  const ok = lhs <= rhs || margin >= -allowedError(lhs, rhs, tol);
  return { ok, relation: '<=', lhs, rhs, margin, tolerance: tol, details };
}

/**
 * The tolerance of √x when x was computed within `t`: an absolute error e on x allows √e on √x
 * (|√(x + e) − √x| <= √e), a relative error r allows r/2 <= r. Use it on any side under a square root, where a
 * rounding of 1e-16 in a radicand near 0 becomes 1e-8.
 *
 * @example
 * leq(expectedPinsker(m, s, tau), Math.sqrt(2 * excess), sqrtTolerance(INEQUALITY))
 */
export function sqrtTolerance(t: Tolerance): Tolerance {
  return tolerance({ abs: Math.sqrt(t.abs), rel: t.rel, ulps: t.ulps });
}

/** lhs >= rhs, allowing the tolerance's slack. */
export function geq(
  lhs: number,
  rhs: number,
  tol: Tolerance = FLOAT64_EXACT,
  details?: Record<string, unknown>,
): Verdict {
  const margin = lhs === rhs ? 0 : lhs - rhs; // 0 for equal infinities (∞ − ∞ is NaN)
  const ok = lhs >= rhs || margin >= -allowedError(lhs, rhs, tol); // as in leq
  return { ok, relation: '>=', lhs, rhs, margin, tolerance: tol, details };
}

/** lhs ≈ rhs under the tolerance rule (`isClose`: equal infinities are close, an infinity and a number never). */
export function approxEqual(
  lhs: number,
  rhs: number,
  tol: Tolerance = FLOAT64_EXACT,
  details?: Record<string, unknown>,
): Verdict {
  const allowed = allowedError(lhs, rhs, tol);
  const err = lhs === rhs ? 0 : Math.abs(lhs - rhs);
  return { ok: isClose(lhs, rhs, tol), relation: '≈', lhs, rhs, margin: allowed - err, tolerance: tol, details };
}

/** lo <= x <= hi (lhs = x, rhs = the nearer end); margin is the distance to the nearer end. */
export function within(x: number, lo: number, hi: number, details?: Record<string, unknown>): Verdict {
  const margin = Math.min(x - lo, hi - x);
  return {
    ok: margin >= 0,
    relation: 'in',
    lhs: x,
    rhs: x - lo < hi - x ? lo : hi,
    margin,
    details: { lo, hi, ...details },
  };
}

/** A plain predicate (for properties with no numeric sides); margin ±1. */
export function holds(ok: boolean, details?: Record<string, unknown>): Verdict {
  return { ok, relation: 'holds', lhs: ok ? 1 : 0, rhs: 1, margin: ok ? 1 : -1, details };
}

/** Several checks as one verdict: the first that failed, else the one with the smallest margin (the tightest). */
export function allOf(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.length === 0) throw new RangeError('allOf: no verdicts');
  return verdicts.find((v) => !v.ok) ?? verdicts.reduce((a, b) => (b.margin < a.margin ? b : a));
}

/** Whether a value is a Verdict. */
export function isVerdict(v: unknown): v is Verdict {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Verdict).ok === 'boolean' &&
    typeof (v as Verdict).margin === 'number' &&
    typeof (v as Verdict).relation === 'string'
  );
}

/**
 * Margin relative to the sides' scale, for comparing tightness across conjectures. The scale is floored at
 * the tolerance's absolute part, so a bound met with equality at 0 (margin −1e−18 within tolerance) reads as
 * ≈ 0, not −1.
 */
export function relativeMargin(v: Verdict): number {
  const scale = Math.max(Math.abs(v.lhs), Math.abs(v.rhs), v.tolerance?.abs ?? 0, Number.MIN_VALUE);
  return v.margin / scale;
}

/** One grid point of a rate conjecture: the size (N, m, …) and the error scaled by the claimed rate. */
export interface RatePoint {
  readonly n: number;
  readonly scaled: number;
}

/**
 * Rate check: the scaled error (e.g. N·|bias| or √N·sd) stays within `constant` at every grid point.
 * lhs = the largest |scaled|, rhs = the constant; the whole table goes into the details for the report.
 */
export function rateWithin(table: readonly RatePoint[], constant: number, tol?: Tolerance): Verdict {
  let worst = 0;
  for (const p of table) worst = Math.max(worst, Math.abs(p.scaled));
  return leq(worst, constant, tol, { constant, grid: table.map((p) => p.n), scaled: table.map((p) => p.scaled) });
}
