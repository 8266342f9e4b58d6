import type { TopLevelSpec } from 'vega-lite';
import type { GapPoint } from './gap.js';
import type { LargeBatchRow } from './largeBatch.js';
import type { NegativesResult } from './negatives.js';

/*
 * The example's plots as Vega-Lite specs with their data inline: alignment and gap against the training step,
 * held-out retrieval against the number of negatives m, and N·bias against the batch size N.
 */

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const quantitative = (field: string, title: string | null = null) => ({ field, type: 'quantitative' as const, title });

/** One curve per run: its name (τ, B) and its held-out gap statistics against the step. */
export interface NamedCurve {
  readonly run: string;
  readonly curve: readonly GapPoint[];
}

/** Alignment, centroid gap and energy distance against the training step (log scale), controls dashed. */
export function gapCurveSpec(curves: readonly NamedCurve[]): TopLevelSpec {
  const values = curves.flatMap(({ run, curve }) =>
    curve.flatMap((p) => {
      const d = (quantity: string, series: string, value: number) => ({ run, step: p.step, quantity, series, value });
      return [
        d('alignment E‖x − y‖²', 'paired', p.alignment),
        d('alignment E‖x − y‖²', 'shuffle control', p.alignmentShuffled),
        d('centroid gap ‖x̄ − ȳ‖', 'top vs bottom', p.centroidGap),
        d('centroid gap ‖x̄ − ȳ‖', 'identity control', p.centroidGapIdentity),
        d('energy distance', 'top vs bottom', p.energy),
        d('energy distance', 'identity control', p.energyIdentity),
      ];
    }),
  );
  return {
    $schema: SCHEMA,
    title: 'MNIST halves: alignment and modality gap against the training step (held-out digits)',
    data: { values },
    facet: { column: { field: 'quantity', type: 'nominal', title: null } },
    spec: {
      width: 260,
      height: 200,
      mark: { type: 'line', point: true },
      encoding: {
        x: quantitative('step', 'training step'),
        y: { ...quantitative('value'), scale: { type: 'log' } },
        color: { field: 'run', type: 'nominal', title: 'τ, batch' },
        strokeDash: { field: 'series', type: 'nominal', title: 'series' },
        shape: { field: 'series', type: 'nominal', title: 'series' },
      },
    },
    resolve: { scale: { y: 'independent' } },
  };
}

/** Held-out R@1 and AUC against m at a fixed budget n·m: the seeds as crosses, their mean ± sd as a band. */
export function negativesSpec(results: readonly NegativesResult[], budget: number): TopLevelSpec {
  const values = results.flatMap((r) => [
    { m: r.m, seed: r.seed, metric: 'held-out R@1', value: r.recallAt1 },
    { m: r.m, seed: r.seed, metric: 'held-out AUC', value: r.auc },
  ]);
  const x = { ...quantitative('m', `negatives per anchor m (n·m = ${budget})`), scale: { type: 'log' as const } };
  return {
    $schema: SCHEMA,
    title: 'Paper 1 trade-off on MNIST halves: held-out retrieval against m at a fixed budget',
    data: { values },
    facet: { column: { field: 'metric', type: 'nominal', title: null } },
    spec: {
      width: 260,
      height: 200,
      layer: [
        { mark: { type: 'errorband', extent: 'stdev' }, encoding: { x, y: quantitative('value') } },
        { mark: { type: 'line', point: true }, encoding: { x, y: { ...quantitative('value'), aggregate: 'mean' } } },
        { mark: { type: 'point', opacity: 0.4, shape: 'cross' }, encoding: { x, y: quantitative('value') } },
      ],
    },
    resolve: { scale: { y: 'independent' } },
  };
}

/** N·(E[L_N − log N] − J) against N, for the true limit and the planted own-marginal control, ± 2 N·SE. */
export function largeBatchSpec(rows: readonly LargeBatchRow[]): TopLevelSpec {
  const values = rows
    .flatMap((r) => [
      { N: r.N, series: 'J = J^Sym_∞ (the claim)', value: r.scaledBias, halfWidth: 2 * r.N * r.se },
      { N: r.N, series: 'J = own-marginal limit (control)', value: r.scaledBiasOwn, halfWidth: 2 * r.N * r.se },
    ])
    .map((v) => ({ ...v, lo: v.value - v.halfWidth, hi: v.value + v.halfWidth }));
  const x = { ...quantitative('N', 'batch size N'), scale: { type: 'log' as const, base: 2 } };
  return {
    $schema: SCHEMA,
    title: 'Large-batch value consistency on trained MNIST embeddings: N · bias against N',
    data: { values },
    facet: { column: { field: 'series', type: 'nominal', title: null } },
    spec: {
      width: 260,
      height: 200,
      layer: [
        { mark: 'errorbar', encoding: { x, y: quantitative('lo', 'N · (E[L_N − log N] − J)'), y2: { field: 'hi' } } },
        { mark: { type: 'line', point: true }, encoding: { x, y: quantitative('value') } },
      ],
    },
    resolve: { scale: { y: 'independent' } },
  };
}
