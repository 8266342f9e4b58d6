import {
  type ConjectureResult, DEFAULT_CORPUS_DIR, loadRegistry, parseShard, profileFor, readCorpus, runConjecture, runSuite,
  showNumber, type Verdict,
} from '../conjecture/index.js';
import { writeHtmlReport, writeReports } from '../report/index.js';
import { loadedTensorEngine } from '../tensor/engine.js';
import { formatMeasurement, measure, readEmbeddings, readPairs } from '../measure/index.js';
import { writeFileSync } from 'node:fs';

const HELP = `crl-verify — property-based verification of contrastive-learning theory

usage: crl-verify [run] [options]        run conjectures, write reports (default command)
       crl-verify list [--grep s]        list conjecture ids
       crl-verify replay <id> [--seed n --path p]
                                         re-run the stored (or given) counterexample of <id>
       crl-verify explain <id>           statement, source, provenance, last counterexample
       crl-verify measure --x X --y Y [--pairs pairs.json] [--tau 0.07,0.01] [--sigma 1] [--max-pairs 4096]
                         [--seed n] [--json file|-]
                                         gap metrics, losses, recall and the P14 bounds on embedding files
                                         (.npy float32/float64 C order, .json rows, .csv)

options: --profile quick|ci|thorough (default: ci when CI=true, else quick)
         --grep <substring | /regex/>    --seed <n>    --runs <n>    --time-limit <ms>
         --shard i/n                     --out <dir> (default reports)
         --properties <dir> (default properties)   --corpus <dir> (default ${DEFAULT_CORPUS_DIR})
         --no-corpus-write               do not store new counterexamples
         --no-targeted                   skip the targeted (gradient-ascent) search of conjectures that declare one`;

interface Args { cmd: string; pos: string[]; opt: Record<string, string | true> }

function parse(argv: string[]): Args {
  const pos: string[] = [], opt: Record<string, string | true> = {};
  const flags = new Set(['no-corpus-write', 'no-targeted', 'help']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h') { opt.help = true; continue; }
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (flags.has(k)) opt[k] = true;
      else if (v !== undefined) opt[k] = v;
      else if (i + 1 < argv.length) opt[k] = argv[++i]!;
      else throw new UsageError(`option --${k} needs a value`);
    } else pos.push(a);
  }
  const cmds = ['run', 'list', 'replay', 'explain', 'measure'];
  const cmd = pos.length && cmds.includes(pos[0]!) ? pos.shift()! : 'run';
  const known = new Set(cmd === 'measure' ? ['x', 'y', 'pairs', 'tau', 'sigma', 'max-pairs', 'seed', 'json', ...flags]
    : ['profile', 'grep', 'seed', 'runs', 'time-limit', 'shard', 'out', 'properties', 'corpus', 'path', ...flags]);
  for (const k of Object.keys(opt)) if (!known.has(k)) throw new UsageError(`unknown option --${k}`);
  return { cmd, pos, opt };
}

class UsageError extends Error {}

function int(opt: Record<string, string | true>, k: string): number | undefined {
  const v = opt[k];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new UsageError(`--${k} must be an integer, got '${String(v)}'`);
  return n;
}

const verdictLine = (v: Verdict): string => `lhs ${showNumber(v.lhs)} ${v.relation} rhs ${showNumber(v.rhs)} (margin ${showNumber(v.margin)})`;

function line(r: ConjectureResult): string {
  const mark = r.status === 'as-expected' ? 'ok ' : r.status === 'error' ? 'ERR' : 'BAD';
  let s = `${mark} ${r.id} — expected ${r.expect}, ${r.outcome} (${r.runs} runs, ${r.timing.ms} ms)`;
  if (r.counterexample && (r.status !== 'as-expected' || r.outcome === 'refuted')) s += `\n      counterexample: ${r.counterexample.shown}${r.counterexample.verdict ? `\n      ${verdictLine(r.counterexample.verdict)}` : ''}`;
  if (r.error) s += `\n      ${r.error}`;
  if (r.status !== 'as-expected') s += `\n      replay: crl-verify run --grep ${r.id} --seed ${r.seed}${r.path ? ` --path ${r.path}` : ''}   {seed: ${r.seed}, path: ${JSON.stringify(r.path ?? null)}}`;
  return s;
}

function numbers(v: string | true | undefined, k: string): number[] | undefined {
  if (v === undefined) return undefined;
  const xs = String(v).split(',').map(Number);
  if (xs.some((x) => !(Number.isFinite(x) && x > 0))) throw new UsageError(`--${k} must be positive numbers separated by commas, got '${String(v)}'`);
  return xs;
}

function measureCommand(o: Record<string, string | true>): number {
  if (typeof o.x !== 'string' || typeof o.y !== 'string') throw new UsageError('measure needs --x <file> and --y <file>');
  const x = readEmbeddings(o.x), y = readEmbeddings(o.y);
  const pairs = typeof o.pairs === 'string' ? readPairs(o.pairs, x.matrix.rows, y.matrix.rows) : undefined;
  const m = measure(x, y, { pairs, taus: numbers(o.tau, 'tau'), sigma: numbers(o.sigma, 'sigma')?.[0], maxPairs: int(o, 'max-pairs'), seed: int(o, 'seed') });
  if (o.json === '-') console.log(JSON.stringify(m, null, 2));
  else {
    console.log(formatMeasurement(m));
    if (typeof o.json === 'string') { writeFileSync(o.json, `${JSON.stringify(m, null, 2)}\n`); console.log(`\njson: ${o.json}`); }
  }
  return m.transportBounds.every((b) => b.holds) ? 0 : 1;
}

export async function main(argv: string[]): Promise<number> {
  let args: Args;
  try { args = parse(argv); } catch (e) { console.error(`crl-verify: ${(e as Error).message}\n\n${HELP}`); return 2; }
  if (args.opt.help) { console.log(HELP); return 0; }
  const o = args.opt;
  try {
    const propertiesDir = (o.properties as string | undefined) ?? 'properties';
    const corpusDir = (o.corpus as string | undefined) ?? DEFAULT_CORPUS_DIR;
    if (args.cmd === 'measure') return measureCommand(o);
    if (args.cmd === 'list') {
      const reg = await loadRegistry(propertiesDir);
      for (const c of reg.conjectures) if (!o.grep || c.id.includes(o.grep as string)) console.log(`${c.id}\t${c.spec.expect}\t${c.kind}\t${c.spec.source.provenance}\t${c.spec.title}`);
      for (const e of reg.errors) console.error(`load error: ${e.file}: ${e.message}`);
      return reg.errors.length ? 1 : 0;
    }
    if (args.cmd === 'replay' || args.cmd === 'explain') {
      const id = args.pos[0];
      if (!id) throw new UsageError(`${args.cmd} needs a conjecture id`);
      const reg = await loadRegistry(propertiesDir);
      const c = reg.conjectures.find((x) => x.id === id);
      if (!c) {
        const near = reg.conjectures.filter((x) => x.id.includes(id.split('.').pop() ?? id)).map((x) => x.id).slice(0, 5);
        console.error(`crl-verify: unknown conjecture id '${id}'${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; 'crl-verify list' shows every id`);
        return 2;
      }
      const stored = readCorpus(corpusDir, id);
      if (args.cmd === 'explain') {
        const s = c.spec;
        console.log(`${s.id}\n  ${s.title}\n  source: ${s.source.paper}, ${s.source.ref} [${s.source.provenance}]\n  expect: ${s.expect}; kind: ${c.kind}; file: ${c.file}`);
        if (s.bound) console.log(`  bound: ${s.bound}`);
        if (s.expectedCounterexample) console.log(`  expected minimal counterexample: ${s.expectedCounterexample}`);
        console.log(stored ? `  last counterexample (${corpusDir}): ${stored.entry.shown}  {seed: ${stored.entry.seed}, path: ${JSON.stringify(stored.entry.path ?? null)}}` : '  no stored counterexample');
        return 0;
      }
      if (o.seed !== undefined) {
        // with the corpus, as the run that printed {seed, path} had it (the vitest gate never writes the corpus)
        const r = runConjecture(c, { profile: profileFor(o.profile as string | undefined), seed: int(o, 'seed'), path: o.path as string | undefined, corpusDir });
        console.log(line(r));
        return r.status === 'as-expected' ? 0 : 1;
      }
      if (!stored) { console.error(`crl-verify: no stored counterexample for '${id}' in ${corpusDir}; run it first or pass --seed and --path`); return 2; }
      let v: Verdict;
      try { v = c.evaluate(stored.value as never); } catch (e) { console.log(`${id}: the stored counterexample makes the check throw: ${(e as Error).message}`); return 1; }
      console.log(`${id}: stored counterexample ${stored.entry.shown}\n  ${v.ok ? 'now HOLDS' : 'still FAILS'}: ${verdictLine(v)}`);
      return v.ok === (c.spec.expect === 'holds') ? 0 : 1;
    }
    // run
    const profile = profileFor(o.profile as string | undefined);
    const startedAt = new Date();
    const quiet = !process.stdout.isTTY || !!process.env.CI;
    const s = await runSuite({
      profile, propertiesDir, corpusDir, grep: o.grep as string | undefined, seed: int(o, 'seed'), runs: int(o, 'runs'),
      timeLimitMs: int(o, 'time-limit'), shard: o.shard ? parseShard(o.shard as string) : undefined, writeCorpus: !o['no-corpus-write'], targeted: !o['no-targeted'],
      onResult: (r, done, total) => { if (!quiet || r.status !== 'as-expected') console.log(`[${done}/${total}] ${line(r)}`); },
    });
    for (const e of s.loadErrors) console.error(`load error: ${e.file}: ${e.message}`);
    const engine = loadedTensorEngine();
    const backend = engine ? await engine.then((e) => `${e.backend}${e.fallbackReason ? ` (${e.fallbackReason})` : ''}`, (e: Error) => `failed to load: ${e.message}`) : undefined;
    const outDir = (o.out as string | undefined) ?? 'reports';
    const files = [...writeReports(s, outDir, startedAt, backend), await writeHtmlReport(s, outDir, backend)];
    console.log(`crl-verify ${s.profile}: ${s.results.length} conjectures, ${s.counts['as-expected']} as expected, ${s.counts.unexpected} unexpected, ${s.counts.error} errors, ${s.loadErrors.length} load errors (${s.timing.ms} ms)\nreports: ${files.join(', ')}`);
    return s.ok ? 0 : 1;
  } catch (e) {
    if (e instanceof UsageError) { console.error(`crl-verify: ${e.message}\n\n${HELP}`); return 2; }
    console.error(`crl-verify: ${(e as Error).message}`);
    return 1;
  }
}
