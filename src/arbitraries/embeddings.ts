import fc, { type Arbitrary } from 'fast-check';
import { type Matrix, matrix, norm } from '../numeric/index.js';

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
 * the basis vector e_{i mod d}: a zero vector is never normalized, and shrinking (which drives the pool
 * to 0) lands on the readable basis configuration.
 */
export function batchFromPool(pool: readonly number[], rows: number, dim: number, maxDim: number, normalize: boolean): Matrix {
  const M = matrix(rows, dim);
  for (let i = 0; i < rows; i++) {
    const r = M.data.subarray(i * dim, (i + 1) * dim);
    for (let j = 0; j < dim; j++) r[j] = pool[i * maxDim + j] ?? 0;
    let n = norm(r);
    if (n === 0) { r[i % dim] = 1; n = 1; }
    if (normalize) for (let j = 0; j < dim; j++) r[j]! /= n;
  }
  return M;
}

function sizes(o: BatchOptions) {
  const minRows = o.minRows ?? 2, maxRows = o.maxRows ?? 6, minDim = o.minDim ?? 2, maxDim = o.maxDim ?? 4, grid = o.grid ?? 3;
  const pool = fc.array(fc.integer({ min: -grid, max: grid }), { minLength: maxRows * maxDim, maxLength: maxRows * maxDim });
  return { rows: fc.integer({ min: minRows, max: maxRows }), dim: fc.integer({ min: minDim, max: maxDim }), pool, maxDim, normalize: o.normalize ?? true };
}

/**
 * A batch of B points in ℝ^d (on S^{d−1} by default). B and d are drawn independently of the coordinates
 * (no .chain), so each shrinks on its own toward its minimum (B = 2, d = 2 by default).
 */
export function embeddingBatch(o: BatchOptions = {}): Arbitrary<Matrix> {
  const s = sizes(o);
  return fc.record({ rows: s.rows, dim: s.dim, pool: s.pool }).map(({ rows, dim, pool }) => batchFromPool(pool, rows, dim, s.maxDim, s.normalize));
}

/** Paired batches X, Y (same B and d), e.g. image and text embeddings with Y_i the partner of X_i. */
export function pairedEmbeddings(o: BatchOptions = {}): Arbitrary<{ X: Matrix; Y: Matrix }> {
  const s = sizes(o);
  return fc.record({ rows: s.rows, dim: s.dim, px: s.pool, py: s.pool }).map(({ rows, dim, px, py }) => ({
    X: batchFromPool(px, rows, dim, s.maxDim, s.normalize),
    Y: batchFromPool(py, rows, dim, s.maxDim, s.normalize),
  }));
}
