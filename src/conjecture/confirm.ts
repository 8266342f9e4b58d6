import { allowedError, FLOAT64_EXACT, seedFromString } from '../numeric/index.js';
import type { Verdict } from './verdict.js';

/**
 * A violation is a refutation only when it survives its own rounding. `confirmViolation` re-evaluates the failing
 * instance and returns both figures: the violation (how far past the tolerance the verdict fell) and the error
 * rounding can make on it. Methods:
 *   replay        the same verdict, bit for bit, on re-evaluation (a check whose randomness is not seeded from the
 *                 instance is never confirmed);
 *   perturb       every input that already carries rounding (a number that is not a dyadic k/2²⁴: the result of a
 *                 log, a division, a normalization) becomes x·(1 + η(x)·2⁻⁴⁸), |η| <= 1, with η a hash of x's bits
 *                 (so equal inputs stay equal and ties stay ties); the spread of the margins over PERTURBATIONS such
 *                 copies is the rounding estimate, and the violation must exceed SAFETY times it. Exact inputs (the
 *                 generators' integers and dyadic grids) are left alone: moving them would cross a discontinuity of
 *                 the check that is really there (an atom exactly at a set's boundary), not one rounding made;
 *   precision     a re-evaluation at higher precision must fail too.
 */
export interface Confirmation {
  readonly confirmed: boolean;
  readonly method: 'replay' | 'perturb' | 'precision';
  /** −margin − allowed error: how far past its tolerance the verdict fell (> 0 for a violation). */
  readonly violation: number;
  /** Estimated error of the margin from rounding (perturb: the spread; replay, precision: 0). */
  readonly rounding: number;
  /** Why it is not confirmed (for the `inconclusive` report). */
  readonly reason?: string;
}

export const PERTURBATIONS = 6;
export const SAFETY = 4;
const RELATIVE_STEP = 2 ** -48;

/** How far past the tolerance a verdict fell (positive for a failed verdict). */
export function violationOf(v: Verdict): number {
  const tol = v.tolerance ?? FLOAT64_EXACT;
  const allowed = v.relation === 'holds' || v.relation === 'in' ? 0 : allowedError(v.lhs, v.rhs, tol);
  return -v.margin - allowed;
}

function sameVerdict(a: Verdict, b: Verdict): boolean {
  return a.ok === b.ok && Object.is(a.margin, b.margin) && Object.is(a.lhs, b.lhs) && Object.is(a.rhs, b.rhs);
}

/** A number in [−1, 1] from the bits of x and the copy index: equal inputs move together. */
function eta(x: number, copy: number): number {
  const h = seedFromString(`${copy}:${x}`); // 31 bits: h / (2³¹ − 1) is in [0, 1]
  return (h / 0x7fffffff) * 2 - 1;
}

/** Whether x is exact as a generator means it: an integer or a dyadic k/2²⁴ (no rounding has touched it). */
const isExactInput = (x: number): boolean => Number.isInteger(x * EXACT_DENOMINATOR);
const EXACT_DENOMINATOR = 2 ** 24;

/** A copy of `value` with every finite number that carries rounding (also inside typed arrays) moved by a few ulps. */
export function perturbed<T>(value: T, copy: number): T {
  const move = (x: number): number =>
    Number.isFinite(x) && !isExactInput(x) ? x * (1 + eta(x, copy) * RELATIVE_STEP) : x;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'number') return move(v);
    if (v instanceof Float64Array || v instanceof Float32Array) return v.map(move);
    if (ArrayBuffer.isView(v)) return v;
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}

/** Whether a value has any number that carries rounding, which a perturbation would move. */
function hasRealInputs(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v) && !isExactInput(v);
  if (v instanceof Float64Array || v instanceof Float32Array)
    return v.some((x) => Number.isFinite(x) && !isExactInput(x));
  if (Array.isArray(v)) return v.some(hasRealInputs);
  if (typeof v === 'object' && v !== null && !ArrayBuffer.isView(v)) return Object.values(v).some(hasRealInputs);
  return false;
}

export interface ConfirmOptions<T> {
  readonly evaluate: (instance: T) => Verdict;
  readonly method: 'perturb' | 'replay' | ((instance: T) => Verdict);
}

/** Confirms (or not) that `verdict`, a failed evaluation of `instance`, is a violation and not rounding. */
export function confirmViolation<T>(instance: T, verdict: Verdict, o: ConfirmOptions<T>): Confirmation {
  const violation = violationOf(verdict);
  const again = o.evaluate(instance);
  if (!sameVerdict(again, verdict)) {
    const reason =
      `re-evaluation gave a different verdict (margin ${verdict.margin} then ${again.margin}): ` +
      'randomness in the check is not seeded from the instance';
    return { confirmed: false, method: 'replay', violation, rounding: Math.abs(again.margin - verdict.margin), reason };
  }
  if (typeof o.method === 'function') {
    const precise = o.method(instance);
    const reason = precise.ok ? `holds at higher precision (margin ${precise.margin})` : undefined;
    return { confirmed: !precise.ok, method: 'precision', violation, rounding: 0, reason };
  }
  if (o.method === 'replay' || verdict.relation === 'holds' || !hasRealInputs(instance)) {
    return { confirmed: violation > 0, method: 'replay', violation, rounding: 0 };
  }
  let spread = 0;
  let stillFails = 0;
  let usable = 0;
  for (let copy = 1; copy <= PERTURBATIONS; copy++) {
    let v: Verdict;
    try {
      v = o.evaluate(perturbed(instance, copy));
    } catch {
      continue; // a copy the check rejects tells nothing about rounding
    }
    if (Number.isNaN(v.margin)) continue;
    usable++;
    spread = Math.max(spread, Math.abs(v.margin - verdict.margin));
    if (!v.ok) stillFails++;
  }
  const rounding = SAFETY * spread;
  if (usable > 0 && stillFails < usable) {
    const reason = `holds again on ${usable - stillFails} of ${usable} copies moved by a few ulps`;
    return { confirmed: false, method: 'perturb', violation, rounding, reason };
  }
  if (violation <= rounding) {
    const reason = `violation ${violation} is within ${SAFETY}× the spread rounding makes (${spread})`;
    return { confirmed: false, method: 'perturb', violation, rounding, reason };
  }
  return { confirmed: violation > 0, method: 'perturb', violation, rounding };
}
