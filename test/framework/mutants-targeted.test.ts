/*
 * Source: issue 15 item 4 (StrykerJS on src/conjecture/targeted.ts) and issue 6 / "Search power" §3 (targeted
 * search: Adam ascent of a conjecture's objective or of its check's violation, then a climb on the generator's
 * grid). test/framework/targeted.test.ts runs whole conjectures (seconds per test); these tests drive the search
 * directly on one- to 33-dimensional toy problems whose best point is known by hand.
 * Expected: a snapped point whose check gives a NaN margin (a failed verdict with no violation to compare) counts as
 * the worst score, so the search returns another snapped point instead of undefined (a bug: the targeted phase then
 * checked `undefined`); the grid climb from a NaN start still moves.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { objectiveSearch, type SearchBudget } from '../../src/conjecture/targeted.js';
import type { TargetedSearch } from '../../src/conjecture/types.js';
import { leq } from '../../src/conjecture/verdict.js';

/** A budget that never stops on time (ms only as a safety net). */
const budget = (b: Partial<SearchBudget>): SearchBudget => ({ pool: 4, starts: 1, steps: 10, climb: 0, ms: 1e9, ...b });

/** x ∈ ℤ as θ = (x); the objective θ₀ rises without end (gradient 1), so Adam moves θ by about lr per step. */
const rising = (more: Partial<TargetedSearch<number>> = {}): TargetedSearch<number> => ({
  encode: (x) => [x],
  decode: (theta) => Math.round(theta[0]!),
  objective: (theta) => ({ value: theta[0]!, gradient: [1] }),
  ...more,
});

describe('objectiveSearch: a NaN verdict among the snapped points', () => {
  // leq(NaN, 1) fails with margin NaN; every other point holds with margin 1 (violation −1)
  const check = (x: number) => leq(x === 7 ? Number.NaN : 0, 1);
  it('counts as the worst score: the search returns the best other point, not undefined', () => {
    // from 0 with lr 1: θ = 0, 1, …, 11 before each of 12 steps; the 8 best (4 … 11) are snapped and scored
    const s = rising({ starts: 1, steps: 12, learningRate: 1 });
    const r = objectiveSearch(s, fc.constant(0), 1, budget({}), { check });
    expect(r.instance).toBe(11);
  });
  it('a climb from a NaN start moves to a scored point', () => {
    // one step from 0: the ascent keeps θ = 0 only; the climb starts at the NaN point 7 (check(7 − 7))
    const s = rising({ starts: 1, steps: 1, learningRate: 1 });
    const shifted = (x: number) => check(x + 7);
    const space = {
      encode: (x: number) => [x],
      at: (t: readonly number[]) => t[0]!,
      snap: (t: readonly number[]) => Math.round(t[0]!),
    };
    const r = objectiveSearch(s, fc.constant(0), 1, budget({ climb: 50 }), { check: shifted, space });
    expect(r.instance).not.toBe(0);
    expect(Number.isNaN(shifted(r.instance).margin)).toBe(false);
  });
});
