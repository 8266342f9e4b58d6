/*
 * Source: issue 15 (StrykerJS survivors of src/theory/ranking: risk.ts, finiteM.ts) and the paper-1 claims of
 * docs/claims.md: C1/C2 (L, L*, the excess risk L − L*), C6 (finite-m bias 0 <= L − L_m <= B_m, m (L − L_m) →
 * C_asym), C7 (the form-B bound), C8 (shared-pool RMS). Golden values: fixtures/oracle/ranking_mutants.json, written
 * by scripts/make_oracle_ranking_mutants.py (mpmath 100 digits, from the definitions: L − L* as written, finite-m
 * risks as expectations over c ~ Mult(m, P₋)); closed forms derived in the comments below.
 * Expected: the excess risk matches the oracle to 1e-12 relative on the branches the older oracles never take
 * (P₊ = 0 candidates near the optimum, t − t̄ < −700, a P₊ = 0 exponent > 700, |t − t̄| > ½, Σ P₊ = 1 + 2^-35);
 * L_m, L_m^NCE and the shared-pool RMS match it to 1e-12 at m = 19..32 (log-domain weights); the weights are exact
 * on dyadic laws up to m = 18; an enumeration of exactly MAX_COMPOSITIONS count vectors starts; the bias bounds equal
 * their closed forms; an anchor of weight 0 changes nothing even when its own terms overflow.
 * A bug these tests found, now fixed: the log-domain weights lost about m·ε·log m (Σ w − 1 = −3.3e-10 at m = 10⁴,
 * −2.7e-7 at m = 10⁶); they sum to 1 within 1e-12 now.
 */
import { describe, expect, it } from 'vitest';
import { tolerance } from '../../src/numeric/index.js';
import {
  asymptoticBiasConstant,
  excessRisk,
  excessRiskKl,
  finiteMRisk,
  forEachComposition,
  infoNceBiasBound,
  jensenBiasBound,
  MAX_COMPOSITIONS,
  optimalRisk,
  optimalScores,
  populationRisk,
  type RankingModel,
  type Scores,
  sharedPoolRateConstant,
  sharedPoolRms,
} from '../../src/theory/ranking/index.js';
import { expectClose, readOracle } from '../helpers/assert.js';

interface Instance extends RankingModel {
  name: string;
  s: number[][];
  tau: number;
}
interface Oracle {
  excess: (Instance & { excess: string })[];
  finiteM: (Instance & { values: { m: number; normalized: string; infonce: string }[] })[];
  sharedPoolRms: (Instance & { values: { m: number; rms: string }[] })[];
}
const oracle = readOracle<never>('ranking_mutants.json') as unknown as Oracle;

const REL = tolerance({ rel: 1e-12 });
const T = tolerance({ rel: 1e-14, abs: 1e-16 });

describe('excess risk L − L* vs mpmath, branch by branch', () => {
  for (const c of oracle.excess) {
    it(c.name, () => expectClose(excessRisk(c, c.s, c.tau), Number(c.excess), REL, `L − L* (${c.name})`));
  }
});

describe('exact finite-m risks beyond m = 18 vs mpmath', () => {
  for (const c of oracle.finiteM) {
    it(c.name, () => {
      for (const v of c.values) {
        expectClose(finiteMRisk(c, c.s, c.tau, v.m, 'normalized'), Number(v.normalized), REL, `L_${v.m}`);
        expectClose(finiteMRisk(c, c.s, c.tau, v.m, 'infonce'), Number(v.infonce), REL, `L_${v.m}^NCE`);
      }
    });
  }
  for (const c of oracle.sharedPoolRms) {
    it(`shared-pool RMS: ${c.name}`, () => {
      for (const v of c.values) expectClose(sharedPoolRms(c, c.s, c.tau, v.m), Number(v.rms), REL, `RMS, m = ${v.m}`);
    });
  }
});

describe('multinomial weights', () => {
  it('are exact on a dyadic law up to m = 18: C(18, n)/2^18', () => {
    const got: number[] = [];
    forEachComposition(18, [0.5, 0.5], (w, c) => {
      expect(c[0]! + c[1]!).toBe(18);
      got.push(w);
    });
    const want: number[] = [];
    for (let n = 0, binom = 1; n <= 18; binom = (binom * (18 - n)) / (n + 1), n++) want.push(binom / 2 ** 18);
    expect(got).toEqual(want);
  });

  it('at m = 2000 (far past exact integer products) still give C6: m (L − L_m) ≈ C_asym', () => {
    // Kx = 1, Ky = 2, P₋ = [½, ½], s = [0, 1], τ = 1: C_asym = ½ Var(e)/(E e)² = ½ (e − 1)²/(1 + e)² = 0.10678...
    // and m (L − L_m) = C_asym + O(1/m): 0.10681 at m = 1000 (enumeration); the rounding of L − L_m is ~1e-12.
    const model: RankingModel = { p1: [1], pPos: [[0.5, 0.5]], pNeg: [[0.5, 0.5]] };
    const s = [[0, 1]];
    const cAsym = 0.5 * (Math.expm1(1) / (1 + Math.E)) ** 2;
    expectClose(asymptoticBiasConstant(model, s, 1), cAsym, T, 'C_asym by hand');
    const gap = populationRisk(model, s, 1) - finiteMRisk(model, s, 1, 2000);
    expectClose(2000 * gap, cAsym, tolerance({ rel: 1e-3 }), '2000 (L − L_2000)');
  });

  it('an enumeration of exactly MAX_COMPOSITIONS count vectors starts, one more is refused', () => {
    // Ky = 2 has m + 1 count vectors, so m = MAX − 1 is the largest m allowed; the visitor stops at the first one.
    class Started extends Error {}
    const stop = (): void => {
      throw new Started();
    };
    expect(() => forEachComposition(MAX_COMPOSITIONS - 1, [0.5, 0.5], stop)).toThrow(Started);
    expect(() => forEachComposition(MAX_COMPOSITIONS, [0.5, 0.5], stop)).toThrow(
      /over 2000001 count vectors \(m = 2000000, Ky = 2\) exceeds 2000000/,
    );
  });

  // Bug found for issue 15, now fixed: for m > 18 the weight m!/Π c_y! Π p^c was exp of a float64 sum of logs
  // (log k! accumulated log k one by one), a relative error of about m·ε·log m: Σ w − 1 was −3.3e-10 at m = 10⁴,
  // 2.3e-9 at 10⁵, −2.7e-7 at 10⁶. The log weight is now formed in double-double.
  it('the weights of a law sum to 1 within 1e-12 at m = 10⁴ and 10⁵ (they summed to 1 − 3.3e-10 and 1 + 2.3e-9)', () => {
    for (const m of [10_000, 100_000]) {
      let total = 0;
      forEachComposition(m, [0.5, 0.5], (w) => {
        total += w;
      });
      expect(Math.abs(total - 1), `m = ${m}`).toBeLessThanOrEqual(1e-12);
    }
  });
});

describe('bias bounds: closed forms', () => {
  // Kx = 1, Ky = 2, P₋ = [½, ½], s = [a, a + δ]: Var(e^{s/τ})/min² = ¼ (e^{δ/τ} − 1)² for any shift a (C6).
  const model: RankingModel = { p1: [1], pPos: [[0.75, 0.25]], pNeg: [[0.5, 0.5]] };
  const tau = 0.5,
    delta = 0.25,
    a = 3;
  const s = [[a, a + delta]];
  const V = 0.25 * Math.expm1(delta / tau) ** 2;

  it('B_m = (τ/2m) ¼ (e^{δ/τ} − 1)², the same at every shift a', () => {
    expectClose(jensenBiasBound(model, s, tau, 2), (tau / 4) * V, T, 'B_2 at a = 3');
    expectClose(sharedPoolRateConstant(model, s, tau), tau * Math.sqrt(V), T, 'rate constant at a = 3');
  });

  it('B_m^NCE = τ Σ P₊(y⁺) max(1/(m μ), V/(2m)), μ = E_{P₋} e^{(s − s(y⁺))/τ}, at τ = ½', () => {
    // y⁺ = 0: μ = ½(1 + e^{δ/τ}); y⁺ = 1: μ = ½(e^{−δ/τ} + 1); here 1/μ > V/2 for both (0.755, 1.245 > 0.053)
    const m = 3;
    const mu0 = 0.5 * (1 + Math.exp(delta / tau)),
      mu1 = 0.5 * (Math.exp(-delta / tau) + 1);
    const want = tau * (0.75 * Math.max(1 / (m * mu0), V / (2 * m)) + 0.25 * Math.max(1 / (m * mu1), V / (2 * m)));
    expectClose(infoNceBiasBound(model, s, tau, m), want, T, 'B_3^NCE');
  });

  it('a constant score row has no variance: B_m = C_asym = rate = 0, B_m^NCE = τ/m', () => {
    const flat = [[a, a]];
    expect(jensenBiasBound(model, flat, tau, 2)).toBe(0);
    expect(asymptoticBiasConstant(model, flat, tau)).toBe(0);
    expect(sharedPoolRateConstant(model, flat, tau)).toBe(0);
    expectClose(infoNceBiasBound(model, flat, tau, 4), tau / 4, T, 'B_4^NCE at μ = 1');
  });
});

describe('an anchor of weight 0 changes nothing, even when its own terms overflow float64', () => {
  // p1 = [1, 0]: E_x runs over the support of p1. The second anchor's row [−1.7e308, 1.7e308] at τ = ½ has
  // s/τ = ±∞ in float64, and its finite-m term (inner − Σ P₊ s) = 3.4e308 overflows; weighted by 0 it must drop out
  // (0·∞ would be NaN).
  const tau = 0.5;
  const one: RankingModel = { p1: [1], pPos: [[0.5, 0.5]], pNeg: [[0.5, 0.5]] };
  const two: RankingModel = {
    p1: [1, 0],
    pPos: [
      [0.5, 0.5],
      [1, 0],
    ],
    pNeg: [
      [0.5, 0.5],
      [1e-10, 1 - 1e-10],
    ],
  };
  const s1: Scores = [[0, 1]];
  const s2: Scores = [
    [0, 1],
    [-1.7e308, 1.7e308],
  ];
  it('L, L − L* (both forms), L*', () => {
    expect(populationRisk(two, s2, tau)).toBe(populationRisk(one, s1, tau));
    expect(excessRisk(two, s2, tau)).toBe(excessRisk(one, s1, tau));
    expect(excessRiskKl(two, s2, tau)).toBe(excessRiskKl(one, s1, tau));
    expect(optimalRisk(two, tau)).toBe(optimalRisk(one, tau));
  });
  it('L_m (both forms) and the bias bounds', () => {
    expect(finiteMRisk(two, s2, tau, 1)).toBe(finiteMRisk(one, s1, tau, 1));
    expect(finiteMRisk(two, s2, tau, 2, 'infonce')).toBe(finiteMRisk(one, s1, tau, 2, 'infonce'));
    expect(jensenBiasBound(two, s2, tau, 2)).toBe(jensenBiasBound(one, s1, tau, 2));
    expect(sharedPoolRateConstant(two, s2, tau)).toBe(sharedPoolRateConstant(one, s1, tau));
    expect(infoNceBiasBound(two, s2, tau, 2)).toBe(infoNceBiasBound(one, s1, tau, 2));
  });
});

describe('optimalScores', () => {
  it('c defaults to 0: s* = τ log(P₊/P₋), −∞ where P₊ = 0', () => {
    const model: RankingModel = { p1: [1], pPos: [[0.5, 0.5, 0]], pNeg: [[0.25, 0.5, 0.25]] };
    expect(optimalScores(model, 2)).toEqual([[2 * Math.log(2), 0, -Infinity]]);
  });
});
