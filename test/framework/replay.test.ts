/*
 * Source: issue "The gate never lies" §2 (replay does what the output says).
 * Expected: for each planted twin, the {seed, path, phase} a run prints reproduces the same counterexample, before
 * it is stored (an empty corpus) and after (the corpus holding it, which later runs replay first); and from the CLI,
 * the replay command a failing run prints reproduces the counterexample it showed. `run --path` is not an option
 * (replay is the command that takes a path).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Conjecture, PROFILES, runConjecture } from '../../src/conjecture/index.js';
import { cli } from '../helpers/cli.js';
import { loadPreparedRegistry } from '../helpers/registry.js';

const tmp = mkdtempSync(join(tmpdir(), 'crl-replay-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const registry = await loadPreparedRegistry('properties');
/** The twins whose one run takes seconds (training loops) are replayed through the CLI test below instead. */
const SLOW = /^paper2\.reproduction\./;
const twins = registry.conjectures.filter((c) => c.spec.expect === 'refuted' && !SLOW.test(c.id));

function replayOf(c: Conjecture, corpusDir: string) {
  const first = runConjecture(c, { profile: PROFILES.ci, corpusDir, writeCorpus: true });
  expect(first.outcome, `${c.id}: ${first.error ?? ''}`).toBe('refuted');
  return { first, replay: first.counterexample!.replay! };
}

describe('every planted twin replays from the line its run prints', () => {
  for (const c of twins) {
    it(c.id, () => {
      const corpus = join(tmp, c.id);
      const before = runConjecture(c, { profile: PROFILES.ci, corpusDir: corpus, writeCorpus: false });
      expect(before.outcome).toBe('refuted');
      const { phase, seed, path } = before.counterexample!.replay!;
      // before it is stored
      const again = runConjecture(c, { profile: PROFILES.ci, corpusDir: corpus, seed, path, phase });
      expect(again.counterexample?.encoded, `${c.id} before storing`).toEqual(before.counterexample!.encoded);
      // stored by a run, then replayed by the line that run printed
      const { first, replay } = replayOf(c, corpus);
      const stored = runConjecture(c, {
        profile: PROFILES.ci,
        corpusDir: corpus,
        seed: replay.seed,
        path: replay.path,
        phase: replay.phase,
      });
      expect(stored.counterexample?.encoded, `${c.id} after storing`).toEqual(first.counterexample!.encoded);
    }, 180_000); // four whole runs: about 16 s of CPU for the slowest twins, minutes on a loaded machine
  }
});

describe('replay from the CLI', () => {
  it('the replay command a run prints shows the same counterexample, before and after it is stored', () => {
    const corpus = join(tmp, 'cli');
    const id = 'paper1.calibration.linear';
    const run = cli(
      'run',
      '--grep',
      `/^${id.replace(/\./g, '\\.')}$/`,
      '--profile',
      'ci',
      '--corpus',
      corpus,
      '--out',
      join(tmp, 'out'),
      '--workers',
      '0',
    );
    expect(run.code).toBe(0);
    const line = /replay: (crl-verify replay \S+ --seed -?\d+ --path \S+(?: --phase \w+)?)/.exec(run.out);
    expect(line, run.out).not.toBeNull();
    const shown = new RegExp(`- ${id.replace(/\./g, '\\.')}: (.*?); lhs`).exec(run.out)![1]!;
    const args = line![1]!.split(' ').slice(1);
    const replayed = cli(...args, '--corpus', corpus, '--profile', 'ci');
    expect(replayed.code, replayed.out).toBe(0);
    expect(replayed.out).toContain(shown);
  });
  it('run does not accept --path (replay does)', () => {
    const r = cli('run', '--path', '0:1');
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/run: unknown option --path/);
  });
});
