import { klDivergence, logSumExp } from '../../numeric/index.js';
import { type RankingModel, requireRankingInput, type Scores } from './model.js';

/*
 * Population contrastive risk with m = ∞ and its optimum (docs/claims.md C1, C2; [R][V]):
 *   L(s)  = Σ_x p1(x) [ τ log Σ_y P₋(y|x) e^{s(x,y)/τ} − Σ_y P₊(y|x) s(x,y) ]
 *   L*    = −τ Σ_x p1(x) KL(P₊(·|x) ‖ P₋(·|x)),   attained by s* = τ log(P₊/P₋) + c(x)
 *   q_s   = P₋ e^{s/τ} / Σ P₋ e^{s/τ}            (the model's softmax over candidates)
 *   L − L* = τ Σ_x p1(x) KL(P₊(·|x) ‖ q_s(·|x))   (excess-risk identity, C2)
 */

/** τ log Σ_y P₋(y|x) e^{s(x,y)/τ}, max-shifted. */
function anchorLogPartition(pNeg: readonly number[], s: readonly number[], tau: number): number {
  return tau * logSumExp(s.map((v, y) => v / tau + Math.log(pNeg[y]!)));
}

/** L(s): the population contrastive risk at m = ∞. */
export function populationRisk(m: RankingModel, s: Scores, tau: number): number {
  requireRankingInput(m, s, tau);
  let total = 0;
  for (let x = 0; x < m.p1.length; x++) {
    if (m.p1[x] === 0) continue;
    let pos = 0;
    for (let y = 0; y < s[x]!.length; y++) pos += m.pPos[x]![y]! * s[x]![y]!;
    total += m.p1[x]! * (anchorLogPartition(m.pNeg[x]!, s[x]!, tau) - pos);
  }
  return total;
}

/** L* = −τ E_x KL(P₊(·|x) ‖ P₋(·|x)), the minimum of L (C1). */
export function optimalRisk(m: RankingModel, tau: number): number {
  requireRankingInput(m, undefined, tau);
  let total = 0;
  for (let x = 0; x < m.p1.length; x++) if (m.p1[x]! > 0) total += m.p1[x]! * klDivergence(m.pPos[x]!, m.pNeg[x]!);
  return -tau * total;
}

/** s*(x, y) = τ log r_x(y) + c(x), r_x = P₊/P₋ (−∞ where P₊ = 0). c defaults to 0. */
export function optimalScores(m: RankingModel, tau: number, c: readonly number[] = []): number[][] {
  requireRankingInput(m, undefined, tau);
  return m.pPos.map((row, x) => row.map((p, y) => tau * Math.log(p / m.pNeg[x]![y]!) + (c[x] ?? 0)));
}

/** q_s(·|x) = P₋(·|x) e^{s(x,·)/τ} / Σ_y P₋ e^{s/τ}, one row per anchor. */
export function candidateSoftmax(m: RankingModel, s: Scores, tau: number): number[][] {
  requireRankingInput(m, s, tau);
  return s.map((row, x) => {
    const l = anchorLogPartition(m.pNeg[x]!, row, tau) / tau;
    return row.map((v, y) => m.pNeg[x]![y]! * Math.exp(v / tau - l));
  });
}

/** L(s) − L*, computed as the difference of the two risks. */
export function excessRisk(m: RankingModel, s: Scores, tau: number): number {
  return populationRisk(m, s, tau) - optimalRisk(m, tau);
}

/** τ Σ_x p1(x) KL(P₊(·|x) ‖ q_s(·|x)), the right side of the excess-risk identity (C2). */
export function excessRiskKl(m: RankingModel, s: Scores, tau: number): number {
  const q = candidateSoftmax(m, s, tau);
  let total = 0;
  for (let x = 0; x < m.p1.length; x++) if (m.p1[x]! > 0) total += m.p1[x]! * klDivergence(m.pPos[x]!, q[x]!);
  return tau * total;
}

/** ∂L/∂s(x, y) = p1(x) [q_s(y|x) − P₊(y|x)] (C1's cheap extra check: zero at s*). */
export function populationRiskGradient(m: RankingModel, s: Scores, tau: number): number[][] {
  const q = candidateSoftmax(m, s, tau);
  return q.map((row, x) => row.map((v, y) => m.p1[x]! * (v - m.pPos[x]![y]!)));
}

/** E_x ‖P₊(·|x) − q_s(·|x)‖₁, the middle link of the calibration chain (C5). */
export function expectedL1Gap(m: RankingModel, s: Scores, tau: number): number {
  const q = candidateSoftmax(m, s, tau);
  let total = 0;
  for (let x = 0; x < m.p1.length; x++) {
    let l1 = 0;
    for (let y = 0; y < q[x]!.length; y++) l1 += Math.abs(m.pPos[x]![y]! - q[x]![y]!);
    total += m.p1[x]! * l1;
  }
  return total;
}

/** E_x √(2 KL(P₊(·|x) ‖ q_s(·|x))), the Pinsker link of the calibration chain (C5). */
export function expectedPinsker(m: RankingModel, s: Scores, tau: number): number {
  const q = candidateSoftmax(m, s, tau);
  let total = 0;
  for (let x = 0; x < m.p1.length; x++) total += m.p1[x]! * Math.sqrt(2 * Math.max(0, klDivergence(m.pPos[x]!, q[x]!)));
  return total;
}
