import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { CrlInputError, type Matrix, matrix } from '../numeric/index.js';

/*
 * Embedding files for `crl-verify measure`: NumPy .npy (float32 or float64, C order, 2-D), JSON (an array of rows,
 * or { "embeddings": rows }) and CSV (one row per line, an optional non-numeric header). Every malformed file gets
 * one CrlInputError that names the file and what is wrong.
 */

/** An embeddings table read from a file, with what was read. */
export interface Embeddings {
  readonly matrix: Matrix;
  readonly file: string;
  readonly format: 'npy' | 'json' | 'csv';
  readonly dtype?: string;
}

const fail = (file: string, msg: string): never => {
  throw new CrlInputError(`${file}: ${msg}`);
};

/** Parses a .npy buffer (format versions 1–3). */
export function parseNpy(buf: Uint8Array, file = '<npy>'): { matrix: Matrix; dtype: string } {
  const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
  if (buf.length < 10 || MAGIC.some((b, i) => buf[i] !== b))
    fail(file, 'not a NumPy .npy file (wrong magic; expected \\x93NUMPY)');
  const major = buf[6]!;
  if (![1, 2, 3].includes(major)) fail(file, `unsupported .npy format version ${major}.${buf[7]}`);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const headerLen = major === 1 ? dv.getUint16(8, true) : dv.getUint32(8, true);
  const start = major === 1 ? 10 : 12;
  if (start + headerLen > buf.length) fail(file, 'truncated .npy header');
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(buf.subarray(start, start + headerLen));
  const descr = /'descr':\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined)
    fail(file, `malformed .npy header: ${header.trim()}`);
  if (fortran === 'True')
    fail(
      file,
      'Fortran-order (column-major) arrays are not supported; save with np.save(path, np.ascontiguousarray(a))',
    );
  const dtypes: Record<string, [number, boolean, boolean]> = {
    '<f4': [4, true, true],
    '<f8': [8, true, false],
    '>f4': [4, false, true],
    '>f8': [8, false, false],
    '=f4': [4, true, true],
    '=f8': [8, true, false],
  };
  const dt = dtypes[descr!];
  if (!dt) fail(file, `dtype '${descr}' is not supported; use float32 or float64`);
  const shape = shapeText!
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
  if (shape.length !== 2 || shape.some((n) => !Number.isInteger(n) || n < 0))
    fail(file, `expected a 2-D array (rows × dimensions), got shape (${shapeText})`);
  const [rows, cols] = shape as [number, number];
  if (rows === 0 || cols === 0) fail(file, `empty array (shape ${rows} × ${cols})`);
  const [size, little, f32] = dt!;
  const dataStart = start + headerLen;
  if (buf.length - dataStart < rows * cols * size)
    fail(
      file,
      `truncated data: ${rows} × ${cols} ${descr} needs ${rows * cols * size} bytes, found ${buf.length - dataStart}`,
    );
  const M = matrix(rows, cols);
  for (let k = 0; k < rows * cols; k++)
    M.data[k] = f32 ? dv.getFloat32(dataStart + 4 * k, little) : dv.getFloat64(dataStart + 8 * k, little);
  return { matrix: M, dtype: f32 ? 'float32' : 'float64' };
}

function fromRows(rows: unknown, file: string): Matrix {
  if (!Array.isArray(rows) || rows.length === 0) fail(file, 'expected a non-empty array of rows');
  const r = rows as unknown[];
  const cols = Array.isArray(r[0]) ? (r[0] as unknown[]).length : 0;
  if (cols === 0) fail(file, 'row 0 is not a non-empty array of numbers');
  const M = matrix(r.length, cols);
  r.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== cols)
      fail(file, `row ${i} has ${Array.isArray(row) ? row.length : 'no'} entries, row 0 has ${cols}`);
    (row as unknown[]).forEach((v, j) => {
      if (typeof v !== 'number') fail(file, `row ${i}, column ${j} is ${JSON.stringify(v)}, not a number`);
      M.data[i * cols + j] = v as number;
    });
  });
  return M;
}

/** Parses CSV text: numbers separated by commas; a first line that is not numeric is a header. */
export function parseCsv(text: string, file = '<csv>'): Matrix {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length && lines[0]!.split(',').some((c) => c.trim() === '' || Number.isNaN(Number(c)))) lines.shift();
  return fromRows(
    lines.map((l, i) =>
      l.split(',').map((c) => {
        const v = Number(c);
        if (c.trim() === '' || (Number.isNaN(v) && c.trim().toLowerCase() !== 'nan'))
          fail(file, `line ${i + 1}: '${c.trim()}' is not a number`);
        return v;
      }),
    ),
    file,
  );
}

/** Reads an embeddings file by extension and checks every entry is finite (a NaN or ∞ row is named). */
export function readEmbeddings(file: string): Embeddings {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    return fail(file, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const ext = extname(file).toLowerCase();
  let out: Embeddings;
  if (ext === '.npy') {
    const r = parseNpy(buf, file);
    out = { matrix: r.matrix, file, format: 'npy', dtype: r.dtype };
  } else if (ext === '.json') {
    let v: unknown;
    try {
      v = JSON.parse(buf.toString('utf8'));
    } catch (e) {
      return fail(file, `invalid JSON: ${(e as Error).message}`);
    }
    const rows = Array.isArray(v) ? v : (v as { embeddings?: unknown })?.embeddings;
    out = { matrix: fromRows(rows, file), file, format: 'json' };
  } else if (ext === '.csv') out = { matrix: parseCsv(buf.toString('utf8'), file), file, format: 'csv' };
  else return fail(file, `unknown extension '${ext}'; use .npy, .json or .csv`);
  const { rows, cols, data } = out.matrix;
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++)
      if (!Number.isFinite(data[i * cols + j]!))
        fail(file, `row ${i} has a non-finite entry (${data[i * cols + j]}) at column ${j}`);
  return out;
}

/** Reads pairs.json: an array of [xIndex, yIndex] pairs (e.g. five captions per image). */
export function readPairs(file: string, nx: number, ny: number): [number, number][] {
  let v: unknown;
  try {
    v = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return fail(file, `cannot read pairs: ${(e as Error).message}`);
  }
  const pairs = Array.isArray(v) ? v : (v as { pairs?: unknown })?.pairs;
  if (!Array.isArray(pairs) || pairs.length === 0) fail(file, 'expected a non-empty array of [xIndex, yIndex] pairs');
  return (pairs as unknown[]).map((p, k) => {
    if (!Array.isArray(p) || p.length !== 2 || !p.every((i) => Number.isInteger(i)))
      fail(file, `pair ${k} is ${JSON.stringify(p)}, not [xIndex, yIndex]`);
    const [i, j] = p as [number, number];
    if (i < 0 || i >= nx) fail(file, `pair ${k}: x index ${i} is outside 0..${nx - 1}`);
    if (j < 0 || j >= ny) fail(file, `pair ${k}: y index ${j} is outside 0..${ny - 1}`);
    return [i, j];
  });
}
