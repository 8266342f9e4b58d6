/*
 * CLIP loss forward and forward+gradient: float64 core vs the TensorFlow.js engine (float32).
 *   npx tsx bench/kernels.ts            all sizes; the largest in child processes for peak RSS
 *   npx tsx bench/kernels.ts --quick    small sizes only
 * Prints median ms per call and effective GFLOP/s (matmul flops only: 2N²d forward, 6N²d forward+grad,
 * as in docs/numerics.md). Goals (issue 2): float64 forward+grad at (1024, 128) < 150 ms median;
 * <= 5 µs per call at (8, 2).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { clipLoss, clipLossWithGrad, clipWorkspace } from '../src/losses/index.js';
import { Rng, type Matrix } from '../src/numeric/index.js';
import { sampleUniformSphere } from '../src/sphere/index.js';
import { clipLossTf, clipLossWithGradTf, loadTensorEngine } from '../src/tensor/index.js';

type Engine = 'f64' | 'tfjs';
type Mode = 'fwd' | 'grad';
const TAU = 0.07;

function data(n: number, d: number): [Matrix, Matrix] {
  const rng = new Rng(n * 31 + d);
  return [sampleUniformSphere(rng, n, d), sampleUniformSphere(rng, n, d)];
}

/** Median ms per call over `samples` samples, each running >= minMs of repeated calls after warm-up. */
async function timeIt(f: () => unknown | Promise<unknown>, samples: number, minMs: number): Promise<number> {
  for (let i = 0; i < 3; i++) await f();
  const out: number[] = [];
  for (let s = 0; s < samples; s++) {
    let calls = 0;
    const t0 = performance.now();
    do {
      await f();
      calls++;
    } while (performance.now() - t0 < minMs);
    out.push((performance.now() - t0) / calls);
  }
  out.sort((a, b) => a - b);
  return out[Math.floor(out.length / 2)]!;
}

function runner(engine: Engine, mode: Mode, X: Matrix, Y: Matrix): () => unknown {
  const ws = clipWorkspace(X.rows, X.cols);
  if (engine === 'f64') return mode === 'fwd' ? () => clipLoss(X, Y, TAU, ws) : () => clipLossWithGrad(X, Y, TAU, ws);
  return mode === 'fwd' ? () => clipLossTf(X, Y, TAU) : () => clipLossWithGradTf(X, Y, TAU);
}

async function measure(
  engine: Engine,
  mode: Mode,
  n: number,
  d: number,
  samples: number,
  minMs: number,
): Promise<{ ms: number; gflops: number }> {
  const [X, Y] = data(n, d);
  const ms = await timeIt(runner(engine, mode, X, Y), samples, minMs);
  const flops = (mode === 'fwd' ? 2 : 6) * n * n * d;
  return { ms, gflops: flops / (ms * 1e6) };
}

async function child(engine: Engine, mode: Mode, n: number, d: number): Promise<void> {
  if (engine === 'tfjs') await loadTensorEngine();
  const r = await measure(engine, mode, n, d, 3, 1);
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ...r, peakMiB }));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1] as Engine, args[2] as Mode, Number(args[3]), Number(args[4]));
  const quick = args.includes('--quick');
  const { backend, fallbackReason } = await loadTensorEngine();
  console.log(
    `# CLIP loss, τ = ${TAU}; float64 = plain TypeScript + WASM SIMD matmul; tfjs backend = ${backend}${fallbackReason ? ` (${fallbackReason})` : ''}`,
  );
  console.log('| N | d | engine | fwd ms | fwd GFLOP/s | fwd+grad ms | f+g GFLOP/s | peak RSS MiB |');
  console.log('|---:|---:|---|---:|---:|---:|---:|---:|');
  const sizes: [number, number][] = quick
    ? [
        [8, 2],
        [64, 32],
      ]
    : [
        [8, 2],
        [64, 32],
        [1024, 128],
        [4096, 256],
      ];
  for (const [n, d] of sizes) {
    for (const engine of ['f64', 'tfjs'] as Engine[]) {
      let f: { ms: number; gflops: number },
        g: { ms: number; gflops: number },
        peak = '';
      if (n >= 4096) {
        // one fresh process per measurement so peak RSS belongs to that engine and mode alone
        const me = fileURLToPath(import.meta.url);
        const run = (mode: Mode): { ms: number; gflops: number; peakMiB: number } =>
          JSON.parse(
            execFileSync(process.execPath, [...process.execArgv, me, '--child', engine, mode, String(n), String(d)], {
              encoding: 'utf8',
            })
              .trim()
              .split('\n')
              .pop()!,
          );
        const rf = run('fwd'),
          rg = run('grad');
        f = rf;
        g = rg;
        peak = `${rf.peakMiB.toFixed(0)} / ${rg.peakMiB.toFixed(0)}`;
      } else {
        const minMs = n <= 64 ? 200 : 300;
        f = await measure(engine, 'fwd', n, d, 5, minMs);
        g = await measure(engine, 'grad', n, d, 5, minMs);
      }
      const fmt = (ms: number): string => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : ms.toFixed(1));
      console.log(
        `| ${n} | ${d} | ${engine === 'f64' ? 'float64 core' : `tfjs-${backend} tuned (f32)`} | ${fmt(f.ms)} | ${f.gflops.toFixed(2)} | ${fmt(g.ms)} | ${g.gflops.toFixed(2)} | ${peak} |`,
      );
    }
  }
  console.log('(peak RSS: forward / forward+grad, whole process, measured for the largest size only)');
}

await main();
