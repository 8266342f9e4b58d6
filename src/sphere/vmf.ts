import { ensure, type Matrix, matrix, norm, type Rng } from '../numeric/index.js';

/** A von Mises–Fisher law vMF(mean, κ) on S^{d−1}: density ∝ exp(κ⟨mean, z⟩), κ >= 0. */
export interface VmfComponent {
  readonly mean: ArrayLike<number>;
  readonly kappa: number;
  /** Mixture weight (any positive number; weights are normalized over the mixture). */
  readonly weight?: number;
}

function unitMean(mean: ArrayLike<number>, fn: string): Float64Array {
  ensure(mean.length >= 2, () => `${fn}: the vMF sampler needs d >= 2, got d = ${mean.length}`);
  const n = norm(mean);
  ensure(Number.isFinite(n) && n > 0, () => `${fn}: the mean direction must be a finite non-zero vector`);
  ensure(Math.abs(n - 1) < 1e-9, () => `${fn}: the mean direction must have unit norm, got norm ${n}`);
  return Float64Array.from(mean);
}

/**
 * Draws t = ⟨z, mean⟩ for z ~ vMF by Wood's (1994) rejection algorithm, valid for every d >= 2:
 * b = (d−1)/(2κ + √(4κ² + (d−1)²)), x₀ = (1−b)/(1+b), c = κx₀ + (d−1)log(1−x₀²),
 * W = (1 − (1+b)Z)/(1 − (1−b)Z) with Z ~ Beta((d−1)/2, (d−1)/2), accepted when
 * κW + (d−1)log(1 − x₀W) − c >= log U.
 */
export function sampleVmfCosine(rng: Rng, d: number, kappa: number): number {
  const dm1 = d - 1;
  const b = dm1 / (2 * kappa + Math.sqrt(4 * kappa * kappa + dm1 * dm1));
  const x0 = (1 - b) / (1 + b);
  const c = kappa * x0 + dm1 * Math.log(1 - x0 * x0);
  for (;;) {
    const z = rng.beta(dm1 / 2, dm1 / 2);
    const w = (1 - (1 + b) * z) / (1 - (1 - b) * z);
    if (kappa * w + dm1 * Math.log(1 - x0 * w) - c >= Math.log(rng.uniformOpen())) return w;
  }
}

/** Writes into `out` a point of vMF(mean, κ): t·mean + √(1−t²)·(uniform direction ⊥ mean). */
function drawInto(rng: Rng, mean: Float64Array, kappa: number, out: Float64Array, tmp: Float64Array): void {
  const d = mean.length;
  const t = sampleVmfCosine(rng, d, kappa);
  // uniform direction orthogonal to mean: project a Gaussian and normalize (redraw if degenerate)
  let s = 0;
  while (!(s > 1e-24)) {
    let p = 0;
    for (let j = 0; j < d; j++) {
      tmp[j] = rng.normal();
      p += tmp[j]! * mean[j]!;
    }
    s = 0;
    for (let j = 0; j < d; j++) {
      tmp[j]! -= p * mean[j]!;
      s += tmp[j]! * tmp[j]!;
    }
  }
  const r = Math.sqrt(Math.max(0, 1 - t * t)) / Math.sqrt(s);
  for (let j = 0; j < d; j++) out[j] = t * mean[j]! + r * tmp[j]!;
}

/** n points from vMF(mean, κ) on S^{d−1}, d = mean.length >= 2. */
export function sampleVmf(rng: Rng, mean: ArrayLike<number>, kappa: number, n: number): Matrix {
  const mu = unitMean(mean, 'sampleVmf');
  ensure(Number.isFinite(kappa) && kappa >= 0, () => `sampleVmf: κ must be a finite number >= 0, got ${kappa}`);
  ensure(Number.isInteger(n) && n >= 0, () => `sampleVmf: n must be an integer >= 0, got ${n}`);
  const d = mu.length,
    out = matrix(n, d),
    tmp = new Float64Array(d);
  for (let i = 0; i < n; i++) drawInto(rng, mu, kappa, out.data.subarray(i * d, (i + 1) * d), tmp);
  return out;
}

/** n points from a vMF mixture: a component is chosen with probability ∝ weight (default 1). */
export function sampleVmfMixture(
  rng: Rng,
  components: ReadonlyArray<VmfComponent>,
  n: number,
): { points: Matrix; labels: Int32Array } {
  ensure(components.length > 0, 'sampleVmfMixture: the mixture has no components');
  const mus = components.map((c, k) => unitMean(c.mean, `sampleVmfMixture component ${k}`));
  const d = mus[0]!.length;
  ensure(
    mus.every((m) => m.length === d),
    'sampleVmfMixture: components live in different dimensions',
  );
  const w = components.map((c, k) => {
    const x = c.weight ?? 1;
    ensure(Number.isFinite(x) && x > 0, () => `sampleVmfMixture: component ${k} weight must be > 0, got ${x}`);
    ensure(
      Number.isFinite(c.kappa) && c.kappa >= 0,
      () => `sampleVmfMixture: component ${k} κ must be >= 0, got ${c.kappa}`,
    );
    return x;
  });
  const total = w.reduce((a, b) => a + b, 0);
  const out = matrix(n, d),
    labels = new Int32Array(n),
    tmp = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    let u = rng.uniform() * total,
      k = 0;
    while (k < w.length - 1 && u >= w[k]!) {
      u -= w[k]!;
      k++;
    }
    labels[i] = k;
    drawInto(rng, mus[k]!, components[k]!.kappa, out.data.subarray(i * d, (i + 1) * d), tmp);
  }
  return { points: out, labels };
}
