import { math } from '../../mathjs.js';
import { ensure } from '../../numeric/index.js';

/*
 * The m–n trade-off of the generalization-bound shapes under a budget N = n·m of scored pairs
 * (docs/claims.md C12; calculus on the bound expressions [R], not the paper's text):
 *   supervised       a/m + b/√(N/m)   →  m* = (2a/b)^{2/3} N^{1/3}
 *   self-supervised  a/√m + b/√(N/m)  →  m* = (a/b) √N
 */

export const SUPERVISED_BOUND = 'a/m + b/sqrt(N/m)';
export const SELF_SUPERVISED_BOUND = 'a/sqrt(m) + b/sqrt(N/m)';

/** The closed-form m* of a bound shape. */
export function closedFormOptimalNegatives(
  shape: 'supervised' | 'self-supervised',
  a: number,
  b: number,
  N: number,
): number {
  return shape === 'supervised' ? Math.cbrt((2 * a) / b) ** 2 * Math.cbrt(N) : (a / b) * Math.sqrt(N);
}

const compiled = new Map<string, ReturnType<ReturnType<typeof math.derivative>['compile']>>();

/**
 * m* of a bound expression in m (with constants a, b, N), found by mathjs: the symbolic derivative d/dm,
 * compiled, then bisected for its sign change on [1e-9, N] (the shapes here are convex in m).
 */
export function optimalNegatives(expression: string, scope: { a: number; b: number; N: number }): number {
  ensure(scope.a > 0 && scope.b > 0 && scope.N > 0, 'optimalNegatives: a, b and N must be > 0');
  let d = compiled.get(expression);
  if (!d) {
    d = math.derivative(expression, 'm').compile();
    compiled.set(expression, d);
  }
  const derivative = d;
  const slope = (m: number): number => derivative.evaluate({ ...scope, m }) as number;
  let lo = 1e-9,
    hi = scope.N;
  ensure(slope(lo) < 0, () => `optimalNegatives: ${expression} is not decreasing at m → 0`);
  if (slope(hi) <= 0) return hi;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (slope(mid) < 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** The derivative mathjs computes, as text (for reports). */
export function boundDerivative(expression: string): string {
  return math.derivative(expression, 'm').toString();
}
