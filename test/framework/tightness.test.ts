/*
 * Source: issue "Test strength" §1 (a bound that silently got looser must fail).
 * Expected: every `holds` conjecture that declares `tight` reaches its stated lhs/rhs at its instance; the same
 * conjecture with its bound made twice as loose (the mutant B_m = τ/m for τ/(2m), √(4 KL) for √(2 KL)) is an
 * error naming the instance, although the looser bound still "holds" on every generated instance.
 */
import { describe, expect, it } from 'vitest';
import {
  type Conjecture,
  defineConjecture,
  type ExactSpec,
  PROFILES,
  runConjecture,
  sharpnessRatio,
  type Verdict,
} from '../../src/conjecture/index.js';
import { loadPreparedRegistry } from '../helpers/registry.js';

const registry = await loadPreparedRegistry('properties');
const tight = registry.conjectures.filter((c) => c.spec.tight !== undefined);

describe('declared tightness', () => {
  it('some holds inequalities declare where they are nearly attained', () => {
    expect(tight.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'paper1.calibration.jensen-link',
        'paper1.calibration.pinsker-link',
        'paper1.ranking.auc-at-most-optimal',
        'paper1.finite-m.bias-bound',
        'paper1.finite-m.bias-rate-one-over-m',
        'paper2.alignment.centroid-gap-bound',
        'paper2.alignment.mmd-bound',
        'paper2.bifurcation.free-energy-strongly-convex',
        'paper2.tie-breaker.uniform-on-argmin',
      ]),
    );
  });
  for (const c of tight) {
    it(`${c.id}: lhs/rhs >= ${c.spec.tight!.ratio} at its instance`, () => {
      expect(sharpnessRatio(c.evaluate(c.spec.tight!.at))).toBeGreaterThanOrEqual(c.spec.tight!.ratio);
    });
    it(`${c.id}: twice as loose is caught`, () => {
      const spec = c.spec as ExactSpec<unknown>;
      // twice as loose: an upper bound doubled, a lower bound (relation >=) halved
      const looser = (v: Verdict): Verdict =>
        v.relation === '>='
          ? { ...v, rhs: v.rhs / 2, margin: v.lhs - v.rhs / 2, ok: true }
          : { ...v, rhs: 2 * v.rhs, margin: 2 * v.rhs - v.lhs, ok: true };
      const loose = defineConjecture({
        ...spec,
        id: `${c.id}-looser`,
        check: (x: unknown) => looser(spec.check(x)),
      }) as Conjecture;
      const r = runConjecture(loose, { profile: PROFILES.ci, useCorpus: false, targeted: false, runs: 5 });
      expect(r.outcome).toBe('error');
      expect(r.error).toMatch(/tightness check failed: lhs\/rhs = 0\.(49|5)\d*.* did the bound get looser\?/);
    });
  }
});
