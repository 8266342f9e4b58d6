/*
 * `crl-verify measure` at scale (issue 13: 20,000 × 768 float32 in < 30 s and < 1 GB).
 *   npx tsx bench/measure.ts                  # 20,000 × 768
 *   npx tsx bench/measure.ts --rows 5000      # smaller
 * Writes two seeded float32 .npy files (image-like x, text-like y = 0.6·x + noise + an offset, so there is a gap),
 * then reads and measures them in a fresh process that reports its wall time and peak RSS (the whole process,
 * reading included). Progress goes to stderr.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, readEmbeddings } from '../src/measure/index.js';
import { Rng } from '../src/numeric/index.js';

/** A C-order little-endian float32 .npy file (format 1.0). */
function writeNpy(path: string, rows: number, cols: number, data: Float32Array): void {
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${rows}, ${cols}), }`;
  header += `${' '.repeat(63 - ((10 + header.length) % 64))}\n`;
  const head = Buffer.alloc(10);
  Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]).copy(head);
  head.writeUInt16LE(header.length, 8);
  writeFileSync(path, Buffer.concat([head, Buffer.from(header, 'latin1'), Buffer.from(data.buffer)]));
}

interface Summary {
  ms: number;
  peakMiB: number;
  centroidGap: number;
  energy: number;
  r1: number;
}

function child(x: string, y: string): void {
  const t0 = performance.now();
  const m = measure(readEmbeddings(x), readEmbeddings(y));
  const ms = performance.now() - t0;
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  const summary: Summary = { ms, peakMiB, centroidGap: m.centroidGap, energy: m.energyDistance, r1: m.recall.xToY[1] };
  console.log(JSON.stringify(summary));
}

function main(): void {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    child(args[1]!, args[2]!);
    return;
  }
  const opt = (name: string, dflt: number): number => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : dflt;
  };
  const rows = opt('rows', 20000),
    dim = opt('dim', 768);
  const dir = mkdtempSync(join(tmpdir(), 'crl-measure-'));
  try {
    const rng = new Rng(13),
      x = new Float32Array(rows * dim),
      y = new Float32Array(rows * dim);
    for (let k = 0; k < x.length; k++) {
      x[k] = rng.normal();
      y[k] = 0.6 * x[k]! + 0.8 * rng.normal() + (k % dim === 0 ? 3 : 0);
    }
    writeNpy(join(dir, 'x.npy'), rows, dim, x);
    writeNpy(join(dir, 'y.npy'), rows, dim, y);
    const me = fileURLToPath(import.meta.url);
    const argv = [...process.execArgv, me, '--child', join(dir, 'x.npy'), join(dir, 'y.npy')];
    const out = execFileSync(process.execPath, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const r = JSON.parse(out.trim().split('\n').pop()!) as Summary;
    console.log('| rows × dim | wall s (read + measure) | peak RSS MiB | goal |');
    console.log('|---|---:|---:|---|');
    const seconds = (r.ms / 1000).toFixed(1);
    console.log(`| ${rows} × ${dim} float32 | ${seconds} | ${r.peakMiB.toFixed(0)} | < 30 s, < 1024 MiB |`);
    console.log(
      `(centroid gap ${r.centroidGap.toFixed(4)}, energy distance ${r.energy.toFixed(4)}, ` +
        `x → y R@1 ${r.r1.toFixed(4)})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
