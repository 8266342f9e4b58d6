/*
 * Source: docs/claims.md (P3, P6, P8, P10, P11, P12 FALSE-b, P13, P14, P15: minimal counterexamples of the planted
 * false variants) and P8 (the divergence convention).
 * Expected: each planted paper-2 twin, run from its ci seed with no corpus, shrinks to an instance as small as the
 * catalogue's minimal one (K = 2 atoms, B = 2, S⁰ where they say so) or smaller; the half/sum conventions differ
 * by exactly a factor 2 and are named in the ids.
 * Issue 11 item 5: the planted "at 8,000 pairs the S¹ toy's identity-baseline metric is within 10% of its population
 * value" is refuted at seed 6 (seeds 0–5 are within 10%), and by the floor: without its empty bins that seed is
 * within 10%.
 */
import { describe, expect, it } from 'vitest';
import type { FiniteSpaceInstance } from '../../src/arbitraries/index.js';
import { runConjecture } from '../../src/conjecture/index.js';
import type { Matrix } from '../../src/numeric/index.js';
import { symmetricKlHalfMu, symmetricKlSumMu } from '../../src/theory/geometry/index.js';
import { loadPreparedRegistry } from '../helpers/registry.js';

const registry = await loadPreparedRegistry('properties/paper2');
const run = (id: string) => {
  const c = registry.conjectures.find((x) => x.id === id);
  expect(c, id).toBeDefined();
  const r = runConjecture(c!, { profile: 'ci', useCorpus: false });
  expect(r.outcome, `${id}: ${r.error ?? ''}`).toBe('refuted');
  return r.counterexample!;
};

describe('paper-2 planted twins shrink to the minimal instances', () => {
  const finite: Record<string, number> = {
    'paper2.gibbs.uniform-minimises': 2,
    'paper2.gibbs.minimiser-exp-plus-u': 2,
    'paper2.bifurcation.multimodal-convex-in-rho1': 2,
    'paper2.divergence.positive-sign': 2,
    'paper2.divergence.half-dropped': 2,
    'paper2.divergence.code-metric-equals-theory': 2,
    'paper2.knife-edge.matched-stationary-for-every-u21': 2,
    'paper2.temperature.cap-mass-monotone': 2,
    'paper2.temperature.dirac-limit': 2,
  };
  for (const [id, K] of Object.entries(finite))
    it(`${id}: K = ${K}`, () => expect((run(id).encoded as FiniteSpaceInstance).K).toBe(K));
  it('P6: equal-depth minima, K = 2, μ = (1, 2), U = (0, 0)', () => {
    const x = run('paper2.tie-breaker.equal-mass-minima').encoded as FiniteSpaceInstance;
    expect([x.K, [...x.mu].sort(), x.U]).toEqual([2, [1, 2], [0, 0]]);
  });
  it('P11: equal marginals without homogeneity needs K = 3', () =>
    expect(run('paper2.heterogeneity.equal-marginals-are-homogeneous').shown).toMatch(/^K = 3,/));
  it('P12b/P15d: B = 2 on S⁰, collapsed versus antipodal', () => {
    const x = run('paper2.alignment.equal-alignment-equal-infonce').encoded as { A: Matrix; B: Matrix };
    expect([x.A.rows, x.A.cols]).toEqual([2, 1]);
  });
  it('P15a and P15b: B = 2, d = 2', () => {
    for (const id of ['paper2.alignment.perfect-retrieval-small-gap', 'paper2.alignment.equal-alignment-equal-gap']) {
      const x = run(id).encoded as { X?: Matrix; A?: Matrix };
      const M = (x.X ?? x.A)!;
      expect([M.rows, M.cols], id).toEqual([2, 2]);
    }
  });
  it('P15c: one pair, one bin width apart', () =>
    expect(run('paper2.alignment.small-pair-distance-small-histogram-kl').shown).toMatch(/^X = 1×2 .*rotated by 1·/));
  it('P13: the own-marginal limit fails on S⁰ with q₁ = δ₁, q₂ = δ₋₁', () =>
    expect(run('paper2.large-batch.symmetric-own-marginal').shown).toMatch(/a = \[\[1\]\], b = \[\[-1\]\]/));
});

describe('divergence convention', () => {
  it('symmetricKlSum = 2 · symmetricKlHalf, and the theory identity uses the half', () => {
    const mu = [1, 2, 1],
      p = [0.5, 0.125, 0.25],
      q = [0.25, 0.25, 0.25];
    expect(symmetricKlSumMu(p, q, mu)).toBeCloseTo(2 * symmetricKlHalfMu(p, q, mu), 14);
    expect(registry.conjectures.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'paper2.divergence.multimodal-decomposition',
        'paper2.divergence.half-dropped',
        'paper2.divergence.code-metric-equals-theory',
      ]),
    );
    expect(registry.conjectures.find((c) => c.id === 'paper2.divergence.multimodal-decomposition')!.spec.title).toMatch(
      /D\^Sym_half = ½\(KL/,
    );
  });
});

describe('the S¹ toy baseline at 8,000 pairs (issue 11 item 5)', () => {
  it('is refuted at seed 6, the smallest seed off by more than 10%, and only through its empty bins (the floor)', () => {
    const cx = run('paper2.reproduction.toy-baseline-8000-pairs');
    expect(cx.shown).toBe('seed 6');
    const tables = (cx.verdict!.details as { tables: { columns: string[]; rows: number[][] }[] }).tables;
    const [pairs, value, floor, withoutFloor, population] = tables[0]!.rows[0]!;
    expect(pairs).toBe(8000);
    expect(Math.abs(value! - population!)).toBeGreaterThan(0.1 * population!);
    expect(floor).toBeGreaterThan(0.1 * population!);
    expect(Math.abs(withoutFloor! - population!)).toBeLessThanOrEqual(0.1 * population!);
  });
});
