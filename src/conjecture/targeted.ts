import fc from 'fast-check';
import type { SearchSpace } from '../arbitraries/searchSpace.js';
import { Rng } from '../numeric/index.js';
import { encodeValue } from './codec.js';
import type { TargetedSearch } from './types.js';
import { relativeMargin, type Verdict } from './verdict.js';

/** What a targeted search did, for the report. */
export interface TargetedReport {
  /** 'objective': the conjecture's own objective and gradient; 'violation': finite differences of the check's margin. */
  readonly method: 'objective' | 'violation';
  readonly starts: number;
  readonly steps: number;
  readonly evaluations: number;
  /** The best objective among the generated starts, and the best the ascent reached. */
  readonly startObjective: number;
  readonly bestObjective: number;
  /** Excluded from the report's determinism, like every `timing`. */
  readonly timing: { readonly ms: number };
}

/** A search's snapped best point, handed to fast-check as an example to check and shrink. */
export interface TargetedFind<T> {
  readonly instance: T;
  readonly report: TargetedReport;
}

/** The search budget of a profile. */
export interface SearchBudget {
  readonly pool: number;
  readonly starts: number;
  readonly steps: number;
  /** Evaluations the grid climb may spend (over all its starts). */
  readonly climb: number;
  /**
   * Wall-time cap in ms: a safety net only (the runner passes what is left of the conjecture's time limit); the
   * budget above decides the work, so a run is the same on a loaded machine as on an idle one.
   */
  readonly ms: number;
}

/** One Adam step on θ (ascent); m, v are the moment estimates, k the step number from 1. @internal (tests) */
export function adamStep(
  theta: number[],
  gradient: readonly number[],
  m: number[],
  v: number[],
  k: number,
  lr: number,
): number[] {
  return theta.map((th, i) => {
    const g = gradient[i]!;
    m[i] = 0.9 * m[i]! + 0.1 * g;
    v[i] = 0.999 * v[i]! + 0.001 * g * g;
    const mHat = m[i]! / (1 - 0.9 ** k);
    const vHat = v[i]! / (1 - 0.999 ** k);
    return th + (lr * mHat) / (Math.sqrt(vHat) + 1e-8);
  });
}

/** @internal (tests) */
export interface Ascent<T> {
  /** Objective and gradient at θ (larger = closer to a violation); a non-finite value stops this start. */
  readonly objective: (theta: readonly number[], start: T) => { value: number; gradient: number[] };
  readonly encode: (instance: T) => number[];
  /** The instance at θ on the generator's grid. */
  readonly decode: (theta: readonly number[], start: T) => T;
  /** Scores a decoded instance (when given, the best of the KEEP best points after snapping wins). */
  readonly score?: (instance: T) => number;
  readonly learningRate: number;
}

/** How many of the best points of the ascent are snapped and scored again (snapping can undo a violation). */
const KEEP = 8;

/** A pool instance with its score; a ranking is sorted best first (ties in pool order). @internal (tests) */
export interface Ranked<T> {
  readonly x: T;
  readonly v: number;
}

/** The pool ranked best first by `value` (a throw or NaN counts as −∞). @internal (tests) */
export function rankPool<T>(pool: readonly T[], value: (x: T) => number): Ranked<T>[] {
  return pool.map((x) => ({ x, v: scoreOrWorst(value, x) })).sort((p, q) => q.v - p.v);
}

/** value(x), with a throw or NaN counted as −∞ (the worst score: a NaN would make every comparison false). */
function scoreOrWorst<T>(value: (x: T) => number, x: T): number {
  try {
    const v = value(x);
    return Number.isNaN(v) ? -Infinity : v;
  } catch {
    return -Infinity;
  }
}

/**
 * Adam ascent from the best `budget.starts` of the ranked pool (finite scores only); the KEEP best points are snapped
 * onto the grid (and scored again when `a.score` is given). @internal (tests)
 */
export function ascend<T>(
  a: Ascent<T>,
  method: TargetedReport['method'],
  ranking: readonly Ranked<T>[],
  budget: SearchBudget,
) {
  const t0 = performance.now();
  const scored = ranking.filter((p) => Number.isFinite(p.v)).slice(0, budget.starts);
  const kept: { v: number; theta: number[]; start: T }[] = [];
  const keep = (v: number, theta: number[], start: T): void => {
    if (kept.length === KEEP && v <= kept[KEEP - 1]!.v) return;
    kept.push({ v, theta, start });
    kept.sort((p, q) => q.v - p.v);
    if (kept.length > KEEP) kept.pop();
  };
  let steps = 0;
  for (const { x } of scored) {
    let theta = a.encode(x);
    const m = theta.map(() => 0);
    const v = theta.map(() => 0);
    for (let k = 1; k <= budget.steps && performance.now() - t0 < budget.ms; k++) {
      // ms: a safety net only
      let step: { value: number; gradient: number[] };
      try {
        step = a.objective(theta, x);
      } catch {
        break;
      }
      steps++;
      if (!Number.isFinite(step.value) || step.gradient.some((g) => !Number.isFinite(g))) break;
      keep(step.value, theta, x);
      theta = adamStep(theta, step.gradient, m, v, k, a.learningRate);
    }
  }
  const snapped = kept.map((p) => a.decode(p.theta, p.start));
  let instance = snapped[0] ?? ranking[0]!.x;
  if (a.score && snapped.length > 1) {
    const scores = snapped.map((x) => scoreOrWorst(a.score!, x));
    instance = snapped[scores.indexOf(Math.max(...scores))]!;
  }
  const report = {
    method,
    starts: scored.length,
    steps,
    startObjective: scored[0]?.v ?? -Infinity,
    bestObjective: kept[0]?.v ?? -Infinity,
    timing: { ms: Math.round(performance.now() - t0) },
  };
  return { instance, report };
}

/**
 * Gradient ascent (Adam) on a conjecture's own objective, from the best generated starts; pool, starts and steps
 * are the conjecture's (default 64, 8, 400), the time cap the budget's.
 */
export function objectiveSearch<T>(
  s: TargetedSearch<T>,
  given: fc.Arbitrary<T>,
  seed: number,
  budget: SearchBudget,
  grid?: { check: (instance: T) => Verdict; space?: SearchSpace<T> },
): TargetedFind<T> {
  const pool = fc.sample(given, { seed, numRuns: s.pool ?? 64 });
  const own = { ...budget, starts: s.starts ?? 8, steps: s.steps ?? 400 };
  let evaluations = 0;
  const objective = (theta: readonly number[], x: T) => {
    evaluations++;
    return s.objective(theta, x);
  };
  // With the check at hand, the decoded points are ranked by their own violation (the objective's optimum may sit
  // between grid points, and snapping can lose it), then climbed on the generator's grid.
  const score = grid && ((x: T): number => violationScore(grid.check(x)));
  const a = { objective, encode: s.encode, decode: s.decode, learningRate: s.learningRate ?? 0.1, score };
  const ranking = rankPool(pool, (x) => objective(s.encode(x), x).value);
  const found = ascend(a, 'objective', ranking, own);
  if (!score || !grid?.space) return { instance: found.instance, report: { ...found.report, evaluations } };
  const climbed = gridClimb(found.instance, grid.space, score, budget.climb);
  return { instance: climbed.instance, report: { ...found.report, evaluations } };
}

/** The violation a verdict shows: −(relative margin); > 0 when it failed, larger = further from holding. */
export function violationScore(v: Verdict): number {
  return -relativeMargin(v);
}

/**
 * Ascent of the check's own violation over the arbitrary's search space: the gradient is estimated by central
 * finite differences in float64 (along each coordinate up to MAX_COORDINATES, else along DIRECTIONS random
 * directions), Adam takes the step, and the best points are snapped onto the generator's grid and scored again.
 */
export function violationSearch<T>(
  check: (instance: T) => Verdict,
  space: SearchSpace<T>,
  given: fc.Arbitrary<T>,
  seed: number,
  budget: SearchBudget,
): TargetedFind<T> | undefined {
  const pool = fc.sample(given, { seed, numRuns: budget.pool });
  let first: Verdict;
  try {
    first = check(pool[0]!);
  } catch {
    return undefined;
  }
  if (first.relation === 'holds') return undefined; // a predicate has no margin to climb
  const rng = new Rng(seed ^ 0x5bd1e995);
  let evaluations = 0;
  const score = (x: T): number => {
    evaluations++;
    const v = check(x);
    return Number.isFinite(v.margin) ? violationScore(v) : -Infinity;
  };
  const f = (theta: readonly number[], start: T): number => {
    try {
      return score(space.at(theta, start));
    } catch {
      return -Infinity;
    }
  };
  const objective = (theta: readonly number[], start: T): { value: number; gradient: number[] } => {
    const value = f(theta, start);
    const gradient = theta.map(() => 0);
    // central differences along every coordinate when there are few, else along random ±1 directions
    const directions =
      theta.length <= MAX_COORDINATES
        ? theta.map((_, j) => theta.map((__, i) => (i === j ? 1 : 0)))
        : Array.from({ length: DIRECTIONS }, () => theta.map(() => (rng.uniform() < 0.5 ? -1 : 1)));
    for (const u of directions) {
      const plus = f(
        theta.map((t, i) => t + H * u[i]!),
        start,
      );
      const minus = f(
        theta.map((t, i) => t - H * u[i]!),
        start,
      );
      const slope = Number.isFinite(plus) && Number.isFinite(minus) ? (plus - minus) / (2 * H) : 0;
      const weight = theta.length <= MAX_COORDINATES ? 1 : 1 / DIRECTIONS;
      for (let i = 0; i < theta.length; i++) gradient[i]! += slope * u[i]! * weight;
    }
    return { value, gradient };
  };
  const a = { objective, encode: space.encode, decode: space.snap, score, learningRate: 0.1 };
  const t0 = performance.now();
  // one ranking of the pool by the check's violation: the ascent starts from its best, the climb from those and more
  const ranking = rankPool(pool, score);
  const found = ascend(a, 'violation', ranking, budget);
  // climb from the ascent's point and from the best generated instances (the worst case may need another τ or size)
  const ranked = ranking.slice(0, 2 * budget.starts).map((p) => p.x);
  let climbed: { instance: T; score: number } = { instance: found.instance, score: -Infinity };
  let left = budget.climb;
  const seen = new Map<string, number>();
  for (const from of [found.instance, ...ranked]) {
    if (left <= 0 || performance.now() - t0 > budget.ms) break;
    const c = gridClimb(from, space, score, left, seen);
    left -= c.used;
    if (c.score > climbed.score) climbed = c;
  }
  const bestObjective = Math.max(found.report.bestObjective, climbed.score);
  const timing = { ms: Math.round(performance.now() - t0) };
  return { instance: climbed.instance, report: { ...found.report, bestObjective, evaluations, timing } };
}

/**
 * The grid climb's memo key of an instance: its lossless JSON (encodeValue keeps −0, NaN, ±∞ and typed arrays apart,
 * which plain JSON.stringify would merge), or undefined for a value the codec cannot encode (not memoised).
 */
function memoKey(x: unknown): string | undefined {
  try {
    return JSON.stringify(encodeValue(x));
  } catch {
    return undefined;
  }
}

/** Steps tried along each coordinate of θ by the grid climb (grid steps differ by coordinate, so several scales). */
const CLIMB_STEPS = [0.25, -0.25, 0.5, -0.5, 1, -1];
const CLIMB_SWEEPS = 24;

/**
 * Hill-climb on the generator's grid from the ascent's snapped point: each sweep tries every coordinate moved by each
 * of CLIMB_STEPS and snapped, and keeps the best if it raises the score. It reaches the worst cases that sit on a
 * discontinuity of the check (an atom exactly at a set's boundary), where a gradient in the continuous space is blind.
 * @internal (tests)
 */
export function gridClimb<T>(
  start: T,
  space: SearchSpace<T>,
  score: (x: T) => number,
  maxEvaluations: number,
  seen: Map<string, number> = new Map(),
) {
  let used = 0;
  // A candidate seen before (a step that snaps back to the same grid point, the point a sweep came from) is not
  // scored again; it still counts against the budget, so the climb visits exactly the points it would without this.
  const safe = (x: T): number => {
    used++;
    const key = memoKey(x);
    const known = key === undefined ? undefined : seen.get(key);
    if (known !== undefined) return known;
    const v = scoreOrWorst(score, x);
    if (key !== undefined) seen.set(key, v);
    return v;
  };
  let best = { instance: start, score: safe(start) };
  for (let sweep = 0; sweep < CLIMB_SWEEPS && used < maxEvaluations; sweep++) {
    const theta = space.encode(best.instance);
    let next = best;
    for (let i = 0; i < theta.length && used < maxEvaluations; i++) {
      for (const step of CLIMB_STEPS) {
        let candidate: T;
        try {
          candidate = space.snap(
            theta.map((t, j) => (j === i ? t + step : t)),
            best.instance,
          );
        } catch {
          continue;
        }
        const v = safe(candidate);
        if (v > next.score) next = { instance: candidate, score: v };
      }
    }
    if (next === best) break;
    best = next;
  }
  return { ...best, used };
}

/** Up to this many coordinates the gradient is taken along each; above, along DIRECTIONS random directions. */
const MAX_COORDINATES = 32;
const DIRECTIONS = 8;
/** The finite-difference step in θ. */
const H = 1e-4;
