/*
 * Background results on finite joint laws, computed exactly by multinomial enumeration (no sampling):
 *   Oord et al. (2018), Poole et al. (2019): I(X;Y) >= log N − L_N for the InfoNCE loss L_N with N − 1 negatives
 *     from the marginal p(y) and ANY critic f (here f = s, τ = 1);
 *   Wang & Isola (2020) Theorem 1: L_M − log M → −E f(x,y⁺) + E_x log E_{y⁻} e^{f(x,y⁻)} (the log INSIDE the
 *     expectation over anchors), here with the O(1/M) rate of docs/claims.md C7 (2).
 * Expected: both hold; the planted log(2N) bound and the log-outside ("L_uniform") limit are refuted.
 */
import { rankingInstance, type RankingInstance, showRankingInstance } from '../../src/arbitraries/index.js';
import { allOf, defineConjecture, geq, rateWithin, type Verdict } from '../../src/conjecture/index.js';
import { logSumExp, tolerance } from '../../src/numeric/index.js';
import { finiteMRisk, infoNceBiasBound, mutualInformation, populationRisk } from '../../src/theory/ranking/index.js';

const source = (ref: string) => ({ paper: 'background', ref: `claims.md ${ref}`, provenance: 'background' }) as const;
const TOL = tolerance({ abs: 1e-10, rel: 1e-9 });
const given = rankingInstance({ negatives: 'joint', temperatures: [1] });
const show = showRankingInstance;
const jointOf = (r: RankingInstance): number[][] => r.weights.pos.map((row) => [...row]);
/** L_N: InfoNCE with the positive and N − 1 negatives from p(y), critic s, exact (form B at τ = 1, m = N − 1). */
const infoNceLoss = (r: RankingInstance, N: number): number => finiteMRisk(r.model, r.s, 1, N - 1, 'infonce');
const GRID = [1, 2, 4, 8, 16];
/**
 * M·|L_M − log M − limit| on the grid against C = M·(C7.2 bound at M), which is the same for every M (the bound is
 * C/M): the rate check of a claimed large-M limit.
 */
const limitRate = (r: RankingInstance, limit: number): Verdict =>
  rateWithin(
    GRID.map((M) => ({ n: M, scaled: M * Math.abs(infoNceLoss(r, M + 1) - Math.log(M) - limit) })),
    infoNceBiasBound(r.model, r.s, 1, 1),
    TOL,
  );

export default [
  defineConjecture<RankingInstance>({
    id: 'background.infonce.mutual-information-bound',
    title: 'InfoNCE bound: I(X;Y) >= log N − L_N for every critic, N ∈ {2, 3, 5, 9}',
    source: source('B-MI'),
    expect: 'holds',
    given,
    show,
    tolerance: TOL,
    bound: 'log(N) - L_N',
    check: (r) =>
      allOf([2, 3, 5, 9].map((N) => geq(mutualInformation(jointOf(r)), Math.log(N) - infoNceLoss(r, N), TOL, { N }))),
  }),
  defineConjecture<RankingInstance>({
    id: 'background.infonce.mutual-information-bound-log-2n',
    title: 'Planted false: I(X;Y) >= log(2N) − L_N',
    source: source('B-MI (FALSE)'),
    expect: 'refuted',
    given,
    show,
    tolerance: TOL,
    expectedCounterexample: 'independent X, Y with a constant critic: I = 0, L_N = log N, so log 2N − L_N = log 2 > 0',
    check: (r) =>
      allOf(
        [2, 3, 5, 9].map((N) => geq(mutualInformation(jointOf(r)), Math.log(2 * N) - infoNceLoss(r, N), TOL, { N })),
      ),
  }),
  defineConjecture<RankingInstance>({
    id: 'background.wang-isola.limit',
    title:
      'Wang & Isola Thm 1: M·|L_M − log M − (−E s⁺ + E_x log E_{y⁻} e^{s})| <= C = E max(1/μ, Var/(2a²)) (the C7 (2) bound) on M ∈ {1, 2, 4, 8, 16}',
    source: source('B-WI'),
    expect: 'holds',
    kind: 'rate',
    given,
    show,
    tolerance: TOL,
    runs: 40,
    check: (r) => limitRate(r, populationRisk(r.model, r.s, 1)),
  }),
  defineConjecture<RankingInstance>({
    id: 'background.wang-isola.log-outside-limit',
    title:
      'Planted false: the limit is −E s⁺ + log E_{x,y⁻} e^{s} (the log outside the anchor expectation, "L_uniform" style)',
    source: source('B-WI (FALSE); P1 (FALSE-b)'),
    expect: 'refuted',
    kind: 'rate',
    given,
    show,
    tolerance: TOL,
    runs: 200,
    expectedCounterexample: 'Kx = 2 with anchors whose partition functions differ (Jensen gap > 0)',
    check: (r) => {
      const { model, s } = r;
      const pos = model.p1.reduce((a, w, x) => a + w * model.pPos[x]!.reduce((b, p, y) => b + p * s[x]![y]!, 0), 0);
      const wrong =
        -pos + logSumExp(model.p1.flatMap((w, x) => model.pNeg[x]!.map((p, y) => Math.log(w * p) + s[x]![y]!)));
      return limitRate(r, wrong);
    },
  }),
];
