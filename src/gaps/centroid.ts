import {
  centroid,
  dd,
  ddDiv,
  DDSum,
  ddSub,
  ddValue,
  dot,
  ensure,
  type Matrix,
  norm,
  requireEmbeddings,
} from '../numeric/index.js';

function both(X: Matrix, Y: Matrix): void {
  requireEmbeddings(X, 'X (first modality)');
  requireEmbeddings(Y, 'Y (second modality)');
  ensure(X.cols === Y.cols, () => `X has dimension ${X.cols}, Y has ${Y.cols}`);
}

/** Column sums of M in double-double (exact up to ~2^−106 relative). */
function columnSums(M: Matrix): DDSum[] {
  const sums = Array.from({ length: M.cols }, () => new DDSum());
  for (let i = 0; i < M.rows; i++) for (let j = 0; j < M.cols; j++) sums[j]!.add(M.data[i * M.cols + j]!);
  return sums;
}

/**
 * Centroid gap ‖x̄ − ȳ‖ (Liang et al.'s gap distance); the batches may differ in size.
 * x̄ − ȳ is formed in double-double from the column sums, so a gap far below the size of the centroids keeps
 * its relative precision (issue 11, item 4), then the norm is taken in float64.
 */
export function centroidGap(X: Matrix, Y: Matrix): number {
  both(X, Y);
  const sx = columnSums(X),
    sy = columnSums(Y),
    nx = dd(X.rows),
    ny = dd(Y.rows);
  const diff = sx.map((s, j) => ddValue(ddSub(ddDiv(s.value, nx), ddDiv(sy[j]!.value, ny))));
  return norm(diff);
}

/** cos(x̄, ȳ); an error when a centroid is the zero vector (its direction is undefined). */
export function centroidCosine(X: Matrix, Y: Matrix): number {
  both(X, Y);
  const a = centroid(X),
    b = centroid(Y);
  const na = norm(a),
    nb = norm(b);
  ensure(
    na > 0 && nb > 0,
    () => `centroidCosine: the ${na > 0 ? 'Y' : 'X'} centroid is the zero vector, so the cosine is undefined`,
  );
  return Math.max(-1, Math.min(1, dot(a, b) / (na * nb)));
}
