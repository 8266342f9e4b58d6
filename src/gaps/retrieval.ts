import {
  ensure,
  gatherRows,
  type Matrix,
  matrix,
  matmulABt,
  requireEmbeddings,
  requireSameShape,
} from '../numeric/index.js';

export type RetrievalDirection = 'x-to-y' | 'y-to-x';

/** A pairing of x items with y items as [xIndex, yIndex] (e.g. several captions per image). */
export type ItemPairs = readonly (readonly [number, number])[];

function requireDirection(direction: RetrievalDirection, fn: string): void {
  ensure(direction === 'x-to-y' || direction === 'y-to-x', () => `${fn}: unknown direction '${String(direction)}'`);
}

function requireK(k: number, fn: string): void {
  ensure(Number.isInteger(k) && k >= 1, () => `${fn}: K must be an integer >= 1, got ${k}`);
}

/**
 * Recall@K for paired batches: query i retrieves its partner i among all N candidates by inner product.
 * Ties count against the query (pessimistic): a hit needs #{j ≠ i : S_ij >= S_ii} < K.
 * 'x-to-y' queries with rows of X against Y (image→text when X holds images).
 */
export function recallAtK(X: Matrix, Y: Matrix, k: number, direction: RetrievalDirection = 'x-to-y'): number {
  requireEmbeddings(X, 'X');
  requireEmbeddings(Y, 'Y');
  requireSameShape(X, Y, 'X', 'Y');
  requireK(k, 'recallAtK');
  requireDirection(direction, 'recallAtK');
  const [Q, C] = direction === 'x-to-y' ? [X, Y] : [Y, X];
  const n = X.rows,
    S = matmulABt(Q, C, matrix(n, n)).data;
  let hits = 0;
  for (let i = 0; i < n; i++) {
    const own = S[i * n + i]!;
    let better = 0;
    for (let j = 0; j < n; j++) if (j !== i && S[i * n + j]! >= own) better++;
    if (better < k) hits++;
  }
  return hits / n;
}

/** Distinct indices in order of first appearance, and each one's partners (as positions in the other list). */
function itemsAndPartners(pairs: ItemPairs, side: 0 | 1): { items: number[]; partners: number[][]; others: number[] } {
  const pos = new Map<number, number>(),
    otherPos = new Map<number, number>();
  const items: number[] = [],
    others: number[] = [],
    partners: number[][] = [];
  for (const p of pairs) {
    const a = p[side],
      b = p[1 - side]!;
    if (!pos.has(a)) {
      pos.set(a, items.length);
      items.push(a);
      partners.push([]);
    }
    if (!otherPos.has(b)) {
      otherPos.set(b, others.length);
      others.push(b);
    }
    const list = partners[pos.get(a)!]!,
      o = otherPos.get(b)!;
    if (!list.includes(o)) list.push(o);
  }
  return { items, partners, others };
}

/** Queries scored per block, so the score block stays small however many items there are. */
const QUERY_BLOCK = 256;

/**
 * Retrieval over distinct items when an item may have several partners, as COCO and Flickr30k are evaluated in
 * CLIP's protocol. The queries are the distinct x items named in `pairs` (rows of X), the candidates the distinct
 * y items (rows of Y), and the other way for 'y-to-x'. For each query, in order of first appearance, the result
 * is the number of non-partner candidates scoring at or above its best partner (inner product): its rank − 1,
 * ties with non-partners counted against the query (pessimistic), a sibling partner never.
 * Recall@K is the fraction of ranks below K.
 */
export function partnerRetrievalRanks(
  X: Matrix,
  Y: Matrix,
  pairs: ItemPairs,
  direction: RetrievalDirection = 'x-to-y',
): Int32Array {
  requireEmbeddings(X, 'X');
  requireEmbeddings(Y, 'Y');
  ensure(X.cols === Y.cols, () => `X has dimension ${X.cols}, Y has ${Y.cols}`);
  requireDirection(direction, 'partnerRetrievalRanks');
  ensure(pairs.length >= 1, 'partnerRetrievalRanks: no pairs');
  for (const [k, p] of pairs.entries()) {
    ensure(Array.isArray(p) && p.length === 2, () => `pair ${k} is not [xIndex, yIndex]`);
    const [i, j] = p;
    ensure(Number.isInteger(i) && i >= 0 && i < X.rows, () => `pair ${k}: x index ${i} is outside 0..${X.rows - 1}`);
    ensure(Number.isInteger(j) && j >= 0 && j < Y.rows, () => `pair ${k}: y index ${j} is outside 0..${Y.rows - 1}`);
  }
  const [Qall, Call] = direction === 'x-to-y' ? [X, Y] : [Y, X];
  const { items, partners, others } = itemsAndPartners(pairs, direction === 'x-to-y' ? 0 : 1);
  const C = gatherRows(Call, others),
    nc = others.length;
  const ranks = new Int32Array(items.length),
    isPartner = new Uint8Array(nc);
  for (let q0 = 0; q0 < items.length; q0 += QUERY_BLOCK) {
    const block = items.slice(q0, q0 + QUERY_BLOCK);
    const S = matmulABt(gatherRows(Qall, block), C, matrix(block.length, nc)).data;
    block.forEach((_, b) => {
      const row = b * nc,
        own = partners[q0 + b]!;
      let best = -Infinity;
      for (const c of own) {
        isPartner[c] = 1;
        if (S[row + c]! > best) best = S[row + c]!;
      }
      let above = 0;
      for (let c = 0; c < nc; c++) if (!isPartner[c] && S[row + c]! >= best) above++;
      for (const c of own) isPartner[c] = 0;
      ranks[q0 + b] = above;
    });
  }
  return ranks;
}

/** The fraction of ranks (from partnerRetrievalRanks) below K: Recall@K. */
export function recallFromRanks(ranks: ArrayLike<number>, k: number): number {
  requireK(k, 'recallFromRanks');
  ensure(ranks.length > 0, 'recallFromRanks: no queries');
  let hits = 0;
  for (let i = 0; i < ranks.length; i++) if (ranks[i]! < k) hits++;
  return hits / ranks.length;
}

/**
 * Recall@K over distinct items with several partners (COCO/Flickr30k convention, see partnerRetrievalRanks):
 * x → y counts a hit when any partner of the x item is in the top K, y → x when the y item's partner is.
 * With pairs [i, i] for every row it equals recallAtK.
 */
export function recallAtKWithPartners(
  X: Matrix,
  Y: Matrix,
  pairs: ItemPairs,
  k: number,
  direction: RetrievalDirection = 'x-to-y',
): number {
  requireK(k, 'recallAtKWithPartners');
  return recallFromRanks(partnerRetrievalRanks(X, Y, pairs, direction), k);
}
