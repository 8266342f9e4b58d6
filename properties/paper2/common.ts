/** Shared pieces of the paper-2 property files: sources and tolerances (docs/claims.md, paper 2). */
import type { Provenance, Source } from '../../src/conjecture/index.js';
import { tolerance } from '../../src/numeric/index.js';

/** Cai, Zhang, Liu, Shi (2026); `ref` names the item of docs/claims.md: 'P8', 'P14 (a)', 'P3 (FALSE-c)'. */
export const cai2026 = (ref: string, provenance: Provenance = 'reconstructed'): Source => ({
  paper: 'cai2026',
  ref: `claims.md ${ref}`,
  provenance,
});

/** Exact identities: |lhs − rhs| <= 1e-10·(1 + |lhs| + |rhs|), as abs 1e-10 plus rel 2e-10. */
export const IDENTITY = tolerance({ abs: 1e-10, rel: 2e-10 });
/** Inequalities: −1e-12·scale slack, floored at 1e-13. */
export const INEQUALITY = tolerance({ abs: 1e-13, rel: 1e-12 });
