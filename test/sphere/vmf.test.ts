/*
 * Source: Wood (1994) for the vMF sampler; A_d(κ) = I_{d/2}(κ)/I_{d/2−1}(κ) and the law of ⟨z, m⟩
 * (density ∝ e^{κt}(1−t²)^{(d−3)/2}) as the reference (docs/claims.md P0).
 * Expected: with fixed seeds, for each (d, κ): |mean⟨z,m⟩ − A_d(κ)| <= 4.42 standard errors and the KS
 * test of ⟨z, m⟩ against its law has p > 1e-5. Per check the false-alarm probability is <= 1e-5 (4.42 SE
 * is the two-sided 1e-5 normal quantile), so over the 2·12 checks here the family rate is <= 2.4e-4;
 * the seeds are fixed, so a pass is deterministic and a failure is reproducible.
 */
import { describe, expect, it } from 'vitest';
import { dot, ksTest, norm, Rng, seedFrom } from '../../src/numeric/index.js';
import {
  meanResultantLength,
  sampleUniformSphere,
  sampleVmf,
  sampleVmfMixture,
  vmfCosineCdf,
} from '../../src/sphere/index.js';

const ALPHA = 1e-5,
  Z = 4.42,
  N = 4000;

describe('von Mises–Fisher sampler (Wood) — statistical', () => {
  const grid: [number, number][] = [
    [2, 0.5],
    [2, 5],
    [3, 0],
    [3, 1],
    [3, 20],
    [4, 2],
    [5, 10],
    [8, 0.1],
    [16, 30],
    [64, 50],
    [128, 5],
    [3, 500],
  ];
  for (const [d, kappa] of grid) {
    it(`d=${d} κ=${kappa}`, () => {
      const rng = new Rng(seedFrom(d, kappa));
      const mean = sampleUniformSphere(rng, 1, d).data;
      const P = sampleVmf(rng, mean, kappa, N);
      const t = new Float64Array(N);
      for (let i = 0; i < N; i++) {
        const z = P.data.subarray(i * d, (i + 1) * d);
        expect(Math.abs(norm(z) - 1)).toBeLessThan(1e-12);
        t[i] = dot(z, mean);
      }
      const mu = t.reduce((s, v) => s + v, 0) / N;
      const sd = Math.sqrt(t.reduce((s, v) => s + (v - mu) ** 2, 0) / (N - 1));
      const A = meanResultantLength(d, kappa);
      expect(Math.abs(mu - A), `mean resultant ${mu} vs A_d(κ) = ${A}`).toBeLessThanOrEqual(
        (Z * sd) / Math.sqrt(N) + 1e-12,
      );
      expect(ksTest(t, vmfCosineCdf(d, kappa)).pValue).toBeGreaterThan(ALPHA);
    });
  }
  it('the KS test has power: samples at κ are rejected against the law at 1.3κ', () => {
    const rng = new Rng(5);
    const P = sampleVmf(rng, [0, 0, 1], 10, N);
    const t = Array.from({ length: N }, (_, i) => P.data[3 * i + 2]!);
    expect(ksTest(t, vmfCosineCdf(3, 13)).pValue).toBeLessThan(ALPHA);
  });
  it('the numeric CDF matches the d = 3 closed form', () => {
    const F = vmfCosineCdf(3, 4),
      exact = (t: number): number => (Math.exp(4 * (t - 1)) - Math.exp(-8)) / (1 - Math.exp(-8));
    for (const t of [-0.9, -0.3, 0, 0.5, 0.99]) expect(Math.abs(F(t) - exact(t))).toBeLessThan(1e-7);
  });
  it('mixtures pick components by weight and are reproducible from the seed', () => {
    const comps = [
      { mean: [1, 0], kappa: 50, weight: 3 },
      { mean: [-1, 0], kappa: 50, weight: 1 },
    ];
    const a = sampleVmfMixture(new Rng(9), comps, 4000),
      b = sampleVmfMixture(new Rng(9), comps, 4000);
    expect(Array.from(a.points.data)).toEqual(Array.from(b.points.data));
    const frac = a.labels.reduce((s, l) => s + (l === 0 ? 1 : 0), 0) / 4000;
    expect(Math.abs(frac - 0.75)).toBeLessThan(Z * Math.sqrt((0.75 * 0.25) / 4000));
    for (let i = 0; i < 4000; i++) expect(Math.sign(a.points.data[2 * i]!)).toBe(a.labels[i] === 0 ? 1 : -1);
  });
});
