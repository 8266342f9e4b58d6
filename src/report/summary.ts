import type { ConjectureResult, SuiteResult, Verdict } from '../conjecture/index.js';
import { showNumber } from '../conjecture/show.js';

/**
 * The summary every report opens with: the counts, then what needs a reader's attention first — failures and
 * errors with their replay lines, load errors, inconclusive checks with both figures, warnings — and last every
 * planted counterexample the suite found, so a reader sees what "refuted" rests on.
 */
export interface Summary {
  readonly headline: string;
  readonly ok: boolean;
  readonly sections: readonly { readonly title: string; readonly items: readonly string[] }[];
}

/** `lhs 0.5 <= rhs 0.25 (margin -0.25)`. */
export function verdictLine(v: Verdict): string {
  return `lhs ${showNumber(v.lhs)} ${v.relation} rhs ${showNumber(v.rhs)} (margin ${showNumber(v.margin)})`;
}

/** The command that reproduces a result: its counterexample's replay, else a run of its id with its seed. */
export function replayCommand(r: ConjectureResult): string {
  if (r.counterexample?.replay) return r.counterexample.replay.command;
  const id = r.id.replace(/\./g, '\\.');
  return `crl-verify run --grep '/^${id}$/' --profile ${r.profile} --seed ${r.seed}`;
}

function failure(r: ConjectureResult): string {
  let s = `${r.id} — expected ${r.expect}, ${r.outcome}`;
  if (r.error) s += `: ${r.error}`;
  if (r.counterexample) {
    s += `; counterexample: ${r.counterexample.shown}`;
    if (r.counterexample.verdict) s += `; ${verdictLine(r.counterexample.verdict)}`;
  } else if (r.expect === 'refuted' && r.outcome === 'held') {
    s += ` (no counterexample in ${r.coverage.instances} instances)`;
  }
  return `${s}; replay: ${replayCommand(r)}`;
}

function inconclusive(r: ConjectureResult): string {
  const x = r.suspect!;
  const c = x.confirmation;
  return (
    `${r.id} — a violation of ${showNumber(c.violation)} past the tolerance, but rounding can make ` +
    `${showNumber(c.rounding)} (${c.reason ?? c.method}); on ${x.shown}; ${verdictLine(x.verdict)}`
  );
}

function planted(r: ConjectureResult): string {
  const cx = r.counterexample!;
  const v = cx.verdict ? `; ${verdictLine(cx.verdict)}` : '';
  return `${r.id}: ${cx.shown}${v}; found in the ${cx.replay?.phase ?? 'generate'} phase; replay: ${replayCommand(r)}`;
}

/** The summary of a suite result. */
export function summaryOf(s: SuiteResult): Summary {
  const c = s.counts;
  const verdict = s.ok ? 'PASS' : 'FAIL';
  const headline =
    `${verdict}: ${s.results.length} conjectures, ${c['as-expected']} as expected, ${c.unexpected} unexpected, ` +
    `${c.inconclusive} inconclusive, ${c.error} errors, ${s.loadErrors.length} load errors (${s.profile} profile)`;
  const failures = s.results.filter((r) => r.status === 'unexpected' || r.status === 'error');
  const sections = [
    { title: 'Failures and errors', items: failures.map(failure) },
    { title: 'Load errors', items: s.loadErrors.map((e) => `${e.file}: ${e.message}`) },
    {
      title: 'Inconclusive (a violation within rounding: not a refutation)',
      items: s.results.filter((r) => r.suspect && r.outcome === 'inconclusive').map(inconclusive),
    },
    { title: 'Warnings', items: s.results.flatMap((r) => r.warnings.map((w) => `${r.id}: ${w}`)) },
    {
      title: 'Planted counterexamples found',
      items: s.results
        .filter((r) => r.expect === 'refuted' && r.outcome === 'refuted' && r.counterexample)
        .map(planted),
    },
  ].filter((x) => x.items.length > 0);
  return { headline, ok: s.ok, sections };
}

/** The summary as plain text lines (the CLI's closing output). */
export function summaryText(s: SuiteResult): string {
  const sum = summaryOf(s);
  const lines = [sum.headline];
  for (const sec of sum.sections) lines.push('', `${sec.title}:`, ...sec.items.map((i) => `  - ${i}`));
  return lines.join('\n');
}
