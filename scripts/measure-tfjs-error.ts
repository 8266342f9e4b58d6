/*
 * The measured error of the TensorFlow.js (float32) CLIP loss and gradients against the float64 core, the source of
 * the float32 tolerances in src/numeric/tolerance.ts and the table in docs/numerics.md.
 *   npx tsx scripts/measure-tfjs-error.ts            # ~1 min on the wasm backend
 * Inputs: unit rows (uniform on the sphere, seeded); 'near-duplicate' pairs y_i = normalize(x_i + 1e-3·noise),
 * 'collapsed' batches where half the rows repeat one row (their partners near-duplicates), 'antipodal' pairs
 * y_i = −x_i, and 'unnormalized' random rows scaled by factors in [0.5, 3]. The float64 core (src/losses/clip.ts)
 * is the reference: it agrees with mpmath to ~1e-15 (test/losses/oracle.test.ts), far below the float32 error
 * measured here.
 * Errors: loss |Δ| and |Δ|/|L|; gradients max|Δ| / max|reference| over both gradients (the max-norm relative error
 * test/helpers/assert.ts uses) and τ·max|Δ| (the absolute error in units of 1/τ), the worst over SEEDS batches.
 * The last section repeats the comparison on the float32-meaningful cases of fixtures/oracle/clip.json, the ones
 * test/tensor/engine.test.ts checks, to give the margin of the tolerances used there.
 */
import { clipLossWithGrad } from '../src/losses/index.js';
import { readFileSync } from 'node:fs';
import {
  allowedError,
  FLOAT32_WASM,
  FLOAT32_WASM_GRADIENT,
  fromRows,
  type Matrix,
  normalizeRows,
  Rng,
} from '../src/numeric/index.js';
import { sampleUniformSphere } from '../src/sphere/index.js';
import { clipLossWithGradTf, loadTensorEngine } from '../src/tensor/index.js';

const SEEDS = 10;
type Kind = 'random' | 'near-duplicate' | 'collapsed' | 'antipodal' | 'unnormalized';

function batch(rng: Rng, kind: Kind, n: number, d: number): [Matrix, Matrix] {
  const X = sampleUniformSphere(rng, n, d);
  if (kind === 'random') return [X, sampleUniformSphere(rng, n, d)];
  if (kind === 'antipodal') return [X, { rows: n, cols: d, data: X.data.map((v) => -v) }];
  if (kind === 'unnormalized') {
    const Y = sampleUniformSphere(rng, n, d);
    for (const M of [X, Y])
      for (let i = 0; i < n; i++) {
        const f = 0.5 + 2.5 * rng.uniform();
        for (let k = 0; k < d; k++) M.data[i * d + k]! *= f;
      }
    return [X, Y];
  }
  if (kind === 'collapsed') for (let i = 1; i < n; i += 2) X.data.copyWithin(i * d, 0, d);
  const noisy = Float64Array.from(X.data, (v) => v + 1e-3 * rng.normal());
  return [X, normalizeRows({ rows: n, cols: d, data: noisy })];
}

/** max|Δ| and max|reference| over both gradients. */
function gradientError(a: Matrix, b: Matrix, c: Matrix, e: Matrix): { err: number; scale: number } {
  let err = 0,
    scale = 0;
  for (const [x, y] of [
    [a, b],
    [c, e],
  ] as const) {
    for (let k = 0; k < x.data.length; k++) {
      err = Math.max(err, Math.abs(x.data[k]! - y.data[k]!));
      scale = Math.max(scale, Math.abs(y.data[k]!));
    }
  }
  return { err, scale };
}

const { backend } = await loadTensorEngine();
console.log(`# TensorFlow.js ${backend} (float32) vs the float64 core; worst of ${SEEDS} seeded batches`);
console.log(
  '| kind | B | d | τ | loss (median) | abs loss error | rel loss error | rel gradient error ' +
    '| τ·abs gradient error |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const kind of ['random', 'near-duplicate', 'collapsed', 'antipodal', 'unnormalized'] as const) {
  for (const [n, d] of [
    [8, 16],
    [128, 64],
    [1024, 128],
  ] as const) {
    for (const tau of [0.01, 0.07, 1]) {
      let abs = 0,
        rel = 0,
        grad = 0,
        gradAbs = 0;
      const losses: number[] = [];
      for (let seed = 0; seed < SEEDS; seed++) {
        const [X, Y] = batch(new Rng(1000 * seed + n + d), kind, n, d);
        const ref = clipLossWithGrad(X, Y, tau),
          tf = await clipLossWithGradTf(X, Y, tau);
        losses.push(ref.loss);
        abs = Math.max(abs, Math.abs(tf.loss - ref.loss));
        rel = Math.max(rel, Math.abs(tf.loss - ref.loss) / Math.abs(ref.loss));
        const g = gradientError(tf.gradX, ref.gradX, tf.gradY, ref.gradY);
        grad = Math.max(grad, g.err / g.scale);
        gradAbs = Math.max(gradAbs, tau * g.err);
      }
      losses.sort((a, b) => a - b);
      const e = (v: number): string => v.toExponential(1);
      const median = losses[SEEDS >> 1]!.toPrecision(3);
      const errors = [abs, rel, grad, gradAbs].map(e).join(' | ');
      console.log(`| ${kind} | ${n} | ${d} | ${tau} | ${median} | ${errors} |`);
    }
  }
}

// the cases test/tensor/engine.test.ts compares at FLOAT32_WASM (loss) and FLOAT32_WASM_GRADIENT (gradients)
interface ClipCase {
  X: number[][];
  Y: number[][];
  tau: number;
  loss: number;
  gradX: number[][];
  gradY: number[][];
}
const oracle = JSON.parse(readFileSync('fixtures/oracle/clip.json', 'utf8')) as { cases: ClipCase[] };
let lossRatio = 0,
  gradRatio = 0,
  count = 0;
for (const c of oracle.cases.filter((k) => k.tau >= 0.05 && k.loss >= 1e-3)) {
  const tf = await clipLossWithGradTf(fromRows(c.X), fromRows(c.Y), c.tau);
  lossRatio = Math.max(lossRatio, Math.abs(tf.loss - c.loss) / allowedError(tf.loss, c.loss, FLOAT32_WASM));
  const g = gradientError(tf.gradX, fromRows(c.gradX), tf.gradY, fromRows(c.gradY));
  gradRatio = Math.max(gradRatio, g.err / (FLOAT32_WASM_GRADIENT.rel * Math.max(g.scale, FLOAT32_WASM_GRADIENT.floor)));
  count++;
}
console.log(
  `\nfixtures/oracle/clip.json, ${count} cases with τ >= 0.05 and loss >= 1e-3: worst loss error = ` +
    `${lossRatio.toFixed(3)} of the FLOAT32_WASM allowance, ` +
    `worst gradient error = ${gradRatio.toFixed(3)} of FLOAT32_WASM_GRADIENT`,
);
