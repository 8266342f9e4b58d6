import { ensure } from './errors.js';

/*
 * Modified Bessel functions of the first kind I_ν(x) for integer and half-integer ν >= 0, x >= 0,
 * in exponentially scaled form e^{−x} I_ν(x) and as log I_ν(x), accurate for large arguments.
 *
 * Method: I_0 by its power series (x <= 30) or Hankel's asymptotic series (x > 30); I_{1/2} in
 * closed form; higher orders by the ratio r_μ = I_{μ+1}/I_μ, the top ratio from the Gauss
 * continued fraction (modified Lentz) and the rest by the stable downward recurrence
 * r_{μ−1} = 1/(2μ/x + r_μ). Where x >= max(30, ν²) Hankel's series is used directly.
 */

const EPS = 1e-17;

function checkOrder(nu: number, x: number, fn: string): void {
  ensure(
    Number.isFinite(nu) && nu >= 0 && Number.isInteger(2 * nu),
    () => `${fn}: order ν must be an integer or half-integer >= 0, got ${nu}`,
  );
  ensure(!Number.isNaN(x) && x >= 0, () => `${fn}: argument x must be >= 0, got ${x}`);
}

/** Hankel's large-x series: e^{−x} I_ν(x) √(2πx) = Σ_k (−1)^k a_k(ν)/x^k. Returns that sum. */
function hankelSum(nu: number, x: number): number {
  const mu = 4 * nu * nu;
  let term = 1,
    sum = 1;
  for (let k = 1; k < 200; k++) {
    const next = (-term * (mu - (2 * k - 1) * (2 * k - 1))) / (8 * k * x);
    if (Math.abs(next) >= Math.abs(term) && k > 1) break; // asymptotic series: stop at the smallest term
    term = next;
    sum += term;
    if (Math.abs(term) < EPS * Math.abs(sum)) break;
  }
  return sum;
}

function useHankel(nu: number, x: number): boolean {
  return x >= 30 && x >= nu * nu;
}

/** I_0(x) − 1 = Σ_{k>=1} (x²/4)^k/(k!)² for x <= 30 (kept apart so log I_0 stays exact near 0). */
function i0SeriesTail(x: number): number {
  const q = 0.25 * x * x;
  let t = 1,
    s = 0;
  for (let k = 1; k < 500; k++) {
    t *= q / (k * k);
    s += t;
    if (t < EPS * (1 + s)) break;
  }
  return s;
}

/** e^{−x} I_0(x). */
function i0Scaled(x: number): number {
  if (x > 30) return hankelSum(0, x) / Math.sqrt(2 * Math.PI * x);
  return (1 + i0SeriesTail(x)) * Math.exp(-x);
}

/** e^{−x} I_{1/2}(x) = (1 − e^{−2x}) / √(2πx). */
function iHalfScaled(x: number): number {
  return -Math.expm1(-2 * x) / Math.sqrt(2 * Math.PI * x);
}

/** r_μ(x) = I_{μ+1}(x)/I_μ(x) from the continued fraction 1/(2(μ+1)/x + 1/(2(μ+2)/x + …)). */
function ratioContinuedFraction(mu: number, x: number): number {
  const tiny = 1e-300;
  let f = tiny,
    C = f,
    D = 0;
  for (let k = 1; k < 5_000_000; k++) {
    const b = (2 * (mu + k)) / x;
    D = b + D;
    if (D === 0) D = tiny;
    C = b + 1 / C;
    if (C === 0) C = tiny;
    D = 1 / D;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) return f;
  }
  throw new Error(`besselI ratio: continued fraction did not converge (μ=${mu}, x=${x})`);
}

/** I_{μ+1}(x)/I_μ(x) for μ >= 0 (integer or half-integer); 0 at x = 0. */
export function besselIRatio(mu: number, x: number): number {
  checkOrder(mu, x, 'besselIRatio');
  if (x === 0) return 0;
  if (x === Infinity) return 1;
  if (useHankel(mu + 1, x)) return hankelSum(mu + 1, x) / hankelSum(mu, x);
  return ratioContinuedFraction(mu, x);
}

/** Returns [mantissa, log-scale] with e^{−x} I_ν(x) = mantissa · e^{logScale}. */
function scaledParts(nu: number, x: number): [number, number] {
  if (x === 0) return [nu === 0 ? 1 : 0, 0];
  if (x === Infinity) return [0, 0];
  if (useHankel(nu, x)) return [hankelSum(nu, x) / Math.sqrt(2 * Math.PI * x), 0];
  const nu0 = nu - Math.floor(nu);
  let value = nu0 === 0 ? i0Scaled(x) : iHalfScaled(x);
  let logScale = 0;
  const n = nu - nu0;
  if (n === 0) return [value, 0];
  let r = ratioContinuedFraction(nu - 1, x); // I_ν / I_{ν−1}
  value *= r;
  for (let mu = nu - 1; mu > nu0; mu -= 1) {
    r = 1 / ((2 * mu) / x + r); // I_μ / I_{μ−1}
    value *= r;
    if (value < 1e-250) {
      logScale += Math.log(value);
      value = 1;
    }
  }
  return [value, logScale];
}

/** e^{−x} I_ν(x): finite for every x >= 0, including x far beyond exp's overflow. */
export function besselIScaled(nu: number, x: number): number {
  checkOrder(nu, x, 'besselIScaled');
  const [m, l] = scaledParts(nu, x);
  return m * Math.exp(l);
}

/** log I_ν(x) (−∞ at x = 0 for ν > 0). */
export function logBesselI(nu: number, x: number): number {
  checkOrder(nu, x, 'logBesselI');
  if (x === Infinity) return Infinity;
  if (nu === 0 && x <= 30) return Math.log1p(i0SeriesTail(x));
  const [m, l] = scaledParts(nu, x);
  return Math.log(m) + l + x;
}

/** I_ν(x) itself; overflows to +∞ past x ≈ 713 — use the scaled or log forms there. */
export function besselI(nu: number, x: number): number {
  return Math.exp(logBesselI(nu, x));
}
