import { readFileSync } from 'node:fs';

/** Shard i of n (1 <= i <= n), as `--shard i/n` gives it. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** The time assumed for a conjecture with no recorded time, when none has one. */
export const DEFAULT_TIMING_MS = 1_000;

/** Recorded milliseconds per conjecture id. */
export type Timings = ReadonlyMap<string, number>;

/**
 * The positions of `ids` in decreasing recorded time (ties by id), with each id's cost. Ids without a recorded time
 * count as the median of the recorded ones (DEFAULT_TIMING_MS when there are none). Deterministic.
 */
export function longestFirst(
  ids: readonly string[],
  timings: Timings = new Map(),
): { order: number[]; cost: number[] } {
  const known = ids
    .map((id) => timings.get(id))
    .filter((t): t is number => t !== undefined)
    .sort((a, b) => a - b);
  const fallback = known.length ? known[Math.floor((known.length - 1) / 2)]! : DEFAULT_TIMING_MS;
  const cost = ids.map((id) => timings.get(id) ?? fallback);
  const byId = (a: number, b: number): number => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0);
  const order = ids.map((_, i) => i).sort((a, b) => cost[b]! - cost[a]! || byId(a, b));
  return { order, cost };
}

/**
 * Splits `ids` into `count` shards by longest-processing-time-first (`longestFirst`): each id goes to the shard with
 * the least total so far (ties to the lowest shard). Deterministic: the same ids and timings give the same shards,
 * and every id is in exactly one. Returns the shard (0-based) of each id.
 */
export function assignShards(ids: readonly string[], count: number, timings: Timings = new Map()): Map<string, number> {
  const { order, cost } = longestFirst(ids, timings);
  const load = new Array<number>(count).fill(0);
  const shardOf = new Map<string, number>();
  for (const i of order) {
    let best = 0;
    for (let k = 1; k < count; k++) if (load[k]! < load[best]!) best = k;
    load[best]! += cost[i]!;
    shardOf.set(ids[i]!, best);
  }
  return shardOf;
}

/**
 * Recorded times from a report.json (`conjectures[].timing.ms`, as a run or `crl-verify merge` writes it) or a
 * timings file (`{"schema": "crl-verify/timings@1", "ms": {id: ms}}`, as `crl-verify merge` writes it).
 */
export function readTimings(file: string): Map<string, number> {
  const x = JSON.parse(readFileSync(file, 'utf8')) as {
    schema?: string;
    ms?: Record<string, unknown>;
    conjectures?: { id?: unknown; timing?: { ms?: unknown } }[];
  };
  const out = new Map<string, number>();
  const put = (id: unknown, ms: unknown): void => {
    if (typeof id === 'string' && typeof ms === 'number' && Number.isFinite(ms) && ms >= 0) out.set(id, ms);
  };
  if (x.schema === TIMINGS_SCHEMA && x.ms) for (const [id, ms] of Object.entries(x.ms)) put(id, ms);
  else if (Array.isArray(x.conjectures)) for (const c of x.conjectures) put(c.id, c.timing?.ms);
  else throw new Error(`${file} is neither a report.json nor a timings file (${TIMINGS_SCHEMA})`);
  return out;
}

export const TIMINGS_SCHEMA = 'crl-verify/timings@1';

/** The timings file of some results (ids sorted), to commit and pass with --timings. */
export function timingsFile(results: readonly { id: string; timing: { ms: number } }[]): string {
  const ms = Object.fromEntries(
    [...results].sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => [r.id, r.timing.ms] as const),
  );
  return `${JSON.stringify({ schema: TIMINGS_SCHEMA, ms }, null, 1)}\n`;
}
