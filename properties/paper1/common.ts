/** Shared pieces of the paper-1 property files: sources, tolerances (research/paper1.md §4.3), generators. */
import { rankingInstance, type RankingInstance, showRankingInstance } from '../../src/arbitraries/index.js';
import { type Provenance, type Source, sqrtTolerance } from '../../src/conjecture/index.js';
import { tolerance } from '../../src/numeric/index.js';

/** Li, Wei, Yang, Ying (2026); `ref` names the item of research/paper1.md. */
export const li2026 = (ref: string, provenance: Provenance = 'reconstructed'): Source => ({ paper: 'li2026', ref: `paper1.md ${ref}`, provenance });

/** Identities: |a − b| <= 1e-9·max(1, |a|, |b|) (§4.3). */
export const IDENTITY = tolerance({ abs: 1e-9, rel: 1e-9 });
/** Inequalities: slack 1e-10 + 1e-9·scale (§4.3). */
export const INEQUALITY = tolerance({ abs: 1e-10, rel: 1e-9 });
/** Inequalities with a side under a square root: INEQUALITY carried through √ (abs 1e-5: √ of 1e-10). */
export const ROOT_INEQUALITY = sqrtTolerance(INEQUALITY);

export const instances = rankingInstance();
export const show = showRankingInstance;
export type { RankingInstance };
