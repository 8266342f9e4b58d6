/*
 * The command line. Only what parsing and the help text need is imported here: each command imports its own modules
 * when it runs (fast-check, mathjs, TensorFlow.js, Vega and the property files load only where they are used), so
 * `crl-verify --help` and `crl-verify list` start in a fraction of a second (bench/startup.ts).
 */
import type { ConjectureResult, Phase, Verdict } from '../conjecture/index.js';
import { DEFAULT_CORPUS_DIR } from '../conjecture/corpus.js';
import { asUsage, ensureWritableDir, intOption, seedOption } from './options.js';
import { UsageError } from './usage.js';

const HELP = `crl-verify — property-based verification of contrastive-learning theory

usage: crl-verify [run] [options]        run conjectures, write reports (default command)
       crl-verify list [--grep p]        list conjecture ids
       crl-verify replay <id> [--seed n --path p [--phase examples|corpus|targeted|generate]]
                                         re-check the stored counterexample of <id>, or replay the one a run printed
       crl-verify explain <id>           statement, source, provenance, last counterexample
       crl-verify merge [--out dir] <dir | report.json>...
                                         join the report.json of shards (--shard i/n) into one set of reports
       crl-verify audit [--seeds n] [--profile p] [--grep p] [--expect holds|refuted] [--out dir]
                                         run every conjecture over n seeds with the corpus off: the refutation rate
                                         of each (false alarms of 'holds', power of planted twins)
       crl-verify measure --x X --y Y [--pairs pairs.json] [--tau 0.07,0.01] [--sigma 1] [--max-pairs 4096]
                         [--seed n] [--json file|-]
                                         gap metrics, losses, recall and the P14 bounds on embedding files
                                         (.npy float32/float64 C order, .json rows, .csv)

options: --profile quick|ci|thorough (default: ci when CI=true, else quick)
         --grep <substring | /regex/flags>   matches ids and titles, the same in every command
         --seed <n>    --runs <n >= 1>    --time-limit <ms >= 1>    --workers <n >= 0> (default 2)
         --shard i/n   shard i of n, balanced by recorded times, longest first
         --timings <file>   report.json or timings.json with those times (default <properties>/timings.json);
                            they also order the workers' queue, longest first
         --out <dir> (default reports)    --properties <dir> (default properties)
         --corpus <dir> (default ${DEFAULT_CORPUS_DIR})
         --no-corpus-write               do not store new counterexamples
         --no-targeted                   skip the targeted search`;

interface Args {
  cmd: string;
  pos: string[];
  opt: Record<string, string | true>;
}

const COMMANDS = ['run', 'list', 'replay', 'explain', 'measure', 'audit', 'merge'];
const FLAGS = new Set(['no-corpus-write', 'no-targeted', 'help']);
const RUN_OPTIONS = [
  'profile',
  'grep',
  'seed',
  'runs',
  'time-limit',
  'shard',
  'out',
  'properties',
  'corpus',
  'workers',
  'timings',
];
const KNOWN: Record<string, readonly string[]> = {
  run: RUN_OPTIONS,
  list: ['grep', 'properties'],
  replay: ['profile', 'seed', 'path', 'phase', 'properties', 'corpus', 'time-limit'],
  explain: ['properties', 'corpus'],
  measure: ['x', 'y', 'pairs', 'tau', 'sigma', 'max-pairs', 'seed', 'json'],
  audit: ['profile', 'grep', 'expect', 'seeds', 'runs', 'time-limit', 'out', 'properties', 'workers'],
  merge: ['out'],
};
const POSITIONALS: Record<string, number> = {
  run: 0,
  list: 0,
  replay: 1,
  explain: 1,
  measure: 0,
  audit: 0,
  merge: Infinity,
};

function parse(argv: string[]): Args {
  const pos: string[] = [];
  const opt: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h') {
      opt.help = true;
    } else if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (FLAGS.has(k)) opt[k] = true;
      else if (v !== undefined) opt[k] = v;
      else if (i + 1 < argv.length) opt[k] = argv[++i]!;
      else throw new UsageError(`option --${k} needs a value`);
    } else {
      pos.push(a);
    }
  }
  if (opt.help) return { cmd: 'help', pos, opt };
  const first = pos[0];
  if (first !== undefined && !COMMANDS.includes(first)) {
    throw new UsageError(`unknown command '${first}' (commands: ${COMMANDS.join(', ')})`);
  }
  const cmd = pos.length ? pos.shift()! : 'run';
  if (pos.length > POSITIONALS[cmd]!) throw new UsageError(`${cmd}: unexpected argument '${pos[POSITIONALS[cmd]!]}'`);
  const known = new Set([...KNOWN[cmd]!, ...FLAGS]);
  for (const k of Object.keys(opt)) if (!known.has(k)) throw new UsageError(`${cmd}: unknown option --${k}`);
  return { cmd, pos, opt };
}

function numbers(v: string | true | undefined, k: string): number[] | undefined {
  if (v === undefined) return undefined;
  const xs = String(v).split(',').map(Number);
  if (xs.some((x) => !(Number.isFinite(x) && x > 0)))
    throw new UsageError(`--${k} must be positive numbers separated by commas, got '${String(v)}'`);
  return xs;
}

/** One line per result (with its counterexample); `verdictLine` comes from src/report/summary.ts, loaded by the caller. */
function resultLine(r: ConjectureResult, done: number, total: number, verdictLine: (v: Verdict) => string): string {
  const mark = { 'as-expected': 'ok ', inconclusive: '?  ', error: 'ERR', unexpected: 'BAD' }[r.status];
  let s = `[${done}/${total}] ${mark} ${r.id} — expected ${r.expect}, ${r.outcome} (${r.coverage.instances} instances, ${r.timing.ms} ms)`;
  if (r.counterexample && (r.status !== 'as-expected' || r.outcome === 'refuted')) {
    s += `\n      counterexample: ${r.counterexample.shown}`;
    if (r.counterexample.verdict) s += `\n      ${verdictLine(r.counterexample.verdict)}`;
  }
  if (r.error) s += `\n      ${r.error}`;
  for (const w of r.warnings) s += `\n      warning: ${w}`;
  return s;
}

async function measureCommand(o: Record<string, string | true>): Promise<number> {
  const { formatMeasurement, measure, readEmbeddings, readPairs } = await import('../measure/index.js');
  const { writeFileSync } = await import('node:fs');
  if (typeof o.x !== 'string' || typeof o.y !== 'string')
    throw new UsageError('measure needs --x <file> and --y <file>');
  const x = readEmbeddings(o.x);
  const y = readEmbeddings(o.y);
  const pairs = typeof o.pairs === 'string' ? readPairs(o.pairs, x.matrix.rows, y.matrix.rows) : undefined;
  const m = measure(x, y, {
    pairs,
    taus: numbers(o.tau, 'tau'),
    sigma: numbers(o.sigma, 'sigma')?.[0],
    maxPairs: intOption(o, 'max-pairs', 1),
    seed: seedOption(o),
  });
  if (o.json === '-') {
    console.log(JSON.stringify(m, null, 2));
  } else {
    console.log(formatMeasurement(m));
    if (typeof o.json === 'string') {
      writeFileSync(o.json, `${JSON.stringify(m, null, 2)}\n`);
      console.log(`\njson: ${o.json}`);
    }
  }
  return m.transportBounds.every((b) => b.holds) ? 0 : 1;
}

/** `list`: from the manifest of ids per file, importing only the property files that changed. */
async function listCommand(o: Record<string, string | true>, propertiesDir: string): Promise<number> {
  const { listConjectures, selectConjectures } = await import('../conjecture/registry.js');
  const reg = await listConjectures(propertiesDir);
  for (const c of selectConjectures(reg.conjectures, o.grep as string | undefined)) {
    console.log(`${c.id}\t${c.spec.expect}\t${c.kind}\t${c.spec.source.provenance}\t${c.spec.title}`);
  }
  for (const e of reg.errors) console.error(`load error: ${e.file}: ${e.message}`);
  return reg.errors.length ? 1 : 0;
}

async function replayOrExplain(args: Args, propertiesDir: string, corpusDir: string): Promise<number> {
  const o = args.opt;
  const id = args.pos[0];
  if (!id) throw new UsageError(`${args.cmd} needs a conjecture id`);
  const { listConjectures, loadSelected, prepareConjecture, profileFor, readCorpus, runConjecture } = await import(
    '../conjecture/index.js'
  );
  const { verdictLine } = await import('../report/summary.js');
  // only the file that holds the id is imported (the manifest says which)
  const exactly = `/^${id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$/`;
  const c = (await loadSelected(propertiesDir, { grep: exactly })).conjectures.find((x) => x.id === id);
  if (!c) {
    const last = id.split('.').pop() ?? id;
    const near = (await listConjectures(propertiesDir)).conjectures
      .filter((x) => x.id.includes(last))
      .map((x) => x.id)
      .slice(0, 5);
    const hint = near.length ? ` (did you mean ${near.join(', ')}?)` : '';
    console.error(`crl-verify: unknown conjecture id '${id}'${hint}; 'crl-verify list' shows every id`);
    return 2;
  }
  const stored = readCorpus(corpusDir, id);
  if (args.cmd === 'explain') {
    const s = c.spec;
    console.log(`${s.id}\n  ${s.title}\n  source: ${s.source.paper}, ${s.source.ref} [${s.source.provenance}]`);
    console.log(`  expect: ${s.expect}; kind: ${c.kind}; file: ${c.file}`);
    if (s.bound) console.log(`  bound: ${s.bound}`);
    if (s.expectedCounterexample) console.log(`  expected minimal counterexample: ${s.expectedCounterexample}`);
    const last = stored
      ? `${stored.entry.shown}  {seed: ${stored.entry.seed}, path: ${JSON.stringify(stored.entry.path ?? null)}}`
      : undefined;
    console.log(last ? `  last counterexample (${corpusDir}): ${last}` : '  no stored counterexample');
    return 0;
  }
  await prepareConjecture(c); // what the check needs (e.g. TensorFlow.js), not needed to explain it
  if (o.seed !== undefined || o.path !== undefined) {
    if (o.seed === undefined || o.path === undefined)
      throw new UsageError('replay needs both --seed and --path (as a run printed them)');
    const phase = (o.phase ?? 'generate') as Phase;
    if (!['examples', 'corpus', 'targeted', 'generate'].includes(phase)) {
      throw new UsageError(`--phase must be examples, corpus, targeted or generate, got '${String(o.phase)}'`);
    }
    const r = runConjecture(c, {
      profile: asUsage(() => profileFor(o.profile as string | undefined)),
      seed: seedOption(o),
      path: String(o.path),
      phase,
      corpusDir,
      timeLimitMs: intOption(o, 'time-limit', 1),
    });
    console.log(resultLine(r, 1, 1, verdictLine));
    return r.status === 'as-expected' ? 0 : 1;
  }
  if (!stored) {
    console.error(
      `crl-verify: no stored counterexample for '${id}' in ${corpusDir}; run it first or pass --seed and --path`,
    );
    return 2;
  }
  let v: ReturnType<typeof c.evaluate>;
  try {
    v = c.evaluate(stored.value as never);
  } catch (e) {
    console.log(`${id}: the stored counterexample makes the check throw: ${(e as Error).message}`);
    return 1;
  }
  console.log(
    `${id}: stored counterexample ${stored.entry.shown}\n  ${v.ok ? 'now HOLDS' : 'still FAILS'}: ${verdictLine(v)}`,
  );
  return v.ok === (c.spec.expect === 'holds') ? 0 : 1;
}

/**
 * The recorded times that balance --shard and order the workers' queue (longest first): --timings, else
 * <properties>/timings.json when there is one.
 */
async function timingsFor(o: Record<string, string | true>, propertiesDir: string, sharded: boolean) {
  const { existsSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { readTimings } = await import('../conjecture/shard.js');
  const given = typeof o.timings === 'string';
  const file = given ? (o.timings as string) : join(propertiesDir, 'timings.json');
  if (!given && !existsSync(file)) return undefined;
  if (!existsSync(file)) throw new UsageError(`--timings ${file}: no such file`);
  try {
    return readTimings(file);
  } catch (e) {
    const why = `${file} is not a timings file or report.json (${(e as Error).message})`;
    // the default file only orders an unsharded run's queue: a broken one must not stop the run
    if (!given && !sharded) {
      console.error(`crl-verify: warning: ${why}; running in registry order`);
      return undefined;
    }
    throw new UsageError(`--timings: ${why}`);
  }
}

async function runCommand(o: Record<string, string | true>, propertiesDir: string, corpusDir: string): Promise<number> {
  const { loadSelected, parseShard, profileFor, runSuite } = await import('../conjecture/index.js');
  const profile = asUsage(() => profileFor(o.profile as string | undefined));
  const outDir = (o.out as string | undefined) ?? 'reports';
  const grep = o.grep as string | undefined;
  const shard = o.shard ? asUsage(() => parseShard(o.shard as string)) : undefined;
  const timings = await timingsFor(o, propertiesDir, shard !== undefined);
  const options = {
    seed: seedOption(o),
    runs: intOption(o, 'runs', 1),
    timeLimitMs: intOption(o, 'time-limit', 1),
    workers: intOption(o, 'workers', 0) ?? 2,
  };
  if (grep !== undefined || shard !== undefined) {
    const reg = await loadSelected(propertiesDir, { grep, shard, timings });
    if (reg.conjectures.length === 0 && reg.errors.length === 0) {
      const what = grep !== undefined ? `--grep '${grep}'` : `--shard ${String(o.shard)}`;
      console.error(
        `crl-verify: no conjecture matches ${what}; 'crl-verify list' shows every id (${outDir}/ left as it was)`,
      );
      return 2;
    }
  }
  ensureWritableDir(outDir, 'the report directory');
  const { asReported, summaryText, verdictLine, writeHtmlReport, writeReports } = await import('../report/index.js');
  const { groupProgress } = await import('./progress.js');
  const startedAt = new Date();
  const tty = process.stdout.isTTY && !process.env.CI;
  const progress = groupProgress(process.stderr);
  const s = await runSuite({
    profile,
    propertiesDir,
    corpusDir,
    grep,
    shard,
    timings,
    ...options,
    writeCorpus: !o['no-corpus-write'],
    targeted: !o['no-targeted'],
    onResult: (r, done, total) => {
      if (tty) console.log(resultLine(r, done, total, verdictLine));
      progress.onResult(r);
    },
    onPlan: (selected) => progress.plan(selected),
  });
  // every report is written from what report.json holds (see asReported), as `merge` writes them
  const reported = asReported(s);
  const files = [
    ...writeReports(reported, outDir, startedAt, s.tensorBackend),
    await writeHtmlReport(reported, outDir, s.tensorBackend),
  ];
  console.log(`${summaryText(reported)}\n\n(${s.timing.ms} ms)\nreports: ${files.join(', ')}`);
  return s.ok ? 0 : 1;
}

export async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parse(argv);
  } catch (e) {
    console.error(`crl-verify: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (args.cmd === 'help') {
    console.log(HELP);
    return 0;
  }
  const o = args.opt;
  try {
    const propertiesDir = (o.properties as string | undefined) ?? 'properties';
    const corpusDir = (o.corpus as string | undefined) ?? DEFAULT_CORPUS_DIR;
    if (args.cmd === 'measure') return await measureCommand(o);
    if (args.cmd === 'merge') return await (await import('./merge.js')).mergeCommand(args.pos, o);
    if (args.cmd === 'list') return await listCommand(o, propertiesDir);
    if (args.cmd === 'replay' || args.cmd === 'explain') return await replayOrExplain(args, propertiesDir, corpusDir);
    if (args.cmd === 'audit') return await (await import('./audit.js')).auditCommand(o, propertiesDir);
    return await runCommand(o, propertiesDir, corpusDir);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`crl-verify: ${e.message}\n\n${HELP}`);
      return 2;
    }
    console.error(`crl-verify: ${(e as Error).message}`);
    return 1;
  }
}
