/**
 * fixtures/oracle/losses_mutants.json (scripts/make_oracle_losses_mutants.py: mpmath at 60 digits from the loss
 * formulas of docs/api.md, gradients by mp.diff), typed, for test/losses/mutants-*.test.ts. Values are decimal
 * strings: a test reads the nearest double with Number.
 */
import type { Tolerance } from '../../src/numeric/index.js';
import { type InfoNceRows, readOracle } from '../helpers/assert.js';

export interface ClipOracleCase {
  name: string;
  X: number[][];
  Y: number[][];
  tau: number;
  loss: string;
  gradX: string[][];
  gradY: string[][];
}

export interface InfoNceOracleCase extends InfoNceRows {
  name: string;
  loss: string;
  perAnchor: string[];
  gradAnchors: string[][];
  gradPositives: string[][];
  gradNegatives: string[][];
}

export interface SupConOracleCase {
  name: string;
  views: number[][][];
  labels: number[] | null;
  tau: number;
  baseTau: number;
  contrastMode: 'all' | 'one';
  loss: string;
}

export interface LossesMutantsOracle {
  /** Logit matrices S given as X = I, Y = Sᵀ, τ = 1: spreads >= 700 (per-row/column shifts). */
  clip: ClipOracleCase[];
  /** Small dyadic batches for the workspace reuse sequences. */
  clipReuse: ClipOracleCase[];
  infonce: InfoNceOracleCase[];
  supcon: SupConOracleCase[];
  logSigmoid: { x: number; value: string }[];
}

export const oracle = readOracle<never>('losses_mutants.json') as unknown as LossesMutantsOracle;

/** One case by name (a typo fails the test that asks, not the file). */
export function byName<T extends { name: string }>(cases: T[], name: string): T {
  const c = cases.find((x) => x.name === name);
  if (!c) throw new Error(`no oracle case '${name}' in losses_mutants.json`);
  return c;
}

/** Nested decimal strings as the nearest doubles, flattened row-major. */
export const nums = (rows: string[][]): Float64Array => Float64Array.from(rows.flat(), Number);

// Literals, not tolerance(…): as in test/numeric/mutants-core.test.ts, a file must not fail to load.
/** Loss values: 1e-12 relative, as test/losses/oracle.test.ts. */
export const REL12: Tolerance = { abs: 1e-300, rel: 1e-12, ulps: 4 };
