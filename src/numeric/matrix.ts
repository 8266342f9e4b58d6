import { CrlInputError, ensure } from './errors.js';

/** A dense row-major float64 matrix: row i is data[i*cols .. (i+1)*cols). */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** A rows×cols matrix over `data` (copied from an array, zero-filled when omitted). */
export function matrix(rows: number, cols: number, data?: ArrayLike<number>): Matrix {
  ensure(Number.isInteger(rows) && rows >= 0, () => `rows must be a non-negative integer, got ${rows}`);
  ensure(Number.isInteger(cols) && cols >= 0, () => `cols must be a non-negative integer, got ${cols}`);
  if (data === undefined) return { rows, cols, data: new Float64Array(rows * cols) };
  ensure(
    data.length === rows * cols,
    () => `data has ${data.length} entries, expected ${rows}×${cols} = ${rows * cols}`,
  );
  return { rows, cols, data: data instanceof Float64Array ? data : Float64Array.from(data) };
}

/** A matrix from an array of equal-length rows. */
export function fromRows(rowsIn: ReadonlyArray<ArrayLike<number>>): Matrix {
  const rows = rowsIn.length;
  const cols = rows === 0 ? 0 : rowsIn[0]!.length;
  const out = new Float64Array(rows * cols);
  rowsIn.forEach((r, i) => {
    ensure(r.length === cols, () => `row ${i} has length ${r.length}, expected ${cols} (ragged rows)`);
    for (let j = 0; j < cols; j++) out[i * cols + j] = r[j]!;
  });
  return { rows, cols, data: out };
}

/** The rows as plain arrays (for printing and JSON). */
export function toRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

/** Row i as a view (no copy). */
export function row(m: Matrix, i: number): Float64Array {
  return m.data.subarray(i * m.cols, (i + 1) * m.cols);
}

/**
 * Checks an embedding batch: at least `minRows` rows, at least one column, every entry finite.
 * `name` appears in the error message.
 */
export function requireEmbeddings(m: Matrix, name: string, minRows = 1): void {
  ensure(m && m.data instanceof Float64Array, `${name} must be a Matrix over a Float64Array`);
  ensure(m.data.length === m.rows * m.cols, () => `${name}: data length ${m.data.length} ≠ ${m.rows}×${m.cols}`);
  ensure(m.rows >= minRows, () => `${name} needs at least ${minRows} row(s), got ${m.rows}`);
  ensure(m.cols >= 1, () => `${name} needs dimension d >= 1, got ${m.cols}`);
  const d = m.data;
  for (let k = 0; k < d.length; k++) {
    if (!Number.isFinite(d[k])) {
      throw new CrlInputError(
        `${name} has a non-finite entry ${d[k]} at row ${Math.floor(k / m.cols)}, column ${k % m.cols}`,
      );
    }
  }
}

/** Checks that two batches have the same shape (paired embeddings). */
export function requireSameShape(a: Matrix, b: Matrix, nameA: string, nameB: string): void {
  ensure(
    a.rows === b.rows && a.cols === b.cols,
    () =>
      `${nameA} is ${a.rows}×${a.cols} but ${nameB} is ${b.rows}×${b.cols}; paired batches must have the same shape`,
  );
}

/** Euclidean norm of a vector. */
export function norm(v: ArrayLike<number>): number {
  // scaled to avoid overflow/underflow
  let scale = 0;
  for (let i = 0; i < v.length; i++) scale = Math.max(scale, Math.abs(v[i]!));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (let i = 0; i < v.length; i++) {
    const t = v[i]! / scale;
    s += t * t;
  }
  return scale * Math.sqrt(s);
}

/**
 * Inner product ⟨a, b⟩ in the project's one summation order (see `dotAt`), so ⟨a, b⟩ has the same bits here
 * and in every entry of `matmulABt`.
 */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return dotAt(a, 0, b, 0, a.length);
}

/**
 * Σ_{p<k} a[ia+p]·b[ib+p] in the one fixed order every float64 kernel uses (the f64x2 SIMD order):
 * two partial sums, even and odd p, each left to right, added together, then the last product when k is odd:
 *   (Σ_{p even, p<k−k%2} a_p b_p + Σ_{p odd} a_p b_p) + [k odd] a_{k−1} b_{k−1}.
 * A dot product's bits then never depend on where its column or row falls in a tile (issue 11, item 1).
 */
export function dotAt(a: ArrayLike<number>, ia: number, b: ArrayLike<number>, ib: number, k: number): number {
  let s0 = 0,
    s1 = 0,
    p = 0;
  for (; p + 1 < k; p += 2) {
    s0 += a[ia + p]! * b[ib + p]!;
    s1 += a[ia + p + 1]! * b[ib + p + 1]!;
  }
  const s = s0 + s1;
  return p < k ? s + a[ia + p]! * b[ib + p]! : s;
}

/** Each row divided by its norm; a zero (or non-finite) row is an error, never a NaN row. */
export function normalizeRows(m: Matrix, name = 'embeddings'): Matrix {
  requireEmbeddings(m, name);
  const out = new Float64Array(m.data.length);
  for (let i = 0; i < m.rows; i++) {
    const r = row(m, i);
    const n = norm(r);
    ensure(n > 0, () => `${name} row ${i} is the zero vector and has no direction; it cannot be normalized`);
    for (let j = 0; j < m.cols; j++) out[i * m.cols + j] = r[j]! / n;
  }
  return { rows: m.rows, cols: m.cols, data: out };
}

/** Mean of the rows (the centroid). */
export function centroid(m: Matrix): Float64Array {
  const c = new Float64Array(m.cols);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) c[j]! += m.data[i * m.cols + j]!;
  for (let j = 0; j < m.cols; j++) c[j]! /= m.rows;
  return c;
}

/** Transpose into `out` (allocated when omitted); blocked for cache locality. */
export function transpose(m: Matrix, out?: Matrix): Matrix {
  const o = out ?? matrix(m.cols, m.rows);
  ensure(o.rows === m.cols && o.cols === m.rows, 'transpose: output has the wrong shape');
  const { rows, cols } = m,
    a = m.data,
    b = o.data;
  const BS = 32;
  for (let i0 = 0; i0 < rows; i0 += BS) {
    const i1 = Math.min(rows, i0 + BS);
    for (let j0 = 0; j0 < cols; j0 += BS) {
      const j1 = Math.min(cols, j0 + BS);
      for (let i = i0; i < i1; i++) for (let j = j0; j < j1; j++) b[j * rows + i] = a[i * cols + j]!;
    }
  }
  return o;
}

/** The rows idx[0], idx[1], … of M as a new matrix (a permutation, a subsample or a pairing). */
export function gatherRows(M: Matrix, idx: readonly number[]): Matrix {
  const out = matrix(idx.length, M.cols);
  idx.forEach((i, k) => {
    ensure(Number.isInteger(i) && i >= 0 && i < M.rows, () => `gatherRows: row index ${i} is outside 0..${M.rows - 1}`);
    out.data.set(M.data.subarray(i * M.cols, (i + 1) * M.cols), k * M.cols);
  });
  return out;
}
