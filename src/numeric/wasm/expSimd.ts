import { EXP_WASM_BASE64 } from './expBytes.js';
import { type KernelExports, lazyKernel, reserve } from './instance.js';

/*
 * The WASM SIMD (f64x2) exponential (docs/numerics.md, "Exponentials"), compiled from exp.wat at build time.
 * Numbers are copied into the module's linear memory (which grows on demand and is reused), padded to whole steps
 * of eight, exponentiated in place and copied back.
 */
interface ExpExports extends KernelExports {
  exp: (p: number, len: number, shift: number) => void;
}

const kernel = lazyKernel<ExpExports>(EXP_WASM_BASE64);

/** Numbers per step of the kernel (four f64x2 vectors). */
const STEP = 8;

/** Runs up to this length are copied entry by entry (a subarray view costs more). */
const COPY_LOOP_MAX = 32;

let view = new Float64Array(0);

/** a[start..end) ← e^{a − shift}, in place, on the SIMD kernel. */
export function expShiftedSimd(a: Float64Array, shift: number, start: number, end: number): void {
  const K = kernel(),
    len = end - start,
    padded = Math.ceil(len / STEP) * STEP;
  reserve(K, 8 * padded);
  if (view.buffer !== K.memory.buffer) view = new Float64Array(K.memory.buffer);
  const mem = view;
  if (len <= COPY_LOOP_MAX) for (let k = 0; k < len; k++) mem[k] = a[start + k]!;
  else mem.set(a.subarray(start, end));
  for (let k = len; k < padded; k++) mem[k] = 0;
  K.exp(0, padded, shift);
  if (len <= COPY_LOOP_MAX) for (let k = 0; k < len; k++) a[start + k] = mem[k]!;
  else a.set(mem.subarray(0, len), start);
}
