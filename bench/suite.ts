/*
 * Whole-suite and per-group benchmark.
 *   npx tsx bench/suite.ts                          every group, profiles ci and thorough
 *   npx tsx bench/suite.ts --group paper1 --profiles ci
 * Prints, per group (the first id segment: paper1, paper2, background, examples) and profile, the wall time
 * of running its conjectures the way `crl-verify run` does (corpus replayed, nothing written), and per
 * conjecture the evaluations per second of its check on generated instances (statistical: one evaluation =
 * all its trials). Goal (issue 5): the whole ci profile < 3 minutes on the 2-core CI machine.
 * Then the peer comparison (skip with --no-peer): three conjectures written for Python Hypothesis + numpy in
 * bench/peer/hypothesis_peer.py (Debian's python3-hypothesis, python3-numpy), run in the same process tree:
 * evaluations per second and time to a shrunk counterexample (fresh seed-derived run, no corpus).
 */
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import {
  type Conjecture,
  loadRegistry,
  PROFILES,
  prepareConjecture,
  type ProfileName,
  runConjecture,
  runSuite,
} from '../src/conjecture/index.js';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const profiles = (opt('profiles') ?? 'ci,thorough').split(',') as ProfileName[];
const group = opt('group');

const registry = await loadRegistry('properties');
for (const c of registry.conjectures) await prepareConjecture(c); // e.g. TensorFlow.js, as the CLI's workers do
const groups = [...new Set(registry.conjectures.map((c) => c.id.split('.')[0]!))].filter((g) => !group || g === group);

/** Evaluations per second of one conjecture's check over its own generated instances (>= 300 ms of work). */
function evalsPerSecond(c: Conjecture): number {
  const xs = fc.sample(c.spec.given, { numRuns: 64, seed: 1 });
  let n = 0;
  const t0 = performance.now();
  do {
    for (const x of xs) {
      try {
        c.evaluate(x);
      } catch {
        /* errors are the suite's business */
      }
      n++;
      if (performance.now() - t0 > 300) break;
    }
  } while (performance.now() - t0 < 300);
  return n / ((performance.now() - t0) / 1000);
}

const fmt = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
console.log(`crl-verify suite bench — node ${process.version}, ${groups.length} group(s): ${groups.join(', ')}\n`);
console.log('| group | profile | conjectures | as expected | wall |');
console.log('|---|---|---:|---:|---:|');
const total: Record<string, number> = {};
for (const g of groups)
  for (const p of profiles) {
    const r = await runSuite({ profile: PROFILES[p], grep: `/^${g}\\./`, writeCorpus: false });
    total[p] = (total[p] ?? 0) + r.timing.ms;
    console.log(`| ${g} | ${p} | ${r.results.length} | ${r.counts['as-expected']} | ${fmt(r.timing.ms)} |`);
  }
for (const p of profiles) console.log(`| **all** | ${p} | | | **${fmt(total[p]!)}** |`);

console.log('\n| conjecture | kind | evaluations/s |');
console.log('|---|---|---:|');
for (const c of registry.conjectures.filter((c) => groups.includes(c.id.split('.')[0]!))) {
  const eps = evalsPerSecond(c);
  console.log(`| ${c.id} | ${c.kind} | ${eps >= 100 ? Math.round(eps).toLocaleString('en-US') : eps.toFixed(1)} |`);
}

if (!args.includes('--no-peer')) {
  const ids = [
    'paper1.consistency.excess-risk-identity',
    'paper1.calibration.linear',
    'paper2.gibbs.uniform-minimises',
  ];
  let peer:
    | {
        peer: string;
        results: {
          id: string;
          outcome: string;
          evalsPerSecond: number;
          timeToShrunkSeconds?: number;
          counterexample?: string;
        }[];
      }
    | undefined;
  try {
    peer = JSON.parse(execFileSync('/usr/bin/python3', ['bench/peer/hypothesis_peer.py'], { encoding: 'utf8' }));
  } catch (e) {
    console.log(
      `\npeer comparison skipped: ${(e as Error).message.split('\n')[0]} (apt-get install python3-hypothesis python3-numpy)`,
    );
  }
  if (peer) {
    console.log(`\nPeer: ${peer.peer}; crl-verify: fast-check ${fc.__version} on node ${process.version}`);
    console.log(
      '| conjecture | evals/s crl-verify | evals/s Hypothesis | time to shrunk cx crl-verify | time to shrunk cx Hypothesis | crl-verify counterexample | Hypothesis counterexample |',
    );
    console.log('|---|---:|---:|---:|---:|---|---|');
    for (const id of ids) {
      const c = registry.conjectures.find((x) => x.id === id)!;
      const r = runConjecture(c, { profile: PROFILES.ci, useCorpus: false, targeted: false });
      const p = peer.results.find((x) => x.id === id)!;
      const t = (ms?: number) => (ms === undefined ? '—' : fmt(ms));
      console.log(
        `| ${id} | ${Math.round(evalsPerSecond(c)).toLocaleString('en-US')} | ${Math.round(p.evalsPerSecond).toLocaleString('en-US')} | ${r.outcome === 'refuted' ? t(r.timing.ms) : '—'} | ${t(p.timeToShrunkSeconds === undefined ? undefined : p.timeToShrunkSeconds * 1000)} | ${r.counterexample?.shown ?? '—'} | ${p.counterexample ?? '—'} |`,
      );
    }
  }
}
