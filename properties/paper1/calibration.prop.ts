/*
 * Paper 1, the calibration inequality (docs/claims.md C5). The paper states a calibration-style
 * inequality [P]; its function is unknown. The chain checked here is a proven reconstruction [R][V]:
 *   AUC* − AUC(s) <= E_x ‖P₊ − q_s‖₁ <= E_x √(2 KL(P₊‖q_s)) <= √(2 (L(s) − L*)/τ)
 * Expected: every link holds; the linear, small-constant and total-variation versions are refuted on the
 * 2-point (linear, small constant) and 3-point (TV) instances of docs/claims.md C5.
 */
import { buildRankingInstance, rankingInstance } from '../../src/arbitraries/index.js';
import { defineConjecture, leq, type TargetedSearch } from '../../src/conjecture/index.js';
import { softmax } from '../../src/numeric/index.js';
import { calibrationRatio, orderedScores, scoreOrder } from '../../src/tensor/index.js';
import { aucRegret, excessRisk, expectedL1Gap, expectedPinsker } from '../../src/theory/ranking/index.js';
import {
  INEQUALITY,
  instances as given,
  li2026,
  nearUniform,
  type RankingInstance,
  ROOT_INEQUALITY,
  show,
} from './common.js';

/** (L(s) − L*)/τ, clamped at 0 (a mathematically non-negative quantity, docs/numerics.md). */
const scaledExcess = ({ model, s, tau }: RankingInstance): number => Math.max(0, excessRisk(model, s, tau) / tau);
/** One anchor, P₊ = [2, 1]/3, P₋ uniform, s = 0: Jensen over x is an equality. */
const oneAnchor = buildRankingInstance({
  kx: 1,
  ky: 2,
  weights: { p1: [1], pos: [[2, 1]], neg: [[1, 1]] },
  tau: 1,
  scores: 'grid',
  step: 1 / 8,
  k: [[0, 0]],
});
/** Near ties on three or more candidates, where the TV version fails (docs/claims.md C5 FALSE-3). */
const nearTies = rankingInstance({ minCandidates: 3, scoreModes: ['grid'], steps: [1 / 1024, 1 / 64] });

/*
 * Targeted search (issue 6): one anchor, laws as integer weights out of 4096, scores on the 1/1024 grid in [−4, 4].
 * The ascent runs on θ = (log P₊, log P₋, log-gaps of s in a fixed order) on regret/√((L − L*)/τ) in float64 with
 * central-difference gradients (src/tensor/calibration.ts; TensorFlow.js autodiff of the same ratio cross-checks it
 * in test/tensor/calibration.test.ts); the best point is snapped back onto the grid, keeping the order strict, and
 * fast-check shrinks it.
 */
const W = 4096,
  STEP = 1 / 1024;
const wide = rankingInstance({
  maxAnchors: 1,
  maxCandidates: 4,
  maxWeight: W,
  steps: [STEP],
  maxOffset: 4096,
  scoreModes: ['grid'],
});
const calibrationSearch: TargetedSearch<RankingInstance> = {
  pool: 256,
  encode: (r) => [...r.model.pPos[0]!.map(Math.log), ...r.model.pNeg[0]!.map(Math.log), ...scoreOrder(r.s[0]!).u],
  objective: (theta, r) => calibrationRatio(scoreOrder(r.s[0]!).perm, r.tau)(theta),
  decode: (theta, r) => {
    const K = r.ky,
      soft = (v: number[]) => Array.from(softmax(v), (p) => Math.max(1, Math.round(W * p)));
    const { perm } = scoreOrder(r.s[0]!),
      s = orderedScores(theta.slice(2 * K), perm);
    const k: number[] = Array(K).fill(0);
    perm.forEach((y, i) => {
      k[y] = i === 0 ? -2048 : Math.min(4096, Math.max(k[perm[i - 1]!]! + 1, -2048 + Math.round(s[y]! / STEP)));
    });
    return buildRankingInstance({
      kx: 1,
      ky: K,
      weights: { p1: [1], pos: [soft(theta.slice(0, K))], neg: [soft(theta.slice(K, 2 * K))] },
      tau: r.tau,
      scores: 'grid',
      step: STEP,
      k: [k],
    });
  },
};

export default [
  defineConjecture<RankingInstance>({
    id: 'paper1.calibration.sqrt',
    title: 'Calibration: AUC* − AUC(s) <= √(2 (L(s) − L*)/τ)',
    source: li2026('C5', 'reconstructed'),
    expect: 'holds',
    given,
    show,
    tolerance: ROOT_INEQUALITY,
    bound: 'sqrt(2 * excess / tau)',
    check: (r) => leq(aucRegret(r.model, r.s), Math.sqrt(2 * scaledExcess(r)), ROOT_INEQUALITY),
    loose:
      'by a factor of about 1.8: the targeted search (paper1.calibration.sqrt-targeted) reaches ' +
      'regret/√((L − L*)/τ) = 0.789 against the constant √2; random instances reach 0.53 of the bound',
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.calibration.linear',
    title: 'Planted false (C5 FALSE-1): linear calibration AUC* − AUC(s) <= (L(s) − L*)/τ',
    source: li2026('C5 (FALSE-1)'),
    expect: 'refuted',
    given,
    show,
    tolerance: INEQUALITY,
    bound: 'excess / tau',
    expectedCounterexample: 'Kx = 1, Ky = 2, P₋ = (½, ½), P₊ = (½ + ε, ½ − ε), s = (0, δ), δ > 0 small',
    check: (r) => leq(aucRegret(r.model, r.s), scaledExcess(r), INEQUALITY),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.calibration.sqrt-half-constant',
    title: 'Planted false (C5 FALSE-2): AUC* − AUC(s) <= 0.5·√((L(s) − L*)/τ)',
    source: li2026('C5 (FALSE-2)'),
    expect: 'refuted',
    given,
    show,
    tolerance: ROOT_INEQUALITY,
    bound: '0.5 * sqrt(excess / tau)',
    expectedCounterexample:
      'the 2-point instance with a near tie δ > 0 (ratio → 1/√2 > 0.5); at δ = 0 the ratio is 0.354',
    check: (r) => leq(aucRegret(r.model, r.s), 0.5 * Math.sqrt(scaledExcess(r)), ROOT_INEQUALITY),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.calibration.regret-at-most-l1',
    title: 'First link: AUC* − AUC(s) <= E_x ‖P₊(·|x) − q_s(·|x)‖₁',
    source: li2026('C5'),
    expect: 'holds',
    given: nearTies,
    show,
    tolerance: INEQUALITY,
    bound: 'L1',
    check: (r) => leq(aucRegret(r.model, r.s), expectedL1Gap(r.model, r.s, r.tau), INEQUALITY),
    loose:
      'by up to a factor of 2 on two candidates: regret/L1 stays below ½ there (0.4993 at P₊ = [2, 1]/3, ' +
      'P₋ uniform, s = (0, 1/1024), τ = 1); it passes ½ only on three or more candidates, where the TV twin ' +
      '(paper1.calibration.regret-at-most-tv) is refuted',
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.calibration.regret-at-most-tv',
    title: 'Planted false (C5 FALSE-3): AUC* − AUC(s) <= ½ E_x ‖P₊ − q_s‖₁ (total variation)',
    source: li2026('C5 (FALSE-3)'),
    expect: 'refuted',
    given: nearTies,
    show,
    tolerance: INEQUALITY,
    bound: 'L1 / 2',
    runs: 200,
    expectedCounterexample:
      'known: τ = 1, Kx = 1, P₊ = (0.135, 0.857, 0.008), P₋ = (0.1, 0.862, 0.038), s = (0, 0.001, 0.142)',
    check: (r) => leq(aucRegret(r.model, r.s), 0.5 * expectedL1Gap(r.model, r.s, r.tau), INEQUALITY),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.calibration.pinsker-link',
    title: 'Second link (Pinsker): E_x ‖P₊ − q_s‖₁ <= E_x √(2 KL(P₊ ‖ q_s))',
    source: li2026('C5'),
    expect: 'holds',
    given,
    show,
    tolerance: ROOT_INEQUALITY,
    bound: 'sqrt(2 * KL)',
    check: (r) => leq(expectedL1Gap(r.model, r.s, r.tau), expectedPinsker(r.model, r.s, r.tau), ROOT_INEQUALITY),
    // Pinsker's constant is sharp as q_s → P₊: at s = (0, 1/1024) with uniform laws the ratio is 0.99999994
    tight: { at: nearUniform, ratio: 0.999 },
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.calibration.pinsker-without-two',
    title: 'Planted false: E_x ‖P₊ − q_s‖₁ <= E_x √(KL(P₊ ‖ q_s)) (Pinsker without the factor 2)',
    source: li2026('C5'),
    expect: 'refuted',
    given,
    show,
    tolerance: ROOT_INEQUALITY,
    expectedCounterexample: 'Kx = 1, Ky = 2 near q_s = P₊ (Pinsker is tight there)',
    check: (r) =>
      leq(expectedL1Gap(r.model, r.s, r.tau), expectedPinsker(r.model, r.s, r.tau) / Math.SQRT2, ROOT_INEQUALITY),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.calibration.jensen-link',
    title: 'Third link (Jensen over x): E_x √(2 KL_x) <= √(2 (L(s) − L*)/τ)',
    source: li2026('C5'),
    expect: 'holds',
    given,
    show,
    tolerance: ROOT_INEQUALITY,
    check: (r) => leq(expectedPinsker(r.model, r.s, r.tau), Math.sqrt(2 * scaledExcess(r)), ROOT_INEQUALITY),
    // with one anchor Jensen's inequality is an equality (ratio 1 up to rounding)
    tight: { at: oneAnchor, ratio: 0.999999 },
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.calibration.jensen-reversed',
    title: 'Planted false: E_x √(2 KL_x) >= √(2 (L(s) − L*)/τ) (Jensen the wrong way)',
    source: li2026('C5'),
    expect: 'refuted',
    given,
    show,
    tolerance: ROOT_INEQUALITY,
    expectedCounterexample: 'Kx = 2 with KL differing between the anchors',
    check: (r) => leq(Math.sqrt(2 * scaledExcess(r)), expectedPinsker(r.model, r.s, r.tau), ROOT_INEQUALITY),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.calibration.sqrt-targeted',
    title:
      'Calibration with targeted search: AUC* − AUC(s) <= √2·√((L(s) − L*)/τ) also at the worst point gradient ascent finds',
    source: li2026('C5'),
    expect: 'holds',
    given: wide,
    show,
    tolerance: ROOT_INEQUALITY,
    search: calibrationSearch,
    runs: 50,
    check: (r) => leq(aucRegret(r.model, r.s), Math.SQRT2 * Math.sqrt(scaledExcess(r)), ROOT_INEQUALITY),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.calibration.sqrt-constant-below-supremum',
    title:
      'Planted false (targeted search): AUC* − AUC(s) <= 0.75·√((L(s) − L*)/τ); the supremum of the ratio is about 0.79, which random generation rarely approaches',
    source: li2026('C5'),
    expect: 'refuted',
    given: wide,
    show,
    tolerance: ROOT_INEQUALITY,
    search: calibrationSearch,
    runs: 50,
    expectedCounterexample:
      'Ky = 3 or 4 near ties, found by gradient ascent (ratio ≈ 0.79); random search in the ci budget stays below 0.7',
    check: (r) => leq(aucRegret(r.model, r.s), 0.75 * Math.sqrt(scaledExcess(r)), ROOT_INEQUALITY),
  }),
];
