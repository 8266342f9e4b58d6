import fc, { type Arbitrary } from 'fast-check';
import { ensure, type Matrix, matrix, norm } from '../numeric/index.js';
import { roundInto, type SearchSpace, splitTheta, withSearchSpace } from './searchSpace.js';
import {
  contextFree,
  intIn,
  intsIn,
  lowestTerms,
  mapExactly,
  replaced,
  sameValue,
  smallerVectors,
  without,
} from './shrinkable.js';

export interface BatchOptions {
  readonly minRows?: number;
  readonly maxRows?: number;
  readonly minDim?: number;
  readonly maxDim?: number;
  /** Coordinates are integers in [−grid, grid] before normalizing (default 3). */
  readonly grid?: number;
  /** Project rows to the unit sphere (default true). */
  readonly normalize?: boolean;
}

/**
 * Builds row i of a B×d batch from the flat integer pool (stride maxDim). A row that is all zero becomes
 * the basis vector e_{i mod d}: a zero vector is never normalized.
 */
export function batchFromPool(
  pool: readonly number[],
  rows: number,
  dim: number,
  maxDim: number,
  normalize: boolean,
): Matrix {
  const M = matrix(rows, dim);
  for (let i = 0; i < rows; i++) {
    const r = M.data.subarray(i * dim, (i + 1) * dim);
    for (let j = 0; j < dim; j++) r[j] = pool[i * maxDim + j] ?? 0;
    let n = norm(r);
    if (n === 0) {
      r[i % dim] = 1;
      n = 1;
    }
    if (normalize) for (let j = 0; j < dim; j++) r[j]! /= n;
  }
  return M;
}

/**
 * The integer rows behind one batch or a pair (same B and d): coordinates in [−grid, grid], no all-zero row. When
 * normalizing, each row is a direction in lowest terms ([2, 2] is written [1, 1]).
 */
export interface BatchParts {
  readonly dim: number;
  readonly batches: readonly (readonly (readonly number[])[])[];
}

interface BatchConfig {
  readonly minRows: number;
  readonly maxRows: number;
  readonly minDim: number;
  readonly maxDim: number;
  readonly grid: number;
  readonly normalize: boolean;
}

function batchConfig(o: BatchOptions, name: string): BatchConfig {
  const c = {
    minRows: o.minRows ?? 2,
    maxRows: o.maxRows ?? 6,
    minDim: o.minDim ?? 2,
    maxDim: o.maxDim ?? 4,
    grid: o.grid ?? 3,
    normalize: o.normalize ?? true,
  };
  ensure(intIn(c.minRows, 1, Infinity), () => `${name}: minRows must be an integer >= 1, got ${c.minRows}`);
  ensure(
    intIn(c.maxRows, c.minRows, Infinity),
    () => `${name}: minRows (${c.minRows}) must be <= maxRows (${c.maxRows})`,
  );
  ensure(intIn(c.minDim, 1, Infinity), () => `${name}: minDim must be an integer >= 1, got ${c.minDim}`);
  ensure(intIn(c.maxDim, c.minDim, Infinity), () => `${name}: minDim (${c.minDim}) must be <= maxDim (${c.maxDim})`);
  ensure(intIn(c.grid, 1, 2 ** 20), () => `${name}: grid must be an integer >= 1, got ${c.grid}`);
  return c;
}

/** The row with a zero vector replaced by e_{i mod d} (as batchFromPool), in lowest terms when normalizing. */
function tidyRow(row: readonly number[], i: number, c: BatchConfig): number[] {
  const out = row.every((x) => x === 0) ? row.map((_, j) => (j === i % row.length ? 1 : 0)) : [...row];
  return c.normalize ? lowestTerms(out) : out;
}

const tidy = (p: BatchParts, c: BatchConfig): BatchParts => ({
  dim: p.dim,
  batches: p.batches.map((b) => b.map((r, i) => tidyRow(r, i, c))),
});

/** The matrix of one batch of parts: rows normalized (or not) exactly as batchFromPool does. */
function batchOf(rows: readonly (readonly number[])[], dim: number, normalize: boolean): Matrix {
  return batchFromPool(rows.flat(), rows.length, dim, dim, normalize);
}

/**
 * The integer row behind a matrix row: itself when not normalizing, else the direction in lowest terms within
 * [−grid, grid] whose normalized form is this row bit for bit (searched over the scales m = 1..grid of the
 * largest coordinate). Throws when there is none.
 */
function integerRow(row: ArrayLike<number>, i: number, c: BatchConfig): number[] {
  const v = Array.from(row);
  if (!c.normalize) {
    ensure(intsIn(v, v.length, -c.grid, c.grid), 'not an integer row on the grid');
    return v;
  }
  const top = Math.max(...v.map(Math.abs));
  for (let m = 1; m <= c.grid && top > 0; m++) {
    const w = v.map((x) => Math.round((x * m) / top));
    if (sameValue(Array.from(batchOf([tidyRow(w, i, c)], v.length, true).data), v)) return tidyRow(w, i, c);
  }
  throw new Error('not a normalized integer row of the grid');
}

/** The matrices of the parts, rows normalized (or not) exactly as batchFromPool does. */
export function buildBatches(p: BatchParts, normalize = true): Matrix[] {
  return p.batches.map((rows) => batchOf(rows, p.dim, normalize));
}

/**
 * The parts behind batches of one shape: the inverse of buildBatches for the options' grid and normalization
 * (buildBatches(batchToParts(ms, o), normalize) is ms), searched row by row. Throws for rows off the grid.
 */
export function batchToParts(batches: readonly Matrix[], o: BatchOptions = {}): BatchParts {
  const c = batchConfig(o, 'batchToParts');
  const first = batches[0];
  ensure(first !== undefined, 'batchToParts: needs at least one batch');
  for (const M of batches) {
    ensure(typeof M === 'object' && M !== null && M.data instanceof Float64Array, 'batchToParts: not a matrix');
    ensure(M.rows === first.rows && M.cols === first.cols, 'batchToParts: batches of different shapes');
    ensure(M.data.length === M.rows * M.cols, 'batchToParts: not a matrix');
  }
  const rowsOf = (M: Matrix): number[][] =>
    Array.from({ length: M.rows }, (_, i) => integerRow(M.data.subarray(i * M.cols, (i + 1) * M.cols), i, c));
  return { dim: first.cols, batches: batches.map(rowsOf) };
}

/** Draws the parts as the arbitrary always has (B, d and the coordinate pools independently, then cut to size). */
function drawParts(c: BatchConfig, count: number): Arbitrary<BatchParts> {
  const size = c.maxRows * c.maxDim;
  const pool = fc.array(fc.integer({ min: -c.grid, max: c.grid }), { minLength: size, maxLength: size });
  const pools = fc.tuple(...Array.from({ length: count }, () => pool));
  const rows = fc.integer({ min: c.minRows, max: c.maxRows }),
    dim = fc.integer({ min: c.minDim, max: c.maxDim });
  return fc.record({ rows, dim, pools }).map(({ rows: B, dim: d, pools: ps }) => {
    const cut = (flat: number[]): number[][] =>
      Array.from({ length: B }, (_, i) => flat.slice(i * c.maxDim, i * c.maxDim + d));
    return tidy({ dim: d, batches: ps.map(cut) }, c);
  });
}

/** True for parts this arbitrary can produce (sizes, grid, no zero row). */
function isBatchParts(v: unknown, c: BatchConfig, count: number): boolean {
  const p = v as BatchParts;
  if (typeof p !== 'object' || p === null || !intIn(p.dim, c.minDim, c.maxDim)) return false;
  if (!Array.isArray(p.batches) || p.batches.length !== count) return false;
  const B = (p.batches[0] as unknown[] | undefined)?.length;
  if (!intIn(B, c.minRows, c.maxRows)) return false;
  return p.batches.every(
    (b) =>
      Array.isArray(b) &&
      b.length === B &&
      b.every((row) => intsIn(row, p.dim, -c.grid, c.grid) && row.some((x: number) => x !== 0)),
  );
}

/**
 * Smaller parts, most promising first: rows in lowest terms; without any one row i (in every batch); without any
 * one coordinate j (a row left all zero becomes e_{i mod d}); then each row i as e_{i mod d} (the basis
 * configuration a zero pool gives), then toward 0 coordinate by coordinate, never to the zero vector. Every
 * candidate is strictly smaller in (B, d, Σ|coordinates|, number of rows i other than e_{i mod d}).
 */
function* smallerBatchParts(p: BatchParts, c: BatchConfig): Generator<BatchParts> {
  const B = p.batches[0]!.length;
  const seen = new Set<string>();
  const candidates = function* (): Generator<BatchParts> {
    yield tidy(p, c);
    if (B > c.minRows) for (let i = 0; i < B; i++) yield { dim: p.dim, batches: p.batches.map((b) => without(b, i)) };
    if (p.dim > c.minDim) {
      for (let j = 0; j < p.dim; j++) {
        yield tidy({ dim: p.dim - 1, batches: p.batches.map((b) => b.map((r) => without(r, j))) }, c);
      }
    }
    const nonzero = (w: number[]): boolean => w.some((x) => x !== 0);
    for (let b = 0; b < p.batches.length; b++) {
      for (let i = 0; i < B; i++) {
        const row = p.batches[b]![i]!,
          basis = tidyRow(
            row.map(() => 0),
            i,
            c,
          );
        for (const w of [basis, ...smallerVectors(row, 0, nonzero)]) {
          yield tidy({ dim: p.dim, batches: replaced(p.batches, b, replaced(p.batches[b]!, i, w)) }, c);
        }
      }
    }
  };
  for (const q of candidates()) {
    const key = JSON.stringify(q);
    if (seen.has(key) || sameValue(q, p)) continue;
    seen.add(key);
    yield q;
  }
}

/** How a value of the arbitrary splits into its batches and back (one batch, or the pair X, Y). */
interface BatchCodec<T> {
  readonly toBatches: (x: T) => Matrix[];
  readonly fromBatches: (ms: Matrix[]) => T;
}

/**
 * θ of a batch or pair: the raw coordinates, batch after batch (B·d each); B and d stay those of `start`. `at`
 * normalizes the rows as batchFromPool does; `snap` puts each row on the integer grid: the direction in [−grid, grid]
 * closest in angle (scales m = 1..grid of the largest coordinate, smallest m at a tie) when normalizing, else the
 * coordinates rounded into [−grid, grid]; never an all-zero row.
 */
function batchSpace<T>(c: BatchConfig, { toBatches, fromBatches }: BatchCodec<T>): SearchSpace<T> {
  const place = (theta: readonly number[], start: T, snapRow: (row: number[], i: number) => number[]): T => {
    const ms = toBatches(start),
      { rows, cols } = ms[0]!;
    const pieces = splitTheta(
      theta,
      ms.map(() => rows * cols),
      'embedding search space',
    );
    return fromBatches(
      pieces.map((flat) => {
        const rs = Array.from({ length: rows }, (_, i) => snapRow(flat.slice(i * cols, (i + 1) * cols), i));
        return batchOf(rs, cols, c.normalize);
      }),
    );
  };
  const snapRow = (row: number[], i: number): number[] => {
    if (!c.normalize)
      return tidyRow(
        row.map((x) => roundInto(x, -c.grid, c.grid)),
        i,
        c,
      );
    const top = Math.max(...row.map(Math.abs));
    if (top === 0)
      return tidyRow(
        row.map(() => 0),
        i,
        c,
      );
    let best = { cos: -Infinity, w: [] as number[] };
    for (let m = 1; m <= c.grid; m++) {
      const w = row.map((x) => Math.round((x * m) / top));
      const cos = w.reduce((a, x, j) => a + x * row[j]!, 0) / (norm(w) * norm(row));
      if (cos > best.cos + 1e-12) best = { cos, w };
    }
    return tidyRow(best.w, i, c);
  };
  return {
    encode: (x) => toBatches(x).flatMap((M) => Array.from(M.data)),
    at: (theta, start) => place(theta, start, (row) => row),
    snap: (theta, start) => place(theta, start, snapRow),
  };
}

/** One batch or a pair, as an arbitrary over BatchParts with its inverse and search space. */
function batches<T>(o: BatchOptions, name: string, count: number, codec: BatchCodec<T>): Arbitrary<T> {
  const { toBatches, fromBatches } = codec,
    c = batchConfig(o, name);
  const parts = contextFree<BatchParts>({
    generate: drawParts(c, count),
    accepts: (v) => isBatchParts(v, c, count),
    shrink: (p) => smallerBatchParts(p, c),
  });
  const build = (p: BatchParts): T => fromBatches(buildBatches(p, c.normalize));
  const arb = mapExactly(parts, build, (v) => batchToParts(toBatches(v as T), o));
  return withSearchSpace(arb, batchSpace(c, codec));
}

/**
 * A batch of B points in ℝ^d (on S^{d−1} by default). B and d are drawn independently of the coordinates
 * (no .chain); shrinking needs no context and removes any row and any coordinate, toward B = 2, d = 2 by default.
 */
export function embeddingBatch(o: BatchOptions = {}): Arbitrary<Matrix> {
  return batches<Matrix>(o, 'embeddingBatch', 1, { toBatches: (M) => [M], fromBatches: ([M]) => M! });
}

/** Paired batches X, Y (same B and d), e.g. image and text embeddings with Y_i the partner of X_i. */
export function pairedEmbeddings(o: BatchOptions = {}): Arbitrary<{ X: Matrix; Y: Matrix }> {
  const codec: BatchCodec<{ X: Matrix; Y: Matrix }> = {
    toBatches: ({ X, Y }) => [X, Y],
    fromBatches: ([X, Y]) => ({ X: X!, Y: Y! }),
  };
  return batches(o, 'pairedEmbeddings', 2, codec);
}
