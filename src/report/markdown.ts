import type { ConjectureResult, SuiteResult } from '../conjecture/index.js';
import { showNumber } from '../conjecture/index.js';

const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function tightest(r: ConjectureResult): string {
  if (r.statistical) return `max observed failure rate ${showNumber(r.statistical.maxObservedRate)} (δ = ${r.statistical.delta}, α = ${r.statistical.alpha}, ${r.statistical.trials} trials/instance)`;
  if (!r.tightest) return '';
  const v = r.tightest.verdict;
  return `${showNumber(r.tightest.relativeMargin)} (lhs ${showNumber(v.lhs)} ${v.relation} rhs ${showNumber(v.rhs)})`;
}

function cx(r: ConjectureResult): string {
  if (r.error) return `**error**: ${r.error}${r.counterexample ? ` — on ${r.counterexample.shown}` : ''}`;
  if (!r.counterexample) return '';
  const v = r.counterexample.verdict;
  return `${r.counterexample.shown}${v ? ` — lhs ${showNumber(v.lhs)} ${v.relation} rhs ${showNumber(v.rhs)} fails` : ''}`;
}

/** report.md: one row per conjecture. */
export function markdownReport(s: SuiteResult, tensorBackend?: string): string {
  const lines = [
    `# crl-verify report (${s.profile} profile)`, '',
    `${s.results.length} conjectures: ${s.counts['as-expected']} as expected, ${s.counts.unexpected} unexpected, ${s.counts.error} errors.` +
      ` Suite-wide false-alarm budget (statistical \`holds\` conjectures, union bound): ${showNumber(s.falseAlarmBudget)}.` +
      (tensorBackend ? ` TensorFlow.js backend: ${tensorBackend}.` : ''), '',
  ];
  for (const e of s.loadErrors) lines.push(`- **load error** in \`${e.file}\`: ${esc(e.message)}`);
  if (s.loadErrors.length) lines.push('');
  lines.push('| id | provenance | expected | outcome | runs | tightest margin (relative) | counterexample | seed |', '|---|---|---|---|---:|---|---|---|');
  for (const r of s.results) {
    const mark = r.status === 'as-expected' ? '' : r.status === 'error' ? ' ⚠' : ' ✗';
    lines.push(`| \`${r.id}\` | ${r.source.provenance} | ${r.expect} | ${r.outcome}${mark} | ${r.runs} | ${esc(tightest(r))} | ${esc(cx(r))} | ${r.seed}${r.path ? ` path ${r.path}` : ''} |`);
  }
  lines.push('', 'Bounds:', '');
  for (const r of s.results.filter((x) => x.bound)) lines.push(`- \`${r.id}\`: $${r.bound!.tex}$`);
  return `${lines.join('\n')}\n`;
}
