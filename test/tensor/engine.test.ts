/*
 * Source: src/tensor (TensorFlow.js float32, tuned customGrad form, docs/numerics.md) against
 * fixtures/oracle/clip.json (mpmath) and against the float64 core.
 * Expected: the backend is named (tensorflow or wasm, never cpu); loss and gradients match the oracle at the
 * float32 tolerances FLOAT32_WASM and FLOAT32_WASM_GRADIENT (src/numeric/tolerance.ts; measured margins in
 * docs/numerics.md) wherever those are meaningful (τ >= 0.05 and loss >= 1e-3);
 * no tensor is leaked.
 */
import { describe, expect, it } from 'vitest';
import { FLOAT32_WASM, FLOAT32_WASM_GRADIENT } from '../../src/numeric/index.js';
import { clipLossTf, clipLossWithGradTf, loadTensorEngine } from '../../src/tensor/index.js';
import { expectClose, expectMatrixClose, flat, M, readOracle } from '../helpers/assert.js';

interface ClipCase {
  n: number;
  d: number;
  tau: number;
  kind: string;
  X: number[][];
  Y: number[][];
  loss: number;
  gradX: number[][];
  gradY: number[][];
}

describe('TensorFlow.js engine', () => {
  it('runs on a named backend that is not the cpu backend', async () => {
    const e = await loadTensorEngine();
    expect(['tensorflow', 'wasm']).toContain(e.backend);
    expect(e.tf.getBackend()).toBe(e.backend);
  });
  const cases = readOracle<ClipCase>('clip.json').cases.filter((c) => c.tau >= 0.05 && c.loss >= 1e-3);
  it('has float32-meaningful oracle cases to compare against', () => expect(cases.length).toBeGreaterThanOrEqual(5));
  for (const c of cases) {
    it(`tuned CLIP N=${c.n} d=${c.d} τ=${c.tau} matches the oracle at float32 tolerance, without leaking tensors`, async () => {
      const { tf } = await loadTensorEngine();
      const before = tf.memory().numTensors;
      const r = await clipLossWithGradTf(M(c.X), M(c.Y), c.tau);
      expectClose(r.loss, c.loss, FLOAT32_WASM, 'loss');
      expectClose(await clipLossTf(M(c.X), M(c.Y), c.tau), c.loss, FLOAT32_WASM, 'forward-only loss');
      const { rel, floor } = FLOAT32_WASM_GRADIENT;
      expectMatrixClose(r.gradX, flat(c.gradX), rel, 'gradX', floor);
      expectMatrixClose(r.gradY, flat(c.gradY), rel, 'gradY', floor);
      expect(tf.memory().numTensors).toBe(before);
    });
  }
  it('rejects bad input before touching TensorFlow.js', async () => {
    await expect(clipLossTf(M([[1, 0]]), M([[1, 0]]), 0)).rejects.toThrow(/tau must be/);
  });
});
