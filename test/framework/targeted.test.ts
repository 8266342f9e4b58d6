/*
 * Source: properties/paper1/calibration.prop.ts (issue 6: targeted search) and docs/claims.md C5 (the supremum of
 * regret/√((L − L*)/τ) is about 0.78; gradient ascent here reaches ≈ 0.79).
 * Expected: the planted bound with constant 0.75 survives random generation in the ci budget (a miss: random
 * instances stay below 0.7) but is refuted once the targeted search runs, and the counterexample fast-check shrinks
 * from the ascent's point still violates the bound; the true √2 bound survives the same search.
 */
import { describe, expect, it } from 'vitest';
import { loadRegistry, runConjecture } from '../../src/conjecture/index.js';

const registry = await loadRegistry('properties/paper1');
const get = (id: string) => registry.conjectures.find((c) => c.id === id)!;

describe('targeted search', () => {
  const planted = get('paper1.calibration.sqrt-constant-below-supremum');
  it('random generation alone misses the planted 0.75 constant in the ci budget', () => {
    const r = runConjecture(planted, { profile: 'ci', useCorpus: false, targeted: false });
    expect(r.outcome).toBe('held');
    expect(r.tightest!.verdict.lhs / r.tightest!.verdict.rhs).toBeLessThan(1);
  });
  it('targeted search finds it and fast-check shrinks the example', () => {
    const r = runConjecture(planted, { profile: 'ci', useCorpus: false });
    expect(r.targeted!.violated).toBe(true);
    expect(r.targeted!.bestObjective).toBeGreaterThan(0.76);
    expect(r.targeted!.bestObjective).toBeGreaterThan(r.targeted!.startObjective + 0.1);
    expect(r.outcome).toBe('refuted');
    expect(r.counterexample!.verdict!.ok).toBe(false);
    expect(r.shrinks).toBeGreaterThan(0);
  });
  it('{seed, path} of a counterexample found through the search replays to the same counterexample', () => {
    const first = runConjecture(planted, { profile: 'ci', useCorpus: false });
    const { phase, seed, path } = first.counterexample!.replay!;
    expect(phase).toBe('targeted');
    const again = runConjecture(planted, { profile: 'ci', useCorpus: false, seed, path, phase });
    expect(again.outcome).toBe('refuted');
    expect(again.counterexample!.shown).toBe(first.counterexample!.shown);
  });
  it('the true √2 calibration survives the same search', () => {
    const r = runConjecture(get('paper1.calibration.sqrt-targeted'), { profile: 'ci', useCorpus: false });
    expect(r.outcome).toBe('held');
    expect(r.targeted!.bestObjective).toBeLessThan(Math.SQRT2);
  });
});
