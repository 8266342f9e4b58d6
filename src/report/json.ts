import type { ConjectureResult, SuiteResult } from '../conjecture/index.js';
import { type Summary, summaryOf } from './summary.js';

/**
 * report.json, schema version 1 (documented in docs/report-schema.md). Everything outside `timing`
 * objects is a deterministic function of the code, the profile and the seeds: the same command twice
 * gives byte-identical files once `timing` is removed.
 */
export interface JsonReport {
  readonly schema: 'crl-verify/report@1';
  readonly profile: string;
  readonly engine: { readonly float64: string; readonly tensor?: string };
  readonly summary: {
    readonly total: number;
    readonly asExpected: number;
    readonly unexpected: number;
    readonly inconclusive: number;
    readonly errors: number;
    readonly loadErrors: number;
    readonly falseAlarmBudget: number;
    readonly ok: boolean;
    readonly headline: string;
    readonly sections: Summary['sections'];
  };
  readonly loadErrors: SuiteResult['loadErrors'];
  readonly conjectures: readonly Omit<ConjectureResult, never>[];
  readonly timing: { readonly ms: number; readonly startedAt: string };
}

export function jsonReport(s: SuiteResult, startedAt: Date, tensorBackend?: string): JsonReport {
  return {
    schema: 'crl-verify/report@1',
    profile: s.profile,
    engine: { float64: 'TypeScript + WASM SIMD (float64)', ...(tensorBackend ? { tensor: tensorBackend } : {}) },
    summary: {
      total: s.results.length,
      asExpected: s.counts['as-expected'],
      unexpected: s.counts.unexpected,
      inconclusive: s.counts.inconclusive,
      errors: s.counts.error,
      loadErrors: s.loadErrors.length,
      falseAlarmBudget: s.falseAlarmBudget,
      ok: s.ok,
      headline: summaryOf(s).headline,
      sections: summaryOf(s).sections,
    },
    loadErrors: s.loadErrors,
    conjectures: s.results,
    timing: { ms: s.timing.ms, startedAt: startedAt.toISOString() },
  };
}

/**
 * The suite as report.json carries it: the numbers JSON cannot hold become what JSON.parse gives back (−0 → 0,
 * ±∞ and NaN → null). The CLI writes every report from this form, so that `crl-verify merge`, which reads the shards'
 * report.json, writes the same files as one unsharded run.
 */
export function asReported(s: SuiteResult): SuiteResult {
  const parsed = JSON.parse(JSON.stringify({ results: s.results, loadErrors: s.loadErrors })) as Pick<
    SuiteResult,
    'results' | 'loadErrors'
  >;
  return { ...s, ...parsed };
}

/** The report without its timing fields (for comparing runs). */
export function withoutTiming(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(withoutTiming);
  if (typeof x === 'object' && x !== null)
    return Object.fromEntries(
      Object.entries(x)
        .filter(([k]) => k !== 'timing')
        .map(([k, v]) => [k, withoutTiming(v)]),
    );
  return x;
}
