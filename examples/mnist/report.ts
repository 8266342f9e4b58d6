import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';

/*
 * Output of the MNIST example: each table as JSON (the numbers, full precision) and as markdown (rounded for
 * reading); each plot as a Vega-Lite spec with its data inline (reports/mnist/*.vl.json, built in plots.ts).
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
    `## ${t.title}`,
    '',
    t.claim,
    '',
    line(t.columns),
    line(t.columns.map(() => '---')),
    ...t.rows.map((r) => line(r.map(fmt))),
    '',
    ...t.notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
}

/** Writes <dir>/<name>.json and <dir>/<name>.md; returns the markdown. */
export function writeTable(dir: string, t: Table): string {
  const md = tableMarkdown(t);
  writeFileSync(join(dir, `${t.name}.json`), `${JSON.stringify(t, null, 2)}\n`);
  writeFileSync(join(dir, `${t.name}.md`), md);
  return md;
}

/** Writes <dir>/<name>.vl.json. */
export function writeSpec(dir: string, name: string, spec: TopLevelSpec): string {
  const file = join(dir, `${name}.vl.json`);
  writeFileSync(file, `${JSON.stringify(spec, null, 2)}\n`);
  return file;
}
