import type { Arbitrary } from 'fast-check';
import type { Rng, Tolerance } from '../numeric/index.js';
import type { Verdict } from './verdict.js';

/** Where a claim comes from: the paper's own claim, a reconstruction (full text unread), or background. */
export type Provenance = 'paper-claim' | 'reconstructed' | 'background';

export interface Source {
  /** Bibliographic key: 'li2026', 'cai2026', 'wang-isola2020', … */
  readonly paper: string;
  /** The items of docs/claims.md the claim tests, e.g. 'claims.md C5' or 'claims.md P12 (FALSE-b); P15 (d)'. */
  readonly ref: string;
  readonly provenance: Provenance;
}

export type Expectation = 'holds' | 'refuted';
export type Kind = 'exact' | 'statistical' | 'rate';

interface Common<T> {
  /** Stable id: dot-separated lower-case words; seeds and the corpus are keyed on it. */
  readonly id: string;
  readonly title: string;
  readonly source: Source;
  readonly expect: Expectation;
  readonly given: Arbitrary<T>;
  /** Runs in the ci profile (default 100; statistical default 20). */
  readonly runs?: number;
  /** Printed statement of the bound as a mathjs expression (shown as TeX), e.g. 'sqrt(2*excess/tau)'. */
  readonly bound?: string;
  /** Tolerance the check uses, for the report (the verdict's own tolerance takes precedence). */
  readonly tolerance?: Tolerance;
  /** Readable rendering of an instance for counterexample reports. */
  readonly show?: (instance: T) => string;
  /** For a refuted conjecture: what the minimal counterexample is expected to look like (documentation). */
  readonly expectedCounterexample?: string;
  /**
   * Instances checked first, before the corpus and generation (Hypothesis's `@example`): for a `refuted`
   * conjecture, the known minimal counterexample, so the expectation is executable. They must be values `given`
   * can produce (so they shrink without context).
   */
  readonly examples?: readonly T[];
  /**
   * Instances that must meet the premise (see `assume`) before the conjecture can count as held; default: the
   * profile's minimum (quick 25, ci 50, thorough 200), never more than the runs asked for.
   */
  readonly minInstances?: number;
  /**
   * For a `holds` inequality the theory says is tight (or nearly): an instance where lhs/rhs is at least `ratio`
   * (rhs/lhs for >=). Checked on every run, so a bound that silently got looser fails.
   */
  readonly tight?: { readonly at: T; readonly ratio: number };
  /** For a `holds` bound known to be loose: by how much, in words (shown in the claims catalogue). */
  readonly loose?: string;
  /**
   * How a violation is confirmed before it refutes (see src/conjecture/confirm.ts): `'perturb'` (default for exact
   * checks) re-evaluates with every non-integer input moved by a few ulps and requires the violation to exceed the
   * spread that rounding makes; `'replay'` only requires the same verdict on re-evaluation (Monte Carlo or
   * discontinuous checks); a function re-evaluates the instance at higher precision (e.g. mathjs BigNumber).
   */
  readonly confirm?: 'perturb' | 'replay' | ((instance: T) => Verdict);
  /**
   * Targeted search: a hand-written objective with its gradient, or `false` to switch off the default search
   * (finite-difference ascent of the check's own violation over the arbitrary's search space).
   */
  readonly search?: TargetedSearch<T> | false;
  /**
   * Loads what the check needs before the conjecture runs, e.g. TensorFlow.js (`prepare: loadTensorEngine`), so a
   * property file does not load it at import. Awaited once per process (`prepareConjecture`) before the time limit
   * starts; the CLI and `runSuite` await it, and `runConjecture` reports an error when it has not run.
   */
  readonly prepare?: () => Promise<unknown>;
}

/**
 * Targeted search (gradient ascent) for inequality conjectures over continuous inputs. The runner samples `pool`
 * instances from `given`, starts from the `starts` with the largest objective, runs `steps` Adam steps on θ, snaps the
 * best θ back into the generator's domain with `decode`, and hands it to fast-check as an example to shrink.
 */
export interface TargetedSearch<T> {
  /** Continuous parameters θ of an instance. */
  readonly encode: (instance: T) => number[];
  /** The instance at θ, in the generator's domain (so fast-check can shrink it); `start` is where the ascent began. */
  readonly decode: (theta: readonly number[], start: T) => T;
  /** What to maximise (larger = closer to a violation) and its gradient in θ: autodiff or analytic. */
  readonly objective: (theta: readonly number[], start: T) => { value: number; gradient: number[] };
  readonly pool?: number;
  readonly starts?: number;
  readonly steps?: number;
  readonly learningRate?: number;
}

/** An identity or inequality that must hold on every instance (kind 'exact', default) or a rate bound. */
export interface ExactSpec<T> extends Common<T> {
  readonly kind?: 'exact' | 'rate';
  readonly check: (instance: T) => Verdict;
}

/**
 * "Holds with probability >= 1 − δ": per instance, `trials` seeded Bernoulli trials; the instance fails
 * when the exact one-sided binomial test rejects "failure rate <= δ" at level α.
 */
export interface StatisticalSpec<T> extends Common<T> {
  readonly kind: 'statistical';
  /** One trial: true when the claim held on this draw. Randomness only from `rng`. */
  readonly trial: (instance: T, rng: Rng) => boolean;
  readonly trials: number;
  readonly delta: number;
  readonly alpha: number;
}

export type ConjectureSpec<T> = ExactSpec<T> | StatisticalSpec<T>;

/** A validated conjecture. */
export interface Conjecture<T = unknown> {
  readonly spec: ConjectureSpec<T>;
  readonly id: string;
  readonly kind: Kind;
  /** Evaluates one instance (statistical: runs the trials and the binomial test). */
  readonly evaluate: (instance: T) => Verdict;
  /** The file it was loaded from, when loaded by the registry. */
  file?: string;
}
