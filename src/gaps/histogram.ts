import { ensure, type Matrix, requireEmbeddings, symmetricKlSum } from '../numeric/index.js';

/*
 * Histogram symmetric KL between two sets of angles on S¹, as in the paper-2 toy code
 * (`sym_kl_from_angles_np` in multimodal_modality_gap.py; docs/claims.md P17): `bins` equal bins on [−π, π), counts + ε,
 * normalized. Two conventions, named by what they compute:
 *   histogramSymmetricKlSum  = KL(p‖q) + KL(q‖p)      (the code's; "Jeffreys")
 *   histogramSymmetricKlHalf = ½(KL(p‖q) + KL(q‖p))   (the paper's identity)
 */

export interface HistogramOptions {
  /** Number of equal bins on [−π, π); default 60. */
  readonly bins?: number;
  /** Pseudo-count added to every bin before normalizing; default 1e-8. */
  readonly epsilon?: number;
}

/** Angles atan2(y, x) of the rows of an N×2 matrix (points of S¹ or any non-zero planar vectors). */
export function anglesOf(P: Matrix): Float64Array {
  requireEmbeddings(P, 'points');
  ensure(P.cols === 2, () => `anglesOf: angles need 2-D points, got dimension ${P.cols}`);
  const out = new Float64Array(P.rows);
  for (let i = 0; i < P.rows; i++) {
    const x = P.data[2 * i]!,
      y = P.data[2 * i + 1]!;
    ensure(x !== 0 || y !== 0, () => `anglesOf: row ${i} is the zero vector and has no angle`);
    out[i] = Math.atan2(y, x);
  }
  return out;
}

/** The normalized, ε-smoothed histogram of angles (radians, any real; wrapped to [−π, π)). */
export function angleHistogram(angles: ArrayLike<number>, opts: HistogramOptions = {}): Float64Array {
  const bins = opts.bins ?? 60,
    eps = opts.epsilon ?? 1e-8;
  ensure(Number.isInteger(bins) && bins >= 1, () => `angleHistogram: bins must be an integer >= 1, got ${bins}`);
  ensure(Number.isFinite(eps) && eps >= 0, () => `angleHistogram: epsilon must be >= 0, got ${eps}`);
  ensure(angles.length > 0 || eps > 0, 'angleHistogram: no angles and no pseudo-count: the histogram is empty');
  const h = new Float64Array(bins).fill(eps);
  const w = (2 * Math.PI) / bins;
  for (let i = 0; i < angles.length; i++) {
    const a = angles[i]!;
    ensure(Number.isFinite(a), () => `angleHistogram: angle ${i} is ${a}`);
    const t = a + Math.PI - 2 * Math.PI * Math.floor((a + Math.PI) / (2 * Math.PI)); // in [0, 2π)
    h[Math.min(bins - 1, Math.floor(t / w))]! += 1;
  }
  const total = h.reduce((s, v) => s + v, 0);
  for (let k = 0; k < bins; k++) h[k]! /= total;
  return h;
}

/** KL(p‖q) + KL(q‖p) of the angle histograms (sum convention). */
export function histogramSymmetricKlSum(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  opts: HistogramOptions = {},
): number {
  return symmetricKlSum(angleHistogram(a, opts), angleHistogram(b, opts));
}

/** ½(KL(p‖q) + KL(q‖p)) of the angle histograms (half-sum convention). */
export function histogramSymmetricKlHalf(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  opts: HistogramOptions = {},
): number {
  return 0.5 * histogramSymmetricKlSum(a, b, opts);
}
