/*
 * Paper 1, population consistency (docs/claims.md C1, C2, C11). The paper claims the contrastive loss
 * is statistically consistent [P]; the precise forms below are reconstructions checked numerically [R][V].
 * Expected: the holds conjectures hold on every instance; each planted twin is refuted, minimal Kx = 1, Ky = 2.
 */
import { approxEqual, defineConjecture, geq } from '../../src/conjecture/index.js';
import { klDivergence } from '../../src/numeric/index.js';
import {
  candidateSoftmax,
  excessRisk,
  excessRiskKl,
  optimalRisk,
  optimalScores,
  populationRisk,
  populationRiskGradient,
  type RankingModel,
} from '../../src/theory/ranking/index.js';
import { IDENTITY, INEQUALITY, instances as given, li2026, type RankingInstance, show } from './common.js';

/** c(x) = step·k[x][0]: an arbitrary per-anchor shift taken from the instance. */
const shifts = (r: RankingInstance): number[] => r.k.map((row) => r.step * row[0]!);
const maxAbs = (g: number[][]): number => Math.max(...g.flat().map(Math.abs));
/** τ log P₊(y|x): the minimiser of the uniform-base DPM loss, planted as a minimiser of L. */
const logPositive = (m: RankingModel, tau: number): number[][] =>
  m.pPos.map((row) => row.map((p) => tau * Math.log(p)));
/** −τ E_x KL(P₋ ‖ P₊), the reversed-KL value planted as L*. */
const reversedOptimum = (m: RankingModel, tau: number): number =>
  -tau * m.p1.reduce((a, w, x) => a + w * klDivergence(m.pNeg[x]!, m.pPos[x]!), 0);

export default [
  defineConjecture<RankingInstance>({
    id: 'paper1.consistency.risk-above-optimum',
    title: 'L(s) >= L* = −τ E_x KL(P₊ ‖ P₋) for every score table',
    source: li2026('C1'),
    expect: 'holds',
    given,
    show,
    tolerance: INEQUALITY,
    bound: 'Lstar',
    check: ({ model, s, tau }) => geq(populationRisk(model, s, tau), optimalRisk(model, tau), INEQUALITY),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.consistency.log-positive-minimises',
    title: 'Planted false (C1 FALSE-1): s = τ log P₊(y|x) minimises L, i.e. L(s) >= L(τ log P₊) for every s',
    source: li2026('C1 (FALSE-1)'),
    expect: 'refuted',
    given,
    show,
    tolerance: INEQUALITY,
    expectedCounterexample: 'Kx = 1, Ky = 2 with a non-uniform P₋ (any s near s* beats τ log P₊)',
    check: ({ model, s, tau }) =>
      geq(populationRisk(model, s, tau), populationRisk(model, logPositive(model, tau), tau), INEQUALITY),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.consistency.minimiser-value',
    title: 'L(τ log(P₊/P₋) + c(x)) = L* for every per-anchor shift c',
    source: li2026('C1'),
    expect: 'holds',
    given,
    show,
    tolerance: IDENTITY,
    check: (r) =>
      approxEqual(
        populationRisk(r.model, optimalScores(r.model, r.tau, shifts(r)), r.tau),
        optimalRisk(r.model, r.tau),
        IDENTITY,
      ),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.consistency.reversed-kl-optimum',
    title: 'Planted false (C1 FALSE-2): the optimum is −τ E_x KL(P₋ ‖ P₊) (KL reversed)',
    source: li2026('C1 (FALSE-2)'),
    expect: 'refuted',
    given,
    show,
    tolerance: IDENTITY,
    expectedCounterexample: 'Kx = 1, Ky = 2, P₊ ≠ P₋ (KL is not symmetric)',
    check: (r) =>
      approxEqual(
        populationRisk(r.model, optimalScores(r.model, r.tau), r.tau),
        reversedOptimum(r.model, r.tau),
        IDENTITY,
      ),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.consistency.stationary-at-optimum',
    title: '∂L/∂s = p1 (q_s − P₊) vanishes at s* = τ log r + c(x)',
    source: li2026('C1'),
    expect: 'holds',
    given,
    show,
    tolerance: IDENTITY,
    check: (r) =>
      approxEqual(
        maxAbs(populationRiskGradient(r.model, optimalScores(r.model, r.tau, shifts(r)), r.tau)),
        0,
        IDENTITY,
      ),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.consistency.stationary-at-log-positive',
    title: 'Planted false: ∂L/∂s vanishes at τ log P₊ (the uniform-base minimiser)',
    source: li2026('C1 (FALSE-1)'),
    expect: 'refuted',
    given,
    show,
    tolerance: IDENTITY,
    expectedCounterexample: 'Kx = 1, Ky = 2 with a non-uniform P₋',
    check: (r) => approxEqual(maxAbs(populationRiskGradient(r.model, logPositive(r.model, r.tau), r.tau)), 0, IDENTITY),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.consistency.excess-risk-identity',
    title: 'Excess risk identity: L(s) − L* = τ E_x KL(P₊ ‖ q_s)',
    source: li2026('C2'),
    expect: 'holds',
    given,
    show,
    tolerance: IDENTITY,
    check: ({ model, s, tau }) => approxEqual(excessRisk(model, s, tau), excessRiskKl(model, s, tau), IDENTITY),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.consistency.excess-risk-reversed-kl',
    title: 'Planted false (C2 FALSE): L(s) − L* = τ E_x KL(q_s ‖ P₊)',
    source: li2026('C2 (FALSE)'),
    expect: 'refuted',
    given,
    show,
    tolerance: IDENTITY,
    expectedCounterexample: 'Kx = 1, Ky = 2, s = 0 with P₊ ≠ P₋',
    check: ({ model, s, tau }) => {
      const q = candidateSoftmax(model, s, tau);
      const reversed = tau * model.p1.reduce((a, w, x) => a + w * klDivergence(q[x]!, model.pPos[x]!), 0);
      return approxEqual(excessRisk(model, s, tau), reversed, IDENTITY);
    },
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.consistency.temperature-scaling',
    title: 'Temperature scaling: L_τ(s) = τ·L_1(s/τ) and L*_τ = τ·L*_1',
    source: li2026('C11'),
    expect: 'holds',
    given,
    show,
    tolerance: IDENTITY,
    check: ({ model, s, tau }) => {
      const scaled = s.map((row) => row.map((v) => v / tau));
      const value = approxEqual(populationRisk(model, s, tau), tau * populationRisk(model, scaled, 1), IDENTITY);
      const optimum = approxEqual(optimalRisk(model, tau), tau * optimalRisk(model, 1), IDENTITY);
      return value.ok ? optimum : value;
    },
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.consistency.temperature-scaling-no-factor',
    title: 'Planted false (C11 FALSE): L_τ(s) = L_1(s/τ), the τ factor dropped',
    source: li2026('C11 (FALSE)'),
    expect: 'refuted',
    given,
    show,
    tolerance: IDENTITY,
    expectedCounterexample: 'Kx = 1, Ky = 2, any τ ≠ 1 with L ≠ 0',
    check: ({ model, s, tau }) =>
      approxEqual(
        populationRisk(model, s, tau),
        populationRisk(
          model,
          s.map((row) => row.map((v) => v / tau)),
          1,
        ),
        IDENTITY,
      ),
  }),
];
