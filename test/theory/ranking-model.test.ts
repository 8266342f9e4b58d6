/*
 * Source: issue 15 (StrykerJS survivors of src/theory/ranking/model.ts and of the input checks of auc.ts,
 * selfSupervised.ts and finiteM.ts); the model of docs/claims.md, paper-1 notation (p1 a law over Kx >= 1 anchors,
 * P₊(·|x) a law and P₋(·|x) a full-support law over the same Ky >= 2 candidates, sums to 1e-9, docs/api.md) and
 * C3 (the self-supervised model of a joint law: p1 its x-marginal, P₊ = P(·|x), P₋ = p₂).
 * Expected: each bad input fails with one CrlInputError whose message names the fault (row, entry, count); each
 * valid edge passes: zero weights in p1 and P₊, sums within 1e-9 of 1, one anchor; the self-supervised model of an
 * unnormalized joint law equals that of the normalized law, with exact dyadic values.
 */
import { describe, expect, it } from 'vitest';
import {
  auc,
  mapScores,
  mutualInformation,
  type RankingModel,
  requireRankingModel,
  requireScores,
  selfSupervisedModel,
  sharedPoolRms,
  symmetricRisk,
} from '../../src/theory/ranking/index.js';
import { throwsInput } from '../helpers/assert.js';

const good: RankingModel = {
  p1: [0.5, 0.5],
  pPos: [
    [0.5, 0.5],
    [0.25, 0.75],
  ],
  pNeg: [
    [0.5, 0.5],
    [0.75, 0.25],
  ],
};

describe('requireRankingModel: what it rejects, with the message', () => {
  const cases: [string, unknown, RegExp][] = [
    ['p1 empty', { ...good, p1: [] }, /ranking model: p1 must be a non-empty array/],
    ['p1 a typed array, not an array', { ...good, p1: Float64Array.of(0.5, 0.5) }, /p1 must be a non-empty array/],
    ['p1 missing', { pPos: good.pPos, pNeg: good.pNeg }, /p1 must be a non-empty array/],
    ['a negative weight in p1', { ...good, p1: [1.5, -0.5] }, /p1\[1\] = -0.5 must be a finite non-negative prob/],
    ['p1 summing to 1 + 2^-28', { ...good, p1: [0.5, 0.5 + 2 ** -28] }, /p1 sums to 1.0000000037252903, not 1/],
    ['pPos with one row for two anchors', { ...good, pPos: [[0.5, 0.5]] }, /pPos has 1 rows, p1 has 2/],
    ['pPos missing', { p1: good.p1, pNeg: good.pNeg }, /ranking model: pPos has undefined rows, p1 has 2/],
    ['pNeg with three rows for two anchors', { ...good, pNeg: [...good.pNeg, [0.5, 0.5]] }, /pNeg has 3 rows, p1/],
    ['pNeg missing', { p1: good.p1, pPos: good.pPos }, /ranking model: pNeg has undefined rows, p1 has 2/],
    ['one candidate', { p1: [1], pPos: [[1]], pNeg: [[1]] }, /need at least 2 candidates, got 1/],
    [
      'pPos row 1 with three candidates',
      { ...good, pPos: [good.pPos[0], [0.25, 0.25, 0.5]] },
      /ranking model: row 1 does not have 2 candidates/,
    ],
    [
      'pNeg row 0 with three candidates',
      { ...good, pNeg: [[0.25, 0.25, 0.5], good.pNeg[1]] },
      /ranking model: row 0 does not have 2 candidates/,
    ],
    ['pPos row 1 summing to 0.9', { ...good, pPos: [good.pPos[0], [0.25, 0.65]] }, /pPos\[1\] sums to 0.9, not 1/],
    ['a negative entry in pPos', { ...good, pPos: [[1.25, -0.25], good.pPos[1]] }, /pPos\[0\]\[1\] = -0.25 must be/],
    ['a zero in pNeg', { ...good, pNeg: [good.pNeg[0], [1, 0]] }, /pNeg\[1\]\[1\] = 0 must be a finite positive/],
  ];
  for (const [what, model, msg] of cases) it(what, () => throwsInput(() => requireRankingModel(model as never), msg));
});

describe('requireRankingModel: valid edges pass', () => {
  it('p1 with a zero weight (an anchor outside the support)', () => {
    expect(() => requireRankingModel({ ...good, p1: [1, 0] })).not.toThrow();
  });
  it('P₊ with a zero (a candidate that is never positive)', () => {
    expect(() =>
      requireRankingModel({
        ...good,
        pPos: [
          [1, 0],
          [0, 1],
        ],
      }),
    ).not.toThrow();
  });
  it('sums within 1e-9 of 1, above and below', () => {
    expect(() => requireRankingModel({ ...good, p1: [0.5, 0.5 + 5e-10] })).not.toThrow();
    expect(() => requireRankingModel({ ...good, pNeg: [[0.5, 0.5 - 5e-10], good.pNeg[1]!] })).not.toThrow();
  });
  it('one anchor', () => {
    expect(() => requireRankingModel({ p1: [1], pPos: [[0.5, 0.5]], pNeg: [[0.25, 0.75]] })).not.toThrow();
  });
});

describe('requireScores', () => {
  it('rejects a table with the wrong number of rows, naming it', () => {
    throwsInput(() => requireScores(good, [[0, 1]], 'table'), /table has 1 rows, the model has 2 anchors/);
  });
  it('rejects a missing table (auc without scores) as an input error', () => {
    throwsInput(() => auc(good, undefined as never), /s has undefined rows, the model has 2 anchors/);
  });
  it('accepts a table of the model shape', () => {
    expect(() =>
      requireScores(good, [
        [0, 1],
        [-1, 2],
      ]),
    ).not.toThrow();
  });
});

describe('selfSupervisedModel: what it rejects', () => {
  const cases: [string, number[][], RegExp][] = [
    ['no anchor', [], /joint law: need at least one anchor, two candidates and positive mass/],
    ['one candidate', [[0.5], [0.5]], /need at least one anchor, two candidates and positive mass/],
    ['one anchor, one candidate', [[1]], /need at least one anchor, two candidates and positive mass/],
    [
      'no mass',
      [
        [0, 0],
        [0, 0],
      ],
      /need at least one anchor, two candidates and positive mass/,
    ],
    [
      'a negative entry (marginals still positive)',
      [
        [-0.125, 0.625],
        [0.25, 0.25],
      ],
      /joint law: entries must be finite and >= 0/,
    ],
    [
      'an infinite entry',
      [
        [Infinity, 1],
        [1, 1],
      ],
      /entries must be finite and >= 0/,
    ],
    [
      'an empty row (p1 without full support)',
      [
        [0, 0],
        [0.5, 0.5],
      ],
      /joint law: marginals need full support/,
    ],
    [
      'an empty column (p2 without full support)',
      [
        [0.5, 0],
        [0.5, 0],
      ],
      /joint law: marginals need full support/,
    ],
  ];
  for (const [what, joint, msg] of cases) it(what, () => throwsInput(() => selfSupervisedModel(joint), msg));
});

describe('selfSupervisedModel: valid joint laws', () => {
  it('one anchor: p1 = [1], P₊ = P₋ = the row', () => {
    expect(selfSupervisedModel([[0.25, 0.75]])).toEqual({ p1: [1], pPos: [[0.25, 0.75]], pNeg: [[0.25, 0.75]] });
  });
  it('an unnormalized law (mass 8) gives the model of P/8, exactly', () => {
    // P = [[1, 3], [2, 2]]/8: p1 = [½, ½], p2 = [3/8, 5/8], P(·|x) = [¼, ¾] and [½, ½]
    const want = {
      p1: [0.5, 0.5],
      pPos: [
        [0.25, 0.75],
        [0.5, 0.5],
      ],
      pNeg: [
        [0.375, 0.625],
        [0.375, 0.625],
      ],
    };
    expect(
      selfSupervisedModel([
        [1, 3],
        [2, 2],
      ]),
    ).toEqual(want);
  });
  it('zero entries with full-support marginals pass: I(X;Y) of the diagonal law is log 2', () => {
    const joint = [
      [0.5, 0],
      [0, 0.5],
    ];
    expect(selfSupervisedModel(joint).pPos).toEqual([
      [1, 0],
      [0, 1],
    ]);
    // I = Σ_{P>0} P log(P/(p1 p2)) = 2·½ log(½/¼); the P = 0 cells contribute 0 (not 0·log 0 = NaN)
    expect(mutualInformation(joint)).toBeCloseTo(Math.log(2), 15);
  });
});

describe('input checks of the other evaluators', () => {
  it('symmetricRisk names its own shape fault', () => {
    const joint = [
      [0.25, 0.25],
      [0.25, 0.25],
    ];
    throwsInput(
      () =>
        symmetricRisk(
          joint,
          [
            [0, 0],
            [0, 0],
            [0, 0],
          ],
          1,
        ),
      /symmetricRisk: s has 3 rows, the joint/,
    );
  });
  it('mapScores rejects a φ that is not a function', () => {
    throwsInput(() => mapScores([[0, 1]], 'cube' as never), /mapScores: phi must be a function/);
  });
  it('sharedPoolRms needs one negative law for every anchor, even if the rows share an entry', () => {
    const model: RankingModel = {
      p1: [0.5, 0.5],
      pPos: [
        [0.25, 0.25, 0.5],
        [0.25, 0.25, 0.5],
      ],
      pNeg: [
        [0.25, 0.25, 0.5],
        [0.25, 0.5, 0.25],
      ],
    };
    const s = [
      [0, 1, 2],
      [0, 1, 2],
    ];
    throwsInput(() => sharedPoolRms(model, s, 1, 2), /sharedPoolRms: every anchor must share one negative law/);
  });
});
