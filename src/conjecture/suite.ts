import { type LoadError, loadRegistry, selectConjectures } from './registry.js';
import { type ConjectureResult, runConjecture, type RunOptions } from './runner.js';
import { profileFor } from './profiles.js';

export interface SuiteOptions extends RunOptions {
  readonly propertiesDir?: string;
  readonly grep?: string;
  readonly shard?: { index: number; count: number };
  /** Called after each conjecture (progress output). */
  readonly onResult?: (r: ConjectureResult, done: number, total: number) => void;
}

export interface SuiteResult {
  readonly profile: string;
  readonly results: ConjectureResult[];
  /** How many conjectures ended in each status. */
  readonly counts: Readonly<Record<ConjectureResult['status'], number>>;
  readonly loadErrors: LoadError[];
  /**
   * Union bound on the chance that some statistical `holds` conjecture fails although true:
   * Σ over them of α × instances checked (each instance's test has false-alarm rate <= α).
   */
  readonly falseAlarmBudget: number;
  readonly ok: boolean;
  readonly timing: { readonly ms: number };
}

/** Loads, selects and runs conjectures; ok when every outcome is as expected and every file loaded. */
export async function runSuite(opts: SuiteOptions = {}): Promise<SuiteResult> {
  const t0 = performance.now();
  const profile = profileFor(opts.profile);
  const reg = await loadRegistry(opts.propertiesDir);
  const selected = selectConjectures(reg.conjectures, opts.grep, opts.shard);
  const results: ConjectureResult[] = [];
  for (const c of selected) {
    let r: ConjectureResult;
    try {
      r = runConjecture(c, { ...opts, profile });
    } catch (e) {
      r = { id: c.id, title: c.spec.title, source: c.spec.source, expect: c.spec.expect, kind: c.kind, file: c.file, outcome: 'error', status: 'error', profile: profile.name, seed: opts.seed ?? 0, runs: 0, shrinks: 0, replayedFromCorpus: false, error: (e as Error).message, timing: { ms: 0 } };
    }
    results.push(r);
    opts.onResult?.(r, results.length, selected.length);
  }
  const falseAlarmBudget = results.filter((r) => r.statistical && r.expect === 'holds').reduce((s, r) => s + r.statistical!.alpha * r.statistical!.instances, 0);
  const counts = { 'as-expected': 0, unexpected: 0, error: 0 };
  for (const r of results) counts[r.status]++;
  return {
    profile: profile.name, results, counts, loadErrors: reg.errors, falseAlarmBudget,
    ok: reg.errors.length === 0 && results.every((r) => r.status === 'as-expected'),
    timing: { ms: Math.round(performance.now() - t0) },
  };
}
