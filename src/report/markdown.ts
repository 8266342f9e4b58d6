import type { ConjectureResult, SuiteResult } from '../conjecture/index.js';
import { showNumber } from '../conjecture/show.js';
import { summaryOf } from './summary.js';

const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function tightest(r: ConjectureResult): string {
  if (r.statistical)
    return `max observed failure rate ${showNumber(r.statistical.maxObservedRate)} (δ = ${r.statistical.delta}, α = ${r.statistical.alpha}, ${r.statistical.trials} trials/instance)`;
  if (!r.tightest) return '';
  const v = r.tightest.verdict;
  return `${showNumber(r.tightest.relativeMargin)} (lhs ${showNumber(v.lhs)} ${v.relation} rhs ${showNumber(v.rhs)})`;
}

function sharpness(r: ConjectureResult): string {
  if (!r.sharpness) return '';
  const where = r.sharpness.from === 'search' ? 'reached by the search' : 'on a checked instance';
  return `${showNumber(Number(r.sharpness.ratio.toPrecision(4)))} (${where}: ${r.sharpness.shown})`;
}

function cx(r: ConjectureResult): string {
  if (r.error) return `**error**: ${r.error}${r.counterexample ? ` — on ${r.counterexample.shown}` : ''}`;
  if (!r.counterexample) return '';
  const v = r.counterexample.verdict;
  return `${r.counterexample.shown}${v ? ` — lhs ${showNumber(v.lhs)} ${v.relation} rhs ${showNumber(v.rhs)} fails` : ''}`;
}

/** A table a check attached to its verdict (reproductions: measured next to reference values). */
export interface DetailTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

function isDetailTable(v: unknown): v is DetailTable {
  return (
    typeof v === 'object' &&
    v !== null &&
    Array.isArray((v as DetailTable).columns) &&
    Array.isArray((v as DetailTable).rows)
  );
}

/** The tables a result carries: a rate conjecture's grid with its scaled errors, and any `table` details. */
export function detailTables(r: ConjectureResult): DetailTable[] {
  const out: DetailTable[] = [];
  if (r.targeted) {
    const t = r.targeted;
    const title =
      t.method === 'objective'
        ? "targeted search (gradient ascent of the conjecture's objective from the best generated starts)"
        : "targeted search (finite-difference ascent of the check's violation, −relative margin)";
    out.push({
      title,
      columns: [
        'starts',
        'steps',
        'evaluations',
        'best start objective',
        'best objective reached',
        'snapped instance violates',
        'ms',
      ],
      rows: [
        [t.starts, t.steps, t.evaluations, t.startObjective, t.bestObjective, t.violated ? 'yes' : 'no', t.timing.ms],
      ],
    });
  }
  const v = r.tightest?.verdict ?? r.counterexample?.verdict;
  const d = v?.details as Record<string, unknown> | undefined;
  if (!d) return out;
  if (Array.isArray(d.grid) && Array.isArray(d.scaled)) {
    const which = r.tightest ? 'tightest instance' : 'counterexample';
    out.push({
      title: `scaled errors on the grid (${which}; claimed constant ${showNumber(d.constant as number)})`,
      columns: ['grid', 'scaled error'],
      rows: (d.grid as number[]).map((n, i) => [n, (d.scaled as number[])[i]!]),
    });
  }
  for (const t of [d.table, ...(Array.isArray(d.tables) ? d.tables : [])]) if (isDetailTable(t)) out.push(t);
  return out;
}

const cell = (x: string | number): string => esc(typeof x === 'number' ? showNumber(x) : x);

/** report.md: the summary first (failures first, with replay lines), then one row per conjecture. */
export function markdownReport(s: SuiteResult, tensorBackend?: string): string {
  const sum = summaryOf(s);
  const lines = [
    `# crl-verify report (${s.profile} profile)`,
    '',
    `**${sum.headline}.**`,
    '',
    `Suite-wide false-alarm budget (statistical \`holds\` conjectures, union bound): ${showNumber(s.falseAlarmBudget)}.` +
      (tensorBackend ? ` TensorFlow.js backend: ${tensorBackend}.` : '') +
      " Divergence conventions are named: `…KlHalf` = ½(KL + KL) (paper 2's theory), `…KlSum` = KL + KL (its code metric).",
    '',
  ];
  for (const sec of sum.sections) lines.push(`## ${sec.title}`, '', ...sec.items.map((i) => `- ${esc(i)}`), '');
  lines.push('## Conjectures', '');
  lines.push(
    '| id | source | provenance | expected | outcome | instances (premise met) | failure rate excluded (95%) | tightest margin (relative) | sharpness (max lhs/rhs) | counterexample | seed |',
    '|---|---|---|---|---|---:|---:|---|---|---|---|',
  );
  for (const r of s.results) {
    const mark = { 'as-expected': '', inconclusive: ' ?', error: ' ⚠', unexpected: ' ✗' }[r.status];
    const cov = r.coverage;
    const cells = [
      `\`${r.id}\``,
      esc(r.source.ref),
      r.source.provenance,
      r.expect,
      `${r.outcome}${mark}`,
      `${cov.instances}${cov.discarded ? ` (${cov.discarded} discarded)` : ''}${cov.interrupted ? ' (time-boxed)' : ''}`,
      showNumber(Number(cov.excludedRate.toPrecision(2))),
      esc(tightest(r)),
      esc(sharpness(r)),
      esc(cx(r)),
      `${r.seed}${r.path ? ` path ${r.path}` : ''}`,
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  lines.push('', 'Bounds:', '');
  for (const r of s.results.filter((x) => x.bound)) lines.push(`- \`${r.id}\`: $${r.bound!.tex}$`);
  const withTables = s.results.map((r) => [r, detailTables(r)] as const).filter(([, ts]) => ts.length);
  if (withTables.length) lines.push('', '## Tables', '');
  for (const [r, ts] of withTables)
    for (const tb of ts) {
      lines.push(
        `**\`${r.id}\`** — ${esc(tb.title)}`,
        '',
        `| ${tb.columns.map(esc).join(' | ')} |`,
        `|${tb.columns.map(() => '---').join('|')}|`,
      );
      for (const row of tb.rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
      lines.push('');
    }
  return `${lines.join('\n')}\n`;
}
