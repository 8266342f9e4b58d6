import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { ConjectureResult, SuiteResult } from '../conjecture/index.js';
import { showNumber } from '../conjecture/show.js';
import { detailTables } from './markdown.js';
import { summaryOf } from './summary.js';

/*
 * reports/index.html: a static page (no server, no script) with the conjecture table and SVG plots rendered in Node
 * by Vega-Lite → Vega (renderer 'none', no canvas):
 *   tightness of each bound over the generated instances (relative margins, one strip per conjecture);
 *   scaled errors against N, m or B for every rate conjecture (with the claimed constant);
 *   the tables the reproductions attach (gap against misalignment, argmin against 1/T, cap mass against τ).
 * Each plot is a <figure class="plot" data-points="n"> so a browser test can check that every plot has data.
 */

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Plot {
  readonly id: string;
  readonly caption: string;
  readonly spec: TopLevelSpec;
  readonly points: number;
}

/** Vega and Vega-Lite (about 0.4 s of CPU to load), imported when the first plot is drawn. */
async function svgOf(spec: TopLevelSpec): Promise<string> {
  const [vega, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const WIDTH = 560;

function tightnessPlot(group: string, results: readonly ConjectureResult[]): Plot | undefined {
  const values = results.flatMap((r) =>
    (r.margins ?? []).map((m) => ({ id: r.id.slice(group.length + 1), margin: Math.min(Math.max(m, 1e-12), 1e3) })),
  );
  if (!values.length) return undefined;
  return {
    id: `tightness-${group}`,
    points: values.length,
    caption: `${group}: relative margin (rhs − lhs)/scale of every passing instance, clipped to [1e−12, 1e3]; the leftmost tick is how close the bound came to failing`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: WIDTH,
      data: { values },
      mark: { type: 'tick', opacity: 0.5 },
      encoding: {
        y: { field: 'id', type: 'nominal', title: null, axis: { labelLimit: 320 } },
        x: { field: 'margin', type: 'quantitative', scale: { type: 'log' }, title: 'relative margin (log)' },
      },
    },
  };
}

function ratePlot(r: ConjectureResult): Plot | undefined {
  const t = detailTables(r).find((d) => d.columns[0] === 'grid');
  if (!t) return undefined;
  const v = (r.tightest?.verdict ?? r.counterexample?.verdict)!;
  const constant = (v.details as { constant: number }).constant;
  const values = t.rows.map(([n, s]) => ({ n: n as number, scaled: s as number }));
  return {
    id: `rate-${r.id}`,
    points: values.length,
    caption: `${r.id} (${r.outcome}): scaled error against the grid; dashed line = claimed constant ${showNumber(constant)}`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: WIDTH,
      height: 200,
      layer: [
        {
          data: { values },
          mark: { type: 'line', point: true },
          encoding: {
            x: { field: 'n', type: 'quantitative', scale: { type: 'log' }, title: 'N / m / B (log)' },
            y: { field: 'scaled', type: 'quantitative', title: 'scaled error' },
          },
        },
        {
          data: { values: [{ c: constant }] },
          mark: { type: 'rule', strokeDash: [4, 4], color: 'firebrick' },
          encoding: { y: { field: 'c', type: 'quantitative' } },
        },
      ],
    } as TopLevelSpec,
  };
}

function tablePlots(r: ConjectureResult): Plot[] {
  return detailTables(r)
    .filter((t) => t.columns[0] !== 'grid' && t.rows.length >= 2 && t.rows.every((row) => typeof row[0] === 'number'))
    .map((t, k) => {
      const values = t.rows
        .flatMap((row) => t.columns.slice(1).map((c, j) => ({ x: row[0] as number, series: c, y: row[j + 1] })))
        .filter((p) => typeof p.y === 'number' && Number.isFinite(p.y));
      return {
        id: `table-${r.id}-${k}`,
        points: values.length,
        caption: `${r.id}: ${t.title}`,
        spec: {
          $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
          width: WIDTH,
          height: 220,
          data: { values },
          mark: { type: 'line', point: true },
          encoding: {
            x: { field: 'x', type: 'quantitative', title: t.columns[0] },
            y: { field: 'y', type: 'quantitative', title: null, scale: { type: 'symlog' } },
            color: { field: 'series', type: 'nominal', title: null },
          },
        },
      };
    });
}

/**
 * Sharpness of each `holds` inequality: the largest lhs/rhs reached (by a checked instance or the targeted search);
 * a bar at 1 is a tight constant, a short bar a loose one.
 */
function sharpnessPlot(results: readonly ConjectureResult[]): Plot | undefined {
  const values = results
    .filter((r) => r.sharpness && r.expect === 'holds')
    .map((r) => ({ id: r.id, ratio: Math.min(r.sharpness!.ratio, 1.05), from: r.sharpness!.from }));
  if (!values.length) return undefined;
  return {
    id: 'sharpness',
    points: values.length,
    caption:
      'sharpness: the largest lhs/rhs each holds inequality reached (1 = the constant is attained; clipped at 1.05)',
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: WIDTH,
      data: { values },
      mark: 'bar',
      encoding: {
        y: { field: 'id', type: 'nominal', title: null, sort: '-x', axis: { labelLimit: 320 } },
        x: { field: 'ratio', type: 'quantitative', title: 'max lhs/rhs', scale: { domain: [0, 1.05] } },
        color: { field: 'from', type: 'nominal', title: 'reached by' },
      },
    },
  };
}

/** The plots of a suite result, in page order. */
export function plotsOf(s: SuiteResult): Plot[] {
  const groups = [...new Set(s.results.map((r) => r.id.split('.')[0]!))];
  const plots: Plot[] = [];
  const sharp = sharpnessPlot(s.results);
  if (sharp) plots.push(sharp);
  for (const g of groups) {
    const p = tightnessPlot(
      g,
      s.results.filter((r) => r.id.startsWith(`${g}.`)),
    );
    if (p) plots.push(p);
  }
  for (const r of s.results.filter((x) => x.kind === 'rate')) {
    const p = ratePlot(r);
    if (p) plots.push(p);
  }
  for (const r of s.results) plots.push(...tablePlots(r));
  return plots;
}

function row(r: ConjectureResult): string {
  const tight = r.statistical
    ? `failure rate ≤ ${showNumber(r.statistical.maxObservedRate)} (δ = ${r.statistical.delta}, α = ${r.statistical.alpha})`
    : r.tightest
      ? showNumber(r.tightest.relativeMargin)
      : '';
  const cx = r.error ? `error: ${r.error}` : r.counterexample ? r.counterexample.shown : '';
  const cls = r.status === 'as-expected' ? 'ok' : r.status === 'inconclusive' ? 'warn' : 'bad';
  return `<tr class="${cls}"><td><code>${esc(r.id)}</code></td><td>${esc(r.source.ref)}</td><td>${r.source.provenance}</td><td>${r.expect}</td><td>${r.outcome}</td><td>${esc(tight)}</td><td>${esc(cx)}</td></tr>`;
}

/** The summary at the top of the page: the counts, then failures, load errors, inconclusive checks, warnings. */
function summaryHtml(s: SuiteResult): string {
  const sum = summaryOf(s);
  const sections = sum.sections.map((sec) => {
    const items = sec.items.map((i) => `<li>${esc(i)}</li>`).join('');
    return `<section class="summary"><h3>${esc(sec.title)}</h3><ul>${items}</ul></section>`;
  });
  return `<p class="headline ${sum.ok ? 'pass' : 'fail'}"><strong>${esc(sum.headline)}</strong></p>\n${sections.join('\n')}`;
}

/** The HTML page (plots rendered to inline SVG). */
export async function htmlReport(s: SuiteResult, tensorBackend?: string): Promise<string> {
  const figures: string[] = [];
  for (const p of plotsOf(s))
    figures.push(
      `<figure class="plot" id="${esc(p.id)}" data-points="${p.points}">${await svgOf(p.spec)}<figcaption>${esc(p.caption)}</figcaption></figure>`,
    );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>crl-verify report (${s.profile})</title>
<style>body{font:14px system-ui,sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top}tr.bad{background:#fdd}tr.warn{background:#ffd}.headline.fail{color:#a00}.headline.pass{color:#060}figure{margin:1.5em 0}figcaption{font-size:12px;color:#444}</style>
</head><body>
<h1>crl-verify report — ${s.profile} profile</h1>
${summaryHtml(s)}
<p>Suite-wide false-alarm budget: ${showNumber(s.falseAlarmBudget)}.${tensorBackend ? ` TensorFlow.js backend: ${esc(tensorBackend)}.` : ''} Divergences are named by convention: <code>…KlHalf</code> = ½(KL + KL) (paper 2's theory), <code>…KlSum</code> = KL + KL (its code metric).</p>
<h2>Plots</h2>
${figures.join('\n')}
<h2>Conjectures</h2>
<table><thead><tr><th>id</th><th>source</th><th>provenance</th><th>expected</th><th>outcome</th><th>tightest margin</th><th>counterexample</th></tr></thead><tbody>
${s.results.map(row).join('\n')}
</tbody></table>
</body></html>
`;
}

/**
 * The real-data section: the Vega-Lite specs `npm run example:mnist` writes to <dir>/mnist/*.vl.json (alignment and
 * gap against training step, R@1 against m, the large-batch trend), rendered like the other plots; empty when the
 * example has not been run.
 */
async function realDataHtml(dir: string): Promise<string> {
  const mnist = join(dir, 'mnist');
  if (!existsSync(mnist)) return '';
  const figures: string[] = [];
  for (const name of readdirSync(mnist)
    .filter((f) => f.endsWith('.vl.json'))
    .sort()) {
    const spec = JSON.parse(readFileSync(join(mnist, name), 'utf8')) as TopLevelSpec & { description?: string };
    const caption = spec.description ?? name;
    figures.push(
      `<figure class="plot" id="mnist-${esc(name)}" data-points="1">${await svgOf(spec)}<figcaption>${esc(caption)}</figcaption></figure>`,
    );
  }
  if (!figures.length) return '';
  return `<h2>Real data (MNIST)</h2>\n<p>From <code>npm run example:mnist</code>: tables in <code>mnist/</code> beside this page.</p>\n${figures.join('\n')}`;
}

/** Writes index.html into `dir`; returns its path. */
export async function writeHtmlReport(s: SuiteResult, dir: string, tensorBackend?: string): Promise<string> {
  const p = join(dir, 'index.html');
  const html = (await htmlReport(s, tensorBackend)).replace(
    '<h2>Conjectures</h2>',
    `${await realDataHtml(dir)}\n<h2>Conjectures</h2>`,
  );
  writeFileSync(p, html);
  return p;
}
