/*
 * Paper 1, generalization in m and n (docs/claims.md C8, C10, C12). The paper's rates are
 * O(1/m + 1/√n) (supervised) and O(1/√m + 1/√n) (self-supervised) [P]; the constants are unknown, so these are
 * the reconstructed mechanisms [R][V]: fresh negatives give a Hoeffding deviation around L_m plus the O(1/m)
 * Jensen bias; one shared pool of negatives leaves an O(1/√m) error that more anchors cannot remove.
 * Statistical conjectures state δ (allowed failure rate) and α (test level); their draws are seeded from the instance.
 * Expected: holds conjectures hold; every planted twin is refuted.
 */
import fc from 'fast-check';
import { dyadic, rankingInstance } from '../../src/arbitraries/index.js';
import { approxEqual, defineConjecture, rateWithin, showNumber } from '../../src/conjecture/index.js';
import type { Rng } from '../../src/numeric/index.js';
import {
  closedFormOptimalNegatives,
  empiricalRisks,
  finiteMRisk,
  hoeffdingDeviation,
  jensenBiasBound,
  lossRange,
  type NegativeSampling,
  optimalNegatives,
  optimalScores,
  populationRisk,
  SELF_SUPERVISED_BOUND,
  sharedPoolRateConstant,
  sharedPoolRms,
  SUPERVISED_BOUND,
} from '../../src/theory/ranking/index.js';
import { IDENTITY, INEQUALITY, li2026, type RankingInstance, show } from './common.js';

const DELTA = 0.05,
  ALPHA = 1e-3,
  TRIALS = 100;

interface Sample {
  readonly r: RankingInstance;
  readonly n: number;
  readonly m: number;
}
const sample = (o: { n: number; m: readonly number[]; negatives?: 'per-anchor' | 'shared' }) =>
  fc.record({ r: rankingInstance({ negatives: o.negatives }), n: fc.constant(o.n), m: fc.constantFrom(...o.m) });
const showSample = ({ r, n, m }: Sample): string => `${show(r)}; n = ${n}, m = ${m}`;
/** The finite class F: the instance's table, the optimum s* and 2s (k = 3), fixed before the data are drawn. */
const tablesOf = (r: RankingInstance): number[][][] => [
  r.s.map((row) => [...row]),
  optimalScores(r.model, r.tau),
  r.s.map((row) => row.map((v) => 2 * v)),
];

/** One draw: sup_{s ∈ F} |L̂_{n,m}(s) − target(s)| <= slack(F) + range·√(log(2k/δ)/(2n)). */
function deviationTrial(sampling: NegativeSampling, target: 'L' | 'L_m', withBias: boolean) {
  return ({ r, n, m }: Sample, rng: Rng): boolean => {
    const F = tablesOf(r);
    const hat = empiricalRisks(r.model, F, r.tau, n, m, sampling, rng);
    let sup = 0,
      bias = 0;
    F.forEach((s, t) => {
      const ref = target === 'L' ? populationRisk(r.model, s, r.tau) : finiteMRisk(r.model, s, r.tau, m);
      sup = Math.max(sup, Math.abs(hat[t]! - ref));
      bias = Math.max(bias, jensenBiasBound(r.model, s, r.tau, m));
    });
    return sup <= (withBias ? bias : 0) + hoeffdingDeviation(lossRange(F), F.length, n, DELTA);
  };
}

const common = { kind: 'statistical', trials: TRIALS, delta: DELTA, alpha: ALPHA, runs: 8, show: showSample } as const;

export default [
  defineConjecture<Sample>({
    ...common,
    id: 'paper1.generalization.supervised-bound',
    title:
      'Supervised (fresh negatives): sup_F |L̂_{n,m} − L| <= B_m + range·√(log(2k/δ)/(2n)) with probability >= 1 − δ',
    source: li2026('C10', 'reconstructed'),
    expect: 'holds',
    given: sample({ n: 1000, m: [2, 4, 8] }),
    bound: 'B_m + range * sqrt(log(2 * k / delta) / (2 * n))',
    trial: deviationTrial('fresh', 'L', true),
  }),
  defineConjecture<Sample>({
    ...common,
    id: 'paper1.generalization.supervised-bound-without-bias',
    title: 'Planted false (C10 FALSE): sup_F |L̂_{n,m} − L| <= range·√(log(2k/δ)/(2n)), i.e. O(1/√n) alone, at m = 2',
    source: li2026('C10 (FALSE)'),
    expect: 'refuted',
    given: sample({ n: 2000, m: [2] }),
    expectedCounterexample: 'any instance whose m = 2 Jensen bias exceeds the Hoeffding term (known: bias ≈ 0.2)',
    bound: 'range * sqrt(log(2 * k / delta) / (2 * n))',
    trial: deviationTrial('fresh', 'L', false),
  }),
  defineConjecture<Sample>({
    ...common,
    id: 'paper1.generalization.fresh-negatives-concentrate',
    title:
      'Fresh negatives: sup_F |L̂_{n,m} − L_m| <= range·√(log(2k/δ)/(2n)) with probability >= 1 − δ (Hoeffding, no growth in m)',
    source: li2026('C8'),
    expect: 'holds',
    given: sample({ n: 1000, m: [2, 4, 8] }),
    trial: deviationTrial('fresh', 'L_m', false),
  }),
  defineConjecture<Sample>({
    ...common,
    id: 'paper1.generalization.shared-negatives-concentrate',
    title:
      'Planted false (C8 FALSE): one shared pool of m negatives also gives sup_F |L̂ − L_m| <= range·√(log(2k/δ)/(2n))',
    source: li2026('C8 (FALSE)'),
    expect: 'refuted',
    given: sample({ n: 2000, m: [2, 8], negatives: 'shared' }),
    expectedCounterexample: 'known: violated in 100/100 replications at n = 20 000, m ∈ {2, 8}',
    trial: deviationTrial('shared', 'L_m', false),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.generalization.shared-pool-rate',
    title:
      'Rate: one shared pool (n = ∞) has √m·RMS(L̂ − L) <= τ √(E_x Var/(min e)²) on m = 1, 2, 4, …, 32: an O(1/√m) error',
    source: li2026('C8'),
    expect: 'holds',
    kind: 'rate',
    given: rankingInstance({ negatives: 'shared' }),
    show,
    tolerance: INEQUALITY,
    runs: 30,
    check: (r) =>
      rateWithin(
        [1, 2, 4, 8, 16, 32].map((m) => ({ n: m, scaled: Math.sqrt(m) * sharedPoolRms(r.model, r.s, r.tau, m) })),
        sharedPoolRateConstant(r.model, r.s, r.tau),
        INEQUALITY,
      ),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.generalization.shared-pool-rate-one-over-m',
    title:
      'Planted false: a shared pool is as good as fresh negatives, m·RMS(L̂ − L) <= the same constant on m = 1, …, 32',
    source: li2026('C8'),
    expect: 'refuted',
    kind: 'rate',
    given: rankingInstance({ negatives: 'shared' }),
    show,
    tolerance: INEQUALITY,
    runs: 30,
    expectedCounterexample: 'Kx = 1, Ky = 2 with a mild score spread (RMS ≈ C/√m, so m·RMS grows like √m)',
    check: (r) =>
      rateWithin(
        [1, 2, 4, 8, 16, 32].map((m) => ({ n: m, scaled: m * sharedPoolRms(r.model, r.s, r.tau, m) })),
        sharedPoolRateConstant(r.model, r.s, r.tau),
        INEQUALITY,
      ),
  }),
  ...tradeoff(),
];

interface Budget {
  readonly a: number;
  readonly b: number;
  readonly N: number;
}
function tradeoff() {
  const given = fc.record({
    a: dyadic({ min: 1 / 8, max: 4 }),
    b: dyadic({ min: 1 / 8, max: 4 }),
    N: fc.constantFrom(2 ** 10, 2 ** 14, 2 ** 20),
  });
  const showBudget = ({ a, b, N }: Budget): string => `a = ${showNumber(a)}, b = ${showNumber(b)}, N = n·m = ${N}`;
  const REL = { ...IDENTITY, rel: 1e-8 };
  return [
    defineConjecture<Budget>({
      id: 'paper1.generalization.tradeoff-optimum',
      title:
        'm–n trade-off: under n·m = N, mathjs calculus on a/m + b/√n gives m* = (2a/b)^{2/3} N^{1/3}, and on a/√m + b/√n gives m* = (a/b)√N',
      source: li2026('C12'),
      expect: 'holds',
      given,
      show: showBudget,
      tolerance: REL,
      bound: SUPERVISED_BOUND,
      check: (q) => {
        const sup = approxEqual(
          optimalNegatives(SUPERVISED_BOUND, q),
          closedFormOptimalNegatives('supervised', q.a, q.b, q.N),
          REL,
        );
        return sup.ok
          ? approxEqual(
              optimalNegatives(SELF_SUPERVISED_BOUND, q),
              Math.min(q.N, closedFormOptimalNegatives('self-supervised', q.a, q.b, q.N)),
              REL,
            )
          : sup;
      },
    }),
    defineConjecture<Budget>({
      id: 'paper1.generalization.tradeoff-linear-in-budget',
      title:
        'Planted false (C12 FALSE): the optimal m grows linearly in the budget, m*(8N) = 8·m*(N) (supervised shape)',
      source: li2026('C12 (FALSE)'),
      expect: 'refuted',
      given,
      show: showBudget,
      tolerance: REL,
      expectedCounterexample: 'any a, b, N: m* grows like N^{1/3}, so m*(8N) = 2·m*(N)',
      check: (q) =>
        approxEqual(
          optimalNegatives(SUPERVISED_BOUND, { ...q, N: 8 * q.N }),
          8 * optimalNegatives(SUPERVISED_BOUND, q),
          REL,
        ),
    }),
  ];
}
