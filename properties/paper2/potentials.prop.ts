/*
 * Paper 2, the alignment potential and its oracles (docs/claims.md P0, P7). With the cosine critic:
 *   P7a  (1/τ)·mean_i(−⟨z_i, z_i⁺⟩) = (mean_i ‖z_i − z_i⁺‖² − 2)/(2τ) exactly (ties the potential to W&I alignment)
 *   P7c  with ν_z = vMF(z, κ₊(z)) the potential is U(z) = −A_d(κ₊(z)); the Gibbs law puts more mass where κ₊ is larger
 *   P0   A_3(κ) = coth κ − 1/κ (closed form of the Bessel ratio at d = 3)
 * Expected: these hold; the sign/factor slip in P7a, the "perfect alignment U ≡ −1" claim and the large-κ asymptote
 * used as an exact formula (P0 FALSE) are refuted.
 */
import fc from 'fast-check';
import { dyadic, pairedEmbeddings, temperature } from '../../src/arbitraries/index.js';
import { allOf, approxEqual, defineConjecture, leq, showNumber, showValue } from '../../src/conjecture/index.js';
import { alignment } from '../../src/losses/index.js';
import type { Matrix } from '../../src/numeric/index.js';
import { meanResultantLength } from '../../src/sphere/index.js';
import { gibbsDensity } from '../../src/theory/geometry/index.js';
import { cai2026, IDENTITY, INEQUALITY } from './common.js';

type Pair = { pair: { X: Matrix; Y: Matrix }; tau: number };
const pairs = fc.record({ pair: pairedEmbeddings({ minRows: 1, maxRows: 5, maxDim: 4 }), tau: temperature() });
const showPair = ({ pair, tau }: Pair): string => `τ = ${tau}, z = ${showValue(pair.X)}, z⁺ = ${showValue(pair.Y)}`;
/** (1/τ)·mean_i(−⟨z_i, z_i⁺⟩): the mean alignment potential over the pairs, divided by τ. */
function meanPotential(X: Matrix, Y: Matrix, tau: number): number {
  let s = 0;
  for (let k = 0; k < X.data.length; k++) s -= X.data[k]! * Y.data[k]!;
  return s / X.rows / tau;
}
const kappas = fc.record({ d: fc.constantFrom(3, 2, 4, 8), kappa: dyadic({ min: 1 / 8, max: 16 }) });
const showKappa = ({ d, kappa }: { d: number; kappa: number }): string => `d = ${d}, κ = ${showNumber(kappa)}`;
const hetero = fc.record({
  k: fc.array(dyadic({ min: 1 / 8, max: 32 }), { minLength: 2, maxLength: 5 }),
  d: fc.constantFrom(3, 2),
  tau: temperature(),
});

export default [
  defineConjecture<Pair>({
    id: 'paper2.potential.alignment-identity',
    title:
      '(1/τ)·mean(−⟨z, z⁺⟩) = (mean‖z − z⁺‖² − 2)/(2τ): the potential term is Wang & Isola alignment, shifted and scaled',
    source: cai2026('P7 (a)'),
    expect: 'holds',
    given: pairs,
    tolerance: IDENTITY,
    show: showPair,
    check: ({ pair: { X, Y }, tau }) =>
      approxEqual(meanPotential(X, Y, tau), (alignment(X, Y) - 2) / (2 * tau), IDENTITY),
  }),
  defineConjecture<Pair>({
    id: 'paper2.potential.alignment-identity-factor-slip',
    title:
      'Planted false (P7a): (1/τ)·mean(−⟨z, z⁺⟩) = (mean‖z − z⁺‖² − 2)/τ (the ½ of ‖z − w‖² = 2 − 2⟨z, w⟩ dropped)',
    source: cai2026('P7 (a)'),
    expect: 'refuted',
    given: pairs,
    tolerance: IDENTITY,
    show: showPair,
    expectedCounterexample: 'B = 1, d = 2, z = z⁺ = e1: −1/τ against −2/τ',
    check: ({ pair: { X, Y }, tau }) => approxEqual(meanPotential(X, Y, tau), (alignment(X, Y) - 2) / tau, IDENTITY),
  }),
  defineConjecture<{ d: number; kappa: number }>({
    id: 'paper2.potential.a3-closed-form',
    title: 'A_3(κ) = I_{3/2}(κ)/I_{1/2}(κ) = coth κ − 1/κ',
    source: cai2026('P0'),
    expect: 'holds',
    given: kappas.map(({ kappa }) => ({ d: 3, kappa })),
    tolerance: IDENTITY,
    show: showKappa,
    check: ({ kappa }) => approxEqual(meanResultantLength(3, kappa), 1 / Math.tanh(kappa) - 1 / kappa, IDENTITY),
  }),
  defineConjecture<{ d: number; kappa: number }>({
    id: 'paper2.potential.large-kappa-asymptote-exact',
    title: 'Planted false (P0): A_d(κ) = 1 − (d − 1)/(2κ) exactly (it is only the large-κ asymptote)',
    source: cai2026('P0 (FALSE)'),
    expect: 'refuted',
    given: kappas,
    tolerance: IDENTITY,
    show: showKappa,
    expectedCounterexample: 'd = 3, small κ',
    check: ({ d, kappa }) => approxEqual(meanResultantLength(d, kappa), 1 - (d - 1) / (2 * kappa), IDENTITY),
  }),
  defineConjecture<{ k: number[]; d: number; tau: number }>({
    id: 'paper2.potential.heteroscedastic-gibbs',
    title:
      'With ν_z = vMF(z, κ₊(z)), U = −A_d(κ₊) and the Gibbs law (uniform μ) gives more mass where positives are tighter',
    source: cai2026('P7 (c)'),
    expect: 'holds',
    given: hetero,
    tolerance: INEQUALITY,
    show: ({ k, d, tau }) => `d = ${d}, τ = ${tau}, κ₊ = [${k.map(showNumber).join(', ')}]`,
    check: ({ k, d, tau }) => {
      const g = gibbsDensity(
        k.map((kp) => -meanResultantLength(d, kp)),
        tau,
        k.map(() => 1),
      );
      const ordered = k.flatMap((a, i) => k.flatMap((b, j) => (a < b ? [leq(g[i]!, g[j]!, INEQUALITY)] : [])));
      return ordered.length ? allOf(ordered) : approxEqual(Math.max(...g) - Math.min(...g), 0, IDENTITY); // all κ₊ equal: uniform
    },
  }),
  defineConjecture<{ d: number; kappa: number }>({
    id: 'paper2.potential.perfect-alignment',
    title: 'Planted false (P7): unbiased positives (E[z⁺|z] ∝ z) give perfect alignment, U ≡ −1',
    source: cai2026('P7 (FALSE)'),
    expect: 'refuted',
    given: kappas,
    tolerance: IDENTITY,
    show: showKappa,
    expectedCounterexample: 'd = 2, κ₊ = 1: A_2(1) = I_1(1)/I_0(1) ≈ 0.446',
    check: ({ d, kappa }) => approxEqual(-meanResultantLength(d, kappa), -1, IDENTITY),
  }),
];
