/*
 * Source: issue 15 item 4 (StrykerJS on src/numeric/matrix.ts): the Matrix type's constructors, views and input
 * checks, which the losses and gaps exercise only in passing. Values are small enough to check by hand (each in
 * its comment); norms at the overflow and underflow ends are compared with the exact scaled value.
 * Expected: every constructor and check either returns the stated matrix or throws CrlInputError with the stated
 * words; norm does not overflow or underflow; dotAt sums in its documented order.
 */
import { describe, expect, it } from 'vitest';
import {
  centroid,
  dot,
  dotAt,
  fromRows,
  gatherRows,
  matrix,
  norm,
  normalizeRows,
  requireEmbeddings,
  requireSameShape,
  row,
  toRows,
  transpose,
} from '../../src/numeric/index.js';
import { throwsInput } from '../helpers/assert.js';

describe('matrix and fromRows', () => {
  it('matrix(rows, cols) is zero-filled; with data it copies an array and keeps a Float64Array', () => {
    expect(matrix(2, 3).data).toEqual(new Float64Array(6));
    const plain = [1, 2, 3, 4];
    const m = matrix(2, 2, plain);
    plain[0] = 9;
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4]);
    const f = Float64Array.of(5, 6);
    expect(matrix(1, 2, f).data).toBe(f);
    expect(matrix(0, 0).data.length).toBe(0);
  });
  it('matrix rejects bad shapes and a data length that does not fit', () => {
    throwsInput(() => matrix(-1, 2), 'rows must be a non-negative integer, got -1');
    throwsInput(() => matrix(1.5, 2), 'rows must be a non-negative integer, got 1.5');
    throwsInput(() => matrix(2, -3), 'cols must be a non-negative integer, got -3');
    throwsInput(() => matrix(2, 0.5), 'cols must be a non-negative integer, got 0.5');
    throwsInput(() => matrix(2, 2, [1, 2, 3]), 'data has 3 entries, expected 2×2 = 4');
  });
  it('fromRows and toRows are inverse; no rows is a 0×0 matrix; ragged rows are named', () => {
    const rows = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    const m = fromRows(rows);
    expect([m.rows, m.cols]).toEqual([2, 3]);
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(toRows(m)).toEqual(rows);
    const empty = fromRows([]);
    expect([empty.rows, empty.cols, empty.data.length]).toEqual([0, 0, 0]);
    throwsInput(() => fromRows([[1, 2], [3, 4], [5]]), 'row 2 has length 1, expected 2 (ragged rows)');
  });
  it('row(m, i) is a view of row i', () => {
    const m = fromRows([
      [1, 2],
      [3, 4],
    ]);
    const r = row(m, 1);
    expect(Array.from(r)).toEqual([3, 4]);
    r[0] = 7;
    expect(m.data[2]).toBe(7);
  });
});

describe('input checks', () => {
  const m = fromRows([
    [1, 2],
    [3, 4],
  ]);
  it('requireEmbeddings accepts a finite batch with enough rows', () => {
    expect(() => requireEmbeddings(m, 'X', 2)).not.toThrow();
    expect(() => requireEmbeddings(matrix(1, 1), 'X')).not.toThrow();
  });
  it('requireEmbeddings names the batch and the fault', () => {
    throwsInput(() => requireEmbeddings({ rows: 1, cols: 2, data: [1, 2] } as never, 'X'), 'X must be a Matrix');
    throwsInput(() => requireEmbeddings(undefined as never, 'X'), 'X must be a Matrix over a Float64Array');
    throwsInput(
      () => requireEmbeddings({ rows: 2, cols: 2, data: new Float64Array(3) }, 'Y'),
      'Y: data length 3 ≠ 2×2',
    );
    throwsInput(() => requireEmbeddings(m, 'X', 3), 'X needs at least 3 row(s), got 2');
    throwsInput(() => requireEmbeddings(matrix(0, 2), 'X'), 'X needs at least 1 row(s), got 0');
    throwsInput(() => requireEmbeddings(matrix(2, 0), 'X'), 'X needs dimension d >= 1, got 0');
    const bad = fromRows([
      [1, 2, 3],
      [4, Number.NaN, 6],
    ]);
    throwsInput(() => requireEmbeddings(bad, 'X'), 'X has a non-finite entry NaN at row 1, column 1');
    bad.data[4] = 5;
    bad.data[5] = -Infinity;
    throwsInput(() => requireEmbeddings(bad, 'X'), 'X has a non-finite entry -Infinity at row 1, column 2');
  });
  it('requireSameShape compares rows and columns', () => {
    expect(() => requireSameShape(m, matrix(2, 2), 'X', 'Y')).not.toThrow();
    const msg = 'X is 2×2 but Y is 2×3; paired batches must have the same shape';
    throwsInput(() => requireSameShape(m, matrix(2, 3), 'X', 'Y'), msg);
    throwsInput(() => requireSameShape(m, matrix(3, 2), 'X', 'Y'), 'but Y is 3×2');
  });
});

describe('norm, dot and dotAt', () => {
  it('norm: 3-4-5, zero, and no overflow or underflow at the ends of the double range', () => {
    expect(norm([3, 4])).toBe(5);
    expect(norm([-3, 4])).toBe(5);
    expect(norm([0, 0])).toBe(0);
    expect(norm([])).toBe(0);
    // (3e200)² overflows and (3e-200)² underflows unscaled; scaled, the norm is within a few ulps of 5·10^±200
    const rel = (a: number, b: number) => Math.abs(a - b) / b;
    expect(rel(norm([3e200, 4e200]), 5e200)).toBeLessThan(4e-16);
    expect(rel(norm([3e-200, 4e-200]), 5e-200)).toBeLessThan(4e-16);
    expect(norm([Infinity, 1])).toBe(Infinity);
    expect(Number.isNaN(norm([Number.NaN, 1]))).toBe(true);
  });
  it('dotAt sums even and odd terms apart, then the last odd term (its documented order)', () => {
    // a·b = 1e16·1 + 1·1 + (−1e16)·1 + 1·1 + 1·1: even terms 1e16 − 1e16 + 1 = 1 (left to right: 1e16 + (−1e16) = 0,
    // then the last, odd-k term 1 is added after), odd terms 1 + 1 = 2
    const a = [1e16, 1, -1e16, 1, 1],
      b = [1, 1, 1, 1, 1];
    expect(dotAt(a, 0, b, 0, 5)).toBe(3);
    // plain left to right would give (1e16 + 1) − 1e16 + 1 + 1 = 2 (1e16 + 1 rounds to 1e16)
    let plain = 0;
    for (let p = 0; p < 5; p++) plain += a[p]! * b[p]!;
    expect(plain).toBe(2);
    expect(dot(a, b)).toBe(3);
    // offsets: the window [1, 3) of a against [0, 2) of b is 1·1 + (−1e16)·1
    expect(dotAt(a, 1, b, 0, 2)).toBe(1 - 1e16);
    expect(dotAt(a, 0, b, 0, 0)).toBe(0);
    expect(dotAt([2], 0, [3], 0, 1)).toBe(6);
  });
});

describe('normalizeRows, centroid, transpose, gatherRows', () => {
  it('normalizeRows divides each row by its norm and refuses a zero row by name', () => {
    const n = normalizeRows(
      fromRows([
        [3, 4],
        [0, -2],
      ]),
    );
    expect(toRows(n)).toEqual([
      [0.6, 0.8],
      [0, -1],
    ]);
    throwsInput(
      () =>
        normalizeRows(
          fromRows([
            [1, 0],
            [0, 0],
          ]),
          'Z',
        ),
      'Z row 1 is the zero vector and has no direction; it cannot be normalized',
    );
    throwsInput(() => normalizeRows(fromRows([[Number.NaN, 0]])), 'embeddings has a non-finite entry NaN');
  });
  it('centroid is the mean row', () => {
    const c = centroid(
      fromRows([
        [1, 2],
        [3, 6],
        [5, 1],
      ]),
    );
    expect(Array.from(c)).toEqual([3, 3]);
  });
  it('transpose across several 32×32 blocks with ragged edges, into a given or a new matrix', () => {
    const rows = 37,
      cols = 70;
    const m = matrix(
      rows,
      cols,
      Array.from({ length: rows * cols }, (_, k) => k),
    );
    const t = transpose(m);
    expect([t.rows, t.cols]).toEqual([cols, rows]);
    const want = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) want[j * rows + i] = i * cols + j;
    expect(t.data).toEqual(want);
    const into = matrix(cols, rows);
    expect(transpose(m, into)).toBe(into);
    expect(into.data).toEqual(t.data);
    throwsInput(() => transpose(m, matrix(rows, cols)), 'transpose: output has the wrong shape');
    throwsInput(() => transpose(m, matrix(cols, cols)), 'transpose: output has the wrong shape');
    throwsInput(() => transpose(m, matrix(rows, rows)), 'transpose: output has the wrong shape');
  });
  it('gatherRows picks rows in the given order, repeats included, and names a bad index', () => {
    const m = fromRows([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(toRows(gatherRows(m, [2, 0, 2]))).toEqual([
      [5, 6],
      [1, 2],
      [5, 6],
    ]);
    expect(gatherRows(m, []).rows).toBe(0);
    for (const bad of [3, -1, 1.5]) throwsInput(() => gatherRows(m, [0, bad]), `row index ${bad} is outside 0..2`);
  });
});
