/*
 * Source: issue 15 item 4 (StrykerJS on src/conjecture/targeted.ts) and issue 6 / "Search power" §3 (targeted
 * search: Adam ascent of a conjecture's objective or of its check's violation, then a climb on the generator's
 * grid). test/framework/targeted.test.ts runs whole conjectures (seconds per test); these tests drive the search
 * directly on one- to 33-dimensional toy problems whose best point is known by hand.
 * Expected: Adam's step is Kingma & Ba's (β₁ = 0.9, β₂ = 0.999, ε = 1e-8, bias-corrected: a constant gradient g moves
 * θ by lr·g/(|g| + ε) at every step); the pool is ranked best first, ties in pool order, a throw or NaN last; the
 * ascent runs `steps` steps from each of the best `starts` finite pool points, stops a start at a throw or a
 * non-finite value or gradient, keeps the 8 best points, and reports starts, steps, evaluations and the best
 * objective before and after; the grid climb moves to the best neighbour per sweep (24 sweeps at most), stops when
 * none is better or its evaluations are spent, counts memoised points against the budget without scoring them again;
 * objectiveSearch uses the conjecture's pool, starts, steps and learning rate (defaults 64, 8, 400, 0.1), rescored by
 * the check and climbed when a search space is given; violationSearch takes central differences along each
 * coordinate up to 32 coordinates (1 + 2·32 evaluations per step), along 8 random directions above, and climbs from
 * the ascent's point and the best 2·starts pool points with one shared budget.
 * A snapped point whose check gives a NaN margin (a failed verdict with no violation to compare) counts as
 * the worst score, so the search returns another snapped point instead of undefined (a bug: the targeted phase then
 * checked `undefined`); the grid climb from a NaN start still moves.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  adamStep,
  type Ascent,
  ascend,
  gridClimb,
  objectiveSearch,
  rankPool,
  type SearchBudget,
  violationScore,
  violationSearch,
} from '../../src/conjecture/targeted.js';
import type { TargetedSearch } from '../../src/conjecture/types.js';
import { holds, leq, type Verdict } from '../../src/conjecture/verdict.js';

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

/** A failed (v > 0) or held verdict whose violation (−relative margin) is exactly v, for |v| <= 1. */
const violating = (v: number): Verdict => ({ ok: v <= 0, relation: '<=', lhs: 0, rhs: 1, margin: -v });

/** The integers as a search space: θ = (x), snapped by rounding (half up). */
const integers = {
  encode: (x: number) => [x],
  at: (t: readonly number[]) => t[0]!,
  snap: (t: readonly number[]) => Math.round(t[0]!),
};

describe('adamStep (Kingma & Ba: β₁ = 0.9, β₂ = 0.999, ε = 1e-8)', () => {
  it('the first step moves each coordinate by lr·g/(|g| + ε) and updates the moments in place', () => {
    const m = [0, 0, 0],
      v = [0, 0, 0];
    const theta = adamStep([1, 2, 3], [0.5, -2, 0], m, v, 1, 0.1);
    expect(theta[0]).toBeCloseTo(1 + (0.1 * 0.5) / (0.5 + 1e-8), 15);
    expect(theta[1]).toBeCloseTo(2 - (0.1 * 2) / (2 + 1e-8), 15);
    expect(theta[2]).toBe(3);
    expect(m[0]).toBeCloseTo(0.05, 17);
    expect(m[1]).toBeCloseTo(-0.2, 17);
    expect(v[0]).toBeCloseTo(0.00025, 18);
    expect(v[1]).toBeCloseTo(0.004, 18);
  });
  it('bias correction: a constant gradient moves θ by the same step at k = 2 and 3', () => {
    const m = [0],
      v = [0];
    let theta = [0];
    const at: number[] = [];
    for (let k = 1; k <= 3; k++) {
      theta = adamStep(theta, [4], m, v, k, 0.5);
      at.push(theta[0]!);
    }
    const step = (0.5 * 4) / (4 + 1e-8);
    expect(at[0]).toBeCloseTo(step, 14);
    expect(at[1]).toBeCloseTo(2 * step, 14);
    expect(at[2]).toBeCloseTo(3 * step, 14);
  });
  it('ε matters for a gradient of its size: g = 1e-8 moves θ by lr/2', () => {
    expect(adamStep([0], [1e-8], [0], [0], 1, 1)[0]).toBeCloseTo(0.5, 6);
  });
  it('a reversed gradient: m̂ = −1/19, v̂ = 1 at k = 2', () => {
    // m₂ = 0.9·0.1 − 0.1 = −0.01, m̂₂ = −0.01/(1 − 0.81); v₂ = 0.999·0.001 + 0.001 = 0.001999, v̂₂ = 1
    const m = [0],
      v = [0];
    const first = adamStep([0], [1], m, v, 1, 0.1);
    const second = adamStep(first, [-1], m, v, 2, 0.1);
    expect(m[0]).toBeCloseTo(-0.01, 16);
    expect(v[0]).toBeCloseTo(0.001999, 16);
    expect(second[0]! - first[0]!).toBeCloseTo((0.1 * (-1 / 19)) / (1 + 1e-8), 14);
  });
});

describe('rankPool', () => {
  it('best first, ties in pool order, a throw or NaN as −∞ (after −∞ itself? no: in pool order among them)', () => {
    const value = (x: string): number => {
      if (x === 'throws') throw new Error('no');
      return { a: 1, nan: Number.NaN, d: 3, e: 1, inf: Infinity, low: -Infinity }[x]!;
    };
    const r = rankPool(['a', 'nan', 'throws', 'd', 'e', 'low', 'inf'], value);
    expect(r.map((p) => p.x)).toEqual(['inf', 'd', 'a', 'e', 'nan', 'throws', 'low']);
    expect(r.map((p) => p.v)).toEqual([Infinity, 3, 1, 1, -Infinity, -Infinity, -Infinity]);
  });
});

/** θ₀ rising forever (gradient 1), decoded by rounding. */
const risingAscent = (more: Partial<Ascent<number>> = {}): Ascent<number> => ({
  objective: (theta) => ({ value: theta[0]!, gradient: [1] }),
  encode: (x) => [x],
  decode: (theta) => Math.round(theta[0]!),
  learningRate: 1,
  ...more,
});
const ranked = (...xs: number[]) => rankPool(xs, (x) => (x === 9 ? Number.NaN : x));

describe('ascend', () => {
  it('runs `steps` steps from the best start and reports it (θ = 5 … 14 before each of 10 steps)', () => {
    const { instance, report } = ascend(risingAscent(), 'objective', ranked(2, 5, 9), budget({ steps: 10 }));
    expect(instance).toBe(14);
    expect(report.method).toBe('objective');
    expect(report.starts).toBe(1);
    expect(report.steps).toBe(10);
    expect(report.startObjective).toBe(5);
    expect(report.bestObjective).toBeCloseTo(14, 6);
    expect(Number.isInteger(report.timing.ms) && report.timing.ms >= 0 && report.timing.ms < 60_000).toBe(true);
  });
  it('takes the best `starts` finite starts only (9 scores NaN)', () => {
    const { report } = ascend(risingAscent(), 'violation', ranked(2, 5, 9), budget({ starts: 3, steps: 10 }));
    expect(report.method).toBe('violation');
    expect(report.starts).toBe(2);
    expect(report.steps).toBe(20);
  });
  it('keeps the 8 best points: rescored by −x, the lowest kept (7 of 5 … 14) wins', () => {
    const a = risingAscent({ score: (x) => -x });
    expect(ascend(a, 'objective', ranked(5), budget({ steps: 10 })).instance).toBe(7);
    // two starts: the 8 best of 5 … 14 and 2 … 11 are 14, 13, 12, 11, 11, 10, 10, 9
    expect(ascend(a, 'objective', ranked(2, 5), budget({ starts: 2, steps: 10 })).instance).toBe(9);
  });
  it('a score that throws counts as −∞; the first of equal best scores wins', () => {
    const a = risingAscent({
      score: (x) => {
        if (x > 12) throw new Error('no');
        return x === 10 || x === 8 ? 1 : 0;
      },
    });
    // kept in order 14, 13, …, 7: 10 comes before 8
    expect(ascend(a, 'objective', ranked(5), budget({ steps: 10 })).instance).toBe(10);
  });
  it('a throw stops a start without counting the step; a non-finite value or gradient stops it after', () => {
    const stopAbove = (bad: (theta: number) => { value: number; gradient: number[] }) =>
      ascend(
        risingAscent({
          objective: (theta) => (theta[0]! > 8.5 ? bad(theta[0]!) : { value: theta[0]!, gradient: [1, 1] }),
          encode: (x) => [x, 0],
        }),
        'objective',
        ranked(5),
        budget({ steps: 10 }),
      ).report;
    const thrown = stopAbove(() => {
      throw new Error('no');
    });
    expect([thrown.steps, thrown.bestObjective]).toEqual([4, expect.closeTo(8, 6)]);
    const infinite = stopAbove(() => ({ value: Infinity, gradient: [1, 1] }));
    expect([infinite.steps, infinite.bestObjective]).toEqual([5, expect.closeTo(8, 6)]);
    const nan = stopAbove((t) => ({ value: t, gradient: [1, Number.NaN] }));
    expect([nan.steps, nan.bestObjective]).toEqual([5, expect.closeTo(8, 6)]);
  });
  it("the time cap counts from the ascent's start (a cap as long as this process has run lets every step run)", () => {
    const r = ascend(risingAscent(), 'objective', ranked(5), budget({ steps: 10, ms: performance.now() }));
    expect(r.report.steps).toBe(10);
  });
  it('with no time, or no finite start, it takes no step and returns the best pool point', () => {
    const none = ascend(risingAscent(), 'objective', ranked(2, 5), budget({ ms: 0 }));
    expect([none.instance, none.report.steps, none.report.startObjective]).toEqual([5, 0, 5]);
    expect(none.report.bestObjective).toBe(-Infinity);
    const nan = ascend(risingAscent(), 'objective', ranked(9), budget({}));
    expect([nan.instance, nan.report.starts, nan.report.steps]).toEqual([9, 0, 0]);
    expect(nan.report.startObjective).toBe(-Infinity);
  });
});

describe('gridClimb', () => {
  /** A score that counts its calls. */
  const counted = (f: (x: number) => number) => {
    const calls: number[] = [];
    const score = (x: number): number => {
      calls.push(x);
      return f(x);
    };
    return { calls, score };
  };
  it('one step per sweep to the best neighbour, then a sweep that finds none better ends it', () => {
    // from 0 toward 5: sweeps from 0, 1, …, 5, each trying 6 steps (±¼ snap back, ±½ and ±1 move by one)
    const { calls, score } = counted((x) => -((x - 5) ** 2));
    const r = gridClimb(0, integers, score, 1_000);
    expect(r).toEqual({ instance: 5, score: -0, used: 1 + 6 * 6 });
    // every point is scored once: 0, −0 (−¼ rounds to −0, which the codec keeps apart), 1 and −1, then 2, …, 6
    expect(calls).toEqual([0, -0, 1, -1, 2, 3, 4, 5, 6]);
  });
  it('of equally good neighbours the first tried wins: +¼ before −¼', () => {
    const quarters = { ...integers, snap: (t: readonly number[]) => Math.round(4 * t[0]!) / 4 };
    // −(x² − 1/16)² is 0 at ±¼, and −1/256 at 0
    expect(gridClimb(0, quarters, (x) => -((x * x - 1 / 16) ** 2), 1_000).instance).toBe(0.25);
  });
  it('at most 24 sweeps', () => {
    const r = gridClimb(0, integers, (x) => x, 1_000);
    expect([r.instance, r.used]).toEqual([24, 1 + 24 * 6]);
  });
  it('a flat score ends after one sweep (only a strictly better neighbour is taken)', () => {
    expect(gridClimb(3, integers, () => 0, 1_000)).toEqual({ instance: 3, score: 0, used: 7 });
  });
  it('spends at most the budget, checked before each coordinate', () => {
    expect(gridClimb(0, integers, (x) => x, 10)).toEqual({ instance: 2, score: 2, used: 13 });
    expect(gridClimb(0, integers, (x) => x, 0)).toEqual({ instance: 0, score: 0, used: 1 });
    const plane = {
      encode: (p: number[]) => p,
      at: (t: readonly number[]) => [...t],
      snap: (t: readonly number[]) => t.map(Math.round),
    };
    const up = (p: number[]) => p[0]! + p[1]!;
    expect(gridClimb([0, 0], plane, up, 7)).toEqual({ instance: [1, 0], score: 1, used: 7 });
    // one move per sweep: the best of all coordinates' neighbours ((1, 0) before the equal (0, 1))
    expect(gridClimb([0, 0], plane, up, 8)).toEqual({ instance: [1, 0], score: 1, used: 13 });
  });
  it('a step that cannot be snapped is skipped and not counted; a score that throws is −∞', () => {
    const guarded = {
      ...integers,
      snap: (t: readonly number[]) => {
        if (t[0]! < 0) throw new Error('off the grid');
        return Math.round(t[0]!);
      },
    };
    expect(gridClimb(0, guarded, (x) => -x, 1_000)).toEqual({ instance: 0, score: -0, used: 4 });
    const throwsAt1 = (x: number) => {
      if (x === 1) throw new Error('no');
      return -Math.abs(x - 1);
    };
    expect(gridClimb(0, integers, throwsAt1, 1_000).instance).toBe(0);
  });
  it('a point already in `seen` is not scored again but counts against the budget', () => {
    const { calls, score } = counted((x) => -((x - 5) ** 2));
    const seen = new Map([['3', 100]]);
    const r = gridClimb(0, integers, score, 1_000, seen);
    expect([r.instance, r.score]).toEqual([3, 100]);
    expect(calls).not.toContain(3);
    expect(seen.get('2')).toBe(-9);
  });
  it('a point the codec cannot encode is scored every time', () => {
    type Tagged = { x: number; tag: symbol };
    const tag = Symbol('t');
    const space = {
      encode: (p: Tagged) => [p.x],
      at: (t: readonly number[]) => ({ x: t[0]!, tag }),
      snap: (t: readonly number[]) => ({ x: Math.round(t[0]!), tag }),
    };
    let calls = 0;
    const score = (p: Tagged): number => {
      calls++;
      return -Math.abs(p.x - 2);
    };
    const r = gridClimb({ x: 0, tag }, space, score, 1_000);
    expect(r.instance.x).toBe(2);
    expect(calls).toBe(r.used);
  });
});

describe('objectiveSearch', () => {
  const given = fc.integer({ min: 0, max: 10 });
  const best = Math.max(...fc.sample(given, { seed: 1, numRuns: 64 }));
  it("defaults: a pool of 64, 8 starts, 400 steps of lr 0.1 (the budget's starts and steps are not used)", () => {
    const r = objectiveSearch(rising(), given, 1, budget({ starts: 1, steps: 1 }));
    expect(best).toBe(10);
    expect(r.report).toMatchObject({ method: 'objective', starts: 8, steps: 3_200, evaluations: 64 + 3_200 });
    expect(r.report.startObjective).toBe(10);
    expect(r.report.bestObjective).toBeCloseTo(10 + 0.1 * 399, 5);
    expect(r.instance).toBe(Math.round(10 + 0.1 * 399));
  });
  it("the conjecture's own pool, starts, steps and learning rate", () => {
    const r = objectiveSearch(rising({ pool: 5, starts: 2, steps: 3, learningRate: 2 }), given, 1, budget({}));
    expect(r.report).toMatchObject({ starts: 2, steps: 6, evaluations: 5 + 6 });
    expect(r.report.bestObjective).toBeCloseTo(r.report.startObjective + 2 * 2, 6);
  });
  // the check fails only at x = 42 (violation 1), and is worse the further x is from 42
  const at42 = (x: number): Verdict => violating(x === 42 ? 1 : -Math.abs(x - 42) / 100);
  const from10 = (steps: number) => rising({ pool: 1, starts: 1, steps, learningRate: 1 });
  it('with a check, the snapped points are rescored by its violation; with a space, climbed', () => {
    // from 10, 36 steps: θ = 10 … 45, the 8 best 38 … 45 snapped; 42 violates most
    expect(objectiveSearch(from10(36), fc.constant(10), 1, budget({})).instance).toBe(45);
    expect(objectiveSearch(from10(36), fc.constant(10), 1, budget({}), { check: at42 }).instance).toBe(42);
    // 20 steps reach 29 only: rescoring picks 29, the climb goes on to 42 within its budget
    const grid = { check: at42, space: integers };
    expect(objectiveSearch(from10(20), fc.constant(10), 1, budget({ climb: 1_000 }), { check: at42 }).instance).toBe(
      29,
    );
    const climbed = objectiveSearch(from10(20), fc.constant(10), 1, budget({ climb: 1_000 }), grid);
    expect(climbed.instance).toBe(42);
    // the report is the ascent's: one pool point and 20 steps evaluated the objective; the climb scores the check
    expect(climbed.report).toMatchObject({ method: 'objective', starts: 1, steps: 20, evaluations: 1 + 20 });
    expect(objectiveSearch(from10(20), fc.constant(10), 1, budget({ climb: 0 }), grid).instance).toBe(29);
  });
});

describe('violationScore', () => {
  it('is minus the relative margin: positive when the verdict failed', () => {
    expect(violationScore(leq(3, 2))).toBe(1 / 3);
    expect(violationScore(leq(1, 4))).toBe(-3 / 4);
  });
});

describe('violationSearch', () => {
  /** x ∈ ℤⁿ from [−3, 3]ⁿ, checked against Σx <= 1000 (violation (Σx − 1000)/1000, rising along (1, …, 1)). */
  const vectors = (n: number) => fc.array(fc.integer({ min: -3, max: 3 }), { minLength: n, maxLength: n });
  const plane = {
    encode: (p: number[]) => [...p],
    at: (t: readonly number[]) => [...t],
    snap: (t: readonly number[]) => t.map(Math.round),
  };
  const sumCheck = (p: number[]) =>
    leq(
      p.reduce((a, b) => a + b, 0),
      1000,
    );
  it('nothing to climb: a check that throws on the first pool point, or a plain predicate', () => {
    const throws = () => {
      throw new Error('no');
    };
    expect(violationSearch(throws, plane, vectors(2), 1, budget({}))).toBeUndefined();
    expect(violationSearch(() => holds(true), plane, vectors(2), 1, budget({}))).toBeUndefined();
  });
  // evaluations: the pool, each step's, then the kept points rescored (here 2, one per step); no climb
  it('central differences along each of up to 32 coordinates: 1 + 2·32 evaluations per step', () => {
    const r = violationSearch(sumCheck, plane, vectors(32), 1, budget({ pool: 4, steps: 2 }))!;
    expect(r.report).toMatchObject({ method: 'violation', starts: 1, steps: 2, evaluations: 4 + 2 * (1 + 64) + 2 });
  });
  it('above 32 coordinates, along 8 random directions: 1 + 2·8 evaluations per step', () => {
    const r = violationSearch(sumCheck, plane, vectors(33), 1, budget({ pool: 4, steps: 2 }))!;
    expect(r.report).toMatchObject({ starts: 1, steps: 2, evaluations: 4 + 2 * (1 + 16) + 2 });
  });
  it('ascends the violation, in both regimes (lr 0.1 per coordinate and step)', () => {
    // the alternating sum x₀ − x₁ + x₂ − …: along (1, …, 1) its slope is 0, so random directions must have both signs
    const alternating = (p: number[]) =>
      leq(
        p.reduce((a, b, i) => a + (i % 2 ? -b : b), 0),
        1000,
      );
    for (const n of [2, 40]) {
      const r = violationSearch(alternating, plane, vectors(n), 1, budget({ pool: 4, steps: 30 }))!;
      // 29 steps of about 0.1 on n coordinates raise the sum by about 2.9·n (less along random directions)
      expect(r.report.bestObjective - r.report.startObjective, `n = ${n}`).toBeGreaterThan(n / 1000);
    }
    // x₀ + x₁ − 3x₂: the gradient (1, 1, −3) must be taken along each coordinate (along 1 − e_j it would point down)
    const tilted = (p: number[]) => leq(p[0]! + p[1]! - 3 * p[2]!, 1000);
    const r = violationSearch(tilted, plane, vectors(3), 1, budget({ pool: 4, steps: 30 }))!;
    expect(r.report.bestObjective - r.report.startObjective).toBeGreaterThan(0.01);
  });
  it('a neighbour the space cannot place gives slope 0 on its coordinate, and the ascent goes on', () => {
    // from θ = (2): θ + H cannot be placed, θ − H can; every step keeps θ = 2
    const wall = {
      ...plane,
      at: (t: readonly number[]) => {
        if (t[0]! > 2) throw new Error('beyond the wall');
        return [...t];
      },
    };
    const r = violationSearch(sumCheck, wall, fc.constant([2]), 1, budget({ pool: 1, steps: 5 }))!;
    expect([r.report.steps, r.instance]).toEqual([5, [2]]);
  });
  it('a non-finite margin or a space that cannot place θ scores −∞: no step is taken', () => {
    const nan = violationSearch(() => leq(Number.NaN, 1), plane, vectors(2), 1, budget({ pool: 4 }))!;
    expect([nan.report.starts, nan.report.steps, nan.report.evaluations]).toEqual([0, 0, 4]);
    // a margin of −∞ (violation +∞ by the formula) scores −∞ too, in the climb as well
    const infinite = violationSearch(() => violating(Infinity), plane, vectors(2), 1, budget({ pool: 4, climb: 50 }))!;
    expect(infinite.report.bestObjective).toBe(-Infinity);
    const nowhere = {
      ...plane,
      at: () => {
        throw new Error('no');
      },
    };
    const r = violationSearch(sumCheck, nowhere, vectors(2), 1, budget({ pool: 4 }))!;
    expect([r.report.starts, r.report.steps, r.report.evaluations]).toEqual([1, 1, 4]);
  });
  it('with no time: no step and no climb, the best pool point', () => {
    const r = violationSearch(sumCheck, plane, vectors(2), 1, budget({ pool: 4, climb: 100, ms: 0 }))!;
    const pool = fc.sample(vectors(2), { seed: 1, numRuns: 4 });
    const top = Math.max(...pool.map((p) => p[0]! + p[1]!));
    expect(r.report.steps).toBe(0);
    expect(r.report.evaluations).toBe(4);
    expect(r.instance[0]! + r.instance[1]!).toBe(top);
    expect(r.report.bestObjective).toBe(-Infinity);
  });

  /** A 1-D landscape the ascent cannot see (the space cannot place θ): only the grid climb moves. */
  const blind = {
    ...integers,
    at: (): number => {
      throw new Error('blind');
    },
  };
  const twoPeaks = (x: number): Verdict => violating(x === 5 ? 0.5 : x >= 80 ? 1 - Math.abs(x - 95) / 10 : -1);
  const fivesAnd85s = fc.constantFrom(5, 85); // seed 1, 16 draws: 85, 5, 85, 85, 85, 85, 5, 5, 5, 85, …
  it("the time cap counts from the search's start; the report's time is the search's", () => {
    const cap = performance.now(); // as long as this process has run: far more than the search takes
    const r = violationSearch(twoPeaks, blind, fivesAnd85s, 1, budget({ pool: 16, starts: 8, climb: 1_000, ms: cap }))!;
    expect(r.instance).toBe(95);
    expect(Number.isInteger(r.report.timing.ms) && r.report.timing.ms >= 0 && r.report.timing.ms < 60_000).toBe(true);
  });
  it('climbs from the best 2·starts pool points too, with one shared budget', () => {
    // ranking: the six 5s (0.5), then the 85s (0); from 5 the climb is stuck (its neighbours score −1)
    const many = violationSearch(twoPeaks, blind, fivesAnd85s, 1, budget({ pool: 16, starts: 8, climb: 1_000 }))!;
    expect([many.instance, many.report.bestObjective]).toEqual([95, 1]);
    const few = violationSearch(twoPeaks, blind, fivesAnd85s, 1, budget({ pool: 16, starts: 1, climb: 1_000 }))!;
    expect([few.instance, few.report.bestObjective]).toEqual([5, 0.5]);
    // 7 evaluations: the climb from 5 spends them all, none is left for the 85s
    const spent = violationSearch(twoPeaks, blind, fivesAnd85s, 1, budget({ pool: 16, starts: 8, climb: 7 }))!;
    expect(spent.instance).toBe(5);
    // no time: no climb
    const late = violationSearch(
      twoPeaks,
      blind,
      fivesAnd85s,
      1,
      budget({ pool: 16, starts: 8, climb: 1_000, ms: 0 }),
    )!;
    expect([late.instance, late.report.bestObjective]).toEqual([5, -Infinity]);
  });
  it('of equal climbs the first is kept', () => {
    const twins = (x: number): Verdict => violating(x === 5 || x === 50 ? 0.5 : -1);
    // seed 1, 11 draws: 50, 5, 50, 50, 50, 50, 5, 5, 5, 50, 5 — all tie, the climbs from all 11 too: the first wins
    const given = fc.constantFrom(5, 50);
    const r = violationSearch(twins, blind, given, 1, budget({ pool: 11, starts: 8, climb: 1_000 }))!;
    expect(r.instance).toBe(50);
  });
  it('counts evaluations of the climb once per new point', () => {
    const r = violationSearch(twoPeaks, blind, fivesAnd85s, 1, budget({ pool: 16, starts: 8, climb: 1_000 }))!;
    // the pool (16), then new points only: 5, 6, 4 from 5; 85, 86, 84, then 87 … 96 from the 85s
    expect(r.report.evaluations).toBe(16 + 3 + 13);
  });
});
