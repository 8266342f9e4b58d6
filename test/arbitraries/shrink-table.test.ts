/*
 * Source: issue 12 §2 (shrinking removes any row, anchor or atom; temperatures shrink to the simplest value).
 * Expected: each planted twin, started from a stored counterexample whose violation sits in the last anchor,
 * candidate, atom, row or coordinate (or at τ = 0.07), shrinks to the minimal size: Kx = 1, Ky = 2, K = 2, B = 2,
 * d = 2, and τ = 1/2 where τ = 1 cannot fail. Before issue 12 eight of the nine rows stayed at their start (Kx = 3,
 * Ky = 4, τ = 0.07, K = 5, K = 3; paired batches could not be shrunk from a stored value at all): only trailing entries
 * could go and τ tried only its first value. The joint row shrank then too (that claim fails on every instance).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { batchFromPool, buildRankingInstance, type RankingInstance } from '../../src/arbitraries/index.js';
import { loadRegistry, runConjecture, writeCorpus } from '../../src/conjecture/index.js';
import type { Matrix } from '../../src/numeric/index.js';
import { densityFrom } from '../../src/theory/geometry/finiteSpace.js';

const registry = await loadRegistry('properties');
const tmp = mkdtempSync(join(tmpdir(), 'crl-shrink-table-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const zeros = (rows: number, cols: number): number[][] => Array.from({ length: rows }, () => Array(cols).fill(0));
/** Grid scores s = k/8 (k = 0 by default), each anchor weighted 1. */
const ranking = (tau: number, pos: number[][], neg: number[][], k?: number[][]): RankingInstance => {
  const [kx, ky] = [pos.length, pos[0]!.length],
    weights = { p1: pos.map(() => 1), pos, neg };
  return buildRankingInstance({ kx, ky, tau, scores: 'grid', step: 1 / 8, k: k ?? zeros(kx, ky), weights });
};
const joint = (law: number[][]): RankingInstance => {
  const [kx, ky] = [law.length, law[0]!.length],
    weights = { p1: [], pos: law, neg: [] };
  const k = zeros(kx, ky);
  return buildRankingInstance({ kx, ky, tau: 1, scores: 'grid', step: 1 / 8, k, weights, negatives: 'joint' });
};
/** A finite space as the arbitrary builds it (written out, so the table also runs against the old arbitraries). */
const space = (mu: number[], U: number[], wRho: number[], wRho2: number[], tau: number) => {
  const densities = { rho: densityFrom(wRho, mu), rho2: densityFrom(wRho2, mu) };
  return { K: mu.length, mu, U, U2: mu.map(() => 0), wRho, wRho2, ...densities, tau, t: 0.5 };
};
const pair = (xs: number[][], ys: number[][]) => {
  const B = xs.length,
    d = xs[0]!.length;
  return { X: batchFromPool(xs.flat(), B, d, d, true), Y: batchFromPool(ys.flat(), B, d, d, true) };
};

type Sizes = Record<string, number>;
const sizesOf = (v: unknown): Sizes => {
  const x = v as Partial<RankingInstance> & { K?: number; tau?: number; X?: Matrix };
  if (x.kx !== undefined) return { Kx: x.kx, Ky: x.ky!, tau: x.tau! };
  if (x.K !== undefined) return { K: x.K, tau: x.tau! };
  return { B: x.X!.rows, d: x.X!.cols };
};

/** id, where the violation sits, the stored start, the sizes it must shrink to. */
const TABLE: [string, string, unknown, Sizes][] = [
  [
    'paper1.consistency.excess-risk-reversed-kl',
    'last anchor (Kx = 3)',
    ranking(
      1,
      [
        [1, 1],
        [1, 1],
        [2, 1],
      ],
      [
        [1, 1],
        [1, 1],
        [1, 1],
      ],
    ),
    { Kx: 1, Ky: 2, tau: 1 },
  ],
  [
    'paper1.consistency.excess-risk-reversed-kl',
    'last candidate (Ky = 4)',
    ranking(1, [[1, 1, 1, 2]], [[1, 1, 1, 1]]),
    { Kx: 1, Ky: 2, tau: 1 },
  ],
  [
    'paper1.consistency.temperature-scaling-no-factor',
    'τ = 0.07 (fails at every τ ≠ 1)',
    ranking(0.07, [[1, 1]], [[1, 1]], [[0, 1]]),
    { Kx: 1, Ky: 2, tau: 0.5 },
  ],
  [
    'background.infonce.mutual-information-bound-log-2n',
    'last anchor of a joint law (Kx = 3)',
    joint([
      [1, 1],
      [1, 1],
      [1, 3],
    ]),
    { Kx: 1, Ky: 2, tau: 1 },
  ],
  [
    'paper2.divergence.positive-sign',
    'last atom (K = 5)',
    space([1, 1, 1, 1, 1], [0, 0, 0, 0, 0], [1, 1, 1, 1, 1], [1, 1, 1, 1, 2], 1),
    { K: 2, tau: 1 },
  ],
  [
    'paper2.gibbs.uniform-minimises',
    'last atom (K = 5)',
    space([1, 1, 1, 1, 1], [0, 0, 0, 0, 1], [3, 3, 3, 3, 1], [1, 1, 1, 1, 1], 1),
    { K: 2, tau: 1 },
  ],
  [
    'paper2.gibbs.minimiser-exp-minus-tau-u',
    'last atom (K = 3) and τ = 0.07',
    space([1, 1, 1], [0, 0, 0.25], [8, 8, 1], [1, 1, 1], 0.07),
    { K: 2, tau: 0.5 },
  ],
  [
    'examples.energy.alignment-bound-constant-one',
    'last two rows (B = 3)',
    pair(
      [
        [1, 0],
        [0, -1],
        [0, -1],
      ],
      [
        [1, 0],
        [1, 0],
        [0, 1],
      ],
    ),
    { B: 2, d: 2 },
  ],
  [
    'examples.energy.alignment-bound-constant-one',
    'last coordinate (d = 3)',
    pair(
      [
        [1, 0, 0],
        [1, 0, 0],
      ],
      [
        [1, 0, 1],
        [1, 0, -1],
      ],
    ),
    { B: 2, d: 2 },
  ],
];

describe('a violation in the last row, anchor or atom shrinks to the minimal size', () => {
  for (const [id, where, start, minimal] of TABLE) {
    it(`${id}: ${where} → ${JSON.stringify(minimal)}`, () => {
      const c = registry.conjectures.find((x) => x.id === id)!;
      expect(c.evaluate(start).ok, 'the start is a counterexample').toBe(false);
      expect(c.spec.given.canShrinkWithoutContext(start), 'the start is a value of the arbitrary').toBe(true);
      const dir = join(tmp, `${id}-${TABLE.findIndex((row) => row[2] === start)}`);
      writeCorpus(dir, { id, seed: 0, value: start, shown: 'start', fastCheck: 'fast-check 4' });
      const r = runConjecture(c, { profile: 'ci', corpusDir: dir, runs: 1, targeted: false });
      expect(r.outcome).toBe('refuted');
      expect(sizesOf(r.counterexample!.encoded), r.counterexample!.shown).toEqual(minimal);
    });
  }
});
