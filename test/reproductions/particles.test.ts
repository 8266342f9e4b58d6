/*
 * Source: issue 13 item 1 (the particle descent of paper 2's unimodal Gibbs experiment, docs/claims.md P18,
 * runs on float64 kernels instead of TensorFlow.js).
 * Expected: the analytic gradient of the KDE energy equals central differences (1e-7 relative to the largest entry)
 * and TensorFlow.js autodiff of the former graph (float32: 1e-5 absolute on gradients of size ~0.3), clipped pairs
 * (duplicates) included; 30 descent steps of 32 particles follow the former TensorFlow.js descent to 3e-4 on the
 * positions z (float32 rounding carried through Adam and the noise; measured 1.1e-5 at τ = 0.5, 3.0e-5 at τ = 2.5).
 */
import { describe, expect, it } from 'vitest';
import { FLOAT32_WASM, Rng } from '../../src/numeric/index.js';
import { particleDescent, particleEnergyWithGrad } from '../../src/reproductions/index.js';
import { loadTensorEngine, type Tf } from '../../src/tensor/index.js';
import { expectClose, expectMatrixClose } from '../helpers/assert.js';
import type { Tensor, Tensor2D, Variable } from '@tensorflow/tfjs';

const M1 = [0, 0, 1];
const M2 = ((v: number[]) => v.map((x) => x / Math.hypot(...v)))([0.85, 0.15, -0.5]);

/** The former TensorFlow.js energy: mean U(z)/τ + mean log(KDE + 1e−12), z = V/‖V‖, geodesic Gaussian KDE (h = 0.35). */
function tfEnergy(tf: Tf, tau: number) {
  return (V: Tensor) => {
    const z = tf.div(V, tf.norm(V, 2, 1, true)) as Tensor2D;
    const e = tf.mul(tf.matMul(z, tf.tensor2d([M1, M2]), false, true), 12);
    const U = tf.div(tf.neg(tf.logSumExp(tf.add(e, tf.log(tf.tensor1d([0.5, 0.5]))), 1)), 12);
    const g = tf.acos(tf.clipByValue(tf.matMul(z, z, false, true), -1 + 1e-6, 1 - 1e-6));
    const kde = tf.add(tf.mean(tf.exp(tf.div(tf.neg(tf.square(g)), 2 * 0.35 * 0.35)), 1), 1e-12);
    return tf.add(tf.div(tf.mean(U), tau), tf.mean(tf.log(kde))) as unknown as import('@tensorflow/tfjs').Scalar;
  };
}

function particles(seed: number, n: number): Float64Array {
  const rng = new Rng(seed),
    V = Float64Array.from({ length: 3 * n }, () => rng.normal());
  V.set(V.subarray(0, 3), 3); // a duplicated particle: its pair is clipped and passes no gradient
  return V;
}

describe('particle descent in float64', () => {
  for (const tau of [0.1, 0.5, 2.5]) {
    it(`τ = ${tau}: the energy gradient equals central differences`, () => {
      const V = particles(3, 12),
        { gradient } = particleEnergyWithGrad(V, tau),
        h = 1e-6;
      const fd = Array.from(V, (_, k) => {
        const up = Float64Array.from(V),
          dn = Float64Array.from(V);
        up[k]! += h;
        dn[k]! -= h;
        return (particleEnergyWithGrad(up, tau).energy - particleEnergyWithGrad(dn, tau).energy) / (2 * h);
      });
      expectMatrixClose(gradient, fd, 1e-7, 'gradient vs central differences');
    });
    it(`τ = ${tau}: energy and gradient equal TensorFlow.js autodiff of the former graph`, async () => {
      const { tf } = await loadTensorEngine();
      const V = particles(5, 16),
        { energy, gradient } = particleEnergyWithGrad(V, tau);
      const { value, grad } = tf.valueAndGrad(tfEnergy(tf, tau))(tf.tensor2d(Float32Array.from(V), [16, 3]));
      expectClose(energy, value.dataSync()[0]!, FLOAT32_WASM, 'energy');
      const g32 = grad.dataSync(),
        worst = Math.max(...Array.from(gradient, (v, k) => Math.abs(v - g32[k]!)));
      expect(worst, `max |Δ gradient| = ${worst}`).toBeLessThanOrEqual(1e-5);
      tf.dispose([value, grad]);
    });
  }
  for (const tau of [0.5, 2.5]) {
    it(`τ = ${tau}: 30 steps of 32 particles follow the former TensorFlow.js descent`, async () => {
      const { tf } = await loadTensorEngine();
      const n = 32,
        steps = 30,
        z64 = particleDescent(new Rng(7), tau, n, steps);
      // the TensorFlow.js descent as it was (Adam lr 0.05, ε as PyTorch's 1e−8), same random stream
      const rng = new Rng(7);
      const V = tf.variable(
        tf.tensor2d(
          Array.from({ length: 3 * n }, () => rng.normal()),
          [n, 3],
        ),
      ) as Variable;
      const opt = tf.train.adam(0.05, 0.9, 0.999, 1e-8),
        energy = tfEnergy(tf, tau);
      for (let s = 0; s < steps; s++) {
        opt.minimize(() => tf.tidy(() => energy(V)), false, [V]);
        const noise = tf.tensor2d(
          Array.from({ length: 3 * n }, () => 0.06 * rng.normal()),
          [n, 3],
        );
        V.assign(tf.add(V, noise));
        noise.dispose();
      }
      const z32 = tf.tidy(() => tf.div(V, tf.norm(V, 2, 1, true)).dataSync());
      tf.dispose(V);
      opt.dispose();
      const worst = Math.max(...Array.from(z64, (v, k) => Math.abs(v - z32[k]!)));
      expect(worst, `max |Δz| = ${worst}`).toBeLessThanOrEqual(3e-4);
    });
  }
});
