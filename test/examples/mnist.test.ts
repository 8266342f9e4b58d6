/*
 * Source: issue 14 (real data end to end). The reduced MNIST example (SMALL: 600 digits, 30 steps) runs the whole
 * pipeline: train on real digits, write float32 .npy, run `crl-verify measure` (the CLI, as a child process).
 * Expected: every file is written; measure exits 0; the P14 transport bounds hold on trained, untrained and shuffled
 * embeddings while the planted reversal fails; alignment improves against the untrained encoders; the Vega-Lite
 * specs compile. The .npy writer is byte-identical to np.save (fixtures/embeddings/x.npy, written by NumPy).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile, type TopLevelSpec } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMnistExample, SMALL, type MnistSummary } from '../../examples/mnist/run.js';
import { readEmbeddings } from '../../src/measure/index.js';
import { encodeNpy } from '../../src/measure/writers.js';

describe('the .npy writer', () => {
  it('writes the bytes np.save writes for a float32 array', () => {
    const npy = readFileSync('fixtures/embeddings/x.npy');
    const x = readEmbeddings('fixtures/embeddings/x.npy');
    expect(Buffer.from(encodeNpy(x.matrix)).equals(npy)).toBe(true);
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
    for (const f of ['x.npy', 'y.npy', 'measure.json', 'report.md', 'gap-training.vl.json', 'negatives.vl.json', 'transport-bounds.md']) {
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
