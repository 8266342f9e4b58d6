import { ensure } from '../../numeric/index.js';
import { type RankingModel, requireRankingModel, requireScores, type Scores } from './model.js';

/*
 * AUC-type retrieval criteria (docs/claims.md C4, C9; reconstruction [R]):
 *   per-anchor AUC(s) = Σ_x p1(x) Σ_{y,y'} P₊(y|x) P₋(y'|x) [1(s(x,y) > s(x,y')) + ½ 1(s(x,y) = s(x,y'))]
 *   AUC* = AUC(log r), r = P₊/P₋ (Neyman–Pearson: rank each anchor's candidates by likelihood ratio)
 *   global AUC pools (x, y) ~ p1 P₊ against (x', y') ~ p1 P₋ with x, x' independent.
 * Ties are exact comparisons; callers avoid accidental float ties (docs/numerics.md).
 */

function pairScore(a: number, b: number): number {
  return a > b ? 1 : a === b ? 0.5 : 0;
}

/** Per-anchor AUC of scores s for anchor x. */
export function anchorAuc(m: RankingModel, s: Scores, x: number): number {
  const sp = m.pPos[x]!,
    sn = m.pNeg[x]!,
    row = s[x]!;
  let t = 0;
  for (let y = 0; y < row.length; y++) {
    if (sp[y] === 0) continue;
    for (let y2 = 0; y2 < row.length; y2++) t += sp[y]! * sn[y2]! * pairScore(row[y]!, row[y2]!);
  }
  return t;
}

/** AUC(s) = E_x AUC_x(s), the per-anchor criterion the contrastive loss is consistent for. */
export function auc(m: RankingModel, s: Scores): number {
  requireRankingModel(m);
  requireScores(m, s);
  let t = 0;
  for (let x = 0; x < m.p1.length; x++) if (m.p1[x]! > 0) t += m.p1[x]! * anchorAuc(m, s, x);
  return t;
}

/**
 * The likelihood ratios r_x(y) = P₊(y|x)/P₋(y|x), an optimal ranking for both AUCs. Ratios, not log r: ties in r are
 * ties in log r, and comparing ratios avoids log rounding creating or breaking ties.
 */
function likelihoodRatios(m: RankingModel): number[][] {
  requireRankingModel(m);
  return m.pPos.map((row, x) => row.map((p, y) => p / m.pNeg[x]![y]!));
}

/** AUC* = sup_s AUC(s) = AUC(r). */
export function optimalAuc(m: RankingModel): number {
  return auc(m, likelihoodRatios(m));
}

/** AUC* − AUC(s), the retrieval regret (>= 0). */
export function aucRegret(m: RankingModel, s: Scores): number {
  return optimalAuc(m) - auc(m, s);
}

/** Global (pooled) AUC: positive pairs (x, y) ~ p1 P₊ against negative pairs (x', y') ~ p1 P₋. */
export function globalAuc(m: RankingModel, s: Scores): number {
  requireRankingModel(m);
  requireScores(m, s);
  const kx = m.p1.length,
    ky = m.pPos[0]!.length;
  let t = 0;
  for (let x = 0; x < kx; x++)
    for (let y = 0; y < ky; y++) {
      const wp = m.p1[x]! * m.pPos[x]![y]!;
      if (wp === 0) continue;
      for (let x2 = 0; x2 < kx; x2++)
        for (let y2 = 0; y2 < ky; y2++) t += wp * m.p1[x2]! * m.pNeg[x2]![y2]! * pairScore(s[x]![y]!, s[x2]![y2]!);
    }
  return t;
}

/** sup_s global AUC: rank all pairs by the pooled likelihood ratio p1 P₊ / p1 P₋ = r_x(y). */
export function optimalGlobalAuc(m: RankingModel): number {
  return globalAuc(m, likelihoodRatios(m));
}

/** Applies a per-anchor map φ_x to a score table (metamorphic AUC checks). */
export function mapScores(s: Scores, phi: (v: number, x: number) => number): number[][] {
  ensure(typeof phi === 'function', 'mapScores: phi must be a function');
  return s.map((row, x) => row.map((v) => phi(v, x)));
}
