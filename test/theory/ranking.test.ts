/*
 * Source: fixtures/oracle/ranking.json (scripts/make_oracle_ranking.py: mpmath 40 digits, finite-m risks by
 * enumerating every ordered sequence of negatives) and float64 central differences (the m–n trade-off's mathjs
 * calculus is tested in tradeoff.test.ts).
 * Expected: src/theory/ranking matches the oracle at <= 1e-12 relative (AUCs at 1e-14 absolute), the risk
 * gradient matches central differences at <= 1e-7, and bad input fails with one CrlInputError each.
 */
import { describe, expect, it } from 'vitest';
import { CrlInputError, tolerance } from '../../src/numeric/index.js';
import {
  auc,
  candidateSoftmax,
  compositionCount,
  excessRisk,
  excessRiskKl,
  finiteMRisk,
  globalAuc,
  mutualInformation,
  optimalAuc,
  optimalRisk,
  populationRisk,
  populationRiskGradient,
  type RankingModel,
  symmetricRisk,
} from '../../src/theory/ranking/index.js';
import { expectClose, readOracle } from '../helpers/assert.js';

const REL = tolerance({ rel: 1e-12, abs: 1e-13 });
const AUC_TOL = tolerance({ abs: 1e-14 });

interface Case {
  p1: number[];
  pPos: number[][];
  pNeg: number[][];
  tau: number;
  s: number[][];
  L: number;
  Lstar: number;
  q: number[][];
  auc: number;
  aucStar: number;
  globalAuc: number;
  finiteM: { m: number; normalized: number; infonce: number }[];
}
const oracle = readOracle<Case>('ranking.json') as ReturnType<typeof readOracle<Case>> & {
  selfSupervised: { joint: number[][]; tau: number; s: number[][]; mutualInformation: number; symmetricRisk: number }[];
};

describe('ranking quantities vs mpmath oracle', () => {
  oracle.cases.forEach((c, i) => {
    const model: RankingModel = { p1: c.p1, pPos: c.pPos, pNeg: c.pNeg };
    it(`case ${i}: Kx=${c.p1.length} Ky=${c.s[0]!.length} τ=${c.tau}`, () => {
      expectClose(populationRisk(model, c.s, c.tau), c.L, REL, 'L(s)');
      expectClose(optimalRisk(model, c.tau), c.Lstar, REL, 'L*');
      candidateSoftmax(model, c.s, c.tau)
        .flat()
        .forEach((v, k) => expectClose(v, c.q.flat()[k]!, REL, `q_s[${k}]`));
      expectClose(auc(model, c.s), c.auc, AUC_TOL, 'AUC(s)');
      expectClose(optimalAuc(model), c.aucStar, AUC_TOL, 'AUC*');
      expectClose(globalAuc(model, c.s), c.globalAuc, AUC_TOL, 'global AUC');
      expectClose(
        excessRiskKl(model, c.s, c.tau),
        c.L - c.Lstar,
        tolerance({ rel: 1e-9, abs: 1e-12 }),
        'τ E KL(P₊‖q_s)',
      );
      for (const f of c.finiteM) {
        expectClose(finiteMRisk(model, c.s, c.tau, f.m, 'normalized'), f.normalized, REL, `L_${f.m} (normalized)`);
        expectClose(finiteMRisk(model, c.s, c.tau, f.m, 'infonce'), f.infonce, REL, `L_${f.m}^NCE`);
      }
    });
  });
  it('has finite-m cases up to m = 5', () =>
    expect(Math.max(...oracle.cases.flatMap((c) => c.finiteM.map((f) => f.m)))).toBe(5));
  oracle.selfSupervised.forEach((c, i) =>
    it(`self-supervised ${i}: I(X;Y) and L_sym`, () => {
      expectClose(mutualInformation(c.joint), c.mutualInformation, REL, 'I(X;Y)');
      expectClose(symmetricRisk(c.joint, c.s, c.tau), c.symmetricRisk, REL, 'L_sym(s)');
    }),
  );
});

describe('risk gradient vs central differences', () => {
  it('∂L/∂s = p1 (q_s − P₊) on every oracle case', () => {
    for (const c of oracle.cases.slice(0, 12)) {
      const model: RankingModel = { p1: c.p1, pPos: c.pPos, pNeg: c.pNeg };
      const g = populationRiskGradient(model, c.s, c.tau);
      for (let x = 0; x < c.s.length; x++)
        for (let y = 0; y < c.s[0]!.length; y++) {
          const h = 1e-5 * Math.max(1, Math.abs(c.s[x]![y]!));
          const at = (d: number) =>
            populationRisk(
              model,
              c.s.map((r, i) => r.map((v, j) => (i === x && j === y ? v + d : v))),
              c.tau,
            );
          const fd = (at(h) - at(-h)) / (2 * h);
          expect(Math.abs(fd - g[x]![y]!), `∂L/∂s[${x}][${y}]`).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(fd)));
        }
    }
  });
});

describe('exact enumeration', () => {
  it('counts count vectors as C(m+K−1, K−1)', () => {
    expect(compositionCount(5, 3)).toBe(21);
    expect(compositionCount(64, 4)).toBe(47905);
  });
  it('L_m at m = 1 (normalized) is E s(y⁻) − E s(y⁺), linear in s', () => {
    const model: RankingModel = { p1: [1], pPos: [[0.75, 0.25]], pNeg: [[0.5, 0.5]] };
    expectClose(finiteMRisk(model, [[1, -1]], 1, 1), 0 - 0.5, REL, 'L_1');
  });
  it('refuses an enumeration that is too large, saying so', () => {
    const model: RankingModel = { p1: [1], pPos: [Array(8).fill(1 / 8)], pNeg: [Array(8).fill(1 / 8)] };
    expect(() => finiteMRisk(model, [Array(8).fill(0)], 1, 200)).toThrow(/exceeds/);
  });
});

describe('bad input', () => {
  const good: RankingModel = { p1: [1], pPos: [[0.5, 0.5]], pNeg: [[0.5, 0.5]] };
  const cases: [string, () => unknown, RegExp][] = [
    ['p1 not summing to 1', () => populationRisk({ ...good, p1: [0.5] }, [[0, 0]], 1), /p1 sums to 0.5/],
    [
      'P₋ with a zero',
      () => populationRisk({ ...good, pNeg: [[1, 0]] }, [[0, 0]], 1),
      /pNeg\[0\]\[1\] = 0 must be a finite positive/,
    ],
    ['one candidate', () => populationRisk({ p1: [1], pPos: [[1]], pNeg: [[1]] }, [[0]], 1), /at least 2 candidates/],
    ['score shape', () => populationRisk(good, [[0, 0, 0]], 1), /s\[0\] has 3 entries/],
    ['NaN score', () => auc(good, [[0, NaN]]), /s\[0\]\[1\] = NaN is not finite/],
    ['τ = 0', () => excessRisk(good, [[0, 0]], 0), /tau must be a finite number > 0/],
    ['m = 0', () => finiteMRisk(good, [[0, 0]], 1, 0), /m must be an integer >= 1/],
    ['unknown form', () => finiteMRisk(good, [[0, 0]], 1, 2, 'other' as never), /form must be/],
  ];
  for (const [what, f, msg] of cases)
    it(what, () => {
      expect(f).toThrow(CrlInputError);
      expect(f).toThrow(msg);
    });
});
