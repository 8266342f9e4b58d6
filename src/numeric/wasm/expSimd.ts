import { EXP_WASM_BASE64 } from './expBytes.js';
import { type KernelExports, lazyKernel, reserve } from './instance.js';

/*
 * The WASM SIMD (f64x2) exponential (docs/numerics.md, "Exponentials"), compiled from exp.wat at build time.
 * A run is copied into the module's linear memory a chunk at a time, padded to whole steps of eight numbers,
 * exponentiated in place and copied back, so the module's memory stays one chunk whatever the run's length.
 */
interface ExpExports extends KernelExports {
  exp: (p: number, len: number, shift: number) => void;
}

const kernel = lazyKernel<ExpExports>(EXP_WASM_BASE64);

/** Numbers per step of the kernel (four f64x2 vectors). */
const STEP = 8;
/** Numbers per chunk: 64 KiB, one page of WASM memory. */
const CHUNK = 8192;
/** Runs up to this length are copied entry by entry (two subarray views cost more). */
const COPY_LOOP_MAX = 32;

let view = new Float64Array(0);

/** a[start..end) ← e^(a − shift), in place, on the SIMD kernel. */
export function expShiftedSimd(a: Float64Array, shift: number, start: number, end: number): void {
  const K = kernel();
  reserve(K, 8 * Math.min(CHUNK, Math.ceil((end - start) / STEP) * STEP));
  if (view.buffer !== K.memory.buffer) view = new Float64Array(K.memory.buffer);
  for (let from = start; from < end; from += CHUNK) {
    const len = Math.min(CHUNK, end - from),
      padded = Math.ceil(len / STEP) * STEP;
    if (len <= COPY_LOOP_MAX) for (let k = 0; k < len; k++) view[k] = a[from + k]!;
    else view.set(a.subarray(from, from + len));
    for (let k = len; k < padded; k++) view[k] = 0;
    K.exp(0, padded, shift);
    if (len <= COPY_LOOP_MAX) for (let k = 0; k < len; k++) a[from + k] = view[k]!;
    else a.set(view.subarray(0, len), from);
  }
}

/** Bytes of the module's linear memory (for tests: it stays one chunk). */
export function expMemoryBytes(): number {
  return kernel().memory.buffer.byteLength;
}
