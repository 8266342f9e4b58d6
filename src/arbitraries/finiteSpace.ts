import fc, { type Arbitrary } from 'fast-check';
import { showNumber } from '../conjecture/show.js';
import { ensure } from '../numeric/index.js';
import { densityFrom } from '../theory/geometry/finiteSpace.js';
import { bySimplicity } from './dyadic.js';
import { lawAt, roundInto, type SearchSpace, snapLaw, splitTheta, withSearchSpace } from './searchSpace.js';
import {
  contextFree,
  intIn,
  intsIn,
  lowestTerms,
  mapExactly,
  sameValue,
  smallerVectors,
  without,
} from './shrinkable.js';

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
  /** Temperatures, shrunk in the order of bySimplicity (default as temperature()). */
  readonly temperatures?: readonly number[];
}

/** The parts a finite space is built from: the instance without its densities (ρ, ρ₂ follow from wRho, wRho2, μ). */
export type FiniteSpaceParts = Omit<FiniteSpaceInstance, 'rho' | 'rho2'>;

/** Density weights are integers in [1, DENSITY_WEIGHT]. */
const DENSITY_WEIGHT = 8;
/** Mixing weights t, simplest first. */
const MIXES = [1 / 2, 1 / 4, 3 / 4, 1 / 8, 3 / 8, 5 / 8, 7 / 8];

/** Builds the instance from its parts, exactly as the arbitrary does: ρ = densityFrom(wRho, μ), ρ₂ likewise. */
export function buildFiniteSpace(p: FiniteSpaceParts): FiniteSpaceInstance {
  const copy = (v: readonly number[]): number[] => [...v];
  return {
    K: p.K,
    mu: copy(p.mu),
    U: copy(p.U),
    U2: copy(p.U2),
    wRho: copy(p.wRho),
    wRho2: copy(p.wRho2),
    rho: densityFrom(p.wRho, p.mu),
    rho2: densityFrom(p.wRho2, p.mu),
    tau: p.tau,
    t: p.t,
  };
}

/** The parts of an instance: the inverse of buildFiniteSpace. Throws on anything that is not a finite space. */
export function finiteSpaceToParts(r: FiniteSpaceInstance): FiniteSpaceParts {
  ensure(typeof r === 'object' && r !== null, 'not a finite-space instance');
  const fields = [r.mu, r.U, r.U2, r.wRho, r.wRho2];
  ensure(fields.every(Array.isArray), 'not a finite-space instance');
  const [mu, U, U2, wRho, wRho2] = fields.map((v) => [...v]) as number[][];
  return { K: r.K, mu: mu!, U: U!, U2: U2!, wRho: wRho!, wRho2: wRho2!, tau: r.tau, t: r.t };
}

interface FiniteSpaceConfig {
  readonly minK: number;
  readonly maxK: number;
  readonly M: number;
  /** Potentials in quarters: U·4 ∈ [−P, P]. */
  readonly P: number;
  readonly temps: readonly number[];
}

function finiteSpaceConfig(o: FiniteSpaceOptions): FiniteSpaceConfig {
  const c = {
    minK: o.minAtoms ?? 2,
    maxK: o.maxAtoms ?? 5,
    M: o.maxMeasure ?? 4,
    P: (o.maxPotential ?? 2) * 4,
    temps: bySimplicity(o.temperatures ?? [1, 0.5, 2, 0.25, 0.1, 0.07]),
  };
  const name = 'finiteSpaceInstance';
  ensure(intIn(c.minK, 1, Infinity), () => `${name}: minAtoms must be an integer >= 1, got ${c.minK}`);
  ensure(intIn(c.maxK, c.minK, Infinity), () => `${name}: minAtoms (${c.minK}) must be <= maxAtoms (${c.maxK})`);
  ensure(intIn(c.M, 1, 2 ** 31), () => `${name}: maxMeasure must be an integer >= 1, got ${c.M}`);
  ensure(intIn(c.P, 0, 2 ** 31), () => `${name}: maxPotential must be a multiple of 1/4 >= 0, got ${o.maxPotential}`);
  ensure(
    c.temps.length > 0 && c.temps.every((t) => Number.isFinite(t) && t > 0),
    () => `${name}: temperatures must be finite numbers > 0`,
  );
  return c;
}

/** The density weights in lowest terms (ρ is the same number for number: w/Σwμ is one correctly rounded quotient). */
const lowest = (p: FiniteSpaceParts): FiniteSpaceParts => ({
  ...p,
  wRho: lowestTerms(p.wRho),
  wRho2: lowestTerms(p.wRho2),
});

/** Draws the parts as the arbitrary always has: size and fields independently, then cut to size. */
function drawParts(c: FiniteSpaceConfig): Arbitrary<FiniteSpaceParts> {
  const pool = (lo: number, hi: number) =>
    fc.array(fc.integer({ min: lo, max: hi }), { minLength: c.maxK, maxLength: c.maxK });
  return fc
    .record({
      K: fc.integer({ min: c.minK, max: c.maxK }),
      mu: pool(1, c.M),
      U: pool(-c.P, c.P),
      U2: pool(-c.P, c.P),
      wRho: pool(1, DENSITY_WEIGHT),
      wRho2: pool(1, DENSITY_WEIGHT),
      tau: fc.constantFrom(...c.temps),
      t: fc.integer({ min: 1, max: 7 }),
    })
    .map(({ K, mu, U, U2, wRho, wRho2, tau, t }) =>
      lowest({
        K,
        mu: mu.slice(0, K),
        U: U.slice(0, K).map((u) => u / 4),
        U2: U2.slice(0, K).map((u) => u / 4),
        wRho: wRho.slice(0, K),
        wRho2: wRho2.slice(0, K),
        tau,
        t: (8 - t) / 8,
      }),
    );
}

/** True for parts this arbitrary can produce. */
function isFiniteSpaceParts(v: unknown, c: FiniteSpaceConfig): boolean {
  const p = v as FiniteSpaceParts;
  if (typeof p !== 'object' || p === null || !intIn(p.K, c.minK, c.maxK)) return false;
  const quarters = (u: unknown): boolean =>
    Array.isArray(u) &&
    intsIn(
      u.map((x) => x * 4),
      p.K,
      -c.P,
      c.P,
    );
  return (
    intsIn(p.mu, p.K, 1, c.M) &&
    quarters(p.U) &&
    quarters(p.U2) &&
    intsIn(p.wRho, p.K, 1, DENSITY_WEIGHT) &&
    intsIn(p.wRho2, p.K, 1, DENSITY_WEIGHT) &&
    c.temps.includes(p.tau) &&
    MIXES.includes(p.t)
  );
}

/**
 * Smaller parts, most promising first: density weights in lowest terms; without any one atom (not only the last);
 * a simpler τ or t; then μ toward 1, U and U₂ toward 0 (in quarters), the density weights toward uniform. Every
 * candidate is strictly smaller in (K, choice indices, Σ(μ − 1) + 4Σ|U| + 4Σ|U₂| + Σ(w − 1)).
 */
function* smallerFiniteSpaceParts(p: FiniteSpaceParts, c: FiniteSpaceConfig): Generator<FiniteSpaceParts> {
  const seen = new Set<string>();
  const candidates = function* (): Generator<FiniteSpaceParts> {
    yield lowest(p);
    if (p.K > c.minK) {
      for (let k = 0; k < p.K; k++) {
        yield lowest({
          ...p,
          K: p.K - 1,
          mu: without(p.mu, k),
          U: without(p.U, k),
          U2: without(p.U2, k),
          wRho: without(p.wRho, k),
          wRho2: without(p.wRho2, k),
        });
      }
    }
    for (const tau of c.temps.slice(0, c.temps.indexOf(p.tau))) yield { ...p, tau };
    for (const t of MIXES.slice(0, MIXES.indexOf(p.t))) yield { ...p, t };
    for (const mu of smallerVectors(p.mu, 1)) yield { ...p, mu };
    for (const U of smallerVectors(
      p.U.map((u) => u * 4),
      0,
    ))
      yield { ...p, U: U.map((u) => u / 4) };
    for (const U2 of smallerVectors(
      p.U2.map((u) => u * 4),
      0,
    ))
      yield { ...p, U2: U2.map((u) => u / 4) };
    for (const wRho of smallerVectors(p.wRho, 1)) yield lowest({ ...p, wRho });
    for (const wRho2 of smallerVectors(p.wRho2, 1)) yield lowest({ ...p, wRho2 });
  };
  for (const q of candidates()) {
    const key = JSON.stringify(q);
    if (seen.has(key) || sameValue(q, p)) continue;
    seen.add(key);
    yield q;
  }
}

/**
 * θ of a finite space: log μ, U, U₂, log wRho, log wRho2 (K each); K, τ and t stay those of `start`. `snap` rounds μ
 * into [1, maxMeasure], the potentials onto the quarter grid in [−maxPotential, maxPotential] and the density weights
 * into [1, 8] (lowest terms).
 */
function finiteSpaceSpace(c: FiniteSpaceConfig): SearchSpace<FiniteSpaceInstance> {
  // θ = (log μ, U, U₂, log wρ, log wρ₂, log τ, t): τ and t move too (a bound's worst case can sit at one τ), and snap
  // to the nearest allowed temperature (in log scale) and multiple of 1/8 in [1/8, 7/8]
  const nearestTemperature = (logTau: number): number =>
    c.temps.reduce((best, x) => (Math.abs(Math.log(x) - logTau) < Math.abs(Math.log(best) - logTau) ? x : best));
  const place = (theta: readonly number[], start: FiniteSpaceInstance, snap: boolean): FiniteSpaceParts => {
    const K = start.K;
    const pieces = splitTheta(theta, [K, K, K, K, K, 1, 1], 'finiteSpaceInstance search space');
    const [mu, U, U2, a, b, [logTau], [t]] = pieces as [
      number[],
      number[],
      number[],
      number[],
      number[],
      [number],
      [number],
    ];
    const tOpen = Math.min(7 / 8, Math.max(1 / 8, t));
    if (!snap) {
      return {
        ...finiteSpaceToParts(start),
        mu: mu.map(Math.exp),
        U,
        U2,
        wRho: lawAt(a),
        wRho2: lawAt(b),
        tau: Math.exp(logTau),
        t: tOpen,
      };
    }
    const quarter = (u: number): number => roundInto(4 * u, -c.P, c.P) / 4;
    return lowest({
      ...finiteSpaceToParts(start),
      mu: mu.map((m) => roundInto(Math.exp(m), 1, c.M)),
      U: U.map(quarter),
      U2: U2.map(quarter),
      wRho: snapLaw(a, DENSITY_WEIGHT),
      wRho2: snapLaw(b, DENSITY_WEIGHT),
      tau: nearestTemperature(logTau),
      t: Math.round(8 * tOpen) / 8,
    });
  };
  return {
    encode: (r) => [
      ...r.mu.map(Math.log),
      ...r.U,
      ...r.U2,
      ...r.wRho.map(Math.log),
      ...r.wRho2.map(Math.log),
      Math.log(r.tau),
      r.t,
    ],
    at: (theta, start) => buildFiniteSpace(place(theta, start, false)),
    snap: (theta, start) => buildFiniteSpace(place(theta, start, true)),
  };
}

/**
 * Finite spaces whose size and fields are drawn independently. Shrinking needs no context and removes any atom, so
 * it lands on K = 2, μ = (1, 1), U = 0, uniform densities, τ = 1 and t = 1/2 as far as the claim allows, moving one
 * field at a time. Carries its search space (searchSpaceOf).
 */
export function finiteSpaceInstance(o: FiniteSpaceOptions = {}): Arbitrary<FiniteSpaceInstance> {
  const c = finiteSpaceConfig(o);
  const parts = contextFree<FiniteSpaceParts>({
    generate: drawParts(c),
    accepts: (v) => isFiniteSpaceParts(v, c),
    shrink: (p) => smallerFiniteSpaceParts(p, c),
  });
  const arb = mapExactly(parts, buildFiniteSpace, (v) => finiteSpaceToParts(v as FiniteSpaceInstance));
  return withSearchSpace(arb, finiteSpaceSpace(c));
}

type Field = 'mu' | 'U' | 'U2' | 'rho' | 'rho2' | 'tau' | 't';
const DEFAULT_NAMES: Record<Field, string> = { mu: 'μ', U: 'U', U2: 'U₂', rho: 'ρ', rho2: 'ρ₂', tau: 'τ', t: 't' };
const vec = (v: readonly number[]): string => `[${v.map(showNumber).join(', ')}]`;

/** A readable finite-space instance showing only the fields a conjecture uses (densities as weights). */
export function showFiniteSpace(fields: readonly Field[], names: Partial<Record<Field, string>> = {}) {
  return (r: FiniteSpaceInstance): string =>
    [
      `K = ${r.K}`,
      ...fields.map((f) => {
        const name = names[f] ?? DEFAULT_NAMES[f];
        if (f === 'rho') return `${name} ∝ ${vec(r.wRho)}`;
        if (f === 'rho2') return `${name} ∝ ${vec(r.wRho2)}`;
        if (f === 'tau' || f === 't') return `${name} = ${showNumber(r[f])}`;
        return `${name} = ${vec(r[f])}`;
      }),
    ].join(', ');
}
