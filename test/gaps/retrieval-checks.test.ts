/*
 * Source: issue 15 item 4 (StrykerJS on src/gaps/retrieval.ts: the input checks' messages, the query blocks of
 * 256 and the partner bookkeeping were not pinned by any test).
 * Expected: every bad input is a CrlInputError naming what is wrong; with more than one block of queries
 * (300 items) the ranks equal the paired rule's; a sibling partner never counts against its query while a tie
 * with a non-partner does; recallFromRanks is the fraction of ranks below K.
 */
import { describe, expect, it } from 'vitest';
import {
  type ItemPairs,
  partnerRetrievalRanks,
  recallAtK,
  recallAtKWithPartners,
  recallFromRanks,
} from '../../src/gaps/index.js';
import { matrix, Rng } from '../../src/numeric/index.js';
import { M, throwsInput } from '../helpers/assert.js';

describe('retrieval input checks', () => {
  const X = M([
    [1, 0],
    [0, 1],
  ]);
  it('K and the direction', () => {
    throwsInput(() => recallAtK(X, X, 1.5), /^recallAtK: K must be an integer >= 1, got 1.5$/);
    throwsInput(() => recallAtK(X, X, 1, 'up' as never), /^recallAtK: unknown direction 'up'$/);
    throwsInput(
      () => recallAtKWithPartners(X, X, [[0, 0]], 0),
      /^recallAtKWithPartners: K must be an integer >= 1, got 0$/,
    );
    throwsInput(
      () => partnerRetrievalRanks(X, X, [[0, 0]], 'up' as never),
      /^partnerRetrievalRanks: unknown direction 'up'$/,
    );
    throwsInput(() => recallFromRanks([0], 0), /^recallFromRanks: K must be an integer >= 1, got 0$/);
    throwsInput(() => recallFromRanks([], 1), /^recallFromRanks: no queries$/);
  });
  it('shapes and pairs', () => {
    throwsInput(() => recallAtK(X, M([[1, 0]]), 1), /^X is 2×2 but Y is 1×2; paired batches must have the same shape$/);
    throwsInput(() => partnerRetrievalRanks(X, M([[1, 0, 0]]), [[0, 0]]), /^X has dimension 2, Y has 3$/);
    throwsInput(() => recallAtK(matrix(0, 2), X, 1), /^X needs at least 1 row/);
    throwsInput(() => recallAtK(X, matrix(0, 2), 1), /^Y needs at least 1 row/);
    throwsInput(() => partnerRetrievalRanks(matrix(0, 2), X, [[0, 0]]), /^X needs at least 1 row/);
    throwsInput(() => partnerRetrievalRanks(X, matrix(0, 2), [[0, 0]]), /^Y needs at least 1 row/);
    throwsInput(() => partnerRetrievalRanks(X, X, []), /^partnerRetrievalRanks: no pairs$/);
    throwsInput(() => partnerRetrievalRanks(X, X, [[0, 0], [1] as never]), /^pair 1 is not \[xIndex, yIndex\]$/);
    throwsInput(() => partnerRetrievalRanks(X, X, [[0.5, 0]]), /^pair 0: x index 0.5 is outside 0..1$/);
    throwsInput(() => partnerRetrievalRanks(X, X, [[-1, 0]]), /^pair 0: x index -1 is outside 0..1$/);
    throwsInput(() => partnerRetrievalRanks(X, X, [[2, 0]]), /^pair 0: x index 2 is outside 0..1$/);
    throwsInput(() => partnerRetrievalRanks(X, X, [[0, 2]]), /^pair 0: y index 2 is outside 0..1$/);
    throwsInput(() => partnerRetrievalRanks(X, X, [[0, -1]]), /^pair 0: y index -1 is outside 0..1$/);
    throwsInput(() => partnerRetrievalRanks(X, X, [[0, 0.5]]), /^pair 0: y index 0.5 is outside 0..1$/);
    // the last valid indices are accepted
    expect([...partnerRetrievalRanks(X, X, [[1, 1]])]).toEqual([0]);
  });
});

describe('partner ranks', () => {
  it('more than one block of 256 queries: ranks equal the paired rule', () => {
    const rng = new Rng(5),
      n = 300,
      d = 3;
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
    for (const dir of ['x-to-y', 'y-to-x'] as const) {
      const ranks = partnerRetrievalRanks(X, Y, pairs, dir);
      expect(ranks.length).toBe(n);
      for (const k of [1, 5, 50]) expect(recallFromRanks(ranks, k), `${dir} R@${k}`).toBe(recallAtK(X, Y, k, dir));
      // rank of query i = #{j ≠ i : S_ij >= S_ii}, checked directly on the last queries (second block)
      for (let i = n - 3; i < n; i++) {
        const [Q, C] = dir === 'x-to-y' ? [X, Y] : [Y, X];
        const s = (a: number, b: number): number => {
          let t = 0;
          for (let k = 0; k < d; k++) t += Q.data[a * d + k]! * C.data[b * d + k]!;
          return t;
        };
        let above = 0;
        for (let j = 0; j < n; j++) if (j !== i && s(i, j) >= s(i, i)) above++;
        expect(ranks[i], `${dir} query ${i}`).toBe(above);
      }
    }
  });

  it('the best partner counts; siblings never count, ties with non-partners do', () => {
    // scores with x0 = (1, 0): y0 1, y1 0.5, y2 0.5, y3 2; with x1 = (0, 1): all 0
    const Y = M([
      [1, 0],
      [0.5, 0],
      [0.5, 0],
      [2, 0],
    ]);
    const Xall = M([
      [1, 0],
      [0, 1],
    ]);
    const pairs: ItemPairs = [
      [0, 0],
      [0, 1],
      [1, 2],
      [1, 3],
    ];
    // x0: best partner score 1 (y0); non-partners y2 (0.5) and y3 (2): rank 1
    // x1 = (0, 1): every score is 0; best partner 0 ties both non-partners y0, y1: rank 2
    expect([...partnerRetrievalRanks(Xall, Y, pairs)]).toEqual([1, 2]);
    // y → x: y0 and y1 score their partner x0 above x1 (0) → 0; y2 and y3 score their partner x1 at 0, below x0 → 1
    expect([...partnerRetrievalRanks(Xall, Y, pairs, 'y-to-x')]).toEqual([0, 0, 1, 1]);
    // a repeated pair is one partner, not two
    expect([...partnerRetrievalRanks(Xall, Y, [...pairs, [0, 0]])]).toEqual([1, 2]);
  });

  it('recallFromRanks is the fraction of ranks below K', () => {
    expect(recallFromRanks([0, 1, 2, 3], 1)).toBe(0.25);
    expect(recallFromRanks([0, 1, 2, 3], 2)).toBe(0.5);
    expect(recallFromRanks(Int32Array.from([5, 0]), 6)).toBe(1);
  });
});
