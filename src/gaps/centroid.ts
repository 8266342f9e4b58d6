import { centroid, dot, ensure, type Matrix, norm, requireEmbeddings } from '../numeric/index.js';

function both(X: Matrix, Y: Matrix): void {
  requireEmbeddings(X, 'X (first modality)');
  requireEmbeddings(Y, 'Y (second modality)');
  ensure(X.cols === Y.cols, () => `X has dimension ${X.cols}, Y has ${Y.cols}`);
}

/** Centroid gap ‖x̄ − ȳ‖ (Liang et al.'s gap distance); the batches may differ in size. */
export function centroidGap(X: Matrix, Y: Matrix): number {
  both(X, Y);
  const a = centroid(X), b = centroid(Y);
  for (let j = 0; j < a.length; j++) a[j]! -= b[j]!;
  return norm(a);
}

/** cos(x̄, ȳ); an error when a centroid is the zero vector (its direction is undefined). */
export function centroidCosine(X: Matrix, Y: Matrix): number {
  both(X, Y);
  const a = centroid(X), b = centroid(Y);
  const na = norm(a), nb = norm(b);
  ensure(na > 0 && nb > 0, () => `centroidCosine: the ${na > 0 ? 'Y' : 'X'} centroid is the zero vector, so the cosine is undefined`);
  return Math.max(-1, Math.min(1, dot(a, b) / (na * nb)));
}
