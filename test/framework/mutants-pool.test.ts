/*
 * Source: issue 15 item 4 (StrykerJS on src/conjecture/pool.ts and worker.ts) and issue 13 (conjectures run in
 * worker threads, each stopped at its time limit plus a grace). The gate and CLI tests reach the pool only through
 * whole suites; these run a few integer conjectures from small property files (test/cli/props.ts), and call the
 * worker's request handler (`serve`) in this thread, where Stryker's mutants are active.
 * Expected: results come back in the order given with each task's seed (else the run's, else 0), whatever the number
 * of workers; conjectures made in code run in this thread; a check that never returns is stopped at the time limit
 * plus max(1 s, limit/4) with an error naming the phase and the instances checked, and the next conjecture runs in a
 * new worker; a file whose import outlasts the load limit is stopped with a message naming it; a conjecture missing
 * from its file, a prepare step that fails and a worker that crashes are error
 * results with their message. `serve` posts `started`, then the result (the file's path set, progress written to the
 * shared [phase, instances] pair, a result that cannot be cloned sent as its JSON copy) or the error.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Conjecture,
  defineConjecture,
  type ExactSpec,
  graceMs,
  LOAD_LIMIT_MS,
  leq,
  loadRegistry,
  runConjectures,
  runTasks,
} from '../../src/conjecture/index.js';
import { backendOf, PHASES, serve, type WorkReply } from '../../src/conjecture/worker.js';
import { propDir, SIX } from '../cli/props.js';

const props = propDir(SIX);
afterAll(() => rmSync(props, { recursive: true, force: true }));
const options = { profile: 'quick', useCorpus: false, writeCorpus: false } as const;

/** A property file of its own in the props folder; returns its path. */
const file = (name: string, source: string): string => {
  const path = join(props, name);
  writeFileSync(
    path,
    `import fc from 'fast-check';\nimport { defineConjecture, leq } from '${process.cwd()}/src/conjecture/index.js';\n${source}`,
  );
  return path;
};
const conjecture = (id: string, body = 'check: (x) => leq(x, 100)') =>
  `defineConjecture({ id: '${id}', title: '${id}', expect: 'holds', source: { paper: 'none', ref: 'test', provenance: 'background' },
    given: fc.integer({ min: 0, max: 100 }), ${body} })`;

const six = (await loadRegistry(props)).conjectures;

/** A conjecture made in code (no file): x <= 100 on x ∈ [0, 100], or what `more` says. */
const inCode = (id: string, more: Partial<ExactSpec<number>> = {}): Conjecture =>
  defineConjecture<number>({
    id,
    title: id,
    source: { paper: 'none', ref: 'test', provenance: 'background' },
    expect: 'holds',
    given: fc.integer({ min: 0, max: 100 }),
    check: (x) => leq(x, 100),
    ...more,
  }) as unknown as Conjecture;

/**
 * A stand-in for conjecture `id` of `path`, for the pool to run in a worker: the worker imports the file; this thread
 * never does (some of these files change their thread's state when imported).
 */
const inFile = (id: string, path: string): Conjecture => {
  const c = inCode(id, { given: fc.integer(), check: (x) => leq(x, x) });
  c.file = path;
  return c;
};
const hang = (await loadRegistry('test/fixtures-props/hang')).conjectures; // [loops forever, x² >= 0]

describe('constants', () => {
  it('the grace is a quarter of the limit, at least a second; a file may take 2 minutes to load', () => {
    expect([graceMs(200), graceMs(4_000), graceMs(6_000), graceMs(6_002)]).toEqual([1_000, 1_000, 1_500, 1_501]);
    expect(LOAD_LIMIT_MS).toBe(120_000);
    expect(PHASES).toEqual(['examples', 'corpus', 'targeted', 'generate']);
  });
  it('backendOf names the backend and why, or the load error; nothing when no engine was loaded', async () => {
    expect(await backendOf(undefined)).toBeUndefined();
    const engine = (e: unknown) => e as Parameters<typeof backendOf>[0];
    expect(await backendOf(engine(Promise.resolve({ backend: 'wasm', fallbackReason: 'no tfjs-node' })))).toBe(
      'wasm (no tfjs-node)',
    );
    expect(await backendOf(engine(Promise.resolve({ backend: 'tensorflow' })))).toBe('tensorflow');
    expect(await backendOf(engine(Promise.reject(new Error('no wasm'))))).toBe('failed to load: no wasm');
  });
});

describe('runTasks in worker threads', () => {
  it('results in the order given, each with its task seed, else the run seed; onResult once per task', async () => {
    const seen: string[] = [];
    const tasks = [{ conjecture: six[0]!, seed: 5 }, { conjecture: six[1]! }, { conjecture: six[2]!, seed: 7 }];
    const { results, tensorBackend } = await runTasks(tasks, {
      ...options,
      seed: 9,
      workers: 1,
      onResult: (r) => seen.push(r.id),
    });
    expect(results.map((r) => r.id)).toEqual(six.slice(0, 3).map((c) => c.id));
    expect(results.map((r) => r.seed)).toEqual([5, 9, 7]);
    expect(results.map((r) => r.profile)).toEqual(['quick', 'quick', 'quick']);
    expect(results.map((r) => r.outcome)).toEqual(['held', 'refuted', 'held']);
    expect(seen.sort()).toEqual(
      six
        .slice(0, 3)
        .map((c) => c.id)
        .sort(),
    );
    expect(tensorBackend).toBeUndefined();
  });
  it('two workers (the default) give the same results', async () => {
    const { results } = await runConjectures(six, options);
    expect(results.map((r) => [r.id, r.outcome])).toEqual(
      six.map((c) => [c.id, c.spec.expect === 'holds' ? 'held' : 'refuted']),
    );
  });
  it('a conjecture made in code runs in this thread even when workers are asked for', async () => {
    const inline = inCode('test.pool.inline');
    const { results } = await runTasks([{ conjecture: inline, seed: 3 }], { ...options, workers: 2 });
    expect([results[0]!.outcome, results[0]!.seed]).toEqual(['held', 3]);
  });
  it('in this thread a task without a seed takes the run seed, else 0, when the run fails', async () => {
    const broken = inCode('test.pool.broken', {
      prepare: async () => {
        throw new Error('nothing to load');
      },
    });
    const run = async (seed?: number) =>
      (await runTasks([{ conjecture: broken }], { ...options, seed, workers: 0 })).results[0]!;
    expect(await run(4)).toMatchObject({ outcome: 'error', seed: 4, error: 'nothing to load' });
    expect((await run()).seed).toBe(0);
  });
  it('with recorded times the worker takes the longest first; results still come in the order given', async () => {
    const ids = six.slice(0, 3).map((c) => c.id);
    const timings = new Map(ids.map((id, i) => [id, 10 * (i + 1)]));
    const finished: string[] = [];
    const { results } = await runConjectures(six.slice(0, 3), {
      ...options,
      workers: 1,
      timings,
      onResult: (r) => finished.push(r.id),
    });
    expect(finished).toEqual([...ids].reverse());
    expect(results.map((r) => r.id)).toEqual(ids);
  });
  it('in this thread too, when one conjecture has no file; onResult once per task', async () => {
    const inline = inCode('test.pool.inline-too');
    const seen: string[] = [];
    const { results } = await runConjectures([six[0]!, inline], {
      ...options,
      workers: 2,
      onResult: (r) => seen.push(r.id),
    });
    expect(results.map((r) => r.outcome)).toEqual(['held', 'held']);
    expect(seen).toEqual([six[0]!.id, 'test.pool.inline-too']);
  });
  it('reports the TensorFlow.js backend a worker had loaded, kept past later replies without one', async () => {
    // the file puts a stand-in engine into its worker's slot (never import it in this thread)
    const path = file(
      'engine.prop.ts',
      `(globalThis as Record<symbol, unknown>)[Symbol.for('crl-verify.tensor-engine')] =
        Promise.resolve({ backend: 'stand-in', fallbackReason: 'test' });
      export default [${conjecture('t.engine')}];\n`,
    );
    const engine = inFile('t.engine', path);
    const missing = { ...six[0]!, id: 't.not-there' } as Conjecture;
    const { results, tensorBackend } = await runTasks([{ conjecture: engine }, { conjecture: missing }], {
      ...options,
      workers: 1,
    });
    expect(results.map((r) => r.outcome)).toEqual(['held', 'error']);
    expect(tensorBackend).toBe('stand-in (test)');
  });
  it('a check that never returns is stopped at the time limit plus the grace; the next runs in a new worker', async () => {
    // the 21st instance never returns: 20 were checked, in the generate phase
    const path = file(
      'hang.prop.ts',
      `let n = 0;
      export default [${conjecture('t.hang', 'check: (x) => { if (++n > 20) for (;;) {} return leq(x, 100); }')}];\n`,
    );
    const stuck = inFile('t.hang', path);
    const square = hang[1]!;
    const t0 = performance.now();
    const { results } = await runTasks([{ conjecture: square }, { conjecture: stuck }, { conjecture: square }], {
      ...options,
      timeLimitMs: 500,
      workers: 1,
    });
    expect(performance.now() - t0).toBeGreaterThan(1_500);
    expect(results.map((r) => r.outcome)).toEqual(['held', 'timeout', 'held']);
    const stopped = results[1]!;
    expect(stopped.error).toBe(
      'stopped at the time limit (500 ms + 1000 ms grace) in the generate phase, after 20 instances checked',
    );
    expect(stopped.runs).toBe(20);
    expect(stopped.timing.ms).toBeGreaterThanOrEqual(1_500);
    expect(stopped.timing.ms).toBeLessThan(30_000);
    expect(stopped.seed).toBe(0);
  }, 30_000);
  it('a file that takes longer than the load limit to import is stopped', async () => {
    // the import spins for 5 s: the worker never says it started
    const path = file(
      'slow.prop.ts',
      `const end = Date.now() + 5_000;
      while (Date.now() < end) {}
      export default [${conjecture('t.slow')}];\n`,
    );
    // (a cold worker needs more than 300 ms for any file: registering tsx and importing the sources)
    const { results } = await runTasks([{ conjecture: inFile('t.slow', path), seed: 3 }], {
      ...options,
      workers: 1,
      loadLimitMs: 300,
    });
    expect(results.map((r) => r.outcome)).toEqual(['timeout']);
    expect(results[0]!.error).toBe(`stopped: loading ${path} took more than 300 ms`);
    expect(results[0]!.seed).toBe(3);
  }, 30_000);
  it('a conjecture missing from its file, and a worker that crashes, are error results', async () => {
    const path = file(
      'crash.prop.ts',
      `export default [${conjecture(
        't.crash',
        `check: (x) => leq(x, 100), prepare: async () => {
          setTimeout(() => { throw new Error('boom'); }, 0);
          await new Promise((r) => setTimeout(r, 200));
        }`,
      )}];\n`,
    );
    const crash = inFile('t.crash', path);
    const missing = { ...six[0]!, id: 't.not-there' } as Conjecture;
    const { results } = await runTasks(
      [{ conjecture: missing, seed: 11 }, { conjecture: crash, seed: 12 }, { conjecture: six[0]! }],
      {
        ...options,
        workers: 1,
      },
    );
    expect(results[0]!.error).toBe(`Error: conjecture 't.not-there' is not in ${six[0]!.file}`);
    expect(results[1]!.error).toBe('worker failed: boom');
    expect(results.map((r) => r.seed).slice(0, 2)).toEqual([11, 12]);
    expect(results[1]!.file).toBe(path);
    expect(results.map((r) => r.outcome)).toEqual(['error', 'error', 'held']);
  }, 30_000);
});

describe('serve (the worker side, in this thread)', () => {
  const request = (id: string, path: string) => ({
    id,
    file: path,
    options: { ...options, seed: 1 },
    progress: new SharedArrayBuffer(8),
  });
  const replies = async (id: string, path: string) => {
    const out: WorkReply[] = [];
    const req = request(id, path);
    await serve(req, (r) => out.push(r));
    return { out, progress: new Int32Array(req.progress) };
  };
  it('posts started, then the result, with the file set and the progress of the last phase', async () => {
    const { out, progress } = await replies(six[0]!.id, six[0]!.file!);
    expect(out).toHaveLength(2);
    expect(out[0]).toEqual({ started: true });
    expect(out[1]).toMatchObject({ ok: true, tensorBackend: undefined });
    expect(out[1]!.result).toMatchObject({ id: six[0]!.id, file: six[0]!.file, outcome: 'held', seed: 1 });
    expect(PHASES[progress[0]!]).toBe('generate');
    expect(progress[1]).toBe(out[1]!.result!.runs);
  });
  it('the error of a missing id, of a step that throws an Error, or throws something else', async () => {
    const path = file(
      'steps.prop.ts',
      `export default [${conjecture('t.step.error', "check: (x) => leq(x, 1), prepare: async () => { throw new RangeError('no data'); }")},
      ${conjecture('t.step.string', "check: (x) => leq(x, 1), prepare: async () => { throw 'just a string'; }")}];\n`,
    );
    expect((await replies('t.none', path)).out).toEqual([
      { ok: false, error: `Error: conjecture 't.none' is not in ${path}` },
    ]);
    expect((await replies('t.step.error', path)).out).toEqual([{ ok: false, error: 'RangeError: no data' }]);
    expect((await replies('t.step.string', path)).out).toEqual([{ ok: false, error: 'just a string' }]);
  });
  it('a file whose default export is one conjecture, or a list with other values in it', async () => {
    const single = file('single.prop.ts', `export default ${conjecture('t.single')};\n`);
    expect((await replies('t.single', single)).out[1]).toMatchObject({ ok: true, result: { id: 't.single' } });
    const mixed = file('mixed.prop.ts', `export default [null, 3, ${conjecture('t.mixed')}];\n`);
    expect((await replies('t.mixed', mixed)).out[1]).toMatchObject({ ok: true, result: { id: 't.mixed' } });
  });
  it('a file is imported once; a result that cannot be cloned is sent as its JSON copy', async () => {
    const path = file(
      'once.prop.ts',
      `(globalThis as { crlImports?: number }).crlImports = ((globalThis as { crlImports?: number }).crlImports ?? 0) + 1;
      export default [${conjecture('t.once.fn', 'check: (x) => leq(x, 100, undefined, { f: () => x })')}, ${conjecture('t.once.plain')}];\n`,
    );
    const fn = (await replies('t.once.fn', path)).out[1]!.result!;
    const plain = (await replies('t.once.plain', path)).out[1]!.result!;
    expect((globalThis as { crlImports?: number }).crlImports).toBe(1);
    expect(() => structuredClone(fn)).not.toThrow();
    expect(JSON.stringify(fn)).toContain('t.once.fn');
    expect(plain.id).toBe('t.once.plain');
  });
});
