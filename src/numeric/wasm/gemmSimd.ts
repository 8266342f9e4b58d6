import { GEMM_WASM_BASE64 } from './gemmBytes.js';

/*
 * The WASM SIMD (f64x2) A·Bᵀ kernel (docs/numerics.md), compiled from gemm.wat at build time.
 * A and B are packed into the module's linear memory (which grows on demand and is reused) as row-pair and
 * row-quad panels, zero-padded to whole tiles; the kernel then computes
 * every entry of the padded product (the padded rows' entries are dropped), and only the last product of an odd
 * inner length is added here, so each entry keeps the one summation order of `dotAt`.
 */
interface GemmExports {
  memory: WebAssembly.Memory;
  gemm: (pa: number, pb: number, c: number, pairs: number, quads: number, steps: number, ldc: number) => void;
}

let exportsCache: GemmExports | undefined;
function kernel(): GemmExports {
  if (!exportsCache) {
    const bytes = Buffer.from(GEMM_WASM_BASE64, 'base64');
    exportsCache = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports as unknown as GemmExports;
  }
  return exportsCache;
}

/** Bytes of packed B one kernel call sweeps (about a quarter of the 1 MiB L2 cache per core). */
const CACHE_BLOCK_BYTES = 256 * 1024;

/**
 * Rows r0, r0+1, … of x (row length k) as `tiles` panels of `rowsPerTile` rows, each `steps` blocks of
 * rowsPerTile × 2 doubles (columns 2t, 2t+1 of every row of the tile, t < k2/2), zero past `rows`.
 */
function pack(
  x: Float64Array,
  rows: number,
  k: number,
  k2: number,
  rowsPerTile: number,
  tiles: number,
  steps: number,
  out: Float64Array,
  at: number,
): void {
  const width = 2 * rowsPerTile;
  for (let tile = 0; tile < tiles; tile++) {
    const base = at + tile * steps * width;
    for (let R = 0; R < rowsPerTile; R++) {
      const row = tile * rowsPerTile + R;
      let o = base + 2 * R;
      if (row >= rows) {
        for (let t = 0; t < steps; t++, o += width) out[o] = out[o + 1] = 0;
        continue;
      }
      const src = row * k;
      let p = 0;
      for (; p < k2; p += 2, o += width) {
        out[o] = x[src + p]!;
        out[o + 1] = x[src + p + 1]!;
      }
    }
  }
}

/** C (n×m, row-major) = A (n×k) · B (m×k)ᵀ, overwriting c. */
export function gemmSimdInto(a: Float64Array, b: Float64Array, c: Float64Array, n: number, m: number, k: number): void {
  const K = kernel();
  const k2 = k - (k % 2),
    pairs = (n + 1) >> 1,
    quads = (m + 3) >> 2;
  const steps = k2 / 2;
  const cols = 4 * quads; // padded row length of C
  const sizeA = pairs * steps * 4,
    sizeB = quads * steps * 8,
    sizeC = 2 * pairs * cols;
  const need = 8 * (sizeA + sizeB + sizeC);
  const have = K.memory.buffer.byteLength;
  if (need > have) K.memory.grow(Math.ceil((need - have) / 65536));
  const mem = new Float64Array(K.memory.buffer);
  const offA = 0,
    offB = sizeA,
    offC = sizeA + sizeB;
  pack(a, n, k, k2, 2, pairs, steps, mem, offA);
  pack(b, m, k, k2, 4, quads, steps, mem, offB);
  // quads of B in blocks small enough to stay in cache while every row pair of A passes over them (each entry
  // is still one full-length sum, so blocking does not change its order)
  const block = Math.max(1, Math.floor(CACHE_BLOCK_BYTES / (64 * Math.max(1, steps))));
  for (let q0 = 0; q0 < quads; q0 += block) {
    const q = Math.min(block, quads - q0);
    K.gemm(8 * offA, 8 * (offB + q0 * steps * 8), 8 * (offC + 4 * q0), pairs, q, steps, 8 * cols);
  }
  if (cols === m) c.set(mem.subarray(offC, offC + n * m));
  else for (let i = 0; i < n; i++) c.set(mem.subarray(offC + i * cols, offC + i * cols + m), i * m);
  // the last product of an odd inner length comes after the two lanes' sum, as in dotAt
  if (k2 < k) {
    for (let i = 0; i < n; i++) {
      const x = a[i * k + k - 1]!;
      for (let j = 0; j < m; j++) c[i * m + j]! += x * b[j * k + k - 1]!;
    }
  }
}
