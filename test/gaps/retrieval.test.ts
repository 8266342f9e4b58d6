/*
 * Source: issue 11, item 3 (retrieval when an item has several partners) and issue 15 (the recall tie-rule
 * mutant `>=` → `>` survived: no fixture had an exact tie). Golden values: fixtures/oracle/retrieval.json,
 * written by scripts/make_oracle_retrieval.py (numpy, by sorting with ties broken against the query).
 * Expected: recallAtK equals the oracle on exactly tied batches (X = Y = [[1,0],[1,0]] gives R@1 = 0);
 * recall over distinct items (COCO/Flickr30k convention) equals the oracle, equals recallAtK for one-to-one
 * pairs, and gives R@1 = 1 both ways when every caption is an exact copy of its image.
 */
import { describe, expect, it } from 'vitest';
import {
  type ItemPairs,
  partnerRetrievalRanks,
  recallAtK,
  recallAtKWithPartners,
  type RetrievalDirection,
} from '../../src/gaps/index.js';
import { CrlInputError, gatherRows, matrix, normalizeRows, Rng } from '../../src/numeric/index.js';
import { M, readOracle } from '../helpers/assert.js';

interface TiedCase {
  X: number[][];
  Y: number[][];
  recall: Record<string, number>;
}
const oracle = readOracle<TiedCase>('retrieval.json') as ReturnType<typeof readOracle<TiedCase>> & {
  partners: (TiedCase & { pairs: [number, number][] })[];
};
const key = (k: string): [RetrievalDirection, number] => {
  const [dir, K] = k.split('@') as [RetrievalDirection, string];
  return [dir, Number(K)];
};

describe('paired recall on exact ties (pessimistic rule)', () => {
  it('X = Y = [[1,0],[1,0]]: R@1 = 0 (both rows tie), R@2 = 1', () => {
    const X = M([
      [1, 0],
      [1, 0],
    ]);
    expect(recallAtK(X, X, 1)).toBe(0);
    expect(recallAtK(X, X, 2)).toBe(1);
  });
  oracle.cases.forEach((c, i) =>
    it(`tied case ${i}: ${c.X.length} rows`, () => {
      for (const [k, want] of Object.entries(c.recall)) {
        const [dir, K] = key(k);
        expect(recallAtK(M(c.X), M(c.Y), K, dir), k).toBe(want);
      }
    }),
  );
});

describe('recall over distinct items with several partners', () => {
  oracle.partners.forEach((c, i) =>
    it(`partner case ${i}: ${c.pairs.length} pairs`, () => {
      for (const [k, want] of Object.entries(c.recall)) {
        const [dir, K] = key(k);
        expect(recallAtKWithPartners(M(c.X), M(c.Y), c.pairs, K, dir), k).toBe(want);
      }
    }),
  );

  it('one-to-one pairs [i, i] give recallAtK exactly', () => {
    const rng = new Rng(3);
    for (let t = 0; t < 20; t++) {
      const n = 2 + rng.int(30),
        d = 1 + rng.int(9);
      const X = matrix(
        n,
        d,
        Array.from({ length: n * d }, () => rng.normal()),
      );
      const Y = matrix(
        n,
        d,
        Array.from({ length: n * d }, () => rng.normal()),
      );
      const pairs: ItemPairs = Array.from({ length: n }, (_, i) => [i, i] as const);
      for (const dir of ['x-to-y', 'y-to-x'] as const)
        for (const k of [1, 3, 10]) {
          expect(recallAtKWithPartners(X, Y, pairs, k, dir), `n=${n} ${dir} R@${k}`).toBe(recallAtK(X, Y, k, dir));
        }
    }
  });

  it('every caption an exact copy of its image: R@1 = 1 both ways (paired recall gave 0 for y → x)', () => {
    const rng = new Rng(11);
    for (let t = 0; t < 10; t++) {
      const images = 2 + rng.int(20),
        d = 2 + rng.int(30);
      const X = normalizeRows(
        matrix(
          images,
          d,
          Array.from({ length: images * d }, () => rng.normal()),
        ),
      );
      const imageOf = Array.from({ length: images }, (_, i) => Array<number>(1 + rng.int(5)).fill(i)).flat();
      const Y = gatherRows(X, imageOf);
      const pairs: ItemPairs = imageOf.map((img, j) => [img, j] as const);
      expect(recallAtKWithPartners(X, Y, pairs, 1, 'x-to-y'), 'image → text').toBe(1);
      expect(recallAtKWithPartners(X, Y, pairs, 1, 'y-to-x'), 'text → image').toBe(1);
      expect(partnerRetrievalRanks(X, Y, pairs, 'x-to-y').length, 'one query per image').toBe(images);
      expect(partnerRetrievalRanks(X, Y, pairs, 'y-to-x').length, 'one query per caption').toBe(imageOf.length);
      // the paired layout (image rows duplicated per caption) ties every sibling: the fault of issue 11.3
      const Xp = gatherRows(X, imageOf);
      if (imageOf.length > images) expect(recallAtK(Xp, Y, 1, 'y-to-x')).toBeLessThan(1);
    }
  });

  it('pairs outside the tables are named', () => {
    const X = M([
      [1, 0],
      [0, 1],
    ]);
    const f = () =>
      recallAtKWithPartners(
        X,
        X,
        [
          [0, 0],
          [2, 1],
        ],
        1,
      );
    expect(f).toThrow(CrlInputError);
    expect(f).toThrow(/pair 1: x index 2 is outside 0..1/);
  });
});
