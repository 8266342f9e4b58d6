/*
 * Source: issue 13 §1 (TensorFlow.js loads only when used) and the conjecture API's `prepare` step.
 * Expected: a conjecture's `prepare` runs once per process, before the run; `runConjecture` on a conjecture whose
 * step has not run reports an error that says what to do; a step that fails is an error result of that conjecture
 * (the suite goes on); importing the two property files that use TensorFlow.js does not load it, and running a
 * conjecture of theirs that does not need it leaves it unloaded, while one that does loads it.
 */
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Conjecture,
  defineConjecture,
  leq,
  PROFILES,
  prepareConjecture,
  runConjecture,
  runConjectures,
} from '../../src/conjecture/index.js';

const conjecture = (id: string, prepare: () => Promise<unknown>): Conjecture =>
  defineConjecture<number>({
    id,
    title: 'x <= 100 on [0, 100]',
    source: { paper: 'none', ref: 'test', provenance: 'background' },
    expect: 'holds',
    given: fc.integer({ min: 0, max: 100 }),
    check: (x) => leq(x, 100),
    prepare,
  }) as unknown as Conjecture;
const options = { profile: PROFILES.quick, useCorpus: false, writeCorpus: false } as const;

describe('a conjecture with a prepare step', () => {
  it('is an error until the step has run, then runs; the step runs once', async () => {
    let calls = 0;
    const c = conjecture('test.prepare.once', async () => {
      calls++;
    });
    const before = runConjecture(c, options);
    expect(before.outcome).toBe('error');
    expect(before.error).toMatch(/prepare step that has not run: await prepareConjecture\(c\)/);
    await Promise.all([prepareConjecture(c), prepareConjecture(c)]);
    await prepareConjecture(c);
    expect(calls).toBe(1);
    expect(runConjecture(c, options).outcome).toBe('held');
  });

  it('a step that fails is an error result of its conjecture, and the others still run', async () => {
    const broken = conjecture('test.prepare.broken', async () => {
      throw new Error('no dataset here');
    });
    const fine = conjecture('test.prepare.fine', async () => undefined);
    const { results } = await runConjectures([broken, fine], { ...options, workers: 0 });
    expect(results.map((r) => r.outcome)).toEqual(['error', 'held']);
    expect(results[0]!.error).toMatch(/no dataset here/);
  });

  it('must be a function', () => {
    const spec = { ...conjecture('test.prepare.bad', async () => undefined).spec, prepare: 'tfjs' };
    expect(() => defineConjecture(spec as never)).toThrow(/prepare must be a function returning a promise/);
  });
});

/** Runs a script under tsx in a fresh process (the suite's own process may have loaded TensorFlow.js already). */
function fresh(script: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  }).trim();
}

describe('TensorFlow.js loads only for the conjectures that need it', () => {
  const loaded = "Boolean(globalThis[Symbol.for('crl-verify.tensor-engine')])";
  it('importing calibration.prop.ts and reproductions.prop.ts does not load it', () => {
    const out = fresh(`
      await import('./properties/paper1/calibration.prop.ts');
      await import('./properties/paper2/reproductions.prop.ts');
      console.log(${loaded});`);
    expect(out).toBe('false');
  });
  it('a run of a conjecture that does not need it leaves it unloaded; one with prepare: loadTensorEngine loads it', () => {
    const out = fresh(`
      const { loadRegistry, prepareConjecture, runConjecture } = await import('./src/conjecture/index.ts');
      const { conjectures } = await loadRegistry('properties/paper1');
      const get = (id) => conjectures.find((c) => c.id === id);
      const jensen = get('paper1.calibration.jensen-link');
      await prepareConjecture(jensen);
      const r = runConjecture(jensen, { profile: 'quick', runs: 5, useCorpus: false, writeCorpus: false });
      const before = ${loaded};
      const paper2 = (await loadRegistry('properties/paper2')).conjectures;
      await prepareConjecture(paper2.find((c) => c.id === 'paper2.reproduction.mismatch-gap'));
      console.log(r.outcome, before, ${loaded});`);
    expect(out).toBe('held false true');
  }, 60_000);
});
