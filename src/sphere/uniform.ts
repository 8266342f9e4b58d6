import { ensure, type Matrix, matrix, type Rng } from '../numeric/index.js';

/**
 * n points uniform on S^{d−1} ⊂ ℝ^d (normalized Gaussians; a zero draw is redrawn, never normalized).
 * d = 1 gives S⁰ = {−1, +1}.
 */
export function sampleUniformSphere(rng: Rng, n: number, d: number): Matrix {
  ensure(Number.isInteger(n) && n >= 0, () => `sampleUniformSphere: n must be an integer >= 0, got ${n}`);
  ensure(Number.isInteger(d) && d >= 1, () => `sampleUniformSphere: d must be an integer >= 1, got ${d}`);
  const out = matrix(n, d);
  const v = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    let s = 0;
    while (s === 0) {
      s = 0;
      for (let j = 0; j < d; j++) {
        v[j] = rng.normal();
        s += v[j]! * v[j]!;
      }
    }
    const r = 1 / Math.sqrt(s);
    for (let j = 0; j < d; j++) out.data[i * d + j] = v[j]! * r;
  }
  return out;
}
