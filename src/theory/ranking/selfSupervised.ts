import { ensure } from '../../numeric/index.js';
import { populationRisk } from './risk.js';
import { selfSupervisedModel, transposeJoint, type Scores } from './model.js';

/*
 * Self-supervised and symmetric (CLIP-style) population risks of a finite joint law P(x, y)
 * (docs/claims.md C3 [B][R][V]):
 *   L(s)     with P₊ = P(·|x), P₋ = p2         minimum −τ I(X;Y), attained by τ PMI + c(x)
 *   L_sym(s) = L(s) + Lᵀ(sᵀ)                   minimum −2τ I(X;Y), attained by τ PMI + const
 */

/** I(X;Y) = Σ P log(P / (p1 p2)) in nats. */
export function mutualInformation(joint: readonly (readonly number[])[]): number {
  const m = selfSupervisedModel(joint);
  let total = 0;
  for (let x = 0; x < m.p1.length; x++)
    for (let y = 0; y < m.pPos[x]!.length; y++) {
      const pxy = m.p1[x]! * m.pPos[x]![y]!;
      if (pxy > 0) total += pxy * Math.log(m.pPos[x]![y]! / m.pNeg[x]![y]!);
    }
  return total;
}

/** PMI(x, y) = log P(x,y) / (p1(x) p2(y)) (−∞ where P = 0). */
export function pointwiseMutualInformation(joint: readonly (readonly number[])[]): number[][] {
  const m = selfSupervisedModel(joint);
  return m.pPos.map((row, x) => row.map((p, y) => Math.log(p / m.pNeg[x]![y]!)));
}

/** The symmetric two-sided risk L(s) + Lᵀ(sᵀ): x → y with negatives from p2, y → x with negatives from p1. */
export function symmetricRisk(joint: readonly (readonly number[])[], s: Scores, tau: number): number {
  ensure(s.length === joint.length, () => `symmetricRisk: s has ${s.length} rows, the joint law ${joint.length}`);
  const st = transposeJoint(s as number[][]);
  return (
    populationRisk(selfSupervisedModel(joint), s, tau) +
    populationRisk(selfSupervisedModel(transposeJoint(joint)), st, tau)
  );
}
