/*
 * Paper 2, large-batch consistency (docs/claims.md P1, P2, P13): finite-batch InfoNCE minus log N tracks
 * the deterministic energy J_∞ in value and gradient [P]. Rate forms [R✓] with rigorous constants valid for every N
 * (src/theory/geometry/largeBatch.ts states them): N·|bias| <= C_value, √N·E‖g_N − g_∞‖ <= C_grad, and
 * B·|E L_CLIP(B) − log B − J^Sym_∞| <= C_sym. Monte Carlo inside a check is seeded from the instance; every scaled
 * error is reduced by 4 standard errors before the comparison, so noise cannot fake a violation.
 * Expected: the rates hold; "no finite-N bias", "O(1/N) gradient error" and the "own-marginal" limit are refuted.
 */
import fc from 'fast-check';
import { defineConjecture, rateWithin, showNumber, type Verdict } from '../../src/conjecture/index.js';
import { Rng, seedFrom } from '../../src/numeric/index.js';
import type { VmfComponent } from '../../src/sphere/index.js';
import {
  type PairLaw,
  samplePairs,
  symmetricLargeBatchLimit,
  symmetricRateConstant,
  unimodalDraw,
  unimodalRateConstants,
} from '../../src/theory/geometry/index.js';
import { clipLoss } from '../../src/losses/index.js';
import { cai2026, INEQUALITY } from './common.js';

interface Unimodal {
  readonly d: number;
  readonly q: VmfComponent[];
  readonly kappaPos: number;
  readonly tau: number;
  readonly seed: number;
}
const unit = (v: number[]): number[] => {
  const n = Math.hypot(...v);
  return n === 0 ? v.map((_, k) => (k === 0 ? 1 : 0)) : v.map((x) => x / n);
};
const unimodal = fc
  .record({
    d: fc.constantFrom(3, 2),
    k: fc.integer({ min: 1, max: 3 }),
    means: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 9, maxLength: 9 }),
    kappas: fc.array(fc.constantFrom(4, 1, 16, 0), { minLength: 3, maxLength: 3 }),
    weights: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
    kappaPos: fc.constantFrom(16, 4, 64),
    tau: fc.constantFrom(1, 2, 0.5),
    seed: fc.integer({ min: 0, max: 1000 }),
  })
  .map(
    ({ d, k, means, kappas, weights, kappaPos, tau, seed }): Unimodal => ({
      d,
      kappaPos,
      tau,
      seed,
      q: Array.from({ length: k }, (_, c) => ({
        mean: unit(means.slice(3 * c, 3 * c + d)),
        kappa: kappas[c]!,
        weight: weights[c]!,
      })),
    }),
  );
const showUnimodal = (u: Unimodal): string =>
  `d = ${u.d}, τ = ${u.tau}, κ₊ = ${u.kappaPos}, q = ${u.q.map((c) => `${c.weight}·vMF([${Array.from(c.mean, showNumber).join(', ')}], ${c.kappa})`).join(' + ')}, seed ${u.seed}`;

const REPS = 48,
  ANCHORS = 8;
/** Per N: replication means of e_N and of ‖g_N − g_∞‖, and the mean rate constants over the anchors. */
function measure(u: Unimodal, N: number) {
  const rng = new Rng(
    seedFrom(u.seed, N, u.tau, u.kappaPos, ...u.q.flatMap((c) => [...Array.from(c.mean), c.kappa, c.weight ?? 1])),
  );
  const val: number[] = [],
    grad: number[] = [];
  let cValue = 0,
    cGrad = 0;
  const gradSum = new Float64Array(u.d);
  for (let r = 0; r < REPS; r++) {
    const draw = unimodalDraw(rng, u.q, u.kappaPos, u.tau, N, ANCHORS);
    let v = 0,
      g = 0;
    for (let i = 0; i < ANCHORS; i++) {
      v += draw.valueError[i]!;
      const row = draw.gradError.data.subarray(i * u.d, (i + 1) * u.d);
      g += Math.hypot(...row);
      row.forEach((x, k) => {
        gradSum[k]! += x;
      });
      const c = unimodalRateConstants(draw.anchors.data.subarray(i * u.d, (i + 1) * u.d), u.q, u.kappaPos, u.tau, N);
      cValue += c.value;
      cGrad += c.gradient;
    }
    val.push(v / ANCHORS);
    grad.push(g / ANCHORS);
  }
  const stats = (xs: number[]) => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
    return { mean: m, se: sd / Math.sqrt(xs.length) };
  };
  return {
    value: stats(val),
    gradNorm: stats(grad),
    cValue: cValue / (REPS * ANCHORS),
    cGrad: cGrad / (REPS * ANCHORS),
  };
}

/** Scaled errors net of 4 standard errors on a grid, against a constant. */
function rate(
  u: Unimodal,
  grid: number[],
  pick: (m: ReturnType<typeof measure>, N: number) => { scaled: number; constant: number },
): Verdict {
  const points = grid.map((N) => ({ N, ...pick(measure(u, N), N) }));
  const constant = Math.min(...points.map((p) => p.constant));
  return rateWithin(
    points.map((p) => ({ n: p.N, scaled: p.scaled })),
    constant,
    INEQUALITY,
  );
}

interface Symmetric {
  readonly law: PairLaw;
  readonly tau: number;
  readonly seed: number;
}
const symmetric = fc
  .record({
    K: fc.integer({ min: 1, max: 3 }),
    d: fc.constantFrom(1, 2, 3),
    a: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 9, maxLength: 9 }),
    b: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 9, maxLength: 9 }),
    pi: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 9, maxLength: 9 }),
    tau: fc.constantFrom(1, 2),
    seed: fc.integer({ min: 0, max: 1000 }),
  })
  .map(
    ({ K, d, a, b, pi, tau, seed }): Symmetric => ({
      tau,
      seed,
      law: {
        a: Array.from({ length: K }, (_, i) => unit(a.slice(3 * i, 3 * i + d))),
        b: Array.from({ length: K }, (_, i) => unit(b.slice(3 * i, 3 * i + d))),
        pi: Array.from({ length: K }, (_, i) =>
          Array.from({ length: K }, (_, j) => pi[3 * i + j]! + (i === j ? 1 : 0)),
        ),
      },
    }),
  );
const showSymmetric = ({ law, tau, seed }: Symmetric): string =>
  `τ = ${tau}, a = ${JSON.stringify(law.a)}, b = ${JSON.stringify(law.b)}, π ∝ ${JSON.stringify(law.pi)}, seed ${seed}`;
const B_GRID = [2, 8, 32, 128];
/** B·(|mean(L_CLIP(B) − log B) − J| − 4 SE) on the grid, against the rigorous constant. */
function symmetricRate(s: Symmetric, ownMarginal: boolean): Verdict {
  const J = symmetricLargeBatchLimit(s.law, s.tau, ownMarginal);
  const table = B_GRID.map((B) => {
    const rng = new Rng(seedFrom(s.seed, B, s.tau, ...s.law.pi.flat(), ...s.law.a.flat(), ...s.law.b.flat()));
    const reps = Math.max(16, Math.round(2048 / B)),
      xs: number[] = [];
    for (let r = 0; r < reps; r++) {
      const { X, Y } = samplePairs(rng, s.law, B);
      xs.push(clipLoss(X, Y, s.tau) - Math.log(B));
    }
    const m = xs.reduce((a, b) => a + b, 0) / reps,
      sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (reps - 1));
    return { n: B, scaled: B * Math.max(0, Math.abs(m - J) - (4 * sd) / Math.sqrt(reps)) };
  });
  return rateWithin(table, symmetricRateConstant(s.tau), INEQUALITY);
}

const common = { kind: 'rate', runs: 4, tolerance: INEQUALITY } as const;
export default [
  defineConjecture<Unimodal>({
    ...common,
    id: 'paper2.large-batch.value-rate',
    title:
      'Value consistency: N·|E ℓ_N − log N − J_∞| <= C_value = E_z max(E[e^{s⁺/τ}|z]/Γ(z), Γ_{τ/2}(z)e^{2/τ}/2), N ∈ {4, 16, 64, 256}',
    source: cai2026('P1', 'paper-claim'),
    expect: 'holds',
    given: unimodal,
    show: showUnimodal,
    bound: 'C_value / N',
    check: (u) =>
      rate(u, [4, 16, 64, 256], (m, N) => ({
        scaled: N * Math.max(0, Math.abs(m.value.mean) - 4 * m.value.se),
        constant: m.cValue,
      })),
  }),
  defineConjecture<Unimodal>({
    ...common,
    id: 'paper2.large-batch.value-unbiased',
    title: 'Planted false (P1a): no finite-N bias, E ℓ_N − log N = J_∞ for every N (checked on N ∈ {1, 2, 4, 8})',
    source: cai2026('P1 (FALSE-a)'),
    expect: 'refuted',
    given: unimodal,
    show: showUnimodal,
    expectedCounterexample:
      'any instance: at N = 1 the bias is of order log 2 (q = δ_a, z = z⁺ = a gives exactly log 2)',
    check: (u) =>
      rate(u, [1, 2, 4, 8], (m, N) => ({
        scaled: N * Math.max(0, Math.abs(m.value.mean) - 4 * m.value.se),
        constant: 0,
      })),
  }),
  defineConjecture<Unimodal>({
    ...common,
    id: 'paper2.large-batch.gradient-rate',
    title:
      'Gradient consistency: √N·E‖g_N − g_∞‖ <= C_grad = E_z (2/(τa))(√Γ_{τ/2}(z) + e^{1/τ}/√N), a = e^{−1/τ}, N ∈ {4, 16, 64, 256}',
    source: cai2026('P2', 'paper-claim'),
    expect: 'holds',
    given: unimodal,
    show: showUnimodal,
    bound: 'C_grad / sqrt(N)',
    check: (u) =>
      rate(u, [4, 16, 64, 256], (m, N) => ({
        scaled: Math.sqrt(N) * Math.max(0, m.gradNorm.mean - 4 * m.gradNorm.se),
        constant: m.cGrad,
      })),
  }),
  defineConjecture<Unimodal>({
    ...common,
    id: 'paper2.large-batch.gradient-rate-one-over-n',
    title:
      'Planted false: the gradient error is O(1/N) like the bias, N·E‖g_N − g_∞‖ <= C_grad, N ∈ {16, 64, 256, 1024}',
    source: cai2026('P2'),
    expect: 'refuted',
    given: unimodal,
    show: showUnimodal,
    expectedCounterexample: 'any instance at τ >= 1: E‖g_N − g_∞‖ ~ c/√N, so N·E‖·‖ grows like √N past the constant',
    check: (u) =>
      rate(u, [16, 64, 256, 1024], (m, N) => ({
        scaled: N * Math.max(0, m.gradNorm.mean - 4 * m.gradNorm.se),
        constant: m.cGrad,
      })),
  }),
  defineConjecture<Symmetric>({
    ...common,
    id: 'paper2.large-batch.symmetric-rate',
    title:
      'Symmetric multimodal consistency: B·|E L_CLIP(B) − log B − J^Sym_∞| <= max(e^{2/τ}, 2 log 2 + e^{4/τ}), B ∈ {2, 8, 32, 128}, J^Sym_∞ with cross-modal log-partitions',
    source: cai2026('P13', 'paper-claim'),
    expect: 'holds',
    given: symmetric,
    show: showSymmetric,
    bound: 'C_sym / B',
    check: (s) => symmetricRate(s, false),
  }),
  defineConjecture<Symmetric>({
    ...common,
    id: 'paper2.large-batch.symmetric-own-marginal',
    title: "Planted false (P13): the large-batch limit uses each modality's OWN marginal in its log-partition",
    source: cai2026('P13 (FALSE)'),
    expect: 'refuted',
    given: symmetric,
    show: showSymmetric,
    expectedCounterexample: 'S⁰: q₁ = δ₁ paired with q₂ = δ₋₁ (cross term −1/τ, own term +1/τ)',
    check: (s) => symmetricRate(s, true),
  }),
];
