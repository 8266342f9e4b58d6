/*
 * Source: issue 15 §2 (each arbitrary tested as an arbitrary) and issue 12 §2 (shrinking removes any row and drops any
 * coordinate; never a zero vector), for embeddingBatch and pairedEmbeddings.
 * Expected: same seed gives the same value and the same shrinks with or without context; batchToParts inverts
 * buildBatches; values stay shrinkable without context with no all-zero integer row, and each shrink step goes
 * strictly down; shrinking from B = 3, d = 3 offers each row and each coordinate; option errors name the option.
 */
import fc, { type Arbitrary } from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BatchOptions,
  batchFromPool,
  batchToParts,
  buildBatches,
  embeddingBatch,
  pairedEmbeddings,
} from '../../src/arbitraries/index.js';
import { gcdOf, sameValue } from '../../src/arbitraries/shrinkable.js';
import { CrlInputError, type Matrix, norm, toRows } from '../../src/numeric/index.js';
import {
  expectCorrectValues,
  expectSameValueGivenSameSeed,
  expectShrinkableWithoutContext,
  expectShrinkStrictlySmaller,
  shrinkWithoutContext,
} from './arbitrary-assertions.js';

type Pair = { X: Matrix; Y: Matrix };
const batchesOf = (v: Matrix | Pair): Matrix[] => ('X' in v ? [v.X, v.Y] : [v]);
const sum = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0);
/** (B, d, Σ|integer coordinates|, number of rows i other than e_{i mod d}). */
const measure =
  (o: BatchOptions) =>
  (v: Matrix | Pair): number[] => {
    const p = batchToParts(batchesOf(v), o);
    const basis = (r: readonly number[], i: number): boolean => r.every((x, j) => x === (j === i % p.dim ? 1 : 0));
    const others = sum(p.batches.map((b) => b.filter((r, i) => !basis(r, i)).length));
    return [p.batches[0]!.length, p.dim, sum(p.batches.flat(2).map(Math.abs)), others];
  };

const SMALL: BatchOptions = { minRows: 1, minDim: 1, maxDim: 3, grid: 5 };
const CONFIGS: [string, Arbitrary<Matrix | Pair>, BatchOptions][] = [
  ['embeddingBatch', embeddingBatch(), {}],
  ['embeddingBatch, not normalized', embeddingBatch({ normalize: false }), { normalize: false }],
  ['pairedEmbeddings', pairedEmbeddings(), {}],
  ['pairedEmbeddings, B >= 1, d in [1, 3], grid 5', pairedEmbeddings(SMALL), SMALL],
];

describe('embedding arbitraries as arbitraries', () => {
  for (const [name, arb, o] of CONFIGS) {
    describe(name, () => {
      it('same seed, same value and same shrinks, with or without context', () => expectSameValueGivenSameSeed(arb));
      it('values stay shrinkable without context', () => expectShrinkableWithoutContext(arb));
      it('shrinking goes strictly down', () => expectShrinkStrictlySmaller(arb, measure(o)));
      it('batchToParts inverts buildBatches (both ways)', () =>
        expectCorrectValues(arb, (v) => {
          const p = batchToParts(batchesOf(v), o);
          expect(sameValue(buildBatches(p, o.normalize ?? true), batchesOf(v))).toBe(true);
          expect(sameValue(batchToParts(buildBatches(p, o.normalize ?? true), o), p)).toBe(true);
        }));
      it('no all-zero integer row; unit rows in lowest terms when normalizing', () =>
        expectCorrectValues(arb, (v) => {
          const p = batchToParts(batchesOf(v), o);
          for (const row of p.batches.flat()) {
            expect(row.some((x) => x !== 0)).toBe(true);
            expect(row.every((x) => Math.abs(x) <= (o.grid ?? 3))).toBe(true);
            if (o.normalize !== false) expect(gcdOf(row), `${row}`).toBe(1);
          }
          if (o.normalize === false) return;
          for (const r of batchesOf(v).flatMap(toRows)) expect(Math.abs(norm(r) - 1)).toBeLessThan(1e-15);
        }));
    });
  }
  it('generation is as before: B and d spread over their ranges', () => {
    const xs = fc.sample(pairedEmbeddings(), { seed: 4, numRuns: 500 });
    for (const B of [2, 3, 4, 5, 6]) expect(xs.filter((p) => p.X.rows === B).length, `B = ${B}`).toBeGreaterThan(50);
    for (const d of [2, 3, 4]) expect(xs.filter((p) => p.X.cols === d).length, `d = ${d}`).toBeGreaterThan(100);
  });
});

describe('pairedEmbeddings shrinks from a stored value', () => {
  const arb = pairedEmbeddings();
  const rows = (xs: number[][]) => batchFromPool(xs.flat(), xs.length, xs[0]!.length, xs[0]!.length, true);
  const start = {
    X: rows([
      [1, 0, 0],
      [0, 2, 1],
      [1, 1, 3],
    ]),
    Y: rows([
      [0, 0, 1],
      [1, 0, 0],
      [0, 1, 0],
    ]),
  };
  const candidates = shrinkWithoutContext(arb, start);
  const ints = (v: Pair): number[][][] => batchToParts([v.X, v.Y]).batches.map((b) => b.map((r) => [...r]));
  it('offers each row for deletion (in both batches), not only the last', () => {
    const kept = candidates.filter((v) => v.X.rows === 2).map((v) => ints(v)[0]);
    expect(kept).toEqual([
      [
        [0, 2, 1],
        [1, 1, 3],
      ],
      [
        [1, 0, 0],
        [1, 1, 3],
      ],
      [
        [1, 0, 0],
        [0, 2, 1],
      ],
    ]);
  });
  it('offers each coordinate for deletion; a row left all zero becomes e_{i mod d}', () => {
    const dropped = candidates.filter((v) => v.X.cols === 2).map(ints);
    expect(dropped.map((b) => b[0])).toEqual([
      [
        [1, 0],
        [2, 1],
        [1, 3],
      ],
      [
        [1, 0],
        [0, 1],
        [1, 3],
      ],
      [
        [1, 0],
        [0, 1],
        [1, 1],
      ],
    ]);
    // Y row 1 = (1, 0, 0) loses its only coordinate: e_{1 mod 2}
    expect(dropped[0]![1]).toEqual([
      [0, 1],
      [0, 1],
      [1, 0],
    ]);
  });
  it('never offers a zero row; coordinates move toward 0', () => {
    for (const v of candidates) for (const b of ints(v)) for (const r of b) expect(r.some((x) => x !== 0)).toBe(true);
    expect(candidates.filter((v) => v.X.rows === 3 && v.X.cols === 3).length).toBeGreaterThan(5);
  });
  it('does not shrink values it does not build', () => {
    expect(arb.canShrinkWithoutContext(start)).toBe(true);
    const off = { ...start, X: { ...start.X, data: start.X.data.map((x, i) => (i === 0 ? x * 0.5 : x)) } };
    expect(arb.canShrinkWithoutContext(off)).toBe(false);
    const irrational = {
      ...start,
      X: rows([
        [1, Math.SQRT2, 0],
        [0, 2, 1],
        [1, 1, 3],
      ]),
    };
    expect(arb.canShrinkWithoutContext(irrational)).toBe(false);
    expect(
      arb.canShrinkWithoutContext({
        X: start.X,
        Y: rows([
          [1, 0, 0],
          [0, 1, 0],
        ]),
      }),
    ).toBe(false);
    expect(arb.canShrinkWithoutContext({ X: start.X })).toBe(false);
    expect(
      embeddingBatch().canShrinkWithoutContext(
        rows([
          [4, 1],
          [0, 1],
        ]),
      ),
    ).toBe(false);
  });
});

describe('embedding option errors name the option', () => {
  const cases: [BatchOptions, RegExp][] = [
    [{ minRows: 3, maxRows: 2 }, /: minRows \(3\) must be <= maxRows \(2\)$/],
    [{ minRows: 0 }, /: minRows must be an integer >= 1, got 0$/],
    [{ minDim: 4, maxDim: 3 }, /: minDim \(4\) must be <= maxDim \(3\)$/],
    [{ grid: 0 }, /: grid must be an integer >= 1, got 0$/],
  ];
  for (const [o, message] of cases) {
    it(JSON.stringify(o), () => {
      expect(() => embeddingBatch(o)).toThrow(CrlInputError);
      expect(() => embeddingBatch(o)).toThrow(new RegExp(`^embeddingBatch${message.source}`));
      expect(() => pairedEmbeddings(o)).toThrow(new RegExp(`^pairedEmbeddings${message.source}`));
    });
  }
});
