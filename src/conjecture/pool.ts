import { Worker } from 'node:worker_threads';
import { profileFor } from './profiles.js';
import { type ConjectureResult, failedRun, prepareConjecture, runConjecture, type RunOptions } from './runner.js';
import type { Conjecture } from './types.js';
import { longestFirst, type Timings } from './shard.js';
import { backendOf, PHASES, type WorkReply, type WorkRequest } from './worker.js';
import { loadedTensorEngine } from '../tensor/engine.js';

/**
 * Runs conjectures in worker threads so that each one's time limit is kept while it runs: a conjecture still
 * running at its hard limit (the profile's time limit plus a grace) has its worker stopped, is reported as a
 * `timeout` error with the phase it was in and the instances it had checked, and the rest go on in a new worker.
 * With `workers: 0` conjectures run in this thread, one after the other, and a check that never returns hangs.
 */
export interface PoolOptions extends Omit<RunOptions, 'onProgress'> {
  /** Worker threads (default 2; 0 runs in this thread). */
  readonly workers?: number;
  /** Called as each conjecture finishes (in finishing order). */
  readonly onResult?: (r: ConjectureResult) => void;
  /**
   * Recorded times per conjecture id: the workers take the conjectures longest first, so that no long one starts
   * last while the other workers idle (results still come back in the order given).
   */
  readonly timings?: Timings;
  /** Time a worker may take to load a conjecture's file before it is stopped (default LOAD_LIMIT_MS). */
  readonly loadLimitMs?: number;
}

/**
 * Extra time past the time limit before a worker is stopped (fast-check's own limit stops generation first, so a
 * well-behaved check ends within the limit): a quarter of the limit, at least a second.
 */
export const graceMs = (limitMs: number): number => Math.max(1_000, Math.round(limitMs / 4));
/** Time a worker may take to load a conjecture's file (TypeScript, its imports) before it is stopped. */
export const LOAD_LIMIT_MS = 120_000;

interface Slot {
  worker: Worker;
}

// Compiled (dist/): worker.js itself, which registers tsx before it imports a property file; from the TypeScript
// sources: worker-entry.mjs, which registers tsx and imports worker.ts.
const ENTRY = import.meta.url.endsWith('.js')
  ? new URL('./worker.js', import.meta.url)
  : new URL('./worker-entry.mjs', import.meta.url);

/**
 * Each worker's young generation (V8's two semi-spaces of 32 MB and a large-object space): the checks allocate
 * many short-lived numbers and arrays, and with V8's default (16 MB semi-spaces) the workers of a ci run spent
 * 12% of their time in the garbage collector. Measured on the ci profile with 2 workers, medians of 3–4 runs each
 * way: wall 14.9 → 13.7 s (CPU 27.1 → 24.8 s), and after the faster kernels 14.2 → 13.8 s; peak memory 516–552 MB
 * → 512–608 MB (192 MB gained nothing more and cost 150 MB).
 */
const YOUNG_GENERATION_MB = 96;

function spawn(): Worker {
  const w = new Worker(ENTRY, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  w.unref();
  return w;
}

/** One run: a conjecture, with a seed of its own (the audit's) or the run's. */
export interface RunTask {
  readonly conjecture: Conjecture;
  readonly seed?: number;
}

/** What a pool run returns: the results in the order given, and the TensorFlow.js backend if one was loaded. */
export interface PoolResult {
  readonly results: ConjectureResult[];
  readonly tensorBackend?: string;
}

/** Runs conjectures and returns their results in the order given. */
export async function runConjectures(selected: readonly Conjecture[], opts: PoolOptions = {}): Promise<PoolResult> {
  return runTasks(
    selected.map((conjecture) => ({ conjecture })),
    opts,
  );
}

/** Runs tasks (conjecture and seed) and returns their results in the order given. */
export async function runTasks(tasks: readonly RunTask[], opts: PoolOptions = {}): Promise<PoolResult> {
  // conjectures made in code (not loaded from a file) can only run in this thread
  const loadable = tasks.every((t) => t.conjecture.file !== undefined);
  const workers = loadable ? Math.min(opts.workers ?? 2, tasks.length) : 0;
  const { onResult, workers: _w, timings, loadLimitMs = LOAD_LIMIT_MS, ...options } = opts;
  const profile = profileFor(options.profile);
  const runOptions: Omit<RunOptions, 'onProgress'> = { ...options, profile: profile.name };
  if (workers <= 0) {
    const results: ConjectureResult[] = [];
    for (const { conjecture: c, seed } of tasks) {
      let r: ConjectureResult;
      try {
        await prepareConjecture(c);
        r = runConjecture(c, { ...runOptions, seed: seed ?? runOptions.seed });
      } catch (e) {
        r = failedRun(c, profile.name, seed ?? options.seed ?? 0, 'error', (e as Error).message, 0);
      }
      onResult?.(r);
      results.push(r);
    }
    return { results, tensorBackend: await backendOf(loadedTensorEngine()) };
  }
  const results = new Array<ConjectureResult>(tasks.length);
  let tensorBackend: string | undefined;
  const limit = options.timeLimitMs ?? profile.timeLimitMs;
  const hardLimit = limit + graceMs(limit);
  const queue = timings
    ? longestFirst(
        tasks.map((t) => t.conjecture.id),
        timings,
      ).order
    : tasks.map((_, i) => i);
  let next = 0;
  const slots: Slot[] = [];

  const runOn = (slot: Slot, index: number): Promise<void> =>
    new Promise((done) => {
      const { conjecture: c, seed } = tasks[index]!;
      const taskSeed = seed ?? options.seed ?? 0;
      const progress = new SharedArrayBuffer(8);
      const t0 = performance.now();
      const finish = (r: ConjectureResult): void => {
        clearTimeout(timer);
        slot.worker.removeAllListeners('message');
        slot.worker.removeAllListeners('error');
        results[index] = r;
        onResult?.(r);
        done();
      };
      const stop = (what: string): void => {
        const shared = new Int32Array(progress);
        const phase = PHASES[Atomics.load(shared, 0)] ?? 'examples';
        const instances = Atomics.load(shared, 1);
        void slot.worker.terminate();
        slot.worker = spawn();
        const error =
          what === 'load'
            ? `stopped: loading ${c.file} took more than ${loadLimitMs} ms`
            : `stopped at the time limit (${limit} ms + ${graceMs(limit)} ms grace) ` +
              `in the ${phase} phase, after ${instances} instances checked`;
        finish(failedRun(c, profile.name, taskSeed, 'timeout', error, Math.round(performance.now() - t0), instances));
      };
      let timer = setTimeout(() => stop('load'), loadLimitMs);
      slot.worker.on('message', (m: WorkReply) => {
        if (m.started) {
          clearTimeout(timer);
          timer = setTimeout(() => stop('run'), hardLimit);
          return;
        }
        tensorBackend ??= m.tensorBackend;
        finish(m.ok ? m.result! : failedRun(c, profile.name, taskSeed, 'error', m.error!, 0));
      });
      slot.worker.on('error', (e) => {
        slot.worker = spawn();
        finish(failedRun(c, profile.name, taskSeed, 'error', `worker failed: ${e.message}`, 0));
      });
      const request: WorkRequest = {
        id: c.id,
        file: c.file!,
        options: { ...runOptions, seed: seed ?? runOptions.seed },
        progress,
      };
      slot.worker.postMessage(request);
    });

  const drain = async (slot: Slot): Promise<void> => {
    while (next < queue.length) await runOn(slot, queue[next++]!);
  };
  for (let k = 0; k < workers; k++) slots.push({ worker: spawn() });
  try {
    await Promise.all(slots.map(drain));
  } finally {
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
  return { results, tensorBackend };
}
