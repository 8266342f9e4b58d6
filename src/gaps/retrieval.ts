import { ensure, type Matrix, matrix, matmulABt, requireEmbeddings, requireSameShape } from '../numeric/index.js';

export type RetrievalDirection = 'x-to-y' | 'y-to-x';

/**
 * Recall@K for paired batches: query i retrieves its partner i among all N candidates by inner product.
 * Ties count against the query (pessimistic): a hit needs #{j ≠ i : S_ij >= S_ii} < K.
 * 'x-to-y' queries with rows of X against Y (image→text when X holds images).
 */
export function recallAtK(X: Matrix, Y: Matrix, k: number, direction: RetrievalDirection = 'x-to-y'): number {
  requireEmbeddings(X, 'X');
  requireEmbeddings(Y, 'Y');
  requireSameShape(X, Y, 'X', 'Y');
  ensure(Number.isInteger(k) && k >= 1, () => `recallAtK: K must be an integer >= 1, got ${k}`);
  ensure(direction === 'x-to-y' || direction === 'y-to-x', () => `recallAtK: unknown direction '${String(direction)}'`);
  const [Q, C] = direction === 'x-to-y' ? [X, Y] : [Y, X];
  const n = X.rows, S = matmulABt(Q, C, matrix(n, n)).data;
  let hits = 0;
  for (let i = 0; i < n; i++) {
    const own = S[i * n + i]!;
    let better = 0;
    for (let j = 0; j < n; j++) if (j !== i && S[i * n + j]! >= own) better++;
    if (better < k) hits++;
  }
  return hits / n;
}
