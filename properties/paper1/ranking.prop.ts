/*
 * Paper 1, consistency with optimal ranking (docs/claims.md C4, C9). The paper claims the contrastive
 * loss is consistent with optimal ranking under an AUC-type criterion [P]; the per-anchor AUC with ties ½ is the
 * reconstruction [R][V], and C9 shows why a pooled (global) AUC cannot be the criterion.
 * Expected: holds conjectures hold; each planted twin is refuted (minimal: Kx = 1 or 2, Ky = 2).
 */
import fc from 'fast-check';
import { buildRankingInstance, dyadic, rankingInstance } from '../../src/arbitraries/index.js';
import { approxEqual, assume, defineConjecture, leq, showNumber } from '../../src/conjecture/index.js';
import {
  auc,
  globalAuc,
  mapScores,
  optimalAuc,
  optimalGlobalAuc,
  optimalRisk,
  optimalScores,
  populationRisk,
} from '../../src/theory/ranking/index.js';
import { IDENTITY, INEQUALITY, instances as given, li2026, type RankingInstance, show } from './common.js';

const shifts = (r: RankingInstance): number[] => r.k.map((row) => r.step * row[0]!);
const joint = rankingInstance({ negatives: 'joint' });
/** s ↦ α_x (s³ + s) + β_x: strictly increasing per anchor, exact on the dyadic grid (no new float ties, docs/numerics.md). */
const monotone = fc.record({
  r: given,
  alpha: fc.array(dyadic({ min: 1 / 8, max: 4 }), { minLength: 3, maxLength: 3 }),
  beta: fc.array(dyadic({ min: -2, max: 2 }), { minLength: 3, maxLength: 3 }),
});
type Monotone = { r: RankingInstance; alpha: number[]; beta: number[] };
const showMap =
  (map: string) =>
  ({ r, alpha, beta }: Monotone): string =>
    `${show(r)}; φ_x(v) = ${map}, α = [${alpha.slice(0, r.kx).map(showNumber)}], β = [${beta.slice(0, r.kx).map(showNumber)}]`;

export default [
  defineConjecture<RankingInstance>({
    id: 'paper1.ranking.optimum-is-auc-optimal',
    title: 'Consistency: every minimiser s* = τ log r + c(x) of L attains the optimal per-anchor AUC, AUC(s*) = AUC*',
    source: li2026('C4', 'paper-claim'),
    expect: 'holds',
    given,
    show,
    tolerance: IDENTITY,
    check: (r) => approxEqual(auc(r.model, optimalScores(r.model, r.tau, shifts(r))), optimalAuc(r.model), IDENTITY),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.ranking.positive-likelihood-is-auc-optimal',
    title: 'Planted false (C4 FALSE-2): in the self-supervised model, ranking by P₊(y|x) alone is AUC-optimal',
    source: li2026('C4 (FALSE-2)'),
    expect: 'refuted',
    given: joint,
    show,
    tolerance: IDENTITY,
    expectedCounterexample: 'P ∝ [[.30, .05], [.45, .20]], AUC* = 0.5375 vs 0.5 (Kx = 2, Ky = 2)',
    check: (r) =>
      approxEqual(
        auc(
          r.model,
          r.model.pPos.map((row) => row.map(Math.log)),
        ),
        optimalAuc(r.model),
        IDENTITY,
      ),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.ranking.auc-at-most-optimal',
    title: 'AUC(s) <= AUC* for every score table',
    source: li2026('C4'),
    expect: 'holds',
    given,
    show,
    tolerance: INEQUALITY,
    bound: 'aucStar',
    check: ({ model, s }) => leq(auc(model, s), optimalAuc(model), INEQUALITY),
    // attained by the optimal scores τ log(P₊/P₋)
    tight: {
      at: buildRankingInstance({
        kx: 1,
        ky: 2,
        weights: { p1: [1], pos: [[2, 1]], neg: [[1, 1]] },
        tau: 1,
        scores: 'near-optimal',
        step: 1 / 8,
        k: [[0, 0]],
      }),
      ratio: 0.999999,
    },
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.ranking.optimal-auc-implies-optimal-risk',
    title: 'Planted false (C4 FALSE-1): AUC(s) = AUC* implies L(s) = L* (tested on s = 2s*, which keeps the order)',
    source: li2026('C4 (FALSE-1)'),
    expect: 'refuted',
    given,
    show,
    tolerance: IDENTITY,
    expectedCounterexample: 'Kx = 1, Ky = 2, P₊ ≠ P₋: s = 2s* has AUC* but L > L*',
    check: (r) => {
      const s = optimalScores(r.model, r.tau).map((row) => row.map((v) => 2 * v));
      assume(Math.abs(auc(r.model, s) - optimalAuc(r.model)) <= 1e-12); // s = 2s* keeps the order: AUC is optimal
      return approxEqual(populationRisk(r.model, s, r.tau), optimalRisk(r.model, r.tau), IDENTITY);
    },
  }),
  defineConjecture<Monotone>({
    id: 'paper1.ranking.auc-invariant-under-increasing-maps',
    title: 'Metamorphic: AUC(φ_x ∘ s) = AUC(s) for strictly increasing per-anchor maps φ_x',
    source: li2026('C4'),
    expect: 'holds',
    given: monotone,
    show: showMap('α_x (v³ + v) + β_x'),
    tolerance: IDENTITY,
    check: ({ r, alpha, beta }) =>
      approxEqual(
        auc(
          r.model,
          mapScores(r.s, (v, x) => alpha[x]! * (v * v * v + v) + beta[x]!),
        ),
        auc(r.model, r.s),
        IDENTITY,
      ),
  }),
  defineConjecture<Monotone>({
    id: 'paper1.ranking.auc-invariant-under-squares',
    title: 'Planted false: AUC(φ_x ∘ s) = AUC(s) also for the non-monotone φ_x(v) = α_x v² + β_x',
    source: li2026('C4'),
    expect: 'refuted',
    given: monotone,
    show: showMap('α_x v² + β_x'),
    tolerance: IDENTITY,
    expectedCounterexample: 'Kx = 1, Ky = 2, s = [0, −1/8] with P₊ ≠ P₋ (squaring flips the order)',
    check: ({ r, alpha, beta }) =>
      approxEqual(
        auc(
          r.model,
          mapScores(r.s, (v, x) => alpha[x]! * v * v + beta[x]!),
        ),
        auc(r.model, r.s),
        IDENTITY,
      ),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.ranking.per-anchor-auc-blind-to-shifts',
    title: 'Per-anchor AUC is blind to per-anchor shifts: AUC(s* + c(x)) = AUC(s*)',
    source: li2026('C9'),
    expect: 'holds',
    given,
    show,
    tolerance: IDENTITY,
    check: (r) =>
      approxEqual(
        auc(r.model, optimalScores(r.model, r.tau, shifts(r))),
        auc(r.model, optimalScores(r.model, r.tau)),
        IDENTITY,
      ),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.ranking.global-auc-of-minimisers',
    title: 'Planted false (C9 FALSE): every contrastive minimiser s* + c(x) maximises the global (pooled) AUC',
    source: li2026('C9 (FALSE)'),
    expect: 'refuted',
    given,
    show,
    tolerance: IDENTITY,
    expectedCounterexample: 'Kx = 2, Ky = 2 with a non-constant shift c(x)',
    check: (r) =>
      approxEqual(globalAuc(r.model, optimalScores(r.model, r.tau, shifts(r))), optimalGlobalAuc(r.model), IDENTITY),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.ranking.global-auc-at-most-pooled-optimum',
    title: 'Global AUC(s) <= global AUC(τ log r): the pooled likelihood ratio (c ≡ 0) is globally optimal',
    source: li2026('C9'),
    expect: 'holds',
    given,
    show,
    tolerance: INEQUALITY,
    check: ({ model, s }) => leq(globalAuc(model, s), optimalGlobalAuc(model), INEQUALITY),
  }),
];
