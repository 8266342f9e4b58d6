/*
 * Paper 2, persistence of the negative symmetric divergence under kernel sharpening (docs/claims.md P9).
 * With closed-form von Mises smoothing of trigonometric-polynomial densities on S¹ (bandwidth ε):
 *   KDE bound (P9 (c)): |∫ρ log ρ̃ − ∫ρ log ρ| <= 2‖ρ̃ − ρ‖∞ / min ρ whenever ‖ρ̃ − ρ‖∞ <= min ρ / 2
 *   persistence (P9 (b)): J^Sym_ε − J^self_ε = ½[∫ρ₁ log(ρ̃₂/ρ̃₁) + ∫ρ₂ log(ρ̃₁/ρ̃₂)] → −D^Sym_half(ρ₁, ρ₂) ≠ 0,
 *   with |(J^Sym_ε − J^self_ε) + D^Sym_half| <= 2(e₁/m₁ + e₂/m₂), e_i = ‖ρ̃_i − ρ_i‖∞, m_i = min ρ_i (four KDE bounds).
 * The U-terms cancel in the difference. Expected: both hold; "the coupling disappears as the kernel sharpens" is refuted.
 */
import fc from 'fast-check';
import { dyadic } from '../../src/arbitraries/index.js';
import { approxEqual, assume, defineConjecture, leq, showNumber, type Verdict } from '../../src/conjecture/index.js';
import {
  circleIntegral,
  crossLog,
  type TrigDensity,
  trigDensityOnGrid,
  vonMisesSmooth,
} from '../../src/theory/geometry/index.js';
import { cai2026, INEQUALITY } from './common.js';

const M = 512;
interface Pair {
  readonly rho1: TrigDensity;
  readonly rho2: TrigDensity;
  readonly eps: number;
}
const density = fc
  .record({
    a: fc.array(dyadic({ min: -3 / 8, max: 3 / 8 }), { minLength: 2, maxLength: 2 }),
    j: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 2, maxLength: 2 }),
  })
  .map(({ a, j }): TrigDensity => ({ amplitudes: a, phases: j.map((v) => (v * Math.PI) / 4) }));
const given = fc.record({ rho1: density, rho2: density, eps: fc.constantFrom(0.01, 0.003, 0.03) });
const showTrig = (p: TrigDensity): string => {
  const terms = p.amplitudes
    .map((a, k) =>
      a === 0 ? '' : ` + ${showNumber(a)}·cos(${k + 1}(θ − ${showNumber((p.phases[k]! * 4) / Math.PI)}π/4))`,
    )
    .join('');
  return terms ? `(1${terms})/2π` : '1/2π';
};
const show = ({ rho1, rho2, eps }: Pair): string => `ρ₁ = ${showTrig(rho1)}, ρ₂ = ${showTrig(rho2)}, ε = ${eps}`;

function pieces({ rho1, rho2, eps }: Pair) {
  const r1 = trigDensityOnGrid(rho1, M),
    r2 = trigDensityOnGrid(rho2, M);
  const s1 = trigDensityOnGrid(vonMisesSmooth(rho1, eps), M),
    s2 = trigDensityOnGrid(vonMisesSmooth(rho2, eps), M);
  const sup = (a: Float64Array, b: Float64Array): number => Math.max(...a.map((v, m) => Math.abs(v - b[m]!)));
  const e1 = sup(s1, r1),
    e2 = sup(s2, r2),
    m1 = Math.min(...r1),
    m2 = Math.min(...r2);
  const coupling = 0.5 * (crossLog(r1, s2) - crossLog(r1, s1) + crossLog(r2, s1) - crossLog(r2, s2));
  const dHalf = 0.5 * (crossLog(r1, r1) - crossLog(r1, r2) + crossLog(r2, r2) - crossLog(r2, r1));
  return { r1, s1, e1, e2, m1, m2, coupling, dHalf, premise: e1 <= m1 / 2 && e2 <= m2 / 2 };
}

export default [
  defineConjecture<Pair>({
    id: 'paper2.sharpening.kde-bound',
    title: 'KDE bound: |∫ρ log ρ̃ − ∫ρ log ρ| <= 2‖ρ̃ − ρ‖∞/min ρ when ‖ρ̃ − ρ‖∞ <= min ρ/2 (von Mises smoothing on S¹)',
    source: cai2026('P9 (c)'),
    expect: 'holds',
    given,
    tolerance: INEQUALITY,
    show,
    bound: '2 * eKde / minRho',
    check: (p) => {
      const q = pieces(p);
      assume(q.premise);
      return leq(Math.abs(crossLog(q.r1, q.s1) - crossLog(q.r1, q.r1)), (2 * q.e1) / q.m1, INEQUALITY);
    },
  }),
  defineConjecture<Pair>({
    id: 'paper2.sharpening.divergence-persists',
    title:
      'Persistence: |(J^Sym_ε − J^self_ε) + D^Sym_half(ρ₁, ρ₂)| <= 2(e₁/m₁ + e₂/m₂) — the cross-modal coupling tends to −D^Sym_half, not 0',
    source: cai2026('P9 (b)', 'paper-claim'),
    expect: 'holds',
    given,
    tolerance: INEQUALITY,
    show,
    check: (p): Verdict => {
      const q = pieces(p);
      assume(q.premise);
      return leq(Math.abs(q.coupling + q.dHalf), 2 * (q.e1 / q.m1 + q.e2 / q.m2), INEQUALITY, {
        symmetricKlHalf: q.dHalf,
      });
    },
  }),
  defineConjecture<Pair>({
    id: 'paper2.sharpening.coupling-vanishes',
    title:
      'Planted false (P9): the cross-modal coupling disappears as the kernel sharpens, |J^Sym_ε − J^self_ε| <= 2(e₁/m₁ + e₂/m₂)',
    source: cai2026('P9 (FALSE)'),
    expect: 'refuted',
    given,
    tolerance: INEQUALITY,
    show,
    expectedCounterexample: 'ρ₁ = (1 + a cos θ)/2π, ρ₂ = (1 − a cos θ)/2π: the residual is −D^Sym_half ≠ 0',
    check: (p) => {
      const q = pieces(p);
      assume(q.premise);
      return leq(Math.abs(q.coupling), 2 * (q.e1 / q.m1 + q.e2 / q.m2), INEQUALITY);
    },
  }),
  defineConjecture<Pair>({
    id: 'paper2.sharpening.smoothing-preserves-mass',
    title: 'von Mises smoothing keeps a density: ∫ρ̃ dθ = 1 (closed-form coefficients, exact quadrature)',
    source: cai2026('P9'),
    expect: 'holds',
    given,
    tolerance: INEQUALITY,
    show,
    check: (p) => approxEqual(circleIntegral(pieces(p).s1), 1, INEQUALITY),
  }),
];
