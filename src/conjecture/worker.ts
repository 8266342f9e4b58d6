import { parentPort } from 'node:worker_threads';
import { resolve } from 'node:path';
import { importPropertyFile, isConjecture } from './registry.js';
import { loadedTensorEngine } from '../tensor/engine.js';
import { type ConjectureResult, type Phase, prepareConjecture, runConjecture, type RunOptions } from './runner.js';
import type { Conjecture } from './types.js';

/** A request from the pool: run conjecture `id` of `file` (relative to the working directory); progress goes to a shared [phase, instances] pair. */
export interface WorkRequest {
  readonly id: string;
  readonly file: string;
  readonly options: Omit<RunOptions, 'onProgress'>;
  readonly progress: SharedArrayBuffer;
}

/** The worker's answer: a result (or why there is none), and the TensorFlow.js backend if a check loaded it. */
export interface WorkReply {
  /** Sent once the conjecture's file is loaded, before it runs: the time limit counts from here. */
  readonly started?: boolean;
  readonly ok?: boolean;
  readonly result?: ConjectureResult;
  readonly error?: string;
  readonly tensorBackend?: string;
}

export const PHASES: readonly Phase[] = ['examples', 'corpus', 'targeted', 'generate'];

/** The backend a loaded engine runs on, as reports print it ('wasm (why not tfjs-node)'); undefined if none. */
export async function backendOf(engine: ReturnType<typeof loadedTensorEngine>): Promise<string | undefined> {
  if (!engine) return undefined;
  return engine.then(
    (e) => `${e.backend}${e.fallbackReason ? ` (${e.fallbackReason})` : ''}`,
    (e: Error) => `failed to load: ${e.message}`,
  );
}

const modules = new Map<string, Promise<Conjecture[]>>();

async function conjecturesOf(file: string): Promise<Conjecture[]> {
  let m = modules.get(file);
  if (!m) {
    m = importPropertyFile(resolve(file)).then((mod: { default?: unknown }) => {
      const items: unknown[] = Array.isArray(mod.default) ? mod.default : [mod.default];
      return items.filter(isConjecture);
    });
    modules.set(file, m);
  }
  return m;
}

/** Structured-clone-safe copy (a check's details may hold a function or a class instance). */
function cloneable<T>(x: T): T {
  try {
    structuredClone(x);
    return x;
  } catch {
    return JSON.parse(JSON.stringify(x)) as T;
  }
}

/**
 * Runs one request and posts its replies: `started` once the file is loaded and the conjecture prepared, then the
 * result or the error. The worker's message handler; exported for tests, which call it in their own thread.
 * @internal
 */
export async function serve(req: WorkRequest, post: (reply: WorkReply) => void): Promise<void> {
  try {
    const c = (await conjecturesOf(req.file)).find((x) => x.id === req.id);
    if (!c) throw new Error(`conjecture '${req.id}' is not in ${req.file}`);
    c.file = req.file;
    await prepareConjecture(c); // e.g. TensorFlow.js: part of loading, before the time limit starts
    post({ started: true });
    const shared = new Int32Array(req.progress);
    const onProgress = (phase: Phase, instances: number): void => {
      Atomics.store(shared, 0, PHASES.indexOf(phase));
      Atomics.store(shared, 1, instances);
    };
    const result = runConjecture(c, { ...req.options, onProgress });
    post({ ok: true, result: cloneable(result), tensorBackend: await backendOf(loadedTensorEngine()) });
  } catch (e) {
    post({ ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
}

parentPort?.on('message', (req: WorkRequest) => serve(req, (reply) => parentPort!.postMessage(reply)));
