import { runConjectures } from './pool.js';
import { profileFor } from './profiles.js';
import { type LoadError, loadRegistry, loadSelected } from './registry.js';
import { type ConjectureResult, passesGate, type RunOptions, type Status } from './runner.js';
import type { Shard, Timings } from './shard.js';
import type { Conjecture } from './types.js';

export interface SuiteOptions extends Omit<RunOptions, 'onProgress'> {
  readonly propertiesDir?: string;
  /** Selects conjectures by id or title: a substring or /regex/flags (see `matcher`). */
  readonly grep?: string;
  readonly shard?: Shard;
  /** Recorded times per conjecture (--timings): they balance the shards and order the workers' queue. */
  readonly timings?: Timings;
  /** Worker threads that run the conjectures, each under its time limit (default 0: in this thread). */
  readonly workers?: number;
  /** Called after each conjecture (progress output). */
  readonly onResult?: (r: ConjectureResult, done: number, total: number) => void;
  /** Called once with the selected conjectures, before any runs. */
  readonly onPlan?: (selected: readonly Conjecture[]) => void;
}

export interface SuiteResult {
  readonly profile: string;
  readonly results: ConjectureResult[];
  /** How many conjectures ended in each status. */
  readonly counts: Readonly<Record<Status, number>>;
  readonly loadErrors: LoadError[];
  /**
   * Union bound on the chance that some statistical `holds` conjecture fails although true:
   * Σ over them of α × instances checked (each instance's test has false-alarm rate <= α).
   */
  readonly falseAlarmBudget: number;
  readonly ok: boolean;
  /** The TensorFlow.js backend, when a check loaded it (reports name it). */
  readonly tensorBackend?: string;
  readonly timing: { readonly ms: number };
}

/** How many results ended in each status. */
export function countStatuses(results: readonly ConjectureResult[]): Record<Status, number> {
  const counts: Record<Status, number> = { 'as-expected': 0, unexpected: 0, inconclusive: 0, error: 0 };
  for (const r of results) counts[r.status]++;
  return counts;
}

/** Assembles a suite result (also used to merge shards). */
export function suiteResult(
  profile: string,
  results: ConjectureResult[],
  loadErrors: LoadError[],
  ms: number,
  tensorBackend?: string,
): SuiteResult {
  const falseAlarmBudget = results
    .filter((r) => r.statistical && r.expect === 'holds')
    .reduce((s, r) => s + r.statistical!.alpha * r.statistical!.instances, 0);
  return {
    profile,
    results,
    counts: countStatuses(results),
    loadErrors,
    falseAlarmBudget,
    ok: loadErrors.length === 0 && results.every((r) => passesGate(r.status)),
    tensorBackend,
    timing: { ms },
  };
}

/**
 * Loads, selects and runs conjectures; ok when every outcome passes the gate and every file loaded. A run with
 * --grep or --shard imports only the files that hold its conjectures (see `loadSelected`), and reports the load
 * errors of those it imported.
 */
export async function runSuite(opts: SuiteOptions = {}): Promise<SuiteResult> {
  const t0 = performance.now();
  const profile = profileFor(opts.profile);
  const { grep, shard, timings } = opts;
  const reg =
    grep !== undefined || shard !== undefined
      ? await loadSelected(opts.propertiesDir, { grep, shard, timings })
      : await loadRegistry(opts.propertiesDir);
  const selected = reg.conjectures;
  opts.onPlan?.(selected);
  let done = 0;
  const { onResult, onPlan: _plan, ...rest } = opts;
  const { results, tensorBackend } = await runConjectures(selected, {
    ...rest,
    profile,
    workers: opts.workers ?? 0,
    onResult: (r) => onResult?.(r, ++done, selected.length),
  });
  return suiteResult(profile.name, results, reg.errors, Math.round(performance.now() - t0), tensorBackend);
}
