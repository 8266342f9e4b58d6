/*
 * Source: issue 15 (StrykerJS on src/losses/supcon.ts): the surviving mutants of the anchor's shift (the max over
 * b ≠ a: `b !== a && z_b > mx` → true, `||`, `b === a`), of the sum S (`S += e_b` → `S −= e_b`, `b < total` →
 * `b <= total`) and of negLogProb's choice between (max − z_ab) + log S and log1p(Σ_{k≠a,b} e_k / e_b)
 * (`e_b <= S/2` → true, false, `>`, `S * 2`).
 * Expected: the loss agrees with fixtures/oracle/losses_mutants.json (mpmath, 60 digits, from the SupCon formula of
 * docs/api.md; scripts/make_oracle_losses_mutants.py) at 1e-12 relative on logits of ±1024 (τ = 2^−10), where a
 * positive's e^{z − max} underflows to 0 and an anchor's own logit is 1024 above its others, and on losses of
 * 1.1e-28 and 1.1e-14 (one positive holding all but e^−64 or 2e^−32 of the mass).
 */
import { describe, it } from 'vitest';
import { supConLoss } from '../../src/losses/index.js';
import { expectClose, M } from '../helpers/assert.js';
import { oracle, REL12 } from './mutants-oracle.js';

describe('SupCon at extreme logits and near a zero loss', () => {
  for (const c of oracle.supcon) {
    it(`${c.name}: ${c.loss.slice(0, 12)}`, () => {
      const v = supConLoss({
        views: c.views.map(M),
        labels: c.labels ?? undefined,
        tau: c.tau,
        baseTau: c.baseTau,
        contrastMode: c.contrastMode,
      });
      expectClose(v, Number(c.loss), REL12, c.name);
    });
  }
});
