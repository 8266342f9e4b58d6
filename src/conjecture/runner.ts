import fc from 'fast-check';
import { seedFromString } from '../numeric/index.js';
import { encodeValue } from './codec.js';
import { DEFAULT_CORPUS_DIR, readCorpus, writeCorpus } from './corpus.js';
import { texOf } from './expression.js';
import { type Profile, profileFor, setActiveProfile } from './profiles.js';
import { showValue } from './show.js';
import type { Conjecture, Expectation, Kind, Source, TargetedSearch } from './types.js';
import { relativeMargin, type Verdict } from './verdict.js';

/** Extra shrink passes after fast-check's own, for arbitraries that can shrink without context. */
const MAX_RESHRINK_PASSES = 64;

export type Outcome = 'held' | 'refuted' | 'error';
export type Status = 'as-expected' | 'unexpected' | 'error';

export interface RunOptions {
  readonly profile?: Profile | string;
  readonly seed?: number;
  /** fast-check replay path (with seed): replays straight to the shrunk counterexample. */
  readonly path?: string;
  readonly runs?: number;
  readonly timeLimitMs?: number;
  readonly corpusDir?: string;
  /** Replay the stored counterexample first (default true); false runs from the seed alone. */
  readonly useCorpus?: boolean;
  /** Write a newly found counterexample to the corpus (the CLI does; the vitest gate does not). */
  readonly writeCorpus?: boolean;
  /** Run a conjecture's targeted search when it declares one (default true). */
  readonly targeted?: boolean;
}

export interface Counterexample {
  readonly shown: string;
  readonly encoded: unknown;
  readonly verdict?: Verdict;
  readonly error?: string;
}

export interface ConjectureResult {
  readonly id: string;
  readonly title: string;
  readonly source: Source;
  readonly expect: Expectation;
  readonly kind: Kind;
  readonly file?: string;
  readonly bound?: { readonly expression: string; readonly tex: string };
  readonly outcome: Outcome;
  readonly status: Status;
  readonly profile: string;
  readonly seed: number;
  readonly path?: string;
  readonly runs: number;
  readonly shrinks: number;
  readonly counterexample?: Counterexample;
  /** For a conjecture that held: the smallest relative margin seen, i.e. how close it came to failing. */
  readonly tightest?: { readonly relativeMargin: number; readonly verdict: Verdict; readonly shown: string };
  /** Relative margins of the passing instances in the order checked (at most 500), for the tightness plot. */
  readonly margins?: readonly number[];
  readonly replayedFromCorpus: boolean;
  readonly corpusWritten?: string;
  readonly error?: string;
  readonly expectedCounterexample?: string;
  /** What the targeted search did: the best objective reached and whether its snapped instance violated the check. */
  readonly targeted?: { readonly starts: number; readonly steps: number; readonly bestObjective: number; readonly startObjective: number; readonly violated: boolean; readonly ms: number };
  readonly statistical?: { readonly trials: number; readonly delta: number; readonly alpha: number; readonly instances: number; readonly maxObservedRate: number };
  readonly timing: { readonly ms: number };
}

function message(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/** Gradient ascent (Adam) from the best generated starts; returns the best instance found, snapped by `decode`. */
function targetedSearch<T>(s: TargetedSearch<T>, given: fc.Arbitrary<T>, seed: number) {
  const t0 = performance.now();
  const pool = fc.sample(given, { seed, numRuns: s.pool ?? 64 });
  const scored = pool.map((x) => { try { return { x, v: s.objective(s.encode(x), x).value }; } catch { return { x, v: -Infinity }; } })
    .filter((p) => Number.isFinite(p.v)).sort((a, b) => b.v - a.v).slice(0, s.starts ?? 8);
  const steps = s.steps ?? 400, lr = s.learningRate ?? 0.1;
  let best: { v: number; theta: number[]; start: T } = { v: -Infinity, theta: [], start: pool[0] as T };
  for (const { x } of scored) {
    let theta = s.encode(x);
    const m = theta.map(() => 0), v2 = theta.map(() => 0);
    for (let k = 1; k <= steps; k++) {
      const { value, gradient } = s.objective(theta, x);
      if (!Number.isFinite(value) || gradient.some((g) => !Number.isFinite(g))) break;
      if (value > best.v) best = { v: value, theta, start: x as T };
      theta = theta.map((th, i) => {
        m[i] = 0.9 * m[i]! + 0.1 * gradient[i]!;
        v2[i] = 0.999 * v2[i]! + 0.001 * gradient[i]! ** 2;
        return th + (lr * (m[i]! / (1 - 0.9 ** k))) / (Math.sqrt(v2[i]! / (1 - 0.999 ** k)) + 1e-8);
      });
    }
  }
  return { instance: s.decode(best.theta, best.start), best: best.v, startBest: scored[0]?.v ?? -Infinity, starts: scored.length, steps, ms: Math.round(performance.now() - t0) };
}

/** Runs one conjecture under fast-check and classifies the outcome against its expectation. */
export function runConjecture<T>(c: Conjecture<T>, opts: RunOptions = {}): ConjectureResult {
  const t0 = performance.now();
  const profile = profileFor(opts.profile);
  setActiveProfile(profile);
  const spec = c.spec;
  const baseRuns = spec.runs ?? (c.kind === 'statistical' ? 20 : 100);
  const numRuns = opts.runs ?? Math.max(1, Math.round(baseRuns * profile.runScale));
  const seed = opts.seed ?? (profile.deterministic ? seedFromString(`${profile.name === 'ci' ? '' : `${profile.name}:`}${c.id}`) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0);
  const corpusDir = opts.corpusDir ?? DEFAULT_CORPUS_DIR;
  const show = (x: T): string => { try { return spec.show ? spec.show(x) : showValue(x); } catch (e) { return `(show failed: ${message(e)}) ${showValue(x)}`; } };

  let stored: ReturnType<typeof readCorpus>;
  let corpusError: string | undefined;
  if (opts.useCorpus !== false) try { stored = readCorpus(corpusDir, c.id); } catch (e) { corpusError = message(e); }

  // The first failure decides what counts as a failure while shrinking: a genuine counterexample
  // (verdict not ok) or an error; the other kind is ignored so shrinking cannot slide from one to the other.
  let mode: 'verdict' | 'error' | undefined;
  let tightest: { rel: number; verdict: Verdict; instance: T } | undefined;
  let maxRate = 0, instances = 0;
  const margins: number[] = [];
  const predicate = (x: T): boolean => {
    let v: Verdict;
    try {
      v = c.evaluate(x);
    } catch (e) {
      if (mode === 'verdict') return true;
      mode = 'error';
      throw e;
    }
    if (c.kind === 'statistical') { instances++; maxRate = Math.max(maxRate, v.lhs); }
    if (v.ok) {
      const rel = relativeMargin(v);
      if (margins.length < 500 && Number.isFinite(rel)) margins.push(rel);
      if (!tightest || rel < tightest.rel) tightest = { rel, verdict: v, instance: x };
      return true;
    }
    if (mode === 'error') return true;
    mode = 'verdict';
    return false;
  };

  let targeted: ConjectureResult['targeted'];
  const examples: [T][] = stored ? [[stored.value as T]] : [];
  // the examples (stored, then targeted) are the same with or without a replay path, so {seed, path} stays valid
  if (spec.search && opts.targeted !== false) {
    const t = targetedSearch(spec.search, spec.given, seed);
    let violated = false;
    try { violated = !c.evaluate(t.instance).ok; } catch { violated = false; }
    examples.push([t.instance]); // checked first: refutes if it violates, else it counts toward the tightest margin
    targeted = { starts: t.starts, steps: t.steps, bestObjective: t.best, startObjective: t.startBest, violated, ms: t.ms };
  }

  const params: fc.Parameters<[T]> = {
    seed, numRuns,
    ...(opts.path !== undefined ? { path: opts.path, endOnFailure: true } : {}),
    ...(examples.length ? { examples } : {}),
    ...((opts.timeLimitMs ?? profile.timeLimitMs) ? { interruptAfterTimeLimit: opts.timeLimitMs ?? profile.timeLimitMs } : {}),
  };
  const property = fc.property(spec.given, predicate);
  const details = fc.check(property, params);
  // fast-check's integer shrinking keeps context, so one pass can stop at a local minimum such as weights
  // [13, 14] where [1, 2] also fails. Arbitraries that can shrink without context (an unmapper) get extra
  // passes from the shrunk value; they are deterministic, so a replay by {seed, path} lands on the same value.
  let reshrinks = 0, found = details.counterexample;
  if (details.failed && found && mode === 'verdict' && spec.given.canShrinkWithoutContext(found[0])) {
    for (let pass = 0; pass < MAX_RESHRINK_PASSES; pass++) {
      const again: fc.RunDetails<[T]> = fc.check(property, { seed, numRuns: 1, examples: [found] });
      if (!again.failed || !again.counterexample || again.numShrinks === 0) break;
      found = again.counterexample;
      reshrinks += again.numShrinks;
    }
  }

  let outcome: Outcome = 'held', counterexample: Counterexample | undefined, error: string | undefined, corpusWritten: string | undefined;
  if (details.failed && found) {
    const x = found[0];
    let verdict: Verdict | undefined, err: string | undefined;
    try { verdict = c.evaluate(x); } catch (e) { err = message(e); }
    counterexample = { shown: show(x), encoded: encodeValue(x), verdict, error: err };
    if (mode === 'error' || err) {
      outcome = 'error';
      error = `check threw on a generated instance: ${err ?? message(details.errorInstance)}`;
    } else {
      outcome = 'refuted';
      const known = stored !== undefined && JSON.stringify(stored.entry.counterexample) === JSON.stringify(counterexample.encoded);
      if (opts.writeCorpus && !known) corpusWritten = writeCorpus(corpusDir, { id: c.id, seed, path: details.counterexamplePath ?? undefined, value: x, shown: counterexample.shown, fastCheck: 'fast-check 4' });
    }
  } else if (details.failed) {
    outcome = 'error';
    error = `fast-check failed without a counterexample: ${message(details.errorInstance)}`;
  }
  if (corpusError) { outcome = 'error'; error = corpusError; }
  const status: Status = outcome === 'error' ? 'error' : (outcome === 'held') === (spec.expect === 'holds') ? 'as-expected' : 'unexpected';
  const stat = spec.kind === 'statistical' ? spec : undefined;
  return {
    id: c.id, title: spec.title, source: spec.source, expect: spec.expect, kind: c.kind, file: c.file,
    bound: spec.bound ? { expression: spec.bound, tex: texOf(spec.bound) } : undefined,
    outcome, status, profile: profile.name, seed, path: details.counterexamplePath ?? undefined,
    runs: details.numRuns, shrinks: details.numShrinks + reshrinks, counterexample,
    tightest: outcome === 'held' && tightest ? { relativeMargin: tightest.rel, verdict: tightest.verdict, shown: show(tightest.instance) } : undefined,
    margins: outcome === 'held' && c.kind !== 'statistical' ? margins : undefined,
    replayedFromCorpus: stored !== undefined, corpusWritten, error, expectedCounterexample: spec.expectedCounterexample,
    targeted,
    statistical: stat ? { trials: stat.trials, delta: stat.delta, alpha: stat.alpha, instances, maxObservedRate: maxRate } : undefined,
    timing: { ms: Math.round(performance.now() - t0) },
  };
}
