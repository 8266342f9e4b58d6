import { ensure } from './errors.js';

/** log C(n, k) via summed logs (exact enough for n up to ~1e6). */
function logChoose(n: number, k: number): number {
  k = Math.min(k, n - k);
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log((n - k + i) / i);
  return s;
}

/**
 * Exact upper binomial tail P(X >= k) for X ~ Bin(n, p), by summing pmf terms in log space.
 * Used by the one-sided test "failure rate <= δ": reject when P(X >= observed) < α.
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  ensure(Number.isInteger(n) && n >= 0 && Number.isInteger(k), 'binomialUpperTail: n and k must be integers');
  ensure(p >= 0 && p <= 1, () => `binomialUpperTail: p must be in [0, 1], got ${p}`);
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p === 0) return 0;
  if (p === 1) return 1;
  const lp = Math.log(p),
    lq = Math.log1p(-p);
  // log pmf(i+1) = log pmf(i) + log((n−i)/(i+1)) + log p − log(1−p)
  let l = logChoose(n, k) + k * lp + (n - k) * lq;
  const logs = new Float64Array(n - k + 1);
  for (let i = k; i <= n; i++) {
    logs[i - k] = l;
    l += Math.log((n - i) / (i + 1)) + lp - lq;
  }
  let m = -Infinity;
  for (const v of logs) m = Math.max(m, v);
  let s = 0;
  for (const v of logs) s += Math.exp(v - m);
  return Math.min(1, Math.exp(m) * s);
}

/** Kolmogorov's limiting distribution: P(K > x) = 2 Σ_{k>=1} (−1)^{k−1} e^{−2k²x²}. */
export function kolmogorovSurvival(x: number): number {
  if (x <= 0) return 1;
  if (x < 0.2) return 1;
  let s = 0;
  for (let k = 1; k < 100; k++) {
    const t = Math.exp(-2 * k * k * x * x);
    s += (k % 2 === 1 ? 1 : -1) * t;
    if (t < 1e-17) break;
  }
  return Math.min(1, Math.max(0, 2 * s));
}

/**
 * One-sample Kolmogorov–Smirnov test of `sample` against the continuous CDF `cdf`.
 * p-value from Kolmogorov's law with Stephens' small-sample correction (√n + 0.12 + 0.11/√n)·D.
 */
export function ksTest(sample: ArrayLike<number>, cdf: (x: number) => number): { statistic: number; pValue: number } {
  const n = sample.length;
  ensure(n > 0, 'ksTest: empty sample');
  const xs = Float64Array.from(sample).sort();
  let D = 0;
  for (let i = 0; i < n; i++) {
    const F = cdf(xs[i]!);
    D = Math.max(D, (i + 1) / n - F, F - i / n);
  }
  const sn = Math.sqrt(n);
  return { statistic: D, pValue: kolmogorovSurvival((sn + 0.12 + 0.11 / sn) * D) };
}
