/*
 * Paper 1, self-supervised and symmetric (CLIP-style) objectives (docs/claims.md C3 [B][R][V]): with
 * P₊ = P(·|x) and P₋ = p2 the optimum is −τ I(X;Y) at τ PMI + c(x); the two-sided loss has optimum −2τ I(X;Y)
 * at τ PMI + const, so it pins the per-anchor shift. Expected: holds conjectures hold; the planted twin is refuted.
 */
import { rankingInstance } from '../../src/arbitraries/index.js';
import { approxEqual, defineConjecture, geq } from '../../src/conjecture/index.js';
import {
  mutualInformation,
  pointwiseMutualInformation,
  populationRisk,
  symmetricRisk,
} from '../../src/theory/ranking/index.js';
import { IDENTITY, INEQUALITY, li2026, type RankingInstance, show } from './common.js';

const given = rankingInstance({ negatives: 'joint' });
/** The two-sided loss needs two anchors (the transposed model's candidates). */
const twoSided = rankingInstance({ negatives: 'joint', minAnchors: 2 });
const jointOf = (r: RankingInstance): number[][] => r.weights.pos.map((row) => [...row]);
/** τ PMI(x, y) + c(x) with c(x) = step·k[x][0] (constant when `constant`). */
const pmiScores = (r: RankingInstance, constant: boolean): number[][] =>
  pointwiseMutualInformation(jointOf(r)).map((row, x) =>
    row.map((v) => r.tau * v + r.step * r.k[constant ? 0 : x]![0]!),
  );

export default [
  defineConjecture<RankingInstance>({
    id: 'paper1.self-supervised.pmi-attains-minus-mutual-information',
    title: 'Self-supervised optimum: L(τ PMI + c(x)) = −τ I(X;Y)',
    source: li2026('C3'),
    expect: 'holds',
    given,
    show,
    tolerance: IDENTITY,
    check: (r) =>
      approxEqual(
        populationRisk(r.model, pmiScores(r, false), r.tau),
        -r.tau * mutualInformation(jointOf(r)),
        IDENTITY,
      ),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.self-supervised.symmetric-optimum',
    title: 'Symmetric optimum: L_sym(τ PMI + const) = −2τ I(X;Y)',
    source: li2026('C3'),
    expect: 'holds',
    given: twoSided,
    show,
    tolerance: IDENTITY,
    check: (r) =>
      approxEqual(
        symmetricRisk(jointOf(r), pmiScores(r, true), r.tau),
        -2 * r.tau * mutualInformation(jointOf(r)),
        IDENTITY,
      ),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.self-supervised.symmetric-lower-bound',
    title: 'L_sym(s) >= −2τ I(X;Y) for every score table',
    source: li2026('C3'),
    expect: 'holds',
    given: twoSided,
    show,
    tolerance: INEQUALITY,
    check: (r) => geq(symmetricRisk(jointOf(r), r.s, r.tau), -2 * r.tau * mutualInformation(jointOf(r)), INEQUALITY),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.self-supervised.symmetric-allows-anchor-shifts',
    title: 'Planted false (C3 FALSE): τ PMI + c(x) with a non-constant c also minimises L_sym',
    source: li2026('C3 (FALSE)'),
    expect: 'refuted',
    given: twoSided,
    show,
    tolerance: IDENTITY,
    expectedCounterexample: 'Kx = 2, Ky = 2 with c(x0) ≠ c(x1)',
    check: (r) =>
      approxEqual(
        symmetricRisk(jointOf(r), pmiScores(r, false), r.tau),
        -2 * r.tau * mutualInformation(jointOf(r)),
        IDENTITY,
      ),
  }),
];
