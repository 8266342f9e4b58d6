import { GEMM_WASM_BASE64 } from './gemmBytes.js';
import { type KernelExports, lazyKernel, reserve } from './instance.js';

/*
 * The WASM SIMD (f64x2) A·Bᵀ kernel (docs/numerics.md), compiled from gemm.wat at build time.
 * A and B are packed into the module's linear memory (which grows on demand and is reused) as row-pair and
 * row-quad panels, zero-padded to whole tiles; the kernel then computes
 * every entry of the padded product (the padded rows' entries are dropped), and only the last product of an odd
 * inner length is added here, so each entry keeps the one summation order of `dotAt`.
 */
interface GemmExports extends KernelExports {
  gemm: (
    pa: number,
    pb: number,
    c: number,
    acc: number,
    pairs: number,
    quads: number,
    len: number,
    strideA: number,
    strideB: number,
    ldc: number,
    mode: number,
  ) => void;
}

const kernel = lazyKernel<GemmExports>(GEMM_WASM_BASE64);

/** Bytes of packed B one kernel call sweeps (about a quarter of the 1 MiB L2 cache per core). */
const CACHE_BLOCK_BYTES = 256 * 1024;
/** Bytes of C the module holds at a time (a band of rows, copied out before the next). */
export const C_BAND_BYTES = 4 * 1024 * 1024;
/**
 * Bytes of packed A the module holds at a time (the same band of rows). B's panels are read again for every band,
 * yet at 8 MiB (a 4096×4096 G in 16 bands) the backward products at (4096, 256) measured 2–6% faster than with G
 * packed whole, and a CLIP step's peak memory fell from 399 to 270 MB.
 */
export const A_BAND_BYTES = 8 * 1024 * 1024;
/** Two-column steps per chunk of the shared dimension: a row pair's and a row quad's chunk (24 KiB) stay in L1. */
const CHUNK_STEPS = 256;

/** A gemm operand: `rows` logical rows of length k, stored row-major, or transposed (stored k×rows). */
export interface Operand {
  readonly data: Float64Array;
  readonly rows: number;
  readonly transposed: boolean;
}

/** Logical entry (row, p) of an operand with inner length k. */
const at = (x: Operand, row: number, p: number, k: number): number =>
  x.transposed ? x.data[p * x.rows + row]! : x.data[row * k + p]!;

/**
 * Tiles [first, first + tiles) of the operand, each `rowsPerTile` rows as a panel of k2/2 blocks of rowsPerTile × 2
 * doubles (columns 2t, 2t+1 of every row of the tile), zero past the operand's rows; written to `out` from `start`.
 */
function pack(
  x: Operand,
  k: number,
  k2: number,
  rowsPerTile: number,
  first: number,
  tiles: number,
  out: Float64Array,
  start: number,
) {
  const width = 2 * rowsPerTile,
    steps = k2 / 2,
    panel = steps * width,
    d = x.data,
    row0 = first * rowsPerTile, // the first logical row packed
    rows = Math.max(0, Math.min(tiles * rowsPerTile, x.rows - row0)); // logical rows packed (the rest is padding)
  if (x.transposed) {
    // stored row p holds entry p of every logical row: walk the stored rows in pairs (2t, 2t+1), each once and in
    // order, and hand every tile its block t (a tile-by-tile walk read each stored row once per tile, from far out
    // in the cache: up to 3× slower)
    const full = Math.floor(rows / rowsPerTile), // tiles with no padding rows
      stride = x.rows;
    for (let t = 0; t < steps; t++) {
      const p0 = 2 * t * stride + row0,
        p1 = p0 + stride;
      let o = start + t * width,
        q = 0;
      for (let tile = 0; tile < full; tile++, o += panel)
        for (let e = 0; e < width; e += 2, q++) {
          out[o + e] = d[p0 + q]!;
          out[o + e + 1] = d[p1 + q]!;
        }
      for (let R = 0; q < rows; R++, q++) {
        out[o + 2 * R] = d[p0 + q]!;
        out[o + 2 * R + 1] = d[p1 + q]!;
      }
    }
  } else
    for (let tile = 0; tile < tiles; tile++) {
      const base = start + tile * panel,
        real = Math.max(0, Math.min(rowsPerTile, rows - tile * rowsPerTile)); // rows of this tile inside the operand
      if (real === 2 && rowsPerTile === 2) {
        // a whole row pair (every tile of A but an odd last one) in one pass that writes its panel in order:
        // 1.2 → 0.8 ms for a 1024×1024 G
        const s0 = (row0 + 2 * tile) * k,
          s1 = s0 + k;
        for (let p = 0, o = base; p < k2; p += 2, o += 4) {
          out[o] = d[s0 + p]!;
          out[o + 1] = d[s0 + p + 1]!;
          out[o + 2] = d[s1 + p]!;
          out[o + 3] = d[s1 + p + 1]!;
        }
        continue;
      }
      for (let R = 0; R < real; R++) {
        const src = (row0 + tile * rowsPerTile + R) * k;
        for (let p = 0, o = base + 2 * R; p < k2; p += 2, o += width) {
          out[o] = d[src + p]!;
          out[o + 1] = d[src + p + 1]!;
        }
      }
    }
  // rows past the operand's end (in its last tile) are zero
  for (let tile = Math.floor(rows / rowsPerTile); tile < tiles; tile++) {
    const base = start + tile * panel,
      real = Math.max(0, Math.min(rowsPerTile, rows - tile * rowsPerTile));
    for (let R = real; R < rowsPerTile; R++)
      for (let t = 0, o = base + 2 * R; t < steps; t++, o += width) out[o] = out[o + 1] = 0;
  }
}

/** C (n×m, row-major) = A·Bᵀ for operands A (n rows) and B (m rows) of inner length k, overwriting c. */
export function gemmSimdInto(A: Operand, B: Operand, c: Float64Array, k: number): void {
  const K = kernel(),
    n = A.rows,
    m = B.rows;
  const k2 = k - (k % 2),
    steps = k2 / 2,
    pairs = (n + 1) >> 1,
    quads = (m + 3) >> 2;
  const cols = 4 * quads; // padded row length of C
  if (steps === 0) {
    // k < 2: no lane sums (the kernel runs at least one block), so each entry is +0 plus the odd product below
    c.fill(0, 0, n * m);
    addOddProduct(A, B, c, k);
    return;
  }
  const len = Math.min(CHUNK_STEPS, steps),
    block = Math.min(quads, Math.max(1, Math.floor(CACHE_BLOCK_BYTES / (64 * len))));
  const chunks = Math.ceil(steps / len);
  // A is packed and C computed a band of row pairs at a time (C copied out after each), so the module keeps at most
  // A_BAND_BYTES of A and C_BAND_BYTES of C, whatever their size: B's panels, O(m·k), are the one whole operand
  const band = Math.min(
    pairs,
    Math.max(1, Math.floor(C_BAND_BYTES / (16 * cols))),
    Math.max(1, Math.floor(A_BAND_BYTES / (32 * steps))),
  );
  const sizeB = quads * steps * 8,
    sizeA = band * steps * 4,
    sizeC = 2 * band * cols,
    sizeAcc = chunks > 1 ? band * block * 16 : 0;
  reserve(K, 8 * (sizeB + sizeA + sizeC + sizeAcc));
  const mem = new Float64Array(K.memory.buffer);
  const offB = 0,
    offA = sizeB,
    offC = offA + sizeA,
    offAcc = offC + sizeC;
  pack(B, k, k2, 4, 0, quads, mem, offB);
  // quads of B in blocks, and the shared dimension in chunks, small enough to stay in cache while every row pair
  // of the band passes over them; between chunks each tile keeps its two lanes per entry, so every entry is still
  // summed in one order (bands, blocks and chunks change no bits)
  for (let r0 = 0; r0 < pairs; r0 += band) {
    const p = Math.min(band, pairs - r0);
    pack(A, k, k2, 2, r0, p, mem, offA);
    for (let q0 = 0; q0 < quads; q0 += block) {
      const q = Math.min(block, quads - q0);
      for (let ch = 0; ch < chunks; ch++) {
        const t0 = ch * len,
          mode = (ch > 0 ? 1 : 0) | (ch === chunks - 1 ? 2 : 0);
        K.gemm(
          8 * (offA + t0 * 4),
          8 * (offB + q0 * steps * 8 + t0 * 8),
          8 * (offC + 4 * q0),
          8 * offAcc,
          p,
          q,
          Math.min(len, steps - t0),
          32 * steps,
          64 * steps,
          8 * cols,
          mode,
        );
      }
    }
    const first = 2 * r0,
      rows = Math.min(n, 2 * (r0 + p)) - first; // the band's rows inside C
    if (cols === m) c.set(mem.subarray(offC, offC + rows * m), first * m);
    else for (let i = 0; i < rows; i++) c.set(mem.subarray(offC + i * cols, offC + i * cols + m), (first + i) * m);
  }
  addOddProduct(A, B, c, k);
}

/** The last product of an odd inner length, added to C after the two lanes' sum, as in dotAt. */
function addOddProduct(A: Operand, B: Operand, c: Float64Array, k: number): void {
  if (k % 2 === 0) return;
  const n = A.rows,
    m = B.rows;
  for (let i = 0; i < n; i++) {
    const x = at(A, i, k - 1, k);
    for (let j = 0; j < m; j++) c[i * m + j]! += x * at(B, j, k - 1, k);
  }
}

/** Bytes of the module's linear memory (for tests: a band of A and of C at a time, not the whole operands). */
export function gemmMemoryBytes(): number {
  return kernel().memory.buffer.byteLength;
}
