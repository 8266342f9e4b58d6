import fc from 'fast-check';
import { searchSpaceOf } from '../arbitraries/searchSpace.js';
import { seedFromString } from '../numeric/index.js';
import { encodeValue } from './codec.js';
import { type Confirmation, confirmViolation } from './confirm.js';
import { type CorpusEntry, DEFAULT_CORPUS_DIR, readCorpus, writeCorpus } from './corpus.js';
import { texOf } from './expression.js';
import { isPremiseFailure } from './premise.js';
import { type Profile, profileFor, withProfile } from './profiles.js';
import {
  type ConjectureResult,
  type Counterexample,
  type Coverage,
  excludedRate,
  type Outcome,
  type Phase,
  type Replay,
  type Sharpness,
  statusOf,
  type Suspect,
} from './result.js';
import { showValue } from './show.js';
import { objectiveSearch, type TargetedFind, violationSearch } from './targeted.js';
import type { Conjecture } from './types.js';
import { relativeMargin, type Verdict } from './verdict.js';

export * from './result.js';

/** Extra shrink passes after fast-check's own, for arbitraries that can shrink without context. */
const MAX_RESHRINK_PASSES = 512;
/** Passing relative margins kept for the tightness plot. */
const MAX_MARGINS = 500;

export interface RunOptions {
  readonly profile?: Profile | string;
  readonly seed?: number;
  /** fast-check replay path (with seed): replays straight to the counterexample, within `phase`. */
  readonly path?: string;
  /** The phase a replay path belongs to (default 'generate'). */
  readonly phase?: Phase;
  readonly runs?: number;
  readonly timeLimitMs?: number;
  readonly corpusDir?: string;
  /** Replay the stored counterexample first (default true); false runs without the corpus. */
  readonly useCorpus?: boolean;
  /** Write a newly found, confirmed counterexample to the corpus (the CLI does; the vitest gate does not). */
  readonly writeCorpus?: boolean;
  /** Run the targeted search (default true). */
  readonly targeted?: boolean;
  /** Told of every instance checked before the first failure (the worker pool's watchdog reads it). */
  readonly onProgress?: (phase: Phase, instances: number) => void;
}

/** Everything a run needs, resolved once from the conjecture and the options. */
interface Plan<T> {
  readonly c: Conjecture<T>;
  readonly opts: RunOptions;
  readonly profile: Profile;
  readonly seed: number;
  readonly numRuns: number;
  readonly minimum: number;
  readonly deadline: number;
  readonly corpusDir: string;
  readonly stored?: { entry: CorpusEntry; value: T };
  readonly warnings: string[];
  readonly show: (x: T) => string;
}

function message(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/** The seed of a run: given, else derived from the id (deterministic profiles), else fresh. */
function seedOf(id: string, profile: Profile, seed?: number): number {
  if (seed !== undefined) return seed;
  if (!profile.deterministic) return (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  return seedFromString(`${profile.name === 'ci' ? '' : `${profile.name}:`}${id}`);
}

function plan<T>(c: Conjecture<T>, opts: RunOptions, t0: number): Plan<T> {
  const profile = profileFor(opts.profile);
  const spec = c.spec;
  const baseRuns = spec.runs ?? (c.kind === 'statistical' ? 20 : 100);
  const numRuns = opts.runs ?? Math.max(1, Math.round(baseRuns * profile.runScale));
  if (!(Number.isInteger(numRuns) && numRuns >= 1))
    throw new RangeError(`runs must be a positive integer, got ${numRuns}`);
  const corpusDir = opts.corpusDir ?? DEFAULT_CORPUS_DIR;
  const warnings: string[] = [];
  let stored: Plan<T>['stored'];
  if (opts.useCorpus !== false) {
    try {
      stored = readCorpus(corpusDir, c.id) as Plan<T>['stored'];
    } catch (e) {
      warnings.push(`${(e as Error).message}; delete it to store a fresh one (the run went on without it)`);
    }
  }
  const show = (x: T): string => {
    try {
      return spec.show ? spec.show(x) : showValue(x);
    } catch (e) {
      return `(show failed: ${message(e)}) ${showValue(x)}`;
    }
  };
  return {
    c,
    opts,
    profile,
    seed: seedOf(c.id, profile, opts.seed),
    numRuns,
    minimum: Math.min(spec.minInstances ?? profile.minInstances, numRuns),
    deadline: t0 + (opts.timeLimitMs ?? profile.timeLimitMs),
    corpusDir,
    stored,
    warnings,
    show,
  };
}

/** lhs/rhs of an inequality between non-negative sides (rhs/lhs for >=); NaN where a ratio means nothing. */
export function sharpnessRatio(v: Verdict): number {
  const [small, large] = v.relation === '<=' ? [v.lhs, v.rhs] : v.relation === '>=' ? [v.rhs, v.lhs] : [NaN, NaN];
  return small >= 0 && large > 0 ? small / large : NaN;
}

/**
 * The predicate fast-check runs, with what it saw: coverage before the first failure, the tightest passing
 * instance, the sharpest ratio, violations that did not survive their rounding, and the confirmation of the failure.
 * The first failure decides what counts as a failure while shrinking (a confirmed violation, or a throw), so
 * shrinking cannot slide from one kind to the other.
 */
class Tracker<T> {
  mode: 'verdict' | 'error' | undefined;
  phase: Phase = 'examples';
  instances = 0;
  discarded = 0;
  maxRate = 0;
  readonly margins: number[] = [];
  tightest: { rel: number; verdict: Verdict; instance: T } | undefined;
  sharpest: { ratio: number; instance: T; from: Sharpness['from'] } | undefined;
  suspect: { instance: T; verdict: Verdict; confirmation: Confirmation } | undefined;

  constructor(private readonly p: Plan<T>) {}

  private get searching(): boolean {
    return this.mode === undefined;
  }

  confirm(x: T, v: Verdict, full: boolean): Confirmation {
    const method = this.p.c.spec.confirm ?? (this.p.c.kind === 'exact' ? 'perturb' : 'replay');
    if (!full && method === 'replay') return { confirmed: true, method: 'replay', violation: -v.margin, rounding: 0 };
    return confirmViolation(x, v, { evaluate: this.p.c.evaluate, method });
  }

  /** Records a passing or failing verdict's sharpness (lhs/rhs of an inequality). */
  noteSharpness(v: Verdict, instance: T, from: Sharpness['from']): void {
    const ratio = sharpnessRatio(v);
    if (!(Number.isFinite(ratio) && ratio > 0)) return;
    if (!this.sharpest || ratio > this.sharpest.ratio) this.sharpest = { ratio, instance, from };
  }

  readonly predicate = (x: T): boolean => {
    let v: Verdict;
    try {
      v = this.p.c.evaluate(x);
    } catch (e) {
      if (isPremiseFailure(e)) {
        if (this.searching) this.discarded++;
        throw e; // fast-check counts it as skipped
      }
      if (this.mode === 'verdict') return true;
      this.mode = 'error';
      throw e;
    }
    if (this.searching) {
      this.instances++;
      this.p.opts.onProgress?.(this.phase, this.instances);
      if (this.p.c.kind === 'statistical') this.maxRate = Math.max(this.maxRate, v.lhs);
    }
    if (v.ok) {
      if (this.searching) this.recordPass(v, x);
      return true;
    }
    if (this.mode === 'error') return true;
    const confirmation = this.confirm(x, v, this.searching);
    if (!confirmation.confirmed) {
      if (!this.suspect || confirmation.violation > this.suspect.confirmation.violation) {
        this.suspect = { instance: x, verdict: v, confirmation };
      }
      return true;
    }
    this.mode = 'verdict';
    return false;
  };

  private recordPass(v: Verdict, x: T): void {
    const rel = relativeMargin(v);
    if (this.margins.length < MAX_MARGINS && Number.isFinite(rel)) this.margins.push(rel);
    if (!this.tightest || rel < this.tightest.rel) this.tightest = { rel, verdict: v, instance: x };
    this.noteSharpness(v, x, 'instance');
  }
}

/** What a phase found: the phase (where to replay it from) and fast-check's details. */
interface Found<T> {
  readonly phase: Phase;
  readonly details: fc.RunDetails<[T]>;
}

/** Checks the given instances (as fast-check examples, so a failing one is shrunk); undefined when all pass. */
function checkInstances<T>(p: Plan<T>, t: Tracker<T>, phase: Phase, instances: readonly T[]): Found<T> | undefined {
  if (instances.length === 0) return undefined;
  t.phase = phase;
  const replay = p.opts.path !== undefined ? { path: p.opts.path, endOnFailure: true } : {};
  const details = fc.check(fc.property(p.c.spec.given, t.predicate), {
    seed: p.seed,
    numRuns: instances.length,
    examples: instances.map((x) => [x] as [T]),
    ...replay,
  });
  return details.failed ? { phase, details } : undefined;
}

/** Phase 1: the conjecture's own examples (its known counterexample, for a planted twin). */
function examplesPhase<T>(p: Plan<T>, t: Tracker<T>): Found<T> | undefined {
  return checkInstances(p, t, 'examples', p.c.spec.examples ?? []);
}

/** Phase 2: the stored counterexample. An entry the check cannot read is a warning naming the file. */
function corpusPhase<T>(p: Plan<T>, t: Tracker<T>): Found<T> | undefined {
  if (!p.stored) return undefined;
  try {
    p.c.evaluate(p.stored.value);
  } catch (e) {
    if (!isPremiseFailure(e)) {
      p.warnings.push(
        `the stored counterexample ${p.corpusDir}/${p.c.id}.json makes the check throw (${message(e)}): ` +
          `it may come from an older generator; delete it and run 'crl-verify run --grep /^${p.c.id.replace(/\./g, '\\.')}$/' ` +
          'to store a fresh one (the run went on without it)',
      );
      return undefined;
    }
  }
  return checkInstances(p, t, 'corpus', [p.stored.value]);
}

/** The targeted search of a conjecture: its own objective, else the default ascent of its violation. */
function search<T>(p: Plan<T>, t: Tracker<T>): TargetedFind<T> | undefined {
  const spec = p.c.spec;
  if (p.opts.targeted === false || spec.search === false) return undefined;
  const remaining = Math.max(0, p.deadline - performance.now());
  const budget = { ...p.profile.search, ms: Math.min(p.profile.search.ms, remaining / 2) };
  const check = (x: T): Verdict => {
    const v = p.c.evaluate(x);
    if (v.ok) t.noteSharpness(v, x, 'search');
    return v;
  };
  const space = searchSpaceOf(spec.given);
  if (spec.search) {
    const grid = p.c.kind === 'statistical' ? undefined : { check, space };
    return objectiveSearch(spec.search, spec.given, p.seed, budget, grid);
  }
  if (!space || p.c.kind === 'statistical') return undefined; // a trial's Monte Carlo has no margin to climb
  // a rate check evaluates a whole grid of sizes per instance: it gets about a tenth of the search
  const b = budget;
  const scaled =
    p.c.kind !== 'rate'
      ? b
      : {
          ...b,
          pool: Math.ceil(b.pool / 8),
          starts: Math.ceil(b.starts / 4),
          steps: Math.ceil(b.steps / 4),
          climb: Math.ceil(b.climb / 10),
        };
  return violationSearch(check, space, spec.given, p.seed, scaled);
}

/** Phase 3: targeted search; its snapped best point is checked (and shrunk) like an example. */
function targetedPhase<T>(p: Plan<T>, t: Tracker<T>): { found?: Found<T>; report?: ConjectureResult['targeted'] } {
  t.phase = 'targeted';
  const find = search(p, t);
  if (!find) return {};
  let violated = false;
  try {
    violated = !p.c.evaluate(find.instance).ok;
  } catch (e) {
    violated = !isPremiseFailure(e);
  }
  return { found: checkInstances(p, t, 'targeted', [find.instance]), report: { ...find.report, violated } };
}

/** Phase 4: random generation from the seed alone, so {seed, path} replays whatever the corpus holds. */
function generatePhase<T>(p: Plan<T>, t: Tracker<T>): { found?: Found<T>; details: fc.RunDetails<[T]> } {
  t.phase = 'generate';
  const remaining = Math.max(1, p.deadline - performance.now());
  const replay = p.opts.path !== undefined ? { path: p.opts.path, endOnFailure: true } : {};
  const details = fc.check(fc.property(p.c.spec.given, t.predicate), {
    seed: p.seed,
    numRuns: p.numRuns,
    plugins: [fc.interruptAfterTimeLimit(remaining)],
    ...replay,
  }) as fc.RunDetails<[T]>;
  // a failure found before the time limit counts even when the limit cut its shrinking short (details.interrupted):
  // the counterexample is then the smallest reached, and it is confirmed like any other
  const failed = details.failed && (details.counterexample !== null || t.mode === 'error');
  return { found: failed ? { phase: 'generate', details } : undefined, details };
}

/**
 * Replays one phase at a path: the phase's starting instances are rebuilt exactly as the run that printed the
 * path had them (the conjecture's examples, the stored counterexample, the search's snapped point, or the seed).
 */
function replayPhase<T>(p: Plan<T>, t: Tracker<T>, phase: Phase): Found<T> | undefined {
  if (phase === 'examples') return examplesPhase(p, t);
  if (phase === 'corpus') {
    if (!p.stored)
      throw new Error(`no stored counterexample for '${p.c.id}' in ${p.corpusDir} to replay the path against`);
    return checkInstances(p, t, 'corpus', [p.stored.value]);
  }
  if (phase === 'targeted') return targetedPhase(p, t).found;
  return generatePhase(p, t).found;
}

/**
 * Phase 5: shrink further. fast-check's integer shrinking keeps context, so one pass can stop at a local minimum
 * such as weights [13, 14] where [1, 2] also fails. Arbitraries that can shrink without context (an unmapper) get
 * extra passes from the shrunk value; they are deterministic, so a replay by {seed, path} lands on the same value.
 */
function shrinkPhase<T>(p: Plan<T>, t: Tracker<T>, x: T): { value: T; shrinks: number } {
  let value = x;
  let shrinks = 0;
  if (t.mode !== 'verdict' || !p.c.spec.given.canShrinkWithoutContext(value)) return { value, shrinks };
  const property = fc.property(p.c.spec.given, t.predicate);
  for (let pass = 0; pass < MAX_RESHRINK_PASSES && performance.now() < p.deadline; pass++) {
    const again: fc.RunDetails<[T]> = fc.check(property, { seed: p.seed, numRuns: 1, examples: [[value]] });
    if (!again.failed || !again.counterexample || again.numShrinks === 0) break;
    value = again.counterexample[0];
    shrinks += again.numShrinks;
  }
  return { value, shrinks };
}

/** The command that reproduces a counterexample found in `phase`. */
function replayOf(id: string, phase: Phase, seed: number, path: string, corpusWritten: boolean): Replay {
  const command =
    phase === 'corpus' && corpusWritten
      ? `crl-verify replay ${id}`
      : `crl-verify replay ${id} --seed ${seed} --path ${path}${phase === 'generate' ? '' : ` --phase ${phase}`}`;
  return { phase, seed, path, command };
}

/** Phase 7 (report): the typed result. */
function report<T>(
  p: Plan<T>,
  t: Tracker<T>,
  r: {
    outcome: Outcome;
    error?: string;
    counterexample?: Counterexample;
    path?: string;
    runs: number;
    shrinks: number;
    interrupted: boolean;
    corpusWritten?: string;
    targeted?: ConjectureResult['targeted'];
    t0: number;
  },
): ConjectureResult {
  const spec = p.c.spec;
  const stat = spec.kind === 'statistical' ? spec : undefined;
  const coverage: Coverage = {
    instances: t.instances,
    discarded: t.discarded,
    minimum: p.minimum,
    excludedRate: excludedRate(t.instances),
    interrupted: r.interrupted,
  };
  const held = r.outcome === 'held';
  const suspect: Suspect | undefined = t.suspect && {
    shown: p.show(t.suspect.instance),
    verdict: t.suspect.verdict,
    confirmation: t.suspect.confirmation,
  };
  const sharpness: Sharpness | undefined =
    t.sharpest && spec.expect === 'holds'
      ? {
          ratio: t.sharpest.ratio,
          shown: p.show(t.sharpest.instance),
          from: t.sharpest.from,
        }
      : undefined;
  return {
    id: p.c.id,
    title: spec.title,
    source: spec.source,
    expect: spec.expect,
    kind: p.c.kind,
    file: p.c.file,
    bound: spec.bound ? { expression: spec.bound, tex: texOf(spec.bound) } : undefined,
    outcome: r.outcome,
    status: statusOf(r.outcome, spec.expect),
    profile: p.profile.name,
    seed: p.seed,
    path: r.path,
    runs: r.runs,
    shrinks: r.shrinks,
    coverage,
    counterexample: r.counterexample,
    tightest:
      held && t.tightest
        ? { relativeMargin: t.tightest.rel, verdict: t.tightest.verdict, shown: p.show(t.tightest.instance) }
        : undefined,
    margins: held && p.c.kind !== 'statistical' ? t.margins : undefined,
    sharpness,
    suspect,
    replayedFromCorpus: p.stored !== undefined,
    corpusWritten: r.corpusWritten,
    warnings: p.warnings,
    error: r.error,
    expectedCounterexample: spec.expectedCounterexample,
    targeted: r.targeted,
    statistical: stat
      ? {
          trials: stat.trials,
          delta: stat.delta,
          alpha: stat.alpha,
          instances: t.instances,
          maxObservedRate: t.maxRate,
        }
      : undefined,
    timing: { ms: Math.round(performance.now() - r.t0) },
  } as ConjectureResult;
}

/** The tightness check of a bound the theory says is (nearly) attained: lhs/rhs at `tight.at` >= `tight.ratio`. */
function tightnessError<T>(p: Plan<T>): string | undefined {
  const tight = p.c.spec.tight;
  if (!tight) return undefined;
  const ratio = sharpnessRatio(p.c.evaluate(tight.at));
  if (ratio >= tight.ratio) return undefined;
  return (
    `tightness check failed: lhs/rhs = ${ratio} at ${p.show(tight.at)}, where the bound is nearly attained ` +
    `(expected >= ${tight.ratio}); did the bound get looser?`
  );
}

/** The `prepare` step of each conjecture spec: started once per process, and whether it has finished. */
const prepared = new WeakMap<object, { done: boolean; promise: Promise<void> }>();

/**
 * Runs a conjecture's `prepare` step (loading TensorFlow.js, say) once per process and waits for it; a no-op
 * without one. A rejected step rejects here, and again on each call.
 */
export async function prepareConjecture<T>(c: Conjecture<T>): Promise<void> {
  const prepare = c.spec.prepare;
  if (!prepare) return;
  let entry = prepared.get(c.spec);
  if (!entry) {
    const state = { done: false, promise: Promise.resolve() };
    state.promise = Promise.resolve()
      .then(prepare)
      .then(() => {
        state.done = true;
      });
    entry = state;
    prepared.set(c.spec, entry);
  }
  await entry.promise;
}

/** Why a conjecture cannot run yet: its `prepare` step has not finished. */
function notPrepared<T>(c: Conjecture<T>): string | undefined {
  if (!c.spec.prepare || prepared.get(c.spec)?.done) return undefined;
  return `conjecture '${c.id}' has a prepare step that has not run: await prepareConjecture(c) before runConjecture`;
}

/**
 * Runs one conjecture by phases — examples, corpus replay, targeted search, generation, shrink, confirm, report —
 * stopping at the first confirmed counterexample, and classifies the outcome against the expectation.
 */
export function runConjecture<T>(c: Conjecture<T>, opts: RunOptions = {}): ConjectureResult {
  const t0 = performance.now();
  const p = plan(c, opts, t0);
  return withProfile(p.profile, () => {
    const t = new Tracker(p);
    // a conjecture that cannot run: its prepare step has not run, or its bound failed the tightness check
    const cannotRun = notPrepared(c) ?? tightnessError(p);
    if (cannotRun)
      return report(p, t, { outcome: 'error', error: cannotRun, runs: 0, shrinks: 0, interrupted: false, t0 });

    let found: Found<T> | undefined;
    let targeted: ConjectureResult['targeted'];
    let generated: fc.RunDetails<[T]> | undefined;
    if (opts.path !== undefined) {
      found = replayPhase(p, t, opts.phase ?? 'generate');
    } else {
      found = examplesPhase(p, t) ?? corpusPhase(p, t);
      if (!found) ({ found, report: targeted } = targetedPhase(p, t));
      if (!found) ({ found, details: generated } = generatePhase(p, t));
    }
    const runsSoFar = t.instances + t.discarded;
    const interrupted = generated?.interrupted ?? false;

    if (!found) {
      const suspect = t.suspect !== undefined;
      let outcome: Outcome = suspect ? 'inconclusive' : 'held';
      let error: string | undefined;
      if (t.instances < p.minimum) {
        outcome = interrupted ? 'timeout' : 'vacuous';
        error = interrupted
          ? `time limit reached after ${t.instances} instances (minimum ${p.minimum}, ${p.numRuns} asked for)`
          : `only ${t.instances} instances met the premise (${t.discarded} discarded; minimum ${p.minimum}): ` +
            'steer the generator toward the premise or lower minInstances';
      }
      return report(p, t, { outcome, error, runs: runsSoFar, shrinks: 0, interrupted, targeted, t0 });
    }

    const d = found.details;
    if (t.mode === 'error' || !d.counterexample) {
      const shown = d.counterexample ? p.show(d.counterexample[0]) : undefined;
      const error =
        `check threw on ${shown !== undefined ? 'a generated instance' : 'an instance'}: ` +
        `${message(d.errorInstance)}`;
      const counterexample = d.counterexample
        ? { shown: shown!, encoded: encodeValue(d.counterexample[0]), error: message(d.errorInstance) }
        : undefined;
      return report(p, t, {
        outcome: 'error',
        error,
        counterexample,
        path: d.counterexamplePath ?? undefined,
        runs: runsSoFar,
        shrinks: d.numShrinks,
        interrupted,
        targeted,
        t0,
      });
    }

    const shrunk = shrinkPhase(p, t, d.counterexample[0]);
    const x = shrunk.value;
    // confirm: the final counterexample, re-evaluated in full (replay, then perturbation or higher precision)
    const verdict = p.c.evaluate(x);
    const confirmation = t.confirm(x, verdict, true);
    const shown = p.show(x);
    if (!confirmation.confirmed || verdict.ok) {
      t.suspect = { instance: x, verdict, confirmation };
      return report(p, t, {
        outcome: 'inconclusive',
        runs: runsSoFar,
        shrinks: d.numShrinks,
        interrupted,
        targeted,
        t0,
      });
    }
    const path = d.counterexamplePath ?? '0';
    let corpusWritten: string | undefined;
    const encoded = encodeValue(x);
    const known = p.stored !== undefined && JSON.stringify(p.stored.entry.counterexample) === JSON.stringify(encoded);
    if (opts.writeCorpus && !known) {
      try {
        corpusWritten = writeCorpus(p.corpusDir, {
          id: c.id,
          seed: p.seed,
          path,
          phase: found.phase,
          value: x,
          shown,
          fastCheck: 'fast-check 4',
        });
      } catch (e) {
        p.warnings.push(
          `could not write the counterexample corpus (${message(e)}); the refutation stands and is reported in full`,
        );
      }
    }
    const replay = replayOf(
      c.id,
      found.phase,
      p.seed,
      path,
      corpusWritten !== undefined || (known && found.phase === 'corpus'),
    );
    return report(p, t, {
      outcome: 'refuted',
      counterexample: { shown, encoded, verdict, confirmation, replay },
      path,
      runs: runsSoFar,
      shrinks: d.numShrinks + shrunk.shrinks,
      interrupted,
      corpusWritten,
      targeted,
      t0,
    });
  });
}
