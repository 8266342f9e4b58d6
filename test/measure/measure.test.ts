/*
 * Source: fixtures/embeddings/* written by NumPy (scripts/make_embedding_fixtures.py), an independent .npy writer,
 * including big-endian copies of x.npy (issue 15: '>f8' read as little-endian survived); recall over distinct items
 * against scripts/make_oracle_retrieval.py (issue 11, item 3).
 * Expected: float32 and float64 .npy, JSON and CSV read to the values NumPy wrote; `measure` reports the kernels'
 * values on the L2-normalized rows (its blocked passes within their stated bounds, every O(n²) metric on the one
 * stated subsample), the P14 bounds hold, the shuffle control leaves the centroid gap unchanged and
 * collapses recall; every malformed file gets one clear CrlInputError, and the CLI exits 0 / 1 / 2 as documented.
 */
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { centroidGap, energyDistance, mmd2Rbf, recallAtK } from '../../src/gaps/index.js';
import { clipLoss, uniformity } from '../../src/losses/index.js';
import { formatMeasurement, measure, readEmbeddings, readPairs } from '../../src/measure/index.js';
import { expectClose, readOracle } from '../helpers/assert.js';
import { CrlInputError, gatherRows, normalizeRows, Rng, tolerance } from '../../src/numeric/index.js';

const F = (name: string) => `fixtures/embeddings/${name}`;

describe('readers', () => {
  it('reads float32 .npy, float64 .npy, JSON and CSV', () => {
    const x32 = readEmbeddings(F('x.npy')),
      xj = readEmbeddings(F('x.json')),
      y64 = readEmbeddings(F('y.npy')),
      yc = readEmbeddings(F('y.csv'));
    expect([x32.dtype, y64.dtype, x32.matrix.rows, x32.matrix.cols]).toEqual(['float32', 'float64', 16, 4]);
    for (let k = 0; k < 64; k++) {
      expect(x32.matrix.data[k]).toBe(Math.fround(xj.matrix.data[k]!)); // the float32 file holds the rounded JSON values
      expect(yc.matrix.data[k]).toBe(y64.matrix.data[k]); // savetxt's %.18e round-trips float64 exactly
    }
  });
  it('reads big-endian >f4 and >f8 (NumPy-written copies of x.npy) to the same values', () => {
    const x = readEmbeddings(F('x.npy')),
      b4 = readEmbeddings(F('x-big-f4.npy')),
      b8 = readEmbeddings(F('x-big-f8.npy'));
    expect([b4.dtype, b8.dtype]).toEqual(['float32', 'float64']);
    expect(Array.from(b4.matrix.data)).toEqual(Array.from(x.matrix.data));
    expect(Array.from(b8.matrix.data)).toEqual(Array.from(x.matrix.data));
  });
  const bad: [string, RegExp][] = [
    ['bad-magic.npy', /wrong magic/],
    ['fortran.npy', /Fortran-order/],
    ['nan.npy', /row 3 has a non-finite entry \(NaN\) at column 2/],
    ['empty.npy', /empty array/],
    ['int.npy', /dtype '<i4' is not supported/],
    ['three-d.npy', /expected a 2-D array/],
    ['truncated.npy', /truncated data/],
    ['ragged.json', /row 1 has 3 entries, row 0 has 2/],
    ['missing.npy', /cannot read: ENOENT/],
  ];
  for (const [file, msg] of bad)
    it(`${file}: one clear error`, () => {
      expect(() => readEmbeddings(F(file))).toThrow(CrlInputError);
      expect(() => readEmbeddings(F(file))).toThrow(msg);
    });
  it('pairs out of range are named', () =>
    expect(() => readPairs(F('pairs-out-of-range.json'), 16, 16)).toThrow(/pair 1: x index 16 is outside 0..15/));
});

describe('measure', () => {
  const x = readEmbeddings(F('x.npy')),
    y = readEmbeddings(F('y.npy'));
  const m = measure(x, y);
  const X = normalizeRows(x.matrix),
    Y = normalizeRows(y.matrix);
  it('reports the kernels on normalized rows (blocked passes agree to their stated bounds)', () => {
    expect(m.normalized).toBe(true);
    expect(m.centroidGap).toBe(centroidGap(X, Y));
    // the passes take squared distances from Gram entries and vouch for 1e-10 of the energy distance and MMD²
    expectClose(m.energyDistance, energyDistance(X, Y), tolerance({ rel: 1e-10 }), 'energy distance');
    expectClose(m.mmd2.value, mmd2Rbf(X, Y, 1), tolerance({ rel: 1e-10 }), 'MMD²');
    for (const [k, tau] of [0.07, 0.01].entries()) {
      expectClose(m.symmetricInfoNce[k]!.value, clipLoss(X, Y, tau), tolerance({ rel: 1e-13 }), `InfoNCE τ = ${tau}`);
    }
    expectClose(m.uniformity.x, uniformity(X), tolerance({ rel: 1e-12 }), 'uniformity x');
    for (const k of [1, 5, 10] as const) {
      expect(m.recall.xToY[k]).toBe(recallAtK(X, Y, k, 'x-to-y'));
      expect(m.recall.yToX[k]).toBe(recallAtK(X, Y, k, 'y-to-x'));
    }
  });
  it('every O(n²) metric, the shuffle control included, runs on the one stated subsample', () => {
    const sub = measure(x, y, { maxPairs: 8, seed: 3 });
    // the subsample is the first 8 of a seeded permutation; rebuild it from the reported facts
    const rows = Array.from({ length: 16 }, (_, i) => i);
    const rng = new Rng(3);
    for (let k = 15; k > 0; k--) {
      const j = rng.int(k + 1);
      [rows[k], rows[j]] = [rows[j]!, rows[k]!];
    }
    const idx = rows.slice(0, 8),
      Xs = gatherRows(X, idx),
      Ysub = gatherRows(Y, idx);
    expectClose(sub.energyDistance, energyDistance(Xs, Ysub), tolerance({ rel: 1e-10 }), 'energy on the subsample');
    expectClose(sub.uniformity.y, uniformity(Ysub), tolerance({ rel: 1e-12 }), 'uniformity on the subsample');
    expect(sub.recall.xToY[1]).toBe(recallAtK(Xs, Ysub, 1));
    expect(sub.pairedCentroidGap).toBe(centroidGap(Xs, Ysub));
    const keeps = 'the shuffle keeps the paired gap';
    expectClose(sub.shuffleControl.centroidGap, sub.pairedCentroidGap, tolerance({ rel: 1e-14 }), keeps);
  });
  it('reports progress per stage when asked', () => {
    const seen: string[] = [];
    measure(x, y, {
      progress: (stage) => (done) => {
        seen.push(`${stage} ${done}`);
      },
    });
    expect(seen).toEqual(['x·yᵀ 16', 'x·xᵀ 16', 'y·yᵀ 16']);
  });
  it('transport bounds hold; the shuffle control keeps the centroid gap and collapses recall', () => {
    expect(m.transportBounds.every((b) => b.holds)).toBe(true);
    expect(m.shuffleControl.centroidGap).toBeCloseTo(m.centroidGap, 12);
    expect(m.shuffleControl.recall.xToY[1]).toBeLessThan(m.recall.xToY[1]);
  });
  it('pairs: two captions per image', () => {
    const p = measure(readEmbeddings(F('x.json')), readEmbeddings(F('y2.npy')), {
      pairs: readPairs(F('pairs2.json'), 16, 32),
    });
    expect([p.input.pairs, p.input.pairing]).toEqual([32, 'given']);
    expect(p.transportBounds.every((b) => b.holds)).toBe(true);
  });
  it('pairs: recall over distinct items equals the NumPy script (scripts/make_oracle_retrieval.py)', () => {
    const want = readOracle<never>('retrieval.json') as unknown as { fixture: { recall: Record<string, number> } };
    const pairs = readPairs(F('pairs2.json'), 16, 32);
    const p = measure(readEmbeddings(F('x.npy')), readEmbeddings(F('y2.npy')), { pairs });
    expect([p.retrieval.xItems, p.retrieval.yItems]).toEqual([16, 32]);
    for (const k of ['1', '5', '10'] as const) {
      expect(p.recall.xToY[k], `x → y R@${k}`).toBe(want.fixture.recall[`x-to-y@${k}`]);
      expect(p.recall.yToX[k], `y → x R@${k}`).toBe(want.fixture.recall[`y-to-x@${k}`]);
    }
    expect(p.recall.yToX[1], 'the paired layout gave 0 here').toBeGreaterThan(0.5);
    expect(formatMeasurement(p)).toMatch(/retrieval over distinct items \(COCO\/Flickr30k convention/);
  });
  it('subsamples above max-pairs, and says so', () =>
    expect(measure(x, y, { maxPairs: 8, seed: 3 }).input.subsample).toEqual({ from: 16, to: 8, seed: 3 }));
  it('shape mismatches are named', () => {
    expect(() => measure(x, readEmbeddings(F('y-12-rows.npy')))).toThrow(/16 rows but .* has 12/);
    expect(() => measure(x, readEmbeddings(F('y-dim3.npy')))).toThrow(/dimension 4 but .* has 3/);
  });
});

describe('crl-verify measure (CLI)', () => {
  const quiet = () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {}),
      err = vi.spyOn(console, 'error').mockImplementation(() => {});
    return () => {
      log.mockRestore();
      err.mockRestore();
    };
  };
  it('exit 0 with bounds holding, 1 on a bad file, 2 on bad usage', async () => {
    const restore = quiet();
    try {
      expect(await main(['measure', '--x', F('x.npy'), '--y', F('y.csv'), '--tau', '0.1,0.5'])).toBe(0);
      expect(await main(['measure', '--x', F('nan.npy'), '--y', F('y.npy')])).toBe(1);
      expect(await main(['measure', '--x', F('x.npy')])).toBe(2);
      expect(await main(['measure', '--x', F('x.npy'), '--y', F('y.npy'), '--tau', '-1'])).toBe(2);
    } finally {
      restore();
    }
  });
});
