import type { Rng } from '../numeric/index.js';
import { sampleUniformSphere } from '../sphere/index.js';
import { Adam } from './adam.js';

/*
 * The paper's unimodal Gibbs experiment on S² (docs/claims.md P18; official code unimodal_gibbs.py):
 *   two-well potential U(z) = −(1/κ) log(w e^{κ⟨z,m₁⟩} + (1−w) e^{κ⟨z,m₂⟩}), κ = 12, w = ½,
 *   m₁ = (0, 0, 1), m₂ = normalize(0.85, 0.15, −0.5);
 *   particles z = V/‖V‖ minimise mean U(z_i)/τ + mean log ρ̂(z_i), ρ̂ a geodesic Gaussian KDE (h = 0.35 rad,
 *   self-term included, + 1e−12), by Adam (lr 0.05) with "Langevin-like" noise V += 0.06·N(0, I) after each step;
 *   the metric is the cap mass within geodesic radius 0.5 of m₁ or m₂; the Gibbs reference is self-normalised
 *   importance sampling of e^{−U/τ} with uniform points.
 * The descent runs in float64 with the analytic gradient below (the geodesic distance g = acos(clip(⟨z_i, z_j⟩,
 * −1 + 1e−6, 1 − 1e−6)), whose clipped pairs, the self-terms included, pass no gradient, as in autodiff).
 */

const KAPPA = 12,
  W = 0.5,
  H = 0.35,
  CAP = 0.5,
  CLIP = 1e-6,
  KDE_FLOOR = 1e-12;
const M1 = [0, 0, 1];
const M2 = ((v: number[]) => {
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
})([0.85, 0.15, -0.5]);
const dot3 = (a: ArrayLike<number>, b: ArrayLike<number>, o = 0): number =>
  a[o]! * b[0]! + a[o + 1]! * b[1]! + a[o + 2]! * b[2]!;

/** U(z) of the two-well potential. */
export function twoWellPotential(z: ArrayLike<number>, o = 0): number {
  const a = KAPPA * dot3(z, M1, o),
    b = KAPPA * dot3(z, M2, o),
    m = Math.max(a, b);
  return -(m + Math.log(W * Math.exp(a - m) + (1 - W) * Math.exp(b - m))) / KAPPA;
}

/** Whether z lies within geodesic radius 0.5 of a well centre. */
export function inCap(z: ArrayLike<number>, o = 0): boolean {
  return Math.acos(Math.min(1, dot3(z, M1, o))) <= CAP || Math.acos(Math.min(1, dot3(z, M2, o))) <= CAP;
}

/** Gibbs cap mass by self-normalised importance sampling with `points` uniform points. */
export function gibbsCapMass(rng: Rng, tau: number, points: number): number {
  let num = 0,
    den = 0;
  const Z = sampleUniformSphere(rng, points, 3).data,
    us: number[] = [],
    caps: boolean[] = [];
  for (let i = 0; i < points; i++) {
    us.push(twoWellPotential(Z, 3 * i));
    caps.push(inCap(Z, 3 * i));
  }
  const lo = Math.min(...us);
  us.forEach((u, i) => {
    const w = Math.exp(-(u - lo) / tau);
    den += w;
    if (caps[i]) num += w;
  });
  return num / den;
}

/** The rows of V (flat [n·3]) scaled to unit length, into z; the norms into r. */
function normalize3(V: Float64Array, z: Float64Array, r: Float64Array): void {
  for (let i = 0; i < r.length; i++) {
    const o = 3 * i,
      n = Math.hypot(V[o]!, V[o + 1]!, V[o + 2]!);
    r[i] = n;
    z[o] = V[o]! / n;
    z[o + 1] = V[o + 1]! / n;
    z[o + 2] = V[o + 2]! / n;
  }
}

/**
 * ∂/∂z of the particle energy L = (1/n)Σ U(z_i)/τ + (1/n)Σ log ρ̂_i, ρ̂_i = (1/n)Σ_j e^{−g_ij²/(2h²)} + 1e−12,
 * into ws.gz (flat [n·3]); returns L. With c_ij = ⟨z_i, z_j⟩ unclipped (symmetric, so each pair is computed once),
 * ∂L/∂c_ij = (1/n²)·e_ij·(g_ij/h²)/√(1 − c_ij²)·(1/ρ̂_i + 1/ρ̂_j) for i ≠ j, moving z_i along z_j and z_j along z_i.
 */
function energyGradient(z: Float64Array, tau: number, ws: ParticleWorkspace): number {
  const n = z.length / 3,
    { gz, E, A, rho } = ws;
  gz.fill(0);
  let energy = 0;
  for (let i = 0; i < n; i++) {
    // U and ∂U/∂z = −(π₁m₁ + π₂m₂), π the softmax weights of the two wells
    const o = 3 * i,
      s1 = KAPPA * dot3(z, M1, o),
      s2 = KAPPA * dot3(z, M2, o),
      m = Math.max(s1, s2);
    const e1 = W * Math.exp(s1 - m),
      e2 = (1 - W) * Math.exp(s2 - m),
      tot = e1 + e2;
    energy += -(m + Math.log(tot)) / KAPPA / (tau * n);
    const p1 = e1 / tot,
      p2 = e2 / tot,
      c = -1 / (tau * n);
    for (let k = 0; k < 3; k++) gz[o + k]! += c * (p1 * M1[k]! + p2 * M2[k]!);
  }
  // the kernel e_ij and the factor a_ij = e_ij·g_ij/(h²√(1 − c²)), 0 where c is clipped (the self-terms always are)
  const gSelf = Math.acos(1 - CLIP),
    eSelf = Math.exp(-(gSelf * gSelf) / (2 * H * H));
  for (let i = 0; i < n; i++) {
    const o = 3 * i;
    E[i * n + i] = eSelf;
    A[i * n + i] = 0;
    for (let j = i + 1; j < n; j++) {
      const q = 3 * j,
        c = z[o]! * z[q]! + z[o + 1]! * z[q + 1]! + z[o + 2]! * z[q + 2]!;
      const g = Math.acos(Math.min(1 - CLIP, Math.max(-1 + CLIP, c))),
        e = Math.exp(-(g * g) / (2 * H * H));
      const a = c > 1 - CLIP || c < -1 + CLIP ? 0 : (e * g) / (H * H * Math.sqrt(1 - c * c));
      E[i * n + j] = e;
      E[j * n + i] = e;
      A[i * n + j] = a;
    }
  }
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let j = 0; j < n; j++) r += E[i * n + j]!;
    rho[i] = r / n + KDE_FLOOR;
    energy += Math.log(rho[i]!) / n;
  }
  for (let i = 0; i < n; i++) {
    const o = 3 * i;
    for (let j = i + 1; j < n; j++) {
      const a = A[i * n + j]!;
      if (a === 0) continue;
      const d = (a * (1 / rho[i]! + 1 / rho[j]!)) / (n * n),
        q = 3 * j;
      gz[o]! += d * z[q]!;
      gz[o + 1]! += d * z[q + 1]!;
      gz[o + 2]! += d * z[q + 2]!;
      gz[q]! += d * z[o]!;
      gz[q + 1]! += d * z[o + 1]!;
      gz[q + 2]! += d * z[o + 2]!;
    }
  }
  return energy;
}

/** Buffers of the descent for n particles. */
interface ParticleWorkspace {
  readonly z: Float64Array;
  readonly r: Float64Array;
  readonly gz: Float64Array;
  readonly gV: Float64Array;
  /** n×n kernel values e_ij, the derivative factors a_ij (upper triangle), and the densities ρ̂_i. */
  readonly E: Float64Array;
  readonly A: Float64Array;
  readonly rho: Float64Array;
}

function particleWorkspace(n: number): ParticleWorkspace {
  const v = (k: number): Float64Array => new Float64Array(k);
  return { z: v(3 * n), r: v(n), gz: v(3 * n), gV: v(3 * n), E: v(n * n), A: v(n * n), rho: v(n) };
}

/** The energy at V (flat [n·3]) and its gradient in V, into ws.gV: through z = V/‖V‖, ∂L/∂V = (g − z⟨z, g⟩)/‖V‖. */
function energyAndGradient(V: Float64Array, tau: number, ws: ParticleWorkspace): number {
  const { z, r, gz, gV } = ws;
  normalize3(V, z, r);
  const energy = energyGradient(z, tau, ws);
  for (let i = 0; i < r.length; i++) {
    const o = 3 * i,
      zg = z[o]! * gz[o]! + z[o + 1]! * gz[o + 1]! + z[o + 2]! * gz[o + 2]!;
    for (let k = 0; k < 3; k++) gV[o + k] = (gz[o + k]! - z[o + k]! * zg) / r[i]!;
  }
  return energy;
}

/** The particle energy and its gradient in V (flat [n·3]), for tests against finite differences. */
export function particleEnergyWithGrad(V: Float64Array, tau: number): { energy: number; gradient: Float64Array } {
  const ws = particleWorkspace(V.length / 3);
  const energy = energyAndGradient(V, tau, ws);
  return { energy, gradient: ws.gV };
}

/**
 * Runs the particle descent in float64 and returns the particles z = V/‖V‖ (flat [n·3]). The random stream is the
 * TensorFlow.js version's: n·3 normals for V, then n·3 noise normals after each step.
 */
export function particleDescent(rng: Rng, tau: number, particles: number, steps: number): Float64Array {
  const n = particles,
    V = Float64Array.from({ length: 3 * n }, () => rng.normal());
  const ws = particleWorkspace(n),
    opt = new Adam(3 * n, 0.05);
  for (let s = 0; s < steps; s++) {
    energyAndGradient(V, tau, ws);
    opt.step(V, ws.gV);
    for (let k = 0; k < 3 * n; k++) V[k]! += 0.06 * rng.normal();
  }
  normalize3(V, ws.z, ws.r);
  return ws.z;
}

/** The particle descent's cap mass: the share of particles within 0.5 rad of a well centre. */
export function particleCapMass(rng: Rng, tau: number, particles: number, steps: number): number {
  const z = particleDescent(rng, tau, particles, steps);
  let c = 0;
  for (let i = 0; i < particles; i++) if (inCap(z, 3 * i)) c++;
  return c / particles;
}
