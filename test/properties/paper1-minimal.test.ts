/*
 * Source: docs/claims.md C1–C12 (minimal counterexamples of the planted false variants).
 * Expected: each planted paper-1 twin, run from its ci seed with no corpus, shrinks to an instance at most as
 * large as the catalogue's minimal one (most are Kx = 1, Ky = 2; the TV version needs Ky = 3), printed as
 * integer weights over their sum.
 */
import { describe, expect, it } from 'vitest';
import type { RankingInstance } from '../../src/arbitraries/index.js';
import { runConjecture } from '../../src/conjecture/index.js';
import { loadPreparedRegistry } from '../helpers/registry.js';

const registry = await loadPreparedRegistry('properties');
const byId = new Map(registry.conjectures.map((c) => [c.id, c]));

/** id → the largest (Kx, Ky) the shrunk counterexample may have (docs/claims.md). */
const MINIMAL: Record<string, [number, number]> = {
  'paper1.calibration.linear': [1, 2],
  'paper1.calibration.sqrt-half-constant': [1, 2],
  'paper1.calibration.regret-at-most-tv': [1, 3],
  'paper1.consistency.log-positive-minimises': [1, 2],
  'paper1.consistency.reversed-kl-optimum': [1, 2],
  'paper1.consistency.excess-risk-reversed-kl': [1, 2],
  'paper1.ranking.optimal-auc-implies-optimal-risk': [1, 2],
  'paper1.ranking.positive-likelihood-is-auc-optimal': [2, 2],
  'paper1.ranking.global-auc-of-minimisers': [2, 2],
  'paper1.self-supervised.symmetric-allows-anchor-shifts': [2, 2],
  'paper1.finite-m.above-population-risk': [1, 2],
  'paper1.finite-m.normalized-minimiser-at-m1': [1, 2],
  'paper1.finite-m.infonce-below-population': [1, 2],
};

describe('paper-1 planted twins shrink to the minimal instances', () => {
  for (const [id, [kx, ky]] of Object.entries(MINIMAL)) {
    it(`${id}: Kx <= ${kx}, Ky <= ${ky}`, () => {
      const c = byId.get(id);
      expect(c, `${id} is registered`).toBeDefined();
      const r = runConjecture(c!, { profile: 'ci', useCorpus: false });
      expect(r.outcome).toBe('refuted');
      const x = r.counterexample!.encoded as RankingInstance;
      expect([x.kx, x.ky], r.counterexample!.shown).toEqual([kx, ky]);
      expect(r.counterexample!.shown).toMatch(/P₊ = \[\d+(, \d+)*\]\/\d+|joint P\(x, y\) ∝/);
    });
  }
  // issue 15: with a broken unmapper the stored value cannot be re-shrunk and these stop at P₋ = [1, 3]/4, [13, 14]/27
  it('the laws shrink to the simplest weights that fail (pinned)', () => {
    const laws = (id: string): [number[], number[]] => {
      // without the targeted search: this pins what generation and the context-free re-shrink reach
      const r = runConjecture(byId.get(id)!, { profile: 'ci', useCorpus: false, targeted: false });
      const encoded = r.counterexample!.encoded as RankingInstance | { r: RankingInstance };
      const x = 'r' in encoded ? encoded.r : encoded;
      return [[...x.weights.pos[0]!], [...x.weights.neg[0]!]];
    };
    expect(laws('paper1.consistency.log-positive-minimises')).toEqual([
      [1, 1],
      [1, 2],
    ]);
    expect(laws('paper1.ranking.auc-invariant-under-squares')).toEqual([
      [1, 1],
      [1, 2],
    ]);
  });
  // any anchor/candidate can be removed and the score mode shrinks to the grid, so the twin may land on a tie (s = 0)
  it('the linear calibration twin lands on a 2-point instance whose scores tie or flip the optimal order', () => {
    const r = runConjecture(byId.get('paper1.calibration.linear')!, { profile: 'ci', useCorpus: false });
    const x = r.counterexample!.encoded as RankingInstance;
    const ratio = x.model.pPos[0]!.map((p, y) => p / x.model.pNeg[0]![y]!);
    const [s0, s1] = x.s[0]!;
    expect(ratio[0], r.counterexample!.shown).not.toBe(ratio[1]);
    expect((ratio[0]! - ratio[1]!) * (s0! - s1!), r.counterexample!.shown).toBeLessThanOrEqual(0);
  });
});
