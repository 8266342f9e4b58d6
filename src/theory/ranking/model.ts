import { ensure, requireTemperature } from '../../numeric/index.js';

/**
 * A finite ranking model (docs/claims.md, paper-1 notation): anchors x with weights p1(x), and per anchor a
 * positive law P₊(·|x) and a negative law P₋(·|x) over the same Ky candidates. Rows are anchors.
 */
export interface RankingModel {
  readonly p1: readonly number[];
  readonly pPos: readonly (readonly number[])[];
  readonly pNeg: readonly (readonly number[])[];
}

/** A score table s(x, y), one row per anchor. */
export type Scores = readonly (readonly number[])[];

const SUM_TOL = 1e-9;

function requireDistribution(p: readonly number[], name: string, positive: boolean): void {
  let s = 0;
  for (let k = 0; k < p.length; k++) {
    const v = p[k]!;
    ensure(
      Number.isFinite(v) && (positive ? v > 0 : v >= 0),
      () => `${name}[${k}] = ${v} must be a finite ${positive ? 'positive' : 'non-negative'} probability`,
    );
    s += v;
  }
  ensure(Math.abs(s - 1) <= SUM_TOL, () => `${name} sums to ${s}, not 1`);
}

/**
 * Checks a model: p1 a distribution over Kx >= 1 anchors, P₊(·|x) a distribution and P₋(·|x) a distribution
 * with full support (the likelihood ratio r_x = P₊/P₋ must be finite) over the same Ky >= 2 candidates.
 */
export function requireRankingModel(m: RankingModel): void {
  ensure(m && Array.isArray(m.p1) && m.p1.length >= 1, 'ranking model: p1 must be a non-empty array');
  requireDistribution(m.p1, 'p1', false);
  const kx = m.p1.length;
  ensure(
    Array.isArray(m.pPos) && m.pPos.length === kx,
    () => `ranking model: pPos has ${m.pPos?.length} rows, p1 has ${kx}`,
  );
  ensure(
    Array.isArray(m.pNeg) && m.pNeg.length === kx,
    () => `ranking model: pNeg has ${m.pNeg?.length} rows, p1 has ${kx}`,
  );
  const ky = m.pPos[0]!.length;
  ensure(ky >= 2, () => `ranking model: need at least 2 candidates, got ${ky}`);
  for (let x = 0; x < kx; x++) {
    ensure(
      m.pPos[x]!.length === ky && m.pNeg[x]!.length === ky,
      () => `ranking model: row ${x} does not have ${ky} candidates`,
    );
    requireDistribution(m.pPos[x]!, `pPos[${x}]`, false);
    requireDistribution(m.pNeg[x]!, `pNeg[${x}]`, true);
  }
}

/** Checks a score table against a model's shape, with finite entries. */
export function requireScores(m: RankingModel, s: Scores, name = 's'): void {
  ensure(
    Array.isArray(s) && s.length === m.p1.length,
    () => `${name} has ${s?.length} rows, the model has ${m.p1.length} anchors`,
  );
  for (let x = 0; x < s.length; x++) {
    ensure(
      s[x]!.length === m.pPos[x]!.length,
      () => `${name}[${x}] has ${s[x]!.length} entries, the model has ${m.pPos[x]!.length} candidates`,
    );
    for (let y = 0; y < s[x]!.length; y++)
      ensure(Number.isFinite(s[x]![y]!), () => `${name}[${x}][${y}] = ${s[x]![y]} is not finite`);
  }
}

/** Both checks plus the temperature, for the evaluators. */
export function requireRankingInput(m: RankingModel, s: Scores | undefined, tau: number): void {
  requireRankingModel(m);
  if (s) requireScores(m, s);
  requireTemperature(tau);
}

/** Number of anchors and candidates. */
export function shapeOf(m: RankingModel): { kx: number; ky: number } {
  return { kx: m.p1.length, ky: m.pPos[0]!.length };
}

/**
 * The self-supervised model of a joint law P(x, y) (docs/claims.md C3 [B]): p1 its x-marginal, P₊ = P(·|x) and
 * P₋ = p2, the y-marginal, for every anchor. Needs full-support marginals.
 */
export function selfSupervisedModel(joint: readonly (readonly number[])[]): RankingModel {
  const kx = joint.length,
    ky = joint[0]?.length ?? 0;
  let total = 0;
  for (const row of joint)
    for (const v of row) {
      ensure(Number.isFinite(v) && v >= 0, 'joint law: entries must be finite and >= 0');
      total += v;
    }
  ensure(kx >= 1 && ky >= 2 && total > 0, 'joint law: need at least one anchor, two candidates and positive mass');
  const p1 = joint.map((row) => row.reduce((a, b) => a + b, 0) / total);
  const p2 = Array.from({ length: ky }, (_, y) => joint.reduce((a, row) => a + row[y]!, 0) / total);
  ensure(p1.every((v) => v > 0) && p2.every((v) => v > 0), 'joint law: marginals need full support');
  return { p1, pPos: joint.map((row, x) => row.map((v) => v / total / p1[x]!)), pNeg: joint.map(() => p2) };
}

/** The transposed self-supervised model: roles of x and y swapped, negatives from p1 (for L^T in C3). */
export function transposeJoint(joint: readonly (readonly number[])[]): number[][] {
  return joint[0]!.map((_, y) => joint.map((row) => row[y]!));
}
