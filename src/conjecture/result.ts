import type { Confirmation } from './confirm.js';
import type { TargetedReport } from './targeted.js';
import type { Conjecture, Expectation, Kind, Source } from './types.js';
import type { Verdict } from './verdict.js';

/**
 * What a run concluded. `inconclusive`: a violation was seen but did not survive its own rounding (both figures
 * are reported); `vacuous`: fewer instances met the premise than the minimum; `timeout`: the time limit stopped it.
 */
export type Outcome = 'held' | 'refuted' | 'inconclusive' | 'vacuous' | 'timeout' | 'error';
/**
 * The outcome against the expectation. `inconclusive` passes the gate for a `holds` conjecture (nothing was shown
 * false) and is reported; for a planted `refuted` twin an inconclusive run shows no power and is `unexpected`.
 */
export type Status = 'as-expected' | 'unexpected' | 'inconclusive' | 'error';

/** Where an instance came from: the phases of a run, in order. */
export type Phase = 'examples' | 'corpus' | 'targeted' | 'generate';

/** How to reach a counterexample again: the phase that found it, the seed, and fast-check's path within it. */
export interface Replay {
  readonly phase: Phase;
  readonly seed: number;
  readonly path: string;
  /** The command that reproduces it. */
  readonly command: string;
}

export interface Counterexample {
  readonly shown: string;
  readonly encoded: unknown;
  readonly verdict?: Verdict;
  readonly error?: string;
  readonly confirmation?: Confirmation;
  readonly replay?: Replay;
}

/** How much a run checked, and what it rules out. */
export interface Coverage {
  /** Instances evaluated that met every premise (examples, corpus, search and generated alike). */
  readonly instances: number;
  /** Instances discarded by a premise. */
  readonly discarded: number;
  /** The minimum of instances that must meet the premise. */
  readonly minimum: number;
  /** The failure rate this run excludes at 95% confidence (1 − 0.05^(1/n), about 3/n); 1 when n = 0. */
  readonly excludedRate: number;
  /** The time limit stopped generation before its runs were done. */
  readonly interrupted: boolean;
}

/** A violation seen but not confirmed: the violation and the rounding estimate, and why. */
export interface Suspect {
  readonly shown: string;
  readonly verdict: Verdict;
  readonly confirmation: Confirmation;
}

/** The largest lhs/rhs an inequality reached (how sharp its constant is) and where. */
export interface Sharpness {
  readonly ratio: number;
  readonly shown: string;
  /** 'search': reached by the targeted search (possibly off the generator's grid); else an instance that was checked. */
  readonly from: 'search' | 'instance';
}

interface ResultBase {
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
  /** fast-check's path of the counterexample, within the phase that found it. */
  readonly path?: string;
  /** Runs fast-check made (examples, corpus and search points included). */
  readonly runs: number;
  readonly shrinks: number;
  readonly coverage: Coverage;
  readonly counterexample?: Counterexample;
  /** For a conjecture that held: the smallest relative margin seen, i.e. how close it came to failing. */
  readonly tightest?: { readonly relativeMargin: number; readonly verdict: Verdict; readonly shown: string };
  /** Relative margins of the passing instances in the order checked (at most 500), for the tightness plot. */
  readonly margins?: readonly number[];
  readonly sharpness?: Sharpness;
  readonly suspect?: Suspect;
  readonly replayedFromCorpus: boolean;
  readonly corpusWritten?: string;
  /** Problems that did not change the verdict (an unreadable or stale corpus entry, a corpus that cannot be written). */
  readonly warnings: readonly string[];
  readonly error?: string;
  readonly expectedCounterexample?: string;
  readonly targeted?: TargetedReport & { readonly violated: boolean };
  readonly statistical?: {
    readonly trials: number;
    readonly delta: number;
    readonly alpha: number;
    readonly instances: number;
    readonly maxObservedRate: number;
  };
  readonly timing: { readonly ms: number };
}

export interface HeldResult extends ResultBase {
  readonly outcome: 'held';
}
export interface RefutedResult extends ResultBase {
  readonly outcome: 'refuted';
  readonly counterexample: Counterexample;
}
export interface InconclusiveResult extends ResultBase {
  readonly outcome: 'inconclusive';
  readonly suspect: Suspect;
}
export interface FailedRunResult extends ResultBase {
  readonly outcome: 'vacuous' | 'timeout' | 'error';
  readonly status: 'error';
  readonly error: string;
}

/** The result of one conjecture, discriminated by `outcome`. */
export type ConjectureResult = HeldResult | RefutedResult | InconclusiveResult | FailedRunResult;

/** The status of an outcome under an expectation. */
export function statusOf(outcome: Outcome, expect: Expectation): Status {
  if (outcome === 'vacuous' || outcome === 'timeout' || outcome === 'error') return 'error';
  if (outcome === 'inconclusive') return expect === 'holds' ? 'inconclusive' : 'unexpected';
  return (outcome === 'held') === (expect === 'holds') ? 'as-expected' : 'unexpected';
}

/** Whether a status lets the gate pass. */
export const passesGate = (s: Status): boolean => s === 'as-expected' || s === 'inconclusive';

/** The failure rate excluded at 95% confidence by n clean instances. */
export const excludedRate = (n: number): number => (n > 0 ? 1 - 0.05 ** (1 / n) : 1);

/** The result of a conjecture whose run did not finish (it threw, or its time limit stopped it). */
export function failedRun(
  c: Conjecture,
  profile: string,
  seed: number,
  outcome: FailedRunResult['outcome'],
  error: string,
  ms: number,
  instances = 0,
): FailedRunResult {
  return {
    id: c.id,
    title: c.spec.title,
    source: c.spec.source,
    expect: c.spec.expect,
    kind: c.kind,
    file: c.file,
    outcome,
    status: 'error',
    profile,
    seed,
    runs: instances,
    shrinks: 0,
    replayedFromCorpus: false,
    warnings: [],
    coverage: { instances, discarded: 0, minimum: 0, excludedRate: excludedRate(instances), interrupted: true },
    error,
    timing: { ms },
  };
}
