/*
 * The float64 loss kernels against their peers, then the CLIP loss against the TensorFlow.js engine (float32).
 *   npx tsx bench/kernels.ts            peers at (1024, 128) and (4096, 256), then all tfjs sizes
 *   npx tsx bench/kernels.ts --quick    peers at (256, 128), small tfjs sizes only
 *   npx tsx bench/kernels.ts --peers    the peer table only
 * Peers (issue 13): CLIP and one-direction InfoNCE (a shared pool of B negatives), forward + backward, CPU time
 * per call, warm against warm in the same run: this process against PyTorch float64 and numpy float64
 * (bench/peer/kernels_peer.py, /usr/bin/python3, one thread each) on the same inputs, with ratios, GFLOP/s
 * (matmul flops 6B²d) and the fraction of a measured peak (the best GFLOP/s of our matmulABt and of numpy's
 * matmul; bench/gemm-ceiling.ts gives the clock and the hardware's peak in flops per cycle). Goals: InfoNCE <= 2x
 * torch and CLIP <= 1x torch at both sizes.
 * tfjs table: median ms per call and effective GFLOP/s (2N²d forward, 6N²d forward+grad, as in
 * docs/numerics.md). Goals (issue 2): float64 forward+grad at (1024, 128) < 150 ms median; <= 5 µs at (8, 2).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clipLoss, clipLossWithGrad, clipWorkspace, infoNceWithGrad } from '../src/losses/index.js';
import { type Matrix, matmulABt, matrix, Rng } from '../src/numeric/index.js';
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

/** Median CPU ms per call (process.cpuUsage) over `samples` samples of >= minMs CPU each, after `warm` calls. */
function cpuTime(f: () => unknown, warm: number, samples: number, minMs: number): number {
  for (let i = 0; i < warm; i++) f();
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const out: number[] = [];
  for (let s = 0; s < samples; s++) {
    let calls = 0;
    const t0 = cpu();
    do {
      f();
      calls++;
    } while (cpu() - t0 < minMs);
    out.push((cpu() - t0) / calls);
  }
  out.sort((a, b) => a - b);
  return out[Math.floor(out.length / 2)]!;
}

interface PeerLoss {
  readonly s: number;
  readonly loss: number;
}
interface PeerResult {
  readonly numpy: { clip: PeerLoss; infonce: PeerLoss; gemm_gflops: number };
  readonly torch: { clip: PeerLoss; infonce: PeerLoss; version: string } | { error: string };
}

/** Our peak: the best GFLOP/s of matmulABt over a few large shapes. */
function ourPeak(): number {
  let best = 0;
  for (const [n, m, k] of [
    [1024, 1024, 128],
    [1024, 128, 1024],
    [512, 512, 256],
  ] as const) {
    const rng = new Rng(n + m + k);
    const A = sampleUniformSphere(rng, n, k),
      B = sampleUniformSphere(rng, m, k),
      C = matrix(n, m);
    const ms = cpuTime(() => matmulABt(A, B, C), 2, 5, 100);
    best = Math.max(best, (2 * n * m * k) / (ms * 1e6));
  }
  return best;
}

/** CLIP and InfoNCE forward + backward, ours against the Python peers, on the same inputs. */
function peerTable(sizes: readonly (readonly [number, number])[]): void {
  const peak = ourPeak();
  const dir = mkdtempSync(join(tmpdir(), 'crl-kernels-')),
    notes: string[] = [];
  console.log(
    `# float64 forward + backward, CPU ms per call (median), τ = ${TAU}; InfoNCE: one direction, shared pool of B ` +
      `negatives; our peak (best matmulABt) ${peak.toFixed(1)} GFLOP/s`,
  );
  console.log(
    '| B | d | loss | ours ms | torch ms | numpy ms | ours/torch | ours/numpy | ours GFLOP/s | ours % of peak | ' +
      'torch % of numpy peak | loss rel. diff vs torch |',
  );
  console.log('|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  try {
    for (const [b, d] of sizes) {
      const rng = new Rng(b * 7 + d);
      const X = sampleUniformSphere(rng, b, d),
        Y = sampleUniformSphere(rng, b, d),
        N = sampleUniformSphere(rng, b, d);
      const file = join(dir, `in-${b}-${d}.f64`);
      const all = new Float64Array(3 * b * d);
      all.set(X.data, 0);
      all.set(Y.data, b * d);
      all.set(N.data, 2 * b * d);
      writeFileSync(file, Buffer.from(all.buffer));
      const big = b * b * d > 1e8;
      const [warm, samples, minMs] = big ? [1, 3, 1] : [3, 5, 300];
      const ws = clipWorkspace(b, d);
      const clip = () => clipLossWithGrad(X, Y, TAU, ws);
      const nce = () => infoNceWithGrad({ anchors: X, positives: Y, negatives: N, m: b, tau: TAU, shared: true });
      const ours = () => ({ clip: cpuTime(clip, warm, samples, minMs), infonce: cpuTime(nce, warm, samples, minMs) });
      // ours before and after the peer (mean of the two medians), so a change of machine load hits both sides
      const before = ours();
      const out = execFileSync(
        '/usr/bin/python3',
        [
          fileURLToPath(new URL('peer/kernels_peer.py', import.meta.url)),
          `${b}`,
          `${d}`,
          `${TAU}`,
          file,
          big ? '0' : '0.3',
        ],
        { encoding: 'utf8', env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' } },
      );
      const peer = JSON.parse(out.trim().split('\n').pop()!) as PeerResult;
      const after = ours();
      const values = { clip: clip().loss, infonce: nce().loss };
      const peerPeak = peer.numpy.gemm_gflops;
      for (const loss of ['clip', 'infonce'] as const) {
        const ms = (before[loss] + after[loss]) / 2;
        const torch = 'error' in peer.torch ? undefined : peer.torch[loss];
        const np = peer.numpy[loss];
        const gflops = (6 * b * b * d) / (ms * 1e6);
        const torchFrac = torch ? (6 * b * b * d) / (torch.s * 1e9) / peerPeak : NaN;
        const cells = [
          b,
          d,
          loss === 'clip' ? 'CLIP' : 'InfoNCE',
          ms.toFixed(1),
          torch ? (torch.s * 1000).toFixed(1) : 'n/a',
          (np.s * 1000).toFixed(1),
          torch ? `${(ms / (torch.s * 1000)).toFixed(2)}×` : 'n/a',
          `${(ms / (np.s * 1000)).toFixed(2)}×`,
          gflops.toFixed(1),
          `${((100 * gflops) / peak).toFixed(0)}%`,
          torch ? `${(100 * torchFrac).toFixed(0)}%` : 'n/a',
          torch ? (Math.abs(values[loss] - torch.loss) / Math.abs(torch.loss)).toExponential(1) : 'n/a',
        ];
        console.log(`| ${cells.join(' | ')} |`);
      }
      notes.push(
        `(${b}, ${d}): numpy peak ${peerPeak.toFixed(1)} GFLOP/s` +
          ('error' in peer.torch ? `, torch not available: ${peer.torch.error}` : `, torch ${peer.torch.version}`),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(notes.join('; '));
  // a caller without a workspace pays for nothing but fresh gradients
  const rng = new Rng(5);
  const X = sampleUniformSphere(rng, 256, 128),
    Y = sampleUniformSphere(rng, 256, 128),
    ws = clipWorkspace(256, 128);
  const withWs = cpuTime(() => clipLossWithGrad(X, Y, TAU, ws), 3, 5, 200),
    without = cpuTime(() => clipLossWithGrad(X, Y, TAU), 3, 5, 200);
  console.log(
    `CLIP forward + backward at (256, 128): ${withWs.toFixed(2)} ms with a workspace, ${without.toFixed(2)} ms ` +
      `without (${(without / withWs).toFixed(2)}×)\n`,
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1] as Engine, args[2] as Mode, Number(args[3]), Number(args[4]));
  const quick = args.includes('--quick');
  peerTable(
    quick
      ? [[256, 128]]
      : [
          [1024, 128],
          [4096, 256],
        ],
  );
  if (args.includes('--peers')) return;
  const { backend, fallbackReason } = await loadTensorEngine();
  console.log(
    `# CLIP loss, τ = ${TAU}; float64 = plain TypeScript + WASM SIMD matmul and exponential; tfjs backend = ${backend}${fallbackReason ? ` (${fallbackReason})` : ''}`,
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
