import type { Conjecture, ConjectureResult } from '../conjecture/index.js';

/** The group of a conjecture: the first word of its id (paper1, paper2, background, …). */
export const groupOf = (id: string): string => id.split('.')[0]!;

/**
 * One progress line per group on `out` (stderr) as each group finishes, so a run without a terminal (CI logs)
 * shows where it is: `paper1: 54/54 done — 54 as expected (12.3 s)`.
 */
export function groupProgress(out: NodeJS.WritableStream) {
  const totals = new Map<string, number>();
  const seen = new Map<string, { done: number; ok: number; bad: number; ms: number }>();
  return {
    plan(selected: readonly Conjecture[]): void {
      for (const c of selected) totals.set(groupOf(c.id), (totals.get(groupOf(c.id)) ?? 0) + 1);
    },
    onResult(r: ConjectureResult): void {
      const g = groupOf(r.id);
      const s = seen.get(g) ?? { done: 0, ok: 0, bad: 0, ms: 0 };
      s.done++;
      s.ms += r.timing.ms;
      if (r.status === 'as-expected' || r.status === 'inconclusive') s.ok++;
      else s.bad++;
      seen.set(g, s);
      if (s.done === totals.get(g)) {
        const bad = s.bad ? `, ${s.bad} failed or errors` : '';
        out.write(
          `${g}: ${s.done}/${s.done} done — ${s.ok} pass the gate${bad} (${(s.ms / 1000).toFixed(1)} s of checks)\n`,
        );
      }
    },
  };
}
