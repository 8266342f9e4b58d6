import { besselIRatio, ensure, logBesselI, logGammaHalfInteger, norm, requireTemperature } from '../numeric/index.js';

/*
 * Closed forms on S^{d−1} with the cosine critic (docs/claims.md: paper-2 notation, P0; [R]).
 * ν = d/2 − 1 throughout.
 */

function checkDim(d: number, fn: string, min = 2): void {
  ensure(Number.isInteger(d) && d >= min, () => `${fn}: dimension d must be an integer >= ${min}, got ${d}`);
}

/** log |S^{d−1}| = log(2π^{d/2}/Γ(d/2)). */
export function logSphereArea(d: number): number {
  checkDim(d, 'logSphereArea');
  return Math.log(2) + (d / 2) * Math.log(Math.PI) - logGammaHalfInteger(d / 2);
}

/**
 * log V_κ(τ), V_κ(τ) = ∫ e^{⟨z,w⟩/τ} dσ(w) = (2π)^{d/2} τ^{d/2−1} I_{d/2−1}(1/τ) for the surface
 * measure σ; with `measure: 'probability'` σ is normalized to mass 1: Γ(d/2)(2τ)^{d/2−1} I_{d/2−1}(1/τ).
 */
export function logPartitionVolume(d: number, tau: number, measure: 'surface' | 'probability' = 'surface'): number {
  checkDim(d, 'logPartitionVolume');
  requireTemperature(tau);
  const nu = d / 2 - 1,
    x = 1 / tau;
  // probability measure: Γ(ν+1)(x/2)^{−ν} I_ν(x) = ₀F₁(; ν+1; x²/4), summed directly while its terms stay
  // small (x <= 50): the log-difference form loses ~1e-13 absolute to cancellation at large d.
  const logProbability =
    x <= 50
      ? Math.log1p(hyp0F1Tail(nu + 1, 0.25 * x * x))
      : logGammaHalfInteger(d / 2) + nu * Math.log(2 * tau) + logBesselI(nu, x);
  return measure === 'probability' ? logProbability : logProbability + logSphereArea(d);
}

/** ₀F₁(; b; y) − 1 = Σ_{k>=1} y^k / (k! (b)_k), all terms positive. */
function hyp0F1Tail(b: number, y: number): number {
  let t = 1,
    s = 0;
  for (let k = 1; k < 10000; k++) {
    t *= y / (k * (b + k - 1));
    s += t;
    if (t < 1e-17 * (1 + s)) break;
  }
  return s;
}

/** A_d(κ) = I_{d/2}(κ)/I_{d/2−1}(κ): the mean resultant length E⟨z, mean⟩ under vMF(mean, κ). */
export function meanResultantLength(d: number, kappa: number): number {
  checkDim(d, 'meanResultantLength');
  ensure(Number.isFinite(kappa) && kappa >= 0, () => `meanResultantLength: κ must be >= 0, got ${kappa}`);
  return besselIRatio(d / 2 - 1, kappa);
}

/** log C_d(κ), C_d(κ) = κ^{ν}/((2π)^{d/2} I_ν(κ)), the vMF density normalizer (1/|S^{d−1}| at κ = 0). */
export function logVmfNormalizer(d: number, kappa: number): number {
  checkDim(d, 'logVmfNormalizer');
  ensure(Number.isFinite(kappa) && kappa >= 0, () => `logVmfNormalizer: κ must be >= 0, got ${kappa}`);
  const nu = d / 2 - 1;
  if (kappa === 0) return -logSphereArea(d);
  return nu * Math.log(kappa) - (d / 2) * Math.log(2 * Math.PI) - logBesselI(nu, kappa);
}

/**
 * log E_{w∼vMF(mean,κ)} e^{⟨z,w⟩/τ} = log C_d(κ) − log C_d(‖κ·mean + z/τ‖), for any z ∈ ℝ^d
 * (the vMF moment generating function at z/τ).
 */
export function logVmfMgf(z: ArrayLike<number>, mean: ArrayLike<number>, kappa: number, tau: number): number {
  const d = mean.length;
  checkDim(d, 'logVmfMgf');
  ensure(z.length === d, () => `logVmfMgf: z has dimension ${z.length}, the mean has ${d}`);
  requireTemperature(tau);
  const v = new Float64Array(d);
  for (let j = 0; j < d; j++) v[j] = kappa * mean[j]! + z[j]! / tau;
  return logVmfNormalizer(d, kappa) - logVmfNormalizer(d, norm(v));
}

/**
 * The CDF of t = ⟨z, mean⟩ under vMF(mean, κ) on S^{d−1}: t = cos θ with θ-density
 * ∝ e^{κ(cos θ − 1)} sin^{d−2}θ on [0, π], integrated by the trapezoid rule on `steps` cells
 * (error ~1e-7; used for KS tests). d = 3 has the closed form (e^{κ(t−1)} − e^{−2κ})/(1 − e^{−2κ}).
 */
export function vmfCosineCdf(d: number, kappa: number, steps = 20000): (t: number) => number {
  checkDim(d, 'vmfCosineCdf');
  const h = Math.PI / steps;
  const g = (th: number): number => Math.exp(kappa * (Math.cos(th) - 1)) * Math.sin(th) ** (d - 2);
  const cum = new Float64Array(steps + 1); // cum[i] = ∫_0^{θ_i}
  let prev = g(0);
  for (let i = 1; i <= steps; i++) {
    const cur = g(i * h);
    cum[i] = cum[i - 1]! + 0.5 * h * (prev + cur);
    prev = cur;
  }
  const total = cum[steps]!;
  return (t: number): number => {
    if (t <= -1) return 0;
    if (t >= 1) return 1;
    const th = Math.acos(t);
    const i = Math.min(steps - 1, Math.floor(th / h));
    const a = i * h;
    const upTo = cum[i]! + 0.5 * (th - a) * (g(a) + g(th));
    return (total - upTo) / total; // P(θ >= arccos t)
  };
}
