/*
 * The TensorFlow.js engine (float32). This directory is the only place that imports TensorFlow.js,
 * so the float64 core loads in about a millisecond. Backend order: @tensorflow/tfjs-node (native,
 * when it could be installed — it cannot here, docs/numerics.md) → wasm (SIMD, one thread).
 * The tfjs cpu backend is never used: it is 60–190× slower (docs/numerics.md); if wasm cannot start,
 * loading fails with a clear error instead of falling back to it.
 */
import type * as TfNamespace from '@tensorflow/tfjs';

export type Tf = typeof TfNamespace;
export type BackendName = 'tensorflow' | 'wasm';

export interface TensorEngine {
  readonly tf: Tf;
  /** The backend that runs: 'tensorflow' (tfjs-node) or 'wasm'. Reports print it. */
  readonly backend: BackendName;
  /** Why tfjs-node was not used, when it was not. */
  readonly fallbackReason?: string;
}

/*
 * The engine lives in one slot per thread, shared by every copy of this module: the CLI compiled to dist/ and the
 * TypeScript sources that this repository's property files import are two copies, and the report must still name the
 * backend the checks ran on.
 */
const SLOT = Symbol.for('crl-verify.tensor-engine');
const READY = Symbol.for('crl-verify.tensor-engine.ready');
const slot = globalThis as { [SLOT]?: Promise<TensorEngine>; [READY]?: TensorEngine };

/**
 * Loads TensorFlow.js once per thread, on the first call (nothing imports it before). Set CRL_TFJS_BACKEND=wasm to
 * skip the tfjs-node attempt.
 */
export function loadTensorEngine(): Promise<TensorEngine> {
  slot[SLOT] ??= load().then((engine) => {
    slot[READY] = engine;
    return engine;
  });
  return slot[SLOT];
}

/**
 * The loaded engine, synchronously, for a check: its conjecture loads it first with `prepare: loadTensorEngine`, so
 * that importing the property file does not load TensorFlow.js. Throws when it has not finished loading.
 */
export function tensorEngine(): TensorEngine {
  const engine = slot[READY];
  if (!engine)
    throw new Error(
      'TensorFlow.js is not loaded: give the conjecture `prepare: loadTensorEngine` (or await loadTensorEngine() first)',
    );
  return engine;
}

/** The engine if some module already loaded it (reports name the backend without loading TensorFlow.js themselves). */
export function loadedTensorEngine(): Promise<TensorEngine> | undefined {
  return slot[SLOT];
}

async function load(): Promise<TensorEngine> {
  let reason: string;
  if (process.env.CRL_TFJS_BACKEND === 'wasm') {
    reason = 'CRL_TFJS_BACKEND=wasm';
  } else {
    try {
      const spec = '@tensorflow/tfjs-node';
      const tf = (await import(spec)) as Tf;
      if (tf.getBackend() === 'tensorflow' || (await tf.setBackend('tensorflow'))) return { tf, backend: 'tensorflow' };
      reason = '@tensorflow/tfjs-node loaded but its backend did not start';
    } catch (e) {
      // the message names this checkout's absolute path: reports say only what happened
      const code = (e as { code?: string }).code;
      reason =
        code === 'ERR_MODULE_NOT_FOUND'
          ? '@tensorflow/tfjs-node is not installed'
          : `@tensorflow/tfjs-node failed to load (${code ?? 'error'})`;
    }
  }
  const tf = await import('@tensorflow/tfjs');
  await import('@tensorflow/tfjs-backend-wasm');
  let ok = false;
  try {
    ok = await tf.setBackend('wasm');
  } catch (e) {
    throw new Error(
      `TensorFlow.js: the wasm backend failed to start (${(e as Error).message}); the cpu backend is not used as a fallback`,
    );
  }
  if (!ok)
    throw new Error('TensorFlow.js: the wasm backend failed to start; the cpu backend is not used as a fallback');
  await tf.ready();
  return { tf, backend: 'wasm', fallbackReason: reason };
}
