import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ConjectureResult,
  loadRegistry,
  loadSelected,
  profileFor,
  type RunTask,
  runTasks,
  selectConjectures,
} from '../conjecture/index.js';
import { seedFromString } from '../numeric/index.js';
import { asUsage, ensureWritableDir, intOption } from './options.js';
import { UsageError } from './usage.js';
import { groupOf } from './progress.js';

/** Power a planted twin must show: refuted in at least this share of seeds. */
export const REQUIRED_POWER = 0.95;

/** One conjecture's refutation rate over the audit's seeds. */
export interface AuditRow {
  readonly id: string;
  readonly expect: 'holds' | 'refuted';
  readonly seeds: number;
  readonly refuted: number;
  readonly inconclusive: number;
  /** vacuous, timeout or error. */
  readonly errors: number;
  readonly rate: number;
  /** 'false alarm' (a holds refuted), 'weak' (a twin below REQUIRED_POWER), 'error', or 'ok'. */
  readonly verdict: 'ok' | 'false alarm' | 'weak' | 'error';
  /** A seed of each kind of bad run, for replay. */
  readonly example?: string;
  readonly ms: number;
}

/** The audit's seed k of a conjecture (fixed, so an audit is reproducible). */
export const auditSeed = (profile: string, k: number, id: string): number =>
  seedFromString(`audit:${profile}:${k}:${id}`);

/** Aggregates one conjecture's runs. */
export function auditRow(runs: readonly ConjectureResult[]): AuditRow {
  const first = runs[0]!;
  const refuted = runs.filter((r) => r.outcome === 'refuted').length;
  const inconclusive = runs.filter((r) => r.outcome === 'inconclusive').length;
  const failed = runs.filter((r) => r.status === 'error');
  const rate = refuted / runs.length;
  let verdict: AuditRow['verdict'] = 'ok';
  let bad: ConjectureResult | undefined;
  if (failed.length) {
    verdict = 'error';
    bad = failed[0];
  } else if (first.expect === 'holds' && refuted > 0) {
    verdict = 'false alarm';
    bad = runs.find((r) => r.outcome === 'refuted');
  } else if (first.expect === 'refuted' && rate < REQUIRED_POWER) {
    verdict = 'weak';
    bad = runs.find((r) => r.outcome !== 'refuted');
  }
  const example = bad && `seed ${bad.seed}: ${bad.outcome}${bad.error ? ` (${bad.error})` : ''}`;
  return {
    id: first.id,
    expect: first.expect,
    seeds: runs.length,
    refuted,
    inconclusive,
    errors: failed.length,
    rate,
    verdict,
    example,
    ms: runs.reduce((s, r) => s + r.timing.ms, 0),
  };
}

/** The audit table as Markdown (the README quotes it). */
export function auditMarkdown(rows: readonly AuditRow[], profile: string, seeds: number): string {
  const holds = rows.filter((r) => r.expect === 'holds');
  const twins = rows.filter((r) => r.expect === 'refuted');
  const alarms = holds.reduce((s, r) => s + r.refuted, 0);
  const weakest = twins.reduce((m, r) => Math.min(m, r.rate), 1);
  const lines = [
    `# crl-verify audit (${profile} profile, ${seeds} seeds, corpus off)`,
    '',
    `- \`holds\` conjectures: ${holds.length}; refutations (false alarms): ${alarms} in ${holds.length * seeds} runs.`,
    `- planted twins: ${twins.length}; weakest power: ${(100 * weakest).toFixed(1)}% (required ${100 * REQUIRED_POWER}%).`,
    `- errors (vacuous, timeout, error): ${rows.reduce((s, r) => s + r.errors, 0)}; inconclusive runs: ${rows.reduce((s, r) => s + r.inconclusive, 0)}.`,
    '',
    '| id | expect | refuted | rate | inconclusive | errors | verdict | s |',
    '|---|---|---:|---:|---:|---:|---|---:|',
  ];
  for (const r of rows) {
    const cells = [
      `\`${r.id}\``,
      r.expect,
      `${r.refuted}/${r.seeds}`,
      `${(100 * r.rate).toFixed(1)}%`,
      r.inconclusive,
      r.errors,
      r.verdict + (r.example ? ` (${r.example.replace(/\|/g, '\\|')})` : ''),
      (r.ms / 1000).toFixed(1),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `crl-verify audit`: every selected conjecture over `--seeds` fixed seeds with the corpus off and nothing written
 * to it, in worker threads. Exit 0 only when no `holds` conjecture was refuted, every planted twin was refuted in at
 * least 95% of the seeds, and no run ended in an error.
 */
export async function auditCommand(o: Record<string, string | true>, propertiesDir: string): Promise<number> {
  const profile = asUsage(() => profileFor(o.profile as string | undefined));
  const seeds = intOption(o, 'seeds', 1) ?? 20;
  const outDir = (o.out as string | undefined) ?? 'reports';
  ensureWritableDir(outDir, 'the report directory');
  const grep = o.grep as string | undefined;
  // with --grep, only the files that hold the matching conjectures are imported
  const reg = grep === undefined ? await loadRegistry(propertiesDir) : await loadSelected(propertiesDir, { grep });
  for (const e of reg.errors) console.error(`load error: ${e.file}: ${e.message}`);
  const expect = o.expect as string | undefined;
  if (expect !== undefined && expect !== 'holds' && expect !== 'refuted')
    throw new UsageError(`--expect must be holds or refuted, got '${expect}'`);
  const selected = selectConjectures(reg.conjectures, o.grep as string | undefined).filter(
    (c) => expect === undefined || c.spec.expect === expect,
  );
  if (selected.length === 0) {
    console.error(`crl-verify: no conjecture matches --grep '${String(o.grep)}'; 'crl-verify list' shows every id`);
    return 2;
  }
  const tasks: RunTask[] = selected.flatMap((c) =>
    Array.from({ length: seeds }, (_, k) => ({ conjecture: c, seed: auditSeed(profile.name, k, c.id) })),
  );
  const byId = new Map<string, ConjectureResult[]>();
  const t0 = performance.now();
  let done = 0;
  const { results } = await runTasks(tasks, {
    profile,
    useCorpus: false,
    writeCorpus: false,
    runs: intOption(o, 'runs', 1),
    timeLimitMs: intOption(o, 'time-limit', 1),
    workers: intOption(o, 'workers', 0) ?? 2,
    onResult: (r) => {
      byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
      if (byId.get(r.id)!.length === seeds) {
        const row = auditRow(byId.get(r.id)!);
        done++;
        process.stderr.write(
          `[${done}/${selected.length}] ${groupOf(r.id)} ${row.id}: ${row.refuted}/${seeds} refuted — ${row.verdict}\n`,
        );
      }
    },
  });
  const rows = selected.map((c) => auditRow(results.filter((r) => r.id === c.id)));
  const md = auditMarkdown(rows, profile.name, seeds);
  writeFileSync(join(outDir, 'audit.md'), md);
  writeFileSync(
    join(outDir, 'audit.json'),
    `${JSON.stringify({ profile: profile.name, seeds, rows, timing: { ms: Math.round(performance.now() - t0) } }, null, 2)}\n`,
  );
  console.log(md);
  console.log(
    `audit: ${join(outDir, 'audit.md')}, ${join(outDir, 'audit.json')} (${Math.round((performance.now() - t0) / 1000)} s)`,
  );
  return rows.every((r) => r.verdict === 'ok') && reg.errors.length === 0 ? 0 : 1;
}
