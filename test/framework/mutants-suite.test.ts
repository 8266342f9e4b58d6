/*
 * Source: issue 15 item 4 (StrykerJS on src/conjecture/suite.ts), and issue 13 §1 (a --grep or --shard run imports
 * only the files that hold its conjectures and reports the load errors of those it imported).
 * Expected: counts per status; the false-alarm budget is Σ α × instances over the statistical `holds` results only;
 * a suite is ok when every file loaded and every status passes the gate; runSuite selects by grep or shard through
 * the manifest (an unselected file that fails is not reported) and loads everything otherwise (it is), runs in this
 * thread unless told otherwise, announces its plan before the first result, numbers the results 1..n of n, and
 * reports the profile's name and its wall time in whole milliseconds.
 */
import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { removedAfterAll } from '../helpers/cleanup.js';
import {
  type ConjectureResult,
  type Conjecture,
  countStatuses,
  defineConjecture,
  failedRun,
  holds,
  listConjectures,
  PROFILES,
  runSuite,
  type Status,
  suiteResult,
} from '../../src/conjecture/index.js';
import { propDir } from '../cli/props.js';
import fc from 'fast-check';

const removeLater = removedAfterAll();

const c = defineConjecture({
  id: 't.suite.any',
  title: 'any',
  source: { paper: 'none', ref: 'test', provenance: 'background' },
  expect: 'holds',
  given: fc.constant(0),
  check: () => holds(true),
}) as unknown as Conjecture;

/** A result with this status, expectation and statistical part (the fields suiteResult reads). */
function result(
  status: Status,
  expect: 'holds' | 'refuted' = 'holds',
  alpha?: number,
  instances = 0,
): ConjectureResult {
  const base = failedRun(c, 'ci', 0, 'error', 'x', 0);
  const statistical =
    alpha === undefined ? undefined : { trials: 10, delta: 0.1, alpha, instances, maxObservedRate: 0 };
  return { ...base, status, expect, statistical } as unknown as ConjectureResult;
}

describe('countStatuses and suiteResult', () => {
  it('counts every status, zero for those that did not occur', () => {
    const rs = ['as-expected', 'error', 'as-expected', 'inconclusive'].map((s) => result(s as Status));
    expect(countStatuses(rs)).toEqual({ 'as-expected': 2, unexpected: 0, inconclusive: 1, error: 1 });
    expect(countStatuses([])).toEqual({ 'as-expected': 0, unexpected: 0, inconclusive: 0, error: 0 });
  });
  it('the false-alarm budget: α × instances summed over the statistical holds results, nothing else', () => {
    const rs = [
      result('as-expected', 'holds', 1e-3, 20),
      result('as-expected', 'holds', 0.25, 4),
      result('as-expected', 'refuted', 0.5, 100),
      result('as-expected', 'holds'),
    ];
    const s = suiteResult('thorough', rs, [], 1234, 'wasm');
    expect(s.falseAlarmBudget).toBe(0.02 + 1);
    expect(s).toMatchObject({ profile: 'thorough', tensorBackend: 'wasm', timing: { ms: 1234 }, ok: true });
    expect(s.results).toBe(rs);
    expect(s.counts['as-expected']).toBe(4);
    expect(suiteResult('ci', [], [], 0).falseAlarmBudget).toBe(0);
  });
  it('ok only when every file loaded and every status passes the gate', () => {
    const pass = [result('as-expected'), result('inconclusive')];
    expect(suiteResult('ci', pass, [], 0).ok).toBe(true);
    expect(suiteResult('ci', [], [], 0).ok).toBe(true);
    expect(suiteResult('ci', pass, [{ file: 'x.prop.ts', message: 'could not load' }], 0).ok).toBe(false);
    expect(suiteResult('ci', [...pass, result('unexpected')], [], 0).ok).toBe(false);
    expect(suiteResult('ci', [result('error'), ...pass], [], 0).ok).toBe(false);
    expect(suiteResult('ci', pass, [], 0).tensorBackend).toBeUndefined();
  });
});

describe('runSuite', () => {
  // b.prop.ts throws at import once `boom` exists; c.prop.ts leaves a marker named for each thread that imports it
  const marker =
    "const { threadId } = await import('node:worker_threads');" +
    "(await import('node:fs')).writeFileSync(new URL('./thread-' + threadId, import.meta.url), '');";
  const props = propDir([
    {
      name: 'a.prop.ts',
      conjectures: [
        { id: 't.suite.below-100', bound: 100 },
        { id: 't.suite.below-50', bound: 50 },
      ],
    },
    {
      name: 'b.prop.ts',
      conjectures: [{ id: 't.suite.trap', bound: 100 }],
      prelude: `if (existsSync(new URL('./boom', import.meta.url))) throw new Error('b.prop.ts was imported');`,
    },
    { name: 'c.prop.ts', conjectures: [{ id: 't.suite.thread', bound: 100 }], prelude: marker },
  ]);
  removeLater(props);
  const common = { propertiesDir: props, profile: PROFILES.ci, useCorpus: false, writeCorpus: false } as const;

  it('runs every conjecture in this thread, plan first, results numbered 1..n of n, in whole milliseconds', async () => {
    const events: string[] = [];
    const t0 = performance.now();
    const s = await runSuite({
      ...common,
      onPlan: (sel) => events.push(`plan ${sel.map((x) => x.id).join(' ')}`),
      onResult: (r, done, total) => events.push(`${done}/${total} ${r.id} ${r.status}`),
    });
    const elapsed = performance.now() - t0;
    expect(events).toEqual([
      'plan t.suite.below-100 t.suite.below-50 t.suite.thread t.suite.trap',
      '1/4 t.suite.below-100 as-expected',
      '2/4 t.suite.below-50 as-expected',
      '3/4 t.suite.thread as-expected',
      '4/4 t.suite.trap as-expected',
    ]);
    // only this thread imported c.prop.ts: no worker thread was started
    expect(readdirSync(props).filter((f) => f.startsWith('thread-'))).toEqual([`thread-${threadId}`]);
    expect(s).toMatchObject({ profile: 'ci', ok: true, loadErrors: [], falseAlarmBudget: 0 });
    expect(s.counts).toEqual({ 'as-expected': 4, unexpected: 0, inconclusive: 0, error: 0 });
    expect(Number.isInteger(s.timing.ms)).toBe(true);
    expect(s.timing.ms).toBeGreaterThanOrEqual(0);
    expect(s.timing.ms).toBeLessThanOrEqual(Math.ceil(elapsed));
  });

  it('--grep or --shard imports only the selected files; a run of everything imports (and reports) all', async () => {
    await listConjectures(props);
    // a copy with its manifest: a fresh path, so its b.prop.ts is not in this process's module cache, and now traps
    const copy = `${props}-copy`;
    removeLater(copy);
    cpSync(props, copy, { recursive: true });
    writeFileSync(join(copy, 'boom'), '');
    const at = { ...common, propertiesDir: copy };
    const grep = await runSuite({ ...at, grep: 'below-50' });
    expect(grep.results.map((r) => r.id)).toEqual(['t.suite.below-50']);
    expect(grep.loadErrors).toEqual([]);
    // the trap's long recorded time puts it alone in shard 1 of 2
    const timings = new Map([['t.suite.trap', 1000]]);
    for (const id of ['t.suite.below-100', 't.suite.below-50', 't.suite.thread']) timings.set(id, 1);
    const shard = await runSuite({ ...at, shard: { index: 2, count: 2 }, timings });
    expect(shard.results.map((r) => r.id)).toEqual(['t.suite.below-100', 't.suite.below-50', 't.suite.thread']);
    expect(shard.loadErrors).toEqual([]);
    const all = await runSuite(at);
    expect(all.results.map((r) => r.id)).toEqual(['t.suite.below-100', 't.suite.below-50', 't.suite.thread']);
    expect(all.loadErrors.map((e) => e.message)).toEqual(['could not load: b.prop.ts was imported']);
    expect(all.ok).toBe(false);
  });
});
