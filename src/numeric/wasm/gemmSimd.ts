import { dotAt } from '../matrix.js';
import { GEMM_WASM_BASE64 } from './gemmBytes.js';

/*
 * The WASM SIMD (f64x2) A·Bᵀ kernel (docs/numerics.md), compiled from gemm.wat at build time.
 * It computes the 2×4-tiled interior over an even inner length; `gemmSimdInto` finishes the edges in
 * JS. Operands are copied into the module's linear memory, which grows on demand and is reused.
 */
interface GemmExports {
  memory: WebAssembly.Memory;
  gemm: (a: number, b: number, c: number, n: number, m: number, kb: number, ld: number, ldc: number) => void;
}

let exportsCache: GemmExports | undefined;
function kernel(): GemmExports {
  if (!exportsCache) {
    const bytes = Buffer.from(GEMM_WASM_BASE64, 'base64');
    exportsCache = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports as unknown as GemmExports;
  }
  return exportsCache;
}

/** Bytes of B rows one kernel call sweeps (about half a typical L2 cache). */
const CACHE_BLOCK_BYTES = 256 * 1024;

/** C (n×m, row-major) = A (n×k) · B (m×k)ᵀ, overwriting c. */
export function gemmSimdInto(a: Float64Array, b: Float64Array, c: Float64Array, n: number, m: number, k: number): void {
  const K = kernel();
  const need = 8 * (n * k + m * k + n * m);
  const have = K.memory.buffer.byteLength;
  if (need > have) K.memory.grow(Math.ceil((need - have) / 65536));
  const buf = K.memory.buffer;
  const offA = 0,
    offB = 8 * n * k,
    offC = offB + 8 * m * k;
  new Float64Array(buf, offA, n * k).set(a);
  new Float64Array(buf, offB, m * k).set(b);
  const n2 = n - (n % 2),
    m4 = m - (m % 4),
    k2 = k - (k % 2);
  // column blocks of B small enough to stay in cache while every row pair of A passes over them (each entry is
  // still one full-length dot product, so blocking does not change its summation order)
  const block = Math.max(4, Math.floor(CACHE_BLOCK_BYTES / (8 * k) / 4) * 4);
  for (let j0 = 0; j0 < m4; j0 += block) {
    if (n2 > 0) K.gemm(offA, offB + 8 * k * j0, offC + 8 * j0, n2, Math.min(block, m4 - j0), 8 * k2, 8 * k, 8 * m);
  }
  const C = new Float64Array(buf, offC, n * m);
  c.set(C);
  // edges, each entry in the one summation order of dotAt: the tile's lanes hold (Σ even, Σ odd), its hsum adds
  // them, the odd last product is added after; leftover columns and rows are computed by dotAt itself
  if (k2 < k) {
    for (let i = 0; i < n2; i++) for (let j = 0; j < m4; j++) c[i * m + j]! += a[i * k + k - 1]! * b[j * k + k - 1]!;
  }
  for (let i = 0; i < n2; i++) for (let j = m4; j < m; j++) c[i * m + j] = dotAt(a, i * k, b, j * k, k);
  for (let i = n2; i < n; i++) for (let j = 0; j < m; j++) c[i * m + j] = dotAt(a, i * k, b, j * k, k);
}
