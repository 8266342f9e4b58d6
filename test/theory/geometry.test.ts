/*
 * Source: issue 15 (mutation testing of src/theory: a unit test for every export that only the conjecture gate
 * reached) and the paper-2 entries of the claims catalogue, docs/claims.md P1, P2, P3, P8, P9, P10, P11, P13.
 * Golden values: fixtures/oracle/geometry.json, written by scripts/make_oracle_geometry.py (mpmath, 50 digits, from
 * the formulas of docs/claims.md and docs/api.md; ∇ log Γ by numerical differentiation of log Γ, S¹ integrals
 * cross-checked by quadrature).
 * Expected: every export of src/theory/geometry matches the oracle (finite-space functionals to 1e-13 relative,
 * S¹ quantities to 1e-13, the vMF field to 1e-11 absolute, its gradient to 1e-13 and the rate constants to 1e-12); each input check throws a
 * CrlInputError with its message; F(ρ) + log Z = KL_μ(ρ‖ρ*) and G = ½[F₁₂ + F₂₁] − D^Sym_half hold to 1e-13 on the
 * oracle's cases; unimodalDraw and samplePairs are deterministic per seed with the stated shapes, unimodalDraw
 * agrees with its closed form in the point-mass limit of q, and sample means of both agree with their expectations
 * within 4 standard errors at fixed seeds.
 */
import { describe, expect, it } from 'vitest';
import { CrlInputError, Rng, seedFrom, tolerance } from '../../src/numeric/index.js';
import type { VmfComponent } from '../../src/sphere/index.js';
import {
  circleIntegral,
  crossLog,
  densityFrom,
  directionalPotentials,
  entropyMu,
  firstVariations,
  freeEnergy,
  gibbsDensity,
  integrate,
  klDivergenceMu,
  logPartition,
  logPartitionField,
  massOf,
  multimodalEnergy,
  type PairLaw,
  partitionField,
  requireDensity,
  requireMeasure,
  requireTrigDensity,
  samplePairs,
  spread,
  symmetricKlHalfMu,
  symmetricKlSumMu,
  symmetricLargeBatchLimit,
  symmetricRateConstant,
  type TrigDensity,
  trigDensityOnGrid,
  unimodalDraw,
  unimodalRateConstants,
  vonMisesSmooth,
} from '../../src/theory/geometry/index.js';
import { expectClose, expectMatrixClose, readOracle } from '../helpers/assert.js';

// Finite-space functionals are sums of K <= 4 terms of size <= |U|/τ <= 20: float64 keeps ~1e-15 of that.
const REL = tolerance({ rel: 1e-13, abs: 1e-14 });
// log Γ is a difference of two log-normalizers log C_d(κ) ≈ −κ, so its absolute error grows like κ·2⁻⁵²: measured
// 1.4e-12 at κ = 5000, <= 6e-15 relative for κ <= 800; gradients and rate constants <= 1e-15 relative.
const VMF = tolerance({ rel: 1e-12, abs: 1e-11 });

interface FiniteCase {
  name: string;
  mu: number[];
  tau: number;
  U: number[];
  U12: number[];
  U21: number[];
  w1: number[];
  w2: number[];
  rho1: number[];
  rho2: number[];
  f: number[];
  set: number[];
  integral: number;
  kl12: number;
  kl21: number;
  dHalf: number;
  dSum: number;
  H1: number;
  H2: number;
  F1: number;
  F12: number;
  F21: number;
  logZ: number;
  gibbs: number[];
  klToGibbs: number;
  G: number;
  g1: number[];
  g2: number[];
  spreadG2: number;
  mass1: number;
}
interface PotentialCase {
  name: string;
  pi: number[][];
  s: number[][];
  U12: number[];
  U21: number[];
}
interface CircleCase {
  p: TrigDensity;
  q: TrigDensity;
  M: number;
  grid: number[];
  gridQ: number[];
  smoothed: { eps: number; amplitudes: number[] }[];
  integral: number;
  integralPQ: number;
  crossLog: number;
}
interface VmfCase {
  name: string;
  z: number[];
  q: VmfComponent[];
  tau: number;
  log: number;
  grad: number[];
}
interface RateCase extends Omit<VmfCase, 'log' | 'grad'> {
  kappaPos: number;
  N: number;
  value: number;
  valueFirst: number;
  valueSecond: number;
  gradient: number;
}
interface PairLawCase {
  name: string;
  law: PairLaw;
  tau: number;
  cross: number;
  own: number;
}
const oracle = readOracle<FiniteCase>('geometry.json') as ReturnType<typeof readOracle<FiniteCase>> & {
  potentials: PotentialCase[];
  circle: CircleCase[];
  circleQuadrature: { p: TrigDensity; q: TrigDensity; M: number; crossLogExact: number };
  circleArbitrary: { f: number[]; g: number[]; integral: number; integralFG: number };
  vmf: VmfCase[];
  rate: RateCase[];
  pairLaws: PairLawCase[];
  symmetricRate: { tau: number; value: number }[];
};

/** The vector compared entry by entry under `t` (vectors of mixed scale, e.g. a Gibbs density at small τ). */
function expectVectorClose(actual: ArrayLike<number>, expected: readonly number[], t: typeof REL, what: string): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  expected.forEach((e, k) => expectClose(actual[k]!, e, t, `${what}[${k}]`));
}

/** fn() throws a CrlInputError whose message matches `message`. */
function expectInputError(fn: () => unknown, message: string | RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'throws').toBeInstanceOf(CrlInputError);
  const text = (caught as Error).message;
  if (typeof message === 'string') expect(text).toBe(message);
  else expect(text).toMatch(message);
}

describe('finite measure space vs mpmath oracle (P3, P8, P10)', () => {
  for (const c of oracle.cases) {
    it(`${c.name}: K=${c.mu.length} τ=${c.tau}`, () => {
      const { mu, tau, rho1, rho2 } = c;
      expectVectorClose(densityFrom(c.w1, mu), rho1, REL, 'densityFrom(w₁)');
      expectVectorClose(densityFrom(c.w2, mu), rho2, REL, 'densityFrom(w₂)');
      expectClose(integrate(c.f, mu), c.integral, REL, '∫f dμ');
      expectClose(integrate(rho1, mu), 1, REL, '∫ρ₁ dμ');
      expectClose(klDivergenceMu(rho1, rho2, mu), c.kl12, REL, 'KL(ρ₁‖ρ₂)');
      expectClose(klDivergenceMu(rho2, rho1, mu), c.kl21, REL, 'KL(ρ₂‖ρ₁)');
      expectClose(symmetricKlHalfMu(rho1, rho2, mu), c.dHalf, REL, 'D^Sym_half');
      expectClose(symmetricKlSumMu(rho1, rho2, mu), c.dSum, REL, 'D^Sym_sum');
      expectClose(entropyMu(rho1, mu), c.H1, REL, 'H(ρ₁)');
      expectClose(entropyMu(rho2, mu), c.H2, REL, 'H(ρ₂)');
      expectClose(freeEnergy(rho1, c.U, tau, mu), c.F1, REL, 'F_{τ,U}(ρ₁)');
      expectClose(freeEnergy(rho1, c.U12, tau, mu), c.F12, REL, 'F₁₂(ρ₁)');
      expectClose(freeEnergy(rho2, c.U21, tau, mu), c.F21, REL, 'F₂₁(ρ₂)');
      expectClose(logPartition(c.U, tau, mu), c.logZ, REL, 'log Z_τ');
      const star = gibbsDensity(c.U, tau, mu);
      expectVectorClose(star, c.gibbs, REL, 'ρ*');
      expectClose(klDivergenceMu(rho1, star, mu), c.klToGibbs, REL, 'KL(ρ₁‖ρ*)');
      expectClose(multimodalEnergy(rho1, rho2, c.U12, c.U21, tau, mu), c.G, REL, 'G(ρ₁,ρ₂)');
      const { g1, g2 } = firstVariations(rho1, rho2, c.U12, c.U21, tau);
      expectVectorClose(g1, c.g1, REL, 'g₁');
      expectVectorClose(g2, c.g2, REL, 'g₂');
      expectClose(spread(g2), c.spreadG2, REL, 'spread(g₂)');
      expectClose(
        massOf(rho1, mu, (k) => c.set.includes(k)),
        c.mass1,
        REL,
        `ρ₁(${JSON.stringify(c.set)})`,
      );
    });

    it(`${c.name}: F(ρ) + log Z = KL_μ(ρ‖ρ*), F(ρ*) = −log Z, G = ½[F₁₂ + F₂₁] − D^Sym_half`, () => {
      const { mu, tau, rho1, rho2 } = c;
      const logZ = logPartition(c.U, tau, mu),
        star = gibbsDensity(c.U, tau, mu);
      requireDensity(star, mu, 'ρ*');
      for (const rho of [rho1, rho2]) {
        expectClose(freeEnergy(rho, c.U, tau, mu) + logZ, klDivergenceMu(rho, star, mu), REL, 'F + log Z vs KL');
      }
      expectClose(freeEnergy(star, c.U, tau, mu), -logZ, REL, 'F(ρ*)');
      const half = 0.5 * (freeEnergy(rho1, c.U12, tau, mu) + freeEnergy(rho2, c.U21, tau, mu));
      const G = multimodalEnergy(rho1, rho2, c.U12, c.U21, tau, mu);
      expectClose(G, half - symmetricKlHalfMu(rho1, rho2, mu), REL, 'G decomposition');
      expectClose(symmetricKlSumMu(rho1, rho2, mu), 2 * symmetricKlHalfMu(rho1, rho2, mu), REL, 'sum = 2·half');
      const energy = integrate(
        c.U.map((u, k) => u * rho1[k]!),
        mu,
      );
      expectClose(freeEnergy(rho1, c.U, tau, mu), energy / tau - entropyMu(rho1, mu), REL, 'F = (1/τ)∫Uρ − H');
    });
  }

  it('equal densities: no divergence, and G is the mean of the directional free energies', () => {
    const c = oracle.cases.find((x) => x.name.includes('equal densities'))!;
    expect(c.rho1).toEqual(c.rho2);
    expect(klDivergenceMu(c.rho1, c.rho2, c.mu)).toBe(0);
    expect(symmetricKlHalfMu(c.rho1, c.rho2, c.mu)).toBe(0);
    expect(symmetricKlSumMu(c.rho1, c.rho2, c.mu)).toBe(0);
    const mean = 0.5 * (freeEnergy(c.rho1, c.U12, c.tau, c.mu) + freeEnergy(c.rho2, c.U21, c.tau, c.mu));
    expectClose(multimodalEnergy(c.rho1, c.rho2, c.U12, c.U21, c.tau, c.mu), mean, REL, 'G at ρ₁ = ρ₂');
  });

  it('a single atom: ρ = 1/μ, ρ* = ρ, F = −log Z, every variation and spread is trivial', () => {
    const c = oracle.cases.find((x) => x.mu.length === 1)!;
    expectVectorClose(gibbsDensity(c.U, c.tau, c.mu), [1 / c.mu[0]!], REL, 'ρ* on one atom');
    expectClose(klDivergenceMu(c.rho1, gibbsDensity(c.U, c.tau, c.mu), c.mu), 0, REL, 'KL(ρ‖ρ*)');
    expect(spread(firstVariations(c.rho1, c.rho2, c.U12, c.U21, c.tau).g1)).toBe(0);
  });

  it('spread is max − min; massOf sums ρμ over the chosen atoms only', () => {
    expect(spread([0.5, 2, 1])).toBe(1.5);
    expect(spread([-3, 4, -7, 2])).toBe(11);
    expect(spread([5])).toBe(0);
    const mu = [0.5, 1.5, 2],
      rho = [0.4, 0.2, 0.25];
    expect(massOf(rho, mu, () => false)).toBe(0);
    expectClose(
      massOf(rho, mu, () => true),
      1,
      REL,
      'total mass',
    );
    expectClose(
      massOf(rho, mu, (k) => k === 2),
      0.5,
      REL,
      'ρ({2})',
    );
    expectClose(
      massOf(rho, mu, (k) => k < 2),
      0.5,
      REL,
      'ρ({0,1})',
    );
  });

  it('the Gibbs density concentrates on argmin U as τ → 0 and flattens to 1/μ(Z) as τ → ∞', () => {
    const mu = [0.3, 1.2, 0.5],
      U = [0.4, -0.2, 0.9];
    const cold = gibbsDensity(U, 1e-4, mu);
    expectClose(cold[1]! * mu[1]!, 1, REL, 'mass on argmin at τ = 1e-4');
    expect(cold[0]).toBe(0); // e^{−6000} underflows to 0, never NaN
    const hot = gibbsDensity(U, 1e9, mu);
    hot.forEach((r, k) => expectClose(r, 1 / 2, tolerance({ rel: 1e-8 }), `ρ*[${k}] at τ = 1e9`));
  });
});

describe('directional potentials vs mpmath oracle (P11)', () => {
  for (const c of oracle.potentials) {
    it(c.name, () => {
      const { U12, U21 } = directionalPotentials(c.pi, c.s);
      expectVectorClose(U12, c.U12, REL, 'U₁₂');
      expectVectorClose(U21, c.U21, REL, 'U₂₁');
      if (c.name.includes('exchangeable')) expectVectorClose(U12, U21, REL, 'U₁₂ = U₂₁ when π = πᵀ');
    });
  }
});

describe('trigonometric densities on S¹ vs mpmath oracle (P9)', () => {
  oracle.circle.forEach((c, i) => {
    it(`case ${i}: ${c.p.amplitudes.length} harmonics, M = ${c.M}`, () => {
      const rho = trigDensityOnGrid(c.p, c.M),
        sigma = trigDensityOnGrid(c.q, c.M);
      expectVectorClose(rho, c.grid, REL, 'ρ on the grid');
      expectVectorClose(sigma, c.gridQ, REL, 'σ on the grid');
      expectClose(circleIntegral(rho), c.integral, REL, '∫ρ dθ');
      expectClose(circleIntegral(rho), 1, REL, '∫ρ dθ = 1 (degree < M)');
      expectClose(circleIntegral(rho, sigma), c.integralPQ, REL, '∫ρσ dθ');
      expectClose(crossLog(rho, sigma), c.crossLog, REL, '∫ρ log σ dθ');
      for (const s of c.smoothed) {
        const out = vonMisesSmooth(c.p, s.eps);
        expectVectorClose(out.amplitudes, s.amplitudes, REL, `smoothed a_k at ε = ${s.eps}`);
        expect(out.phases).toEqual(c.p.phases);
        const smooth = trigDensityOnGrid(out, c.M);
        expectClose(circleIntegral(smooth), 1, REL, `∫ρ̃ dθ at ε = ${s.eps}`);
      }
    });
  });

  it('the rectangle rule of ∫ρ log σ at M = 256 agrees with quadrature', () => {
    const { p, q, M, crossLogExact } = oracle.circleQuadrature;
    expectClose(crossLog(trigDensityOnGrid(p, M), trigDensityOnGrid(q, M)), crossLogExact, REL, '∫ρ log σ');
  });

  it('circleIntegral of arbitrary grid values is (2π/M) Σ f g', () => {
    const { f, g, integral, integralFG } = oracle.circleArbitrary;
    expectClose(circleIntegral(f), integral, REL, '∫f');
    expectClose(circleIntegral(f, g), integralFG, REL, '∫fg');
    expectClose(circleIntegral(Float64Array.from(f), Float64Array.from(g)), integralFG, REL, '∫fg (typed arrays)');
  });

  it('the uniform density (no harmonics) is 1/2π everywhere and unchanged by smoothing', () => {
    const u: TrigDensity = { amplitudes: [], phases: [] };
    for (const v of trigDensityOnGrid(u, 6)) expectClose(v, 1 / (2 * Math.PI), REL, 'ρ ≡ 1/2π');
    expect(vonMisesSmooth(u, 0.5).amplitudes).toEqual([]);
  });
});

describe('vMF partition field vs mpmath oracle (P1, P2)', () => {
  for (const c of oracle.vmf) {
    it(c.name, () => {
      expectClose(logPartitionField(c.z, c.q, c.tau), c.log, VMF, 'log Γ(z)');
      const { log, grad } = partitionField(c.z, c.q, c.tau);
      expectClose(log, c.log, VMF, 'partitionField log Γ(z)');
      expectMatrixClose(grad, c.grad, 1e-13, '∇ log Γ(z)');
      expectMatrixClose(partitionField(Float64Array.from(c.z), c.q, c.tau).grad, c.grad, 1e-13, '∇ (typed z)');
    });
  }

  for (const c of oracle.rate) {
    it(`rate constants: ${c.name}`, () => {
      const r = unimodalRateConstants(c.z, c.q, c.kappaPos, c.tau, c.N);
      expectClose(r.value, c.value, VMF, 'C_value');
      expectClose(r.gradient, c.gradient, VMF, 'C_grad');
      expect(c.value).toBe(Math.max(c.valueFirst, c.valueSecond));
    });
  }
});

describe('symmetric large-batch limit vs mpmath oracle (P13)', () => {
  for (const c of oracle.pairLaws) {
    it(c.name, () => {
      const abs = tolerance({ rel: 1e-13, abs: 1e-14 });
      expectClose(symmetricLargeBatchLimit(c.law, c.tau), c.cross, abs, 'J^Sym_∞ (cross marginals)');
      expectClose(symmetricLargeBatchLimit(c.law, c.tau, false), c.cross, abs, 'J^Sym_∞ (ownMarginal = false)');
      expectClose(symmetricLargeBatchLimit(c.law, c.tau, true), c.own, abs, 'planted own-marginal variant');
    });
  }

  it('the rate constant is max(e^{2/τ}, 2 log 2 + e^{4/τ})', () => {
    for (const c of oracle.symmetricRate) expectClose(symmetricRateConstant(c.tau), c.value, REL, `C_sym(${c.tau})`);
  });
});

describe('input checks: one CrlInputError with its message each', () => {
  const mu = [0.5, 1.25, 2];
  const rho = densityFrom([3, 1, 2], mu);

  it('requireMeasure: a non-empty array of finite positive weights (K = 1 allowed)', () => {
    expect(() => requireMeasure([3])).not.toThrow();
    expectInputError(() => requireMeasure([]), 'finite space: μ must be a non-empty array');
    expectInputError(
      () => requireMeasure(Float64Array.of(1, 2) as unknown as number[]),
      'finite space: μ must be a non-empty array',
    );
    expectInputError(() => requireMeasure([1, 0, 2]), 'finite space: μ[1] = 0 must be finite and > 0');
    expectInputError(() => requireMeasure([1, 2, -0.5]), 'finite space: μ[2] = -0.5 must be finite and > 0');
    expectInputError(() => requireMeasure([Infinity]), 'finite space: μ[0] = Infinity must be finite and > 0');
    expectInputError(() => requireMeasure([1, NaN]), 'finite space: μ[1] = NaN must be finite and > 0');
  });

  it('requireDensity: same length as μ, positive finite entries, Σρμ = 1 to 1e-9', () => {
    expect(() => requireDensity(rho, mu)).not.toThrow();
    expectInputError(() => requireDensity(rho, [1, 0]), 'finite space: μ[1] = 0 must be finite and > 0');
    expectInputError(() => requireDensity([1, 1], mu), 'ρ has 2 atoms, μ has 3');
    expectInputError(() => requireDensity([1, 1, 1, 1], mu, 'σ'), 'σ has 4 atoms, μ has 3');
    expectInputError(() => requireDensity([2, 0, 0], mu), 'ρ[1] = 0 must be finite and > 0');
    expectInputError(() => requireDensity([-1, 1.2, 0.5], mu), 'ρ[0] = -1 must be finite and > 0');
    expectInputError(() => requireDensity([0.4, Infinity, 0.2], mu), 'ρ[1] = Infinity must be finite and > 0');
    expectInputError(() => requireDensity([0.4, 0.2, NaN], mu, 'ρ₂'), 'ρ₂[2] = NaN must be finite and > 0');
    // one atom of weight 1: the mass is ρ itself; 5e-10 off passes, 2e-9 off fails on either side
    expect(() => requireDensity([1 + 5e-10], [1])).not.toThrow();
    expect(() => requireDensity([1 - 5e-10], [1])).not.toThrow();
    expectInputError(() => requireDensity([1 + 2e-9], [1]), /^ρ has mass Σρμ = 1\.000000002\d*, not 1$/);
    expectInputError(() => requireDensity([1 - 2e-9], [1]), /^ρ has mass Σρμ = 0\.999999998\d*, not 1$/);
    expectInputError(() => requireDensity([0.5, 0.5, 0.5], mu), /^ρ has mass Σρμ = 1\.875, not 1$/);
    expectInputError(() => requireDensity([0.1, 0.1, 0.1], mu, 'ρ₁'), /^ρ₁ has mass Σρμ = 0\.375\d*, not 1$/);
  });

  it('densityFrom: the weights need positive finite mass', () => {
    expectVectorClose(densityFrom([1, 1, 1], mu), [1 / 3.75, 1 / 3.75, 1 / 3.75], REL, 'uniform weights');
    for (const w of [
      [0, 0, 0],
      [-1, 0, 0],
      [1, Infinity, 1],
      [1, NaN, 1],
    ]) {
      expectInputError(() => densityFrom(w, mu), 'densityFrom: weights need positive finite mass');
    }
  });

  it('freeEnergy, logPartition, gibbsDensity, multimodalEnergy: density, τ and U checks', () => {
    const U = [0.3, -1.1, 0.8];
    expectInputError(() => freeEnergy([1, 1, 1], U, 1, mu), /^ρ has mass/);
    expectInputError(() => freeEnergy(rho, U, 1, [1, 2]), 'ρ has 3 atoms, μ has 2');
    for (const tau of [0, -1, NaN, Infinity]) {
      const msg = `tau must be a finite number > 0, got ${tau}`;
      expectInputError(() => freeEnergy(rho, U, tau, mu), msg);
      expectInputError(() => logPartition(U, tau, mu), msg);
      expectInputError(() => gibbsDensity(U, tau, mu), msg);
      expectInputError(() => multimodalEnergy(rho, rho, U, U, tau, mu), msg);
      expectInputError(() => symmetricLargeBatchLimit(oracle.pairLaws[2]!.law, tau), msg);
      expectInputError(() => logPartitionField([0, 1], [{ mean: [1, 0], kappa: 1 }], tau), msg);
      expectInputError(() => partitionField([0, 1], [{ mean: [1, 0], kappa: 1 }], tau), msg);
      expectInputError(() => logPartitionField([0, 1], [], tau), msg); // τ is checked before the components
    }
    expectInputError(() => freeEnergy(rho, [1, 2], 1, mu), 'U has 2 atoms, μ has 3');
    expectInputError(() => freeEnergy(rho, [1, 2, 3, 4], 1, mu), 'U has 4 atoms, μ has 3');
    expectInputError(() => logPartition(U, 1, [1, -1, 1]), 'finite space: μ[1] = -1 must be finite and > 0');
    expectInputError(() => gibbsDensity(U, 1, []), 'finite space: μ must be a non-empty array');
    expectInputError(() => multimodalEnergy([1, 1, 1], rho, U, U, 1, mu), /^ρ₁ has mass/);
    expectInputError(() => multimodalEnergy(rho, [1, 1, 1], U, U, 1, mu), /^ρ₂ has mass/);
    expectInputError(() => multimodalEnergy(rho, [1, 1], U, U, 1, mu), 'ρ₂ has 2 atoms, μ has 3');
  });

  it('requireTrigDensity and vonMisesSmooth: one phase per amplitude, Σ|a_k| < 1, ε > 0', () => {
    expect(() => requireTrigDensity({ amplitudes: [0.5, -0.49], phases: [0, 1] })).not.toThrow();
    expectInputError(
      () => requireTrigDensity({ amplitudes: [0.5, 0.2], phases: [0] }),
      'trigonometric density: one phase per amplitude',
    );
    expectInputError(
      () => requireTrigDensity({ amplitudes: [0.5, 0.5], phases: [0, 0] }),
      'trigonometric density: Σ|a_k| = 1 must be < 1 for a positive density',
    );
    expectInputError(
      () => requireTrigDensity({ amplitudes: [0.6, -0.6], phases: [0, 2] }),
      'trigonometric density: Σ|a_k| = 1.2 must be < 1 for a positive density',
    );
    expectInputError(
      () => vonMisesSmooth({ amplitudes: [-1.5], phases: [0] }, 1),
      'trigonometric density: Σ|a_k| = 1.5 must be < 1 for a positive density',
    );
    const p = { amplitudes: [0.5], phases: [0] };
    for (const eps of [0, -0.5, Infinity, NaN]) {
      expectInputError(() => vonMisesSmooth(p, eps), `vonMisesSmooth: ε must be > 0, got ${eps}`);
    }
  });

  it('symmetricLargeBatchLimit: π needs positive mass; unimodalDraw: N an integer >= 1', () => {
    const law: PairLaw = {
      a: [[1], [-1]],
      b: [[1], [-1]],
      pi: [
        [0, 0],
        [0, 0],
      ],
    };
    expectInputError(() => symmetricLargeBatchLimit(law, 1), 'pair law: π needs positive mass');
    const q = [{ mean: [0, 1], kappa: 1 }];
    for (const N of [0, -1, 2.5, NaN]) {
      expectInputError(() => unimodalDraw(new Rng(1), q, 2, 1, N, 2), `N must be an integer >= 1, got ${N}`);
    }
  });
});

/** ⟨a, b⟩ of two equal-length vectors. */
function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
}

/** Row i of a row-major Matrix. */
const row = (m: { cols: number; data: Float64Array }, i: number): Float64Array =>
  m.data.subarray(i * m.cols, (i + 1) * m.cols);

/** Sample mean and standard error of the mean. */
function meanSe(xs: readonly number[]): { mean: number; se: number } {
  const n = xs.length,
    mean = xs.reduce((a, b) => a + b, 0) / n;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(variance / n) };
}

describe('unimodalDraw (P1, P2): determinism, shapes, point-mass limit, sample means', () => {
  const q: VmfComponent[] = [
    { mean: [0, 0, 1], kappa: 2, weight: 1 },
    { mean: [Math.SQRT1_2, Math.SQRT1_2, 0], kappa: 5, weight: 2 },
  ];

  it('is a function of the seed, with anchors × d shapes and unit rows', () => {
    const a = unimodalDraw(new Rng(11), q, 8, 0.5, 16, 5),
      b = unimodalDraw(new Rng(11), q, 8, 0.5, 16, 5),
      c = unimodalDraw(new Rng(12), q, 8, 0.5, 16, 5);
    expect(b).toEqual(a);
    expect(Array.from(c.valueError)).not.toEqual(Array.from(a.valueError));
    expect(a.valueError.length).toBe(5);
    for (const m of [a.gradError, a.anchors, a.positives]) {
      expect([m.rows, m.cols, m.data.length]).toEqual([5, 3, 15]);
    }
    for (let i = 0; i < 5; i++) {
      expectClose(Math.hypot(...row(a.anchors, i)), 1, REL, `‖z_${i}‖`);
      expectClose(Math.hypot(...row(a.positives, i)), 1, REL, `‖z⁺_${i}‖`);
    }
    for (const v of [...a.valueError, ...a.gradError.data]) expect(Number.isFinite(v)).toBe(true);
  });

  it('N = 1, q and the positives at one point: e_N = log 2 and g_N = g_∞ (docs/claims.md P1 FALSE-a)', () => {
    // vMF(m, 1e10) puts z, w and z⁺ within ~1e-5 of m: ℓ_1 + s⁺/τ − log Γ = log(2e^{1/τ}) − 1/τ up to ~1e-5/τ
    const point = [{ mean: [0.6, 0, 0.8], kappa: 1e10 }];
    const r = unimodalDraw(new Rng(3), point, 1e10, 0.25, 1, 4);
    for (const e of r.valueError) expectClose(e, Math.LN2, tolerance({ abs: 1e-3 }), 'e_1');
    for (const g of r.gradError.data) expectClose(g, 0, tolerance({ abs: 1e-3 }), 'g_1 − g_∞');
  });

  // Two near-point masses m₁, m₂ (κ = 1e10): the shared pool is n₁ copies of m₁ and N − n₁ of m₂ up to ~1e-5, so
  //   e_N = log(e^{s⁺/τ} + n₁e^{⟨z,m₁⟩/τ} + n₂e^{⟨z,m₂⟩/τ}) − log N − log(p₁e^{⟨z,m₁⟩/τ} + p₂e^{⟨z,m₂⟩/τ})
  //   g_N − g_∞ = (e^{s⁺/τ}z⁺ + n₁e^{⟨z,m₁⟩/τ}m₁ + n₂e^{⟨z,m₂⟩/τ}m₂)/(τS) − Σ_k p_k e^{⟨z,m_k⟩/τ}m_k/(τΓ)
  // for one n₁ shared by all anchors, with s⁺ = ⟨z, z⁺⟩ from the returned anchors and positives (κ₊ = 3).
  // Tolerance 1e-3: the draws sit ‖w − m‖ ≈ √(2/κ) = 1.4e-5 from the means, times 1/τ = 2: measured <= 3.0e-5 over
  // 200 seeds, while the nearest wrong n₁ is off by >= 0.15.
  const m1 = [1, 0, 0],
    m2 = [0.6, 0.8, 0],
    tau = 0.5,
    N = 5,
    B = 8;
  const points: VmfComponent[] = [
    { mean: m1, kappa: 1e10, weight: 1 },
    { mean: m2, kappa: 1e10, weight: 3 },
  ];
  /** The largest deviation of one draw from the closed form with n₁ draws of m₁ in the pool. */
  function deviation(r: ReturnType<typeof unimodalDraw>, n1: number): number {
    let err = 0;
    for (let i = 0; i < B; i++) {
      const z = row(r.anchors, i),
        zp = row(r.positives, i);
      const e1 = Math.exp(dot(z, m1) / tau),
        e2 = Math.exp(dot(z, m2) / tau),
        ep = Math.exp(dot(z, zp) / tau);
      const S = ep + n1 * e1 + (N - n1) * e2,
        gamma = 0.25 * e1 + 0.75 * e2;
      err = Math.max(err, Math.abs(Math.log(S) - Math.log(N) - Math.log(gamma) - r.valueError[i]!));
      for (let k = 0; k < 3; k++) {
        const gN = (ep * zp[k]! + n1 * e1 * m1[k]! + (N - n1) * e2 * m2[k]!) / (tau * S);
        const gInf = (0.25 * e1 * m1[k]! + 0.75 * e2 * m2[k]!) / (tau * gamma);
        err = Math.max(err, Math.abs(gN - gInf - r.gradError.data[i * 3 + k]!));
      }
    }
    return err;
  }

  it('q of two near-point masses: every anchor matches the closed form of one shared pool', () => {
    const seeds = 200;
    let pooled = 0,
      fromFirst = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const r = unimodalDraw(new Rng(seedFrom(seed, 2)), points, 3, tau, N, B);
      const devs = Array.from({ length: N + 1 }, (_, n1) => deviation(r, n1));
      const best = devs.indexOf(Math.min(...devs));
      expect(devs[best], `seed ${seed}: no pool composition fits`).toBeLessThan(1e-3);
      pooled += best;
      for (let i = 0; i < B; i++) if (dot(row(r.anchors, i), m1) > 0.99) fromFirst++;
    }
    // n₁ ~ Binomial(N, ¼), anchors ~ component 1 with probability ¼: 4 standard errors of the mean
    const seNeg = Math.sqrt((0.25 * 0.75) / (N * seeds)),
      seAnchor = Math.sqrt((0.25 * 0.75) / (B * seeds));
    expectClose(pooled / (N * seeds), 0.25, tolerance({ abs: 4 * seNeg }), 'share of negatives from m₁');
    expectClose(fromFirst / (B * seeds), 0.25, tolerance({ abs: 4 * seAnchor }), 'share of anchors from m₁');
  });

  it('sample means: E e_N within C_value/N, E‖g_N − g_∞‖ within C_grad/√N, E⟨z, z⁺⟩ = A₃(κ₊)', () => {
    // 20 independent draws of 16 anchors at N = 1024, τ = 1. The bounds N|E[e_N|z]| <= C_value(z) and
    // √N E[‖g_N − g_∞‖ | z] <= C_grad(z) are the rigorous ones of docs/claims.md P1, P2, averaged over the anchors;
    // the noise allowance is 4 standard errors of the 20 draw means (draws are independent, anchors of one draw share
    // the pool). Seeds go through seedFrom: consecutive small seeds give correlated first uniforms.
    const kappaPos = 8,
      t = 1,
      n = 1024,
      anchors = 16,
      draws = 20;
    const valueMeans: number[] = [],
      gradMeans: number[] = [],
      cosines: number[] = [];
    let cValue = 0,
      cGrad = 0;
    for (let seed = 1; seed <= draws; seed++) {
      const r = unimodalDraw(new Rng(seedFrom(seed, 1)), q, kappaPos, t, n, anchors);
      let v = 0,
        g = 0;
      for (let i = 0; i < anchors; i++) {
        v += r.valueError[i]! / anchors;
        g += Math.hypot(...row(r.gradError, i)) / anchors;
        cosines.push(dot(row(r.anchors, i), row(r.positives, i)));
        const c = unimodalRateConstants(row(r.anchors, i), q, kappaPos, t, n);
        cValue += c.value / n / (draws * anchors);
        cGrad += c.gradient / Math.sqrt(n) / (draws * anchors);
      }
      valueMeans.push(v);
      gradMeans.push(g);
    }
    const e = meanSe(valueMeans),
      g = meanSe(gradMeans);
    expect(cValue, 'C_value/N').toBeLessThan(0.05);
    expect(Math.abs(e.mean), `E e_N = ${e.mean} ± ${e.se}`).toBeLessThanOrEqual(cValue + 4 * e.se);
    expect(g.mean, `E‖g_N − g_∞‖ = ${g.mean} ± ${g.se}`).toBeLessThanOrEqual(cGrad + 4 * g.se);
    expect(g.mean, 'the gradient error is not zero').toBeGreaterThan(0);
    const cos = meanSe(cosines),
      a3 = 1 / Math.tanh(kappaPos) - 1 / kappaPos; // A₃(κ) = coth κ − 1/κ (docs/claims.md P0)
    expectClose(cos.mean, a3, tolerance({ abs: 4 * cos.se }), 'E⟨z, z⁺⟩');
  });
});

/** A random source that returns one fixed uniform (to test how a sampler maps u to an outcome). */
class FixedRng extends Rng {
  constructor(private readonly u: number) {
    super(0);
  }
  override uniform(): number {
    return this.u;
  }
}

describe('samplePairs (P13): determinism, shapes, cell frequencies', () => {
  // 2×3 law with total mass 3.7 (not normalized) and two empty cells; the atoms are distinct so a row names its atom
  const law: PairLaw = {
    a: [
      [1, 0],
      [0, 1],
    ],
    b: [
      [0.6, 0.8],
      [-1, 0],
      [0, -1],
    ],
    pi: [
      [1.2, 0, 0.5],
      [0.7, 1.3, 0],
    ],
  };
  const cellOf = (x: Float64Array, y: Float64Array): [number, number] => [
    law.a.findIndex((a) => a[0] === x[0] && a[1] === x[1]),
    law.b.findIndex((b) => b[0] === y[0] && b[1] === y[1]),
  ];

  it('is a function of the seed and returns two B×d matrices of atoms', () => {
    const s = samplePairs(new Rng(5), law, 7);
    expect(samplePairs(new Rng(5), law, 7)).toEqual(s);
    expect(samplePairs(new Rng(6), law, 7)).not.toEqual(s);
    for (const m of [s.X, s.Y]) expect([m.rows, m.cols, m.data.length]).toEqual([7, 2, 14]);
    const empty = samplePairs(new Rng(5), law, 0);
    expect([empty.X.rows, empty.X.data.length, empty.Y.data.length]).toEqual([0, 0, 0]);
  });

  it('draws cell (i, j) with probability π_ij / Σπ and never an empty cell', () => {
    // 20,000 draws: each frequency within 4 binomial standard errors √(p(1 − p)/B) of π_ij / 3.7
    const B = 20000,
      { X, Y } = samplePairs(new Rng(seedFrom(2026)), law, B);
    const counts = law.pi.map((r) => r.map(() => 0));
    for (let n = 0; n < B; n++) {
      const [i, j] = cellOf(row(X, n), row(Y, n));
      expect(i >= 0 && j >= 0, `row ${n} is not a pair of atoms`).toBe(true);
      counts[i]![j]!++;
    }
    law.pi.forEach((r, i) =>
      r.forEach((w, j) => {
        const p = w / 3.7;
        if (p === 0) expect(counts[i]![j], `empty cell (${i}, ${j})`).toBe(0);
        else expectClose(counts[i]![j]! / B, p, tolerance({ abs: 4 * Math.sqrt((p * (1 - p)) / B) }), `π(${i},${j})`);
      }),
    );
  });

  it('maps a uniform u to the cell whose interval [Σ_{<c} π, Σ_{<=c} π) holds u·Σπ (inverse CDF)', () => {
    // u = 0 is the first cell; u·Σπ on a boundary belongs to the next cell; the largest uniform 1 − 2⁻⁵³ is the
    // last positive cell although the running subtraction (1.2, 0.5, 0.7 from 3.7·u) rounds past the last weight
    // 1.3, and never the empty cell (1, 2) stored after it
    const dyadic: PairLaw = {
      a: law.a,
      b: law.b,
      pi: [
        [1, 0, 3],
        [0, 0, 0],
      ],
    };
    const pick = (l: PairLaw, u: number): [number, number] => {
      const { X, Y } = samplePairs(new FixedRng(u), l, 1);
      return cellOf(row(X, 0), row(Y, 0));
    };
    expect(pick(dyadic, 0)).toEqual([0, 0]);
    expect(pick(dyadic, 0.25 - 2 ** -53)).toEqual([0, 0]);
    expect(pick(dyadic, 0.25)).toEqual([0, 2]);
    expect(pick(law, 0)).toEqual([0, 0]);
    expect(pick(law, 1 - 2 ** -53)).toEqual([1, 1]);
  });

  it('a single positive cell gives that pair in every row', () => {
    const one: PairLaw = {
      a: law.a,
      b: law.b,
      pi: [
        [0, 0, 0],
        [0, 2, 0],
      ],
    };
    const { X, Y } = samplePairs(new Rng(9), one, 50);
    for (let n = 0; n < 50; n++) expect(cellOf(row(X, n), row(Y, n))).toEqual([1, 1]);
  });
});
