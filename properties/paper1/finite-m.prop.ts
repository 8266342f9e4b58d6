/*
 * Paper 1, finite numbers of negatives (docs/claims.md C6, C7). Exact multinomial
 * enumeration, no sampling. Form A (normalized, the book's global contrastive loss) with fresh negatives has
 * a pure Jensen bias 0 <= L − L_m <= B_m = O(1/m); form B (InfoNCE, positive in the denominator) is consistent
 * for every m while form A at small m is unbounded below. All [R][V].
 * Expected: holds conjectures hold; each planted twin is refuted (minimal Kx = 1, Ky = 2).
 */
import { allOf, defineConjecture, geq, leq, rateWithin, type Verdict } from '../../src/conjecture/index.js';
import {
  asymptoticBiasConstant,
  finiteMRisk,
  type FiniteMForm,
  infoNceBiasBound,
  jensenBiasBound,
  optimalScores,
  populationRisk,
  type RankingModel,
} from '../../src/theory/ranking/index.js';
import { INEQUALITY, instances as given, li2026, nearUniform, type RankingInstance, show } from './common.js';

/*
 * The `tight` instance of the bias bounds is nearUniform (common.ts): with P₋ uniform on two candidates and
 * s = (0, 1/1024), τ = 1, e^{s/τ} is nearly constant, so min e ≈ E e and the Jensen gap is its second-order term,
 * which is B_m (docs/claims.md C6): L − L_m = 0.99902·B_m at m = 8.
 */
const gap = (r: RankingInstance, m: number): number =>
  populationRisk(r.model, r.s, r.tau) - finiteMRisk(r.model, r.s, r.tau, m);
/** Moves s(x, k) up by M for every anchor x (k = the candidate where P₊ − P₋ is largest on anchor 0). */
function pushCandidate(r: RankingInstance, s: readonly (readonly number[])[], M: number): { s: number[][]; k: number } {
  const diff = r.model.pPos[0]!.map((p, y) => p - r.model.pNeg[0]![y]!);
  const k = diff.indexOf(Math.max(...diff));
  return { s: s.map((row) => row.map((v, y) => (y === k ? v + M : v))), k };
}
/** Limit slope of L_m along +e_k (form A): Σ_x p1 [1 − (1 − P₋(k|x))^m − P₊(k|x)]; L_m is convex, so its slope stays below. */
const limitSlope = (model: RankingModel, k: number, m: number): number =>
  model.p1.reduce((a, w, x) => a + w * (1 - (1 - model.pNeg[x]![k]!) ** m - model.pPos[x]![k]!), 0);
const unboundedAlong =
  (form: FiniteMForm) =>
  (r: RankingInstance): Verdict => {
    const m = 1 + (Math.abs(r.k[0]![0]!) % 3);
    const base = optimalScores(r.model, r.tau);
    const { s, k } = pushCandidate(r, base, 20);
    const slope = limitSlope(r.model, k, m);
    return leq(
      finiteMRisk(r.model, s, r.tau, m, form) - finiteMRisk(r.model, base, r.tau, m, form),
      20 * slope,
      INEQUALITY,
      { m, k, slope },
    );
  };

export default [
  defineConjecture<RankingInstance>({
    id: 'paper1.finite-m.monotone-in-m',
    title: 'Form A with fresh negatives increases with m toward L: L_1 <= L_2 <= L_3 <= L_4 <= L',
    source: li2026('C6 (1)'),
    expect: 'holds',
    given,
    show,
    tolerance: INEQUALITY,
    check: ({ model, s, tau }) => {
      const L = [1, 2, 3, 4].map((m) => finiteMRisk(model, s, tau, m)).concat(populationRisk(model, s, tau));
      return allOf(L.slice(1).map((next, i) => leq(L[i]!, next, INEQUALITY, { m: i + 1 })));
    },
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.finite-m.above-population-risk',
    title: 'Planted false (C6 FALSE-1): L_m(s) >= L(s) (Jensen the wrong way)',
    source: li2026('C6 (FALSE-1)'),
    expect: 'refuted',
    given,
    show,
    tolerance: INEQUALITY,
    expectedCounterexample: 'Kx = 1, Ky = 2 with s non-constant (then L_1 < L strictly)',
    check: ({ model, s, tau }) => geq(finiteMRisk(model, s, tau, 1), populationRisk(model, s, tau), INEQUALITY),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.finite-m.bias-bound',
    title: '0 <= L(s) − L_m(s) <= B_m = (τ/2m) E_x Var_{P₋}(e^{s/τ}) / (min_y e^{s/τ})², m ∈ {1, 2, 4, 8}',
    source: li2026('C6 (2)'),
    expect: 'holds',
    given,
    show,
    tolerance: INEQUALITY,
    bound: 'tau / (2 * m) * Var / minE^2',
    check: (r) =>
      allOf(
        [1, 2, 4, 8].flatMap((m) => {
          const g = gap(r, m);
          return [geq(g, 0, INEQUALITY, { m }), leq(g, jensenBiasBound(r.model, r.s, r.tau, m), INEQUALITY, { m })];
        }),
      ),
    // the constant τ/(2m) is sharp as s → constant: gap/B_m = 0.99902 at m = 8 (the tightest m), 0.984 at
    // s = (0, 1/64), m = 1 (issue 15); the mutant B_m = τ/m gives 0.4995
    tight: { at: nearUniform, ratio: 0.998 },
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.finite-m.asymptotic-constant-as-bound',
    title:
      'Planted false (C6 FALSE-3): L − L_m <= C_asym/m for every m, C_asym = (τ/2) E_x Var/(E e)² the first-order constant',
    source: li2026('C6 (FALSE-3)'),
    expect: 'refuted',
    given,
    show,
    tolerance: INEQUALITY,
    expectedCounterexample: 'known: m = 1 with gap 0.558 > C_asym = 0.346; any strongly skewed e at m = 1',
    check: (r) =>
      allOf([1, 2, 4].map((m) => leq(gap(r, m), asymptoticBiasConstant(r.model, r.s, r.tau) / m, INEQUALITY, { m }))),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.finite-m.bias-rate-one-over-m',
    title: 'Rate: m·(L − L_m) <= (τ/2) E_x Var/(min e)² on the grid m = 1, 2, 4, …, 32 (the bias is O(1/m))',
    source: li2026('C6 (2)', 'reconstructed'),
    expect: 'holds',
    kind: 'rate',
    given,
    show,
    tolerance: INEQUALITY,
    runs: 40,
    check: (r) =>
      rateWithin(
        [1, 2, 4, 8, 16, 32].map((m) => ({ n: m, scaled: m * gap(r, m) })),
        jensenBiasBound(r.model, r.s, r.tau, 1),
        INEQUALITY,
      ),
    // m·(L − L_m) tends to (τ/2) Var/(E e)², which equals the constant as s → constant: 0.99902 of it here
    tight: { at: nearUniform, ratio: 0.998 },
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.finite-m.bias-rate-one-over-sqrt-m',
    title: 'Planted false (C6 FALSE-2): the bias is Θ(1/√m): √m·(L − L_m) >= ½(L − L_1) on m = 1, 4, 16, 64',
    source: li2026('C6 (FALSE-2)'),
    expect: 'refuted',
    kind: 'rate',
    given,
    show,
    tolerance: INEQUALITY,
    runs: 40,
    expectedCounterexample: 'Kx = 1, Ky = 2 with s non-constant: √m·gap → 0',
    check: (r) => {
      const g1 = gap(r, 1);
      return allOf([1, 4, 16, 64].map((m) => geq(Math.sqrt(m) * gap(r, m), g1 / 2, INEQUALITY, { m })));
    },
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.finite-m.infonce-minimiser-every-m',
    title: 'Form B (InfoNCE) is consistent for every m: L_m^NCE(s) >= L_m^NCE(s*) for m ∈ {1, 2, 3}',
    source: li2026('C7 (1)'),
    expect: 'holds',
    given,
    show,
    tolerance: INEQUALITY,
    check: ({ model, s, tau }) =>
      allOf(
        [1, 2, 3].map((m) =>
          geq(
            finiteMRisk(model, s, tau, m, 'infonce'),
            finiteMRisk(model, optimalScores(model, tau), tau, m, 'infonce'),
            INEQUALITY,
            { m },
          ),
        ),
      ),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.finite-m.normalized-minimiser-at-m1',
    title: 'Planted false (C7 FALSE): form A at m = 1 is minimised by s*: L_1(s) >= L_1(s*)',
    source: li2026('C7 (FALSE)'),
    expect: 'refuted',
    given,
    show,
    tolerance: INEQUALITY,
    expectedCounterexample: 'Kx = 1, Ky = 2: L_1 = E s(y⁻) − E s(y⁺) is linear in s',
    check: ({ model, s, tau }) =>
      geq(finiteMRisk(model, s, tau, 1), finiteMRisk(model, optimalScores(model, tau), tau, 1), INEQUALITY),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.finite-m.infonce-bias-bound',
    title: '|L_m^NCE − τ log m − L| <= τ E max(1/(m μ), Var/(2m a²)) for m ∈ {1, 2, 4, 8}',
    source: li2026('C7 (2)'),
    expect: 'holds',
    given,
    show,
    tolerance: INEQUALITY,
    check: ({ model, s, tau }) => {
      const L = populationRisk(model, s, tau);
      return allOf(
        [1, 2, 4, 8].map((m) =>
          leq(
            Math.abs(finiteMRisk(model, s, tau, m, 'infonce') - tau * Math.log(m) - L),
            infoNceBiasBound(model, s, tau, m),
            INEQUALITY,
            { m },
          ),
        ),
      );
    },
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.finite-m.infonce-below-population',
    title: 'Planted false: form B is biased down like form A, L_m^NCE − τ log m <= L',
    source: li2026('C7 (2)'),
    expect: 'refuted',
    given,
    show,
    tolerance: INEQUALITY,
    expectedCounterexample: 'Kx = 1, Ky = 2, s = 0: L_1^NCE = τ log 2 > 0 = L',
    check: ({ model, s, tau }) =>
      allOf(
        [1, 2, 4].map((m) =>
          leq(finiteMRisk(model, s, tau, m, 'infonce') - tau * Math.log(m), populationRisk(model, s, tau), INEQUALITY, {
            m,
          }),
        ),
      ),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.finite-m.normalized-unbounded-below',
    title:
      'Form A at small m is unbounded below: L_m(s* + M e_k) − L_m(s*) <= M Σ_x p1 [1 − (1 − P₋(k|x))^m − P₊(k|x)], negative when P₊(k) > 1 − (1 − P₋(k))^m',
    source: li2026('C7 (3)'),
    expect: 'holds',
    given,
    show,
    tolerance: INEQUALITY,
    check: unboundedAlong('normalized'),
  }),
  defineConjecture<RankingInstance>({
    id: 'paper1.finite-m.infonce-unbounded-below',
    title: 'Planted false: form B is unbounded below along e_k in the same way',
    source: li2026('C7 (3)'),
    expect: 'refuted',
    given,
    show,
    tolerance: INEQUALITY,
    expectedCounterexample: 'Kx = 1, Ky = 2 with P₊(k) > P₋(k) at m = 1 (form B is >= 0 and flat there)',
    check: unboundedAlong('infonce'),
  }),
];
