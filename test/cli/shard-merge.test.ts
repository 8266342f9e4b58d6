/*
 * Source: issue 13 §2 (shards balanced by the recorded time per conjecture, longest first, and `crl-verify merge`
 * that joins the shards' report.json into one set of reports).
 * Expected: the assignment is longest-processing-time-first, deterministic (and a run's workers take the
 * conjectures in that order), puts every id in exactly one shard and
 * gives conjectures without a time the median; three shards of six conjectures, merged, give the report.json,
 * report.md, junit.xml and index.html of one unsharded run, timing aside; bad merge input is a usage error (exit 2):
 * a missing file, a file that is not a report, two reports with the same conjecture, reports of different profiles;
 * a broken default timings.json only warns in an unsharded run (it orders the queue) and is a usage error with --shard.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseShard, selectConjectures } from '../../src/conjecture/registry.js';
import { assignShards, readTimings } from '../../src/conjecture/shard.js';
import { runSuite } from '../../src/conjecture/suite.js';
import { withoutTiming } from '../../src/report/json.js';
import { propDir, SIX } from './props.js';

const props = propDir(SIX);
afterAll(() => rmSync(props, { recursive: true, force: true }));

const cli = (...args: string[]): { code: number; stdout: string; stderr: string } => {
  const r = spawnSync(process.execPath, ['bin/crl-verify.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, CI: '' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
};
/** A run into <props>/<out>, with a corpus of its own that it does not write. */
const run = (out: string, ...more: string[]) =>
  cli(
    'run',
    ...['--properties', props, '--out', join(props, out), '--corpus', join(props, 'corpus')],
    ...['--profile', 'ci', '--workers', '0', '--no-corpus-write', ...more],
  );
const read = (out: string, file: string): string => readFileSync(join(props, out, file), 'utf8');
const json = (out: string): unknown => withoutTiming(JSON.parse(read(out, 'report.json')));

describe('shards balanced by recorded time (longest processing time first)', () => {
  const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  const timings = new Map([
    ['a', 7],
    ['b', 5],
    ['c', 4],
    ['d', 3],
    ['e', 3],
    ['f', 2],
  ]);
  it('follows the greedy rule, ids without a time counting as the median', () => {
    // order: a 7, b 5, c 4, d 3, e 3, g 3 (the median of 7, 5, 4, 3, 3, 2), f 2; each to the lightest shard:
    // a → 0, b → 1, c → 2, d → 2 (4), e → 1 (5), g → 0 (7, 8, 7: the first), f → 2 (10, 8, 7) — loads 10, 8, 9
    const shardOf = assignShards(ids, 3, timings);
    const shards = [0, 1, 2].map((k) => ids.filter((id) => shardOf.get(id) === k));
    expect(shards).toEqual([
      ['a', 'g'],
      ['b', 'e'],
      ['c', 'd', 'f'],
    ]);
  });
  it('is deterministic and puts every id in exactly one shard', () => {
    for (const n of [1, 2, 3, 5, 9]) {
      const a = assignShards(ids, n, timings);
      expect([...assignShards([...ids].reverse(), n, timings)].sort()).toEqual([...a].sort());
      const all = Array.from({ length: n }, (_, k) =>
        selectConjectures(
          ids.map((id) => ({ id, spec: { title: id } })),
          undefined,
          { index: k + 1, count: n },
          timings,
        ).map((c) => c.id),
      ).flat();
      expect(all.sort()).toEqual(ids);
    }
  });
  it('no shard carries more than the lightest one plus the longest conjecture', () => {
    const many = Array.from({ length: 40 }, (_, i) => `id${i}`);
    const t = new Map(many.map((id, i) => [id, ((i * 37) % 23) + 1]));
    const shardOf = assignShards(many, 4, t);
    const loads = [0, 1, 2, 3].map((k) =>
      many.filter((id) => shardOf.get(id) === k).reduce((s, id) => s + t.get(id)!, 0),
    );
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(Math.max(...t.values()));
  });
  it('reads recorded times from a report.json or a timings file, and rejects anything else', () => {
    const report = join(props, 'r.json');
    writeFileSync(report, JSON.stringify({ conjectures: [{ id: 'x', timing: { ms: 12 } }] }));
    expect([...readTimings(report)]).toEqual([['x', 12]]);
    writeFileSync(report, JSON.stringify({ schema: 'crl-verify/timings@1', ms: { y: 3 } }));
    expect([...readTimings(report)]).toEqual([['y', 3]]);
    writeFileSync(report, JSON.stringify({ hello: 1 }));
    expect(() => readTimings(report)).toThrow(/neither a report\.json nor a timings file/);
  });
  it("orders the workers' queue longest first and reports in the registry's order", async () => {
    const { loadRegistry } = await import('../../src/conjecture/registry.js');
    const ids = (await loadRegistry(props)).conjectures.map((c) => c.id);
    // recorded times that reverse the registry's order
    const timings = new Map(ids.map((id, i) => [id, 10 * (i + 1)]));
    const finished: string[] = [];
    const s = await runSuite({
      propertiesDir: props,
      profile: 'ci',
      workers: 1,
      timings,
      writeCorpus: false,
      corpusDir: join(props, 'corpus'),
      onResult: (r) => finished.push(r.id),
    });
    expect(finished).toEqual([...ids].reverse());
    expect(s.results.map((r) => r.id)).toEqual(ids);
  });
  it('a broken default timings.json: an unsharded run warns and goes on; a sharded run is a usage error naming it', () => {
    const file = join(props, 'timings.json');
    writeFileSync(file, '{"schema": "crl-verify/timings@1", "ms": {');
    try {
      const plain = run('broken-timings');
      expect(plain.code).toBe(0);
      expect(plain.stderr).toMatch(/warning: .*timings\.json is not a timings file or report\.json .*registry order/);
      const sharded = run('broken-timings-shard', '--shard', '1/2');
      expect(sharded.code).toBe(2);
      expect(sharded.stderr).toMatch(/--timings: .*timings\.json is not a timings file or report\.json/);
    } finally {
      rmSync(file, { force: true });
    }
  });
  it('parses i/n', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(() => parseShard('0/3')).toThrow(/--shard must look like i\/n/);
  });
});

describe('crl-verify merge', () => {
  it('three shards merged equal one unsharded run, timing aside', () => {
    expect(run('whole').code).toBe(0);
    writeFileSync(join(props, 'timings.json'), read('whole', 'report.json'));
    for (const i of [1, 2, 3]) expect(run(`s${i}`, '--shard', `${i}/3`).code).toBe(0);
    const ids = (out: string): string[] =>
      (JSON.parse(read(out, 'report.json')) as { conjectures: { id: string }[] }).conjectures.map((c) => c.id);
    const shards = [1, 2, 3].map((i) => ids(`s${i}`));
    expect(shards.every((s) => s.length >= 1)).toBe(true);
    expect(shards.flat().sort()).toEqual(ids('whole'));
    const merged = cli('merge', '--out', join(props, 'merged'), ...[1, 2, 3].map((i) => join(props, `s${i}`)));
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    expect(json('merged')).toEqual(json('whole'));
    expect(read('merged', 'report.md')).toBe(read('whole', 'report.md'));
    const noTime = (s: string): string => s.replace(/ time="[^"]*"/g, '');
    expect(noTime(read('merged', 'junit.xml'))).toBe(noTime(read('whole', 'junit.xml')));
    expect(read('merged', 'index.html')).toBe(read('whole', 'index.html'));
    const timings = JSON.parse(read('merged', 'timings.json')) as { schema: string; ms: Record<string, number> };
    expect(Object.keys(timings.ms).sort()).toEqual(SIX.flatMap((f) => f.conjectures.map((c) => c.id)).sort());
  });

  it('bad input is a usage error (exit 2) that names it', () => {
    const out = ['--out', join(props, 'bad')];
    const cases: [string[], RegExp][] = [
      [[], /merge: give the report\.json \(or its directory\) of each shard/],
      [[join(props, 'nowhere')], /nowhere: no such file or directory/],
      [[join(props, 'a.prop.ts')], /a\.prop\.ts is not JSON/],
      [[join(props, 'package.json')], /package\.json is not a crl-verify report/],
      [[props], /has no report\.json/],
      [[join(props, 'whole'), join(props, 's1')], /conjecture 't\.\S+' is in both .*whole.* and .*s1/],
    ];
    const thorough = JSON.parse(read('s2', 'report.json')) as { profile: string };
    thorough.profile = 'thorough';
    writeFileSync(join(props, 'thorough.json'), JSON.stringify(thorough));
    cases.push([
      [join(props, 's1'), join(props, 'thorough.json')],
      /different profiles: ci \(.*s1.*\) and thorough \(.*thorough\.json\)/,
    ]);
    for (const [args, re] of cases) {
      const r = cli('merge', ...out, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(re);
    }
  });
});
