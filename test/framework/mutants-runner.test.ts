/*
 * Source: issue 15 item 4 (StrykerJS on src/conjecture/runner.ts), whose mutants only whole conjecture runs of the
 * registry reached (seconds per test). Here each run is a tiny inline conjecture on integers with a cheap check.
 * Expected: the run plan (seed per profile, runs scaled by the profile, the minimum of instances, corpus reading
 * and its warnings, the show function); what the tracker records while searching (instances and discards,
 * progress, margins, the tightest and sharpest instance, the worst unconfirmed violation, the largest observed
 * failure rate) and how a throw and a violation are kept apart while shrinking; each phase's replay command and
 * path; the outcomes held, refuted, inconclusive, vacuous, timeout and error with their messages; corpus writing;
 * the extra shrink passes; the targeted search's report; the tightness check; the prepare step.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { withSearchSpace } from '../../src/arbitraries/index.js';
import {
  assume,
  type Conjecture,
  defineConjecture,
  type ExactSpec,
  holds,
  leq,
  type Profile,
  PROFILES,
  prepareConjecture,
  type RunOptions,
  readCorpus,
  runConjecture,
  sharpnessRatio,
  type Verdict,
  writeCorpus,
} from '../../src/conjecture/index.js';
import { seedFromString } from '../../src/numeric/index.js';

const tmp = mkdtempSync(join(tmpdir(), 'crl-verify-runner-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let dirs = 0;
/** A fresh, empty corpus directory. */
const corpus = (): string => join(tmp, `corpus-${dirs++}`);

/** The ci profile with a search budget small enough for a unit test. */
const FAST: Profile = { ...PROFILES.ci, search: { pool: 16, starts: 2, steps: 2, climb: 40, ms: 5_000 } };
const source = { paper: 'none', ref: 'test', provenance: 'background' } as const;
const upTo100 = fc.integer({ min: 0, max: 100 });

/** An exact conjecture on x ∈ [0, 100] (or `given`) with the given check. */
function exact<T = number>(id: string, check: (x: T) => Verdict, more: Partial<ExactSpec<T>> = {}): Conjecture<T> {
  return defineConjecture<T>({
    id: `test.runner.${id}`,
    title: id,
    source,
    expect: 'holds',
    given: upTo100 as unknown as fc.Arbitrary<T>,
    check,
    ...more,
  });
}
/** A run without corpus or targeted search, in FAST unless told otherwise. */
const run = <T>(c: Conjecture<T>, opts: RunOptions = {}) =>
  runConjecture(c, { profile: FAST, useCorpus: false, targeted: false, ...opts });

/** The conjecture with its check wrapped to count evaluations. */
function counting<T>(c: Conjecture<T>): { c: Conjecture<T>; calls: () => number } {
  let n = 0;
  const spec = c.spec as ExactSpec<T>;
  const wrapped = defineConjecture<T>({
    ...spec,
    check: (x: T) => {
      n++;
      return spec.check(x);
    },
  });
  return { c: wrapped, calls: () => n };
}

describe('sharpnessRatio', () => {
  it('is lhs/rhs for <=, rhs/lhs for >=, NaN otherwise or when a side is negative or the larger is 0', () => {
    expect(sharpnessRatio(leq(1, 4))).toBe(0.25);
    expect(sharpnessRatio({ ...leq(1, 4), relation: '>=', lhs: 4, rhs: 1 })).toBe(0.25);
    expect(sharpnessRatio({ ...leq(1, 4), relation: '≈' })).toBeNaN();
    expect(sharpnessRatio(holds(true))).toBeNaN();
    expect(sharpnessRatio(leq(0, 4))).toBe(0);
    expect(sharpnessRatio(leq(-1, 4))).toBeNaN();
    expect(sharpnessRatio(leq(0, 0))).toBeNaN();
    expect(sharpnessRatio(leq(1, 0))).toBeNaN();
  });
});

describe('the plan of a run', () => {
  const c = exact('plan', (x) => leq(x, 100), { minInstances: 10_000 });
  it('the seed: given, else a hash of the id (prefixed by the profile name but in ci), else fresh', () => {
    expect(run(c, { runs: 1 }).seed).toBe(seedFromString('test.runner.plan'));
    expect(run(c, { runs: 1, profile: PROFILES.thorough }).seed).toBe(seedFromString('thorough:test.runner.plan'));
    expect(run(c, { runs: 1, seed: 42 }).seed).toBe(42);
    const quick = Array.from({ length: 6 }, () => run(c, { runs: 1, profile: 'quick' }).seed);
    expect(new Set(quick).size).toBe(6);
  });
  it('runs: the spec (default 100, statistical 20) scaled by the profile, at least 1; the option overrides', () => {
    // a minimum above the runs shows the runs asked for: minimum = min(minInstances, runs)
    expect(run(c).coverage).toMatchObject({ minimum: 100, instances: 100 });
    expect(run(c, { profile: 'quick' }).coverage.minimum).toBe(50);
    expect(
      run(
        exact('plan3', (x) => leq(x, 100), { minInstances: 10_000, runs: 3 }),
        { profile: 'thorough' },
      ).coverage,
    ).toMatchObject({ minimum: 30, instances: 30 });
    expect(run(c, { profile: { ...FAST, runScale: 0.001 } }).coverage.minimum).toBe(1);
    expect(run(c, { runs: 7 }).coverage).toMatchObject({ minimum: 7, instances: 7 });
    const stat = defineConjecture({
      id: 'test.runner.plan-stat',
      title: 'plan',
      kind: 'statistical',
      source,
      expect: 'holds',
      given: fc.constant(0),
      trials: 1,
      delta: 0.5,
      alpha: 1e-3,
      minInstances: 10_000,
      trial: () => true,
    });
    expect(run(stat).coverage.minimum).toBe(20);
  });
  it('runs that are not a positive integer are an error naming them', () => {
    expect(() => run(c, { runs: 0 })).toThrow(new RangeError('runs must be a positive integer, got 0'));
    expect(() => run(c, { runs: 2.5 })).toThrow('runs must be a positive integer, got 2.5');
  });
  it('the minimum: the spec, else the profile, never above the runs', () => {
    expect(run(exact('min3', (x) => leq(x, 100), { minInstances: 3 })).coverage.minimum).toBe(3);
    expect(run(exact('min-default', (x) => leq(x, 100))).coverage.minimum).toBe(50);
    expect(
      run(
        exact('min-quick', (x) => leq(x, 100)),
        { profile: 'quick' },
      ).coverage.minimum,
    ).toBe(25);
    expect(
      run(
        exact('min-runs', (x) => leq(x, 100)),
        { runs: 10 },
      ).coverage.minimum,
    ).toBe(10);
  });
  it('the show function renders instances; one that throws falls back to the default, saying why', () => {
    const shown = exact('show', (x) => leq(x, 5), { show: (x) => `x = ${x}`, examples: [7] });
    expect(run(shown).counterexample!.shown).toBe('x = 6');
    const broken = exact('show-broken', (x) => leq(x, 5), {
      show: () => {
        throw new Error('no');
      },
      examples: [7],
    });
    expect(run(broken).counterexample!.shown).toBe('(show failed: Error: no) 6');
  });
});

describe('the corpus', () => {
  const c = exact('corpus', (x) => leq(x, 5));
  const stored = (value: number, id = c.id): string => {
    const dir = corpus();
    writeCorpus(dir, { id, seed: 1, path: '0', phase: 'generate', value, shown: String(value), fastCheck: 'x' });
    return dir;
  };
  it('the stored counterexample is checked first from the directory given, unless the corpus is off', () => {
    const dir = stored(9);
    const phases: string[] = [];
    const r = runConjecture(c, { profile: FAST, corpusDir: dir, onProgress: (p) => phases.push(p) });
    expect(r.replayedFromCorpus).toBe(true);
    expect(phases).toEqual(['corpus']); // the first failure ends the count
    expect(r.counterexample!.replay).toMatchObject({ phase: 'corpus' });
    expect(r.counterexample!.shown).toBe('6');
    const off = runConjecture(c, { profile: FAST, corpusDir: dir, useCorpus: false, targeted: false });
    expect(off.replayedFromCorpus).toBe(false);
    expect(off.counterexample!.replay!.phase).toBe('generate');
  });
  it('an unreadable entry is a warning naming the file, and the run goes on', () => {
    const dir = corpus();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${c.id}.json`), '{ not json');
    const r = runConjecture(c, { profile: FAST, corpusDir: dir, targeted: false });
    expect(r.replayedFromCorpus).toBe(false);
    expect(r.outcome).toBe('refuted');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(
      new RegExp(
        `^counterexample corpus file ${join(dir, c.id)}\\.json is unreadable: .*; delete it to store a fresh one \\(the run went on without it\\)$`,
      ),
    );
  });
  it('an entry that makes the check throw is a warning with the command to refresh it', () => {
    const throwing = exact('corpus-throws', (x) => {
      if (x > 100) throw new Error('out of range');
      return leq(x, 100);
    });
    const dir = stored(1000, throwing.id);
    const r = runConjecture(throwing, { profile: FAST, corpusDir: dir, targeted: false });
    expect(r.outcome).toBe('held');
    expect(r.warnings).toEqual([
      `the stored counterexample ${dir}/test.runner.corpus-throws.json makes the check throw (Error: out of range): ` +
        "it may come from an older generator; delete it and run 'crl-verify run --grep /^test\\.runner\\.corpus-throws$/' " +
        'to store a fresh one (the run went on without it)',
    ]);
  });
  it('an entry that fails the premise is discarded, not a warning', () => {
    const premise = exact('corpus-premise', (x) => {
      assume(x <= 100);
      return leq(x, 100);
    });
    const r = runConjecture(premise, { profile: FAST, corpusDir: stored(1000, premise.id), targeted: false });
    expect(r.warnings).toEqual([]);
    expect(r.outcome).toBe('held');
    expect(r.coverage.discarded).toBe(1);
  });
  it('a new counterexample is written when asked; a known one is not; a failed write is a warning', () => {
    const dir = corpus();
    const first = runConjecture(c, { profile: FAST, corpusDir: dir, writeCorpus: true, targeted: false });
    expect(first.corpusWritten).toBe(join(dir, `${c.id}.json`));
    expect(readCorpus(dir, c.id)).toMatchObject({
      value: 6,
      entry: { id: c.id, seed: first.seed, path: first.path, phase: 'generate', shown: '6', fastCheck: 'fast-check 4' },
    });
    // found by generation: the command replays the generation; once stored, the id alone replays it
    expect(first.counterexample!.replay!.command).toBe(
      `crl-verify replay ${c.id} --seed ${first.seed} --path ${first.path}`,
    );
    const again = runConjecture(c, { profile: FAST, corpusDir: dir, writeCorpus: true, targeted: false });
    expect(again.corpusWritten).toBeUndefined();
    expect(again.counterexample!.replay!.command).toBe(`crl-verify replay ${c.id}`);
    expect(run(c).corpusWritten).toBeUndefined();
    const file = join(tmp, 'a-file');
    writeFileSync(file, '');
    const r = runConjecture(c, { profile: FAST, corpusDir: file, writeCorpus: true, targeted: false });
    expect(r.outcome).toBe('refuted');
    expect(r.corpusWritten).toBeUndefined();
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(
      /^could not write the counterexample corpus \(Error: .*\); the refutation stands and is reported in full$/,
    );
  });
});

describe('what the tracker records', () => {
  it('instances that met the premise and those discarded; the runs are their sum', () => {
    const even = exact('premise', (x) => {
      assume(x % 2 === 0);
      return leq(x, 100);
    });
    const r = run(even, { runs: 20 });
    expect(r.coverage.instances).toBe(20);
    expect(r.coverage.discarded).toBeGreaterThan(0);
    expect(r.runs).toBe(r.coverage.instances + r.coverage.discarded);
    expect(r.coverage.excludedRate).toBeCloseTo(1 - 0.05 ** (1 / 20), 15);
    expect(r.coverage.interrupted).toBe(false);
  });
  it('progress is told per instance with its phase, until the first failure', () => {
    const seen: [string, number][] = [];
    const c = exact('progress', (x) => leq(x, 100), { examples: [1, 2] });
    run(c, { runs: 3, onProgress: (p, n) => seen.push([p, n]) });
    expect(seen).toEqual([
      ['examples', 1],
      ['examples', 2],
      ['generate', 3],
      ['generate', 4],
      ['generate', 5],
    ]);
  });
  it('margins of passing instances (finite ones, at most 500) and the tightest, the first of equals', () => {
    // at x = 0 lhs/rhs = 0/∞: a relative margin that is not finite
    const unbounded: Verdict = { ...leq(0, 1), rhs: Infinity, margin: Infinity };
    const c = exact('margins', (x) => (x === 0 ? unbounded : leq(x % 50, 50)), {
      examples: [99, 49, 0],
      runs: 600,
    });
    const r = run(c);
    expect(r.outcome).toBe('held');
    expect(r.margins).toHaveLength(500);
    expect(r.margins!.every(Number.isFinite)).toBe(true);
    expect(r.margins!.slice(0, 2)).toEqual([1 / 50, 1 / 50]);
    expect(r.tightest).toMatchObject({ relativeMargin: 1 / 50, shown: '99', verdict: { lhs: 49, rhs: 50 } });
    expect(r.sharpness).toEqual({ ratio: 49 / 50, shown: '99', from: 'instance' });
  });
  it('the tightest and the sharpest are the first of equals, not the first seen', () => {
    const c = exact('ties', (x) => leq(x % 50, 50), { examples: [10, 99, 49], runs: 1, minInstances: 1 });
    const r = run(c);
    expect(r.margins).toEqual([0.8, 0.02, 0.02, 0.36]);
    expect(r.tightest!.shown).toBe('99');
    expect(r.sharpness).toEqual({ ratio: 0.98, shown: '99', from: 'instance' });
  });
  it('the sharpest lhs/rhs of a holds inequality and where; none for a planted twin', () => {
    const c = exact('sharp', (x) => leq(x, 200), { examples: [100] });
    const r = run(c, { runs: 5 });
    expect(r.sharpness).toEqual({ ratio: 0.5, shown: '100', from: 'instance' });
    const twin = exact('sharp-twin', (x) => leq(x, 200), { examples: [100], expect: 'refuted' });
    expect(run(twin, { runs: 5 }).sharpness).toBeUndefined();
    const none = exact('sharp-none', (x) => leq(-x - 1, 0), { runs: 5 });
    expect(run(none).sharpness).toBeUndefined();
    // lhs/rhs = 0 says nothing about the constant
    expect(run(exact('sharp-zero', () => leq(0, 1), { runs: 5 })).sharpness).toBeUndefined();
  });
  it('an unconfirmed violation is the suspect (the largest, the first of equals) of an inconclusive run', () => {
    const c = exact('suspect', (x) => leq(Math.abs(x - 50), 30), {
      given: fc.constant(50),
      examples: [90, 10, 95, 5],
      confirm: () => holds(true),
      runs: 5,
    });
    const r = run(c);
    expect(r.outcome).toBe('inconclusive');
    expect(r.status).toBe('inconclusive');
    expect(r.suspect!.shown).toBe('95');
    expect(r.suspect!.verdict).toMatchObject({ lhs: 45, margin: -15 });
    expect(r.suspect!.confirmation).toMatchObject({ confirmed: false, method: 'precision' });
    expect(r.coverage.instances).toBe(9);
    expect(r.counterexample).toBeUndefined();
  });
  it('the largest observed failure rate of a statistical conjecture', () => {
    const stat = defineConjecture({
      id: 'test.runner.stat-rate',
      title: 'rate',
      kind: 'statistical',
      source,
      expect: 'holds',
      given: fc.constantFrom(0, 0.1),
      trials: 200,
      delta: 0.5,
      alpha: 1e-3,
      runs: 4,
      minInstances: 1,
      trial: (p, rng) => rng.uniform() >= p,
    });
    const r = run(stat);
    expect(r.outcome).toBe('held');
    expect(r.statistical).toMatchObject({ trials: 200, delta: 0.5, alpha: 1e-3, instances: 4 });
    expect(r.statistical!.maxObservedRate).toBeGreaterThan(0.03);
    expect(r.statistical!.maxObservedRate).toBeLessThan(0.2);
    expect(r.margins).toBeUndefined();
  });
});

describe('a throw and a violation are kept apart while shrinking', () => {
  // fails (a violation) at even x >= 10, throws at odd x >= 21
  const mixed = (x: number): Verdict => {
    if (x >= 21 && x % 2 === 1) throw new Error(`odd ${x}`);
    return leq(x >= 10 && x % 2 === 0 ? x : 0, 9);
  };
  it('a violation found first shrinks among violations: a throw on the way counts as passing', () => {
    // fast-check's shrinking of 42 tries 21 (a throw) before 32 (a violation)
    const r = run(exact('mixed-v', mixed, { examples: [42] }));
    expect(r.outcome).toBe('refuted');
    expect(r.counterexample!.shown).toBe('30');
  });
  it('a throw found first shrinks among throws: a violation on the way counts as passing', () => {
    // from 21 shrinking tries 16 and 20 (violations)
    const r = run(exact('mixed-e', mixed, { examples: [41] }));
    expect(r.outcome).toBe('error');
    expect(r.error).toBe('check threw on a generated instance: Error: odd 21');
    expect(r.counterexample).toMatchObject({ shown: '21', encoded: 21, error: 'Error: odd 21' });
    expect(r.path).toBeDefined();
    expect(r.counterexample!.verdict).toBeUndefined();
    expect(r.shrinks).toBeGreaterThan(0);
  });
});

describe('outcomes', () => {
  it('held, with the report fields of the spec', () => {
    const c = exact('held', (x) => leq(x, 100), { bound: 'sqrt(x)', expectedCounterexample: 'none' });
    c.file = 'here.prop.ts';
    const r = run(c, { runs: 5 });
    expect(r).toMatchObject({
      id: 'test.runner.held',
      title: 'held',
      source,
      expect: 'holds',
      kind: 'exact',
      file: 'here.prop.ts',
      bound: { expression: 'sqrt(x)', tex: '\\sqrt{ x}' },
      outcome: 'held',
      status: 'as-expected',
      profile: 'ci',
      runs: 5,
      shrinks: 0,
      replayedFromCorpus: false,
      warnings: [],
      expectedCounterexample: 'none',
    });
    expect(r.error).toBeUndefined();
    expect(r.counterexample).toBeUndefined();
    expect(r.statistical).toBeUndefined();
    expect(Number.isInteger(r.timing.ms)).toBe(true);
    expect(r.timing.ms).toBeGreaterThanOrEqual(0);
    expect(r.timing.ms).toBeLessThan(60_000);
  });
  it('refuted from generation: the replay command has no phase; the path replays it', () => {
    const c = exact('refuted', (x) => leq(x, 5));
    const r = run(c);
    expect(r.outcome).toBe('refuted');
    expect(r.status).toBe('unexpected');
    expect(r.tightest).toBeUndefined();
    expect(r.margins).toBeUndefined();
    expect(r.shrinks).toBeGreaterThan(0);
    const cx = r.counterexample!;
    expect(cx).toMatchObject({
      shown: '6',
      encoded: 6,
      verdict: { ok: false, lhs: 6 },
      confirmation: { confirmed: true },
    });
    expect(cx.replay).toEqual({
      phase: 'generate',
      seed: r.seed,
      path: r.path,
      command: `crl-verify replay ${c.id} --seed ${r.seed} --path ${r.path}`,
    });
    // the path records the shrink steps, and replaying it goes straight there: no shrinking, fewer evaluations
    expect(r.path).toMatch(/^\d+(:\d+)+$/);
    const counted = counting(c);
    const full = run(counted.c);
    const before = counted.calls();
    const again = run(counted.c, { seed: r.seed, path: r.path });
    expect(again.counterexample!.shown).toBe('6');
    expect(again.path).toBe(r.path);
    expect(again.shrinks).toBe(0);
    expect(counted.calls() - before).toBeLessThan(before);
    expect(full.shrinks).toBe(r.shrinks);
  });
  it('refuted by an example: the command names the phase, and the phase replays it', () => {
    const c = exact('example', (x) => leq(x, 5), { examples: [50] });
    const r = run(c);
    expect(r.counterexample!.replay!.command).toBe(
      `crl-verify replay ${c.id} --seed ${r.seed} --path ${r.path} --phase examples`,
    );
    const replayed = run(c, { seed: r.seed, path: r.path, phase: 'examples' });
    expect(replayed.counterexample!.shown).toBe('6');
    expect(replayed.shrinks).toBe(0); // straight along the path
    expect(r.coverage.interrupted).toBe(false);
    // only the search counts: the example; shrinking's passing candidates are not instances nor sharpness
    expect(r.coverage.instances).toBe(1);
    expect(r.sharpness).toBeUndefined();
    expect(r.shrinks).toBeGreaterThan(0);
  });
  it('premise failures while shrinking are not counted as discarded', () => {
    const even = exact(
      'shrink-premise',
      (x) => {
        assume(x % 2 === 0);
        return leq(x, 5);
      },
      { examples: [50] },
    );
    const r = run(even);
    expect(r.counterexample!.shown).toBe('6');
    expect(r.coverage).toMatchObject({ instances: 1, discarded: 0 });
  });
  it('a shrink candidate whose violation does not survive its rounding is not taken', () => {
    // tenths k/10 (not dyadic, so perturbed); 0.6 and above fail plainly, 0.3 only at exactly 0.3 (its perturbed
    // copies hold): shrinking 0.7 reaches 0.6, tries 0.3 and must not take it
    const tenths = fc.integer({ min: 0, max: 10 }).map(
      (k) => k / 10,
      (v) => {
        if (typeof v !== 'number') throw new Error('not a tenth');
        return Math.round(v * 10);
      },
    );
    const seen: number[] = [];
    const c = exact(
      'shrink-rounding',
      (x) => {
        seen.push(x);
        return leq(x === 0.3 ? 1 : x, 0.5);
      },
      { given: tenths, examples: [0.7] },
    );
    const r = run(c);
    expect(seen).toContain(0.3);
    expect(r.outcome).toBe('refuted');
    expect(r.counterexample!.shown).toBe('0.6');
    expect(r.counterexample!.confirmation!.method).toBe('perturb');
  });
  it('the corpus phase replays against the stored entry, and without one says so', () => {
    const c = exact('corpus-replay', (x) => leq(x, 5));
    const dir = corpus();
    writeCorpus(dir, { id: c.id, seed: 1, value: 70, shown: '70', fastCheck: 'x' });
    const r = runConjecture(c, { profile: FAST, corpusDir: dir, targeted: false });
    expect(r.counterexample!.replay!.command).toBe(
      `crl-verify replay ${c.id} --seed ${r.seed} --path ${r.path} --phase corpus`,
    );
    const replayed = runConjecture(c, { profile: FAST, corpusDir: dir, seed: r.seed, path: r.path, phase: 'corpus' });
    expect(replayed.counterexample!.shown).toBe('6');
    expect(replayed.counterexample!.replay!.phase).toBe('corpus');
    // the stored entry shrank to another value: written, the id alone replays it
    const written = runConjecture(c, { profile: FAST, corpusDir: dir, targeted: false, writeCorpus: true });
    expect(written.corpusWritten).toBeDefined();
    expect(written.counterexample!.replay!.command).toBe(`crl-verify replay ${c.id}`);
    expect(() => run(c, { seed: r.seed, path: r.path, phase: 'corpus', corpusDir: corpus() })).toThrow(
      /^no stored counterexample for 'test\.runner\.corpus-replay' in .*corpus-\d+ to replay the path against$/,
    );
  });
  it('vacuous when too few instances meet the premise, saying how many', () => {
    const c = exact('vacuous', (x) => {
      assume(x > 1000);
      return leq(x, 100);
    });
    const r = run(c, { runs: 5 });
    expect(r.outcome).toBe('vacuous');
    expect(r.status).toBe('error');
    expect(r.error).toBe(
      `only 0 instances met the premise (${r.coverage.discarded} discarded; minimum 5): ` +
        'steer the generator toward the premise or lower minInstances',
    );
    expect(r.coverage.discarded).toBeGreaterThan(0);
  });
  it('held when the instances reach the minimum exactly', () => {
    const c = exact(
      'at-minimum',
      (x) => {
        assume(x % 2 === 0);
        return leq(x, 100);
      },
      { minInstances: 3, examples: [1, 2, 4, 6] },
    );
    expect(run(c, { runs: 3 }).outcome).toBe('held');
  });
  it('timeout when the time limit stops generation before the minimum', () => {
    const slow = exact('slow', (x) => {
      const until = performance.now() + 2;
      while (performance.now() < until);
      return leq(x, 100);
    });
    const r = run(slow, { timeLimitMs: 30 });
    expect(r.outcome).toBe('timeout');
    expect(r.coverage.interrupted).toBe(true);
    expect(r.error).toMatch(/^time limit reached after \d+ instances \(minimum 50, 100 asked for\)$/);
    // with its time, the same check holds
    expect(run(slow, { runs: 20 }).outcome).toBe('held');
  });
  it('a violation whose shrinking the time limit cuts short is still refuted, not held', () => {
    // 20 ms per check: the first generated x (up to 10⁹) fails, and the limit of 30 ms ends its shrinking
    const slow = exact(
      'cut-short',
      (x) => {
        const until = performance.now() + 20;
        while (performance.now() < until);
        return leq(x, 10);
      },
      { given: fc.integer({ min: 0, max: 1e9 }), minInstances: 1 },
    );
    const r = run(slow, { timeLimitMs: 30 });
    expect(r.outcome).toBe('refuted');
    expect(r.coverage.interrupted).toBe(true);
    expect(r.counterexample!.verdict!.ok).toBe(false);
    expect(r.counterexample!.confirmation!.confirmed).toBe(true);
  });
  it('a check that gives another verdict on re-evaluation is caught while searching, and the search goes on', () => {
    let calls = 0;
    const c = exact('unseeded', (x) => (x >= 6 ? leq(x + (calls++ % 2) / 2, 5) : leq(x, 5)), {
      examples: [50, 100],
      confirm: 'replay',
    });
    const r = run(c);
    expect(r.outcome).toBe('inconclusive');
    // every failure was a suspect: the worst is kept, and every run was checked
    expect(r.suspect!.shown).toBe('100');
    expect(r.suspect!.confirmation.reason).toMatch(/^re-evaluation gave a different verdict/);
    expect(r.coverage.instances).toBe(102);
  });
  it('inconclusive when the final counterexample gives another verdict on re-evaluation', () => {
    let calls = 0;
    // 50 fails alike each time (confirmed while searching); below it the margin alternates, which only the final
    // replay sees (shrinking takes a failure as confirmed)
    const c = exact('unconfirmed', (x) => (x >= 6 && x < 50 ? leq(x + (calls++ % 2) / 2, 5) : leq(x, 5)), {
      examples: [50],
      confirm: 'replay',
    });
    const r = run(c);
    expect(r.outcome).toBe('inconclusive');
    expect(r.suspect!.shown).toBe('6');
    expect(r.suspect!.confirmation).toMatchObject({ confirmed: false, method: 'replay' });
    expect(r.suspect!.confirmation.reason).toMatch(/^re-evaluation gave a different verdict/);
    expect(r.counterexample).toBeUndefined();
  });
  it('inconclusive when the final counterexample holds on re-evaluation, whatever the confirmation says', () => {
    /** Fails at x >= 6 for the first `failures` evaluations there, then holds; counts them. */
    const flaky = (failures: number) => {
      const state = { n: 0 };
      const c = exact('flaky', (x) => (x >= 6 && ++state.n <= failures ? leq(x, 5) : leq(0, 5)), {
        examples: [50],
        confirm: () => leq(1, 0),
      });
      return { c, state };
    };
    const always = flaky(Infinity);
    expect(run(always.c).outcome).toBe('refuted');
    // the final verdict and its replay are the last two evaluations at x >= 6
    const once = flaky(always.state.n - 2);
    const r = run(once.c);
    expect(r.outcome).toBe('inconclusive');
    expect(r.suspect!.verdict.ok).toBe(true);
    expect(r.suspect!.confirmation.confirmed).toBe(true);
  });
});

describe('how a kind confirms', () => {
  it('an exact check by perturbation, a rate check by replay', () => {
    const check = (x: number) => leq(x, 0.05);
    const e = run(exact('confirm-exact', check, { given: fc.constant(0.1) }), { runs: 1 });
    expect(e.counterexample!.confirmation!.method).toBe('perturb');
    const r = run(exact('confirm-rate', check, { given: fc.constant(0.1), kind: 'rate' }), { runs: 1 });
    expect(r.counterexample!.confirmation!.method).toBe('replay');
  });
});

describe('extra shrink passes', () => {
  // fails when b − a >= 2 and 3 divides a + b: fast-check's one pass from (13, 50) stops at (4, 29), a local minimum
  const fails = ([a, b]: [number, number]): boolean => b - a >= 2 && (a + b) % 3 === 0;
  const pair = fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }));
  it('shrink again from fast-check’s result until a pass finds nothing smaller', () => {
    const c = exact<[number, number]>('reshrink', (x) => holds(!fails(x)), { given: pair, examples: [[13, 50]] });
    const r = run(c);
    const x = r.counterexample!.encoded as [number, number];
    const once = fc.check(
      fc.property(pair, (y) => !fails(y)),
      { seed: 1, numRuns: 1, examples: [[[13, 50]]] },
    );
    expect(once.counterexample![0]).toEqual([4, 29]);
    expect(x).not.toEqual([4, 29]);
    expect(fails(x)).toBe(true);
    const more = fc.check(
      fc.property(pair, (y) => !fails(y)),
      { seed: 1, numRuns: 1, examples: [[x]] },
    );
    expect(more.numShrinks).toBe(0);
    expect(r.shrinks).toBeGreaterThan(once.numShrinks);
    // past the time limit there are no extra passes: fast-check's own result stands
    const late = run(c, { timeLimitMs: 0 });
    expect(late.counterexample!.encoded).toEqual([4, 29]);
  });
  it('a value that cannot shrink without context (a map without an unmapper) keeps fast-check’s result', () => {
    const mapped = exact('mapped', (x) => leq(x, 5), { given: upTo100.map((x) => x) });
    expect(run(mapped).counterexample!.shown).toBe('6');
  });
});

describe('the targeted search', () => {
  /** x ∈ [0, 100] with a search space: θ = [x], snapped by rounding into range. */
  const searchable = withSearchSpace(fc.integer({ min: 0, max: 100 }), {
    encode: (x) => [x],
    at: (t) => t[0]!,
    snap: (t) => Math.min(100, Math.max(0, Math.round(t[0]!))),
  });
  const c = exact('search', (x) => leq(x, 200), { given: searchable });
  it('runs by default and reports; off by option or by the spec; sharpness from its passing points', () => {
    const r = runConjecture(c, { profile: FAST, useCorpus: false, runs: 3 });
    expect(r.targeted).toMatchObject({ method: 'violation', starts: 2, violated: false });
    expect(r.targeted!.evaluations).toBeGreaterThan(0);
    expect(r.sharpness!.ratio).toBeGreaterThan(0);
    expect(run(c, { runs: 3 }).targeted).toBeUndefined();
    const off = { ...c, spec: { ...c.spec, search: false as const } };
    expect(runConjecture(off, { profile: FAST, useCorpus: false, runs: 3 }).targeted).toBeUndefined();
    const plain = exact('search-none', (x) => leq(x, 200));
    expect(runConjecture(plain, { profile: FAST, useCorpus: false, runs: 3 }).targeted).toBeUndefined();
  });
  it('its snapped point is checked like an example: a violation it finds is refuted in phase targeted', () => {
    const bad = exact('search-bad', (x) => leq(x, 99.5), { given: searchable });
    const r = runConjecture(bad, { profile: FAST, useCorpus: false, runs: 1 });
    expect(r.targeted!.violated).toBe(true);
    expect(r.outcome).toBe('refuted');
    expect(r.sharpness!.ratio).toBeLessThan(1); // only passing points count
    expect(r.counterexample!.replay!.phase).toBe('targeted');
    expect(r.counterexample!.replay!.command).toMatch(/ --phase targeted$/);
    const replayed = runConjecture(bad, {
      profile: FAST,
      useCorpus: false,
      seed: r.seed,
      path: r.path,
      phase: 'targeted',
    });
    expect(replayed.counterexample!.shown).toBe(r.counterexample!.shown);
    expect(replayed.counterexample!.replay!.phase).toBe('targeted');
  });
  it('a snapped point that throws counts as violated; one that fails the premise does not', () => {
    // every ascent point snaps to 100, and without the grid climb the search returns it unscored
    const toEdge = withSearchSpace(fc.integer({ min: 0, max: 99 }), {
      encode: (x) => [x],
      at: (t) => t[0]!,
      snap: () => 100,
    });
    const throws = exact(
      'search-throws',
      (x) => {
        if (x === 100) throw new Error('edge');
        return leq(x, 200);
      },
      { given: toEdge },
    );
    const noClimb = { ...FAST, search: { ...FAST.search, climb: 0 } };
    const t = runConjecture(throws, { profile: noClimb, useCorpus: false, runs: 1 });
    expect(t.targeted!.violated).toBe(true);
    expect(t.outcome).toBe('error');
    const premise = exact(
      'search-premise',
      (x) => {
        assume(x !== 100);
        return leq(x, 200);
      },
      { given: toEdge },
    );
    expect(runConjecture(premise, { profile: noClimb, useCorpus: false, runs: 1 }).targeted!.violated).toBe(false);
  });
  it('a rate check searches with pool/8, starts/4, steps/4 and climb/10, rounded up', () => {
    const budget = { pool: 65, starts: 9, steps: 9, climb: 41, ms: 5_000 };
    const rate = exact('search-rate', (x) => leq(x, 200), { given: searchable, kind: 'rate' });
    const r = runConjecture(rate, { profile: { ...FAST, search: budget }, runs: 1, useCorpus: false });
    // the same search as an exact check's with that budget cut by hand (same id, so the same seed)
    const scaled = { pool: 9, starts: 3, steps: 3, climb: 5, ms: 5_000 };
    const same = exact('search-rate', (x) => leq(x, 200), { given: searchable });
    const e = runConjecture(same, { profile: { ...FAST, search: scaled }, runs: 1, useCorpus: false });
    const { timing: _t, ...report } = r.targeted!;
    const { timing: _e, ...expected } = e.targeted!;
    expect(report).toEqual(expected);
    expect(report).toMatchObject({ starts: 3, steps: 9 });
  });
  it("a conjecture's own objective is searched, and the grid check's passing points give the sharpness", () => {
    const own = exact('search-own', (x) => leq(x, 200), {
      given: searchable,
      search: {
        encode: (x) => [x],
        decode: (t) => Math.min(100, Math.max(0, Math.round(t[0]!))),
        objective: (t) => ({ value: t[0]!, gradient: [1] }),
        starts: 2,
        steps: 3,
      },
    });
    const r = runConjecture(own, { profile: FAST, runs: 1, useCorpus: false });
    expect(r.targeted).toMatchObject({ method: 'objective', starts: 2, steps: 6, violated: false });
    expect(r.sharpness).toEqual({ ratio: 0.5, shown: '100', from: 'search' });
  });
  it('the search gets at most half the time left: none when the time limit is spent', () => {
    const r = runConjecture(c, { profile: FAST, useCorpus: false, runs: 1, timeLimitMs: 0 });
    expect(r.targeted!.steps).toBe(0);
  });
  it("a statistical conjecture's own objective is not climbed on its check's grid", () => {
    const stat = defineConjecture({
      id: 'test.runner.stat-objective',
      title: 'objective only',
      kind: 'statistical',
      source,
      expect: 'holds',
      given: searchable,
      // a failure rate of about x/200, under δ = 0.6 everywhere
      trial: (x, rng) => rng.uniform() >= x / 200,
      trials: 20,
      delta: 0.6,
      alpha: 1e-3,
      runs: 1,
      minInstances: 1,
      search: {
        encode: (x) => [x],
        decode: (t) => Math.min(100, Math.max(0, Math.round(t[0]!))),
        objective: (t) => ({ value: t[0]!, gradient: [1] }),
      },
    });
    const r = runConjecture(stat, { profile: FAST, useCorpus: false });
    expect(r.targeted!.method).toBe('objective');
    expect(r.sharpness?.from).not.toBe('search');
  });
  it('a statistical conjecture has no default search (a trial has no margin to climb)', () => {
    const stat = defineConjecture({
      id: 'test.runner.stat-search',
      title: 'no search',
      kind: 'statistical',
      source,
      expect: 'holds',
      given: searchable,
      trials: 1,
      delta: 0.5,
      alpha: 1e-3,
      runs: 2,
      minInstances: 1,
      trial: () => true,
    });
    expect(runConjecture(stat, { profile: FAST, useCorpus: false }).targeted).toBeUndefined();
  });
});

describe('before the run', () => {
  it('a bound that is not nearly attained at its tight instance is an error naming it', () => {
    const c = exact('tight', (x) => leq(x, 100), { tight: { at: 50, ratio: 0.9 } });
    const r = run(c);
    expect(r.outcome).toBe('error');
    expect(r.runs).toBe(0);
    expect(r.coverage.interrupted).toBe(false);
    expect(r.error).toBe(
      'tightness check failed: lhs/rhs = 0.5 at 50, where the bound is nearly attained (expected >= 0.9); ' +
        'did the bound get looser?',
    );
    expect(
      run(
        exact('tight-ok', (x) => leq(x, 100), { tight: { at: 50, ratio: 0.5 } }),
        { runs: 3 },
      ).outcome,
    ).toBe('held');
  });
  it('a conjecture with a prepare step cannot run until the step has finished, then runs', async () => {
    const c = exact('prepare-ok', (x) => leq(x, 100), { prepare: async () => undefined });
    expect(run(c, { runs: 3 }).outcome).toBe('error');
    await prepareConjecture(c);
    expect(run(c, { runs: 3 }).outcome).toBe('held');
    expect(
      run(
        exact('prepare-none', (x) => leq(x, 100)),
        { runs: 3 },
      ).outcome,
    ).toBe('held');
    await expect(prepareConjecture(exact('prepare-none-2', (x) => leq(x, 100)))).resolves.toBeUndefined();
  });
  it('a prepare step that rejects rejects on each call, and the conjecture cannot run', async () => {
    let calls = 0;
    const c = exact('prepare-rejects', (x) => leq(x, 100), {
      prepare: async () => {
        calls++;
        throw new Error('nothing to load');
      },
    });
    await expect(prepareConjecture(c)).rejects.toThrow('nothing to load');
    await expect(prepareConjecture(c)).rejects.toThrow('nothing to load');
    expect(calls).toBe(1);
    expect(run(c).error).toBe(
      "conjecture 'test.runner.prepare-rejects' has a prepare step that has not run: await prepareConjecture(c) " +
        'before runConjecture',
    );
  });
});
