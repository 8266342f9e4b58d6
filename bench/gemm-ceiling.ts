/*
 * How close the WASM product runs to what this machine allows (issue 13 §1, "the bench prints fraction of peak").
 * Three figures, each the best of --repeat runs, in one process:
 *   1. the core clock, from a chain of dependent one-cycle integer operations (add, xor) in WASM;
 *   2. the ceiling of the kernel's own loop: src/numeric/wasm/gemm.wat, compiled here from its source, on panels that
 *      stay in the L1 cache (so no memory traffic), at chunks of 64 and 256 steps;
 *   3. matmulABt, matmulAB and matmulAtB at the losses' sizes, packing and copying included.
 * The flops per cycle of 2 and 3 say whether a product is bound by the loop or by the memory around it. The kernel
 * keeps one summation order (no fused multiply-add), so the hardware's own peak is that of separate multiplies and
 * adds on 128-bit vectors. A benchmark that prints, not a test; wabt (a dev dependency) compiles the kernel.
 *
 *   npx tsx bench/gemm-ceiling.ts [--repeat 5]
 */
import { readFileSync } from 'node:fs';
import wabtInit from 'wabt';
import { type Matrix, matmulAB, matmulABt, matmulAtB, matrix, Rng } from '../src/numeric/index.js';

const arg = (k: string, d: string): string => {
  const i = process.argv.indexOf(`--${k}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : d;
};
const REPEAT = Number(arg('repeat', '5'));
const wabt = await wabtInit();

/** The exports of a module compiled from WAT text. */
function compile(name: string, wat: string): Record<string, unknown> {
  const bytes = wabt.parseWat(name, wat, { simd: true }).toBinary({}).buffer;
  return new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports;
}

/** The best (smallest) seconds of `repeat` timed calls of f, after two untimed ones. */
function best(f: () => void, repeat = REPEAT): number {
  f();
  f();
  let min = Infinity;
  for (let i = 0; i < repeat; i++) {
    const t = process.hrtime.bigint();
    f();
    min = Math.min(min, Number(process.hrtime.bigint() - t) / 1e9);
  }
  return min;
}

// 1. The clock: 16 dependent one-cycle operations per iteration, so iterations × 16 / seconds = cycles per second.
const chain = Array.from({ length: 16 }, (_, i) =>
  i % 2
    ? '(local.set $x (i32.xor (local.get $x) (local.get $z)))'
    : '(local.set $x (i32.add (local.get $x) (local.get $y)))',
).join(' ');
const clockModule = compile(
  'clock.wat',
  `(module (func (export "f") (param $n i32) (param $y i32) (param $z i32) (result i32) (local $i i32) (local $x i32)
    (loop $l ${chain} (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n)))) (local.get $x)))`,
);
const spin = clockModule.f as (n: number, y: number, z: number) => number;
const ITERATIONS = 5e7;
const ghz = (ITERATIONS * 16) / best(() => spin(ITERATIONS, 3, 5)) / 1e9;
console.log(`# clock: ${ghz.toFixed(2)} GHz (dependent one-cycle integer operations)`);

// 2. The kernel's loop on L1-resident panels: `pairs` row pairs × `quads` row quads × `len` steps, 32 flops a step.
type Gemm = (...args: number[]) => void;
const kernelModule = compile(
  'gemm.wat',
  readFileSync(new URL('../src/numeric/wasm/gemm.wat', import.meta.url), 'utf8'),
);
const gemm = kernelModule.gemm as Gemm;
const memory = kernelModule.memory as WebAssembly.Memory;
memory.grow(4);
const cells = new Float64Array(memory.buffer);
for (let i = 0; i < cells.length; i++) cells[i] = 1 + i / cells.length;
const perCycle = (gflops: number): string => `${(gflops / ghz).toFixed(1)} flops/cycle`;
console.log('# the kernel loop (gemm.wat) on panels in L1, GFLOP/s');
for (const [pairs, quads, len] of [
  [4, 4, 64],
  [2, 2, 256],
] as const) {
  const strideA = 32 * len,
    strideB = 64 * len,
    offB = pairs * strideA,
    offC = offB + quads * strideB;
  const calls = Math.ceil(4e8 / (pairs * quads * len * 32));
  const s = best(() => {
    for (let i = 0; i < calls; i++) gemm(0, offB, offC, 0, pairs, quads, len, strideA, strideB, 32 * quads, 2);
  });
  const gflops = (calls * pairs * quads * len * 32) / s / 1e9;
  console.log(`  chunk of ${len} steps, ${pairs}×${quads} tiles: ${gflops.toFixed(1)} (${perCycle(gflops)})`);
}

// 3. The products of the losses, packing and copying included.
const rng = new Rng(5);
const random = (rows: number, cols: number): Matrix =>
  matrix(
    rows,
    cols,
    Float64Array.from({ length: rows * cols }, () => rng.normal()),
  );
console.log('# the products, packing and copying included, GFLOP/s');
for (const [b, d] of [
  [1024, 128],
  [4096, 256],
] as const) {
  const X = random(b, d),
    Y = random(b, d),
    G = random(b, b),
    S = matrix(b, b),
    dX = matrix(b, d),
    dY = matrix(b, d);
  const flops = 2 * b * b * d;
  const repeat = b > 2048 ? 3 : REPEAT;
  const line = [
    ['X·Yᵀ', () => matmulABt(X, Y, S)],
    ['G·Y', () => matmulAB(G, Y, dX)],
    ['Gᵀ·X', () => matmulAtB(G, X, dY)],
  ].map(([name, f]) => {
    const gflops = flops / best(f as () => void, repeat) / 1e9;
    return `${name as string} ${gflops.toFixed(1)} (${perCycle(gflops)})`;
  });
  console.log(`  (${b}, ${d}): ${line.join(', ')}`);
}
