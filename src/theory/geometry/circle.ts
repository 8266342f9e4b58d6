import { besselIScaled, ensure } from '../../numeric/index.js';

/*
 * Trigonometric-polynomial densities on S¹ and their closed-form von Mises smoothing (docs/claims.md P9):
 *   ρ(θ) = (1/2π)(1 + Σ_k a_k cos(k(θ − φ_k))),  Σ|a_k| < 1 so ρ > 0
 *   smoothing with the kernel ∝ e^{cos(θ−φ)/ε} multiplies a_k by I_k(1/ε)/I_0(1/ε)
 * Integrals use the M-point rectangle rule (exact for trigonometric polynomials of degree < M), the same
 * quadrature for every term so identities hold to rounding.
 */

/** Harmonic k = 1, 2, … with amplitude a_k and phase φ_k. */
export interface TrigDensity {
  readonly amplitudes: readonly number[];
  readonly phases: readonly number[];
}

/** Checks Σ|a_k| < 1 (a positive density). */
export function requireTrigDensity(p: TrigDensity): void {
  ensure(p.amplitudes.length === p.phases.length, 'trigonometric density: one phase per amplitude');
  const s = p.amplitudes.reduce((a, b) => a + Math.abs(b), 0);
  ensure(s < 1, () => `trigonometric density: Σ|a_k| = ${s} must be < 1 for a positive density`);
}

/** The von Mises smoothing at bandwidth ε: a_k ↦ a_k I_k(1/ε)/I_0(1/ε) (exponentially scaled ratio). */
export function vonMisesSmooth(p: TrigDensity, eps: number): TrigDensity {
  requireTrigDensity(p);
  ensure(Number.isFinite(eps) && eps > 0, () => `vonMisesSmooth: ε must be > 0, got ${eps}`);
  const x = 1 / eps,
    i0 = besselIScaled(0, x);
  return { amplitudes: p.amplitudes.map((a, k) => (a * besselIScaled(k + 1, x)) / i0), phases: p.phases };
}

/** ρ at the M grid angles θ_m = 2πm/M. */
export function trigDensityOnGrid(p: TrigDensity, M: number): Float64Array {
  const out = new Float64Array(M);
  for (let m = 0; m < M; m++) {
    const th = (2 * Math.PI * m) / M;
    let v = 1;
    p.amplitudes.forEach((a, k) => {
      v += a * Math.cos((k + 1) * (th - p.phases[k]!));
    });
    out[m] = v / (2 * Math.PI);
  }
  return out;
}

/** ∫ f g dθ by the M-point rule, for f, g given on the grid. */
export function circleIntegral(f: ArrayLike<number>, g?: ArrayLike<number>): number {
  let s = 0;
  for (let m = 0; m < f.length; m++) s += f[m]! * (g ? g[m]! : 1);
  return (s * 2 * Math.PI) / f.length;
}

/** ∫ ρ log σ dθ on the grid. */
export function crossLog(rho: ArrayLike<number>, sigma: ArrayLike<number>): number {
  return circleIntegral(rho, Array.from(sigma, Math.log));
}
