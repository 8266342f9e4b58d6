/*
 * Source: issue 14 (real data end to end). The reduced MNIST example (SMALL: 600 digits, 30 steps) runs the whole
 * pipeline: train on real digits, write float32 .npy, run `crl-verify measure` (the CLI, as a child process).
 * Expected: every file is written; measure exits 0; the P14 transport bounds hold on trained, untrained and shuffled
 * embeddings while the planted reversal fails; alignment improves against the untrained encoders; the Vega-Lite
 * specs compile. The .npy writer is byte-identical to np.save (fixtures/embeddings/x.npy, written by NumPy); the
 * example's hand-written pieces agree with the project's references: the custom-gradient linear layer with
 * autodiff, the float32 paper-1 InfoNCE with src/losses infoNce (float64), the held-out AUC with
 * src/theory/ranking auc, the per-anchor large-batch estimate with literal batches and J^Sym_∞ = L_CLIP − log M,
 * and the permutation test's statistics with src/gaps (it keeps p > α on two samples of one law and reaches its
 * smallest p on two laws with different means).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile, type TopLevelSpec } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tensor, Tensor2D, Tensor3D } from '@tensorflow/tfjs';
import { linear } from '../../examples/mnist/encoder.js';
import { largeBatchTable } from '../../examples/mnist/largeBatch.js';
import { heldOutAuc, infoNceTf } from '../../examples/mnist/negatives.js';
import { permutationTest } from '../../examples/mnist/permutation.js';
import { runMnistExample, SMALL, type MnistSummary } from '../../examples/mnist/run.js';
import { centroidGap, energyDistance } from '../../src/gaps/index.js';
import { clipLoss, infoNce } from '../../src/losses/index.js';
import { readEmbeddings } from '../../src/measure/index.js';
import { encodeNpy } from '../../src/measure/writers.js';
import { FLOAT32_WASM, FLOAT64_EXACT, matrix, Rng, toRows } from '../../src/numeric/index.js';
import { sampleUniformSphere } from '../../src/sphere/index.js';
import { loadTensorEngine } from '../../src/tensor/index.js';
import { auc } from '../../src/theory/ranking/index.js';
import { expectClose, expectMatrixClose } from '../helpers/assert.js';

describe('the .npy writer', () => {
  it('writes the bytes np.save writes for a float32 array', () => {
    const npy = readFileSync('fixtures/embeddings/x.npy');
    const x = readEmbeddings('fixtures/embeddings/x.npy');
    expect(Buffer.from(encodeNpy(x.matrix)).equals(npy)).toBe(true);
  });
});

describe("the example's pieces against the project's references", () => {
  it('linear: the NN-only gradient equals autodiff of x·W', async () => {
    const { tf } = await loadTensorEngine();
    const x = tf.randomNormal([5, 7], 0, 1, 'float32', 1) as Tensor2D;
    const W = tf.randomNormal([7, 3], 0, 1, 'float32', 2) as Tensor2D;
    const probe = tf.randomNormal([5, 3], 0, 1, 'float32', 3);
    const f =
      (g: (a: Tensor2D, b: Tensor2D) => Tensor2D) =>
      (...t: Tensor[]) =>
        tf.sum(tf.mul(g(t[0] as Tensor2D, t[1] as Tensor2D), probe));
    const [gx, gW] = tf.grads(f(linear(tf)))([x, W]),
      [ax, aW] = tf.grads(f((a, b) => tf.matMul(a, b)))([x, W]);
    expectMatrixClose(gx!.dataSync(), ax!.dataSync(), 1e-6, 'dx');
    expectMatrixClose(gW!.dataSync(), aW!.dataSync(), 1e-6, 'dW');
    tf.dispose([x, W, probe, gx!, gW!, ax!, aW!]);
  });

  it('infoNceTf (float32) equals infoNce (float64, positive in the denominator)', async () => {
    const { tf } = await loadTensorEngine();
    const rng = new Rng(5),
      G = 6,
      m = 4,
      d = 5,
      tau = 0.2;
    const A = sampleUniformSphere(rng, G, d),
      P = sampleUniformSphere(rng, G, d),
      N = sampleUniformSphere(rng, G * m, d);
    const t = (M: typeof A) => tf.tensor2d(Float32Array.from(M.data), [M.rows, M.cols]);
    const negatives = tf.reshape(t(N), [G, m, d]) as Tensor3D;
    const v = infoNceTf(tf, tau, t(A), t(P), negatives);
    expectClose(
      v.dataSync()[0]!,
      infoNce({ anchors: A, positives: P, negatives: N, m, tau }).loss,
      FLOAT32_WASM,
      'InfoNCE',
    );
    tf.dispose([v, negatives]);
  });

  it('heldOutAuc equals the per-anchor AUC of src/theory/ranking (P₊ = partner, P₋ uniform on the others)', () => {
    const rng = new Rng(9),
      n = 7;
    const X = sampleUniformSphere(rng, n, 3),
      Y = sampleUniformSphere(rng, n, 3);
    const S = toRows(X).map((x) => toRows(Y).map((y) => x.reduce((s, v, k) => s + v * y[k]!, 0)));
    const model = {
      p1: Array(n).fill(1 / n),
      pPos: Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))),
      pNeg: Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1e-300 : 1 / (n - 1)))),
    };
    expectClose(heldOutAuc(X, Y), auc(model, S), FLOAT64_EXACT, 'AUC');
  });

  it('large batch: J^Sym_∞ = L_CLIP − log M on all pairs; the per-anchor estimate matches literal batches', () => {
    const rng = new Rng(3),
      M = 40;
    const X = sampleUniformSphere(rng, M, 4),
      Y = sampleUniformSphere(rng, M, 4);
    const t = largeBatchTable(X, Y, 0.5, {
      sizes: [2, 4, 8],
      budget: 2 ** 16,
      literalUpTo: 8,
      literalReps: 4000,
      seed: 1,
    });
    expectClose(t.limit, clipLoss(X, Y, 0.5) - Math.log(M), FLOAT64_EXACT, 'J^Sym_∞');
    for (const r of t.rows) {
      expect(Math.abs(r.literal!.mean - r.mean), `N = ${r.N}`).toBeLessThan(5 * Math.hypot(r.literal!.se, r.se));
    }
  });

  it('permutation test: its statistics are energyDistance and centroidGap; it separates one law from two', () => {
    const rng = new Rng(11),
      d = 3;
    const P = sampleUniformSphere(rng, 60, d),
      Q = sampleUniformSphere(rng, 60, d);
    const same = permutationTest(P, Q, 99, rng);
    expectClose(same.energy, energyDistance(P, Q), FLOAT64_EXACT, 'energy');
    expectClose(same.centroidGap, centroidGap(P, Q), FLOAT64_EXACT, 'centroid gap');
    expect(same.energyP).toBeGreaterThan(0.01); // a false alarm at this seed would be a 1-in-100 event
    const shifted = matrix(
      Q.rows,
      d,
      Q.data.map((v, k) => v + (k % d === 0 ? 1 : 0)),
    );
    const apart = permutationTest(P, shifted, 99, rng);
    expect([apart.energyP, apart.centroidGapP]).toEqual([0.01, 0.01]);
  });
});

describe('MNIST example (reduced)', () => {
  let s: MnistSummary;
  let seconds = 0;
  beforeAll(async () => {
    const t0 = performance.now();
    s = await runMnistExample({ config: SMALL, outDir: mkdtempSync(join(tmpdir(), 'crl-mnist-')) });
    seconds = (performance.now() - t0) / 1000;
  }, 60_000);

  it('writes every file and runs within 30 s', () => {
    const written = [
      'x.npy',
      'y.npy',
      'measure.json',
      'measure.txt',
      'report.md',
      'summary.json',
      'gap-training.vl.json',
      'negatives.vl.json',
      'large-batch.vl.json',
      ...['transport-bounds', 'gap-training', 'sweep', 'large-batch', 'negatives'].flatMap((t) => [
        `${t}.json`,
        `${t}.md`,
      ]),
    ];
    for (const f of written) {
      expect(existsSync(join(s.outDir, f)), f).toBe(true);
    }
    const x = readEmbeddings(join(s.outDir, 'x.npy'));
    expect([x.dtype, x.matrix.rows, x.matrix.cols]).toEqual(['float32', SMALL.heldOut, SMALL.shape.dim]);
    expect(seconds).toBeLessThan(30);
  });

  it('crl-verify measure exits 0 and every transport bound holds; the planted reversal fails', () => {
    expect(s.measureExitCode).toBe(0);
    expect(s.measurement.transportBounds.every((b) => b.holds)).toBe(true);
    expect(s.verdicts.transportBoundsHold).toBe(true);
    expect(s.verdicts.plantedReversalFails).toBe(true);
  });

  it('training improves alignment over the untrained encoders', () => {
    const gap = s.tables.find((t) => t.name === 'gap-training')!;
    const [first, last] = [gap.rows[0]!, gap.rows.at(-1)!];
    expect(last[1] as number).toBeLessThan(first[1] as number); // alignment
    expect(last[1] as number).toBeLessThan(last[2] as number); // below its shuffle control
    expect(last[4]).toBeCloseTo(last[3] as number, 12); // the centroid gap ignores the pairing
  });

  it('the Vega-Lite specs compile', () => {
    for (const name of ['gap-training', 'negatives', 'large-batch']) {
      const spec = JSON.parse(readFileSync(join(s.outDir, `${name}.vl.json`), 'utf8')) as TopLevelSpec;
      expect(compile(spec).spec, name).toBeDefined();
    }
  });
});
