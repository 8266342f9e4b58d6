import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';

/*
 * Output of the MNIST example: each table as JSON (the numbers, full precision) and as markdown (rounded for
 * reading); each plot as a Vega-Lite spec with its data inline (reports/mnist/*.vl.json).
 */

export interface Table {
  /** File stem: <name>.json and <name>.md. */
  readonly name: string;
  readonly title: string;
  /** What the table tests and what its control is, in a sentence or two. */
  readonly claim: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | boolean)[])[];
  /** Lines after the table: verdicts, fitted quantities. */
  readonly notes: readonly string[];
  /** Anything else worth keeping in the JSON. */
  readonly extra?: Record<string, unknown>;
}

/** A number for reading: 4 significant digits, exponent form when tiny. */
export function fmt(v: number | string | boolean): string {
  if (typeof v !== 'number') return String(v);
  if (Number.isInteger(v)) return String(v);
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 1e-3 || v === 0 ? v.toPrecision(4) : v.toExponential(2);
}

/** The table as markdown. */
export function tableMarkdown(t: Table): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    `## ${t.title}`, '', t.claim, '',
    line(t.columns), line(t.columns.map(() => '---')), ...t.rows.map((r) => line(r.map(fmt))), '',
    ...t.notes.map((n) => `- ${n}`), '',
  ].join('\n');
}

/** Writes <dir>/<name>.json and <dir>/<name>.md; returns the markdown. */
export function writeTable(dir: string, t: Table): string {
  const md = tableMarkdown(t);
  writeFileSync(join(dir, `${t.name}.json`), `${JSON.stringify(t, null, 2)}\n`);
  writeFileSync(join(dir, `${t.name}.md`), md);
  return md;
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Writes <dir>/<name>.vl.json. */
export function writeSpec(dir: string, name: string, spec: TopLevelSpec): string {
  const file = join(dir, `${name}.vl.json`);
  writeFileSync(file, `${JSON.stringify(spec, null, 2)}\n`);
  return file;
}

/** One point of the alignment/gap curves: `series` is the measured pairs or a control. */
export interface CurveDatum { run: string; step: number; quantity: string; series: string; value: number }

/** Alignment, centroid gap and energy distance against the training step (log scale), one panel each, controls dashed. */
export function gapCurveSpec(values: CurveDatum[]): TopLevelSpec {
  return {
    $schema: SCHEMA,
    title: 'MNIST halves: alignment and modality gap against the training step (held-out digits)',
    data: { values },
    facet: { column: { field: 'quantity', type: 'nominal', title: null } },
    spec: {
      width: 260, height: 200,
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'step', type: 'quantitative', title: 'training step' },
        y: { field: 'value', type: 'quantitative', title: null, scale: { type: 'log' } },
        color: { field: 'run', type: 'nominal', title: 'τ, batch' },
        strokeDash: { field: 'series', type: 'nominal', title: 'series' },
        shape: { field: 'series', type: 'nominal', title: 'series' },
      },
    },
    resolve: { scale: { y: 'independent' } },
  };
}

export interface NegativesDatum { m: number; seed: number; metric: string; value: number }

/** Held-out R@1 and AUC against the number of negatives m at a fixed budget n·m: seeds as points, mean ± sd. */
export function negativesSpec(values: NegativesDatum[], budget: number): TopLevelSpec {
  const x = { field: 'm', type: 'quantitative' as const, scale: { type: 'log' as const }, title: `negatives per anchor m (n·m = ${budget})` };
  return {
    $schema: SCHEMA,
    title: 'Paper 1 trade-off on MNIST halves: held-out retrieval against m at a fixed budget',
    data: { values },
    facet: { column: { field: 'metric', type: 'nominal', title: null } },
    spec: {
      width: 260, height: 200,
      layer: [
        { mark: { type: 'errorband', extent: 'stdev' }, encoding: { x, y: { field: 'value', type: 'quantitative', title: null } } },
        { mark: { type: 'line', point: true }, encoding: { x, y: { aggregate: 'mean', field: 'value', type: 'quantitative' } } },
        { mark: { type: 'point', opacity: 0.4, shape: 'cross' }, encoding: { x, y: { field: 'value', type: 'quantitative' } } },
      ],
    },
    resolve: { scale: { y: 'independent' } },
  };
}

export interface LargeBatchDatum { N: number; series: string; value: number; lo: number; hi: number }

/** N·(E[L_N − log N] − J) against N, for the true limit and the planted own-marginal control, ± 2 SE. */
export function largeBatchSpec(values: LargeBatchDatum[]): TopLevelSpec {
  const x = { field: 'N', type: 'quantitative' as const, scale: { type: 'log' as const, base: 2 }, title: 'batch size N' };
  return {
    $schema: SCHEMA,
    title: 'Large-batch value consistency on trained MNIST embeddings: N · bias against N',
    data: { values },
    facet: { column: { field: 'series', type: 'nominal', title: null } },
    spec: {
      width: 260, height: 200,
      layer: [
        { mark: 'errorbar', encoding: { x, y: { field: 'lo', type: 'quantitative', title: 'N · (E[L_N − log N] − J)' }, y2: { field: 'hi' } } },
        { mark: { type: 'line', point: true }, encoding: { x, y: { field: 'value', type: 'quantitative' } } },
      ],
    },
    resolve: { scale: { y: 'independent' } },
  };
}
