/*
 * Source: issue 12 §3 (targeted search derives encode/decode from the arbitraries themselves): the search spaces of
 * rankingInstance, finiteSpaceInstance, embeddingBatch and pairedEmbeddings (src/arbitraries/searchSpace.ts).
 * Expected: snap(encode(x), x) is x exactly and at(encode(x), x) is x up to rounding, for values of each arbitrary;
 * at(θ) is valid input for the checks off the grid; snap(θ) is a value the arbitrary shrinks without context, for
 * any θ; sizes, τ, score mode and step come from the start; a finite-difference ascent on a planted twin's violation
 * through `at` followed by `snap` gives a counterexample of that twin.
 */
import fc, { type Arbitrary } from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildFiniteSpace,
  embeddingBatch,
  finiteSpaceInstance,
  type FiniteSpaceInstance,
  finiteSpaceToParts,
  pairedEmbeddings,
  rankingInstance,
  type RankingInstance,
  type SearchSpace,
  searchSpaceOf,
  snapLaw,
} from '../../src/arbitraries/index.js';
import { sameValue } from '../../src/arbitraries/shrinkable.js';
import { loadRegistry } from '../../src/conjecture/index.js';
import { CrlInputError, type Matrix, norm, toRows } from '../../src/numeric/index.js';
import { requireRankingModel } from '../../src/theory/ranking/model.js';

type Pair = { X: Matrix; Y: Matrix };
/** Every number inside a value, in a fixed order (to compare `at` with the value up to rounding). */
const numbers = (v: unknown): number[] => {
  if (typeof v === 'number') return [v];
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
  if (Array.isArray(v)) return v.flatMap(numbers);
  if (typeof v !== 'object' || v === null) return [];
  const o = v as Record<string, unknown>;
  return Object.keys(o)
    .sort()
    .flatMap((k) => numbers(o[k]));
};
/** Values equal up to rounding: the laws and derived numbers agree to 1e-12 relative. */
function expectNear(a: unknown, b: unknown, skip: (k: string) => boolean = () => false): void {
  const strip = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null || ArrayBuffer.isView(v) || Array.isArray(v)) return v;
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => !skip(k))
        .map(([k, x]) => [k, strip(x)]),
    );
  };
  const x = numbers(strip(a)),
    y = numbers(strip(b));
  expect(x.length).toBe(y.length);
  x.forEach((v, i) => {
    const allowed = 1e-12 * Math.max(1, Math.abs(y[i]!));
    expect(Math.abs(v - y[i]!), `coordinate ${i}: ${v} vs ${y[i]}`).toBeLessThanOrEqual(allowed);
  });
}

const weights = (k: string): boolean => k === 'weights';
const densityWeights = (k: string): boolean => k === 'wRho' || k === 'wRho2';
const wide = { maxAnchors: 1, maxWeight: 4096, steps: [1 / 1024], maxOffset: 4096, scoreModes: ['grid' as const] };
const small = { minRows: 1, minDim: 1, maxDim: 3 };
const cells = (M: Matrix): number => M.rows * M.cols;
/** name, arbitrary, the number of coordinates of θ, the fields `at` may write differently (the integer weights). */
const CASES: [string, Arbitrary<unknown>, (x: never) => number, (k: string) => boolean][] = [
  ['rankingInstance', rankingInstance(), (r: RankingInstance) => r.kx + 3 * r.kx * r.ky, weights],
  [
    'rankingInstance shared',
    rankingInstance({ negatives: 'shared' }),
    (r: RankingInstance) => r.kx + 2 * r.kx * r.ky + r.ky,
    weights,
  ],
  ['rankingInstance joint', rankingInstance({ negatives: 'joint' }), (r: RankingInstance) => 2 * r.kx * r.ky, weights],
  ['rankingInstance wide', rankingInstance(wide), (r: RankingInstance) => 1 + 3 * r.ky, weights],
  ['finiteSpaceInstance', finiteSpaceInstance(), (r: FiniteSpaceInstance) => 5 * r.K + 2, densityWeights], // + log τ, t
  ['embeddingBatch', embeddingBatch(), cells, () => false],
  ['embeddingBatch raw', embeddingBatch({ normalize: false, grid: 4 }), cells, () => false],
  ['pairedEmbeddings', pairedEmbeddings(small), (p: Pair) => 2 * cells(p.X), () => false],
];

describe('search spaces attached to the arbitraries', () => {
  it('searchSpaceOf finds them, and nothing on other arbitraries', () => {
    for (const [name, arb] of CASES) expect(searchSpaceOf(arb), name).toBeDefined();
    expect(searchSpaceOf(fc.integer())).toBeUndefined();
  });
  for (const [name, arb, dims, skip] of CASES) {
    describe(name, () => {
      const space = searchSpaceOf(arb)! as SearchSpace<unknown>;
      const xs = fc.sample(arb, { seed: 7, numRuns: 120 });
      it('θ has the stated coordinates; snap(encode(x), x) = x; at(encode(x), x) ≈ x', () => {
        for (const x of xs) {
          const theta = space.encode(x);
          expect(theta).toHaveLength(dims(x as never));
          expect(sameValue(space.snap(theta, x), x)).toBe(true);
          expectNear(space.at(theta, x), x, skip);
        }
      });
      it('snap(θ) is a value the arbitrary shrinks without context, for θ near and far', () => {
        const scales = fc.constantFrom(0.01, 0.5, 5, 50);
        const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 });
        fc.assert(
          fc.property(fc.constantFrom(...xs), seeds, scales, (x, seed, scale) => {
            const theta = space.encode(x);
            let s = seed;
            const noise = () => {
              s = (s * 1103515245 + 12345) % 2 ** 31;
              return (s / 2 ** 31 - 0.5) * 2 * scale;
            };
            const moved = theta.map((t) => t + noise());
            const snapped = space.snap(moved, x);
            expect(arb.canShrinkWithoutContext(snapped), JSON.stringify(moved)).toBe(true);
            expect(numbers(space.at(moved, x)).every(Number.isFinite)).toBe(true);
          }),
          { numRuns: 60 },
        );
      });
      it('a θ of the wrong length is an error in our words', () => {
        expect(() => space.at([...space.encode(xs[0]), 0], xs[0])).toThrow(CrlInputError);
        expect(() => space.snap([0], xs[0])).toThrow(/search space: θ has 1 coordinates, this instance has \d+/);
      });
    });
  }
});

describe('ranking search space', () => {
  const arb = rankingInstance({ negatives: 'shared', minAnchors: 2 });
  const space = searchSpaceOf(arb)!;
  it("at(θ) and snap(θ) are valid models with the start's sizes, τ, score mode and step; P₋ stays shared", () => {
    for (const x of fc.sample(arb, { seed: 1, numRuns: 40 })) {
      const theta = space.encode(x).map((t, i) => t + Math.sin(7 * i) * 0.37);
      for (const r of [space.at(theta, x), space.snap(theta, x)]) {
        requireRankingModel(r.model);
        expect([r.kx, r.ky, r.tau, r.scores, r.step]).toEqual([x.kx, x.ky, x.tau, x.scores, x.step]);
        expect(r.model.pNeg.every((row) => sameValue(row, r.model.pNeg[0]))).toBe(true);
      }
    }
  });
  it('snap picks the closest law on the grid (θ = log [1, 1.3] → [3, 4], not [1, 1])', () => {
    expect(snapLaw([0, Math.log(1.3)], 16)).toEqual([12, 16]);
    expect(snapLaw([0, Math.log(2)], 16)).toEqual([1, 2]);
    expect(snapLaw([0, 40], 16)).toEqual([1, 16]);
    const tiny = rankingInstance({ maxAnchors: 1, maxCandidates: 2 }),
      tinySpace = searchSpaceOf(tiny)!;
    const x = fc.sample(tiny, { seed: 2, numRuns: 1 })[0]!;
    // θ = (log p1, log P₊, log P₋, k): P₊ ∝ [1, 1.3]
    const r = tinySpace.snap([0, 0, Math.log(1.3), ...tinySpace.encode(x).slice(3)], x);
    expect(r.weights.pos[0]).toEqual([3, 4]);
  });
});

describe('embedding search space', () => {
  const arb = embeddingBatch({ minRows: 3, maxRows: 3, minDim: 2, maxDim: 2 });
  const space = searchSpaceOf(arb)!,
    start = fc.sample(arb, { seed: 1, numRuns: 1 })[0]!;
  it('at normalizes rows like batchFromPool (a zero row is e_{i mod d}); snap takes the closest grid direction', () => {
    const theta = [0.6, 0.8, 0, 0, 0.9, 0.1];
    const n = Math.hypot(0.9, 0.1);
    expectNear(toRows(space.at(theta, start)), [
      [0.6, 0.8],
      [0, 1],
      [0.9 / n, 0.1 / n],
    ]);
    const snapped = toRows(space.snap(theta, start));
    expect(snapped[0]!.map((v) => v * Math.sqrt(13))).toEqual([expect.closeTo(2, 12), expect.closeTo(3, 12)]);
    expect(snapped.slice(1)).toEqual([
      [0, 1],
      [1, 0],
    ]);
    for (const r of snapped) expect(norm(r)).toBeCloseTo(1, 15);
  });
});

describe('a finite-difference ascent through the search space refutes a planted twin', () => {
  it('paper2.gibbs.uniform-minimises: from U = 0 (holds), ascend F(uniform) − F(ρ), snap: it fails', async () => {
    const registry = await loadRegistry('properties/paper2');
    const c = registry.conjectures.find((x) => x.id === 'paper2.gibbs.uniform-minimises')!;
    const space = searchSpaceOf(c.spec.given as Arbitrary<FiniteSpaceInstance>)!;
    const flat = finiteSpaceInstance({ maxPotential: 0, minAtoms: 3, maxAtoms: 3 });
    const start = fc.sample(flat, { seed: 3, numRuns: 1 })[0]!;
    const startInstance = buildFiniteSpace({ ...finiteSpaceToParts(start), wRho: [1, 1, 1] });
    expect(c.evaluate(startInstance).ok).toBe(true);
    const violation = (theta: number[]): number => -c.evaluate(space.at(theta, startInstance)).margin;
    let theta = space.encode(startInstance);
    for (let step = 0; step < 40; step++) {
      const v0 = violation(theta),
        h = 1e-6;
      // the potentials and weights move; log τ and t (the last two coordinates) stay
      const grad = theta.map((_, i) =>
        i >= theta.length - 2 ? 0 : (violation(theta.map((t, j) => (j === i ? t + h : t))) - v0) / h,
      );
      theta = theta.map((t, i) => t + 0.5 * grad[i]!);
    }
    expect(violation(theta)).toBeGreaterThan(0.01);
    const snapped = space.snap(theta, startInstance);
    expect(c.evaluate(snapped).ok).toBe(false);
    expect(c.spec.given.canShrinkWithoutContext(snapped)).toBe(true);
  });
});
