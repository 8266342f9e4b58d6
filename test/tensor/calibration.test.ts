/*
 * Source: docs/claims.md C5 (the calibration ratio regret / √KL(P₊ ‖ q_s) that the targeted search of
 * properties/paper1/calibration.prop.ts ascends) and issue 13 §1 (the search runs in float64, not through a
 * TensorFlow.js call per step).
 * Expected: at 40 random points θ (K = 2, 3, 4; τ = 1, 0.5) the float64 ratio equals TensorFlow.js's float32 value
 * to 1e-4 relative and its central-difference gradient equals TensorFlow.js autodiff to 1e-3 of the gradient's
 * size; the gradient also agrees with a coarser central difference of the float64 value (1e-5); a P₊ entry that
 * underflows to 0 gives a finite ratio.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/numeric/index.js';
import { calibrationRatio, calibrationRatioTf, loadTensorEngine } from '../../src/tensor/index.js';

const { tf } = await loadTensorEngine();

function points(): { perm: number[]; tau: number; theta: number[] }[] {
  const rng = new Rng(20261129);
  const out: { perm: number[]; tau: number; theta: number[] }[] = [];
  for (let n = 0; n < 40; n++) {
    const K = 2 + (n % 3);
    const perm = Array.from({ length: K }, (_, i) => i).sort(() => rng.uniform() - 0.5);
    const theta = Array.from({ length: 3 * K - 1 }, () => 2 * rng.normal());
    out.push({ perm, tau: n % 2 ? 0.5 : 1, theta });
  }
  return out;
}

describe('calibration ratio: float64 with central differences against TensorFlow.js autodiff', () => {
  it('value and gradient agree at 40 random points', () => {
    for (const { perm, tau, theta } of points()) {
      const f64 = calibrationRatio(perm, tau)(theta);
      const f32 = calibrationRatioTf(tf, perm, tau)(theta);
      expect(Math.abs(f64.value - f32.value)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(f64.value)));
      const size = Math.max(1, ...f64.gradient.map(Math.abs));
      f64.gradient.forEach((g, i) => {
        expect(Math.abs(g - f32.gradient[i]!)).toBeLessThanOrEqual(1e-3 * size);
      });
    }
  });
  it('the gradient is the derivative of the value (a coarser central difference, mask unchanged there)', () => {
    for (const { perm, tau, theta } of points().slice(0, 10)) {
      const f = calibrationRatio(perm, tau);
      const { gradient } = f(theta);
      const h = 1e-4;
      gradient.forEach((g, i) => {
        const up = f(theta.map((t, j) => (j === i ? t + h : t))).value;
        const down = f(theta.map((t, j) => (j === i ? t - h : t))).value;
        expect(Math.abs(g - (up - down) / (2 * h))).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(g)));
      });
    }
  });
  it('a P₊ entry that underflows to 0 contributes 0·log 0 = 0 (a finite ratio, not NaN)', () => {
    // a = (0, −800): P₊ = (1, e^−800 → 0); b = (0, 0), u = (0): K = 2, scores (0, 1)
    const { value, gradient } = calibrationRatio([0, 1], 1)([0, -800, 0, 0, 0]);
    expect(Number.isFinite(value)).toBe(true);
    expect(gradient.every(Number.isFinite)).toBe(true);
  });
});
