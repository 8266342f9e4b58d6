import {
  type DD,
  dd,
  ddDiv,
  ddLog,
  ddMul,
  DDSum,
  ddSub,
  ddValue,
  klDivergence,
  logSumExp,
} from '../../numeric/index.js';
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

/** φ(u) = e^{−u} − 1 + u >= 0: its Taylor series Σ_{k>=2} (−u)^k/k! for |u| <= ½, expm1 beyond. */
function phi(u: number): number {
  if (Math.abs(u) > 0.5) return Math.expm1(-u) + u;
  let term = (u * u) / 2,
    sum = 0;
  for (let k = 2; k < 30 && term !== 0; k++) {
    sum += term;
    if (Math.abs(term) <= 1e-18 * sum) break;
    term *= -u / (k + 1);
  }
  return sum;
}

/**
 * (L_x(s) − L*_x)/τ for one anchor, its terms regrouped so nothing cancels (issue 11, item 4).
 * With t_y = log(P₊/P₋)(y) − s(y)/τ (double-double), σ = Σ P₊, t̄ = Σ P₊ t/σ, u = t − t̄:
 *   (L_x − L*_x)/τ = log Σ_y P₋ e^{s/τ} + Σ_y P₊ t = log1p(ε) + (σ − 1) t̄,
 *   ε = (σ − 1) + Σ_{P₊>0} P₊ φ(u) − Σ P₊ u + Σ_{P₊=0} P₋ e^{s/τ + t̄},
 * i.e. σ·KL(P₊‖q_s) in its log-partition form: every term of ε is >= 0 but the exact residues σ − 1 and
 * Σ P₊ u.
 * Far from the optimum (some |u| or exponent above 700) the plain log-sum-exp is used; it has nothing to lose there.
 */
function anchorExcess(pPos: readonly number[], pNeg: readonly number[], s: readonly number[], tau: number): number {
  const t: (DD | undefined)[] = s.map((v, y) =>
    pPos[y]! > 0 ? ddSub(ddLog(ddDiv(dd(pPos[y]!), dd(pNeg[y]!))), ddDiv(dd(v), dd(tau))) : undefined,
  );
  const sigma = new DDSum(),
    weighted = new DDSum();
  t.forEach((ty, y) => {
    if (ty) {
      sigma.add(pPos[y]!);
      weighted.addDD(ddMul(dd(pPos[y]!), ty));
    }
  });
  const tbar = ddDiv(weighted.value, sigma.value),
    tb = ddValue(tbar);
  const eta = ddValue(ddSub(sigma.value, dd(1)));
  const residue = new DDSum();
  let Phi = 0,
    far = false;
  const zeroExponents: number[] = [];
  t.forEach((ty, y) => {
    if (!ty) {
      zeroExponents.push(Math.log(pNeg[y]!) + s[y]! / tau + tb);
      return;
    }
    const u = ddSub(ty, tbar);
    residue.addDD(ddMul(dd(pPos[y]!), u));
    const uv = ddValue(u);
    if (uv < -700) far = true;
    Phi += pPos[y]! * phi(uv);
  });
  if (far || zeroExponents.some((e) => e > 700)) {
    const logs = s.map((v, y) => Math.log(pNeg[y]!) + v / tau + tb);
    return logSumExp(logs) + eta * tb;
  }
  let eps = eta + Phi - ddValue(residue.value);
  for (const e of zeroExponents) eps += Math.exp(e);
  return Math.log1p(eps) + eta * tb;
}

/**
 * L(s) − L*, the excess risk, from the risks' own terms regrouped per anchor (anchorExcess): by the identity
 * (C2) it is τ E_x KL(P₊ ‖ q_s), here computed directly in its log-partition form, to ~1e-14 relative
 * down to values of 1e-14 and below (the difference L(s) − L* would leave eps·|L|/value).
 */
export function excessRisk(m: RankingModel, s: Scores, tau: number): number {
  requireRankingInput(m, s, tau);
  let total = 0;
  for (let x = 0; x < m.p1.length; x++) {
    if (m.p1[x]! > 0) total += m.p1[x]! * tau * anchorExcess(m.pPos[x]!, m.pNeg[x]!, s[x]!, tau);
  }
  return total;
}

/**
 * τ Σ_x p1(x) KL(P₊(·|x) ‖ q_s(·|x)), the right side of the excess-risk identity (C2) as it reads: the softmax
 * q_s first, then the KL (klDivergence, from differences). excessRisk reaches the same value from the risks.
 */
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
