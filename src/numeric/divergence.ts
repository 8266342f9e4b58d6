import { ensure } from './errors.js';

function requireDistributions(p: ArrayLike<number>, q: ArrayLike<number> | undefined, fn: string): void {
  ensure(p.length > 0, `${fn}: empty distribution`);
  if (q) ensure(p.length === q.length, () => `${fn}: p has ${p.length} atoms, q has ${q.length}`);
  for (const [v, name] of [[p, 'p'], [q, 'q']] as const) {
    if (!v) continue;
    for (let i = 0; i < v.length; i++) {
      ensure(Number.isFinite(v[i]!) && v[i]! >= 0, () => `${fn}: ${name}[${i}] = ${v[i]} is not a finite non-negative weight`);
    }
  }
}

/**
 * KL(p‖q) = Σ p_i log(p_i/q_i) over weights as given (no renormalisation), with 0·log(0/q) = 0
 * and p_i > 0 = q_i giving +∞ (the documented value, not NaN).
 */
export function klDivergence(p: ArrayLike<number>, q: ArrayLike<number>): number {
  requireDistributions(p, q, 'klDivergence');
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]!, qi = q[i]!;
    if (pi === 0) continue;
    if (qi === 0) return Infinity;
    s += pi * Math.log(pi / qi);
  }
  return s;
}

/** Shannon entropy H(p) = −Σ p_i log p_i (nats), with 0·log 0 = 0. */
export function entropy(p: ArrayLike<number>): number {
  requireDistributions(p, undefined, 'entropy');
  let s = 0;
  for (let i = 0; i < p.length; i++) if (p[i]! > 0) s -= p[i]! * Math.log(p[i]!);
  return s;
}

/** Half-sum symmetric KL: ½(KL(p‖q) + KL(q‖p)) — the convention of the paper's multimodal identity. */
export function symmetricKlHalf(p: ArrayLike<number>, q: ArrayLike<number>): number {
  return 0.5 * (klDivergence(p, q) + klDivergence(q, p));
}

/** Sum symmetric KL (Jeffreys): KL(p‖q) + KL(q‖p) — the convention of the paper's toy code. */
export function symmetricKlSum(p: ArrayLike<number>, q: ArrayLike<number>): number {
  return klDivergence(p, q) + klDivergence(q, p);
}
