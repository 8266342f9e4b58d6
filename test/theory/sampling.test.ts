/*
 * Source: issue 15 (StrykerJS: 57 survivors in src/theory/ranking/sampling.ts, whose empirical risks no unit test
 * ran) and the paper-1 claims of docs/claims.md: C8 (fresh negatives concentrate at the Hoeffding rate, a shared
 * pool keeps an O(1/√m) error) and C10 (Hoeffding plus a union bound over a finite class). The empirical risk is
 *   L̂_{n,m}(s) = (1/n) Σ_i τ log((1/m) Σ_j e^{(s(x_i,y_ij) − s(x_i,y_i⁺))/τ}),
 * x_i ~ p1, y_i⁺ ~ P₊(·|x_i), negatives fresh ~ P₋(·|x_i) per anchor or one shared pool ~ P₋ for all anchors.
 * Expected:
 *  - laws that force every draw give L̂(s) = s(x, y⁻) − s(x, y⁺) exactly (to rounding) for every n, m, τ and table,
 *    in both modes; fresh negatives come from the anchor's own law;
 *  - inverse-CDF draws: atom k for u·c_K in [c_{k−1}, c_k) (c_K the total mass), so an atom of probability 0 is
 *    never drawn, even at u = 0;
 *  - one uniform per draw: n(2 + m) in fresh mode, m + 2n in shared mode; the same seed gives the same risks;
 *  - unbiased: with a fixed seed L̂ (fresh, n = 10 000) is within the Hoeffding deviation at δ = 1e-6 of the exact
 *    L_m (finiteMRisk), and the mean of 200 shared-pool replications within the same bound over replications,
 *    while their RMS error stays near the exact shared-pool RMS (sharedPoolRms) instead of shrinking with n;
 *  - lossRange and hoeffdingDeviation equal their formulas.
 */
import { describe, expect, it } from 'vitest';
import { Rng, seedFrom, tolerance } from '../../src/numeric/index.js';
import {
  empiricalRisks,
  finiteMRisk,
  hoeffdingDeviation,
  lossRange,
  populationRisk,
  type RankingModel,
  type Scores,
  sharedPoolRms,
} from '../../src/theory/ranking/index.js';
import { expectClose } from '../helpers/assert.js';

/** An Rng whose uniforms are given in advance (to test the draw convention). */
class ScriptedRng extends Rng {
  constructor(private readonly us: number[]) {
    super(1);
  }
  override uniform(): number {
    const u = this.us.shift();
    if (u === undefined) throw new Error('ScriptedRng: out of uniforms');
    return u;
  }
}

/** An Rng that counts the uniforms drawn. */
class CountingRng extends Rng {
  calls = 0;
  override uniform(): number {
    this.calls++;
    return super.uniform();
  }
}

const T = tolerance({ rel: 1e-14, abs: 1e-14 });

// Point masses force the draws: anchor 1, positive candidate 0, negative candidate 1 (of anchor 1's law). Such laws
// are not RankingModels for the population risks (P₋ lacks full support) but are laws one can sample from.
const tables: Scores[] = [
  [
    [0, 0, 0],
    [-1.5, 2.25, 7],
    [0, 0, 0],
  ],
  [
    [5, 5, 5],
    [3, -0.75, 1],
    [5, 5, 5],
  ],
];
const forcedRisk = (s: Scores): number => s[1]![1]! - s[1]![0]!; // s(x, y⁻) − s(x, y⁺) at x = 1, y⁺ = 0, y⁻ = 1

describe('forced draws: L̂ = s(x, y⁻) − s(x, y⁺)', () => {
  const pPos = [
    [0, 0, 1],
    [1, 0, 0],
    [0, 1, 0],
  ];
  it('fresh negatives, each anchor its own law', () => {
    const model: RankingModel = {
      p1: [0, 1, 0],
      pPos,
      pNeg: [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
    };
    for (const [tau, n, m] of [
      [0.5, 5, 4],
      [2, 3, 1],
    ] as const) {
      const got = empiricalRisks(model, tables, tau, n, m, 'fresh', new Rng(3));
      expect(got).toHaveLength(2);
      got.forEach((v, t) =>
        expectClose(v, forcedRisk(tables[t]!), T, `L̂ of table ${t}, τ = ${tau}, n = ${n}, m = ${m}`),
      );
    }
  });
  it('one shared pool (the same negative law for every anchor)', () => {
    const pNeg = [0, 1, 0];
    const model: RankingModel = { p1: [0, 1, 0], pPos, pNeg: [pNeg, pNeg, pNeg] };
    const got = empiricalRisks(model, tables, 0.5, 5, 4, 'shared', new Rng(3));
    got.forEach((v, t) => expectClose(v, forcedRisk(tables[t]!), T, `L̂ of table ${t} (shared)`));
  });
});

describe('inverse-CDF draws: atom k for u in [c_{k−1}, c_k)', () => {
  // n = m = 1, τ = 1, one anchor: the uniforms are x, y⁺, y⁻ in that order and L̂ = s(y⁻) − s(y⁺).
  const s: Scores = [[0, 1, 10]];
  const risk = (p: number[], us: number[]): number => {
    const model: RankingModel = { p1: [1], pPos: [p], pNeg: [p] };
    return empiricalRisks(model, [s], 1, 1, 1, 'fresh', new ScriptedRng(us))[0]!;
  };
  const q = [0.25, 0.5, 0.25]; // c = [¼, ¾, 1]
  it('u on a cumulative sum draws the next atom', () => {
    expectClose(risk(q, [0.5, 0.25, 0.75]), 10 - 1, T, 'y⁺ = 1 at u = ¼, y⁻ = 2 at u = ¾');
  });
  it('u just below a cumulative sum draws the atom itself', () => {
    expectClose(risk(q, [0.5, 0.25 - 2 ** -53, 0.75 - 2 ** -53]), 1 - 0, T, 'y⁺ = 0, y⁻ = 1');
  });
  it('an atom of probability 0 is never drawn, even at u = 0', () => {
    expectClose(risk([0, 0.5, 0.5], [0.5, 0, 0.5]), 10 - 1, T, 'y⁺ = 1 at u = 0, y⁻ = 2 at u = ½');
  });
  it('u is scaled by the total mass c_K (a law summing to 1 − 2^-31, within the model tolerance)', () => {
    // c = [½, ¾, c_K], c_K = 1 − 2^-31: u = ½ + 2^-33 has u·c_K = ½ − 2^-33 − … < ½, so atom 0 (u/c_K > ½ is atom 1)
    const p = [0.5, 0.25, 0.25 - 2 ** -31];
    expectClose(risk(p, [0.5, 0.5 + 2 ** -33, 0.99]), 10 - 0, T, 'y⁺ = 0, y⁻ = 2');
  });
});

// A proper ranking model (full-support P₋) and a class of two tables for the statistical checks.
const model: RankingModel = {
  p1: [0.25, 0.75],
  pPos: [
    [0.5, 0.3, 0.2],
    [0.1, 0.2, 0.7],
  ],
  pNeg: [
    [0.4, 0.4, 0.2],
    [0.3, 0.3, 0.4],
  ],
};
const selfSup: RankingModel = { ...model, pNeg: [model.pNeg[0]!, model.pNeg[0]!] };
const F: Scores[] = [
  [
    [0.5, -0.25, 1],
    [0, 0.75, -0.5],
  ],
  [
    [1, 0, -1],
    [-0.5, 0.25, 1.5],
  ],
];
const tau = 0.5;

describe('the random stream', () => {
  it('one uniform per draw: n(2 + m) fresh, m + 2n shared', () => {
    const fresh = new CountingRng(5);
    empiricalRisks(model, F, tau, 7, 3, 'fresh', fresh);
    expect(fresh.calls).toBe(7 * (2 + 3));
    const shared = new CountingRng(5);
    empiricalRisks(selfSup, F, tau, 7, 3, 'shared', shared);
    expect(shared.calls).toBe(3 + 2 * 7);
  });
  it('the same seed gives the same risks, another seed others', () => {
    for (const mode of ['fresh', 'shared'] as const) {
      const a = empiricalRisks(selfSup, F, tau, 50, 3, mode, new Rng(11));
      expect(empiricalRisks(selfSup, F, tau, 50, 3, mode, new Rng(11))).toEqual(a);
      expect(empiricalRisks(selfSup, F, tau, 50, 3, mode, new Rng(12))).not.toEqual(a);
    }
  });
});

describe('unbiased around the exact L_m (fixed seeds, Hoeffding at δ = 1e-6)', () => {
  const delta = 1e-6;
  const range = lossRange(F);

  it('fresh negatives: sup_F |L̂_{n,m} − L_m| <= range·√(log(2k/δ)/(2n)) at n = 10 000, m = 3', () => {
    const n = 10_000,
      m = 3;
    const hat = empiricalRisks(model, F, tau, n, m, 'fresh', new Rng(2026));
    const bound = hoeffdingDeviation(range, F.length, n, delta);
    F.forEach((s, t) => {
      const dev = Math.abs(hat[t]! - finiteMRisk(model, s, tau, m));
      expect(dev, `|L̂ − L_m| of table ${t} (bound ${bound})`).toBeLessThanOrEqual(bound);
    });
  });

  it('one shared pool: the mean of 200 replications is unbiased, their RMS error stays ~ the pool RMS', () => {
    // Each replication: n = 250 anchors, one pool of m = 2 (seeds hashed by seedFrom: the first uniforms of
    // Rng(k) for consecutive small k are nearly equal). E L̂ = L_m, and E (L̂ − L)² = RMS_pool² + O(1/n) (C8), with
    // RMS_pool = sharedPoolRms (n = ∞): the error does not shrink with n. The mean of R bounded replications obeys
    // Hoeffding over R; the sample mean square has relative spread ~√(2/R) = 0.1, so it lies in
    // [½, 2]·(RMS_pool² + range²/(4n)) with a wide margin.
    const R = 200,
      n = 250,
      m = 2,
      s = F[0]!;
    const Lm = finiteMRisk(selfSup, s, tau, m),
      L = populationRisk(selfSup, s, tau);
    let sum = 0,
      sq = 0;
    for (let r = 0; r < R; r++) {
      const hat = empiricalRisks(selfSup, [s], tau, n, m, 'shared', new Rng(seedFrom(r)))[0]!;
      sum += hat - Lm;
      sq += (hat - L) ** 2;
    }
    expect(Math.abs(sum / R)).toBeLessThanOrEqual(hoeffdingDeviation(lossRange([s]), 1, R, delta));
    const poolRms = sharedPoolRms(selfSup, s, tau, m);
    expect(Math.sqrt(sq / R)).toBeGreaterThanOrEqual(Math.sqrt(0.5) * poolRms);
    expect(Math.sqrt(sq / R)).toBeLessThanOrEqual(Math.sqrt(2 * (poolRms ** 2 + lossRange([s]) ** 2 / (4 * n))));
  });
});

describe('the deviation terms', () => {
  it('lossRange = 2·max over tables and anchors of (max_y s − min_y s)', () => {
    expect(
      lossRange([
        [
          [1, -1, 3],
          [0, 0.5, 0.25],
        ],
        [[2, 2.5, 1]],
      ]),
    ).toBe(8);
  });
  it('hoeffdingDeviation = range·√(log(2k/δ)/(2n))', () => {
    expectClose(hoeffdingDeviation(3, 4, 50, 0.1), 3 * Math.sqrt(Math.log(80) / 100), T, 'deviation');
  });
});
