/**
 * Shared assertions (one place, as in array-api-tests' helpers): every numeric comparison in the
 * tests goes through the one tolerance rule of src/numeric/tolerance.ts and reports what it used.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { InfoNceForm, InfoNceInput } from '../../src/losses/index.js';
import {
  allowedError,
  CrlInputError,
  dot,
  fromRows,
  isClose,
  type Matrix,
  matrix,
  type Rng,
  type Tolerance,
} from '../../src/numeric/index.js';

/**
 * Indices where two arrays differ in bits (Object.is: −0 against 0 and NaN count); past the shorter array's end every
 * index counts.
 */
export function differingBits(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (!Object.is(a[i], b[i])) out.push(i);
  return out;
}

/** Whether two arrays hold the same bits, entry for entry (differingBits finds none). */
export const bitsEqual = (a: ArrayLike<number>, b: ArrayLike<number>): boolean => differingBits(a, b).length === 0;

/** a ≈ b under `t`, with a message that names the quantity, both values and the tolerance. */
export function expectClose(actual: number, expected: number, t: Tolerance, what: string): void {
  if (!isClose(actual, expected, t)) {
    const err = Math.abs(actual - expected);
    expect.fail(
      `${what}: got ${actual}, expected ${expected} (|Δ| = ${err.toExponential(3)}, allowed ${allowedError(actual, expected, t).toExponential(3)} from ${JSON.stringify(t)})`,
    );
  }
}

/**
 * Matrices agree in the max norm relative to the reference's scale:
 * max|A − B| <= rel·max(max|B|, floor) — the usual way to compare gradients whose entries may be ~0.
 */
export function expectMatrixClose(
  actual: Matrix | ArrayLike<number>,
  expected: ArrayLike<number>,
  rel: number,
  what: string,
  floor = 1e-300,
): number {
  const a = 'data' in actual ? actual.data : actual;
  expect(a.length, `${what}: length`).toBe(expected.length);
  let err = 0,
    scale = floor;
  for (let i = 0; i < a.length; i++) {
    err = Math.max(err, Math.abs(a[i]! - expected[i]!));
    scale = Math.max(scale, Math.abs(expected[i]!));
  }
  if (!(err <= rel * scale))
    expect.fail(`${what}: max|Δ| = ${err.toExponential(3)} > ${rel}·max|ref| = ${(rel * scale).toExponential(3)}`);
  return err / scale;
}

/** f() throws our input error (CrlInputError) with a message that contains `message` (a string) or matches it. */
export function throwsInput(f: () => unknown, message: string | RegExp): void {
  expect(f).toThrow(CrlInputError);
  expect(f).toThrow(message);
}

/** A golden-value file from fixtures/oracle (written by scripts/make_oracle.py). */
export function readOracle<T>(name: string): { meta: { what: string }; cases: T[] } {
  const path = fileURLToPath(new URL(`../../fixtures/oracle/${name}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** A Matrix from nested arrays. */
export const M = (rows: number[][]): Matrix => fromRows(rows);

/** Flatten nested arrays. */
export const flat = (rows: number[][]): Float64Array => Float64Array.from(rows.flat());

/** A rows×cols matrix of standard normal draws from rng, row by row. */
export const normalMatrix = (rng: Rng, rows: number, cols: number): Matrix =>
  matrix(
    rows,
    cols,
    Float64Array.from({ length: rows * cols }, () => rng.normal()),
  );

/** The reference of A·Bᵀ: entry (i, j) is dot(A_i, B_j), row-major, for A n×k and B m×k. */
export function rowDots(A: Matrix, B: Matrix): Float64Array {
  const n = A.rows,
    m = B.rows,
    k = A.cols,
    out = new Float64Array(n * m);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++)
      out[i * m + j] = dot(A.data.subarray(i * k, (i + 1) * k), B.data.subarray(j * k, (j + 1) * k));
  return out;
}

/** An InfoNCE input as the oracle fixtures write it: matrices as rows. */
export interface InfoNceRows {
  anchors: number[][];
  positives: number[][];
  negatives: number[][];
  m: number;
  tau: number;
  form: InfoNceForm;
  shared: boolean;
}

/** The InfoNCE input of an oracle case whose matrices are written as rows (the oracle fixtures' layout). */
export const infoNceInputOf = (c: InfoNceRows): InfoNceInput => ({
  anchors: M(c.anchors),
  positives: M(c.positives),
  negatives: M(c.negatives),
  m: c.m,
  tau: c.tau,
  form: c.form,
  shared: c.shared,
});
