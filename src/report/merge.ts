import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ConjectureResult, LoadError, SuiteResult } from '../conjecture/index.js';
import { suiteResult } from '../conjecture/suite.js';
import type { JsonReport } from './json.js';

/** A shard's report.json, read back, with the path it came from (for messages). */
export interface ShardReport {
  readonly path: string;
  readonly report: JsonReport;
}

/** The merged shards: a suite result to write as a run writes it, with the earliest start and the tensor backend. */
export interface MergedReport {
  readonly suite: SuiteResult;
  readonly startedAt: Date;
  readonly tensorBackend?: string;
}

/** Reads `path` (a report.json, or a directory holding one); throws a message naming the path when it cannot. */
export function readShardReport(path: string): ShardReport {
  if (!existsSync(path)) throw new Error(`merge: ${path}: no such file or directory`);
  const file = statSync(path).isDirectory() ? join(path, 'report.json') : path;
  if (!existsSync(file)) throw new Error(`merge: ${path} has no report.json`);
  let report: Partial<JsonReport>;
  try {
    report = JSON.parse(readFileSync(file, 'utf8')) as Partial<JsonReport>;
  } catch (e) {
    throw new Error(`merge: ${file} is not JSON (${(e as Error).message})`);
  }
  const ok =
    typeof report === 'object' &&
    report !== null &&
    report.schema === 'crl-verify/report@1' &&
    typeof report.profile === 'string' &&
    Array.isArray(report.conjectures) &&
    Array.isArray(report.loadErrors);
  if (!ok) throw new Error(`merge: ${file} is not a crl-verify report (schema crl-verify/report@1)`);
  return { path: file, report: report as JsonReport };
}

/**
 * Joins the reports of shards into one suite result, as one run over all their conjectures would give it (timing
 * aside): results sorted by id, load errors once each, the suite's figures recomputed by `suiteResult`. Refuses
 * reports of different profiles and a conjecture present in two reports (a shard given twice, or overlapping runs).
 * Its time is the sum of the shards' times.
 */
export function mergeReports(shards: readonly ShardReport[]): MergedReport {
  if (shards.length === 0) throw new Error('merge: give the report.json (or its directory) of each shard');
  const profile = shards[0]!.report.profile;
  const other = shards.find((s) => s.report.profile !== profile);
  if (other) {
    throw new Error(
      `merge: the reports come from different profiles: ${profile} (${shards[0]!.path}) and ` +
        `${other.report.profile} (${other.path})`,
    );
  }
  const from = new Map<string, string>();
  const results: ConjectureResult[] = [];
  const loadErrors: LoadError[] = [];
  const seenErrors = new Set<string>();
  for (const { path, report } of shards) {
    for (const r of report.conjectures) {
      const prev = from.get(r.id);
      if (prev !== undefined) throw new Error(`merge: conjecture '${r.id}' is in both ${prev} and ${path}`);
      from.set(r.id, path);
      results.push(r as ConjectureResult);
    }
    for (const e of report.loadErrors) {
      const key = `${e.file}\0${e.message}`;
      if (!seenErrors.has(key)) loadErrors.push(e);
      seenErrors.add(key);
    }
  }
  results.sort((a, b) => (a.id < b.id ? -1 : 1));
  const ms = shards.reduce((t, s) => t + (s.report.timing?.ms ?? 0), 0);
  const started = shards.map((s) => Date.parse(s.report.timing?.startedAt ?? '')).filter(Number.isFinite);
  const tensorBackend = shards.map((s) => s.report.engine?.tensor).find((t) => t !== undefined);
  return {
    suite: suiteResult(profile, results, loadErrors, ms, tensorBackend),
    startedAt: new Date(started.length ? Math.min(...started) : Date.now()),
    tensorBackend,
  };
}
