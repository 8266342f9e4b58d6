/*
 * Source: issue 15 §2 (each arbitrary tested as an arbitrary, as fast-check tests its own) and issue 12 §2 (shrinking
 * removes any anchor or candidate), for rankingInstance in its three negative modes and the wide targeted-search
 * configuration of paper1/calibration.
 * Expected: same seed gives the same value and the same shrinks with or without context; rankingToParts inverts
 * buildRankingInstance; every value reached is shrinkable without context and each shrink step goes strictly down;
 * shrinking from Kx = 3 offers each anchor for deletion; option errors name the option in our words.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bySimplicity,
  buildRankingInstance,
  type Negatives,
  rankingInstance,
  type RankingInstance,
  type RankingOptions,
  rankingToParts,
  type RankingWeights,
} from '../../src/arbitraries/index.js';
import { gcdOf, sameValue } from '../../src/arbitraries/shrinkable.js';
import { CrlInputError } from '../../src/numeric/index.js';
import {
  expectCorrectValues,
  expectSameValueGivenSameSeed,
  expectShrinkableWithoutContext,
  expectShrinkStrictlySmaller,
  shrinkWithoutContext,
} from './arbitrary-assertions.js';

const TEMPS = bySimplicity([1, 0.5, 2, 0.25, 0.1, 0.07]);
const MODES = ['grid', 'near-optimal'];
const STEPS = [1 / 8, 1 / 2, 1 / 64, 1 / 1024];
const CONFIGS: [string, RankingOptions][] = [
  ['per-anchor', {}],
  ['shared', { negatives: 'shared' }],
  ['joint', { negatives: 'joint' }],
  [
    'wide (calibration search)',
    {
      maxAnchors: 1,
      maxCandidates: 4,
      maxWeight: 4096,
      steps: [1 / 1024],
      maxOffset: 4096,
      scoreModes: ['grid'],
    },
  ],
];
const sum = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0);

/** (Kx + Ky, choice indices, Σ(w − 1) + Σ|k|): what every shrink step must lower. */
function measure(o: RankingOptions) {
  const steps = o.steps ?? STEPS,
    modes = o.scoreModes ?? MODES;
  return (r: RankingInstance): number[] => {
    const p = rankingToParts(r, o.negatives);
    const w = [...p.weights.p1, ...p.weights.pos.flat(), ...p.weights.neg.flat()];
    const choices = TEMPS.indexOf(p.tau) + modes.indexOf(p.scores) + steps.indexOf(p.step);
    return [p.kx + p.ky, choices, sum(w.map((x) => x - 1)) + sum(p.k.flat().map(Math.abs))];
  };
}

describe('rankingInstance as an arbitrary', () => {
  for (const [name, o] of CONFIGS) {
    describe(name, () => {
      const arb = rankingInstance(o);
      it('same seed, same value and same shrinks, with or without context', () => expectSameValueGivenSameSeed(arb));
      it('values stay shrinkable without context', () => expectShrinkableWithoutContext(arb));
      it('shrinking goes strictly down', () => expectShrinkStrictlySmaller(arb, measure(o)));
      it('rankingToParts inverts buildRankingInstance (both ways)', () =>
        expectCorrectValues(arb, (r) => {
          const p = rankingToParts(r, o.negatives);
          expect(sameValue(buildRankingInstance(p), r)).toBe(true);
          expect(sameValue(rankingToParts(buildRankingInstance(p), o.negatives), p)).toBe(true);
        }));
      it('laws are integer weights in [1, maxWeight], in lowest terms', () =>
        expectCorrectValues(arb, (r) => {
          const p = rankingToParts(r, o.negatives);
          const { p1, pos, neg } = p.weights;
          const laws = o.negatives === 'joint' ? [pos.flat()] : [p1, ...pos, ...neg];
          for (const law of laws) {
            expect(
              law.every((w) => Number.isInteger(w) && w >= 1 && w <= (o.maxWeight ?? 16)),
              `${law}`,
            ).toBe(true);
            expect(gcdOf(law), `${law}`).toBe(1);
          }
        }));
    });
  }

  it('shared negatives: one P₋ for every anchor; joint: no p1 and no P₋ weights', () => {
    for (const r of fc.sample(rankingInstance({ negatives: 'shared', minAnchors: 2 }), { seed: 3, numRuns: 50 })) {
      expect(r.weights.neg.every((row) => sameValue(row, r.weights.neg[0]))).toBe(true);
      expect(rankingToParts(r, 'shared').weights.neg).toHaveLength(1);
    }
    for (const r of fc.sample(rankingInstance({ negatives: 'joint' }), { seed: 3, numRuns: 50 })) {
      expect([r.weights.p1, r.weights.neg]).toEqual([[], []]);
    }
  });

  it('generation is as before: sizes spread over their ranges, weights over [1, 16]', () => {
    const xs = fc.sample(rankingInstance(), { seed: 11, numRuns: 600 });
    for (const kx of [1, 2, 3]) expect(xs.filter((r) => r.kx === kx).length, `Kx = ${kx}`).toBeGreaterThan(120);
    for (const ky of [2, 3, 4]) expect(xs.filter((r) => r.ky === ky).length, `Ky = ${ky}`).toBeGreaterThan(120);
    expect(new Set(xs.flatMap((r) => r.weights.pos.flat())).size).toBeGreaterThan(12);
    expect(xs.filter((r) => r.scores === 'near-optimal').length).toBeGreaterThan(200);
  });
});

describe('rankingInstance shrinks from a stored value', () => {
  const arb = rankingInstance();
  const start = buildRankingInstance({
    kx: 3,
    ky: 3,
    tau: 0.25,
    scores: 'near-optimal',
    step: 1 / 64,
    negatives: 'per-anchor',
    weights: {
      p1: [1, 2, 3],
      pos: [
        [1, 2, 3],
        [3, 1, 1],
        [1, 1, 5],
      ],
      neg: [
        [2, 1, 1],
        [1, 1, 1],
        [4, 1, 1],
      ],
    },
    k: [
      [1, 0, -1],
      [0, 2, 0],
      [5, 0, 0],
    ],
  });
  const candidates = shrinkWithoutContext(arb, start);
  const withWeights = (w: Partial<RankingWeights>): RankingInstance =>
    buildRankingInstance({ ...rankingToParts(start), weights: { ...start.weights, ...w } });

  it('offers each anchor and each candidate for deletion, not only the last', () => {
    const kept = (r: RankingInstance) => r.weights.pos.map((row) => JSON.stringify(row));
    const anchors = candidates.filter((r) => r.kx === 2 && r.ky === 3).map(kept);
    expect(anchors).toEqual(
      [
        [1, 2],
        [0, 2],
        [0, 1],
      ].map((ix) => ix.map((x) => JSON.stringify(start.weights.pos[x]))),
    );
    const cols = candidates.filter((r) => r.kx === 3 && r.ky === 2).map((r) => r.k[0]);
    expect(cols).toEqual([
      [0, -1],
      [1, -1],
      [1, 0],
    ]);
  });
  it('offers every simpler temperature, score mode and step (τ = 1, 1/2, 2 from 1/4)', () => {
    const same = candidates.filter((r) => r.kx === 3 && r.ky === 3);
    const taus = same.filter((r) => r.scores === start.scores && r.step === start.step && r.tau !== start.tau);
    expect(taus.map((r) => r.tau)).toEqual([1, 0.5, 2]);
    expect(same.some((r) => r.scores === 'grid' && r.tau === start.tau)).toBe(true);
    expect(same.filter((r) => r.step !== start.step).map((r) => r.step)).toEqual([1 / 8, 1 / 2]);
  });
  it('puts a law in lowest terms first (same model, number for number)', () => {
    const doubled = withWeights({
      pos: [
        [2, 4, 6],
        [3, 1, 1],
        [1, 1, 5],
      ],
    });
    expect(arb.canShrinkWithoutContext(doubled)).toBe(true);
    const [first] = shrinkWithoutContext(arb, doubled, 1);
    expect(first!.weights.pos[0]).toEqual([1, 2, 3]);
    expect(sameValue(first!.model, doubled.model)).toBe(true);
  });
  it('does not shrink values it does not build: tampered scores, weights off the grid, another negatives mode', () => {
    expect(arb.canShrinkWithoutContext(start)).toBe(true);
    expect(arb.canShrinkWithoutContext({ ...start, s: start.s.map((row) => row.map((v) => v + 1e-9)) })).toBe(false);
    expect(arb.canShrinkWithoutContext(withWeights({ p1: [0, 2, 3] }))).toBe(false);
    expect(arb.canShrinkWithoutContext(withWeights({ p1: [17, 2, 3] }))).toBe(false);
    expect(rankingInstance({ negatives: 'joint' }).canShrinkWithoutContext(start)).toBe(false);
    expect(arb.canShrinkWithoutContext({ kx: 1 })).toBe(false);
    expect(arb.canShrinkWithoutContext(null)).toBe(false);
  });
});

describe('rankingInstance option errors name the option', () => {
  const cases: [RankingOptions, RegExp][] = [
    [{ minCandidates: 5, maxCandidates: 4 }, /^rankingInstance: minCandidates \(5\) must be <= maxCandidates \(4\)$/],
    [{ minCandidates: 1 }, /^rankingInstance: minCandidates must be an integer >= 2, got 1$/],
    [{ minAnchors: 0 }, /^rankingInstance: minAnchors must be an integer >= 1, got 0$/],
    [{ minAnchors: 3, maxAnchors: 2 }, /^rankingInstance: maxAnchors \(2\) must be an integer >= minAnchors \(3\)$/],
    [{ maxWeight: 0 }, /^rankingInstance: maxWeight must be an integer >= 1, got 0$/],
    [{ maxOffset: -1 }, /^rankingInstance: maxOffset must be an integer >= 0, got -1$/],
    [{ negatives: 'both' as Negatives }, /^rankingInstance: negatives must be 'per-anchor', 'shared' or 'joint'/],
    [{ steps: [] }, /^rankingInstance: steps must be finite numbers > 0$/],
    [{ temperatures: [0] }, /^rankingInstance: temperatures must be finite numbers > 0$/],
    [{ scoreModes: [] }, /^rankingInstance: scoreModes must list 'grid' and\/or 'near-optimal'$/],
  ];
  for (const [o, message] of cases) {
    it(JSON.stringify(o), () => {
      expect(() => rankingInstance(o)).toThrow(CrlInputError);
      expect(() => rankingInstance(o)).toThrow(message);
    });
  }
});
