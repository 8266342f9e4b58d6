import { DDSum, ddValue, twoSum } from './doubleDouble.js';
import { ensure } from './errors.js';

function requireDistributions(p: ArrayLike<number>, q: ArrayLike<number> | undefined, fn: string): void {
  ensure(p.length > 0, `${fn}: empty distribution`);
  if (q) ensure(p.length === q.length, () => `${fn}: p has ${p.length} atoms, q has ${q.length}`);
  for (const [v, name] of [
    [p, 'p'],
    [q, 'q'],
  ] as const) {
    if (!v) continue;
    for (let i = 0; i < v.length; i++) {
      ensure(
        Number.isFinite(v[i]!) && v[i]! >= 0,
        () => `${fn}: ${name}[${i}] = ${v[i]} is not a finite non-negative weight`,
      );
    }
  }
}

/** log(p/q) for p, q > 0: log1p of the exact difference when p and q are within a factor 2 (Sterbenz). */
function logRatio(p: number, q: number): number {
  if (p <= 2 * q && q <= 2 * p) return Math.log1p((p - q) / q);
  const r = p / q;
  return r > 1e-300 && r < 1e300 ? Math.log(r) : Math.log(p) - Math.log(q);
}

/**
 * h(δ) = (1 + δ) log1p(δ) − δ >= 0, the KL integrand of a ratio 1 + δ: its series
 * Σ_{k>=2} (−δ)^k / (k(k−1)) for |δ| <= 0.1 (the direct form cancels there), the direct form beyond.
 */
function klIntegrand(delta: number): number {
  if (Math.abs(delta) > 0.1) return (1 + delta) * Math.log1p(delta) - delta;
  let term = delta * delta,
    sum = 0;
  for (let k = 2; k < 40; k++) {
    const t = term / (k * (k - 1));
    sum += k % 2 === 0 ? t : -t;
    if (Math.abs(t) <= 1e-18 * sum) break;
    term *= delta;
  }
  return sum;
}

/**
 * KL(p‖q) = Σ p_i log(p_i/q_i) over weights as given (no renormalisation), with 0·log(0/q) = 0
 * and p_i > 0 = q_i giving +∞ (the documented value, not NaN).
 * Computed from differences, without cancellation as the laws approach each other (issue 11, item 4):
 *   KL = Σ_i q_i h((p_i − q_i)/q_i) + Σ_i (p_i − q_i),
 * the first sum of non-negative terms, the second (0 for normalized laws) summed exactly in double-double.
 */
export function klDivergence(p: ArrayLike<number>, q: ArrayLike<number>): number {
  requireDistributions(p, q, 'klDivergence');
  let terms = 0;
  const residue = new DDSum();
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]!,
      qi = q[i]!;
    if (pi > 0 && qi === 0) return Infinity;
    if (pi === qi) continue;
    residue.addDD(twoSum(pi, -qi));
    if (pi === 0)
      terms += qi; // q h(−1) = q
    else if (pi <= 2 * qi && qi <= 2 * pi) terms += qi * klIntegrand((pi - qi) / qi);
    else terms += pi * logRatio(pi, qi) - pi + qi;
  }
  return terms + ddValue(residue.value);
}
/** Shannon entropy H(p) = −Σ p_i log p_i (nats), with 0·log 0 = 0. */
export function entropy(p: ArrayLike<number>): number {
  requireDistributions(p, undefined, 'entropy');
  let s = 0;
  for (let i = 0; i < p.length; i++) if (p[i]! > 0) s -= p[i]! * Math.log(p[i]!);
  return s;
}

/**
 * Sum symmetric KL (Jeffreys): KL(p‖q) + KL(q‖p) = Σ_i (p_i − q_i) log(p_i/q_i), a sum of non-negative terms
 * (no cancellation as p → q) — the convention of the paper's toy code. +∞ when one law has mass where the
 * other has none.
 */
export function symmetricKlSum(p: ArrayLike<number>, q: ArrayLike<number>): number {
  requireDistributions(p, q, 'symmetricKlSum');
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]!,
      qi = q[i]!;
    if (pi === qi) continue;
    if (pi === 0 || qi === 0) return Infinity;
    s += (pi - qi) * logRatio(pi, qi);
  }
  return s;
}

/** Half-sum symmetric KL: ½(KL(p‖q) + KL(q‖p)) — the convention of the paper's multimodal identity. */
export function symmetricKlHalf(p: ArrayLike<number>, q: ArrayLike<number>): number {
  return 0.5 * symmetricKlSum(p, q);
}
