import fc, { type Arbitrary } from 'fast-check';
import { showNumber } from '../conjecture/show.js';
import { densityFrom } from '../theory/geometry/finiteSpace.js';
import { temperature } from './dyadic.js';

/**
 * A finite measure space with the fields paper 2's intrinsic identities need (docs/claims.md, paper-2 notation):
 * K atoms with integer weights μ, two potentials U, U2 on a dyadic grid, two densities ρ, ρ2 ∝ integer
 * weights (w.r.t. μ), a temperature and a mixing weight t ∈ (0, 1).
 */
export interface FiniteSpaceInstance {
  readonly K: number;
  readonly mu: readonly number[];
  readonly U: readonly number[];
  readonly U2: readonly number[];
  readonly wRho: readonly number[];
  readonly wRho2: readonly number[];
  readonly rho: readonly number[];
  readonly rho2: readonly number[];
  readonly tau: number;
  readonly t: number;
}

export interface FiniteSpaceOptions {
  readonly minAtoms?: number;
  readonly maxAtoms?: number;
  /** μ_k are integers in [1, maxMeasure] (default 4). */
  readonly maxMeasure?: number;
  /** Potentials are multiples of 1/4 in [−maxPotential, maxPotential] (default 2). */
  readonly maxPotential?: number;
  readonly temperatures?: readonly number[];
}

/**
 * Finite spaces whose size and fields are drawn independently, so shrinking lands on K = 2, μ = (1, 1),
 * U = 0, uniform densities, τ = 1 and t = 1/2, moving one field at a time. Invertible (shrinks again from a
 * stored counterexample).
 */
export function finiteSpaceInstance(o: FiniteSpaceOptions = {}): Arbitrary<FiniteSpaceInstance> {
  const maxK = o.maxAtoms ?? 5, P = (o.maxPotential ?? 2) * 4;
  const pool = (lo: number, hi: number) => fc.array(fc.integer({ min: lo, max: hi }), { minLength: maxK, maxLength: maxK });
  return fc.record({
    K: fc.integer({ min: o.minAtoms ?? 2, max: maxK }), mu: pool(1, o.maxMeasure ?? 4), U: pool(-P, P), U2: pool(-P, P),
    wRho: pool(1, 8), wRho2: pool(1, 8), tau: temperature(o.temperatures), t: fc.integer({ min: 1, max: 7 }),
  }).map(({ K, mu, U, U2, wRho, wRho2, tau, t }) => {
    const m = mu.slice(0, K), a = wRho.slice(0, K), b = wRho2.slice(0, K);
    return {
      K, mu: m, U: U.slice(0, K).map((u) => u / 4), U2: U2.slice(0, K).map((u) => u / 4), wRho: a, wRho2: b,
      rho: densityFrom(a, m), rho2: densityFrom(b, m), tau, t: (8 - t) / 8,
    };
  }, (v) => {
    const r = v as FiniteSpaceInstance;
    if (typeof r !== 'object' || r === null || !Array.isArray(r.mu) || !Array.isArray(r.wRho)) throw new Error('not a finite-space instance');
    const pad = (xs: readonly number[], fill: number) => [...xs, ...Array(maxK - xs.length).fill(fill)];
    return { K: r.K, mu: pad(r.mu, 1), U: pad(r.U.map((u) => u * 4), 0), U2: pad(r.U2.map((u) => u * 4), 0), wRho: pad(r.wRho, 1), wRho2: pad(r.wRho2, 1), tau: r.tau, t: 8 - r.t * 8 };
  });
}

type Field = 'mu' | 'U' | 'U2' | 'rho' | 'rho2' | 'tau' | 't';
const DEFAULT_NAMES: Record<Field, string> = { mu: 'μ', U: 'U', U2: 'U₂', rho: 'ρ', rho2: 'ρ₂', tau: 'τ', t: 't' };
const vec = (v: readonly number[]): string => `[${v.map(showNumber).join(', ')}]`;

/** A readable finite-space instance showing only the fields a conjecture uses (densities as weights). */
export function showFiniteSpace(fields: readonly Field[], names: Partial<Record<Field, string>> = {}) {
  return (r: FiniteSpaceInstance): string => [`K = ${r.K}`, ...fields.map((f) => {
    const name = names[f] ?? DEFAULT_NAMES[f];
    if (f === 'rho') return `${name} ∝ ${vec(r.wRho)}`;
    if (f === 'rho2') return `${name} ∝ ${vec(r.wRho2)}`;
    if (f === 'tau' || f === 't') return `${name} = ${showNumber(r[f])}`;
    return `${name} = ${vec(r[f])}`;
  })].join(', ');
}
