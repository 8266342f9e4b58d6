/** Shared pieces of the paper-1 property files: sources, tolerances, generators (docs/claims.md, paper 1). */
import {
  buildRankingInstance,
  rankingInstance,
  type RankingInstance,
  showRankingInstance,
} from '../../src/arbitraries/index.js';
import { type Provenance, type Source, sqrtTolerance } from '../../src/conjecture/index.js';
import { tolerance } from '../../src/numeric/index.js';

/** Li, Wei, Yang, Ying (2026); `ref` names the item of docs/claims.md: 'C5', 'C6 (2)', 'C5 (FALSE-1)'. */
export const li2026 = (ref: string, provenance: Provenance = 'reconstructed'): Source => ({
  paper: 'li2026',
  ref: `claims.md ${ref}`,
  provenance,
});

/** Identities: |a − b| <= 1e-9·max(1, |a|, |b|). */
export const IDENTITY = tolerance({ abs: 1e-9, rel: 1e-9 });
/** Inequalities: slack 1e-10 + 1e-9·scale. */
export const INEQUALITY = tolerance({ abs: 1e-10, rel: 1e-9 });
/** Inequalities with a side under a square root: INEQUALITY carried through √ (abs 1e-5: √ of 1e-10). */
export const ROOT_INEQUALITY = sqrtTolerance(INEQUALITY);

export const instances = rankingInstance();
export const show = showRankingInstance;
export type { RankingInstance };

/**
 * One anchor, uniform P₊ and P₋ on two candidates, s = (0, 1/1024), τ = 1: q_s sits next to P₊ and e^{s/τ} is nearly
 * constant, where several paper-1 bounds are nearly attained (Pinsker's constant in the limit, L − L_m ≈ B_m): the
 * `tight` instance of those bounds.
 */
export const nearUniform = buildRankingInstance({
  kx: 1,
  ky: 2,
  weights: { p1: [1], pos: [[1, 1]], neg: [[1, 1]] },
  tau: 1,
  scores: 'grid',
  step: 1 / 1024,
  k: [[0, 1]],
});
