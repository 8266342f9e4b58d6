import { ensure, logSumExp, requireTemperature } from '../../numeric/index.js';

/*
 * Intrinsic functionals of paper 2 (Cai, Zhang, Liu, Shi 2026) on a finite measure space Z = {1..K} with
 * weights μ_k > 0 (docs/claims.md: paper-2 notation, P3, P8). Densities are w.r.t. μ: ρ_k > 0 with Σ_k ρ_k μ_k = 1.
 *   free energy     F_{τ,U}(ρ) = (1/τ) Σ U ρ μ + Σ ρ log ρ μ                  (= (1/τ)∫Uρ − H(ρ))
 *   Gibbs density   ρ*(z) = e^{−U/τ}/Z_τ,  Z_τ = Σ e^{−U/τ} μ;  F(ρ) + log Z = KL_μ(ρ ‖ ρ*)
 *   multimodal      G(ρ₁,ρ₂) = ½[(1/τ)ΣU₁₂ρ₁μ + Σρ₁ log ρ₂ μ + (1/τ)ΣU₂₁ρ₂μ + Σρ₂ log ρ₁ μ]
 *                            = ½[F₁₂(ρ₁) + F₂₁(ρ₂)] − D^Sym_half(ρ₁, ρ₂)
 * Divergences are named by convention: `symmetricKlHalf` = ½(KL + KL) (the paper's theory, [P-blog]),
 * `symmetricKlSum` = KL + KL (the paper's code metric).
 */

/** Weights μ of a finite space: positive and finite, K >= 1. */
export function requireMeasure(mu: readonly number[]): void {
  ensure(Array.isArray(mu) && mu.length >= 1, 'finite space: μ must be a non-empty array');
  for (const [k, m] of mu.entries()) {
    ensure(Number.isFinite(m) && m > 0, () => `finite space: μ[${k}] = ${m} must be finite and > 0`);
  }
}

/** A density w.r.t. μ: positive entries with Σ ρ μ = 1 (to 1e-9). */
export function requireDensity(rho: readonly number[], mu: readonly number[], name = 'ρ'): void {
  requireMeasure(mu);
  ensure(rho.length === mu.length, () => `${name} has ${rho.length} atoms, μ has ${mu.length}`);
  let mass = 0;
  rho.forEach((r, k) => {
    ensure(Number.isFinite(r) && r > 0, () => `${name}[${k}] = ${r} must be finite and > 0`);
    mass += r * mu[k]!;
  });
  ensure(Math.abs(mass - 1) <= 1e-9, () => `${name} has mass Σρμ = ${mass}, not 1`);
}

/** The density ∝ weights w.r.t. μ: ρ_k = w_k / Σ w μ. */
export function densityFrom(weights: readonly number[], mu: readonly number[]): number[] {
  const mass = weights.reduce((a, w, k) => a + w * mu[k]!, 0);
  ensure(mass > 0 && Number.isFinite(mass), 'densityFrom: weights need positive finite mass');
  return weights.map((w) => w / mass);
}

/** ∫ f dμ = Σ f_k μ_k. */
export function integrate(f: readonly number[], mu: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < mu.length; k++) s += f[k]! * mu[k]!;
  return s;
}

/** KL_μ(ρ ‖ σ) = Σ ρ log(ρ/σ) μ between densities w.r.t. μ. */
export function klDivergenceMu(rho: readonly number[], sigma: readonly number[], mu: readonly number[]): number {
  return integrate(
    rho.map((r, k) => r * Math.log(r / sigma[k]!)),
    mu,
  );
}

/** D^Sym_half(ρ₁, ρ₂) = ½(KL(ρ₁‖ρ₂) + KL(ρ₂‖ρ₁)): the theory's convention. */
export function symmetricKlHalfMu(rho1: readonly number[], rho2: readonly number[], mu: readonly number[]): number {
  return 0.5 * (klDivergenceMu(rho1, rho2, mu) + klDivergenceMu(rho2, rho1, mu));
}

/** D^Sym_sum(ρ₁, ρ₂) = KL(ρ₁‖ρ₂) + KL(ρ₂‖ρ₁): the code metric's convention (twice the theory's). */
export function symmetricKlSumMu(rho1: readonly number[], rho2: readonly number[], mu: readonly number[]): number {
  return klDivergenceMu(rho1, rho2, mu) + klDivergenceMu(rho2, rho1, mu);
}

/** Differential entropy H(ρ) = −Σ ρ log ρ μ (may be negative). */
export function entropyMu(rho: readonly number[], mu: readonly number[]): number {
  return -integrate(
    rho.map((r) => r * Math.log(r)),
    mu,
  );
}

/** F_{τ,U}(ρ) = (1/τ) Σ U ρ μ + Σ ρ log ρ μ. */
export function freeEnergy(rho: readonly number[], U: readonly number[], tau: number, mu: readonly number[]): number {
  requireDensity(rho, mu);
  requireTemperature(tau);
  ensure(U.length === mu.length, () => `U has ${U.length} atoms, μ has ${mu.length}`);
  return integrate(
    rho.map((r, k) => (U[k]! * r) / tau + r * Math.log(r)),
    mu,
  );
}

/** log Z_τ = log Σ e^{−U/τ} μ. */
export function logPartition(U: readonly number[], tau: number, mu: readonly number[]): number {
  requireMeasure(mu);
  requireTemperature(tau);
  return logSumExp(U.map((u, k) => -u / tau + Math.log(mu[k]!)));
}

/** The Gibbs equilibrium ρ*_{τ,U} = e^{−U/τ}/Z_τ (a density w.r.t. μ). */
export function gibbsDensity(U: readonly number[], tau: number, mu: readonly number[]): number[] {
  const l = logPartition(U, tau, mu);
  return U.map((u) => Math.exp(-u / tau - l));
}

/** G(ρ₁, ρ₂), the sharpened symmetric multimodal energy (docs/claims.md P8). */
export function multimodalEnergy(
  rho1: readonly number[],
  rho2: readonly number[],
  U12: readonly number[],
  U21: readonly number[],
  tau: number,
  mu: readonly number[],
): number {
  requireDensity(rho1, mu, 'ρ₁');
  requireDensity(rho2, mu, 'ρ₂');
  requireTemperature(tau);
  return (
    0.5 *
    integrate(
      rho1.map((r1, k) => {
        const r2 = rho2[k]!;
        return (U12[k]! * r1) / tau + r1 * Math.log(r2) + (U21[k]! * r2) / tau + r2 * Math.log(r1);
      }),
      mu,
    )
  );
}

/**
 * First variations of G at (ρ₁, ρ₂) (docs/claims.md P10): g₁ = ½(U₁₂/τ + log ρ₂ + ρ₂/ρ₁), g₂ = ½(U₂₁/τ + log ρ₁ + ρ₁/ρ₂).
 * On the simplex a point is stationary iff each g is constant over the atoms.
 */
export function firstVariations(
  rho1: readonly number[],
  rho2: readonly number[],
  U12: readonly number[],
  U21: readonly number[],
  tau: number,
): { g1: number[]; g2: number[] } {
  return {
    g1: rho1.map((r1, k) => 0.5 * (U12[k]! / tau + Math.log(rho2[k]!) + rho2[k]! / r1)),
    g2: rho2.map((r2, k) => 0.5 * (U21[k]! / tau + Math.log(rho1[k]!) + rho1[k]! / r2)),
  };
}

/** max − min of a vector (0 iff constant). */
export function spread(v: readonly number[]): number {
  return Math.max(...v) - Math.min(...v);
}

/** Mass ρ(A) = Σ_{k∈A} ρ_k μ_k of a set of atoms given by a predicate. */
export function massOf(rho: readonly number[], mu: readonly number[], inSet: (k: number) => boolean): number {
  let s = 0;
  for (let k = 0; k < mu.length; k++) if (inSet(k)) s += rho[k]! * mu[k]!;
  return s;
}

/**
 * Directional potentials of a finite pair law π on atoms with similarities s_ij (docs/claims.md P11):
 * U₁₂(i) = −Σ_j π_ij s_ij / π_i·,  U₂₁(j) = −Σ_i π_ij s_ij / π_·j.
 */
export function directionalPotentials(
  pi: readonly (readonly number[])[],
  s: readonly (readonly number[])[],
): { U12: number[]; U21: number[] } {
  const K = pi.length;
  const U12 = Array.from(
    { length: K },
    (_, i) => -pi[i]!.reduce((a, p, j) => a + p * s[i]![j]!, 0) / pi[i]!.reduce((a, b) => a + b, 0),
  );
  const U21 = Array.from(
    { length: K },
    (_, j) => -pi.reduce((a, row, i) => a + row[j]! * s[i]![j]!, 0) / pi.reduce((a, row) => a + row[j]!, 0),
  );
  return { U12, U21 };
}
